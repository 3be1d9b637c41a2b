/**
 * The planning vocabulary stored in the vault. Values are stable codes (never translated);
 * labels live in shared/i18n/<locale>/workspace.ts.
 */
import type { NoteVisibility } from '../../ipc/contract/common';

/** The three goal domains of individual student planning (TEC §33.005; ASCA's academic, career, social/emotional). */
export const GOAL_DOMAINS = ['educational', 'career', 'personal-social'] as const;
export type GoalDomain = (typeof GOAL_DOMAINS)[number];

export const GOAL_HORIZONS = ['short', 'intermediate', 'long'] as const;
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];

/** What a goal is based on: self-knowledge, and information about school, work and society. */
export const GOAL_BASES = ['self-knowledge', 'school', 'work', 'society'] as const;
export type GoalBasis = (typeof GOAL_BASES)[number];

export const GOAL_STATUSES = ['not-started', 'in-progress', 'achieved', 'revised', 'discontinued'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** Statuses in which a goal is still being worked on (progress check-ins are expected). */
export const OPEN_GOAL_STATUSES: readonly GoalStatus[] = ['not-started', 'in-progress'];

export const STEP_OWNERS = ['student', 'parent', 'counselor', 'teacher'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];

export const TRAIT_KINDS = ['strength', 'weakness'] as const;
export type TraitKind = (typeof TRAIT_KINDS)[number];

/** Where a strength or weakness was observed or reported. */
export const TRAIT_SOURCES = ['student', 'parent', 'teacher', 'counselor', 'assessment', 'records', 'other'] as const;
export type TraitSource = (typeof TRAIT_SOURCES)[number];

export const LINK_EFFECTS = ['helps', 'hinders'] as const;
export type LinkEffect = (typeof LINK_EFFECTS)[number];

export const DECIDERS = ['student', 'parent', 'counselor'] as const;
export type Decider = (typeof DECIDERS)[number];

export const REFERRAL_KINDS = ['gifted-talented', 'at-risk', 'section-504', 'special-education', 'other'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** considering (talking it over, e.g. with the parent) → referred → in evaluation → closed (with an outcome). */
export const REFERRAL_STATUSES = ['considering', 'referred', 'in-evaluation', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_OUTCOMES = ['eligible', 'not-eligible', 'parent-declined', 'withdrawn', 'other'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const NOTE_KINDS = ['general', 'parent'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/**
 * Default visibility of a new goal. Educational and career goals are the plan the family is
 * meant to be "involved and informed" about (PGP reviews with the parent), so they default to
 * family. Personal-social goals often touch health, family or friendship matters the student
 * may not want shared, so they start private and sharing is a deliberate choice.
 */
export function defaultGoalVisibility(domain: GoalDomain): NoteVisibility {
  return domain === 'personal-social' ? 'private' : 'family';
}

/**
 * Strengths are usually what a family should hear; weaknesses need careful wording before
 * they are shared, so they start private.
 */
export function defaultTraitVisibility(kind: TraitKind): NoteVisibility {
  return kind === 'strength' ? 'family' : 'private';
}

/** Decisions about the plan are made with the family, so the log defaults to family-visible. */
export const DEFAULT_DECISION_VISIBILITY: NoteVisibility = 'family';
/** Referrals (504, special education, gifted, at-risk) are private by default (DESIGN, privacy model). */
export const DEFAULT_REFERRAL_VISIBILITY: NoteVisibility = 'private';
/** Notes are the counselor's sole-possession memory aids unless shared on purpose. */
export const DEFAULT_NOTE_VISIBILITY: NoteVisibility = 'private';
