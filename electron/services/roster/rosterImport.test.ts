import path from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { createTestCore } from '../../testing/testCore';
import { makeTempDir, TEST_PASSPHRASE } from '../../testing/tempVault';
import type { RawDatabase } from '../../vault/database';
import type { RosterChooseResult, RosterCommitResult, RosterConflictView, RosterPreview, RosterPreviewRow, SisMappingStep } from '../../../shared/ipc/contract/roster';
import type { ImportProblem } from '../../../shared/ipc/contract/imports';
import type { Page } from '../../../shared/ipc/contract/common';
import type { StudentDetail, StudentListResult } from '../../../shared/ipc/contract/students';

// Public test data beside the repo (../shared/data); synthetic students for everything else.
const DATA = path.resolve(__dirname, '../../../..', 'shared/data');
const EDFI = path.join(DATA, 'edfi');
const ONEROSTER = path.join(DATA, 'oneroster/oat-sa_oneroster-import/OneRosterv1p1BaseCSV');
const NOW = new Date('2025-09-15T15:00:00Z');
const TODAY = '2025-09-15';

let tmp: ReturnType<typeof makeTempDir>;
let core: ReturnType<typeof createTestCore>;
let clock = NOW.getTime();

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const env = await core.dispatch(channel, input, { scope: 'console' });
  if (!env.ok) throw Object.assign(new Error(`${channel}: ${env.error.code} ${env.error.message}`), { code: env.error.code, details: env.error.details });
  return env.value as T;
}
async function fails(channel: string, input?: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const env = await core.dispatch(channel, input, { scope: 'console' });
  if (env.ok) throw new Error(`${channel} was expected to fail`);
  return env.error;
}
const db = (): RawDatabase => core.ctx.vault.session().db;

/** Every table an import writes to, so "nothing written" is checked on the data itself. */
function dump() {
  const tables = ['students', 'student_programs', 'guardians', 'student_field_overrides', 'guardian_field_overrides', 'campuses', 'sis_column_mappings', 'audit_events'];
  return Object.fromEntries(tables.map((t) => [t, db().prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

async function choose(pathOrPaths: string | string[], kind: 'folder' | 'files' = 'files'): Promise<RosterChooseResult> {
  core.dialogs.openFiles.import = [Array.isArray(pathOrPaths) ? pathOrPaths : [pathOrPaths]];
  return call<RosterChooseResult>('wp:roster.choose', { kind });
}
async function preview(p: string | string[], kind: 'folder' | 'files' = 'files'): Promise<RosterPreview> {
  const r = await choose(p, kind);
  if (r.status !== 'preview') throw new Error(`expected a preview, got ${r.status}`);
  return r.preview;
}
async function sisPreview(file: string, adjust?: (m: SisMappingStep['mapping']) => void): Promise<RosterPreview> {
  const r = await choose(file);
  if (r.status !== 'mapping') throw new Error(`expected the mapping step, got ${r.status}`);
  const mapping = { ...r.mapping.mapping };
  adjust?.(mapping);
  return call<RosterPreview>('wp:roster.map', { token: r.mapping.token, mapping });
}
const commit = (token: string, extra: Record<string, unknown> = {}) => call<RosterCommitResult>('wp:roster.commit', { token, ...extra });
const rows = (token: string, outcome: string, search = '') => call<Page<RosterPreviewRow>>('wp:roster.rows', { token, outcome, search, page: 0, pageSize: 100 });
const problems = (token: string, severity = 'all', pageSize = 100) => call<Page<ImportProblem>>('wp:roster.problems', { token, severity, page: 0, pageSize });
const find = (search: string) => call<StudentListResult>('wp:students.list', { search, status: 'all' });

function csv(rows: string[][], delimiter = ','): string {
  const quote = (v: string) => (/[",;\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}
function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, content);
  return file;
}

// Synthetic students (invented names, IDs 900xxx).
const HEADERS = ['Student ID', 'State ID', 'Last Name', 'First Name', 'Nickname', 'Birth Date', 'Grade', 'Campus ID', 'School Name', 'Home Language', 'Parent Language', 'SPED', 'GT', 'Guardian 1 Name', 'Guardian 1 Relationship', 'Guardian 1 Phone', 'Guardian 2 Name', 'Guardian 2 Relationship'];
const ANA = ['900101', 'S900101', 'Peña Treviño', 'Ana Sofía', 'Sofi', '03/05/2009', '10', '001', 'Valle Verde HS', 'Spanish', 'Spanish', 'N', 'Y', 'Treviño, Rosa', 'Madre', '(512) 555-0100', 'Peña, Luis', 'Padre'];
const BEN = ['900102', 'S900102', "O'Brien", 'Ben', '', '11/30/2010', '09', '001', 'Valle Verde HS', 'English', 'English', 'Y', 'N', 'O\'Brien, Kate', 'Mother', '512-555-0101', '', ''];
const ZOE = ['900103', '', 'Nguyễn', 'Zoë', '', '01/02/2012', '07', '041', 'Valle Verde MS', 'Vietnamese', 'English', 'N', 'N', '', '', '', '', ''];

function xmlCounts() {
  const xml = new XMLParser({ ignoreAttributes: true, isArray: (name) => name.endsWith('ProgramAssociation') }).parse(readFileSync(path.join(EDFI, 'StudentProgram.xml'), 'utf8'));
  const root = xml.InterchangeStudentProgram as Record<string, Record<string, unknown>[]>;
  const types: Record<string, string> = { 'Special Education': 'special-education', 'Section 504 Placement': 'section-504', 'Gifted and Talented': 'gifted-talented' };
  const all: Record<string, Set<string>> = {};
  const current: Record<string, Set<string>> = {};
  for (const [name, list] of Object.entries(root)) {
    if (!name.endsWith('ProgramAssociation')) continue;
    for (const a of list) {
      const id = String((a.StudentReference as { StudentIdentity: { StudentUniqueId: unknown } }).StudentIdentity.StudentUniqueId);
      const type = String((a.ProgramReference as { ProgramIdentity: { ProgramType: string } }).ProgramIdentity.ProgramType).split('#')[1];
      const program = types[type];
      if (!program) continue;
      (all[program] ??= new Set()).add(id);
      const end = a.EndDate ? String(a.EndDate) : null;
      const begin = a.BeginDate ? String(a.BeginDate) : null;
      if ((end === null || end >= TODAY) && (begin === null || begin <= TODAY)) (current[program] ??= new Set()).add(id);
    }
  }
  const size = (m: Record<string, Set<string>>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.size]));
  return { all: size(all), current: size(current) };
}

beforeEach(async () => {
  tmp = makeTempDir('waypoint-roster-');
  clock = NOW.getTime();
  core = createTestCore({ documentsDir: tmp.dir, now: () => new Date(clock) });
  await call('wp:vault.create', { newPassphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE });
});
afterEach(async () => {
  await core.ctx.vault.lock('quit');
  tmp.cleanup();
});

describe('Ed-Fi: the Grand Bend sample district', () => {
  it('previews 960 new students with every grade left blank and said so, then imports them with their programs', async () => {
    const p = await preview(EDFI, 'folder');
    expect(p).toMatchObject({ format: 'edfi', version: '5.2.0', counts: { new: 960, updated: 0, unchanged: 0, rejected: 0 }, canCommit: true, gradeNotRecorded: 960 });
    expect(p.problemCounts.error).toBe(0);
    const gradeWarnings = (await problems(p.token, 'warning', 100)).rows.filter((x) => x.code === 'grade-missing');
    expect(gradeWarnings.length).toBeGreaterThan(0);
    expect(gradeWarnings[0]).toMatchObject({ fileName: 'Student.xml', severity: 'warning', row: 1 });
    expect(p.campuses.map((c) => [c.sourceId, c.name, c.outcome])).toEqual([
      ['255901001', 'Grand Bend High School', 'new'],
      ['255901044', 'Grand Bend Middle School', 'new'],
      ['255901107', 'Grand Bend Elementary School', 'new'],
    ]);

    const result = await commit(p.token);
    expect(result.counts).toMatchObject({ new: 960, updated: 0, rejected: 0 });
    expect(result.campuses.new).toBe(3);

    const d = db();
    expect((d.prepare('SELECT count(*) AS n FROM students').get() as { n: number }).n).toBe(960);
    expect((d.prepare('SELECT count(*) AS n FROM students WHERE grade_level IS NOT NULL').get() as { n: number }).n).toBe(0);
    // Program flags against StudentProgram.xml itself, counted here from the XML.
    const expected = xmlCounts();
    const stored = (current: boolean) =>
      Object.fromEntries(
        (d.prepare(`SELECT program, count(DISTINCT student_id) AS n FROM student_programs WHERE program IN ('special-education','section-504','gifted-talented') ${current ? 'AND current = 1' : ''} GROUP BY program`).all() as { program: string; n: number }[]).map((r) => [r.program, r.n]),
      );
    expect(stored(false)).toEqual(expected.all);
    expect(expected.all).toEqual({ 'special-education': 97, 'section-504': 3, 'gifted-talented': 86 });
    expect(stored(true)).toEqual(expected.current);

    // The audit log has the import with counts and format, never names.
    const audit = d.prepare(`SELECT summary FROM audit_events WHERE action = 'roster.import'`).all() as { summary: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toContain('format=edfi');
    expect(audit[0].summary).toContain('new=960');
    expect(audit[0].summary).not.toMatch(/Tyrone|Dyer|Grand Bend|Student\.xml/);
  });

  it('finds a known student by name and by ID after the import, with their flags', async () => {
    await commit((await preview(EDFI, 'folder')).token);
    const byName = await find('Tyrone Dyer');
    expect(byName.rows.map((r) => r.localId)).toEqual(['604821']);
    const byId = await find('604821');
    expect(byId.rows.map((r) => [r.firstName, r.lastName, r.preferredName])).toEqual([['Tyrone', 'Dyer', 'Ty']]);
    // 605238 left special education in 2021: kept as history, not a current flag.
    const exited = (await find('605238')).rows[0];
    const detail = await call<StudentDetail>('wp:students.get', { id: exited.id });
    expect(detail.programs).not.toContain('special-education');
    expect(detail.programHistory).toContainEqual({ program: 'special-education', beginDate: '2021-08-30', endDate: '2021-12-17', current: false, source: 'edfi' });
  });

  it('importing the same files again reports everything unchanged and writes nothing, not even a version', async () => {
    await commit((await preview(EDFI, 'folder')).token);
    const before = dump();
    const again = await preview(EDFI, 'folder');
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 960, rejected: 0 });
    expect(again).toMatchObject({ nothingToChange: true, canCommit: false, conflicts: 0 });
    expect(again.campuses.every((c) => c.outcome === 'unchanged')).toBe(true);
    const result = await commit(again.token);
    expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 960 });
    expect(dump()).toEqual(before);
  });
});

describe('OneRoster', () => {
  it('imports the public oat-sa 1.1 sample: both students and the orgs as their campuses', async () => {
    const p = await preview(ONEROSTER, 'folder');
    expect(p).toMatchObject({ format: 'oneroster', version: '1.1', counts: { new: 2, rejected: 0 }, canCommit: true });
    expect(p.campuses.map((c) => [c.sourceId, c.name])).toEqual([
      ['12345', 'School 1'],
      ['54321', 'School 2'],
    ]);
    await commit(p.token);
    const list = await call<StudentListResult>('wp:students.list', { sortBy: 'localId' });
    expect(list.rows.map((r) => [r.localId, r.firstName, r.lastName, r.campusName])).toEqual([
      ['user1', 'ionut', 'padurariu', 'School 1'],
      ['user2', 'ionut2', 'padurariu', 'School 2'],
    ]);
    expect((await preview(ONEROSTER, 'folder')).counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
  });

  it('links guardians through agentSourcedIds, and flags one a later export no longer lists', async () => {
    const dir = path.join(tmp.dir, 'OneRoster');
    mkdirSync(dir);
    const manifest = 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,bulk\nfile.orgs,bulk\n';
    const orgs = 'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd1,,,Valle Verde ISD,district,,\nhs1,,,Valle Verde High School,school,001,d1\n';
    const users = (extraParent: boolean) =>
      [
        'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password',
        `s1,active,,true,"d1,hs1",student,mj,"{SIS:000123},{State:7100000001}",María José,De la Garza,,000123,,,,${extraParent ? '"p1,p2"' : 'p1'},09,`,
        'p1,,,true,d1,parent,rg,,Rosa,Garza,,,rosa@example.org,,(512) 555-0100,s1,,',
        ...(extraParent ? ['p2,,,true,d1,guardian,jg,,Jorge,Garza,,,,,512-555-0199,s1,,'] : []),
      ].join('\n');
    writeFileSync(path.join(dir, 'manifest.csv'), manifest);
    writeFileSync(path.join(dir, 'orgs.csv'), orgs);
    writeFileSync(path.join(dir, 'users.csv'), users(true));
    const first = await preview(dir, 'folder');
    expect(first.guardians).toMatchObject({ added: 2, inFile: 2 });
    await commit(first.token);
    const id = (await find('000123')).rows[0].id;
    let s = await call<StudentDetail>('wp:students.get', { id });
    expect(s.guardians.map((g) => [g.displayName, g.relationship, g.email, g.phone, g.inRoster])).toEqual([
      ['Rosa Garza', 'parent', 'rosa@example.org', '(512) 555-0100', true],
      ['Jorge Garza', 'guardian', null, '512-555-0199', true],
    ]);
    expect(s).toMatchObject({ stateId: '7100000001', campusName: 'Valle Verde High School', gradeLevel: '09' });

    writeFileSync(path.join(dir, 'users.csv'), users(false));
    const later = await preview(dir, 'folder');
    expect(later.counts).toMatchObject({ updated: 1 });
    expect(later.guardians.notInRoster).toBe(1);
    await commit(later.token);
    s = await call<StudentDetail>('wp:students.get', { id });
    // Kept, not deleted: the counselor decides whether to remove the contact.
    expect(s.guardians.map((g) => [g.displayName, g.inRoster])).toEqual([
      ['Rosa Garza', true],
      ['Jorge Garza', false],
    ]);
  });
});

describe('SIS CSV', () => {
  it('suggests a mapping, imports programs, languages and guardians, and remembers the mapping by its headers', async () => {
    const file = writeFile('roster.csv', csv([HEADERS, ANA, BEN, ZOE]));
    const step = await choose(file);
    expect(step.status).toBe('mapping');
    if (step.status !== 'mapping') return;
    expect(step.mapping.source).toBe('suggested');
    expect(step.mapping.missing).toEqual([]);
    expect(step.mapping.mapping).toMatchObject({ localId: 'Student ID', stateId: 'State ID', lastName: 'Last Name', firstName: 'First Name', gradeLevel: 'Grade', 'program:special-education': 'SPED', 'program:gifted-talented': 'GT' });
    expect(step.mapping.columns.find((c) => c.header === 'Last Name')!.samples).toEqual(['Peña Treviño', "O'Brien", 'Nguyễn']);
    // The counselor maps the nickname column themselves and drops the parent-language column.
    const mapping = { ...step.mapping.mapping, preferredName: 'Nickname' };
    delete mapping.familyLanguage;
    const p = await call<RosterPreview>('wp:roster.map', { token: step.mapping.token, mapping });
    expect(p.counts).toMatchObject({ new: 3, rejected: 0 });
    expect(p.covers).toEqual({ programs: ['special-education', 'gifted-talented'], guardians: true });
    await commit(p.token);

    const ana = await call<StudentDetail>('wp:students.get', { id: (await find('900101')).rows[0].id });
    expect(ana).toMatchObject({ firstName: 'Ana Sofía', lastName: 'Peña Treviño', preferredName: 'Sofi', birthDate: '2009-03-05', gradeLevel: '10', campusName: 'Valle Verde HS', homeLanguage: 'es', familyLanguage: null, programs: ['gifted-talented'] });
    expect(ana.guardians.map((g) => [g.firstName, g.lastName, g.relationship, g.phone])).toEqual([
      ['Rosa', 'Treviño', 'mother', '(512) 555-0100'],
      ['Luis', 'Peña', 'father', null],
    ]);

    // Next term: same columns, reordered and re-cased.
    const shuffled = HEADERS.map((h, i) => ({ h: i % 2 ? h.toUpperCase() : h, i })).reverse();
    const next = writeFile('roster-spring.csv', csv([shuffled.map((x) => x.h), ...[ANA, BEN, ZOE].map((r) => shuffled.map((x) => r[x.i]))]));
    const again = await choose(next);
    if (again.status !== 'mapping') throw new Error('expected mapping');
    expect(again.mapping.source).toBe('saved');
    expect(again.mapping.mapping.preferredName).toBe('Nickname');
    expect(again.mapping.mapping.firstName).toBe('FIRST NAME');
    expect(again.mapping.mapping.familyLanguage).toBeUndefined();
    const p2 = await call<RosterPreview>('wp:roster.map', { token: again.mapping.token, mapping: again.mapping.mapping });
    expect(p2.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect(p2.mapping?.remembered).toBe(true);
  });

  it('refuses to preview a mapping without an ID or names', async () => {
    const file = writeFile('roster.csv', csv([HEADERS, ANA]));
    const step = await choose(file);
    if (step.status !== 'mapping') throw new Error('expected mapping');
    const mapping = { ...step.mapping.mapping };
    delete mapping.localId;
    delete mapping.stateId;
    const err = await fails('wp:roster.map', { token: step.mapping.token, mapping });
    expect(err).toMatchObject({ code: 'VALIDATION', details: { missing: ['id'] } });
  });
});

describe('bad files: a specific message per row, commit refused, nothing written', () => {
  const cases: [string, () => Buffer, (p: ImportProblem[]) => void][] = [
    [
      'wrong encoding (UTF-8 read and saved again as Windows-1252)',
      () => iconv.encode(csv([HEADERS, ANA, BEN]).replace('Peña Treviño', 'PeÃ±a TreviÃ±o'), 'win1252'),
      // With what the UI needs to say it in Spanish too.
      (p) => expect(p).toContainEqual(expect.objectContaining({ severity: 'error', code: 'encoding-mojibake', row: 1, column: 'Last Name', template: 'encoding-mojibake~repaired', params: { value: '"PeÃ±a TreviÃ±o"', repaired: '"Peña Treviño"' } })),
    ],
    [
      'missing ID column',
      () => Buffer.from(csv([HEADERS.slice(2), ANA.slice(2)])),
      () => undefined, // checked at the mapping step below
    ],
    [
      'duplicate IDs',
      () => Buffer.from(csv([HEADERS, ANA, BEN, [...ZOE.slice(0, 0), '900101', ...ZOE.slice(1)]])),
      (p) => {
        const dup = p.find((x) => x.code === 'id-duplicate')!;
        expect(dup).toMatchObject({ severity: 'error', row: 3, line: 4, column: 'Student ID' });
        expect(dup.message).toContain('row 1');
      },
    ],
    [
      'a row with too many fields',
      () => Buffer.from(csv([HEADERS, ANA]) + `900102,S900102,O'Brien,Ben,,11/30/2010,09,001,Valle Verde HS,English,English,Y,N,Kate,Mother,512-555-0101,,,extra\r\n`),
      (p) => expect(p).toContainEqual(expect.objectContaining({ severity: 'error', code: 'csv-too-many-fields', row: 2, line: 3 })),
    ],
  ];

  it.each(cases)('%s', async (name, bytes, check) => {
    const before = dump();
    const file = writeFile('bad.csv', bytes());
    const step = await choose(file);
    if (step.status !== 'mapping') throw new Error('expected mapping');
    if (name === 'missing ID column') {
      expect(step.mapping.missing).toEqual(['id']);
      expect((await fails('wp:roster.map', { token: step.mapping.token, mapping: step.mapping.mapping })).code).toBe('VALIDATION');
      expect(dump()).toEqual(before);
      return;
    }
    const p = await call<RosterPreview>('wp:roster.map', { token: step.mapping.token, mapping: step.mapping.mapping });
    expect(p.canCommit).toBe(false);
    expect(p.problemCounts.error).toBeGreaterThan(0);
    expect(p.counts.rejected).toBeGreaterThan(0);
    const all = (await problems(p.token)).rows;
    check(all);
    const rejected = await rows(p.token, 'rejected');
    expect(rejected.rows.every((r) => r.problems.some((x) => x.severity === 'error'))).toBe(true);
    expect((await fails('wp:roster.commit', { token: p.token })).code).toBe('IMPORT_INVALID');
    expect(dump()).toEqual(before);
  });

  it('an unrecognisable file is refused with a message, not guessed', async () => {
    const p = await preview([writeFile('a.csv', 'x\n1\n'), writeFile('b.csv', 'y\n2\n')]);
    expect(p.canCommit).toBe(false);
    expect(p.problems[0]).toMatchObject({ code: 'format-unknown', severity: 'error' });
  });

  it.each([
    { name: 'a picture renamed .csv', file: 'photo.csv', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), says: /is a picture/ },
    { name: 'a web page saved as .csv', file: 'report.csv', bytes: Buffer.from('<!DOCTYPE html><html><body><table><tr><td>Student ID</td></tr></table></body></html>'), says: /web page \(HTML\)/ },
    { name: 'random binary', file: 'data.txt', bytes: Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)), says: /not a text file/ },
    { name: 'a single-column note', file: 'readme.txt', bytes: Buffer.from('hi\nthis is the export\n'), says: /single column \("hi"\)/ },
    { name: 'a zip holding only a readme', file: 'export.zip', bytes: Buffer.from(zipSync({ 'readme.txt': strToU8('hello') })), says: /holds no roster export/ },
    { name: 'a zip holding only a readme with commas', file: 'export.zip', bytes: Buffer.from(zipSync({ 'readme.txt': strToU8('Hello, this is the readme, see the portal.\nThanks, IT\n') })), says: /holds no roster export/ },
  ])('$name is named for what it is, and nothing is written', async ({ file, bytes, says }) => {
    const before = dump();
    const p = await preview(writeFile(file, bytes));
    expect(p.canCommit).toBe(false);
    expect(p.problems).toEqual([expect.objectContaining({ severity: 'error', fileName: file, message: expect.stringMatching(says) })]);
    expect(dump()).toEqual(before);
  });
});

describe('matching by ID, never by name', () => {
  it('a row whose IDs point at two different students is refused; a name-only match is a warning and a new student', async () => {
    await commit((await sisPreview(writeFile('r.csv', csv([HEADERS, ANA, BEN])))).token);
    const mixed = [...ANA];
    mixed[0] = '900102'; // Ben's local ID with Ana's state ID
    const twin = [...BEN];
    twin[0] = '900199';
    twin[1] = 'S900199'; // same name and birth date as Ben, other IDs
    const p = await sisPreview(writeFile('r2.csv', csv([HEADERS, mixed, twin])));
    const all = (await problems(p.token)).rows;
    expect(all).toContainEqual(expect.objectContaining({ code: 'id-matches-two-students', severity: 'error', row: 1 }));
    const dup = all.find((x) => x.code === 'likely-duplicate')!;
    expect(dup).toMatchObject({ severity: 'warning', row: 2 });
    expect(dup.message).toContain('Ben O\'Brien');
    expect(p.counts).toMatchObject({ new: 1, rejected: 1 });
    expect(p.canCommit).toBe(false);
  });

  it('matches by state ID first: a changed local ID is an update of the same student', async () => {
    await commit((await sisPreview(writeFile('r.csv', csv([HEADERS, ANA])))).token);
    const renumbered = [...ANA];
    renumbered[0] = '0900101';
    const p = await sisPreview(writeFile('r2.csv', csv([HEADERS, renumbered])));
    expect(p.counts).toMatchObject({ new: 0, updated: 1 });
    const [row] = (await rows(p.token, 'updated')).rows;
    expect(row.matchedBy).toBe('stateId');
    expect(row.changes).toEqual([expect.objectContaining({ subject: 'student', field: 'localId', before: '900101', after: '0900101', conflict: false })]);
  });
});

describe('counselor edits survive a re-import unless the counselor chooses the file', () => {
  it('keeps edits silently while the file is unchanged, asks when it changes, and applies the choice', async () => {
    const file = writeFile('r.csv', csv([HEADERS, ANA, BEN]));
    await commit((await sisPreview(file)).token);
    const id = (await find('900101')).rows[0].id;
    let s = await call<StudentDetail>('wp:students.get', { id });
    s = await call<StudentDetail>('wp:students.update', { id, version: s.version, changes: { preferredName: 'Anita', gradeLevel: '11' } });
    expect(s.enteredByCounselor.sort()).toEqual(['gradeLevel', 'preferredName']);

    // Same file: the counselor's values stand and nothing is written.
    const before = dump();
    const same = await sisPreview(file);
    expect(same.counts).toMatchObject({ updated: 0, unchanged: 2 });
    await commit(same.token);
    expect(dump()).toEqual(before);

    // The district changes Ana's nickname and grade, and Ben's grade (a value the file gave).
    const ana2 = [...ANA];
    ana2[4] = 'Sofía';
    ana2[6] = '12';
    const ben2 = [...BEN];
    ben2[6] = '10';
    const changed = writeFile('r2.csv', csv([HEADERS, ana2, ben2]));
    const p = await sisPreview(changed);
    expect(p.conflicts).toBe(2);
    const conflicts = (await call<Page<RosterConflictView>>('wp:roster.conflicts', { token: p.token, page: 0, pageSize: 100 })).rows;
    expect(conflicts.map((c) => c.change).map((c) => (c.subject === 'student' ? [c.field, c.before, c.after] : null))).toEqual([
      ['preferredName', 'Anita', 'Sofía'],
      ['gradeLevel', '11', '12'],
    ]);
    const benRow = (await rows(p.token, 'updated', '900102')).rows[0];
    expect(benRow.changes).toEqual([expect.objectContaining({ field: 'gradeLevel', before: '09', after: '10', conflict: false })]);

    // Every conflict needs a choice.
    expect((await fails('wp:roster.commit', { token: p.token })).code).toBe('VALIDATION');
    const key = (field: string) => conflicts.find((c) => c.change.subject === 'student' && c.change.field === field)!.change.key;
    await commit(p.token, { choices: [{ key: key('preferredName'), choice: 'mine' }, { key: key('gradeLevel'), choice: 'file' }] });
    s = await call<StudentDetail>('wp:students.get', { id });
    expect(s).toMatchObject({ preferredName: 'Anita', gradeLevel: '12' });
    expect(s.enteredByCounselor).toEqual(['preferredName']);
    expect((await call<StudentDetail>('wp:students.get', { id: benRow.studentId })).gradeLevel).toBe('10');

    // Having kept theirs, the same changed file asks nothing again.
    const settled = await sisPreview(changed);
    expect(settled.counts).toMatchObject({ updated: 0, unchanged: 2 });
    expect(settled.conflicts).toBe(0);
  });

  it('a student typed by hand is never overwritten by a first import without asking', async () => {
    const typed = await call<StudentDetail>('wp:students.create', { firstName: 'Ana', lastName: 'Pena Trevino', localId: '900101', gradeLevel: '10' });
    const p = await sisPreview(writeFile('r.csv', csv([HEADERS, ANA])));
    expect(p.counts).toMatchObject({ new: 0, updated: 1 });
    const [row] = (await rows(p.token, 'updated')).rows;
    const byField = Object.fromEntries(row.changes.filter((c) => c.subject === 'student').map((c) => [c.subject === 'student' ? c.field : '', c.conflict]));
    // Blank values are filled in; typed names are conflicts; the same grade is no change at all.
    expect(byField).toMatchObject({ firstName: true, lastName: true, stateId: false, birthDate: false, preferredName: false });
    expect(byField.gradeLevel).toBeUndefined();
    await commit(p.token, { conflictDefault: 'mine' });
    const s = await call<StudentDetail>('wp:students.get', { id: typed.id });
    expect(s).toMatchObject({ firstName: 'Ana', lastName: 'Pena Trevino', stateId: 'S900101', birthDate: '2009-03-05' });
  });

  it('programs and guardians the counselor changed are kept on re-import', async () => {
    const file = writeFile('r.csv', csv([HEADERS, ANA]));
    await commit((await sisPreview(file)).token);
    const id = (await find('900101')).rows[0].id;
    let s = await call<StudentDetail>('wp:students.get', { id });
    s = await call<StudentDetail>('wp:students.setPrograms', { id, version: s.version, programs: ['section-504'] });
    expect(s.programs).toEqual(['section-504']);
    expect(s.programHistory.find((h) => h.program === 'gifted-talented')).toMatchObject({ current: false });
    const luis = s.guardians.find((g) => g.firstName === 'Luis')!;
    s = await call<StudentDetail>('wp:guardians.remove', { studentId: id, version: s.version, guardianId: luis.id });
    const rosa = s.guardians[0];
    s = await call<StudentDetail>('wp:guardians.update', { studentId: id, version: s.version, guardianId: rosa.id, changes: { phone: '512-555-0177', mayReceiveInformation: true } });
    const before = dump();
    const p = await sisPreview(file);
    expect(p.counts).toMatchObject({ updated: 0, unchanged: 1 });
    await commit(p.token);
    expect(dump()).toEqual(before);
    s = await call<StudentDetail>('wp:students.get', { id });
    expect(s.programs).toEqual(['section-504']);
    expect(s.guardians.map((g) => [g.displayName, g.phone, g.mayReceiveInformation])).toEqual([['Rosa Treviño', '512-555-0177', true]]);
  });
});

describe('commit safety', () => {
  it('refuses a commit when a student changed after the preview, writing nothing; a refreshed preview shows the change', async () => {
    const file = writeFile('r.csv', csv([HEADERS, ANA]));
    await commit((await sisPreview(file)).token);
    const id = (await find('900101')).rows[0].id;
    const ana2 = [...ANA];
    ana2[6] = '11';
    const p = await sisPreview(writeFile('r2.csv', csv([HEADERS, ana2])));
    expect(p.counts.updated).toBe(1);
    const s = await call<StudentDetail>('wp:students.get', { id });
    await call('wp:students.update', { id, version: s.version, changes: { gradeLevel: '12' } });
    const before = dump();
    expect((await fails('wp:roster.commit', { token: p.token })).code).toBe('CONFLICT');
    expect(dump()).toEqual(before);
    const fresh = await call<RosterPreview>('wp:roster.refresh', { token: p.token });
    expect(fresh.conflicts).toBe(1);
  });

  it('locking drops the parsed file: the preview cannot be committed afterwards', async () => {
    const p = await sisPreview(writeFile('r.csv', csv([HEADERS, ANA])));
    await call('wp:vault.lock');
    await core.ctx.vault.unlock(core.prefs.get().lastVaultPath ?? path.join(tmp.dir, 'Waypoint Vault'), TEST_PASSPHRASE);
    expect((await fails('wp:roster.commit', { token: p.token })).code).toBe('NOT_FOUND');
    expect((await find('900101')).total).toBe(0);
  });

  it('pages a 10,000-row preview and searches it in the main process', async () => {
    const many = [HEADERS];
    for (let i = 0; i < 10_000; i++) many.push([String(100000 + i), `S${100000 + i}`, 'García', `Ana${i}`, '', '03/05/2009', '10', '001', 'Valle Verde HS', 'Spanish', 'Spanish', 'N', i % 7 === 0 ? 'Y' : 'N', 'García, Rosa', 'Madre', '(512) 555-0100', '', '']);
    const p = await sisPreview(writeFile('big.csv', csv(many)));
    expect(p.counts.new).toBe(10_000);
    const first = await rows(p.token, 'new');
    expect(first).toMatchObject({ total: 10_000, pageSize: 100 });
    expect(first.rows).toHaveLength(100);
    const hit = await rows(p.token, 'new', 'ana9999');
    expect(hit.rows.map((r) => r.localId)).toEqual(['109999']);
    expect(p.programs.find((x) => x.program === 'gifted-talented')).toMatchObject({ current: 1429, added: 1429 });
  });
});

describe('caseload after imports', () => {
  it('filters by program, grade (including "not recorded"), graduation year and campus, and saves a view', async () => {
    await commit((await sisPreview(writeFile('r.csv', csv([HEADERS, ANA, BEN, ZOE])))).token);
    await commit((await preview(EDFI, 'folder')).token);
    const list = (q: Record<string, unknown>) => call<StudentListResult>('wp:students.list', q);
    expect((await list({ programs: ['gifted-talented'], gradeLevels: ['10'] })).rows.map((r) => r.localId)).toEqual(['900101']);
    const noGrade = await list({ gradeLevels: ['none'], pageSize: 1 });
    expect(noGrade.total).toBe(960);
    const facets = await call<{ campuses: { id: number; name: string; count: number }[] }>('wp:students.facets');
    const ms = facets.campuses.find((c) => c.name === 'Valle Verde MS')!;
    expect(ms.count).toBe(1);
    expect((await list({ campusIds: [ms.id] })).rows.map((r) => r.firstName)).toEqual(['Zoë']);
    const both = await list({ programs: ['special-education', 'gifted-talented'], programMatch: 'all' });
    const any = await list({ programs: ['special-education', 'gifted-talented'], programMatch: 'any' });
    expect(both.total).toBeLessThan(any.total);
    expect(any.rows.every((r) => r.programs.some((p) => p === 'special-education' || p === 'gifted-talented'))).toBe(true);
    expect(both.rows.every((r) => r.programs.includes('special-education') && r.programs.includes('gifted-talented'))).toBe(true);

    const view = await call<{ id: number }>('wp:caseloadViews.save', { name: 'GT grade 10', query: { programs: ['gifted-talented'], gradeLevels: ['10'], sortBy: 'grade' } });
    expect((await fails('wp:caseloadViews.save', { name: 'gt GRADE 10', query: {} })).code).toBe('DUPLICATE');
    const views = await call<{ id: number; name: string; query: { programs: string[]; sortBy: string } }[]>('wp:caseloadViews.list');
    expect(views).toEqual([expect.objectContaining({ id: view.id, name: 'GT grade 10', query: expect.objectContaining({ programs: ['gifted-talented'], sortBy: 'grade' }) })]);
    await call('wp:caseloadViews.remove', { id: view.id });
    expect(await call('wp:caseloadViews.list')).toEqual([]);
  });
});
