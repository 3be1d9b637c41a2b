import type { IsoDate } from '../dates';
import { ageOn, normalizeDate, type DateOrder } from './dates';
import { cleanId } from './ids';
import { cleanName, displayName, splitLastFirst } from './names';
import { cleanValue, textIssues } from './cellText';
import { problem, quote, type CellRef } from './problems';
import { say, type Said } from './say';
import { programFromText, sortPrograms, type ProgramCode } from './programs';
import type { RosterGuardian, RosterProblem, RosterStudent } from './types';
import {
  readEmail,
  readGender,
  readGradeLevel,
  readGraduationYear,
  readHispanic,
  readLanguage,
  readPhone,
  readRaces,
  readRelationship,
  readYesNo,
} from './values';

/**
 * Turns one source record (a CSV row, an XML element) into a RosterStudent. Every format
 * funnels through here, so IDs, names, dates, grades and programs follow one set of rules
 * and every problem names its file, row and column.
 */

/** A cell as read: its text and the column (header or element path) it came from. */
export interface RawCell {
  value: string;
  column: string;
}

export interface RawGuardianCells {
  sourceId?: string;
  firstName?: RawCell;
  lastName?: RawCell;
  /** A single name column: split only when written "Last, First". */
  fullName?: RawCell;
  relationship?: RawCell;
  phone?: RawCell;
  email?: RawCell;
  language?: RawCell;
  mayReceiveInformation?: RawCell;
}

export interface RawStudentCells {
  /** The record's key in the source; defaults to the local ID, then the state ID. */
  sourceId?: RawCell;
  localId?: RawCell;
  stateId?: RawCell;
  firstName?: RawCell;
  middleName?: RawCell;
  lastName?: RawCell;
  /** "Last, First Middle" when the file has only one name column. */
  fullName?: RawCell;
  preferredName?: RawCell;
  preferredLastName?: RawCell;
  suffix?: RawCell;
  birthDate?: RawCell;
  gradeLevel?: RawCell;
  expectedGraduationYear?: RawCell;
  campusSourceId?: RawCell;
  homeLanguage?: RawCell;
  familyLanguage?: RawCell;
  gender?: RawCell;
  hispanicOrLatino?: RawCell;
  race?: RawCell;
  /** One yes/no column per program. */
  programFlags?: { program: ProgramCode; cell: RawCell }[];
  /** Columns listing programs by name ("SPED; 504; GT"). */
  programLists?: RawCell[];
  guardians?: RawGuardianCells[];
}

export interface StudentRowContext {
  fileName: string;
  row: number;
  line?: number | null;
  today: IsoDate;
  /** Month/day order for slashed dates in this file's birth-date column. */
  dateOrder?: DateOrder;
}

export interface NormalizedRow<T> {
  value: T | null;
  problems: RosterProblem[];
}

/** Youngest and oldest plausible ages for a student record (pre-K to adult programs). */
const MIN_AGE = 2;
const MAX_AGE = 26;

class RowProblems {
  readonly list: RosterProblem[] = [];
  constructor(private readonly ctx: StudentRowContext) {}

  at(column: string | null): CellRef {
    return { fileName: this.ctx.fileName, row: this.ctx.row, line: this.ctx.line, column };
  }

  error(column: string | null, code: string, text: string | Said): void {
    this.list.push(problem(this.at(column), 'error', code, text));
  }

  warn(column: string | null, code: string, text: string | Said): void {
    this.list.push(problem(this.at(column), 'warning', code, text));
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  /** Encoding and entity checks for any free-text cell. */
  checkText(cell: RawCell | undefined): void {
    if (!cell) return;
    for (const issue of textIssues(cell.value)) this.list.push(problem(this.at(cell.column), issue.severity, issue.code, issue));
  }
}

function readId(cell: RawCell | undefined, out: RowProblems): string | null {
  if (!cell) return null;
  const { value, issue } = cleanId(cell.value);
  if (issue) out.error(cell.column, issue.code, issue);
  return value;
}

function readName(cell: RawCell | undefined, out: RowProblems, middle = false): string | null {
  if (!cell) return null;
  const { value, issues } = cleanName(cell.value, { middle });
  for (const i of issues) (i.severity === 'error' ? out.error : out.warn).call(out, cell.column, i.code, i);
  return value;
}

function readText(cell: RawCell | undefined, out: RowProblems): string | null {
  if (!cell) return null;
  out.checkText(cell);
  return cleanValue(cell.value);
}

export function normalizeGuardian(cells: RawGuardianCells, ctx: StudentRowContext): NormalizedRow<RosterGuardian> {
  const out = new RowProblems(ctx);
  let firstName = readName(cells.firstName, out);
  let lastName = readName(cells.lastName, out);
  let full: string | null = null;
  if (cells.fullName && !firstName && !lastName) {
    full = readName(cells.fullName, out);
    const split = full ? splitLastFirst(full) : null;
    if (split) {
      firstName = split.firstName;
      lastName = split.lastName;
    }
  }
  const relationship = readRelationship(cells.relationship?.value).value;
  if (cells.relationship) out.checkText(cells.relationship);

  const phoneRead = readPhone(cells.phone?.value);
  if (!phoneRead.understood) out.warn(cells.phone!.column, 'phone-unreadable', say('phone-unreadable', { value: quote(cells.phone!.value) }));
  const emailRead = readEmail(cells.email?.value);
  if (!emailRead.understood) out.warn(cells.email!.column, 'email-invalid', say('email-invalid', { value: quote(cells.email!.value) }));
  if (cells.language) out.checkText(cells.language);
  const language = readLanguage(cells.language?.value).value;
  const may = readYesNo(cells.mayReceiveInformation?.value);
  if (!may.understood) {
    out.warn(cells.mayReceiveInformation!.column, 'yes-no-unreadable', say('yes-no-unreadable~guardian', { value: quote(cells.mayReceiveInformation!.value) }));
  }

  const name = displayName(firstName, lastName, full ?? '');
  const hasAnything = name !== '' || phoneRead.value || emailRead.value;
  if (!hasAnything) return { value: null, problems: out.list };
  if (name === '') {
    out.warn(cells.firstName?.column ?? cells.fullName?.column ?? null, 'guardian-name-missing', say('guardian-name-missing'));
  }
  if (out.hasErrors) return { value: null, problems: out.list };
  const guardian: RosterGuardian = {
    firstName,
    lastName,
    displayName: name || emailRead.value || phoneRead.value || '',
    relationship,
    phone: phoneRead.value,
    email: emailRead.value,
    language,
    mayReceiveInformation: may.value,
  };
  if (cells.sourceId) guardian.sourceId = cells.sourceId;
  return { value: guardian, problems: out.list };
}

// Birth dates cluster (a grade is born in one year or two): each distinct cell is read once.
const birthCache = new Map<string, ReturnType<typeof normalizeDate> & { age: number | null }>();
function birthDateOf(raw: string, ctx: StudentRowContext): ReturnType<typeof normalizeDate> & { age: number | null } {
  const key = `${raw}\u0000${ctx.dateOrder ?? ''}\u0000${ctx.today}`;
  let hit = birthCache.get(key);
  if (hit === undefined) {
    const r = normalizeDate(raw, { kind: 'birth', today: ctx.today, order: ctx.dateOrder });
    hit = { ...r, age: r.date ? ageOn(r.date, ctx.today) : null };
    if (birthCache.size >= 5000) birthCache.clear();
    birthCache.set(key, hit);
  }
  return hit;
}

export function normalizeStudent(cells: RawStudentCells, ctx: StudentRowContext): NormalizedRow<RosterStudent> {
  const out = new RowProblems(ctx);

  const localId = readId(cells.localId, out);
  const stateId = readId(cells.stateId, out);
  // The source key (a OneRoster sourcedId may be any text, e.g. a GUID) is only cleaned, not
  // held to the student-ID rules: it is never shown or edited as an ID.
  const sourceId = cells.sourceId ? cleanValue(cells.sourceId.value) : (localId ?? stateId);
  if (cells.sourceId && !sourceId) out.error(cells.sourceId.column, 'source-id-missing', say('source-id-missing', { column: cells.sourceId.column }));
  if (!localId && !stateId && !out.hasErrors) {
    const columns = [cells.localId?.column, cells.stateId?.column].filter(Boolean).join(' / ');
    out.error(columns || null, 'id-missing', columns ? say('id-missing~columns', { columns }) : say('id-missing'));
  }

  let firstName = readName(cells.firstName, out);
  let lastName = readName(cells.lastName, out);
  if (cells.fullName && (!firstName || !lastName)) {
    const full = readName(cells.fullName, out);
    if (full) {
      const split = splitLastFirst(full);
      if (split) {
        firstName ??= split.firstName;
        lastName ??= split.lastName;
      } else {
        out.error(cells.fullName.column, 'name-not-split', say('name-not-split', { value: quote(full) }));
      }
    }
  }
  if (!firstName && !out.hasErrors) out.error(cells.firstName?.column ?? cells.fullName?.column ?? null, 'first-name-missing', say('first-name-missing'));
  if (!lastName && !out.hasErrors) out.error(cells.lastName?.column ?? cells.fullName?.column ?? null, 'last-name-missing', say('last-name-missing'));
  const middleName = readName(cells.middleName, out, true);
  const preferredName = readName(cells.preferredName, out);
  const preferredLastName = cells.preferredLastName ? readName(cells.preferredLastName, out) : undefined;
  const suffix = cells.suffix ? readText(cells.suffix, out) : undefined;

  let birthDate: IsoDate | null = null;
  if (cells.birthDate) {
    const r = birthDateOf(cells.birthDate.value, ctx);
    birthDate = r.date;
    if (r.problem) (r.problem.severity === 'error' ? out.error : out.warn).call(out, cells.birthDate.column, r.problem.code, r.problem);
    if (birthDate && r.age !== null) {
      const age = r.age;
      if (age < MIN_AGE || age > MAX_AGE) {
        out.warn(cells.birthDate.column, 'birth-date-implausible', say('birth-date-implausible', { date: birthDate, age }));
      }
    }
  }

  const grade = readGradeLevel(cells.gradeLevel?.value);
  if (!cells.gradeLevel || (grade.understood && grade.value === null)) {
    out.warn(cells.gradeLevel?.column ?? null, 'grade-missing', say('grade-missing'));
  } else if (!grade.understood) {
    out.warn(cells.gradeLevel.column, 'grade-unrecognised', say('grade-unrecognised', { value: quote(cells.gradeLevel.value) }));
  }

  const grad = readGraduationYear(cells.expectedGraduationYear?.value);
  if (!grad.understood) {
    out.warn(cells.expectedGraduationYear!.column, 'graduation-year-unreadable', say('graduation-year-unreadable', { value: quote(cells.expectedGraduationYear!.value) }));
  }

  const campusSourceId = cells.campusSourceId ? readText(cells.campusSourceId, out) : null;
  const homeLanguage = cells.homeLanguage ? (out.checkText(cells.homeLanguage), readLanguage(cells.homeLanguage.value).value) : null;
  const familyLanguage = cells.familyLanguage ? (out.checkText(cells.familyLanguage), readLanguage(cells.familyLanguage.value).value) : null;

  const gender = readGender(cells.gender?.value);
  if (!gender.understood) out.warn(cells.gender!.column, 'gender-unrecognised', say('gender-unrecognised', { value: quote(cells.gender!.value) }));
  const hispanic = readHispanic(cells.hispanicOrLatino?.value);
  if (!hispanic.understood) {
    out.warn(cells.hispanicOrLatino!.column, 'ethnicity-unrecognised', say('ethnicity-unrecognised', { value: quote(cells.hispanicOrLatino!.value) }));
  }
  const races = readRaces(cells.race?.value);
  if (races.unknown.length) out.warn(cells.race!.column, 'race-unrecognised', say('race-unrecognised', { values: races.unknown.map((r) => quote(r)).join(', ') }));

  const programs = new Set<ProgramCode>();
  for (const { program: code, cell } of cells.programFlags ?? []) {
    const flag = readYesNo(cell.value);
    if (flag.value) programs.add(code);
    else if (!flag.understood) {
      out.warn(cell.column, 'program-flag-unreadable', say('program-flag-unreadable', { value: quote(cell.value) }));
    }
  }
  for (const cell of cells.programLists ?? []) {
    for (const entry of cell.value.split(/\s*[;,|]\s*/)) {
      if (entry.trim() === '') continue;
      const code = programFromText(entry);
      if (code) programs.add(code);
      else out.warn(cell.column, 'program-unrecognised', say('program-unrecognised', { value: quote(entry) }));
    }
  }

  const guardians: RosterGuardian[] = [];
  for (const g of cells.guardians ?? []) {
    const r = normalizeGuardian(g, ctx);
    out.list.push(...r.problems);
    if (r.value) guardians.push(r.value);
  }

  if (out.hasErrors || !sourceId || !firstName || !lastName) return { value: null, problems: out.list };
  const student: RosterStudent = {
    sourceId,
    localId,
    stateId,
    firstName,
    middleName,
    lastName,
    preferredName,
    birthDate,
    gradeLevel: grade.value,
    expectedGraduationYear: grad.value,
    campusSourceId,
    programs: sortPrograms(programs),
    homeLanguage,
    familyLanguage,
    guardians,
    origin: { fileName: ctx.fileName, row: ctx.row, ...(ctx.line != null ? { line: ctx.line } : {}) },
  };
  if (preferredLastName !== undefined) student.preferredLastName = preferredLastName;
  if (suffix !== undefined) student.suffix = suffix;
  if (gender.value) student.gender = gender.value;
  if (hispanic.value !== null) student.hispanicOrLatino = hispanic.value;
  if (races.value.length) student.races = races.value;
  return { value: student, problems: out.list };
}

/**
 * Duplicate local or state IDs within one import: each later row gets an error naming the
 * first row with that ID, and only the first row is kept.
 */
export function rejectDuplicateIds(students: RosterStudent[], idColumns: { localId?: string; stateId?: string; sourceId?: string } = {}): {
  students: RosterStudent[];
  problems: RosterProblem[];
} {
  const problems: RosterProblem[] = [];
  const seen = { sourceId: new Map<string, RosterStudent>(), localId: new Map<string, RosterStudent>(), stateId: new Map<string, RosterStudent>() };
  const kept: RosterStudent[] = [];
  const label = { sourceId: 'sourceId', localId: 'localId', stateId: 'stateId' };
  for (const s of students) {
    let duplicate = false;
    for (const key of ['localId', 'stateId', 'sourceId'] as const) {
      const id = s[key];
      if (!id) continue;
      // The source ID is usually the local ID itself; one clash is reported once.
      if (key === 'sourceId' && (id === s.localId || id === s.stateId)) continue;
      const first = seen[key].get(id);
      if (first) {
        duplicate = true;
        const params = { what: `@${label[key]}`, id, firstRow: first.origin.row, name: displayName(first.firstName, first.lastName) };
        const said =
          first.origin.line == null
            ? say('id-duplicate~noline', params)
            : first.origin.fileName === s.origin.fileName
              ? say('id-duplicate', { ...params, firstLine: first.origin.line })
              : say('id-duplicate~file', { ...params, firstLine: first.origin.line, firstFile: first.origin.fileName });
        problems.push(problem({ fileName: s.origin.fileName, row: s.origin.row, line: s.origin.line, column: idColumns[key] ?? null }, 'error', 'id-duplicate', said));
      } else seen[key].set(id, s);
    }
    if (!duplicate) kept.push(s);
  }
  return { students: kept, problems };
}
