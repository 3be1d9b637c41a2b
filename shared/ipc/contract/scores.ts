import { z } from 'zod';
import { op } from '../define';
import { id, optionalText, paging, text, type Page } from './common';
import type { ImportCounts, ImportPreviewBase, ImportProblem } from './imports';
import { GRADE_LEVELS, type GradeLevel } from '../../domain/gradeLevels';
import { TEST_FAMILIES, type DatePrecision, type TestFamily } from '../../domain/scores/types';
import { MAPPABLE_FAMILIES, type ColumnMapping } from '../../domain/scores/mapping';
import type { FamilyGroup } from '../../domain/scores/catalog';
import type { ResultInterpretation } from '../../domain/scores/interpret';
import type { TsiEvidence } from '../../domain/scores/tsi';
import type { CcmrIndicatorId } from '../../domain/scores/ccmr';
import type { Sourced } from '../../domain/scores/reference';

// --- import -----------------------------------------------------------------------------

export const SCORE_IMPORT_FORMATS = ['sat-suite', 'ap', 'act', 'preact', 'staar-csv', 'staar-fixed', 'ib', 'asvab', 'map', 'cogat', 'edfi', 'mapped-csv'] as const;
export type ScoreImportFormat = (typeof SCORE_IMPORT_FORMATS)[number];

export interface ScoreImportUnmatched {
  fileName: string;
  row: number;
  localId: string | null;
  stateId: string | null;
  /** Name as written in the file, to help find the student; shown only here. */
  name: string | null;
  family: TestFamily;
}

export interface ScoreImportSampleRow {
  studentId: number;
  studentName: string;
  family: TestFamily;
  subject: string | null;
  administrationDate: string;
  datePrecision: DatePrecision;
  outcome: 'new' | 'updated' | 'unchanged';
  /** "RW 480 · Math 520", in the file's terms. */
  summary: { section: string; label: string | null; value: string }[];
}

export interface ScoresImportPreview extends ImportPreviewBase {
  status: 'ready' | 'needs-mapping';
  format: ScoreImportFormat | null;
  families: TestFamily[];
  /** Records read from the file(s) and results they gave. */
  sourceRecords: number;
  results: number;
  matchedStudents: number;
  unmatched: ScoreImportUnmatched[];
  notes: { code: string; message: string }[];
  ignoredColumns: string[];
  sample: ScoreImportSampleRow[];
  /** When the layout was not recognised: the file's columns and a suggested mapping to confirm. */
  mapping: { fileName: string; headers: string[]; sampleRows: string[][]; suggestion: ColumnMapping } | null;
}

export interface ScoresImportCommitResult {
  counts: ImportCounts;
  batchId: number;
  unmatched: number;
}

const expectSchema = z.union([z.enum(TEST_FAMILIES), z.literal('auto')]);

const columnName = text(300).pipe(z.string().min(1));
const optionalColumn = optionalText(300);

export const columnMappingSchema = z.object({
  family: z.enum(MAPPABLE_FAMILIES),
  testName: optionalText(80),
  localId: optionalColumn,
  stateId: optionalColumn,
  date: columnName,
  dateFormat: z.enum(['auto', 'mmddyyyy', 'yyyymmdd']).optional(),
  grade: optionalColumn,
  subject: optionalColumn,
  level: optionalColumn,
  sections: z.record(z.string().max(40), z.object({ score: optionalColumn, percentile: optionalColumn })).refine((o) => Object.keys(o).length <= 20, { message: 'At most 20 sections' }),
});

const token = z.object({ token: z.string().uuid() });

// --- reading ------------------------------------------------------------------------------

export interface ScoreCardView {
  resultId: number;
  version: number;
  family: TestFamily;
  form: string | null;
  subject: string | null;
  administrationDate: string;
  datePrecision: DatePrecision;
  administrationLabel: string | null;
  gradeAtTesting: GradeLevel | null;
  flags: string[];
  interpretation: ResultInterpretation;
  /** Which file and row last wrote this result, and when. */
  provenance: { fileName: string | null; row: number | null; format: string | null; importedAt: string | null };
}

export interface ScoreTrendView {
  /** Sections drawn as lines. */
  sections: string[];
  points: { resultId: number; family: TestFamily; administrationDate: string; datePrecision: DatePrecision; values: Record<string, number | null> }[];
  /** Scale for the y axis when all points share one (the SAT Suite's vertical scale). */
  scale: { min: number; max: number } | null;
}

export interface ScoreGroupView {
  group: FamilyGroup;
  /** Newest first. */
  cards: ScoreCardView[];
  trend: ScoreTrendView | null;
}

export interface TsiSubjectView {
  met: boolean;
  via: TsiEvidence | null;
  expired: TsiEvidence[];
  possible: TsiEvidence[];
  /** The best attempt that did not meet the rule, for "closest so far". */
  closest: TsiEvidence | null;
  rule: (Sourced & { expression: string }) | null;
}

export interface TsiView {
  ready: boolean;
  hasTsiTests: boolean;
  elar: TsiSubjectView;
  math: TsiSubjectView;
}

export interface CcmrIndicatorView {
  id: CcmrIndicatorId;
  met: boolean;
  expression: string;
  source: Sourced;
  /** The result that met it (exam), or the two TSI pieces. */
  evidence: { resultId: number; family: TestFamily; administrationDate: string; datePrecision: DatePrecision; label: string | null; score: number | null }[];
}

export interface StudentScoresView {
  studentId: number;
  asOf: string;
  groups: ScoreGroupView[];
  tsi: TsiView;
  ccmr: { indicators: CcmrIndicatorView[]; anyMet: boolean; notFromTests: string[] };
}

export const CASELOAD_SCORE_VIEWS = ['tsi', 'no-sat-act', 'ccmr'] as const;
export type CaseloadScoreView = (typeof CASELOAD_SCORE_VIEWS)[number];

export const caseloadScoresInput = z.object({
  view: z.enum(CASELOAD_SCORE_VIEWS),
  gradeLevels: z.array(z.enum(GRADE_LEVELS)).max(GRADE_LEVELS.length).optional().default([]),
  /** tsi: ready | elar-only | math-only | none; ccmr: met | not-met; no-sat-act: ignored. */
  status: z.enum(['all', 'ready', 'elar-only', 'math-only', 'none', 'met', 'not-met', 'expiring']).optional().default('all'),
  search: z.string().max(200).optional().default(''),
  ...paging,
});
export type CaseloadScoresInput = z.input<typeof caseloadScoresInput>;

export interface CaseloadScoreRow {
  studentId: number;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  localId: string | null;
  gradeLevel: GradeLevel | null;
  tsi: { ready: boolean; elar: TsiEvidence | null; math: TsiEvidence | null; elarPossible: boolean; mathPossible: boolean } | null;
  ccmr: { tsiBoth: boolean; ap: boolean; ib: boolean } | null;
  /** no-sat-act view: the latest PSAT, to show what the student has taken so far. */
  latestPsat: { family: TestFamily; administrationDate: string; total: number | null } | null;
}

export interface CaseloadScoresResult extends Page<CaseloadScoreRow> {
  view: CaseloadScoreView;
  asOf: string;
  counts: {
    students: number;
    tsiReady: number;
    tsiElarOnly: number;
    tsiMathOnly: number;
    tsiNone: number;
    tsiExpiringSoon: number;
    noSatAct: number;
    ccmrTsiBoth: number;
    ccmrAp: number;
    ccmrIb: number;
    ccmrAny: number;
  };
}

export interface ScoreImportBatchView {
  id: number;
  format: string;
  families: TestFamily[];
  fileNames: string[];
  importedAt: string;
  counts: ImportCounts;
  unmatched: number;
}

export type { ImportProblem };

export const scoresContract = {
  scores: {
    /** Opens the file dialog in the main process and returns a preview; null when cancelled. */
    importChoose: op<ScoresImportPreview | null>()(z.object({ expect: expectSchema.optional().default('auto') })),
    importMap: op<ScoresImportPreview>()(z.object({ token: z.string().uuid(), mapping: columnMappingSchema })),
    importCommit: op<ScoresImportCommitResult>()(token),
    importCancel: op<null>()(token),
    imports: op<ScoreImportBatchView[]>()(z.undefined()),
    student: op<StudentScoresView>()(z.object({ studentId: id })),
    caseload: op<CaseloadScoresResult>()(caseloadScoresInput),
    deleteResult: op<null>()(z.object({ id, version: z.number().int().positive() })),
  },
};
