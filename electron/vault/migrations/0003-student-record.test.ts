import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../testing/testCore';
import { makeTempDir, TEST_PASSPHRASE } from '../../testing/tempVault';

let tmp: ReturnType<typeof makeTempDir>;
let core: ReturnType<typeof createTestCore>;

beforeEach(async () => {
  tmp = makeTempDir();
  core = createTestCore({ documentsDir: tmp.dir });
  await core.dispatch('wp:vault.create', { newPassphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE }, { scope: 'console' });
});
afterEach(async () => {
  await core.ctx.vault.lock('quit');
  tmp.cleanup();
});

describe('migration 0003 (student record) on a vault that already has students', () => {
  it('marks every value of existing students as entered by the counselor, and can be undone', async () => {
    const { dataSource, db } = core.ctx.vault.session();
    // Undo the later migrations too, back to the 0002 schema.
    const applied = () => (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name);
    while (applied().includes('StudentRecord1764800000003')) await dataSource.undoLastMigration({ transaction: 'all' });
    expect(applied()).toEqual(['Initial1764800000001', 'Notes1764800000002']);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'guardians'`).get()).toEqual({ n: 0 });
    // A student typed before the upgrade (the 0001 schema).
    db.prepare(`INSERT INTO students (local_id, first_name, last_name, birth_date, search_text, sort_name, created_at, updated_at)
      VALUES ('000123', 'Ana', 'Díaz', '2010-02-03', 'ana diaz 000123', 'diaz\u0001ana', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`).run();
    await dataSource.runMigrations({ transaction: 'all' });

    const fields = (db.prepare('SELECT field FROM student_field_overrides ORDER BY field').all() as { field: string }[]).map((r) => r.field);
    expect(fields).toEqual(['birthDate', 'firstName', 'lastName', 'localId']);
    const env = await core.dispatch('wp:students.list', {}, { scope: 'console' });
    expect(env.ok && (env.value as { rows: { programs: string[] }[] }).rows[0].programs).toEqual([]);
  });
});
