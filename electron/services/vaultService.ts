import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import type { VaultStatus } from '../../shared/ipc/contract';
import type { Locale } from '../../shared/i18n/locales';
import { DEFAULT_VAULT_FOLDER_NAME } from '../vault/layout';
import { parseRecoveryKey, formatRecoveryKey } from '../vault/keySlots';
import { recoverySheetText } from './recoverySheet';
import type { AppContext } from './context';

/**
 * The vault as the counselor sees it: which folder, locked or not, and the create /
 * unlock / recover flows. Paths are chosen here (through dialogs), never taken from
 * the renderer, so a compromised page cannot point the app at arbitrary files.
 */
export class VaultService {
  /** Folder picked for a new vault in this session (not remembered until it exists). */
  private pendingNewLocation: string | null = null;

  constructor(private readonly ctx: AppContext) {}

  private defaultNewLocation(): string {
    return this.ctx.host.defaultVaultFolder ?? join(this.ctx.host.documentsDir, DEFAULT_VAULT_FOLDER_NAME);
  }

  status(): VaultStatus {
    const { vault, prefs } = this.ctx;
    const location = prefs.get().lastVaultPath;
    const newLocation = this.pendingNewLocation ?? this.defaultNewLocation();
    const base: VaultStatus = { state: 'none', location: null, newLocation, problem: null, failures: 0, retryAfterMs: 0 };
    if (vault.isUnlocked) return { ...base, state: 'unlocked', location: vault.folder };
    if (!location) return base;
    try {
      const found = vault.inspect(location);
      if (found.state === 'empty') {
        return { ...base, problem: { code: 'VAULT_NOT_FOUND', message: 'The vault folder is empty or was moved.' } };
      }
      return { ...base, state: 'locked', location: found.folder, failures: found.failures, retryAfterMs: found.retryAfterMs };
    } catch (err) {
      if (err instanceof AppError) return { ...base, location, problem: { code: err.code, message: err.message } };
      throw err;
    }
  }

  async chooseExisting(): Promise<VaultStatus> {
    const picked = await this.ctx.dialogs.chooseFolder('open-vault', this.ctx.prefs.get().lastVaultPath ?? this.ctx.host.documentsDir);
    if (!picked) return this.status();
    const found = this.ctx.vault.inspect(picked); // throws NOT_A_VAULT / VAULT_DAMAGED with the reason
    if (found.state === 'empty') throw new AppError('NOT_A_VAULT', 'This folder does not contain a Waypoint vault.', { reason: 'no-vault-in-folder' });
    if (this.ctx.vault.isUnlocked && this.ctx.vault.folder !== found.folder) await this.ctx.vault.lock('user');
    this.ctx.prefs.set({ lastVaultPath: found.folder });
    return this.status();
  }

  async chooseNewLocation(): Promise<VaultStatus> {
    const parent = await this.ctx.dialogs.chooseFolder('new-vault-parent', this.ctx.host.documentsDir);
    if (!parent) return this.status();
    const folder = join(parent, DEFAULT_VAULT_FOLDER_NAME);
    const found = this.ctx.vault.inspect(folder);
    if (found.state === 'vault') throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder. Open it instead.');
    this.pendingNewLocation = folder;
    return this.status();
  }

  async create(newPassphrase: string): Promise<{ recoveryKey: string; status: VaultStatus }> {
    const target = this.pendingNewLocation ?? this.defaultNewLocation();
    const { recoveryKey, folder } = await this.ctx.vault.create(target, newPassphrase);
    this.ctx.prefs.set({ lastVaultPath: folder });
    this.pendingNewLocation = null;
    return { recoveryKey, status: this.status() };
  }

  private requireLocation(): string {
    const location = this.ctx.prefs.get().lastVaultPath;
    if (!location) throw new AppError('VAULT_NOT_FOUND', 'Choose a vault first.');
    return location;
  }

  async unlock(passphrase: string): Promise<VaultStatus> {
    await this.ctx.vault.unlock(this.requireLocation(), passphrase);
    return this.status();
  }

  async unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<VaultStatus> {
    await this.ctx.vault.unlockWithRecoveryKey(this.requireLocation(), recoveryKey, newPassphrase);
    return this.status();
  }

  async lock(): Promise<VaultStatus> {
    await this.ctx.vault.lock('user');
    return this.status();
  }

  async saveRecoveryKey(recoveryKey: string, locale: Locale): Promise<{ saved: boolean; path: string | null }> {
    // Only the key of the open vault may be written: the renderer cannot use this to write arbitrary text.
    const key = parseRecoveryKey(recoveryKey);
    if (!key || !this.ctx.vault.matchesRecoveryKey(key)) throw new AppError('WRONG_RECOVERY_KEY', 'That is not this vault’s recovery key.');
    const path = await this.ctx.dialogs.chooseSaveFile('recovery-key', 'Waypoint recovery key.txt', [{ name: 'Text', extensions: ['txt'] }]);
    if (!path) return { saved: false, path: null };
    writeFileSync(path, recoverySheetText(formatRecoveryKey(key), this.ctx.vault.folder ?? '', this.ctx.now(), locale), { encoding: 'utf8', mode: 0o600 });
    return { saved: true, path };
  }

  async backup() {
    const parent = await this.ctx.dialogs.chooseFolder('backup', this.ctx.host.documentsDir);
    if (!parent) return null;
    return this.ctx.vault.backup(parent);
  }
}
