import type { CsvRow, CsvTable } from '../../text/csv';
import { localIsoDate, type IsoDate } from '../../../../shared/domain/dates';
import { normalizeDate } from '../../../../shared/domain/roster/dates';
import { cleanId } from '../../../../shared/domain/roster/ids';
import {
  normalizeGuardian,
  normalizeStudent,
  rejectDuplicateIds,
  type RawCell,
  type RawStudentCells,
} from '../../../../shared/domain/roster/normalizeStudent';
import { problem, quote } from '../../../../shared/domain/roster/problems';
import { say, type Said } from '../../../../shared/domain/roster/say';
import { cleanValue } from '../../../../shared/domain/roster/cellText';
import { readGender, readHispanic, readYesNo } from '../../../../shared/domain/roster/values';
import type { RaceCode, RosterCampus, RosterGuardian, RosterParseResult, RosterProblem, RosterStudent } from '../../../../shared/domain/roster/types';
import { baseName, folderOf, readRosterFolder, unzipRosterFiles, type RosterFile, type RosterFileSet } from '../common/files';
import { Columns, readCsvTable } from '../common/table';
import { majorMinor, readManifest } from './manifest';

/**
 * OneRoster 1.1 and 1.2 CSV bundles (1EdTech "CSV Tables" 1.1.1 and "CSV Binding" 1.2.1).
 * Students are users with the student role (users.role in 1.1, roles.csv in 1.2); parents,
 * guardians and relatives are linked through agentSourcedIds in either direction; schools
 * in orgs.csv are the campuses; demographics.csv adds birth date, sex, race and ethnicity.
 * Columns are found by name, so vendor extension columns (ext_*, metadata.*) are ignored,
 * and header-only files are simply empty tables.
 */

export interface OneRosterOptions {
  /** Local calendar date used for birth-date checks; defaults to today. */
  today?: IsoDate;
}

const GUARDIAN_ROLES = new Set(['parent', 'guardian', 'relative']);
/** Every role OneRoster 1.1 and 1.2 define; anything else is a typo or a shifted row. */
const KNOWN_ROLES = new Set([
  'administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher',
  'counselor', 'districtadministrator', 'principal', 'siteadministrator', 'systemadministrator',
]);

/** Header spellings seen in real exports besides the spec's (e.g. oat-sa's "agents", Naviance's "sourceID"). */
const USERS = {
  sourcedId: ['sourcedId', 'sourceId'],
  status: ['status'],
  orgSourcedIds: ['orgSourcedIds', 'orgSourcedId'],
  role: ['role'],
  userIds: ['userIds', 'userId'],
  givenName: ['givenName', 'firstName'],
  familyName: ['familyName', 'lastName'],
  middleName: ['middleName'],
  identifier: ['identifier'],
  email: ['email'],
  sms: ['sms'],
  phone: ['phone'],
  agentSourcedIds: ['agentSourcedIds', 'agentSourcedId', 'agents'],
  grades: ['grades', 'grade'],
  preferredGivenName: ['preferredGivenName', 'preferredFirstName'],
  preferredFamilyName: ['preferredFamilyName', 'preferredLastName'],
  primaryOrgSourcedId: ['primaryOrgSourcedId'],
} as const;

const RACE_COLUMNS: [string, RaceCode][] = [
  ['americanIndianOrAlaskaNative', 'american-indian-alaska-native'],
  ['asian', 'asian'],
  ['blackOrAfricanAmerican', 'black-african-american'],
  ['nativeHawaiianOrOtherPacificIslander', 'native-hawaiian-pacific-islander'],
  ['white', 'white'],
  ['demographicRaceTwoOrMoreRaces', 'two-or-more'],
];

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** userIds: "{SIS:000123},{State:7123456789}" → [["SIS","000123"], ["State","7123456789"]]. */
function parseUserIds(value: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of value.matchAll(/\{\s*([^:{}]*?)\s*:\s*([^{}]*?)\s*\}/g)) out.push([m[1], m[2]]);
  return out;
}

const STATE_ID_TYPE = /state|sea|ssid|tsds|unique/i;
const LOCAL_ID_TYPE = /sis|local|district|lea|student ?(id|number)/i;

interface UserRow {
  row: CsvRow;
  sourcedId: string;
  roles: string[];
  /** The org of the user's primary role (1.2 roles.csv). */
  primaryOrg: string | null;
}

interface RoleRow {
  role: string;
  roleType: string;
  orgSourcedId: string;
}

export function parseOneRoster(set: RosterFileSet, options: OneRosterOptions = {}): RosterParseResult {
  const today = options.today ?? localIsoDate(new Date());
  const problems: RosterProblem[] = [...set.problems];
  const result = (students: RosterStudent[] = [], campuses: RosterCampus[] = [], version?: string): RosterParseResult => ({
    format: 'oneroster',
    ...(version ? { version } : {}),
    students,
    campuses,
    problems,
  });
  const fileError = (fileName: string, code: string, text: Said) => problems.push(problem({ fileName, row: null, column: null }, 'error', code, text));
  const fileWarning = (fileName: string, code: string, text: Said) => problems.push(problem({ fileName, row: null, column: null }, 'warning', code, text));

  // The bundle is the folder holding users.csv (zips often wrap it in one more folder).
  const usersFiles = set.files.filter((f) => baseName(f.name).toLowerCase() === 'users.csv');
  if (usersFiles.length === 0) {
    if (!problems.some((p) => p.severity === 'error')) {
      fileError(set.sourceName, 'oneroster-users-missing', say('oneroster-users-missing', { source: set.sourceName }));
    }
    return result();
  }
  if (usersFiles.length > 1) {
    fileError(set.sourceName, 'oneroster-several-bundles', say('oneroster-several-bundles', { source: set.sourceName, files: usersFiles.map((f) => f.name).join(', ') }));
    return result();
  }
  const folder = folderOf(usersFiles[0].name);
  const byName = new Map<string, RosterFile>();
  for (const f of set.files) if (folderOf(f.name) === folder) byName.set(baseName(f.name).toLowerCase(), f);

  function table(name: string, required: boolean): { table: CsvTable; fileName: string } | null {
    const file = byName.get(`${name.toLowerCase()}.csv`);
    if (!file) return null;
    const read = readCsvTable(file.bytes, file.name);
    // A completely empty optional file is as good as absent; a header-only one is an empty table.
    if (!required) for (const p of read.problems) if (p.code === 'csv-empty-file' || p.code === 'csv-no-header') p.severity = 'warning';
    problems.push(...read.problems);
    return read.table ? { table: read.table, fileName: file.name } : null;
  }

  // --- manifest and version -------------------------------------------------------------
  const manifestTable = table('manifest', false);
  const manifest = manifestTable ? readManifest(manifestTable.table) : null;
  const declared = majorMinor(manifest?.version ?? null);
  const users = table('users', true);
  if (!users) return result();
  const userCols = new Columns(users.table);
  const hasRoles = byName.has('roles.csv');
  let version: '1.1' | '1.2';
  if (declared) version = declared;
  else {
    version = hasRoles || (!userCols.has(...USERS.role) && userCols.has('primaryOrgSourcedId', 'preferredGivenName')) ? '1.2' : '1.1';
    const where = manifestTable ? manifestTable.fileName : `${folder ? `${folder}/` : ''}manifest.csv`;
    fileWarning(
      where,
      manifest ? 'oneroster-version-unknown' : 'oneroster-manifest-missing',
      manifest ? say('oneroster-version-unknown', { value: quote(manifest.version ?? ''), version }) : say('oneroster-manifest-missing', { version }),
    );
  }
  if (manifest) {
    for (const [name, mode] of manifest.files) {
      const present = byName.has(`${name.toLowerCase()}.csv`);
      if ((mode === 'bulk' || mode === 'delta') && !present && ['users', 'orgs', 'demographics', 'roles'].includes(name.toLowerCase())) {
        fileWarning(manifestTable!.fileName, 'oneroster-file-missing', say('oneroster-file-missing', { name, mode }));
      }
    }
    if (manifest.files.get('users') === 'delta') {
      fileWarning(manifestTable!.fileName, 'oneroster-delta', say('oneroster-delta'));
    }
  }

  // --- required users columns -----------------------------------------------------------
  const col = Object.fromEntries(Object.entries(USERS).map(([k, names]) => [k, userCols.find(...names)])) as Record<keyof typeof USERS, number>;
  const missing: string[] = [];
  if (col.sourcedId < 0) missing.push('sourcedId');
  if (col.givenName < 0) missing.push('givenName');
  if (col.familyName < 0) missing.push('familyName');
  const roles = version === '1.2' || (col.role < 0 && hasRoles) ? readRoles() : null;
  if (!roles && col.role < 0) missing.push('role');
  if (missing.length) {
    const params = { columns: missing.map((m) => `"${m}"`).join(', '), count: missing.length, found: users.table.headers.join(', ') };
    fileError(users.fileName, 'column-missing', say(version === '1.2' && missing.includes('role') ? 'column-missing~users-roles' : 'column-missing~users', params));
    return result([], [], version);
  }

  function readRoles(): Map<string, RoleRow[]> | null {
    const t = table('roles', false);
    if (!t) {
      if (version === '1.2' && col.role < 0) fileError(users!.fileName, 'oneroster-roles-missing', say('oneroster-roles-missing'));
      else if (version === '1.2') fileWarning(users!.fileName, 'oneroster-roles-missing', say('oneroster-roles-missing~fallback'));
      return null;
    }
    const c = new Columns(t.table);
    const userCol = c.find('userSourcedId');
    const roleCol = c.find('role');
    if (userCol < 0 || roleCol < 0) {
      fileError(t.fileName, 'column-missing', say('column-missing~roles', { found: t.table.headers.join(', ') }));
      return null;
    }
    const typeCol = c.find('roleType');
    const orgCol = c.find('orgSourcedId');
    const statusCol = c.find('status');
    const map = new Map<string, RoleRow[]>();
    for (const r of t.table.rows) {
      if (c.value(r, statusCol).toLowerCase() === 'tobedeleted') continue;
      const user = c.value(r, userCol);
      if (!user) continue;
      const list = map.get(user) ?? [];
      list.push({ role: c.value(r, roleCol).toLowerCase(), roleType: c.value(r, typeCol).toLowerCase(), orgSourcedId: c.value(r, orgCol) });
      map.set(user, list);
    }
    return map;
  }

  // --- orgs → campuses ------------------------------------------------------------------
  const orgs = new Map<string, { name: string; type: string }>();
  const campuses: RosterCampus[] = [];
  const orgsTable = table('orgs', false);
  if (!orgsTable) {
    fileWarning(`${folder ? `${folder}/` : ''}orgs.csv`, 'oneroster-orgs-missing', say('oneroster-orgs-missing'));
  } else {
    const c = new Columns(orgsTable.table);
    const idCol = c.find('sourcedId', 'sourceId');
    const nameCol = c.find('name');
    const typeCol = c.find('type');
    if (idCol < 0 || nameCol < 0 || typeCol < 0) {
      fileError(orgsTable.fileName, 'column-missing', say('column-missing~orgs', { found: orgsTable.table.headers.join(', ') }));
    } else {
      for (const r of orgsTable.table.rows) {
        const at = { fileName: orgsTable.fileName, row: r.row, line: r.line };
        const id = cleanValue(r.values[idCol]);
        const name = cleanValue(r.values[nameCol]);
        const type = c.value(r, typeCol).toLowerCase();
        if (!id) {
          problems.push(problem({ ...at, column: c.header(idCol) }, 'error', 'source-id-missing', say('source-id-missing~org')));
          continue;
        }
        if (orgs.has(id)) {
          problems.push(problem({ ...at, column: c.header(idCol) }, 'error', 'id-duplicate', say('id-duplicate~org', { id })));
          continue;
        }
        orgs.set(id, { name: name ?? id, type });
        if (type !== 'school') continue;
        if (!name) {
          problems.push(problem({ ...at, column: c.header(nameCol) }, 'error', 'campus-name-missing', say('campus-name-missing', { id })));
          continue;
        }
        campuses.push({ sourceId: id, name, origin: { fileName: orgsTable.fileName, row: r.row, line: r.line } });
      }
    }
  }
  const schoolIds = new Set(campuses.map((c) => c.sourceId));

  // --- users: classify ------------------------------------------------------------------
  const studentRows: UserRow[] = [];
  const guardianRows = new Map<string, UserRow>();
  const allUserIds = new Set<string>();
  const roleCounts = new Map<string, number>();
  let deleted = 0;
  for (const r of users.table.rows) {
    const sourcedId = cleanValue(r.values[col.sourcedId]);
    if (!sourcedId) {
      problems.push(problem({ fileName: users.fileName, row: r.row, line: r.line, column: userCols.header(col.sourcedId) }, 'error', 'source-id-missing', say('source-id-missing~user')));
      continue;
    }
    allUserIds.add(sourcedId);
    if (userCols.value(r, col.status).toLowerCase() === 'tobedeleted') {
      deleted++;
      continue;
    }
    let userRoles: string[];
    let primaryOrg: string | null = null;
    if (roles) {
      const list = roles.get(sourcedId) ?? [];
      userRoles = list.map((x) => x.role);
      const primary = list.find((x) => x.role === 'student' && x.roleType === 'primary') ?? list.find((x) => x.role === 'student');
      primaryOrg = primary?.orgSourcedId || null;
      if (list.length === 0 && col.role >= 0) userRoles = [userCols.value(r, col.role).toLowerCase()];
    } else userRoles = [userCols.value(r, col.role).toLowerCase()];
    for (const role of userRoles) roleCounts.set(role || '(blank)', (roleCounts.get(role || '(blank)') ?? 0) + 1);
    const unknownRoles = userRoles.filter((x) => !KNOWN_ROLES.has(x));
    if (userRoles.length === 0 || (unknownRoles.length && !userRoles.some((x) => KNOWN_ROLES.has(x)))) {
      problems.push(
        problem(
          { fileName: users.fileName, row: r.row, line: r.line, column: roles ? 'roles.csv role' : userCols.header(col.role) },
          'warning',
          'role-unknown',
          userRoles.length === 0 || unknownRoles.every((x) => x === '') ? say('role-unknown~none') : say('role-unknown', { value: quote(unknownRoles.join(', ')) }),
        ),
      );
    }
    const u: UserRow = { row: r, sourcedId, roles: userRoles, primaryOrg };
    if (userRoles.includes('student')) studentRows.push(u);
    else if (userRoles.some((x) => GUARDIAN_ROLES.has(x))) guardianRows.set(sourcedId, u);
  }
  if (deleted) fileWarning(users.fileName, 'oneroster-tobedeleted', say('oneroster-tobedeleted', { count: deleted }));
  if (studentRows.length === 0) {
    const found = [...roleCounts].map(([role, n]) => `${role} (${n})`).join(', ');
    fileError(
      users.fileName,
      'no-students',
      users.table.rows.length === 0 ? say('no-students~users-empty') : found ? say('no-students~roles', { roles: found }) : say('no-students~none'),
    );
  }

  // --- demographics ---------------------------------------------------------------------
  const demographics = new Map<string, { row: CsvRow; cols: Columns; fileName: string }>();
  const demoTable = table('demographics', false);
  if (demoTable) {
    const c = new Columns(demoTable.table);
    const idCol = c.find('sourcedId', 'userSourcedId');
    if (idCol < 0 && demoTable.table.rows.length > 0) {
      fileError(demoTable.fileName, 'column-missing', say('column-missing~demographics', { found: demoTable.table.headers.join(', ') }));
    } else {
      for (const r of demoTable.table.rows) {
        const id = c.value(r, idCol);
        if (!id) continue;
        if (demographics.has(id)) {
          problems.push(problem({ fileName: demoTable.fileName, row: r.row, line: r.line, column: c.header(idCol) }, 'error', 'id-duplicate', say('id-duplicate~demographics', { id })));
          continue;
        }
        if (!allUserIds.has(id)) {
          problems.push(problem({ fileName: demoTable.fileName, row: r.row, line: r.line, column: c.header(idCol) }, 'warning', 'demographics-user-missing', say('demographics-user-missing', { id })));
          continue;
        }
        demographics.set(id, { row: r, cols: c, fileName: demoTable.fileName });
      }
    }
  }

  // --- guardians ------------------------------------------------------------------------
  const guardians = new Map<string, RosterGuardian>();
  for (const [id, g] of guardianRows) {
    const ctx = { fileName: users.fileName, row: g.row.row, line: g.row.line, today };
    const phone = userCols.value(g.row, col.phone) ? userCols.cell(g.row, col.phone) : userCols.cell(g.row, col.sms);
    const role = g.roles.find((x) => GUARDIAN_ROLES.has(x))!;
    const r = normalizeGuardian(
      {
        sourceId: id,
        firstName: userCols.cell(g.row, col.givenName),
        lastName: userCols.cell(g.row, col.familyName),
        relationship: { value: role, column: col.role >= 0 ? userCols.header(col.role) : 'roles.csv role' },
        phone,
        email: userCols.cell(g.row, col.email),
      },
      ctx,
    );
    problems.push(...r.problems);
    if (r.value) guardians.set(id, r.value);
  }
  // Links can be written on either side: the student's agents, or the parent's.
  const guardiansOf = new Map<string, Set<string>>();
  const studentIds = new Set(studentRows.map((s) => s.sourcedId));
  const link = (student: string, guardian: string) => {
    const set = guardiansOf.get(student) ?? new Set<string>();
    set.add(guardian);
    guardiansOf.set(student, set);
  };
  for (const [id, g] of guardianRows) {
    for (const child of splitList(userCols.value(g.row, col.agentSourcedIds))) {
      if (studentIds.has(child)) link(child, id);
      else if (!allUserIds.has(child)) {
        problems.push(
          problem(
            { fileName: users.fileName, row: g.row.row, line: g.row.line, column: userCols.header(col.agentSourcedIds) },
            'warning',
            'agent-missing',
            say('agent-missing~child', { role: `@${g.roles.find((x) => GUARDIAN_ROLES.has(x)) ?? 'guardian'}`, id: child }),
          ),
        );
      }
    }
  }
  for (const s of studentRows) {
    for (const agent of splitList(userCols.value(s.row, col.agentSourcedIds))) {
      const at = { fileName: users.fileName, row: s.row.row, line: s.row.line, column: userCols.header(col.agentSourcedIds) };
      if (guardianRows.has(agent)) link(s.sourcedId, agent);
      else if (!allUserIds.has(agent)) problems.push(problem(at, 'warning', 'agent-missing', say('agent-missing', { id: agent })));
      else problems.push(problem(at, 'warning', 'agent-not-guardian', say('agent-not-guardian', { id: agent })));
    }
  }

  // --- students -------------------------------------------------------------------------
  const students: RosterStudent[] = [];
  let idFromSourcedId = 0;
  for (const s of studentRows) {
    const r = s.row;
    const at = (column: string | null) => ({ fileName: users.fileName, row: r.row, line: r.line, column });
    const ctx = { fileName: users.fileName, row: r.row, line: r.line, today };

    // Local ID: the human-facing identifier; else an SIS-type userId; else the sourcedId.
    const userIds = parseUserIds(userCols.value(r, col.userIds));
    const stateEntry = userIds.find(([type]) => STATE_ID_TYPE.test(type));
    const localEntry = userIds.find(([type]) => LOCAL_ID_TYPE.test(type) && !STATE_ID_TYPE.test(type));
    let localId: RawCell | undefined;
    const identifier = userCols.cell(r, col.identifier);
    if (identifier && identifier.value.trim() !== '') {
      const checked = cleanId(identifier.value);
      if (checked.value) localId = identifier;
      else {
        const value = quote(identifier.value);
        problems.push(
          problem(
            at(identifier.column),
            'warning',
            'identifier-unusable',
            checked.issue!.code === 'id-invalid-characters' ? say('identifier-unusable', { value }) : say('identifier-unusable~other', { value, reason: checked.issue!.message }),
          ),
        );
      }
    }
    if (!localId && localEntry && cleanId(localEntry[1]).value) localId = { value: localEntry[1], column: `${userCols.header(col.userIds)} {${localEntry[0]}}` };
    if (!localId && cleanId(s.sourcedId).value) {
      localId = { value: s.sourcedId, column: userCols.header(col.sourcedId) };
      idFromSourcedId++;
    }

    // Grades: one grade for a student; a list with different grades is not guessed from.
    let grade = userCols.cell(r, col.grades);
    if (grade) {
      const distinct = [...new Set(splitList(grade.value))];
      if (distinct.length === 1) grade = { ...grade, value: distinct[0] };
    }

    const cells: RawStudentCells = {
      sourceId: userCols.cell(r, col.sourcedId),
      localId,
      stateId: stateEntry && cleanId(stateEntry[1]).value ? { value: stateEntry[1], column: `${userCols.header(col.userIds)} {${stateEntry[0]}}` } : undefined,
      firstName: userCols.cell(r, col.givenName),
      middleName: userCols.cell(r, col.middleName),
      lastName: userCols.cell(r, col.familyName),
      preferredName: userCols.cell(r, col.preferredGivenName),
      preferredLastName: userCols.cell(r, col.preferredFamilyName),
      gradeLevel: grade,
      campusSourceId: campusCell(s, at),
    };
    const n = normalizeStudent(cells, ctx);
    problems.push(...n.problems);
    if (!n.value) continue;
    const student = n.value;
    if (student.preferredLastName === null) delete student.preferredLastName;

    const demo = demographics.get(s.sourcedId);
    if (demo) applyDemographics(student, demo.row, demo.cols, demo.fileName, today, problems);

    student.guardians = [...(guardiansOf.get(s.sourcedId) ?? [])].map((id) => guardians.get(id)).filter((g): g is RosterGuardian => !!g);
    students.push(student);
  }
  if (idFromSourcedId > 0) {
    fileWarning(
      users.fileName,
      'local-id-from-sourced-id',
      say('local-id-from-sourced-id', { count: idFromSourcedId }),
    );
  }

  function campusCell(s: UserRow, at: (column: string | null) => { fileName: string; row: number; line: number; column: string | null }): RawCell | undefined {
    const primary = userCols.value(s.row, col.primaryOrgSourcedId) || s.primaryOrg;
    const column = col.primaryOrgSourcedId >= 0 && userCols.value(s.row, col.primaryOrgSourcedId) ? userCols.header(col.primaryOrgSourcedId) : s.primaryOrg ? 'roles.csv orgSourcedId' : col.orgSourcedIds >= 0 ? userCols.header(col.orgSourcedIds) : 'orgSourcedIds';
    const candidates = primary ? [primary] : splitList(userCols.value(s.row, col.orgSourcedIds));
    if (orgs.size === 0) return undefined;
    const unknown = candidates.filter((id) => !orgs.has(id));
    for (const id of unknown) problems.push(problem(at(column), 'warning', 'org-missing', say('org-missing', { id })));
    const schools = candidates.filter((id) => schoolIds.has(id));
    if (schools.length === 0) {
      if (unknown.length === 0) problems.push(problem(at(column), 'warning', 'campus-missing', say('campus-missing')));
      return undefined;
    }
    if (schools.length > 1) {
      problems.push(
        problem(at(column), 'warning', 'campus-multiple', say('campus-multiple', { count: schools.length, schools: schools.join(', '), first: schools[0] })),
      );
    }
    return { value: schools[0], column };
  }

  const deduped = rejectDuplicateIds(students, { localId: col.identifier >= 0 ? userCols.header(col.identifier) : undefined, sourceId: userCols.header(col.sourcedId) });
  problems.push(...deduped.problems);
  return result(deduped.students, campuses, version);
}

function applyDemographics(student: RosterStudent, row: CsvRow, c: Columns, fileName: string, today: IsoDate, problems: RosterProblem[]): void {
  const at = (i: number) => ({ fileName, row: row.row, line: row.line, column: c.header(i) });
  const birthCol = c.find('birthDate', 'birthdate', 'dateOfBirth');
  if (birthCol >= 0 && c.value(row, birthCol)) {
    const d = normalizeDate(c.value(row, birthCol), { kind: 'birth', today });
    if (d.problem) problems.push(problem(at(birthCol), d.problem.severity, d.problem.code, d.problem));
    if (d.date) student.birthDate = d.date;
  }
  const sexCol = c.find('sex', 'gender');
  if (sexCol >= 0) {
    const g = readGender(c.value(row, sexCol));
    if (g.value) student.gender = g.value;
    else if (!g.understood) problems.push(problem(at(sexCol), 'warning', 'gender-unrecognised', say('gender-unrecognised~sex', { value: quote(c.value(row, sexCol)) })));
  }
  const races: RaceCode[] = [];
  for (const [name, code] of RACE_COLUMNS) {
    const i = c.find(name);
    if (i < 0) continue;
    const flag = readYesNo(c.value(row, i));
    if (flag.value) races.push(code);
    else if (!flag.understood) problems.push(problem(at(i), 'warning', 'yes-no-unreadable', say('yes-no-unreadable~race', { value: quote(c.value(row, i)) })));
  }
  if (races.length) student.races = races;
  const hispCol = c.find('hispanicOrLatinoEthnicity');
  if (hispCol >= 0) {
    const h = readHispanic(c.value(row, hispCol));
    if (h.value !== null) student.hispanicOrLatino = h.value;
    else if (!h.understood) problems.push(problem(at(hispCol), 'warning', 'yes-no-unreadable', say('yes-no-unreadable~hispanic', { value: quote(c.value(row, hispCol)) })));
  }
}

export async function parseOneRosterFolder(dir: string, options: OneRosterOptions = {}): Promise<RosterParseResult> {
  return parseOneRoster(await readRosterFolder(dir), options);
}

export function parseOneRosterZip(bytes: Uint8Array, zipName: string, options: OneRosterOptions = {}): RosterParseResult {
  return parseOneRoster(unzipRosterFiles(bytes, zipName), options);
}
