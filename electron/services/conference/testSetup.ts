import { createTestCore } from '../../testing/testCore';
import { fakeClock, makeTempDir, TEST_PASSPHRASE } from '../../testing/tempVault';
import type { PdfPort } from '../../adapters/ports';
import type { TestDisplays } from '../../testing/displays';

/** A fresh unlocked vault with the real handler table, for conference service tests. */
export async function conferenceTestCore(options: { pdf?: PdfPort; displays?: TestDisplays; start?: Date } = {}) {
  const tmp = makeTempDir('waypoint-conf-');
  const clock = fakeClock(options.start ?? new Date('2026-10-01T15:00:00Z'));
  const core = createTestCore({ documentsDir: tmp.dir, now: clock.now, pdf: options.pdf, displays: options.displays });
  await core.ctx.vault.create(`${tmp.dir}/Vault`, TEST_PASSPHRASE);

  type Env<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
  async function call<T = unknown>(channel: string, input?: unknown, scope: 'console' | 'family' = 'console'): Promise<Env<T>> {
    return (await core.dispatch(channel, input, { scope })) as Env<T>;
  }
  async function ok<T = unknown>(channel: string, input?: unknown, scope: 'console' | 'family' = 'console'): Promise<T> {
    const env = await call<T>(channel, input, scope);
    if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`);
    return env.value;
  }
  return {
    core,
    clock,
    call,
    ok,
    db: () => core.ctx.vault.session().db,
    async dispose() {
      await core.ctx.vault.lock('quit');
      tmp.cleanup();
    },
  };
}

/** An invented student (no real person). */
export const ANA = { firstName: 'Ana Sofía', lastName: 'Peña Ibáñez', preferredName: 'Sofi', localId: '0090001', gradeLevel: '09', campusName: 'Cedar Ridge High School' } as const;

export const ATTENDEES = [
  { role: 'student', name: 'Sofi Peña Ibáñez' },
  { role: 'guardian', name: 'José Peña', detail: 'Padre' },
  { role: 'guardian', name: 'Lucía Ibáñez de Peña', detail: 'Madre' },
  { role: 'interpreter', name: 'Marta Quiroga', detail: 'Español' },
  { role: 'counselor', name: 'Dana Whitfield' },
] as const;
