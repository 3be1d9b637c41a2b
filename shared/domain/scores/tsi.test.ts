import { describe, expect, it } from 'vitest';
import { addYears, evaluateResult, tsiStatus } from './tsi';
import { makeResult } from './testing';
import type { ScoreResult } from './types';

const ASOF = '2026-03-01';
const one = (result: ScoreResult, subject: 'elar' | 'math') => tsiStatus([{ id: 1, result }], ASOF)[subject];

describe('SAT exemption (tests on or after 2016-03-05): RW >= 480, Math >= 530, each subject alone', () => {
  it.each([
    [479, false],
    [480, true],
    [481, true],
  ])('Reading and Writing %i → ELAR met %s', (rw, met) => {
    const s = one(makeResult('SAT', '2025-10-04', { rw, math: 400 }), 'elar');
    expect(s.met).toBe(met);
    if (met) expect(s.via).toMatchObject({ ruleId: 'sat-2016-elar', values: { rw }, resultId: 1, expiresOn: '2030-10-04' });
  });
  it.each([
    [529, false],
    [530, true],
    [531, true],
  ])('Math %i → math met %s (no total needed)', (math, met) => {
    const s = one(makeResult('SAT', '2025-10-04', { rw: 200, math, total: 200 + math }), 'math');
    expect(s.met).toBe(met);
    if (met) expect(s.via?.ruleId).toBe('sat-2016-math');
  });
  it('does not apply the 480/530 rule to an SAT dated before the redesign', () => {
    const s = one(makeResult('SAT', '2016-03-04', { rw: 700, math: 700 }), 'elar');
    expect(s.met).toBe(false);
    expect(s.evaluations).toEqual([]);
  });
  it('the rule starts on 2016-03-05 exactly (and that test has since expired)', () => {
    const s = tsiStatus([{ id: 1, result: makeResult('SAT', '2016-03-05', { rw: 480, math: 530 }) }], '2019-01-01').elar;
    expect(s.met).toBe(true);
    expect(one(makeResult('SAT', '2016-03-05', { rw: 480, math: 530 }), 'elar').expired[0]).toMatchObject({ ruleId: 'sat-2016-elar', expiresOn: '2021-03-05' });
  });
  it('the PSAT never counts as a TSI exemption', () => {
    const status = tsiStatus([{ id: 1, result: makeResult('PSAT_NMSQT', '2025-10-15', { rw: 700, math: 700 }, { grade: '11' }) }], ASOF);
    expect(status.elar.met).toBe(false);
    expect(status.hasTsiTests).toBe(false);
  });
});

describe('ACT on or after 2023-02-15: English + Reading >= 40, Math >= 22, no composite', () => {
  it.each([
    [20, 19, false],
    [20, 20, true],
    [21, 20, true],
    [18, 22, true],
  ])('English %i + Reading %i → ELAR met %s', (english, reading, met) => {
    const s = one(makeResult('ACT', '2024-09-14', { english, reading, math: 10, composite: 12 }), 'elar');
    expect(s.met).toBe(met);
    if (met) expect(s.via).toMatchObject({ ruleId: 'act-2023-elar', values: { englishPlusReading: english + reading } });
  });
  it.each([
    [21, false],
    [22, true],
    [23, true],
  ])('Math %i → math met %s even with a low composite', (math, met) => {
    expect(one(makeResult('ACT', '2024-09-14', { english: 10, reading: 10, math, composite: 14 }), 'math').met).toBe(met);
  });
  it('2023-02-15 uses the new rule; 2023-02-14 the old one', () => {
    const scores = { english: 20, reading: 20, math: 22, composite: 21 };
    expect(one(makeResult('ACT', '2023-02-15', scores), 'elar').via?.ruleId).toBe('act-2023-elar');
    const old = one(makeResult('ACT', '2023-02-14', scores), 'elar');
    expect(old.met).toBe(false); // composite 21 < 23 under the old rule
    expect(old.evaluations.map((e) => e.ruleId)).toContain('act-legacy-elar');
  });
});

describe('ACT before 2023-02-15: composite >= 23 with English >= 19 (ELAR) / Math >= 19 (math)', () => {
  it.each([
    [22, 19, false],
    [23, 18, false],
    [23, 19, true],
    [24, 20, true],
  ])('composite %i, English %i → ELAR met %s', (composite, english, met) => {
    expect(one(makeResult('ACT', '2021-12-11', { composite, english, reading: 10, math: 30 }), 'elar').met).toBe(met);
  });
  it.each([
    [22, 19, false],
    [23, 18, false],
    [23, 19, true],
  ])('composite %i, Math %i → math met %s', (composite, math, met) => {
    expect(one(makeResult('ACT', '2021-12-11', { composite, math, english: 30, reading: 30 }), 'math').met).toBe(met);
  });
  it('an old ACT that would meet the 2023 benchmarks is only "possible" (combination clause), never met', () => {
    const s = one(makeResult('ACT', '2022-06-11', { composite: 21, english: 21, reading: 20, math: 22, science: 21 }), 'elar');
    expect(s.met).toBe(false);
    expect(s.possible).toHaveLength(1);
    expect(s.possible[0]).toMatchObject({ ruleId: 'act-2023-elar', uncertainty: 'act-combination-clause' });
  });
  it('a month-only date in February 2023 is settled when both rules agree, flagged when they do not', () => {
    const agree = one(makeResult('ACT', '2023-02-01', { composite: 25, english: 22, reading: 22, math: 25 }, { datePrecision: 'month' }), 'elar');
    expect(agree.met).toBe(true);
    const differ = one(makeResult('ACT', '2023-02-01', { composite: 20, english: 20, reading: 20, math: 22 }, { datePrecision: 'month' }), 'elar');
    expect(differ.met).toBe(false);
    expect(differ.possible[0]).toMatchObject({ uncertainty: 'month-spans-rule-change' });
  });
});

describe('TSIA2 (19 TAC 4.57)', () => {
  it.each([
    // crc, diagnostic, met
    [949, null, false],
    [950, null, true],
    [951, null, true],
    [949, 5, false],
    [949, 6, true],
    [910, 6, true],
  ])('math CRC %i, diagnostic %s → met %s', (crc, diag, met) => {
    const scores: Record<string, number> = { 'math-crc': crc };
    if (diag !== null) scores['math-diagnostic'] = diag;
    expect(one(makeResult('TSIA2', '2025-04-01', scores, { subject: 'math' }), 'math').met).toBe(met);
  });
  it.each([
    // crc, diagnostic, essay, met
    [944, null, 5, false],
    [945, null, 5, true],
    [946, null, 5, true],
    [945, null, 4, false],
    [944, 5, 5, true],
    [944, 4, 5, false],
    [944, 6, 4, false],
    [990, null, null, false],
  ])('ELAR CRC %i, diagnostic %s, essay %s → met %s', (crc, diag, essay, met) => {
    const scores: Record<string, number> = { 'elar-crc': crc };
    if (diag !== null) scores['elar-diagnostic'] = diag;
    if (essay !== null) scores.essay = essay;
    expect(one(makeResult('TSIA2', '2025-04-01', scores, { subject: 'elar' }), 'elar').met).toBe(met);
  });
});

describe('5-year validity', () => {
  const sat = (date: string) => makeResult('SAT', date, { rw: 600, math: 600 });
  it.each([
    ['2021-03-02', true],
    ['2021-03-01', false],
    ['2021-02-28', false],
  ])('an SAT from %s still counts on 2026-03-01: %s', (date, valid) => {
    const s = tsiStatus([{ id: 1, result: sat(date) }], ASOF);
    expect(s.elar.met).toBe(valid);
    if (!valid) expect(s.elar.expired[0].expiresOn).toBe(addYears(date, 5));
  });
  it('picks the evidence that stays valid longest and keeps the rule and result', () => {
    const s = tsiStatus(
      [
        { id: 7, result: sat('2022-05-07') },
        { id: 9, result: makeResult('ACT', '2024-09-14', { english: 25, reading: 25, math: 25, composite: 25 }) },
      ],
      ASOF,
    );
    expect(s.ready).toBe(true);
    expect(s.elar.via).toMatchObject({ resultId: 9, ruleId: 'act-2023-elar', expiresOn: '2029-09-14' });
  });
  it('ELAR and math may come from different tests', () => {
    const s = tsiStatus(
      [
        { id: 1, result: makeResult('SAT', '2025-03-08', { rw: 520, math: 480 }) },
        { id: 2, result: makeResult('TSIA2', '2025-05-01', { 'math-crc': 955 }, { subject: 'math' }) },
      ],
      ASOF,
    );
    expect(s.elar.via?.resultId).toBe(1);
    expect(s.math.via?.resultId).toBe(2);
    expect(s.ready).toBe(true);
  });
  it('evaluates nothing for tests that are not TSI instruments', () => {
    expect(evaluateResult({ id: 1, result: makeResult('AP', '2025-05-01', { exam: 5 }) }, ASOF)).toEqual([]);
  });
});
