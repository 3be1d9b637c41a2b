import type { IsoDate } from '../dates';
import { ageOn, normalizeDate, type DateOrder } from './dates';
import { cleanId } from './ids';
import { cleanName, displayName, splitLastFirst } from './names';
import { cleanValue, textIssues } from './cellText';
import { problem, quote, type CellRef } from './problems';
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

  error(column: string | null, code: string, message: string): void {
    this.list.push(problem(this.at(column), 'error', code, message));
  }

  warn(column: string | null, code: string, message: string): void {
    this.list.push(problem(this.at(column), 'warning', code, message));
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }

  /** Encoding and entity checks for any free-text cell. */
  checkText(cell: RawCell | undefined): void {
    if (!cell) return;
    for (const issue of textIssues(cell.value)) this.list.push(problem(this.at(cell.column), issue.severity, issue.code, issue.message));
  }
}

function readId(cell: RawCell | undefined, out: RowProblems): string | null {
  if (!cell) return null;
  const { value, issue } = cleanId(cell.value);
  if (issue) out.error(cell.column, issue.code, issue.message);
  return value;
}

function readName(cell: RawCell | undefined, out: RowProblems, middle = false): string | null {
  if (!cell) return null;
  const { value, issues } = cleanName(cell.value, { middle });
  for (const i of issues) (i.severity === 'error' ? out.error : out.warn).call(out, cell.column, i.code, i.message);
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
  if (!phoneRead.understood) out.warn(cells.phone!.column, 'phone-unreadable', `${quote(cells.phone!.value)} does not look like a phone number; it was left out.`);
  const emailRead = readEmail(cells.email?.value);
  if (!emailRead.understood) out.warn(cells.email!.column, 'email-invalid', `${quote(cells.email!.value)} is not an email address; it was left out.`);
  if (cells.language) out.checkText(cells.language);
  const language = readLanguage(cells.language?.value).value;
  const may = readYesNo(cells.mayReceiveInformation?.value);
  if (!may.understood) {
    out.warn(
      cells.mayReceiveInformation!.column,
      'yes-no-unreadable',
      `${quote(cells.mayReceiveInformation!.value)} is not yes or no; whether this person may receive information is left unknown.`,
    );
  }

  const name = displayName(firstName, lastName, full ?? '');
  const hasAnything = name !== '' || phoneRead.value || emailRead.value;
  if (!hasAnything) return { value: null, problems: out.list };
  if (name === '') {
    out.warn(cells.firstName?.column ?? cells.fullName?.column ?? null, 'guardian-name-missing', 'A contact has a phone or email but no name.');
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
const birthCache = new Map<string, ReturnType<typeof normalizeDate>>();
function birthDateOf(raw: string, ctx: StudentRowContext): ReturnType<typeof normalizeDate> {
  const key = `${raw}\u0000${ctx.dateOrder ?? ''}\u0000${ctx.today}`;
  let hit = birthCache.get(key);
  if (hit === undefined) {
    hit = normalizeDate(raw, { kind: 'birth', today: ctx.today, order: ctx.dateOrder });
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
  if (cells.sourceId && !sourceId) out.error(cells.sourceId.column, 'source-id-missing', `The record has no ${cells.sourceId.column}; it cannot be matched on a later import.`);
  if (!localId && !stateId && !out.hasErrors) {
    const columns = [cells.localId?.column, cells.stateId?.column].filter(Boolean).join(' / ');
    out.error(columns || null, 'id-missing', `This row has no student ID${columns ? ` in ${columns}` : ''}; students are matched by ID, never by name alone.`);
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
        out.error(
          cells.fullName.column,
          'name-not-split',
          `${quote(full)} does not say where the surname ends (expected "Last, First"). Map separate first- and last-name columns instead.`,
        );
      }
    }
  }
  if (!firstName && !out.hasErrors) out.error(cells.firstName?.column ?? cells.fullName?.column ?? null, 'first-name-missing', 'The first name is blank.');
  if (!lastName && !out.hasErrors) out.error(cells.lastName?.column ?? cells.fullName?.column ?? null, 'last-name-missing', 'The last name is blank.');
  const middleName = readName(cells.middleName, out, true);
  const preferredName = readName(cells.preferredName, out);
  const preferredLastName = cells.preferredLastName ? readName(cells.preferredLastName, out) : undefined;
  const suffix = cells.suffix ? readText(cells.suffix, out) : undefined;

  let birthDate: IsoDate | null = null;
  if (cells.birthDate) {
    const r = birthDateOf(cells.birthDate.value, ctx);
    birthDate = r.date;
    if (r.problem) (r.problem.severity === 'error' ? out.error : out.warn).call(out, cells.birthDate.column, r.problem.code, r.problem.message);
    if (birthDate) {
      const age = ageOn(birthDate, ctx.today);
      if (age < MIN_AGE || age > MAX_AGE) {
        out.warn(cells.birthDate.column, 'birth-date-implausible', `The birth date ${birthDate} makes the student ${age} years old today; check it.`);
      }
    }
  }

  const grade = readGradeLevel(cells.gradeLevel?.value);
  if (!cells.gradeLevel || (grade.understood && grade.value === null)) {
    out.warn(cells.gradeLevel?.column ?? null, 'grade-missing', 'No grade level; it is left blank until you set it.');
  } else if (!grade.understood) {
    out.warn(cells.gradeLevel.column, 'grade-unrecognised', `${quote(cells.gradeLevel.value)} is not a grade level we recognise (PK, KG, 1–12); it is left blank.`);
  }

  const grad = readGraduationYear(cells.expectedGraduationYear?.value);
  if (!grad.understood) {
    out.warn(cells.expectedGraduationYear!.column, 'graduation-year-unreadable', `${quote(cells.expectedGraduationYear!.value)} is not a graduation year (expected e.g. 2027); it is left blank.`);
  }

  const campusSourceId = cells.campusSourceId ? readText(cells.campusSourceId, out) : null;
  const homeLanguage = cells.homeLanguage ? (out.checkText(cells.homeLanguage), readLanguage(cells.homeLanguage.value).value) : null;
  const familyLanguage = cells.familyLanguage ? (out.checkText(cells.familyLanguage), readLanguage(cells.familyLanguage.value).value) : null;

  const gender = readGender(cells.gender?.value);
  if (!gender.understood) out.warn(cells.gender!.column, 'gender-unrecognised', `${quote(cells.gender!.value)} is not a value we recognise for gender; it is left blank.`);
  const hispanic = readHispanic(cells.hispanicOrLatino?.value);
  if (!hispanic.understood) {
    out.warn(cells.hispanicOrLatino!.column, 'ethnicity-unrecognised', `${quote(cells.hispanicOrLatino!.value)} is not yes/no for Hispanic or Latino; it is left blank.`);
  }
  const races = readRaces(cells.race?.value);
  if (races.unknown.length) out.warn(cells.race!.column, 'race-unrecognised', `Not a race category we recognise: ${races.unknown.map((r) => quote(r)).join(', ')}.`);

  const programs = new Set<ProgramCode>();
  for (const { program: code, cell } of cells.programFlags ?? []) {
    const flag = readYesNo(cell.value);
    if (flag.value) programs.add(code);
    else if (!flag.understood) {
      out.warn(cell.column, 'program-flag-unreadable', `${quote(cell.value)} is not yes or no; the program is not set for this student. Check the value in your SIS.`);
    }
  }
  for (const cell of cells.programLists ?? []) {
    for (const entry of cell.value.split(/\s*[;,|]\s*/)) {
      if (entry.trim() === '') continue;
      const code = programFromText(entry);
      if (code) programs.add(code);
      else out.warn(cell.column, 'program-unrecognised', `${quote(entry)} is not a program we recognise; it was not imported.`);
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
  const label = { sourceId: 'source ID', localId: 'student ID', stateId: 'state ID' };
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
        const where = `${first.origin.fileName === s.origin.fileName ? '' : `${first.origin.fileName} `}row ${first.origin.row}${first.origin.line != null ? ` (line ${first.origin.line})` : ''}`;
        problems.push(
          problem(
            { fileName: s.origin.fileName, row: s.origin.row, line: s.origin.line, column: idColumns[key] ?? null },
            'error',
            'id-duplicate',
            `The ${label[key]} ${id} already appears on ${where} (${displayName(first.firstName, first.lastName)}); each student may appear once.`,
          ),
        );
      } else seen[key].set(id, s);
    }
    if (!duplicate) kept.push(s);
  }
  return { students: kept, problems };
}
