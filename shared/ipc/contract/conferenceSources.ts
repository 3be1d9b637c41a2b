/**
 * Data that conference mode shows but other concerns own (student record, plan workspace,
 * course plans, test results). Each arrives through `ConferenceSources` in the main process
 * as one of these plain-JSON shapes. A source that is not built yet answers
 * `{ status: 'unavailable' }` and the panels say so plainly instead of inventing data.
 *
 * Everything here may be shown to the family: a source must filter to family-visible data
 * itself (in SQL, in the main process) before returning it. Text fields arrive already in the
 * requested locale (`locale` argument), so conference mode never translates another concern's
 * vocabulary.
 */

export type SourceResult<T> = { status: 'available'; data: T } | { status: 'unavailable' };

export const unavailable = { status: 'unavailable' } as const;
export function available<T>(data: T): SourceResult<T> {
  return { status: 'available', data };
}

/** A guardian on the student record (roster concern), offered as a conference attendee. */
export interface SourceGuardian {
  id: number;
  name: string;
  /** As recorded, e.g. "Mother", "Grandparent", "Tía". */
  relationship: string | null;
  /** ISO 639-1 code when known ('en', 'es', 'vi', …). */
  language: string | null;
  /** False when the record says this person may not receive information about the student. */
  mayReceiveInformation: boolean;
}

/** A family-visible goal with its steps and latest progress (plan workspace concern). */
export interface FamilyGoal {
  id: number;
  /** Localized, e.g. "Educational · Long term". */
  area: string;
  statement: string;
  /** Localized status label, e.g. "In progress". */
  status: string;
  /** Drives the colour only. */
  tone: 'not_started' | 'active' | 'achieved' | 'stopped';
  targetDate: string | null;
  measureOfSuccess: string | null;
  steps: { text: string; owner: string | null; dueDate: string | null; done: boolean }[];
  /** Latest check-in, e.g. { date, label: "3 of 4 — good progress", percent: 75 }. */
  progress: { date: string; label: string; percent: number | null } | null;
}

/** One section or subtest of a result, placed on its scale. */
export interface FamilyScoreSection {
  name: string;
  score: number | null;
  scaleMin: number;
  scaleMax: number;
  /** The benchmark this score is compared with, and whether it was met. */
  benchmark: { score: number; label: string; met: boolean } | null;
  /** Score band from the standard error of measurement, where known. */
  band: { low: number; high: number } | null;
  /** Performance level as reported by the file (e.g. STAAR "Meets Grade Level"). */
  performanceLevel: string | null;
  percentile: { value: number; normGroup: string } | null;
}

/** A test result card with its plain-language interpretation (test results concern). */
export interface FamilyScoreCard {
  id: string;
  testName: string;
  administeredOn: string | null;
  sections: FamilyScoreSection[];
  /** Written for a parent, about grade-8 reading level, in the requested locale. */
  explanation: { means: string; doesNotMean: string; nextSteps: string };
  /** Set when a benchmark or cut used here is marked uncertain in the reference data. */
  uncertain: { note: string } | null;
  /** Where the benchmark comes from (publisher document, year). */
  source: string | null;
}

/** A plan scenario the counselor can put on the family screen (course plans concern). */
export interface PlanScenarioOption {
  id: number;
  name: string;
  isActive: boolean;
  updatedAt: string;
}

/**
 * Two or three scenarios side by side, already compared (course plans concern). Index i of
 * every array refers to `scenarios[i]`; `scenarios[0]` is the baseline the changes are
 * measured against (normally the active plan).
 */
export interface ScenarioComparison {
  scenarios: {
    id: number;
    name: string;
    isActive: boolean;
    endorsement: string | null;
    totalCredits: number;
    requiredCredits: number;
    outlook: { tone: 'on_track' | 'at_risk' | 'off_track'; text: string };
  }[];
  creditsByArea: { area: string; required: number; credits: number[] }[];
  courseChanges: { scenarioIndex: number; kind: 'added' | 'removed' | 'moved'; course: string; detail: string }[];
  requirements: { label: string; met: boolean[] }[];
  prerequisiteWarnings: { scenarioIndex: number; text: string }[];
  /** Rules used here that the reference data marks uncertain, in words. */
  uncertainRules: string[];
}

/** What the counselor recorded as agreed, handed to the course-plans concern (write seam). */
export interface ScenarioChoice {
  studentId: number;
  scenarioId: number;
  agreedBy: { name: string; role: string }[];
  decidedOn: string;
  conferenceId: number;
}
