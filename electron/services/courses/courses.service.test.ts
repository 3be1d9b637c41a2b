import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { createTestCore } from '../../testing/testCore';
import { fakeClock, makeTempDir, TEST_PASSPHRASE } from '../../testing/tempVault';
import type { CatalogImportPreview, PlanWorkspace, PreregStudentView, TranscriptImportPreview } from '../../../shared/ipc/contract';
import { scenarioComparison } from './familyComparison';

const EDFI = path.resolve(__dirname, '../../../..', 'shared/data/edfi/EducationOrganization.xml');
const FIXTURES = path.resolve(__dirname, '../../../e2e/fixtures');

let tmp: ReturnType<typeof makeTempDir>;
let core: ReturnType<typeof createTestCore>;
const clock = fakeClock(new Date('2026-01-15T15:00:00Z'));

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const env = await core.dispatch(`wp:${channel}`, input, { scope: 'console' });
  if (!env.ok) throw Object.assign(new Error(`${channel}: ${env.error.code} ${env.error.message}`), { code: env.error.code, details: env.error.details });
  return env.value as T;
}
async function fails(channel: string, input?: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const env = await core.dispatch(`wp:${channel}`, input, { scope: 'console' });
  if (env.ok) throw new Error(`${channel} should have failed`);
  return env.error;
}
function file(name: string, text: string | Buffer): string {
  const p = path.join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
}
async function importCatalog(kind: 'previewCsv' | 'previewEdfi', p: string): Promise<CatalogImportPreview> {
  core.dialogs.openFiles.import = [[p]];
  return (await call<CatalogImportPreview>(`catalog.${kind}`))!;
}
const db = () => core.ctx.vault.session().db;
const count = (sql: string, ...params: unknown[]) => (db().prepare(sql).get(...params) as { n: number }).n;
const auditRows = () => db().prepare('SELECT action, summary FROM audit_events ORDER BY id').all() as { action: string; summary: string | null }[];

let ids: Record<string, number>;
beforeEach(async () => {
  tmp = makeTempDir();
  core = createTestCore({ documentsDir: tmp.dir, now: clock.now });
  await call('vault.create', { newPassphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE });
  const made = core.services.students.createMany([
    { firstName: 'Camila', lastName: 'Peña Rodríguez', localId: '0420001', stateId: 'S100', gradeLevel: '10', middleName: null, preferredName: null, birthDate: null, expectedGraduationYear: 2028, campusName: null },
    { firstName: 'Mateo', lastName: 'Okafor', localId: '0420002', stateId: 'S200', gradeLevel: '09', middleName: null, preferredName: null, birthDate: null, expectedGraduationYear: 2029, campusName: null },
    { firstName: '=HYPERLINK("http://x")', lastName: 'O’Brien', localId: '0420003', stateId: 'S300', gradeLevel: '11', middleName: null, preferredName: null, birthDate: null, expectedGraduationYear: 2027, campusName: null },
  ]);
  ids = { camila: made[0], mateo: made[1], brien: made[2] };
});
afterEach(async () => {
  await core.ctx.vault.lock('quit');
  tmp.cleanup();
});

async function loadCatalog() {
  const edfi = await importCatalog('previewEdfi', EDFI);
  await call('catalog.commitImport', { token: edfi.token });
  const csv = await importCatalog('previewCsv', path.join(FIXTURES, 'catalog-texas-sample.csv'));
  await call('catalog.commitImport', { token: csv.token });
  return { edfi, csv };
}

describe('catalog import', () => {
  it('Ed-Fi then the district CSV: new, updated and unchanged courses; re-import changes nothing', async () => {
    const { edfi, csv } = await loadCatalog();
    expect(edfi.counts).toEqual({ new: 84, updated: 0, unchanged: 0, rejected: 0 });
    expect(edfi.withoutCredits).toBe(28);
    expect(edfi.problems).toContainEqual(expect.objectContaining({ code: 'edfi-no-credits', severity: 'warning', params: { count: 28 } }));
    // The CSV gives credits and prerequisites for Ed-Fi courses and adds the district's own.
    expect(csv.counts.new).toBe(12);
    expect(csv.counts.updated).toBe(28);
    expect(csv.rows.find((r) => r.code === 'HUMT')!.changed).toEqual(expect.arrayContaining(['credits', 'subject', 'prerequisites']));
    expect(count('SELECT count(*) AS n FROM courses')).toBe(96);
    const stored = db().prepare('SELECT code, credits, subject, grade_levels FROM courses WHERE code = ?').get('0700');
    expect(stored).toEqual({ code: '0700', credits: 0.5, subject: 'speech', grade_levels: '["09","10","11","12"]' });
    // An Ed-Fi course the CSV does not mention keeps what Ed-Fi gave.
    expect(db().prepare('SELECT grade_levels, high_school_credit FROM courses WHERE code = ?').get('MATH-05')).toEqual({ grade_levels: '["01","02","03","04","05"]', high_school_credit: 0 });

    const again = await importCatalog('previewCsv', path.join(FIXTURES, 'catalog-texas-sample.csv'));
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 40, rejected: 0 });
    const before = auditRows().length;
    expect((await call<{ counts: unknown }>('catalog.commitImport', { token: again.token })).counts).toEqual({ new: 0, updated: 0, unchanged: 40, rejected: 0 });
    expect(auditRows().length).toBe(before);
    expect(auditRows().filter((a) => a.action === 'catalog.import').map((a) => a.summary)).toEqual(['84 new, 0 updated (catalog-edfi)', '12 new, 28 updated (catalog-csv)']);
  });

  it('a blank cell or an absent column never blanks a stored value', async () => {
    await loadCatalog();
    const p = file('partial.csv', 'Code,Title,Credits,Subject\nALG-2,Algebra II,,Mathematics\n');
    const prev = await importCatalog('previewCsv', p);
    expect(prev.counts).toEqual({ new: 0, updated: 0, unchanged: 1, rejected: 0 });
    await call('catalog.commitImport', { token: prev.token });
    expect(db().prepare('SELECT credits, prerequisites FROM courses WHERE code = ?').get('ALG-2')).toEqual({ credits: 1, prerequisites: '[["ALG-1"],["GEOM"]]' });
  });

  it('refuses a prerequisite cycle, naming the cycle, file, row and column; nothing is written', async () => {
    await loadCatalog();
    const p = file('cycle.csv', 'Code,Title,Credits,Subject,Prerequisites\nNEW-1,New course,1,Math,\nALG-2,Algebra II,1,Math,PRE-CALC\n');
    const prev = await importCatalog('previewCsv', p);
    expect(prev.canCommit).toBe(false);
    expect(prev.problems).toContainEqual(expect.objectContaining({ fileName: 'cycle.csv', row: 2, column: 'Prerequisites', code: 'prerequisite-cycle', params: { cycle: 'ALG-2 → PRE-CALC → ALG-2' } }));
    expect((await fails('catalog.commitImport', { token: prev.token })).code).toBe('IMPORT_INVALID');
    expect(count(`SELECT count(*) AS n FROM courses WHERE code = 'NEW-1'`)).toBe(0);
    expect(db().prepare('SELECT prerequisites FROM courses WHERE code = ?').get('ALG-2')).toEqual({ prerequisites: '[["ALG-1"],["GEOM"]]' });
  });

  it('refuses an unknown prerequisite code, naming it', async () => {
    const p = file('unknown.csv', 'Code,Title,Credits,Subject,Prerequisites\nGEOM,Geometry,1,Math,ALG-1\n');
    const prev = await importCatalog('previewCsv', p);
    expect(prev.problems).toEqual([expect.objectContaining({ row: 1, column: 'Prerequisites', code: 'prerequisite-unknown', params: { code: 'GEOM', prerequisite: 'ALG-1' } })]);
    expect(prev.canCommit).toBe(false);
  });

  it('edits in the app: duplicate codes, cycles, stale versions and deleting a used course are refused', async () => {
    await loadCatalog();
    type View = { id: number; code: string; version: number; kinds: { id: string }[] } & Record<string, unknown>;
    const list = await call<{ courses: View[] }>('catalog.list');
    const alg2 = list.courses.find((c) => c.code === 'ALG-2')!;
    expect(alg2.kinds.map((k) => k.id).sort()).toEqual(['algebra-2', 'math-4th']);
    const { id: _id, version: _v, kinds: _k, usedBy: _u, source: _s, updatedAt: _t, ...stored } = alg2;
    const fields = { ...stored, prerequisites: [['PRE-CALC']] };
    expect((await fails('catalog.save', { id: alg2.id, version: alg2.version, fields })).details).toMatchObject({ reason: 'cycle', cycle: 'ALG-2 → PRE-CALC → ALG-2' });
    expect((await fails('catalog.save', { fields: { ...fields, code: 'GEOM', prerequisites: [] } })).code).toBe('DUPLICATE');
    // Saving what is stored changes nothing, not even the version.
    const saved = await call<{ version: number; credits: number }>('catalog.save', { id: alg2.id, version: alg2.version, fields: stored });
    expect(saved.version).toBe(alg2.version);
    const changed = await call<{ version: number; title: string }>('catalog.save', { id: alg2.id, version: alg2.version, fields: { ...fields, title: 'Algebra II (Pre-AP)', prerequisites: [['ALG-1']] } });
    expect(changed).toMatchObject({ version: alg2.version + 1, title: 'Algebra II (Pre-AP)' });
    expect((await fails('catalog.save', { id: alg2.id, version: alg2.version, fields })).code).toBe('CONFLICT');
    const algebra1 = list.courses.find((c) => c.code === 'ALG-1')!;
    expect((await fails('catalog.remove', { id: algebra1.id, version: algebra1.version })).details).toMatchObject({ reason: 'prerequisite-of' });
  });
});

describe('transcript import', () => {
  it('matches students by ID, lists unmatched rows and unknown codes (imported, not dropped), and re-imports as unchanged', async () => {
    await loadCatalog();
    core.dialogs.openFiles.import = [[path.join(FIXTURES, 'transcript-sample.csv')]];
    const prev = (await call<TranscriptImportPreview>('coursePlans.previewTranscript'))!;
    expect(prev.canCommit).toBe(true);
    expect(prev.counts).toEqual({ new: 18, updated: 0, unchanged: 0, rejected: 0 });
    expect(prev.students).toBe(2);
    expect(prev.unmatched).toEqual([{ row: 19, studentId: '9999999' }]);
    expect(prev.unknownCourses).toEqual([
      { code: '700', title: 'Professional Communications', rows: 1, likely: '0700' },
      { code: 'XFER-101', title: 'Transfer Elective (out of state)', rows: 1, likely: null },
    ]);
    await call('coursePlans.commitTranscript', { token: prev.token });
    expect(count('SELECT count(*) AS n FROM course_records WHERE student_id = ?', ids.camila)).toBe(15);
    expect(count(`SELECT count(*) AS n FROM course_records WHERE course_code = 'XFER-101'`)).toBe(1);
    const missing = await call<{ missing: { code: string; likely: string | null }[] }>('catalog.list');
    expect(missing.missing.map((m) => [m.code, m.likely])).toEqual([['700', '0700'], ['XFER-101', null]]);

    core.dialogs.openFiles.import = [[path.join(FIXTURES, 'transcript-sample.csv')]];
    const again = (await call<TranscriptImportPreview>('coursePlans.previewTranscript'))!;
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 18, rejected: 0 });
    expect(auditRows().filter((a) => a.action === 'transcript.import').map((a) => a.summary)).toEqual(['18 new, 0 updated records for 2 students']);
  });

  it('a file with an error row imports nothing', async () => {
    const p = file('bad.csv', 'Student ID,Course Code,Grade,Credits\n0420001,ENG-1,9,1\n0420001,ENG-2,22,1\n');
    core.dialogs.openFiles.import = [[p]];
    const prev = (await call<TranscriptImportPreview>('coursePlans.previewTranscript'))!;
    expect(prev.canCommit).toBe(false);
    expect((await fails('coursePlans.commitTranscript', { token: prev.token })).code).toBe('IMPORT_INVALID');
    expect(count('SELECT count(*) AS n FROM course_records')).toBe(0);
  });
});

async function planFor(studentId: number): Promise<PlanWorkspace> {
  core.dialogs.openFiles.import = [[path.join(FIXTURES, 'transcript-sample.csv')]];
  const prev = (await call<TranscriptImportPreview>('coursePlans.previewTranscript'))!;
  await call('coursePlans.commitTranscript', { token: prev.token });
  let ws = await call<PlanWorkspace>('coursePlans.start', { studentId, endorsement: 'stem' });
  const add = async (code: string, grade: string, term = 'year') => {
    ws = await call<PlanWorkspace>('coursePlans.addEntry', { planId: ws.plan!.id, version: ws.plan!.version, code, grade, term });
  };
  for (const [code, grade] of [['ENG-3', '11'], ['ALG-2', '11'], ['PHYSICS', '11'], ['US-HIST', '11'], ['SPAN-3', '11'], ['PSYCH', '11'], ['BIM-1', '11'],
    ['ENG-4', '12'], ['PRE-CALC', '12'], ['ENVIRSYS', '12'], ['STATS', '12'], ['ACCT-1', '12'], ['ATHL', '12']] as const) await add(code, grade);
  await add('GOVT', '12', 'fall');
  await add('ECO-FE', '12', 'spring');
  return ws;
}

describe('four-year plan, scenarios and the decision record', () => {
  it('builds a plan on the transcript, audits it, and refuses a stale edit', async () => {
    await loadCatalog();
    const ws = await planFor(ids.camila);
    expect(ws.plan!.kind).toBe('active');
    expect(ws.plan!.cells.filter((c) => c.source === 'record')).toHaveLength(15);
    expect(ws.audit!.totals).toMatchObject({ required: 26, earned: 8, inProgress: 6 });
    expect(ws.audit!.totals.earned + ws.audit!.totals.inProgress + ws.audit!.totals.planned).toBeGreaterThanOrEqual(26);
    // The transcript's "700" is not in the catalog: kept, counted as an elective, and flagged.
    expect(ws.audit!.warnings).toContainEqual(expect.objectContaining({ code: 'not-in-catalog', params: expect.objectContaining({ code: '700' }) }));
    expect(ws.audit!.endorsements.find((e) => e.code === 'stem')!.coursesLevel).toBe('planned');
    const stale = await fails('coursePlans.addEntry', { planId: ws.plan!.id, version: ws.plan!.version - 1, code: 'CHEM', grade: '12', term: 'year' });
    expect(stale.code).toBe('CONFLICT');
    const unknown = await fails('coursePlans.addEntry', { planId: ws.plan!.id, version: ws.plan!.version, code: 'NOPE', grade: '12', term: 'year' });
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('a scenario switches to Business & Industry; compare shows it; choosing it records who agreed', async () => {
    await loadCatalog();
    let ws = await planFor(ids.camila);
    const activeId = ws.plan!.id;
    ws = await call<PlanWorkspace>('coursePlans.createScenario', { fromPlanId: activeId, name: 'Business & Industry' });
    const scenario = ws.plan!;
    expect(scenario.kind).toBe('scenario');
    ws = await call<PlanWorkspace>('coursePlans.updatePlan', { planId: scenario.id, version: scenario.version, changes: { endorsement: 'business-industry', note: 'Mom asked about accounting' } });
    const stats = ws.plan!.cells.find((c) => c.code === 'STATS')!;
    ws = await call<PlanWorkspace>('coursePlans.removeEntry', { planId: scenario.id, version: ws.plan!.version, entryId: stats.rowId });
    ws = await call<PlanWorkspace>('coursePlans.addEntry', { planId: scenario.id, version: ws.plan!.version, code: 'ACCT-2', grade: '12', term: 'year' });
    const bim = ws.plan!.cells.find((c) => c.code === 'BIM-1')!;
    ws = await call<PlanWorkspace>('coursePlans.moveEntry', { planId: scenario.id, version: ws.plan!.version, entryId: bim.rowId, grade: '12', term: 'summer' });
    expect(ws.audit!.endorsements.find((e) => e.code === 'business-industry')!.coursesLevel).toBe('planned');

    const cmp = await call<{ comparison: { differences: { added: { code: string }[]; removed: { code: string }[]; moved: { code: string }[]; endorsement: unknown }[] } }>('coursePlans.compare', {
      studentId: ids.camila,
      planIds: [activeId, scenario.id],
    });
    const d = cmp.comparison.differences[0];
    expect(d.added.map((c) => c.code)).toEqual(['ACCT-2']);
    expect(d.removed.map((c) => c.code)).toEqual(['STATS']);
    expect(d.moved.map((c) => c.code)).toEqual(['BIM-1']);
    expect(d.endorsement).toMatchObject({ base: 'stem', other: 'business-industry' });

    const chosen = await call<PlanWorkspace>('coursePlans.choose', {
      planId: scenario.id,
      version: ws.plan!.version,
      agreedBy: [{ name: 'Camila Peña Rodríguez', role: 'student' }, { name: 'Rosa Rodríguez', role: 'parent' }],
      decidedOn: '2026-01-15',
    });
    expect(chosen.plan).toMatchObject({ id: scenario.id, kind: 'active' });
    expect(chosen.plans.find((p) => p.id === activeId)!.kind).toBe('previous');
    expect(chosen.decisions[0]).toMatchObject({ planName: 'Business & Industry', decidedOn: '2026-01-15', agreedBy: [{ name: 'Camila Peña Rodríguez', role: 'student' }, { name: 'Rosa Rodríguez', role: 'parent' }] });
    // A past version is history: read-only.
    const old = chosen.plans.find((p) => p.id === activeId)!;
    const oldWs = await call<PlanWorkspace>('coursePlans.workspace', { studentId: ids.camila, planId: old.id });
    expect((await fails('coursePlans.addEntry', { planId: old.id, version: oldWs.plan!.version, code: 'CHEM', grade: '12', term: 'year' })).details).toMatchObject({ reason: 'previous-version' });
    // The audit log says what happened without names or course codes.
    const log = auditRows().filter((a) => a.action.startsWith('plan.'));
    expect(log.map((a) => a.action)).toContain('plan.choose');
    expect(JSON.stringify(log)).not.toMatch(/Camila|Rosa|ACCT|STATS|accounting/);
  });

  it('a foundation-only scenario cannot be chosen without the parent’s written permission (after grade 10 only)', async () => {
    await loadCatalog();
    let ws = await planFor(ids.camila);
    ws = await call<PlanWorkspace>('coursePlans.createScenario', { fromPlanId: ws.plan!.id, name: 'Foundation only' });
    ws = await call<PlanWorkspace>('coursePlans.updatePlan', { planId: ws.plan!.id, version: ws.plan!.version, changes: { program: 'foundation' } });
    expect(ws.audit!.reasons).toContainEqual({ code: 'foundation-only-no-permission', params: {} });
    const refused = await fails('coursePlans.choose', { planId: ws.plan!.id, version: ws.plan!.version, agreedBy: [{ name: 'A', role: 'parent' }], decidedOn: '2026-01-15' });
    expect(refused.details).toMatchObject({ reason: 'foundation-only-permission' });
    // Camila is in grade 10: the PGP cannot record foundation only yet.
    const tooEarly = await fails('pgp.save', { studentId: ids.camila, version: null, fields: { foundationOnly: true, foundationOnlyAdvisedOn: '2026-01-10', foundationOnlyParentName: 'Rosa Rodríguez', foundationOnlyPermissionDate: '2026-01-12' } });
    expect(tooEarly.details).toMatchObject({ reason: 'too-early' });
  });
});

describe('Personal Graduation Plan', () => {
  it('records the endorsement in writing, acknowledgements with dates, and foundation-only permission after grade 10', async () => {
    const missingDate = await fails('pgp.save', { studentId: ids.brien, version: null, fields: { endorsement: 'stem' } });
    expect(missingDate.details).toMatchObject({ field: 'endorsementChosenOn' });
    let pgp = await call<{ version: number; signed: boolean; events: { kind: string }[] }>('pgp.save', {
      studentId: ids.brien,
      version: null,
      fields: { enteredGrade9Year: 2023, endorsement: 'stem', endorsementChosenOn: '2023-08-20', studentAckName: 'Sam O’Brien', studentAckDate: '2023-09-01', parentAckName: 'Pat O’Brien', parentAckDate: '2023-09-01' },
    });
    expect(pgp.signed).toBe(true);
    expect(pgp.events.map((e) => e.kind).sort()).toEqual(['endorsement-chosen', 'parent-acknowledged', 'student-acknowledged']);
    const withEndorsement = await fails('pgp.save', { studentId: ids.brien, version: pgp.version, fields: { foundationOnly: true, endorsement: 'stem', endorsementChosenOn: '2023-08-20', foundationOnlyAdvisedOn: '2026-01-10', foundationOnlyParentName: 'Pat O’Brien', foundationOnlyPermissionDate: '2026-01-12' } });
    expect(withEndorsement.details).toMatchObject({ reason: 'endorsement-with-foundation-only' });
    const beforeAdvice = await fails('pgp.save', { studentId: ids.brien, version: pgp.version, fields: { foundationOnly: true, foundationOnlyAdvisedOn: '2026-01-10', foundationOnlyParentName: 'Pat O’Brien', foundationOnlyPermissionDate: '2026-01-02' } });
    expect(beforeAdvice.details).toMatchObject({ reason: 'permission-before-advice' });
    pgp = await call('pgp.save', {
      studentId: ids.brien,
      version: pgp.version,
      fields: { enteredGrade9Year: 2023, studentAckName: 'Sam O’Brien', studentAckDate: '2023-09-01', parentAckName: 'Pat O’Brien', parentAckDate: '2023-09-01', foundationOnly: true, foundationOnlyAdvisedOn: '2026-01-10', foundationOnlyParentName: 'Pat O’Brien', foundationOnlyPermissionDate: '2026-01-12' },
    });
    expect(pgp.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['endorsement-changed', 'foundation-only-permission']));
    expect((await fails('pgp.save', { studentId: ids.brien, version: 1, fields: {} })).code).toBe('CONFLICT');
    expect(JSON.stringify(auditRows().filter((a) => a.action === 'pgp.update'))).not.toMatch(/Brien|stem/);
  });
});

describe('pre-registration', () => {
  it('requests, recommendations, conflicts, the plan kept in step, and a formula-safe CSV export', async () => {
    await loadCatalog();
    const ws = await planFor(ids.camila);
    const year = 2026;
    let v = await call<PreregStudentView>('prereg.student', { studentId: ids.camila });
    expect(v).toMatchObject({ schoolYear: year, nextGrade: '11', status: 'none' });
    expect(v.fromPlan.map((p) => p.code)).toEqual(['ENG-3', 'ALG-2', 'PHYSICS', 'US-HIST', 'SPAN-3', 'PSYCH', 'BIM-1']);
    v = await call('prereg.requestFromPlan', { studentId: ids.camila, schoolYear: year });
    expect(v.requests).toHaveLength(7);
    expect(v.fromPlan).toEqual([]);
    const after = await call<PlanWorkspace>('coursePlans.workspace', { studentId: ids.camila });
    expect(after.plan!.cells.filter((c) => c.grade === '11' && c.source === 'plan').every((c) => c.status === 'requested')).toBe(true);
    expect(after.plan!.version).toBeGreaterThan(ws.plan!.version);

    v = await call('prereg.addRequest', { studentId: ids.camila, schoolYear: year, code: 'AP-CALC', priority: 'alternate' });
    v = await call('prereg.addRecommendation', { studentId: ids.camila, schoolYear: year, fields: { teacher: 'Ms. Ortega', code: 'AP-CALC', recommendation: 'not-recommended', note: 'Take Precalculus first' } });
    const ap = v.requests.find((r) => r.code === 'AP-CALC')!;
    expect(ap.conflicts.map((c) => c.kind).sort()).toEqual(['against-recommendation', 'missing-prerequisite', 'not-offered-for-grade']);
    expect(v.status).toBe('conflicts');
    expect((await fails('prereg.addRequest', { studentId: ids.camila, schoolYear: year, code: 'AP-CALC' })).code).toBe('DUPLICATE');

    await call('prereg.addRequest', { studentId: ids.brien, schoolYear: year, code: 'PSYCH' });
    const overview = await call<{ rows: { studentId: number; status: string; requests: number; conflicts: number }[]; counts: Record<string, number> }>('prereg.overview', {});
    expect(overview.rows.find((r) => r.studentId === ids.camila)).toMatchObject({ requests: 7, conflicts: 3, status: 'conflicts' });
    expect(overview.counts).toMatchObject({ conflicts: 1, entered: 1, none: 1 });

    const out = path.join(tmp.dir, 'export.csv');
    core.dialogs.saveFiles['export-csv'] = [out];
    expect(await call('prereg.exportCsv', { schoolYear: year })).toEqual({ saved: true, rows: 9 });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8').trimEnd()).data;
    expect(rows[0]).toEqual(['Student ID', 'State ID', 'Last Name', 'First Name', 'Grade Next Year', 'School Year', 'Course Code', 'Course Title', 'Credits', 'Priority']);
    const brien = rows.find((r) => r[0] === '0420003')!;
    expect(brien[3]).toBe(`'=HYPERLINK("http://x")`);
    expect(brien).toEqual(['0420003', 'S300', 'O’Brien', `'=HYPERLINK("http://x")`, '12', '2026-27', 'PSYCH', 'Psychology', '0.5', 'primary']);
    expect(rows.filter((r) => r[0] === '0420001').map((r) => r[9])).toEqual([...Array(7).fill('primary'), 'alternate']);
    expect(auditRows().find((a) => a.action === 'prereg.export')!.summary).toBe('9 requests for 2 students, 2026-27');
  });
});

describe('off-track report and the family view', () => {
  it('lists at-risk students with reasons; a student without a plan is listed as such', async () => {
    await loadCatalog();
    await planFor(ids.camila);
    type Report = { rows: { studentId: number; status: string; reasons: { code: string; params: Record<string, unknown> }[] }[]; counts: Record<string, number> };
    // The transcript's "700" lost its leading zero: Professional Communications is not recognised, so speech is not shown.
    const first = await call<Report>('coursePlans.offTrack', {});
    expect(first.rows.map((x) => x.reasons.map((q) => q.code))).toEqual([['check-missing']]);
    const ws0 = await call<PlanWorkspace>('coursePlans.workspace', { studentId: ids.camila });
    await call<PlanWorkspace>('coursePlans.addEntry', { planId: ws0.plan!.id, version: ws0.plan!.version, code: 'COMM-APP', grade: '11', term: 'fall' });
    const r = await call<Report>('coursePlans.offTrack', { status: 'all' });
    expect(r.counts).toEqual({ 'at-risk': 0, 'on-track': 1, 'no-plan': 2 });
    expect(r.rows.map((x) => x.status)).toEqual(['no-plan', 'no-plan', 'on-track']);
    const ws = await call<PlanWorkspace>('coursePlans.workspace', { studentId: ids.camila });
    const eng4 = ws.plan!.cells.find((c) => c.code === 'ENG-4')!;
    await call('coursePlans.removeEntry', { planId: ws.plan!.id, version: ws.plan!.version, entryId: eng4.rowId });
    const risk = await call<Report>('coursePlans.offTrack', {});
    expect(risk.rows).toHaveLength(1);
    expect(risk.rows[0].reasons.map((x) => x.code)).toContain('requirement-missing');
  });

  it('the report re-audits a student whenever anything the audit reads changes (plan, transcript, catalog, grade, PGP)', async () => {
    await loadCatalog();
    let ws = await planFor(ids.camila);
    ws = await call<PlanWorkspace>('coursePlans.addEntry', { planId: ws.plan!.id, version: ws.plan!.version, code: 'COMM-APP', grade: '11', term: 'fall' });
    type Report = { rows: { studentId: number; status: string; reasons: { code: string }[]; credits: { earned: number } }[] };
    const camila = async () => (await call<Report>('coursePlans.offTrack', { status: 'all' })).rows.find((r) => r.studentId === ids.camila)!;
    expect((await camila()).status).toBe('on-track');
    // A transcript record: English I failed after all.
    const eng1 = ws.plan!.cells.find((c) => c.code === 'ENG-1')!;
    ws = await call<PlanWorkspace>('coursePlans.updateRecord', { recordId: eng1.rowId, version: eng1.version, fields: { code: 'ENG-1', title: null, grade: '09', term: 'year', schoolYear: 2024, status: 'completed', mark: '55', credits: 0, creditSource: 'course' } });
    expect((await camila()).reasons.map((r) => r.code)).toContain('failed-not-retaken');
    const again = ws.plan!.cells.find((c) => c.code === 'ENG-1')!;
    await call('coursePlans.updateRecord', { recordId: again.rowId, version: again.version, fields: { code: 'ENG-1', title: null, grade: '09', term: 'year', schoolYear: 2024, status: 'completed', mark: '91', credits: 1, creditSource: 'course' } });
    expect((await camila()).status).toBe('on-track');
    // The catalog: Environmental Systems loses its credit value.
    const list = await call<{ courses: (Record<string, unknown> & { id: number; code: string; version: number })[] }>('catalog.list');
    const env = list.courses.find((c) => c.code === 'ENVIRSYS')!;
    const { id: _i, version: _v, kinds: _k, usedBy: _u, source: _s, updatedAt: _t, ...fields } = env;
    await call('catalog.save', { id: env.id, version: env.version, fields: { ...fields, credits: null } });
    expect((await camila()).reasons.map((r) => r.code)).toContain('requirement-missing');
    await call('catalog.save', { id: env.id, version: env.version + 1, fields: { ...fields, credits: 1 } });
    expect((await camila()).status).toBe('on-track');
    // The student's grade: in grade 12 with 8 credits earned she is behind.
    const student = core.services.students.get(ids.camila, { audit: false });
    await call('students.update', { id: ids.camila, version: student.version, changes: { gradeLevel: '12' } });
    expect((await camila()).reasons.map((r) => r.code)).toContain('behind-credits');
    // The PGP: not signed in grade 12.
    await call('pgp.save', { studentId: ids.camila, version: null, fields: { endorsement: 'stem', endorsementChosenOn: '2024-08-20' } });
    expect((await camila()).reasons.map((r) => r.code)).toContain('pgp-not-signed');
    // Locking drops the cached summaries with everything else.
    await call('vault.lock');
    expect((await core.dispatch('wp:coursePlans.offTrack', {}, { scope: 'console' })).ok).toBe(false);
  });

  it('scenarioComparison: plain JSON for the family, in their language, without private data', async () => {
    await loadCatalog();
    let ws = await planFor(ids.camila);
    const activeId = ws.plan!.id;
    ws = await call<PlanWorkspace>('coursePlans.updatePlan', { planId: activeId, version: ws.plan!.version, changes: { note: 'PRIVATE-NOTE-Xq7' } });
    ws = await call<PlanWorkspace>('coursePlans.createScenario', { fromPlanId: activeId, name: 'Inglés de crédito dual' });
    const eng4 = ws.plan!.cells.find((c) => c.code === 'ENG-4')!;
    ws = await call<PlanWorkspace>('coursePlans.removeEntry', { planId: ws.plan!.id, version: ws.plan!.version, entryId: eng4.rowId });
    ws = await call<PlanWorkspace>('coursePlans.addEntry', { planId: ws.plan!.id, version: ws.plan!.version, code: 'DC-ENG4', grade: '12', term: 'year' });
    const pre = ws.plan!.cells.find((c) => c.code === 'PRE-CALC')!;
    ws = await call<PlanWorkspace>('coursePlans.updateEntry', {
      planId: ws.plan!.id,
      version: ws.plan!.version,
      entryId: pre.rowId,
      changes: { note: 'PRIVATE-ENTRY-NOTE', waivers: [{ code: 'ALG-2', reason: 'PRIVATE-WAIVER-REASON', by: 'Principal Vance', date: '2026-01-10' }] },
    });
    await call('prereg.addRecommendation', { studentId: ids.camila, schoolYear: 2026, fields: { teacher: 'Ms. Ortega', code: 'AP-CALC', recommendation: 'not-recommended', note: 'PRIVATE-REC' } });

    const view = scenarioComparison(db(), ids.camila, [activeId, ws.plan!.id], { locale: 'es', now: clock.now() });
    const json = JSON.stringify(view);
    for (const secret of ['PRIVATE-NOTE-Xq7', 'PRIVATE-ENTRY-NOTE', 'PRIVATE-WAIVER-REASON', 'Principal Vance', 'Ms. Ortega', 'PRIVATE-REC', 'Camila', 'Peña', '0420001', '"91"']) {
      expect(json).not.toContain(secret);
    }
    expect(JSON.parse(json)).toEqual(view);
    expect(view.scenarios.map((s) => [s.name, s.isActive])).toEqual([[expect.any(String), true], ['Inglés de crédito dual', false]]);
    expect(view.scenarios[0].years.map((y) => y.gradeLabel)).toEqual(['9.º grado', '10.º grado', '11.º grado', '12.º grado']);
    expect(view.differences[0].added).toEqual([{ title: 'English IV Dual Credit (ENGL 1301/1302)', when: '12.º grado', credits: 1 }]);
    expect(view.differences[0].sentences).toEqual(expect.arrayContaining(['Agrega English IV Dual Credit (ENGL 1301/1302) en 12.º grado.', 'Quita English IV (12.º grado).']));
    expect(view.ruleSet.name).toBe('Programa Básico de Preparatoria de Texas (Foundation)');
    // Another student's plan is not reachable through this student.
    expect(() => scenarioComparison(db(), ids.mateo, [activeId])).toThrow(/no longer exists/);
  });
});

describe('rule sets', () => {
  it('copies the Texas rules, edits a copy (Health 0.5, electives 4.5), validates, and refuses deleting one in use', async () => {
    const copy = await call<{ ref: string; editVersion: number; definition: { foundation: { areas: { code: string; requirements: { credits: number }[] }[] } } }>('ruleSets.copy', { ref: 'shipped:texas-fhsp' });
    expect(copy.ref).toMatch(/^vault:\d+$/);
    const def = structuredClone(copy.definition) as never as { foundation: { areas: { code: string; label: unknown; meta: unknown; requirements: { id: string; label: unknown; credits: number; options: unknown[]; meta: unknown }[] }[] } };
    const electives = def.foundation.areas.find((a) => a.code === 'electives')!;
    electives.requirements[0].credits = 4.5;
    def.foundation.areas.push({ code: 'health', label: { en: 'Health', es: 'Salud' }, meta: electives.meta, requirements: [{ id: 'health', label: { en: 'Health', es: 'Salud' }, credits: 0.5, options: [{ filter: { subjects: ['health'] } }], meta: electives.meta }] });
    const id = Number(copy.ref.slice(6));
    const saved = await call<{ editVersion: number }>('ruleSets.update', { id, version: copy.editVersion, definition: def });
    expect(saved.editVersion).toBe(2);
    const bad = structuredClone(def);
    bad.foundation.areas[0].requirements[0].credits = -1;
    expect((await fails('ruleSets.update', { id, version: 2, definition: bad })).code).toBe('VALIDATION');

    await loadCatalog();
    const ws = await call<PlanWorkspace>('coursePlans.start', { studentId: ids.mateo, ruleSetRef: copy.ref });
    expect(ws.audit!.areas.find((a) => a.code === 'health')).toMatchObject({ required: 0.5 });
    expect((await fails('ruleSets.remove', { id, version: 2 })).details).toMatchObject({ reason: 'in-use' });
  });
});
