import { describe, expect, it } from 'vitest';
import { referralProblems } from './referrals';
import type { ReferralKind, ReferralOutcome, ReferralStatus } from './vocabulary';

describe('referralProblems', () => {
  it.each<[ReferralKind, string | null, ReferralStatus, ReferralOutcome | null, string[]]>([
    ['section-504', null, 'considering', null, []],
    ['special-education', null, 'in-evaluation', null, []],
    ['gifted-talented', null, 'closed', 'eligible', []],
    ['at-risk', null, 'closed', null, ['outcome']],
    ['at-risk', null, 'referred', 'not-eligible', ['outcome']],
    ['other', null, 'referred', null, ['kindOther']],
    ['other', 'Dyslexia screening', 'referred', null, []],
    ['other', '', 'closed', null, ['kindOther', 'outcome']],
  ])('%s / %j / %s / %s → %j', (kind, kindOther, status, outcome, fields) => {
    expect(referralProblems({ kind, kindOther, status, outcome }).map((p) => p.field)).toEqual(fields);
  });
});
