import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { VaultManager } from './vaultManager';
import { DB_FILE_NAME, SLOT_FILE_NAME } from './layout';
import { parseRecoveryKey } from './keySlots';
import { FAST_SCRYPT, TEST_PASSPHRASE, fakeClock, makeTempDir } from '../testing/tempVault';
import { decryptSqlcipherV4Page1 } from '../testing/sqlcipherV4';
import { AppError } from '../../shared/ipc/errors';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

async function codeOf(p: Promise<unknown>): Promise<{ code: string; details?: unknown }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected the call to fail');
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('vault lifecycle', () => {
  it('creates, locks and unlocks with the passphrase; wrong passphrase is refused', async () => {
    const folder = join(tmp.dir, 'Vault');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    const { recoveryKey } = await vm.create(folder, TEST_PASSPHRASE);
    expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    expect(existsSync(join(folder, SLOT_FILE_NAME))).toBe(true);
    expect(existsSync(join(folder, DB_FILE_NAME))).toBe(true);
    vm.session().db.prepare(`INSERT INTO campuses (name, created_at) VALUES ('North High', 'x')`).run();

    await vm.lock('user');
    expect(() => vm.session()).toThrow(/locked/);
    expect((await codeOf(vm.unlock(folder, 'not-the-passphrase-at-all'))).code).toBe('WRONG_PASSPHRASE');
    await vm.unlock(folder, TEST_PASSPHRASE);
    expect(vm.session().db.prepare('SELECT name FROM campuses').get()).toEqual({ name: 'North High' });
  });

  it('keeps temp data in memory and memory-mapping off on every connection', async () => {
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(join(tmp.dir, 'V'), TEST_PASSPHRASE);
    expect(vm.session().db.pragma('temp_store', { simple: true })).toBe(2);
    expect(vm.session().db.pragma('mmap_size', { simple: true })).toBe(0);
  });

  it('writes a standard SQLCipher v4 file that opens with the recovery key as a raw key', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    const { recoveryKey } = await vm.create(folder, TEST_PASSPHRASE);
    vm.session().db.prepare(`INSERT INTO campuses (name, created_at) VALUES ('Quillfeather Academy', 'x')`).run();
    await vm.lock('user');
    const key = parseRecoveryKey(recoveryKey)!;
    const file = readFileSync(join(folder, DB_FILE_NAME));
    expect(file.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const page = decryptSqlcipherV4Page1(file, key);
    expect(page).toEqual({ hmacValid: true, pageSize: 4096, reservedBytes: 80 });

    // What district IT would type into the sqlcipher shell: the v4 defaults and the raw key.
    const db = new Database(join(folder, DB_FILE_NAME), { readonly: true, fileMustExist: true });
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    expect(db.prepare('SELECT name FROM campuses').get()).toEqual({ name: 'Quillfeather Academy' });
    db.close();
  });

  it('refuses to create over an existing vault', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    expect((await codeOf(vm.create(folder, TEST_PASSPHRASE))).code).toBe('VAULT_EXISTS');
  });

  it('refuses weak passphrases in the main process', async () => {
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    for (const weak of ['password123', 'short', 'aaaaaaaaaaaa', 'qwertyuiop12']) {
      expect((await codeOf(vm.create(join(tmp.dir, 'V'), weak))).code).toBe('WEAK_PASSPHRASE');
    }
    expect(existsSync(join(tmp.dir, 'V', SLOT_FILE_NAME))).toBe(false);
  });

  it('uses the production KDF cost for a real vault', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager();
    await vm.create(folder, TEST_PASSPHRASE);
    const slots = JSON.parse(readFileSync(join(folder, SLOT_FILE_NAME), 'utf8'));
    expect(slots.slots[0].kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    await vm.lock('user');
    await vm.unlock(folder, TEST_PASSPHRASE);
    expect(vm.isUnlocked).toBe(true);
  });
});

describe('wrong tries', () => {
  it('allows five free tries, then makes the user wait longer each time; success resets', async () => {
    const clock = fakeClock();
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT, now: clock.now });
    await vm.create(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    for (let i = 1; i <= 5; i++) {
      const r = await codeOf(vm.unlock(folder, `wrong passphrase ${i}`));
      expect(r.code).toBe('WRONG_PASSPHRASE');
      expect(r.details).toMatchObject({ failures: i, triesBeforeDelay: 5 - i });
    }
    // Even the right passphrase must wait now.
    const throttled = await codeOf(vm.unlock(folder, TEST_PASSPHRASE));
    expect(throttled).toMatchObject({ code: 'UNLOCK_THROTTLED', details: { retryAfterMs: 15_000 } });
    clock.advance(15_000);
    expect((await codeOf(vm.unlock(folder, 'wrong again'))).details).toMatchObject({ failures: 6, retryAfterMs: 30_000 });
    clock.advance(29_000);
    expect((await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).code).toBe('UNLOCK_THROTTLED');
    clock.advance(1_000);
    await vm.unlock(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    // The counter was reset by the successful unlock.
    expect((await codeOf(vm.unlock(folder, 'wrong once more'))).details).toMatchObject({ failures: 1, retryAfterMs: 0 });
  });

  it('remembers failures across app restarts (stored beside the vault)', async () => {
    const clock = fakeClock();
    const folder = join(tmp.dir, 'V');
    const first = new VaultManager({ scrypt: FAST_SCRYPT, now: clock.now });
    await first.create(folder, TEST_PASSPHRASE);
    await first.lock('user');
    for (let i = 0; i < 5; i++) await codeOf(first.unlock(folder, 'nope nope nope'));
    const second = new VaultManager({ scrypt: FAST_SCRYPT, now: clock.now });
    expect(second.inspect(folder)).toMatchObject({ state: 'vault', failures: 5, retryAfterMs: 15_000 });
  });
});

describe('recovery key', () => {
  it('unlocks with the recovery key and replaces the passphrase', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    const { recoveryKey } = await vm.create(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await vm.unlockWithRecoveryKey(folder, typed, 'new-harbor-meadow-copper-7');
    await vm.lock('user');
    expect((await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).code).toBe('WRONG_PASSPHRASE');
    await vm.unlock(folder, 'new-harbor-meadow-copper-7');
  });

  it('rejects a wrong or mistyped recovery key and counts it as a wrong try', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    const { recoveryKey } = await vm.create(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    const mistyped = (recoveryKey[0] === 'A' ? 'B' : 'A') + recoveryKey.slice(1);
    expect((await codeOf(vm.unlockWithRecoveryKey(folder, mistyped, 'new-harbor-meadow-copper-7'))).code).toBe('WRONG_RECOVERY_KEY');
    expect((await codeOf(vm.unlockWithRecoveryKey(folder, 'ABCD-1234', 'new-harbor-meadow-copper-7'))).details).toMatchObject({ failures: 2 });
    await vm.unlock(folder, TEST_PASSPHRASE);
  });
});

describe('change passphrase', () => {
  it('re-wraps the data key without rewriting the database', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    const { recoveryKey } = await vm.create(folder, TEST_PASSPHRASE);
    const saltBefore = readFileSync(join(folder, DB_FILE_NAME)).subarray(0, 16).toString('hex');
    expect((await codeOf(vm.changePassphrase('wrong current one', 'next-quartz-pelican-88'))).code).toBe('WRONG_PASSPHRASE');
    await vm.changePassphrase(TEST_PASSPHRASE, 'next-quartz-pelican-88');
    await vm.lock('user');
    expect(readFileSync(join(folder, DB_FILE_NAME)).subarray(0, 16).toString('hex')).toBe(saltBefore);
    expect((await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).code).toBe('WRONG_PASSPHRASE');
    await vm.unlock(folder, 'next-quartz-pelican-88');
    await vm.lock('user');
    // The same data key still opens it: the recovery key is unchanged.
    await vm.unlockWithRecoveryKey(folder, recoveryKey, 'final-tundra-saffron-19');
  });
});

describe('files that are not vaults', () => {
  it('refuses an unrelated file and leaves it untouched', async () => {
    const path = join(tmp.dir, 'grades.xlsx');
    writeFileSync(path, Buffer.from('PK\u0003\u0004 not a vault at all'));
    const before = sha(path);
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    expect((await codeOf(vm.unlock(path, TEST_PASSPHRASE))).code).toBe('NOT_A_VAULT');
    expect(sha(path)).toBe(before);
  });

  it('names a plain SQLite database for what it is', async () => {
    const path = join(tmp.dir, 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t(x)');
    db.close();
    const before = sha(path);
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    expect(await codeOf(vm.unlock(path, TEST_PASSPHRASE))).toMatchObject({ code: 'NOT_A_VAULT', details: { reason: 'plain-sqlite' } });
    expect(sha(path)).toBe(before);
  });

  it('refuses a folder of other files', async () => {
    const folder = join(tmp.dir, 'Documents');
    mkdirSync(folder);
    writeFileSync(join(folder, 'letter.docx'), 'x');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    expect((await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).code).toBe('NOT_A_VAULT');
    expect(readdirSync(folder)).toEqual(['letter.docx']);
  });

  it('reports a damaged database as damaged, not as a wrong passphrase, and does not modify it', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    const dbPath = join(folder, DB_FILE_NAME);
    const bytes = readFileSync(dbPath);
    bytes.fill(0x41, 200, 3000); // scribble over the first page's ciphertext
    writeFileSync(dbPath, bytes);
    const before = sha(dbPath);
    expect(await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).toMatchObject({ code: 'VAULT_DAMAGED' });
    expect(sha(dbPath)).toBe(before);
  });

  it('reports a damaged key file', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    writeFileSync(join(folder, SLOT_FILE_NAME), '{"format": "waypoint-vault-keyslots", "vers');
    expect(await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).toMatchObject({ code: 'VAULT_DAMAGED', details: { reason: 'bad-key-file' } });
  });

  it('leaves no files behind when a damaged page is found (no -wal or -shm appears)', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(folder, TEST_PASSPHRASE);
    vm.session().db.prepare(`INSERT INTO campuses (name, created_at) VALUES ('Page Campus', 'x')`).run();
    await vm.lock('user');
    const dbPath = join(folder, DB_FILE_NAME);
    const bytes = readFileSync(dbPath);
    bytes.fill(0x41, 8192, 8292); // inside a later page: the key opens page 1, the check finds the damage
    writeFileSync(dbPath, bytes);
    const listing = readdirSync(folder).sort();
    const before = sha(dbPath);
    expect(await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).toMatchObject({ code: 'VAULT_DAMAGED' });
    expect(readdirSync(folder).sort()).toEqual(listing);
    expect(sha(dbPath)).toBe(before);
  });

  it('says a vault from a newer Waypoint is too new, not damaged, and leaves its key file alone', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(folder, TEST_PASSPHRASE);
    await vm.lock('user');
    const slotPath = join(folder, SLOT_FILE_NAME);
    writeFileSync(slotPath, JSON.stringify({ ...JSON.parse(readFileSync(slotPath, 'utf8')), version: 2, somethingNew: true }, null, 2));
    const before = sha(slotPath);
    expect(await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).toMatchObject({ code: 'VAULT_TOO_NEW', details: { reason: 'newer-key-file' } });
    expect(sha(slotPath)).toBe(before);
  });

  it('refuses a database whose schema has steps from a newer Waypoint', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(folder, TEST_PASSPHRASE);
    vm.session().db.prepare(`INSERT INTO migrations (timestamp, name) VALUES (?, ?)`).run(4102444800000, 'FutureFeature4102444800000');
    await vm.lock('user');
    const before = sha(join(folder, DB_FILE_NAME));
    expect(await codeOf(vm.unlock(folder, TEST_PASSPHRASE))).toMatchObject({ code: 'VAULT_TOO_NEW', details: { reason: 'newer-schema' } });
    expect(vm.isUnlocked).toBe(false);
    expect(sha(join(folder, DB_FILE_NAME))).toBe(before);
  });
});

describe('backup', () => {
  it('makes a verified encrypted copy that opens as a vault of its own', async () => {
    const folder = join(tmp.dir, 'V');
    const vm = new VaultManager({ scrypt: FAST_SCRYPT });
    await vm.create(folder, TEST_PASSPHRASE);
    vm.session().db.prepare(`INSERT INTO campuses (name, created_at) VALUES ('Backup Campus', 'x')`).run();
    const { folder: backupFolder, bytes } = await vm.backup(join(tmp.dir, 'external-drive'));
    expect(bytes).toBeGreaterThan(0);
    const copy = readFileSync(join(backupFolder, DB_FILE_NAME));
    expect(copy.includes(Buffer.from('Backup Campus'))).toBe(false);
    await vm.lock('user');
    await vm.unlock(backupFolder, TEST_PASSPHRASE);
    expect(vm.session().db.prepare('SELECT name FROM campuses').get()).toEqual({ name: 'Backup Campus' });
  });
});
