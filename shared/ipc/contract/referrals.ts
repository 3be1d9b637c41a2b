import { z } from 'zod';
import { op } from '../define';
import { id, isoDate, multilineText, optionalIsoDate, optionalText, type NoteVisibility } from './common';
import { archiveFilter, version, versioned, visibility } from './workspaceCommon';
import {
  DEFAULT_REFERRAL_VISIBILITY,
  REFERRAL_KINDS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralKind,
  type ReferralOutcome,
  type ReferralStatus,
} from '../../domain/workspace/vocabulary';
import { referralProblems } from '../../domain/workspace/referrals';

export interface Referral {
  id: number;
  studentId: number;
  kind: ReferralKind;
  /** What kind, when `kind` is 'other' (e.g. dyslexia screening, community counseling). */
  kindOther: string | null;
  referredOn: string;
  reason: string;
  status: ReferralStatus;
  /** Set once the referral is closed. */
  outcome: ReferralOutcome | null;
  outcomeNote: string | null;
  parentConsultedOn: string | null;
  visibility: NoteVisibility;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const referralFields = z.object({
  kind: z.enum(REFERRAL_KINDS),
  kindOther: optionalText(120),
  referredOn: isoDate,
  reason: multilineText(4000).pipe(z.string().min(1, { message: 'Required' })),
  status: z.enum(REFERRAL_STATUSES),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable().optional(),
  outcomeNote: z.union([multilineText(2000), z.null()]).optional().transform((s) => (s ? s : null)),
  parentConsultedOn: optionalIsoDate,
  visibility: visibility,
});

export const createReferralInput = referralFields
  .extend({
    studentId: id,
    status: referralFields.shape.status.optional().default('considering'),
    visibility: visibility.optional().default(DEFAULT_REFERRAL_VISIBILITY),
  })
  .superRefine((r, ctx) => {
    for (const p of referralProblems(r)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });

/** Cross-field rules (closed ⇔ outcome, other ⇒ description) are checked on the merged record by the service. */
export const updateReferralInput = z.object({ id, version, changes: referralFields.partial() });

export const listReferralsInput = z.object({ studentId: id, status: archiveFilter });

export const referralsContract = {
  referrals: {
    list: op<Referral[]>()(listReferralsInput),
    create: op<Referral>()(createReferralInput),
    update: op<Referral>()(updateReferralInput),
    archive: op<Referral>()(versioned),
    restore: op<Referral>()(versioned),
    remove: op<null>()(versioned),
  },
};
