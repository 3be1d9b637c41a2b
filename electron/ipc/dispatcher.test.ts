import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../../shared/ipc/contract';
import { API_SHAPE } from '../../shared/ipc/channels';
import { createTestCore } from '../testing/testCore';
import { makeTempDir, TEST_PASSPHRASE } from '../testing/tempVault';

let tmp: ReturnType<typeof makeTempDir>;
let core: ReturnType<typeof createTestCore>;
const consoleCall = { scope: 'console' as const };

async function call<T = unknown>(channel: string, input?: unknown, scope: 'console' | 'family' = 'console') {
  const env = await core.dispatch(channel, input, { scope });
  return env as { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
}
async function ok<T = unknown>(channel: string, input?: unknown): Promise<T> {
  const env = await call<T>(channel, input);
  if (!env.ok) throw new Error(`${channel} failed: ${env.error.code} ${env.error.message}`);
  return env.value;
}

beforeEach(async () => {
  tmp = makeTempDir();
  core = createTestCore({ documentsDir: tmp.dir });
  await ok('wp:vault.create', { newPassphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE });
});
afterEach(async () => {
  await core.ctx.vault.lock('quit');
  tmp.cleanup();
});

describe('contract', () => {
  it('lists the same channels for the preload as the contract defines', () => {
    const fromContract = Object.fromEntries(Object.entries(contract).map(([ns, ops]) => [ns, Object.keys(ops).sort()]));
    const fromShape = Object.fromEntries(Object.entries(API_SHAPE).map(([ns, ops]) => [ns, [...ops].sort()]));
    expect(fromShape).toEqual(fromContract);
  });
});

describe('dispatcher', () => {
  it('rejects unknown channels and invalid input with codes, not exceptions', async () => {
    expect(await call('wp:students.drop', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await call('wp:students.create', { firstName: '', lastName: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const issues = (bad as { error: { details: { issues: { path: string[] }[] } } }).error.details.issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['firstName', 'lastName']));
  });

  it('says the limit when a text is too long, so the screen can name it', async () => {
    const bad = await call('wp:students.create', { firstName: 'A'.repeat(5000), lastName: 'Synthetic' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['firstName'], code: 'too_big', maximum: expect.any(Number) }] } } });
  });

  it('keeps the family window away from console operations', async () => {
    expect(await call('wp:students.list', {}, 'family')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('wp:app.info', undefined, 'family')).toMatchObject({ ok: true });
  });

  it('reports VAULT_LOCKED after locking, and the lock event reaches windows', async () => {
    await ok('wp:vault.lock');
    expect(await call('wp:students.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(core.events.emitted).toContainEqual({ name: 'vault.locked', payload: { reason: 'user' } });
  });

  it('hides internal error details from the renderer', async () => {
    const logged: string[] = [];
    const broken = createTestCore({ documentsDir: tmp.dir });
    // Vault never unlocked → VAULT_LOCKED is an AppError; force a raw error instead:
    (broken.services.students as unknown as { list: () => never }).list = () => {
      throw new Error('SQLITE_CORRUPT: secret detail');
    };
    const env = await broken.dispatch('wp:students.list', {}, consoleCall);
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(env)).not.toContain('secret detail');
    expect(logged).toEqual([]);
  });
});

describe('students through the handler table', () => {
  const maria = { firstName: 'María José', lastName: 'Peña Rodríguez', preferredName: 'Majo', localId: '000713', gradeLevel: '09', expectedGraduationYear: 2030, campusName: 'Grand Bend High School' };

  it('creates, finds by accent-free name or by ID with leading zeros, edits and archives', async () => {
    const created = await ok<{ id: number; version: number; localId: string }>('wp:students.create', maria);
    expect(created.localId).toBe('000713');
    for (const search of ['pena', 'PEÑA maria', 'majo', '000713', 'rodriguez jose']) {
      const page = await ok<{ total: number; rows: { id: number }[] }>('wp:students.list', { search });
      expect(page.rows.map((r) => r.id), search).toEqual([created.id]);
    }
    expect((await ok<{ total: number }>('wp:students.list', { search: '713 smith' })).total).toBe(0);

    const edited = await ok<{ version: number; gradeLevel: string }>('wp:students.update', { id: created.id, version: created.version, changes: { gradeLevel: '10' } });
    expect(edited).toMatchObject({ gradeLevel: '10', version: 2 });
    // A stale edit (version 1) is refused rather than overwriting the newer save.
    const stale = await call('wp:students.update', { id: created.id, version: 1, changes: { preferredName: 'Mari' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok<{ preferredName: string }>('wp:students.get', { id: created.id })).preferredName).toBe('Majo');

    await ok('wp:students.archive', { id: created.id, version: 2 });
    expect((await ok<{ total: number }>('wp:students.list', {})).total).toBe(0);
    expect((await ok<{ total: number }>('wp:students.list', { status: 'archived' })).total).toBe(1);
  });

  it('refuses a second student with the same local ID', async () => {
    await ok('wp:students.create', maria);
    const dup = await call('wp:students.create', { ...maria, firstName: 'Other', localId: '000713' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'DUPLICATE', details: { field: 'localId' } } });
    expect((await ok<{ total: number }>('wp:students.list', {})).total).toBe(1);
  });

  it('pages, sorts accented names with their letters and counts per grade', async () => {
    const names = ['Óscar Zamora', 'Ana Álvarez', 'Bea Nuñez', 'Carl Adams', 'Dee Ortiz'];
    for (const [i, n] of names.entries()) {
      const [firstName, lastName] = n.split(' ');
      await ok('wp:students.create', { firstName, lastName, gradeLevel: i % 2 ? '10' : '11' });
    }
    const page = await ok<{ rows: { lastName: string }[]; total: number; gradeCounts: Record<string, number> }>('wp:students.list', { pageSize: 3, sortBy: 'name' });
    expect(page.rows.map((r) => r.lastName)).toEqual(['Adams', 'Álvarez', 'Nuñez']);
    expect(page.total).toBe(5);
    expect(page.gradeCounts).toEqual({ '10': 2, '11': 3 });
    const second = await ok<{ rows: { lastName: string }[] }>('wp:students.list', { pageSize: 3, page: 1 });
    expect(second.rows.map((r) => r.lastName)).toEqual(['Ortiz', 'Zamora']);
    const filtered = await ok<{ total: number; gradeCounts: Record<string, number> }>('wp:students.list', { gradeLevels: ['10'] });
    expect(filtered.total).toBe(2);
    expect(filtered.gradeCounts).toEqual({ '10': 2, '11': 3 });
  });

  it('records opens and edits in the audit log without copying values into it', async () => {
    const s = await ok<{ id: number; version: number }>('wp:students.create', maria);
    await ok('wp:students.get', { id: s.id });
    await ok('wp:students.update', { id: s.id, version: s.version, changes: { preferredName: 'Josie' } });
    const rows = core.ctx.vault.session().db.prepare(`SELECT action, entity_id, summary FROM audit_events WHERE entity_type = 'student'`).all();
    expect(rows).toEqual([
      { action: 'student.create', entity_id: s.id, summary: null },
      { action: 'student.open', entity_id: s.id, summary: null },
      { action: 'student.update', entity_id: s.id, summary: 'preferredName' },
    ]);
    expect(() => core.ctx.vault.session().db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('leaves no byte of a saved student readable in any file of the vault folder', async () => {
    const sentinel = 'Quetzalcoatlina';
    await ok('wp:students.create', { firstName: 'Xochitl', lastName: sentinel, localId: 'ZZ990011' });
    await ok('wp:vault.backup'); // no folder chosen → nothing happens
    core.dialogs.folders.backup = [join(tmp.dir, 'Waypoint Vault', 'backups')];
    await ok('wp:vault.backup');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    const check = () => {
      files.length = 0;
      walk(join(tmp.dir, 'Waypoint Vault'));
      for (const f of files) {
        const bytes = readFileSync(f);
        for (const needle of [sentinel, 'ZZ990011', 'Xochitl']) {
          expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${f}`).toBe(false);
          expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${f}`).toBe(false);
        }
      }
    };
    check(); // while open: the database, its WAL and shared-memory files, the backup
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    await ok('wp:vault.lock');
    check(); // after closing
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
});
