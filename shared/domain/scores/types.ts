import type { IsoDate } from '../dates';
import type { GradeLevel } from '../gradeLevels';

/**
 * The normalized shape of a test result, whatever file it came from. Plain JSON (ISO date
 * strings, arrays) so it crosses IPC and is stored as is. Every importer produces these;
 * every interpretation reads them.
 */

export const TEST_FAMILIES = [
  'SAT',
  'PSAT_NMSQT',
  'PSAT_10',
  'PSAT_89',
  'SAT_LEGACY',
  'ACT',
  'PREACT',
  'AP',
  'IB',
  'ASVAB',
  'MAP',
  'COGAT',
  'STAAR',
  'STAAR_EOC',
  'TSIA2',
  'TSIA1',
  'STATE',
  'OTHER',
] as const;
export type TestFamily = (typeof TEST_FAMILIES)[number];

export function isTestFamily(v: unknown): v is TestFamily {
  return typeof v === 'string' && (TEST_FAMILIES as readonly string[]).includes(v);
}

/** The SAT Suite shares one vertical scale: a 480 on PSAT 10 and on the SAT mean about the same. */
export const SAT_SUITE: readonly TestFamily[] = ['SAT', 'PSAT_NMSQT', 'PSAT_10', 'PSAT_89'];

/** Who a percentile compares the student with. The same score gives different percentiles against different groups. */
export const NORM_GROUPS = [
  'sat-nationally-representative',
  'sat-users',
  'act-us',
  'act-state',
  'nwea-grade-season',
  'cogat-age',
  'cogat-grade',
  'cogat-local',
  'staar-texas',
  'college-bound-national',
  'college-bound-state',
  'afqt-youth-1997',
  'unspecified',
] as const;
export type NormGroup = (typeof NORM_GROUPS)[number];

export interface Percentile {
  norm: NormGroup;
  value: number;
}

/**
 * Performance levels as the file reports them, mapped to a small vocabulary where we know
 * what the vendor's words mean; `level` keeps the words as written.
 */
export type LevelCode =
  | 'did-not-meet'
  | 'approaches'
  | 'meets'
  | 'masters'
  | 'benchmark-met'
  | 'benchmark-not-met'
  | 'other';

/** "day" dates are exact; "month" dates are the first of a month the file names (ACT "092024", AP "May 24"). */
export type DatePrecision = 'day' | 'month';

export interface ScoreValue {
  /** Stable key within the family: 'total', 'rw', 'math', 'composite', 'exam', 'afqt', 'rit', 'elar-crc', 'goal:1', … */
  section: string;
  /** Vendor wording where the key is generic (an AP exam's name, a MAP goal, an IB subject). */
  label: string | null;
  /** The score on the test's scale, when numeric. */
  scale: number | null;
  /** A score that is not a plain number as written ('670L', 'BR120L', IB 'B'). */
  text: string | null;
  percentiles: Percentile[];
  /** Standard error of measurement, in scale points, where the file reports it. */
  sem: number | null;
  /** A score range the file itself reports (CogAT bounds, PreACT low/high, MAP goal range). */
  band: { low: number; high: number } | null;
  /** Performance level in the file's own words. */
  level: string | null;
  levelCode: LevelCode | null;
  /** The vendor's own "met benchmark" flag (College Board CCR indicators), when the file has one. */
  benchmarkMet: boolean | null;
  stanine: number | null;
  /** Points or questions correct, kept apart from the scale score (it reads only for this form). */
  raw: number | null;
}

export interface ScoreResult {
  family: TestFamily;
  /** Which test within the family, when the file says ('FORM P', 'Digital', 'Growth: Algebra 2 TX 2012'). */
  form: string | null;
  /** Separate tests sharing a family and date: STAAR subject, EOC course, AP exam code, MAP subject, IB subject. */
  subject: string | null;
  administrationDate: IsoDate;
  datePrecision: DatePrecision;
  /** The administration as the vendor names it ('Fall 2021-2022', 'Spring 2023'). */
  administrationLabel: string | null;
  gradeAtTesting: GradeLevel | null;
  scores: ScoreValue[];
  /** Facts about the record the interpretation must know (e.g. 'sat-date-before-redesign', 'ap-irregularity:39'). */
  flags: string[];
}

/** Where a parsed result came from and whose it is, before it is matched to a student. */
export interface ParsedScoreRow {
  result: ScoreResult;
  origin: { fileName: string; row: number; line?: number | null };
  student: {
    localId: string | null;
    stateId: string | null;
    localColumn: string | null;
    stateColumn: string | null;
    /** Name as written in the file, shown only in the preview to help find unmatched students. */
    name: string | null;
  };
  /**
   * The source row as JSON (non-empty cells by column, known sensitive columns redacted),
   * kept as text from the start: one row is shared by all results it gives, and 200,000
   * small objects would only feed the garbage collector.
   */
  raw: string;
}

/**
 * One shared, frozen empty list: a large import creates millions of sections and most have no
 * percentile, so a fresh array each would only feed the garbage collector. Frozen, so code that
 * tried to push into it would fail loudly instead of sharing the push.
 */
const NO_PERCENTILES = Object.freeze([]) as unknown as Percentile[];

export function emptyScore(section: string, patch: Partial<ScoreValue> = {}): ScoreValue {
  return {
    section,
    label: null,
    scale: null,
    text: null,
    percentiles: NO_PERCENTILES,
    sem: null,
    band: null,
    level: null,
    levelCode: null,
    benchmarkMet: null,
    stanine: null,
    raw: null,
    ...patch,
  };
}

/** A score has something to show when any measure is present. */
export function hasAnyValue(s: ScoreValue): boolean {
  return s.scale !== null || s.text !== null || s.percentiles.length > 0 || s.level !== null || s.stanine !== null || s.raw !== null || s.band !== null;
}

export function scoreOf(result: Pick<ScoreResult, 'scores'>, section: string): ScoreValue | undefined {
  return result.scores.find((s) => s.section === section);
}

export function scaleOf(result: Pick<ScoreResult, 'scores'>, section: string): number | null {
  return scoreOf(result, section)?.scale ?? null;
}
