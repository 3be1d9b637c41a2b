import type { IsoDate } from '../dates';
import type { GradeLevel } from '../gradeLevels';
import type { ProgramCode } from './programs';

/**
 * The normalized shape every roster parser (OneRoster, Ed-Fi, SIS CSV) produces. Plain
 * JSON (arrays, not Sets; ISO date strings, not Dates) so it can cross IPC to the preview.
 */

export type RosterFormat = 'oneroster' | 'edfi' | 'sis-csv';

/** Where a record came from, so the preview can say "users.csv row 12". */
export interface RosterOrigin {
  fileName: string;
  /** 1-based data row (CSV) or element index (XML). */
  row: number;
  line?: number | null;
}

export type RosterGender = 'female' | 'male' | 'nonbinary';

/** Federal (IPEDS/CEDS) race categories, as reported; Hispanic/Latino is a separate yes/no. */
export const RACE_CODES = [
  'american-indian-alaska-native',
  'asian',
  'black-african-american',
  'native-hawaiian-pacific-islander',
  'white',
  'two-or-more',
] as const;
export type RaceCode = (typeof RACE_CODES)[number];

export interface RosterGuardian {
  /** The guardian's own ID in the source (OneRoster sourcedId); absent for SIS columns. */
  sourceId?: string;
  firstName: string | null;
  lastName: string | null;
  /** "First Last", or the full name as the file gave it when it could not be split safely. */
  displayName: string;
  /** Normalized when recognised (mother, father, parent, guardian, grandparent, …), else as written. */
  relationship: string | null;
  phone: string | null;
  email: string | null;
  /** ISO 639-1 code when recognised (es, en, vi, …), else the language as written. */
  language: string | null;
  /** Whether school information may be shared with this person; null when the file does not say. */
  mayReceiveInformation: boolean | null;
}

/** One program participation as the source recorded it (Ed-Fi keeps begin/end dates). */
export interface RosterProgramSpan {
  program: ProgramCode;
  beginDate: IsoDate | null;
  endDate: IsoDate | null;
  /** False when the association had ended (or eligibility was denied) as of the import date. */
  current: boolean;
}

export interface RosterStudent {
  /** The record's key in the source: OneRoster sourcedId, Ed-Fi StudentUniqueId, or the SIS ID. */
  sourceId: string;
  localId: string | null;
  stateId: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  preferredName: string | null;
  /** Only when the source has it (Ed-Fi PreferredLastSurname, OneRoster 1.2 preferredFamilyName). */
  preferredLastName?: string | null;
  /** Generation suffix (Jr., III) when the source keeps it apart from the surname. */
  suffix?: string | null;
  birthDate: IsoDate | null;
  /** Null when the file has no grade or one we do not recognise — always with a warning. */
  gradeLevel: GradeLevel | null;
  expectedGraduationYear: number | null;
  campusSourceId: string | null;
  /** Current program participation: unique codes, sorted. */
  programs: ProgramCode[];
  /** Every participation the file listed, including ended ones (Ed-Fi only). */
  programHistory?: RosterProgramSpan[];
  homeLanguage: string | null;
  familyLanguage: string | null;
  gender?: RosterGender;
  races?: RaceCode[];
  hispanicOrLatino?: boolean;
  guardians: RosterGuardian[];
  origin: RosterOrigin;
}

export interface RosterCampus {
  /** The school's ID in the source; for a SIS export with only a school name, the name itself. */
  sourceId: string;
  name: string;
  /** True when `sourceId` is just the name (no school number in the file). */
  identifiedByName?: boolean;
  gradeLevels?: GradeLevel[];
  origin?: RosterOrigin;
}

export type RosterSeverity = 'error' | 'warning';

export interface RosterProblem {
  fileName: string;
  /** Data row (CSV, header = 0) or element index (XML); null for a file-level problem. */
  row: number | null;
  line?: number | null;
  /** The column header or XML element path; null when the whole row or file is meant. */
  column: string | null;
  severity: RosterSeverity;
  code: string;
  /** English text for logs of tests and for readers without a translation. */
  message: string;
  /** The values the message quotes, so the UI can word it in the counselor's language. */
  params?: Record<string, string | number>;
  /** Key of the wording in shared/i18n/…/rosterProblems.ts when it is not `code`. */
  template?: string;
}

export interface RosterParseResult {
  format: RosterFormat;
  /** OneRoster "1.1"/"1.2", Ed-Fi data standard version from the XML namespace. */
  version?: string;
  students: RosterStudent[];
  campuses: RosterCampus[];
  problems: RosterProblem[];
}
