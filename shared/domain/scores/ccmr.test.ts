import { describe, expect, it } from 'vitest';
import { ccmrStatus } from './ccmr';
import { makeResult } from './testing';

const ASOF = '2026-03-01';

describe('CCMR college-ready indicators from test results', () => {
  it.each([
    [2, false],
    [3, true],
    [4, true],
  ])('AP %i in any subject → AP indicator met %s', (score, met) => {
    const s = ccmrStatus([{ id: 4, result: makeResult('AP', '2025-05-01', { exam: { scale: score, label: 'Biology' } }, { subject: '20' }) }], ASOF);
    const ap = s.indicators.find((i) => i.id === 'ap-3')!;
    expect(ap.met).toBe(met);
    if (met) expect(ap.exam).toMatchObject({ resultId: 4, subject: '20', score, label: 'Biology' });
  });
  it.each([
    [3, false],
    [4, true],
    [5, true],
  ])('IB %i in any subject → IB indicator met %s', (score, met) => {
    const s = ccmrStatus([{ id: 5, result: makeResult('IB', '2024-05-01', { grade: score }, { subject: 'MATH ANALYSIS HL' }) }], ASOF);
    expect(s.indicators.find((i) => i.id === 'ib-4')!.met).toBe(met);
  });
  it('TSI in both subjects, from different tests, names both results', () => {
    const s = ccmrStatus(
      [
        { id: 1, result: makeResult('SAT', '2025-03-08', { rw: 480, math: 500 }) },
        { id: 2, result: makeResult('ACT', '2025-06-14', { english: 15, reading: 15, math: 22, composite: 17 }) },
      ],
      ASOF,
    );
    const tsi = s.indicators.find((i) => i.id === 'tsi-both')!;
    expect(tsi.met).toBe(true);
    expect(tsi.tsi?.elar).toMatchObject({ resultId: 1, ruleId: 'sat-2016-elar' });
    expect(tsi.tsi?.math).toMatchObject({ resultId: 2, ruleId: 'act-2023-math' });
    expect(s.anyMet).toBe(true);
  });
  it('one TSI subject alone is not the indicator', () => {
    const s = ccmrStatus([{ id: 1, result: makeResult('SAT', '2025-03-08', { rw: 600, math: 529 }) }], ASOF);
    expect(s.indicators.find((i) => i.id === 'tsi-both')!.met).toBe(false);
    expect(s.tsi.elar.met).toBe(true);
    expect(s.anyMet).toBe(false);
  });
  it('picks the best AP exam as the evidence', () => {
    const s = ccmrStatus(
      [
        { id: 1, result: makeResult('AP', '2024-05-01', { exam: 3 }, { subject: '7' }) },
        { id: 2, result: makeResult('AP', '2025-05-01', { exam: 5 }, { subject: '66' }) },
      ],
      ASOF,
    );
    expect(s.indicators.find((i) => i.id === 'ap-3')!.exam?.resultId).toBe(2);
  });
});
