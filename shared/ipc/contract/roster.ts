import { z } from 'zod';
import { op } from '../define';
import { paging, type Page } from './common';
import type { ImportCommitResult, ImportPreviewBase, ImportProblem } from './imports';
import type { GradeLevel } from '../../domain/gradeLevels';
import type { ProgramCode } from '../../domain/roster/programs';
import type { RosterFormat } from '../../domain/roster/types';
import { SIS_FIELDS, type SisField } from '../../domain/roster/sisFields';
import type { GuardianField, StudentRecordField } from '../../domain/studentRecord/fields';

/**
 * Roster imports (OneRoster, Ed-Fi, SIS CSV): choose in the main process, (map SIS columns),
 * preview against the vault, resolve conflicts, commit all or nothing. The renderer holds only
 * the token; parsed rows stay in the main process and are paged out on request.
 */

export type RosterOutcome = 'new' | 'updated' | 'unchanged' | 'rejected';
export type MatchedBy = 'stateId' | 'localId' | 'sourceId';

export interface RosterSpanView {
  beginDate: string | null;
  endDate: string | null;
  current: boolean;
}

interface ChangeBase {
  /** Identifies the change for a conflict choice. */
  key: string;
  /** True when the value being replaced was set by the counselor: it changes only if they choose the file's. */
  conflict: boolean;
}

/** Campus values are shown by name; mayReceiveInformation as 1 (yes) / 0 (no). */
export type RosterChange =
  | (ChangeBase & { subject: 'student'; field: StudentRecordField; before: string | number | null; after: string | number | null })
  | (ChangeBase & { subject: 'program'; program: ProgramCode; before: RosterSpanView[]; after: RosterSpanView[] })
  | (ChangeBase & {
      subject: 'guardian';
      guardian: string;
      /** added: new contact; field: one value; not-in-roster / back-in-roster: listed or not by this source; linked: a contact already on the record is now tied to the file's. */
      change: 'added' | 'field' | 'not-in-roster' | 'back-in-roster' | 'linked';
      field?: GuardianField;
      before: string | number | null;
      after: string | number | null;
      relationship?: string | null;
    });

export interface RosterPreviewRow {
  /** Position in the parsed file (stable for this preview). */
  key: number;
  outcome: RosterOutcome;
  fileName: string;
  row: number | null;
  line: number | null;
  firstName: string | null;
  lastName: string | null;
  preferredName: string | null;
  localId: string | null;
  stateId: string | null;
  gradeLevel: GradeLevel | null;
  programs: ProgramCode[];
  guardians: number;
  matchedBy: MatchedBy | null;
  /** The vault student it matched (updated / unchanged rows). */
  studentId: number | null;
  archived: boolean;
  changes: RosterChange[];
  /** This row's problems (for rejected rows: why). */
  problems: ImportProblem[];
}

export interface RosterConflictView {
  change: RosterChange;
  rowKey: number;
  studentId: number;
  studentName: string;
  localId: string | null;
  fileName: string;
  row: number | null;
}

export interface RosterCampusView {
  sourceId: string | null;
  name: string;
  outcome: 'new' | 'updated' | 'unchanged';
  /** The name stored before, when the file renames a campus. */
  beforeName: string | null;
  /** Students in this file at the campus. */
  students: number;
}

export interface RosterPreview extends ImportPreviewBase {
  format: RosterFormat;
  /** OneRoster 1.1/1.2, Ed-Fi data standard version. */
  version: string | null;
  /** The folder or file chosen (its name, not its path). */
  sourceName: string;
  /** `problems` holds the first page (errors first); the rest come from roster.problems. */
  problemCounts: { error: number; warning: number };
  /** Fields changing from a counselor-set value: each needs keep-mine or take-the-file's. */
  conflicts: number;
  /** Students in the file without a grade level (left blank, never guessed). */
  gradeNotRecorded: number;
  /** Active students in the caseload this file does not mention (left as they are). */
  notInFile: number;
  /** True when the file matches the vault exactly: there is nothing to import. */
  nothingToChange: boolean;
  campuses: RosterCampusView[];
  guardians: { added: number; updated: number; notInRoster: number; inFile: number };
  /** Per program: students in the file who take part now, and how many flags this import adds or ends. */
  programs: { program: ProgramCode; current: number; added: number; ended: number }[];
  /** What the file says about programs and guardians (anything else it cannot change). */
  covers: { programs: ProgramCode[]; guardians: boolean };
  /** Sensitive fields the file has that Waypoint does not store. */
  notStored: ('gender' | 'race' | 'ethnicity')[];
  /** SIS exports: the header signature whose mapping was used, and whether it was remembered. */
  mapping: { signature: string; remembered: boolean } | null;
}

export type MatchReason = 'alias' | 'generic' | 'program' | 'guardian' | 'prefixed' | 'similar';

export interface SisMappingStep {
  token: string;
  fileName: string;
  encoding: string;
  delimiter: ',' | ';' | '\t' | '|';
  rowCount: number;
  headerLine: number;
  /** Each column with a few values from the file, to recognise what it holds. */
  columns: { header: string; samples: string[] }[];
  mapping: Partial<Record<SisField, string>>;
  /** 'saved': the mapping used last time for files with these headers; 'suggested': from header names. */
  source: 'saved' | 'suggested';
  suggestions: { field: SisField; header: string; confidence: number; reason: MatchReason }[];
  missing: ('id' | 'name')[];
  /** Problems found while reading the table (listed in the preview). */
  fileProblems: { error: number; warning: number };
}

export type RosterChooseResult = { status: 'cancelled' } | { status: 'mapping'; mapping: SisMappingStep } | { status: 'preview'; preview: RosterPreview };

export interface RosterCommitResult extends ImportCommitResult {
  campuses: { new: number; updated: number };
  guardians: { added: number; updated: number; notInRoster: number };
  programChanges: number;
  conflicts: { keptMine: number; tookFile: number };
}

const token = z.string().uuid();

export const sisMappingInput = z
  .partialRecord(z.enum(SIS_FIELDS as [SisField, ...SisField[]]), z.string().max(200))
  .refine((m) => Object.keys(m).length <= SIS_FIELDS.length, { message: 'Too many mapped fields' });

export const rosterCommitInput = z.object({
  token,
  /** Applied to every conflict without an individual choice; without it each conflict needs one. */
  conflictDefault: z.enum(['mine', 'file']).optional(),
  choices: z
    .array(z.object({ key: z.string().max(200), choice: z.enum(['mine', 'file']) }))
    .max(500_000)
    .optional()
    .default([]),
});

export const rosterContract = {
  roster: {
    /** Opens the file dialog ('folder': OneRoster or Ed-Fi export folder; 'files': zip, CSV or XML files). */
    choose: op<RosterChooseResult>()(z.object({ kind: z.enum(['folder', 'files']) })),
    /** SIS CSV: read the file with this column mapping and preview it. */
    map: op<RosterPreview>()(z.object({ token, mapping: sisMappingInput })),
    /** Back from the preview to the column mapping (SIS CSV). */
    mapping: op<SisMappingStep>()(z.object({ token })),
    /** Compare the same parsed file with the vault again (after it changed). */
    refresh: op<RosterPreview>()(z.object({ token })),
    rows: op<Page<RosterPreviewRow>>()(
      z.object({ token, outcome: z.enum(['new', 'updated', 'unchanged', 'rejected']), search: z.string().max(200).optional().default(''), ...paging }),
    ),
    problems: op<Page<ImportProblem>>()(z.object({ token, severity: z.enum(['all', 'error', 'warning']).optional().default('all'), ...paging })),
    conflicts: op<Page<RosterConflictView>>()(z.object({ token, ...paging })),
    commit: op<RosterCommitResult>()(rosterCommitInput),
    cancel: op<void>()(z.object({ token })),
  },
};
