import { z } from 'zod';
import { op } from '../define';
import { id, isoDate, multilineText, text, type NoteVisibility } from './common';
import { byStudent, enumSet, version, versioned, visibility } from './workspaceCommon';
import { DECIDERS, DEFAULT_DECISION_VISIBILITY, type Decider } from '../../domain/workspace/vocabulary';
import type { AttendeeRole, ConferencePurpose, DecisionKind, Endorsement } from './conferences';
import type { AgreedRole } from './coursePlans';

export interface Decision {
  id: number;
  studentId: number;
  decidedOn: string;
  decision: string;
  options: string[];
  rationale: string | null;
  deciders: Decider[];
  /** The goal this decision carries out or changes, if any. */
  goalId: number | null;
  visibility: NoteVisibility;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A decision the log shows but another part of the record holds (read-only here): one taken
 * in a conference, or a plan chosen on the Course plan tab. Never copied into the log.
 */
export interface LinkedDecision {
  key: string;
  source: 'conference' | 'course-plan';
  decidedOn: string;
  /** A plan chosen on the Course plan tab is a 'scenario' decision. */
  kind: DecisionKind;
  decision: string;
  detail: string | null;
  endorsement: Endorsement | null;
  /** The plan chosen, for scenario decisions. */
  planName: string | null;
  agreedBy: { name: string; role: AttendeeRole | AgreedRole }[];
  conference: { id: number; purpose: ConferencePurpose; title: string | null } | null;
  /** The course plan recorded the choice: the plan became (or stayed) the active plan. */
  planMadeActive: boolean;
}

const decisionFields = z.object({
  decidedOn: isoDate,
  decision: text(500).pipe(z.string().min(1, { message: 'Required' })),
  options: z
    .array(text(300))
    .max(12)
    .transform((a) => a.filter((o) => o.length > 0)),
  rationale: z.union([multilineText(4000), z.null()]).optional().transform((s) => (s ? s : null)),
  deciders: enumSet(DECIDERS).pipe(z.array(z.enum(DECIDERS)).min(1, { message: 'Say who decided' })),
  goalId: id.nullable().optional(),
  visibility: visibility.optional(),
});

export const createDecisionInput = decisionFields.extend({
  studentId: id,
  options: decisionFields.shape.options.optional().default([]),
  visibility: visibility.optional().default(DEFAULT_DECISION_VISIBILITY),
});
export const updateDecisionInput = z.object({ id, version, changes: decisionFields.partial() });

export const decisionsContract = {
  decisions: {
    list: op<Decision[]>()(byStudent),
    create: op<Decision>()(createDecisionInput),
    update: op<Decision>()(updateDecisionInput),
    remove: op<null>()(versioned),
    /** Decisions taken in conferences and plans chosen on the Course plan tab, newest first. */
    linked: op<LinkedDecision[]>()(byStudent),
  },
};
