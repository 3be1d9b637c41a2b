import scalesJson from '../../../resources/scores/scales.json';
import benchmarksJson from '../../../resources/scores/benchmarks.json';
import rulesJson from '../../../resources/scores/texas-rules.json';
import conceptsJson from '../../../resources/scores/concepts.json';
import apExamsJson from '../../../resources/scores/ap-exams.json';
import type { TestFamily } from './types';

/**
 * Typed access to the reference data in resources/scores/. Every number there carries a
 * source, a year and a confidence; `uncertain` values are shown as such in the app.
 */

export type Confidence = 'official' | 'rule-text' | 'secondary';

export interface Sourced {
  source: string;
  year: number;
  confidence: Confidence;
  uncertain?: boolean;
  note?: string;
}

export interface ScaleRange extends Sourced {
  family: TestFamily;
  section: string;
  min: number;
  max: number;
}

export type BenchmarkKind =
  | 'college-readiness'
  | 'grade-level'
  | 'dual-credit-eligibility'
  | 'performance-acknowledgment'
  | 'ccmr'
  | 'diploma-minimum'
  | 'enlistment-floor'
  | 'meets-anchor';

export interface Benchmark extends Sourced {
  id: string;
  family: TestFamily;
  section: string;
  kind: BenchmarkKind;
  /** Single cut; absent for grade/season tables. */
  min?: number;
  /** Grade levels ('08'…'12') the cut applies to; absent = any grade. */
  grades?: string[];
  /** PreACT: cut by "<grade>-<fall|spring>". */
  byGradeSeason?: Record<string, number>;
}

export type TsiSubject = 'elar' | 'math';

export interface TsiRule extends Sourced {
  id: string;
  subject: TsiSubject;
  test: 'TSIA2' | 'TSIA1' | 'SAT' | 'SAT_LEGACY' | 'ACT';
  /** Administration dates the rule covers (inclusive); null = open-ended. */
  from: string | null;
  until: string | null;
  expression: string;
  thresholds: Record<string, number>;
}

export interface CcmrIndicatorRule extends Sourced {
  id: 'tsi-both' | 'ap-3' | 'ib-4';
  expression: string;
}

export const SCALES = scalesJson.scales as ScaleRange[];
export const BENCHMARKS = benchmarksJson.benchmarks as Benchmark[];
export const TSI_RULES = rulesJson.tsiRules as unknown as TsiRule[];
export const TSI_VALIDITY_YEARS: number = rulesJson.validityYears;
export const TSI_VALIDITY_SOURCE: string = rulesJson.validitySource;
export const ACT_COMBINATION_CLAUSE = rulesJson.actCombinationClause as { text: string; source: string; uncertain: boolean; note: string };
export const CCMR = rulesJson.ccmr as {
  about: string;
  source: string;
  year: number;
  indicators: CcmrIndicatorRule[];
  notFromTests: string[];
};
export const CONCEPTS = conceptsJson;
export const AP_EXAMS = apExamsJson.exams as Record<string, { en: string; es: string; uncertain?: boolean; note?: string }>;
export const AP_EXAMS_SOURCE: Sourced = { source: apExamsJson.source, year: apExamsJson.year, confidence: apExamsJson.confidence as Confidence };

const scaleIndex = new Map<string, ScaleRange>(SCALES.map((s) => [`${s.family}|${s.section}`, s]));

export function scaleFor(family: TestFamily, section: string): ScaleRange | undefined {
  return scaleIndex.get(`${family}|${section}`);
}

const benchmarkIndex = new Map<string, Benchmark[]>();
for (const b of BENCHMARKS) {
  const k = `${b.family}|${b.section}`;
  benchmarkIndex.set(k, [...(benchmarkIndex.get(k) ?? []), b]);
}
const NONE: Benchmark[] = [];

export function benchmarksFor(family: TestFamily, section: string): Benchmark[] {
  return benchmarkIndex.get(`${family}|${section}`) ?? NONE;
}

export function tsiRule(id: string): TsiRule {
  const rule = TSI_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`Unknown TSI rule ${id}`);
  return rule;
}

/** The source facts of an entry, without its payload, for showing "where this number comes from". */
export function sourceOf(s: Sourced): Sourced {
  const out: Sourced = { source: s.source, year: s.year, confidence: s.confidence };
  if (s.uncertain) out.uncertain = true;
  if (s.note) out.note = s.note;
  return out;
}
