import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../testing/testCore';
import { fakeClock, makeTempDir, TEST_PASSPHRASE } from '../testing/tempVault';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

describe('automatic lock', () => {
  it.each([
    [10, 9 * 60_000, false],
    [10, 10 * 60_000, true],
    [1, 60_000, true],
    [30, 29 * 60_000, false],
  ])('after %i minutes setting, %i ms idle → locked: %s', async (minutes, idle, locked) => {
    const clock = fakeClock();
    const core = createTestCore({ documentsDir: tmp.dir, now: clock.now, prefs: { autoLockMinutes: minutes } });
    await core.dispatch('wp:vault.create', { newPassphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE }, { scope: 'console' });
    clock.advance(idle);
    await core.autoLock.tick();
    expect(core.ctx.vault.isUnlocked).toBe(!locked);
    if (locked) expect(core.events.emitted).toContainEqual({ name: 'vault.locked', payload: { reason: 'idle' } });
    await core.ctx.vault.lock('quit');
  });

  it('counts the counselor’s requests and reported activity, but not status checks', async () => {
    const clock = fakeClock();
    const core = createTestCore({ documentsDir: tmp.dir, now: clock.now, prefs: { autoLockMinutes: 10 } });
    await core.dispatch('wp:vault.create', { newPassphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE }, { scope: 'console' });
    clock.advance(8 * 60_000);
    await core.dispatch('wp:students.list', {}, { scope: 'console' });
    clock.advance(8 * 60_000);
    await core.dispatch('wp:app.activity', undefined, { scope: 'console' });
    clock.advance(8 * 60_000);
    await core.autoLock.tick();
    expect(core.ctx.vault.isUnlocked).toBe(true);
    await core.dispatch('wp:vault.status', undefined, { scope: 'console' });
    clock.advance(2 * 60_000 + 1);
    await core.autoLock.tick();
    expect(core.ctx.vault.isUnlocked).toBe(false);
  });
});
