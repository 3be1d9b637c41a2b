import type { PreferencesPort } from '../adapters/ports';
import type { VaultManager } from '../vault/vaultManager';

/**
 * Locks the vault after the configured minutes without activity in Waypoint. Activity is
 * any console request or a keyboard/pointer event the renderer reports (throttled there).
 * The host calls `tick()` on a timer; OS lock and suspend call `vault.lock` directly.
 */
export class AutoLock {
  private lastActivity: number;

  constructor(
    private readonly vault: VaultManager,
    private readonly prefs: PreferencesPort,
    private readonly now: () => Date,
  ) {
    this.lastActivity = now().getTime();
  }

  touch(): void {
    this.lastActivity = this.now().getTime();
  }

  idleMs(): number {
    return this.now().getTime() - this.lastActivity;
  }

  async tick(): Promise<boolean> {
    if (!this.vault.isUnlocked) return false;
    const limit = this.prefs.get().autoLockMinutes * 60_000;
    if (this.idleMs() < limit) return false;
    await this.vault.lock('idle');
    return true;
  }
}
