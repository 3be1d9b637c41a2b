import { describe, expect, it } from 'vitest';
import { auditPlan, type AuditOptions, type AuditResult } from './audit';
import { prepareCatalog } from './catalog';
import { examAcknowledgment, NO_EXAM_SCORES, type ExamScore, type ExamScoreFacts } from './examAcknowledgments';
import { shippedRuleSet } from './shipped';
import { testCatalog } from './testCatalog';
import { FULL_PLAN, plan } from './testPlans';

const def = shippedRuleSet('texas-fhsp')!;
const AP_IB = def.performanceAcknowledgments.find((p) => p.code === 'ap-ib')!;
const COLLEGE = def.performanceAcknowledgments.find((p) => p.code === 'college-readiness-exam')!;
const score = (n: number, date = '2025-05-01', subject: string | null = null): ExamScore => ({ subject, label: subject ? { en: subject, es: subject } : null, score: n, date });
const facts = (patch: Partial<ExamScoreFacts>): ExamScoreFacts => ({ ...NO_EXAM_SCORES, ...patch });

describe('exam acknowledgments at the thresholds (19 TAC §74.14(c)–(d), values from the rule set)', () => {
  it('reads its thresholds from the shipped Texas rule set', () => {
    expect(AP_IB.thresholds).toEqual({ ap: 3, ib: 4 });
    expect(COLLEGE.thresholds).toEqual({ sat: 1250, act: 28 });
  });

  it.each([
    ['AP 2', facts({ ap: [score(2)] }), 'not-met'],
    ['AP 3', facts({ ap: [score(3)] }), 'met'],
    ['AP 5', facts({ ap: [score(5)] }), 'met'],
    ['IB 3', facts({ ib: [score(3)] }), 'not-met'],
    ['IB 4', facts({ ib: [score(4)] }), 'met'],
    ['AP 2 and IB 3', facts({ ap: [score(2)], ib: [score(3)] }), 'not-met'],
    ['an SAT of 1600 does not count for AP/IB', facts({ sat: [score(1600)] }), 'not-met'],
  ] as const)('AP/IB: %s → %s', (_name, f, status) => {
    expect(examAcknowledgment(AP_IB.thresholds, f, false).status).toBe(status);
  });

  it.each([
    ['SAT 1240', facts({ sat: [score(1240)] }), 'not-met'],
    ['SAT 1250', facts({ sat: [score(1250)] }), 'met'],
    ['SAT 1260', facts({ sat: [score(1260)] }), 'met'],
    ['ACT 27', facts({ act: [score(27)] }), 'not-met'],
    ['ACT 28', facts({ act: [score(28)] }), 'met'],
    ['SAT 1240 and ACT 27', facts({ sat: [score(1240)], act: [score(27)] }), 'not-met'],
    ['PSAT/NMSQT taken: Commended status is not a score', facts({ psatNmsqt: ['2025-10-01'], sat: [score(1100)] }), 'needs-review'],
    ['an SAT from before the 2016 redesign', facts({ legacySat: ['2015-10-03'] }), 'needs-review'],
    ['an AP 5 does not count for PSAT/SAT/ACT', facts({ ap: [score(5)] }), 'not-met'],
  ] as const)('PSAT/SAT/ACT: %s → %s', (_name, f, status) => {
    expect(examAcknowledgment(COLLEGE.thresholds, f, false).status).toBe(status);
  });

  it('names the result that meets it: the widest margin, then the newest', () => {
    const r = examAcknowledgment(AP_IB.thresholds, facts({ ap: [score(4, '2024-05-01', '66'), score(5, '2025-05-01', '25'), score(5, '2023-05-01', '7')], ib: [score(5)] }), false);
    expect(r).toEqual({ status: 'met', evidence: { test: 'AP', subject: '25', label: { en: '25', es: '25' }, score: 5, threshold: 3, date: '2025-05-01' } });
    expect(examAcknowledgment(COLLEGE.thresholds, facts({ sat: [score(1250)], act: [score(31)] }), false).evidence).toMatchObject({ test: 'ACT', score: 31, threshold: 28 });
  });

  it('AP or IB courses still to take: "on the plan"; a met score wins', () => {
    expect(examAcknowledgment(AP_IB.thresholds, NO_EXAM_SCORES, true).status).toBe('planned');
    expect(examAcknowledgment(AP_IB.thresholds, facts({ ap: [score(3)] }), true).status).toBe('met');
    expect(examAcknowledgment(COLLEGE.thresholds, NO_EXAM_SCORES, true).status).toBe('not-met');
  });
});

describe('the audit with exam results passed in', () => {
  const courses = testCatalog();
  const catalog = prepareCatalog(def, courses);
  const creditsOf = (code: string) => courses.find((c) => c.code === code)?.credits ?? 1;
  const STEM: AuditOptions = { program: 'endorsement', endorsement: 'stem', currentGrade: '11', pgp: { endorsementChosen: true, signed: true, foundationOnlyPermitted: false } };
  const ack = (r: AuditResult, code: string) => r.acknowledgments.find((a) => a.code === code)!;
  const audit = (specs: string[], options: Partial<AuditOptions>) => auditPlan(def, catalog, plan(specs, creditsOf), { ...STEM, ...options });

  it('computes AP/IB and PSAT/SAT/ACT from the facts, keeping the rule’s uncertainty flag', () => {
    const r = audit(FULL_PLAN, { examScores: facts({ ap: [score(3, '2025-05-01', '66')], sat: [score(1250, '2025-10-04')] }) });
    expect(ack(r, 'ap-ib')).toMatchObject({ status: 'met', evidence: { test: 'AP', score: 3 }, uncertain: false });
    expect(ack(r, 'college-readiness-exam')).toMatchObject({ status: 'met', evidence: { test: 'SAT', score: 1250, threshold: 1250 }, uncertain: true, note: expect.objectContaining({ en: expect.stringContaining('ACT-Plan') }) });
    // Certification is still the counselor's to record; courses decide dual credit as before.
    expect(ack(r, 'certification').status).toBe('not-computable');
  });

  it('without exam results passed in, nothing is guessed; a confirmation still wins', () => {
    expect(ack(audit(FULL_PLAN, {}), 'ap-ib').status).toBe('not-computable');
    expect(ack(audit(FULL_PLAN, { examScores: NO_EXAM_SCORES }), 'ap-ib').status).toBe('not-met');
    expect(ack(audit([...FULL_PLAN, '12 APCALC p'], { examScores: NO_EXAM_SCORES }), 'ap-ib').status).toBe('planned');
    expect(ack(audit(FULL_PLAN, { examScores: NO_EXAM_SCORES, confirmations: ['pa:college-readiness-exam'] }), 'college-readiness-exam').status).toBe('confirmed');
  });
});
