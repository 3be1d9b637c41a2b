/**
 * Performance acknowledgments earned on exams (19 TAC §74.14(c) AP/IB and (d) PSAT/SAT/ACT;
 * ../shared/reference/texas-and-standards.md P2.5, test-scores.md V2.6), computed from the
 * student's stored test results. Pure: the caller reads the results (the courses concern's
 * read seam, electron/services/courses/examFacts.ts) and passes these facts in; thresholds
 * come from the rule set (`thresholds.ap`, `.ib`, `.sat`, `.act`), never from here.
 *
 * What cannot be computed stays with the counselor: PSAT/NMSQT Commended status is NMSC's
 * recognition (not a score), and a pre-2016 SAT is on another scale — either makes an unmet
 * acknowledgment "needs your review" rather than "not met".
 */

export interface ExamScore {
  /** AP exam code or IB subject ("MATH ANALYSIS HL"); null for SAT/ACT. */
  subject: string | null;
  /** The exam's name in English and Spanish when known ("Calculus AB"). */
  label: { en: string; es: string } | null;
  score: number;
  /** YYYY-MM-DD (the first of the month when the file names only the month). */
  date: string;
}

export interface ExamScoreFacts {
  /** AP exam scores, 1–5 (subscores and withheld scores left out). */
  ap: ExamScore[];
  /** IB subject grades, 1–7 (the diploma total and withheld grades left out). */
  ib: ExamScore[];
  /** SAT (March 2016 and later) total score: Evidence-Based Reading and Writing + Math. */
  sat: ExamScore[];
  /** ACT composite (Writing is not part of it). */
  act: ExamScore[];
  /** PSAT/NMSQT administrations taken (Commended Scholar status is not in a score file). */
  psatNmsqt: string[];
  /** SATs dated before the March 2016 redesign: another scale, so the counselor judges them. */
  legacySat: string[];
}

export const NO_EXAM_SCORES: ExamScoreFacts = { ap: [], ib: [], sat: [], act: [], psatNmsqt: [], legacySat: [] };

export type ExamTest = 'AP' | 'IB' | 'SAT' | 'ACT';

export interface ExamEvidence {
  test: ExamTest;
  subject: string | null;
  label: { en: string; es: string } | null;
  score: number;
  /** The threshold the rule set asks for. */
  threshold: number;
  date: string;
}

export interface ExamAcknowledgmentResult {
  status: 'met' | 'planned' | 'needs-review' | 'not-met';
  /** The best qualifying result (highest score above its threshold, newest first on ties). */
  evidence: ExamEvidence | null;
}

const TESTS: { test: ExamTest; key: keyof Pick<ExamScoreFacts, 'ap' | 'ib' | 'sat' | 'act'>; threshold: string }[] = [
  { test: 'AP', key: 'ap', threshold: 'ap' },
  { test: 'IB', key: 'ib', threshold: 'ib' },
  { test: 'SAT', key: 'sat', threshold: 'sat' },
  { test: 'ACT', key: 'act', threshold: 'act' },
];

/**
 * `thresholds` of one acknowledgment (e.g. { ap: 3, ib: 4 } or { sat: 1250, act: 28 });
 * `examCoursesPlanned`: the plan has AP or IB courses still to take (only AP/IB ones count).
 */
export function examAcknowledgment(thresholds: Readonly<Record<string, number>>, facts: ExamScoreFacts, examCoursesPlanned: boolean): ExamAcknowledgmentResult {
  const qualifying: ExamEvidence[] = [];
  for (const { test, key, threshold } of TESTS) {
    const min = thresholds[threshold];
    if (min === undefined) continue;
    for (const s of facts[key]) if (s.score >= min) qualifying.push({ test, subject: s.subject, label: s.label, score: s.score, threshold: min, date: s.date });
  }
  if (qualifying.length) {
    // Highest margin above the threshold first, then the newest.
    qualifying.sort((a, b) => b.score - b.threshold - (a.score - a.threshold) || b.date.localeCompare(a.date));
    return { status: 'met', evidence: qualifying[0] };
  }
  const college = thresholds.sat !== undefined || thresholds.act !== undefined;
  if (college && (facts.psatNmsqt.length > 0 || facts.legacySat.length > 0)) return { status: 'needs-review', evidence: null };
  const apIb = thresholds.ap !== undefined || thresholds.ib !== undefined;
  if (apIb && examCoursesPlanned) return { status: 'planned', evidence: null };
  return { status: 'not-met', evidence: null };
}
