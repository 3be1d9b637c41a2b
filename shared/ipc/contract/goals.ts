import { z } from 'zod';
import { op } from '../define';
import { id, isoDate, multilineText, optionalIsoDate, optionalText, text, type NoteVisibility } from './common';
import { ascaCodes, enumSet, version, versioned, visibility } from './workspaceCommon';
import {
  GOAL_BASES,
  GOAL_DOMAINS,
  GOAL_HORIZONS,
  GOAL_STATUSES,
  LINK_EFFECTS,
  STEP_OWNERS,
  TRAIT_KINDS,
  TRAIT_SOURCES,
  type GoalBasis,
  type GoalDomain,
  type GoalHorizon,
  type GoalStatus,
  type LinkEffect,
  type StepOwner,
  type TraitKind,
  type TraitSource,
} from '../../domain/workspace/vocabulary';
import { PROGRESS_RATINGS } from '../../domain/workspace/progress';

// ---- results (plain JSON) ----

export interface GoalStep {
  id: number;
  goalId: number;
  text: string;
  owner: StepOwner;
  dueDate: string | null;
  done: boolean;
  doneOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface GoalCheckIn {
  id: number;
  goalId: number;
  checkedOn: string;
  /** 1–5, see PROGRESS_RATINGS. */
  rating: number;
  evidence: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface GoalTraitLink {
  goalId: number;
  traitId: number;
  effect: LinkEffect;
}

export interface Goal {
  id: number;
  studentId: number;
  domain: GoalDomain;
  horizon: GoalHorizon;
  statement: string;
  basedOn: GoalBasis[];
  basedOnNote: string | null;
  successMeasure: string | null;
  targetDate: string | null;
  status: GoalStatus;
  ascaCodes: string[];
  visibility: NoteVisibility;
  templateId: string | null;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  steps: GoalStep[];
  /** Oldest first. */
  checkIns: GoalCheckIn[];
  links: GoalTraitLink[];
}

export interface Trait {
  id: number;
  studentId: number;
  kind: TraitKind;
  statement: string;
  source: TraitSource;
  sourceNote: string | null;
  visibility: NoteVisibility;
  version: number;
  createdAt: string;
  updatedAt: string;
  links: GoalTraitLink[];
}

/** Everything the Plan tab shows, in one call. */
export interface StudentPlan {
  studentId: number;
  goals: Goal[];
  traits: Trait[];
  /** Archived goals not included in `goals` (shown on request). */
  archivedGoalCount: number;
}

// ---- inputs ----

const statement = text(600).pipe(z.string().min(1, { message: 'Required' }));

export const goalFields = z.object({
  domain: z.enum(GOAL_DOMAINS),
  horizon: z.enum(GOAL_HORIZONS),
  statement,
  basedOn: enumSet(GOAL_BASES).optional(),
  basedOnNote: optionalText(400),
  successMeasure: optionalText(600),
  targetDate: optionalIsoDate,
  status: z.enum(GOAL_STATUSES).optional(),
  ascaCodes: ascaCodes.optional(),
  /** Omitted: the default for the domain (see defaultGoalVisibility). */
  visibility: visibility.optional(),
  templateId: optionalText(60),
});

const stepFields = z.object({
  text: text(300).pipe(z.string().min(1, { message: 'Required' })),
  owner: z.enum(STEP_OWNERS),
  dueDate: optionalIsoDate,
});

export const createGoalInput = goalFields.extend({
  studentId: id,
  /** Steps written with the goal (e.g. from a template), saved in the same transaction. */
  steps: z.array(stepFields).max(25).optional().default([]),
});

export const updateGoalInput = z.object({ id, version, changes: goalFields.omit({ templateId: true }).partial() });

export const planInput = z.object({ studentId: id, includeArchived: z.boolean().optional().default(false) });

export const createStepInput = stepFields.extend({ goalId: id });
export const updateStepInput = z.object({ id, version, changes: stepFields.partial().extend({ done: z.boolean().optional() }) });

const rating = z
  .number()
  .int()
  .refine((n) => (PROGRESS_RATINGS as readonly number[]).includes(n), { message: 'Rating is 1 to 5' });
const checkInFields = z.object({
  checkedOn: isoDate,
  rating,
  evidence: z.union([multilineText(2000), z.null()]).optional().transform((s) => (s ? s : null)),
});
export const createCheckInInput = checkInFields.extend({ goalId: id });
export const updateCheckInInput = z.object({ id, version, changes: checkInFields.partial() });

const traitFields = z.object({
  kind: z.enum(TRAIT_KINDS),
  statement: text(300).pipe(z.string().min(1, { message: 'Required' })),
  source: z.enum(TRAIT_SOURCES),
  sourceNote: optionalText(200),
  /** Omitted: the default for the kind (see defaultTraitVisibility). */
  visibility: visibility.optional(),
});
const linkInput = z.object({ goalId: id, effect: z.enum(LINK_EFFECTS) });
export const createTraitInput = traitFields.extend({ studentId: id, links: z.array(linkInput).max(50).optional().default([]) });
export const updateTraitInput = z.object({ id, version, changes: traitFields.partial() });
/** Sets (effect) or removes (null) the link between a goal and a strength or weakness. */
export const setLinkInput = z.object({ goalId: id, traitId: id, effect: z.enum(LINK_EFFECTS).nullable() });

export const goalsContract = {
  goals: {
    plan: op<StudentPlan>()(planInput),
    create: op<Goal>()(createGoalInput),
    update: op<Goal>()(updateGoalInput),
    archive: op<Goal>()(versioned),
    restore: op<Goal>()(versioned),
    remove: op<null>()(versioned),
  },
  goalSteps: {
    create: op<GoalStep>()(createStepInput),
    update: op<GoalStep>()(updateStepInput),
    remove: op<null>()(versioned),
  },
  goalCheckIns: {
    create: op<GoalCheckIn>()(createCheckInInput),
    update: op<GoalCheckIn>()(updateCheckInInput),
    remove: op<null>()(versioned),
  },
  traits: {
    create: op<Trait>()(createTraitInput),
    update: op<Trait>()(updateTraitInput),
    remove: op<null>()(versioned),
    link: op<GoalTraitLink | null>()(setLinkInput),
  },
};
