import { placeholders } from './templates';

/**
 * What a well-formed goal has, for the hints beside the goal form: a specific statement with
 * no template brackets left, a measure of success, a target date, what it is based on and at
 * least one action step. Pure: the same checks run in tests.
 */
export const GOAL_CHECKS = ['specific', 'measurable', 'timeBound', 'basedOn', 'hasSteps'] as const;
export type GoalCheck = (typeof GOAL_CHECKS)[number];

export interface GoalChecklistInput {
  statement: string;
  successMeasure: string | null;
  targetDate: string | null;
  basedOn: readonly string[];
  basedOnNote: string | null;
  stepCount: number;
}

export interface GoalChecklistResult {
  passed: GoalCheck[];
  missing: GoalCheck[];
  /** Bracketed template parts still in the statement or measure. */
  unfilled: string[];
}

export function goalChecklist(g: GoalChecklistInput): GoalChecklistResult {
  const unfilled = [...new Set([...placeholders(g.statement), ...placeholders(g.successMeasure ?? '')])];
  const words = g.statement.trim().split(/\s+/).filter(Boolean).length;
  const ok: Record<GoalCheck, boolean> = {
    specific: words >= 5 && placeholders(g.statement).length === 0,
    measurable: !!g.successMeasure?.trim() && placeholders(g.successMeasure).length === 0,
    timeBound: !!g.targetDate,
    basedOn: g.basedOn.length > 0 || !!g.basedOnNote?.trim(),
    hasSteps: g.stepCount > 0,
  };
  return { passed: GOAL_CHECKS.filter((c) => ok[c]), missing: GOAL_CHECKS.filter((c) => !ok[c]), unfilled };
}
