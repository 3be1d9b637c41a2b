import path from 'node:path';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { hasBlockingProblems } from '../../../../shared/domain/roster/problems';
import type { RosterParseResult } from '../../../../shared/domain/roster/types';
import type { RosterFileSet } from '../common/files';
import { parseOneRoster, parseOneRosterFolder, parseOneRosterZip } from './oneroster';

// The team's public test data sits beside the repo (../shared/data), never inside it.
const SAMPLE = path.resolve(__dirname, '../../../../..', 'shared/data/oneroster/oat-sa_oneroster-import/OneRosterv1p1BaseCSV');
const today = '2025-09-15';

const codes = (r: RosterParseResult) => r.problems.map((p) => p.code);
const set = (files: Record<string, string>, sourceName = 'export'): RosterFileSet => ({
  sourceName,
  files: Object.entries(files).map(([name, text]) => ({ name, bytes: strToU8(text) })),
  problems: [],
});

const MANIFEST_11 = 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.users,bulk\nfile.orgs,bulk\nfile.demographics,absent\n';
const ORGS = 'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd1,,,Valle Verde ISD,district,,\nhs1,,,Valle Verde High School,school,001,d1\nms1,,,Valle Verde Middle School,school,041,d1\n';
// Synthetic students; guardians linked both ways (student → agent, and parent → child).
const USERS_11 = [
  'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,ext_vendor_color',
  's1,active,,true,"d1,hs1",student,mj,"{SIS:000123},{State:7100000001}",María José,De la Garza,,000123,,,,p1,09,,blue',
  's2,,,true,ms1,student,lb,,Luis,O\'Brien Peña,Ángel,000124,,,,,KG,,',
  'p1,,,true,d1,parent,rg,,Rosa,Garza,,,rosa@example.org,,(512) 555-0100,s1,,,',
  'p2,,,true,d1,guardian,jp,,Jorge,Peña,,,,512-555-0101,,s2,,,',
  't1,,,true,hs1,teacher,tt,,Terry,Teacher,,T9,,,,,,,',
].join('\n');
const DEMOGRAPHICS = 'sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus\ns1,,,2010-02-14,female,false,false,false,false,true,false,true,US,TX,Laredo,\n';

describe('OneRoster: the public oat-sa 1.1 sample', () => {
  it('detects version 1.1 from manifest.csv and finds both students, ignoring extension columns', async () => {
    const r = await parseOneRosterFolder(SAMPLE, { today });
    expect(r.format).toBe('oneroster');
    expect(r.version).toBe('1.1');
    expect(hasBlockingProblems(r.problems)).toBe(false);
    expect(r.students.map((s) => [s.sourceId, s.firstName, s.lastName, s.campusSourceId])).toEqual([
      ['user1', 'ionut', 'padurariu', '12345'],
      ['user2', 'ionut2', 'padurariu', '54321'],
    ]);
    // ext_tao_userMotherName holds "metadata.value1": an extension column, not a guardian or a name.
    expect(JSON.stringify(r.students)).not.toContain('metadata.value');
    expect(r.campuses.map((c) => [c.sourceId, c.name])).toEqual([
      ['12345', 'School 1'],
      ['54321', 'School 2'],
    ]);
  });

  it('accepts its header-only files (academicSessions, courses, demographics) without problems', async () => {
    const r = await parseOneRosterFolder(SAMPLE, { today });
    expect(r.problems.filter((p) => /academicSessions|courses|demographics/.test(p.fileName))).toEqual([]);
  });

  it('says why the sample identifiers were not used as student IDs, and that grades are blank', async () => {
    const r = await parseOneRosterFolder(SAMPLE, { today });
    expect(r.students.map((s) => s.localId)).toEqual(['user1', 'user2']);
    expect(r.students.map((s) => s.gradeLevel)).toEqual([null, null]);
    expect(r.problems.filter((p) => p.code === 'identifier-unusable').map((p) => [p.row, p.column])).toEqual([
      [1, 'identifier'],
      [2, 'identifier'],
    ]);
    expect(r.problems.filter((p) => p.code === 'grade-missing').map((p) => p.row)).toEqual([1, 2]);
    expect(codes(r)).toContain('local-id-from-sourced-id');
  });
});

describe('OneRoster 1.1 (synthetic)', () => {
  const full = () => parseOneRoster(set({ 'manifest.csv': MANIFEST_11, 'orgs.csv': ORGS, 'users.csv': USERS_11, 'demographics.csv': DEMOGRAPHICS }), { today });

  it('imports students with IDs, grades, campus (the school, not the district) and demographics', () => {
    const r = full();
    expect(r.problems).toEqual([]);
    const [s1, s2] = r.students;
    expect(s1).toMatchObject({
      sourceId: 's1',
      localId: '000123',
      stateId: '7100000001',
      firstName: 'María José',
      lastName: 'De la Garza',
      gradeLevel: '09',
      campusSourceId: 'hs1',
      birthDate: '2010-02-14',
      gender: 'female',
      races: ['white'],
      hispanicOrLatino: true,
    });
    expect(s2).toMatchObject({ localId: '000124', lastName: "O'Brien Peña", middleName: 'Ángel', gradeLevel: 'KG', campusSourceId: 'ms1', birthDate: null });
    expect(s2.gender).toBeUndefined();
    expect(r.campuses.map((c) => c.sourceId)).toEqual(['hs1', 'ms1']);
  });

  it('links guardians from a student\'s agentSourcedIds and from a parent\'s', () => {
    const [s1, s2] = full().students;
    expect(s1.guardians).toEqual([
      {
        sourceId: 'p1',
        firstName: 'Rosa',
        lastName: 'Garza',
        displayName: 'Rosa Garza',
        relationship: 'parent',
        phone: '(512) 555-0100',
        email: 'rosa@example.org',
        language: null,
        mayReceiveInformation: null,
      },
    ]);
    expect(s2.guardians).toEqual([expect.objectContaining({ sourceId: 'p2', relationship: 'guardian', phone: '512-555-0101' })]);
  });

  it('does not import teachers or guardians as students', () => {
    expect(full().students.map((s) => s.sourceId)).toEqual(['s1', 's2']);
  });

  it('warns about an agent that is not in users.csv instead of failing', () => {
    const users = USERS_11.replace('000123,,,,p1,09', '000123,,,,"p1,p404",09');
    const r = parseOneRoster(set({ 'manifest.csv': MANIFEST_11, 'orgs.csv': ORGS, 'users.csv': users }), { today });
    expect(r.students).toHaveLength(2);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'agent-missing', severity: 'warning', fileName: 'users.csv', row: 1, column: 'agentSourcedIds' })]);
  });

  it('infers the version from the headers when manifest.csv is missing, and says so', () => {
    const r = parseOneRoster(set({ 'orgs.csv': ORGS, 'users.csv': USERS_11 }), { today });
    expect(r.version).toBe('1.1');
    expect(r.students).toHaveLength(2);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'oneroster-manifest-missing', severity: 'warning' })]);
  });

  it('reports a missing required column once, naming it and the columns found', () => {
    const users = USERS_11.replace('givenName,', 'firstname_typo,');
    const r = parseOneRoster(set({ 'manifest.csv': MANIFEST_11, 'users.csv': users, 'orgs.csv': ORGS }), { today });
    expect(r.students).toEqual([]);
    const p = r.problems.find((x) => x.code === 'column-missing')!;
    expect(p).toMatchObject({ fileName: 'users.csv', row: null, severity: 'error' });
    expect(p.message).toContain('"givenName"');
  });

  it('says which roles it found when no user is a student (a misspelled role must not silently drop everyone)', () => {
    const users = USERS_11.replace(/,student,/g, ',Learner,');
    const r = parseOneRoster(set({ 'manifest.csv': MANIFEST_11, 'users.csv': users, 'orgs.csv': ORGS }), { today });
    const p = r.problems.find((x) => x.code === 'no-students')!;
    expect(p.severity).toBe('error');
    expect(p.message).toContain('learner (2)');
  });

  it('rejects a duplicate student identifier, naming the first row', () => {
    const users = USERS_11.replace('Luis,O\'Brien Peña,Ángel,000124', 'Luis,O\'Brien Peña,Ángel,000123');
    const r = parseOneRoster(set({ 'manifest.csv': MANIFEST_11, 'users.csv': users, 'orgs.csv': ORGS }), { today });
    const p = r.problems.find((x) => x.code === 'id-duplicate')!;
    expect(p).toMatchObject({ fileName: 'users.csv', row: 2, column: 'identifier', severity: 'error' });
    expect(p.message).toContain('row 1');
  });

  it('reports a row with too many fields by row and line', () => {
    const users = USERS_11.replace('s1,active,,true,"d1,hs1",student', 's1,active,,true,d1,hs1,student');
    const r = parseOneRoster(set({ 'manifest.csv': MANIFEST_11, 'users.csv': users, 'orgs.csv': ORGS }), { today });
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'csv-too-many-fields', fileName: 'users.csv', row: 1, line: 2, severity: 'error' }));
    expect(hasBlockingProblems(r.problems)).toBe(true);
  });

  it('warns about a role outside the OneRoster vocabulary (a shifted or misspelled row) instead of dropping it quietly', () => {
    const users = USERS_11.replace("s2,,,true,ms1,student", 's2,,,true,ms1,studnet');
    const r = parseOneRoster(set({ 'manifest.csv': MANIFEST_11, 'users.csv': users, 'orgs.csv': ORGS }), { today });
    expect(r.students.map((s) => s.sourceId)).toEqual(['s1']);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'role-unknown', fileName: 'users.csv', row: 2, column: 'role', severity: 'warning' }));
  });

  it('reports a bad birth date in demographics.csv at its own file and row', () => {
    const r = parseOneRoster(
      set({ 'manifest.csv': MANIFEST_11, 'users.csv': USERS_11, 'orgs.csv': ORGS, 'demographics.csv': DEMOGRAPHICS.replace('2010-02-14', '2010-02-30') }),
      { today },
    );
    expect(r.problems).toEqual([expect.objectContaining({ fileName: 'demographics.csv', row: 1, column: 'birthDate', code: 'date-not-a-calendar-day' })]);
  });
});

describe('OneRoster 1.2 (synthetic)', () => {
  const manifest = 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.users,bulk\nfile.orgs,bulk\nfile.roles,bulk\nfile.userProfiles,absent\n';
  const users = [
    'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,metadata.jp.kanaGivenName',
    'u1,,,true,a,,Alejandro,Nguyễn,,100200,,,,g1,11,,,,Alex,,,,,',
    'u2,,,true,b,,Sam,Okafor,,100201,,,,,10,,,,,,,ms1,,',
    'g1,,,true,c,,Thu,Nguyễn,,,thu@example.org,,,u1,,,,,,,,,,',
  ].join('\n');
  const roles = [
    'sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId',
    'r1,,,u1,primary,student,,,hs1,',
    'r2,,,u1,secondary,student,,,ms1,',
    'r3,,,u2,primary,student,,,hs1,',
    'r4,,,g1,primary,parent,,,d1,',
  ].join('\n');

  it('reads roles from roles.csv, preferred names, and the primary school', () => {
    const r = parseOneRoster(set({ 'manifest.csv': manifest, 'users.csv': users, 'roles.csv': roles, 'orgs.csv': ORGS, 'userProfiles.csv': 'sourcedId,status\n' }), { today });
    expect(r.version).toBe('1.2');
    expect(r.problems).toEqual([]);
    expect(r.students.map((s) => [s.localId, s.preferredName, s.gradeLevel, s.campusSourceId])).toEqual([
      ['100200', 'Alex', '11', 'hs1'],
      // primaryOrgSourcedId in users.csv wins over the roles.csv primary role.
      ['100201', null, '10', 'ms1'],
    ]);
    expect(r.students[0].guardians).toEqual([expect.objectContaining({ sourceId: 'g1', relationship: 'parent', email: 'thu@example.org', lastName: 'Nguyễn' })]);
  });

  it('infers 1.2 from roles.csv when there is no manifest', () => {
    const r = parseOneRoster(set({ 'users.csv': users, 'roles.csv': roles, 'orgs.csv': ORGS }), { today });
    expect(r.version).toBe('1.2');
    expect(r.students).toHaveLength(2);
  });

  it('refuses 1.2 without roles.csv when users.csv has no role column', () => {
    const r = parseOneRoster(set({ 'manifest.csv': manifest, 'users.csv': users, 'orgs.csv': ORGS }), { today });
    expect(r.students).toEqual([]);
    expect(codes(r)).toContain('oneroster-roles-missing');
    expect(hasBlockingProblems(r.problems)).toBe(true);
  });
});

describe('OneRoster from a zip', () => {
  const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it('reads a zip whose files sit inside a folder, skipping macOS litter', () => {
    const bytes = zip({
      'Export_2025/manifest.csv': MANIFEST_11,
      'Export_2025/users.csv': USERS_11,
      'Export_2025/orgs.csv': ORGS,
      'Export_2025/demographics.csv': DEMOGRAPHICS,
      '__MACOSX/Export_2025/._users.csv': 'junk',
      'Export_2025/readme.pdf': '%PDF',
    });
    const r = parseOneRosterZip(bytes, 'export.zip', { today });
    expect(r.version).toBe('1.1');
    expect(r.problems).toEqual([]);
    expect(r.students.map((s) => s.localId)).toEqual(['000123', '000124']);
    expect(r.students[0].origin.fileName).toBe('Export_2025/users.csv');
  });

  it('turns a damaged zip into a problem, not a crash', () => {
    const bytes = zip({ 'users.csv': USERS_11 }).slice(0, 40);
    const r = parseOneRosterZip(bytes, 'broken.zip', { today });
    expect(r.students).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ fileName: 'broken.zip', code: 'zip-unreadable', severity: 'error' })]);
  });

  it('says when the zip has no users.csv', () => {
    const r = parseOneRosterZip(zip({ 'orgs.csv': ORGS }), 'orgs-only.zip', { today });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'oneroster-users-missing', fileName: 'orgs-only.zip' })]);
  });
});

describe('OneRoster from a folder', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('reads a chosen folder that wraps the export in a subfolder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-oneroster-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'inner'));
    await writeFile(path.join(dir, 'inner', 'manifest.csv'), MANIFEST_11);
    await writeFile(path.join(dir, 'inner', 'users.csv'), `\uFEFF${USERS_11}`);
    await writeFile(path.join(dir, 'inner', 'orgs.csv'), ORGS);
    const r = await parseOneRosterFolder(dir, { today });
    expect(r.problems).toEqual([]);
    expect(r.students).toHaveLength(2);
  });
});
