import { createTestCore } from './testCore';
import { fakeClock, makeTempDir, TEST_PASSPHRASE } from './tempVault';
import { apiCaller } from './apiCalls';
import type { StudentDetail } from '../../shared/ipc/contract';

/**
 * A fresh encrypted vault behind the real handler table, with a controllable clock
 * (1 September 2026, 09:00 local-ish) and two invented students.
 */
export async function workspaceVault() {
  const tmp = makeTempDir('waypoint-ws-');
  const clock = fakeClock(new Date('2026-09-01T14:00:00Z'));
  const core = createTestCore({ documentsDir: tmp.dir, now: clock.now });
  const api = apiCaller(core);
  await api.ok('wp:vault.create', { newPassphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE });
  const ana = await api.ok<StudentDetail>('wp:students.create', { firstName: 'Ana Sofía', lastName: 'Peña Ibáñez', gradeLevel: '09', expectedGraduationYear: 2030, localId: '0700101' });
  const liam = await api.ok<StudentDetail>('wp:students.create', { firstName: 'Liam', lastName: 'O’Brien', gradeLevel: '07', localId: '0700102' });
  const db = () => core.ctx.vault.session().db;
  return {
    core,
    clock,
    ...api,
    db,
    ana,
    liam,
    /** Every audit row written so far, as one string, to prove no content leaked into it. */
    auditText: () => JSON.stringify(db().prepare('SELECT action, entity_type, entity_id, summary FROM audit_events').all()),
    audit: (action: string) => db().prepare('SELECT entity_type, entity_id, summary FROM audit_events WHERE action = ? ORDER BY id').all(action) as { entity_type: string; entity_id: number; summary: string | null }[],
    async dispose() {
      await core.ctx.vault.lock('quit');
      tmp.cleanup();
    },
  };
}

export type WorkspaceVault = Awaited<ReturnType<typeof workspaceVault>>;
