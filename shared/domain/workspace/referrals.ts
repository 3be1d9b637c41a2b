import type { ReferralKind, ReferralOutcome, ReferralStatus } from './vocabulary';

export interface ReferralProblem {
  field: 'kindOther' | 'outcome';
  message: string;
}

/**
 * Rules a referral must satisfy as a whole: an "other" referral says what kind it is, a
 * closed referral records its outcome, and an open one has no outcome yet.
 */
export function referralProblems(r: { kind: ReferralKind; kindOther: string | null | undefined; status: ReferralStatus; outcome?: ReferralOutcome | null }): ReferralProblem[] {
  const out: ReferralProblem[] = [];
  if (r.kind === 'other' && !r.kindOther) out.push({ field: 'kindOther', message: 'Say what kind of referral this is' });
  if (r.status === 'closed' && !r.outcome) out.push({ field: 'outcome', message: 'A closed referral needs its outcome' });
  if (r.status !== 'closed' && r.outcome) out.push({ field: 'outcome', message: 'Record the outcome when the referral is closed' });
  return out;
}
