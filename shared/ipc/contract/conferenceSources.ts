import type { EndorsementCode, EntryStatus, PlanGrade, Term } from '../../domain/graduation/vocabulary';
import type { TestFamily } from '../../domain/scores/types';

/**
 * Data that conference mode shows but other concerns own (student record, plan workspace,
 * course plans, test results). Each arrives through `ConferenceSources` in the main process
 * (electron/services/conference/wiredSources.ts) as one of these plain-JSON shapes. A source
 * that cannot answer says `{ status: 'unavailable' }` and the panels say so plainly instead
 * of inventing data.
 *
 * Everything here may be shown to the family: a source must filter to family-visible data
 * itself (in SQL, in the main process) before returning it, and the adapters copy fields one
 * by one, so a field another concern adds later does not reach the family unseen. Text fields
 * arrive already in the requested locale (`locale` argument), so conference mode never
 * translates another concern's vocabulary.
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
  /**
   * From the record: true = may receive information about the student; false = may NOT (the
   * start dialog marks the person and does not offer them as an attendee); null = the record
   * does not say (marked too, so the counselor checks).
   */
  mayReceiveInformation: boolean | null;
}

/** A family-visible goal with its steps and latest progress (plan workspace concern). */
export interface FamilyGoal {
  id: number;
  /** Localized, e.g. "Educational · Long-term". */
  area: string;
  statement: string;
  /** Localized status label, e.g. "In progress". */
  status: string;
  /** Drives the colour only. */
  tone: 'not_started' | 'active' | 'achieved' | 'stopped';
  targetDate: string | null;
  measureOfSuccess: string | null;
  /** `owner` localized ("Parent or guardian"). */
  steps: { text: string; owner: string | null; dueDate: string | null; done: boolean }[];
  /** Latest check-in on the five-step scale, e.g. { date, label: "3 · Making progress", percent: 50 }. */
  progress: { date: string; label: string; percent: number | null } | null;
  /** Family-visible strengths and weaknesses the record links to this goal. */
  helpedBy: string[];
  hinderedBy: string[];
}

/** One section or subtest of a result, placed on its scale (test results concern). */
export interface FamilyScoreSection {
  /** "Reading and Writing", "Algebra I", "Calculus AB". */
  name: string;
  /** As a family reads it: "480", "670L", "5 / 5". */
  score: string;
  /** For a scale bar: the ends of the scale and the score's place on it from 0 to 1. */
  scale: { min: number; max: number; position: number } | null;
  /** The main benchmark, for a marker on the bar. */
  benchmark: { value: number; met: boolean; position: number | null } | null;
  /** The level as a family reads it ("Meets Grade Level"), when there is one. */
  level: string | null;
}

/** A test result with its plain-language interpretation (latest result of each test). */
export interface FamilyScoreCard {
  id: number;
  family: TestFamily;
  /** "SAT", "STAAR end-of-course Algebra I", "AP Calculus AB". */
  testName: string;
  administeredOn: string;
  /** "October 12, 2024" / "12 de octubre de 2024"; "May 2024" for month-only dates. */
  dateText: string;
  status: 'met' | 'partly' | 'not-met' | 'info';
  /** "Met 1 of 2 benchmarks". */
  headline: string;
  sections: FamilyScoreSection[];
  /** Written for a parent, about grade-8 reading level, in the requested locale. */
  means: string[];
  doesNotMean: string[];
  nextSteps: string[];
  /** Caveats the family should hear too (an unconfirmed benchmark, a month-only date). */
  notes: string[];
}

/** Every test card, plus Texas college readiness (TSI) in plain words when it applies. */
export interface FamilyScoreCards {
  collegeReadiness: { title: string; ready: boolean; lines: string[] } | null;
  cards: FamilyScoreCard[];
}

/** A plan scenario the counselor can put on the family screen (course plans concern). */
export interface PlanScenarioOption {
  id: number;
  name: string;
  isActive: boolean;
  updatedAt: string;
}

/** One plan as the family sees it: verdict, credits, endorsement and its courses year by year. */
export interface FamilyScenario {
  id: number;
  name: string;
  isActive: boolean;
  program: 'foundation' | 'endorsement';
  programLabel: string;
  endorsement: { code: EndorsementCode; label: string; met: boolean } | null;
  onTrack: boolean;
  statusLabel: string;
  /** Why the plan needs attention, as sentences. */
  reasons: string[];
  credits: { earned: number; inProgress: number; planned: number; required: number };
  areas: { code: string; label: string; required: number; reached: number; met: boolean }[];
  distinguishedLevel: { label: string; applicable: boolean; met: boolean } | null;
  years: {
    grade: PlanGrade;
    gradeLabel: string;
    credits: number;
    courses: { code: string; title: string; credits: number; term: Term; termLabel: string; status: EntryStatus; statusLabel: string }[];
  }[];
}

/** What one scenario changes against the baseline, with every change also said in plain words. */
export interface FamilyScenarioDifference {
  scenarioId: number;
  comparedWithId: number;
  added: { title: string; when: string; credits: number }[];
  removed: { title: string; when: string; credits: number }[];
  moved: { title: string; from: string; to: string }[];
  areas: { label: string; before: number; after: number; required: number; metBefore: boolean; metAfter: boolean }[];
  requirementsGained: string[];
  requirementsLost: string[];
  prerequisitesBroken: { course: string; needs: string }[];
  prerequisitesFixed: { course: string; needs: string }[];
  endorsement: { before: string | null; after: string | null; metAfter: boolean } | null;
  distinguishedLevel: { before: boolean; after: boolean } | null;
  onTrack: { before: boolean; after: boolean } | null;
  /** Most important first. */
  sentences: string[];
}

/**
 * Two or three scenarios side by side (course plans concern): `scenarios[0]` is the baseline
 * (normally the active plan); `differences` has one entry per other scenario.
 */
export interface ScenarioComparison {
  ruleSet: { name: string; uncertainNote: string | null };
  scenarios: FamilyScenario[];
  differences: FamilyScenarioDifference[];
}

/** What the counselor recorded as agreed, handed to the course-plans concern (write seam). */
export interface ScenarioChoice {
  studentId: number;
  scenarioId: number;
  /** Attendees who agreed: role as in the conference, detail as typed ("Mother", "Tía"). */
  agreedBy: { name: string; role: string; detail: string | null }[];
  decidedOn: string;
  conferenceId: number;
}
