import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/ipc/errors';
import { assessPassphrase } from '../../shared/domain/passphrase';
import { writeFileAtomic } from './atomicFile';
import { createVaultDataSource, openRawDatabase, probeDatabase, rawConnection, type RawDatabase } from './database';
import {
  DEFAULT_SCRYPT,
  formatRecoveryKey,
  makePassphraseSlot,
  makeRecoverySlot,
  parseRecoveryKey,
  passphraseSlots,
  recoveryKeyMatches,
  SLOT_FILE_FORMAT,
  SLOT_FILE_VERSION,
  unwrapPassphraseSlot,
  type ScryptParams,
  type SlotFile,
} from './keySlots';
import { BACKUP_DIR, DB_FILE_NAME, locateVault, SLOT_FILE_NAME, vaultPaths, type VaultPaths } from './layout';
import { FREE_ATTEMPTS, remainingWait } from './throttle';
import { recordAudit } from './auditLog';
import { MIGRATIONS } from './migrations';

export type LockReason = 'user' | 'idle' | 'os-lock' | 'suspend' | 'quit';

export interface VaultSession {
  readonly paths: VaultPaths;
  readonly vaultId: string;
  readonly dataSource: DataSource;
  /** The better-sqlite3 connection under TypeORM (same connection, same transactions). */
  readonly db: RawDatabase;
}

export interface VaultManagerOptions {
  now?: () => Date;
  /** KDF cost for new passphrase slots; tests may lower it, production uses the default. */
  scrypt?: ScryptParams;
}

export type VaultInspection =
  | { state: 'empty'; folder: string }
  | { state: 'vault'; folder: string; unlocked: boolean; retryAfterMs: number; failures: number };

interface OpenSession extends VaultSession {
  dek: Buffer;
}

export class VaultManager {
  private current: OpenSession | null = null;
  private readonly now: () => Date;
  private readonly scryptParams: ScryptParams;
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  /** Serialises create/unlock/lock so two clicks cannot race each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: VaultManagerOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.scryptParams = options.scrypt ?? DEFAULT_SCRYPT;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get isUnlocked(): boolean {
    return this.current !== null;
  }

  get folder(): string | null {
    return this.current?.paths.folder ?? null;
  }

  /** True when `key` is the data key of the open vault (constant-time). */
  matchesRecoveryKey(key: Buffer): boolean {
    const dek = this.current?.dek;
    return !!dek && key.length === dek.length && timingSafeEqual(key, dek);
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** The open vault, or VAULT_LOCKED. Services call this on every request. */
  session(): VaultSession {
    if (!this.current) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
    return this.current;
  }

  inspect(path: string): VaultInspection {
    const found = locateVault(path);
    if (found.kind === 'empty') return { state: 'empty', folder: found.folder };
    const { failures, lastFailureAt } = found.slots.throttle;
    return {
      state: 'vault',
      folder: found.paths.folder,
      unlocked: this.current?.paths.folder === found.paths.folder,
      retryAfterMs: remainingWait(failures, lastFailureAt, this.now()),
      failures,
    };
  }

  create(folder: string, passphrase: string): Promise<{ recoveryKey: string; folder: string }> {
    return this.exclusive(async () => {
      this.requirePolicy(passphrase);
      const found = locateVault(folder);
      if (found.kind === 'vault') throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder.');
      if (this.current) await this.closeSession('user');

      mkdirSync(found.folder, { recursive: true });
      const paths = vaultPaths(found.folder);
      const partialDb = `${paths.database}.partial`;
      // Leftovers from an interrupted earlier attempt are ours to remove.
      for (const f of readdirSync(found.folder)) {
        if (f.startsWith(`${DB_FILE_NAME}.partial`)) rmSync(join(found.folder, f), { force: true });
      }
      const dek = randomBytes(32);
      const vaultId = randomUUID();
      const now = this.now();
      try {
        const ds = createVaultDataSource(partialDb, dek, { mustExist: false });
        await ds.initialize();
        try {
          await ds.runMigrations({ transaction: 'all' });
          // Leave a single self-contained file behind: no -wal to carry across the rename.
          rawConnection(ds).pragma('journal_mode=DELETE');
        } finally {
          await ds.destroy();
        }
        const slots: SlotFile = {
          format: SLOT_FILE_FORMAT,
          version: SLOT_FILE_VERSION,
          vaultId,
          createdAt: now.toISOString(),
          database: DB_FILE_NAME,
          cipher: { scheme: 'sqlcipher', legacy: 4 },
          slots: [await makePassphraseSlot(vaultId, dek, passphrase, this.scryptParams, now), makeRecoverySlot(vaultId, dek, now)],
          throttle: { failures: 0, lastFailureAt: null },
        };
        renameSync(partialDb, paths.database);
        writeFileAtomic(paths.slotFile, JSON.stringify(slots, null, 2));
      } catch (err) {
        for (const f of [partialDb, `${partialDb}-wal`, `${partialDb}-shm`, `${partialDb}-journal`]) rmSync(f, { force: true });
        dek.fill(0);
        throw err;
      }
      await this.openSession(paths, vaultId, dek);
      recordAudit(this.current!.db, this.now(), { action: 'vault.create' });
      return { recoveryKey: formatRecoveryKey(dek), folder: paths.folder };
    });
  }

  unlock(path: string, passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const found = this.requireVault(path);
      this.requireNotThrottled(found.slots);
      let dek: Buffer | null = null;
      for (const slot of passphraseSlots(found.slots)) {
        dek = await unwrapPassphraseSlot(found.slots.vaultId, slot, passphrase);
        if (dek) break;
      }
      if (!dek) this.fail(found.paths, found.slots, 'WRONG_PASSPHRASE', 'That passphrase does not open this vault.');
      await this.finishUnlock(found.paths, found.slots, dek!);
    });
  }

  /** Unlock with the printed recovery key and set a new passphrase in one step. */
  unlockWithRecoveryKey(path: string, recoveryKey: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      this.requirePolicy(newPassphrase);
      const found = this.requireVault(path);
      this.requireNotThrottled(found.slots);
      const dek = parseRecoveryKey(recoveryKey);
      if (!dek || !recoveryKeyMatches(found.slots, dek)) {
        this.fail(found.paths, found.slots, 'WRONG_RECOVERY_KEY', 'That recovery key does not open this vault.');
      }
      const slot = await makePassphraseSlot(found.slots.vaultId, dek!, newPassphrase, this.scryptParams, this.now());
      await this.finishUnlock(found.paths, found.slots, dek!, (file) => ({
        ...file,
        slots: [...file.slots.filter((s) => s.type !== 'passphrase'), slot],
      }));
      recordAudit(this.current!.db, this.now(), { action: 'vault.recovery_unlock' });
    });
  }

  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const session = this.current;
      if (!session) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
      this.requirePolicy(newPassphrase);
      const found = this.requireVault(session.paths.folder);
      let ok = false;
      for (const slot of passphraseSlots(found.slots)) {
        const dek = await unwrapPassphraseSlot(found.slots.vaultId, slot, currentPassphrase);
        if (dek) {
          ok = dek.equals(session.dek);
          dek.fill(0);
          if (ok) break;
        }
      }
      if (!ok) throw new AppError('WRONG_PASSPHRASE', 'The current passphrase is not correct.');
      // Re-wrap the same data key: the database itself is not rewritten.
      const slot = await makePassphraseSlot(found.slots.vaultId, session.dek, newPassphrase, this.scryptParams, this.now());
      const next: SlotFile = { ...found.slots, slots: [...found.slots.slots.filter((s) => s.type !== 'passphrase'), slot] };
      writeFileAtomic(found.paths.slotFile, JSON.stringify(next, null, 2));
      recordAudit(session.db, this.now(), { action: 'vault.passphrase_change' });
    });
  }

  lock(reason: LockReason): Promise<void> {
    return this.exclusive(async () => {
      if (this.current) await this.closeSession(reason);
    });
  }

  /**
   * Verified backup: `VACUUM INTO` (the SQLite backup API refuses encrypted sources) gives
   * an encrypted copy under the same key, which is then opened and integrity-checked.
   * The key-slot file is copied beside it so the backup folder is itself a vault.
   */
  backup(destinationParent?: string): Promise<{ folder: string; bytes: number }> {
    return this.exclusive(async () => {
      const session = this.current;
      if (!session) throw new AppError('VAULT_LOCKED', 'The vault is locked.');
      const parent = destinationParent ?? join(session.paths.folder, BACKUP_DIR);
      const stamp = this.now().toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
      const folder = join(parent, `Waypoint backup ${stamp}`);
      const result = this.backupTo(session.db, session.dek, session.paths.slotFile, folder);
      recordAudit(session.db, this.now(), { action: 'vault.backup' });
      return result;
    });
  }

  private backupTo(db: RawDatabase, dek: Buffer, slotFile: string, folder: string): { folder: string; bytes: number } {
    if (existsSync(folder)) throw new AppError('CONFLICT', 'A backup with this name already exists.');
    mkdirSync(folder, { recursive: true });
    const target = join(folder, DB_FILE_NAME);
    try {
      // A plain path, never a URI: URI syntax would write the key into the file name.
      db.prepare('VACUUM INTO ?').run(target);
      const check = openRawDatabase(target, dek, { readonly: true });
      try {
        const row = check.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
        if (row.integrity_check !== 'ok') throw new AppError('INTERNAL', 'The backup did not pass its integrity check.');
      } finally {
        check.close();
      }
      copyFileSync(slotFile, join(folder, SLOT_FILE_NAME));
      return { folder, bytes: statSync(target).size };
    } catch (err) {
      rmSync(folder, { recursive: true, force: true });
      throw err;
    }
  }

  // ---------------------------------------------------------------------------

  private requirePolicy(passphrase: string): void {
    if (!assessPassphrase(passphrase).acceptable) {
      throw new AppError('WEAK_PASSPHRASE', 'Choose a longer, less guessable passphrase.');
    }
  }

  private requireVault(path: string) {
    const found = locateVault(path);
    if (found.kind !== 'vault') throw new AppError('VAULT_NOT_FOUND', 'There is no vault at this location.');
    return found;
  }

  private requireNotThrottled(slots: SlotFile): void {
    const wait = remainingWait(slots.throttle.failures, slots.throttle.lastFailureAt, this.now());
    if (wait > 0) {
      throw new AppError('UNLOCK_THROTTLED', 'Too many wrong tries. Wait before trying again.', { retryAfterMs: wait });
    }
  }

  private fail(paths: VaultPaths, slots: SlotFile, code: 'WRONG_PASSPHRASE' | 'WRONG_RECOVERY_KEY', message: string): never {
    const failures = slots.throttle.failures + 1;
    const now = this.now();
    const next: SlotFile = { ...slots, throttle: { failures, lastFailureAt: now.toISOString() } };
    writeFileAtomic(paths.slotFile, JSON.stringify(next, null, 2));
    throw new AppError(code, message, {
      failures,
      triesBeforeDelay: Math.max(0, FREE_ATTEMPTS - failures),
      retryAfterMs: remainingWait(failures, now.toISOString(), now),
    });
  }

  private async finishUnlock(paths: VaultPaths, slots: SlotFile, dek: Buffer, updateSlots?: (file: SlotFile) => SlotFile): Promise<void> {
    // The key opened a slot, so a database that will not open with it is damaged, not locked.
    if (probeDatabase(paths.database, dek) !== 'ok') {
      dek.fill(0);
      throw new AppError('VAULT_DAMAGED', 'The vault’s database is damaged and could not be opened. Restore it from a backup.', { reason: 'database-check-failed' });
    }
    let next = slots;
    if (updateSlots) next = updateSlots(next);
    if (slots.throttle.failures > 0) next = { ...next, throttle: { failures: 0, lastFailureAt: null } };
    if (next !== slots) writeFileAtomic(paths.slotFile, JSON.stringify(next, null, 2));
    if (this.current) await this.closeSession('user');
    try {
      await this.openSession(paths, slots.vaultId, dek);
    } catch (err) {
      dek.fill(0);
      throw err;
    }
    recordAudit(this.current!.db, this.now(), { action: 'vault.unlock' });
  }

  private async openSession(paths: VaultPaths, vaultId: string, dek: Buffer): Promise<void> {
    await this.backupBeforeMigrations(paths, dek);
    const dataSource = createVaultDataSource(paths.database, dek, { mustExist: true });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'all' });
    } catch (err) {
      await dataSource.destroy();
      throw err;
    }
    this.current = { paths, vaultId, dataSource, db: rawConnection(dataSource), dek };
  }

  /** Schema upgrades of a vault that already holds data start from a verified backup. */
  private async backupBeforeMigrations(paths: VaultPaths, dek: Buffer): Promise<void> {
    const db = openRawDatabase(paths.database, dek, { readonly: true });
    try {
      const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get();
      if (!hasTable) return;
      const applied = new Set((db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name));
      // A schema step this Waypoint does not know came from a newer version: opening it here
      // could misread or damage data written by that version.
      const known = new Set(MIGRATIONS.map((m) => new m().name));
      if ([...applied].some((name) => !known.has(name))) {
        throw new AppError('VAULT_TOO_NEW', 'This vault was made by a newer version of Waypoint. Update Waypoint to open it.', { reason: 'newer-schema' });
      }
      const pending = MIGRATIONS.some((m) => !applied.has(new m().name));
      if (!pending) return;
      const stamp = this.now().toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
      this.backupTo(db, dek, paths.slotFile, join(paths.folder, BACKUP_DIR, `Before upgrade ${stamp}`));
    } finally {
      db.close();
    }
  }

  private async closeSession(reason: LockReason): Promise<void> {
    const session = this.current;
    if (!session) return;
    this.current = null;
    try {
      if (session.dataSource.isInitialized) await session.dataSource.destroy();
    } finally {
      session.dek.fill(0);
      for (const listener of this.lockListeners) listener(reason);
    }
  }
}

