import type { GoalBasis, GoalDomain, GoalHorizon, GoalStatus, NoteKind, StepOwner, TraitKind, TraitSource, Decider } from './vocabulary';
import type { ProgressSummary, StepSummary } from './progress';

/**
 * What the family may see of the plan workspace: plain JSON built in the main process from
 * rows whose visibility is 'family' (filtered in SQL). No versions, no visibility fields,
 * nothing private or staff-only. Steps and check-ins belong to their goal and are shown with it.
 */
export interface FamilyTrait {
  id: number;
  kind: TraitKind;
  statement: string;
  source: TraitSource;
}

export interface FamilyGoal {
  id: number;
  domain: GoalDomain;
  horizon: GoalHorizon;
  statement: string;
  successMeasure: string | null;
  targetDate: string | null;
  status: GoalStatus;
  basedOn: GoalBasis[];
  ascaCodes: string[];
  steps: { id: number; text: string; owner: StepOwner; dueDate: string | null; done: boolean; doneOn: string | null }[];
  /** Oldest first, for a progress chart. */
  checkIns: { id: number; checkedOn: string; rating: number; evidence: string | null }[];
  progress: ProgressSummary;
  stepSummary: StepSummary;
  /** Family-visible strengths and weaknesses linked to this goal. */
  helpedBy: FamilyTrait[];
  hinderedBy: FamilyTrait[];
}

export interface FamilyNote {
  id: number;
  kind: NoteKind;
  body: string;
  conferenceId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FamilyDecision {
  id: number;
  decidedOn: string;
  decision: string;
  options: string[];
  rationale: string | null;
  deciders: Decider[];
  /** Set only when the linked goal is itself family-visible. */
  goalId: number | null;
}
