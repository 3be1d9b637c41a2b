import { describe, expect, it } from 'vitest';
import { applicableBenchmarks, bandOf, benchmarkChecks, interpretResult, levelOf, positionOn, sectionView } from './interpret';
import { BENCHMARKS, SCALES } from './reference';
import { makeResult } from './testing';
import { emptyScore, type TestFamily } from './types';
import type { GradeLevel } from '../gradeLevels';

const ctx = { asOf: '2026-03-01' };

/** Every cut the app uses, pinned by hand: a changed value in resources/scores must change this table. */
const PINNED: [id: string, family: TestFamily, section: string, grade: GradeLevel | null, date: string, cut: number][] = [
  ['sat-rw-ccr', 'SAT', 'rw', '11', '2025-10-04', 480],
  ['sat-math-ccr', 'SAT', 'math', '11', '2025-10-04', 530],
  ['psat-nmsqt-g11-rw', 'PSAT_NMSQT', 'rw', '11', '2025-10-15', 460],
  ['psat-nmsqt-g11-math', 'PSAT_NMSQT', 'math', '11', '2025-10-15', 510],
  ['psat-nmsqt-g10-rw', 'PSAT_NMSQT', 'rw', '10', '2025-10-15', 430],
  ['psat-nmsqt-g10-math', 'PSAT_NMSQT', 'math', '10', '2025-10-15', 480],
  ['psat10-g10-rw', 'PSAT_10', 'rw', '10', '2025-04-10', 430],
  ['psat10-g10-math', 'PSAT_10', 'math', '10', '2025-04-10', 480],
  ['psat89-g9-rw', 'PSAT_89', 'rw', '09', '2025-10-01', 410],
  ['psat89-g9-math', 'PSAT_89', 'math', '09', '2025-10-01', 450],
  ['psat89-g8-rw', 'PSAT_89', 'rw', '08', '2025-10-01', 390],
  ['psat89-g8-math', 'PSAT_89', 'math', '08', '2025-10-01', 430],
  ['psat-dual-credit-rw', 'PSAT_NMSQT', 'rw', '11', '2025-10-15', 460],
  ['psat-dual-credit-math', 'PSAT_NMSQT', 'math', '11', '2025-10-15', 510],
  ['sat-performance-ack', 'SAT', 'total', '11', '2025-10-04', 1250],
  ['act-english-crb', 'ACT', 'english', '11', '2025-09-13', 18],
  ['act-math-crb', 'ACT', 'math', '11', '2025-09-13', 22],
  ['act-reading-crb', 'ACT', 'reading', '11', '2025-09-13', 22],
  ['act-science-crb', 'ACT', 'science', '11', '2025-09-13', 23],
  ['act-stem-crb', 'ACT', 'stem', '11', '2025-09-13', 26],
  ['act-ela-crb', 'ACT', 'ela', '11', '2025-09-13', 20],
  ['act-performance-ack', 'ACT', 'composite', '11', '2025-09-13', 28],
  ['preact-english', 'PREACT', 'english', '10', '2025-10-01', 14],
  ['preact-english', 'PREACT', 'english', '10', '2026-02-01', 15],
  ['preact-math', 'PREACT', 'math', '09', '2025-10-01', 17],
  ['preact-reading', 'PREACT', 'reading', '08', '2026-03-01', 17],
  ['preact-science', 'PREACT', 'science', '11', '2025-10-01', 22],
  ['preact-stem', 'PREACT', 'stem', '09', '2026-04-01', 22],
  ['ap-qualified', 'AP', 'exam', '11', '2025-05-01', 3],
  ['ib-ccmr', 'IB', 'grade', '12', '2025-05-01', 4],
  ['ib-diploma-points', 'IB', 'total-points', '12', '2025-05-01', 24],
  ['asvab-army-minimum', 'ASVAB', 'afqt', '11', '2025-11-20', 31],
  ['staar-eoc-meets-anchor', 'STAAR_EOC', 'scale', '09', '2025-05-01', 4000],
];

describe('every benchmark: just below, at and just above the cut', () => {
  it.each(PINNED)('%s (%s %s, grade %s, %s) at %i', (id, family, section, grade, date, cut) => {
    for (const [score, met, margin] of [
      [cut - 1, false, -1],
      [cut, true, 0],
      [cut + 1, true, 1],
    ] as const) {
      const result = makeResult(family, date, { [section]: score }, { grade: grade ?? undefined });
      const check = benchmarkChecks(result, result.scores[0]).find((c) => c.id === id);
      expect(check, `${id} applies`).toBeDefined();
      expect(check).toMatchObject({ min: cut, met, margin, basis: 'computed' });
      expect(check!.source?.source).toMatch(/^https?:\/\//);
    }
  });

  it('pins every benchmark in resources/scores/benchmarks.json', () => {
    const pinned = new Set(PINNED.map((p) => p[0]));
    expect(BENCHMARKS.map((b) => b.id).filter((id) => !pinned.has(id))).toEqual([]);
  });
});

describe('grade-level benchmarks follow the grade at testing', () => {
  it('uses the grade-10 cut for PSAT/NMSQT taken in grade 10, the grade-11 cut in grade 11', () => {
    const g10 = makeResult('PSAT_NMSQT', '2025-10-15', { rw: 450 }, { grade: '10' });
    const g11 = makeResult('PSAT_NMSQT', '2025-10-15', { rw: 450 }, { grade: '11' });
    expect(benchmarkChecks(g10, g10.scores[0]).find((c) => c.kind === 'grade-level')).toMatchObject({ min: 430, met: true });
    expect(benchmarkChecks(g11, g11.scores[0]).find((c) => c.kind === 'grade-level')).toMatchObject({ min: 460, met: false });
  });
  it('has no computed cut when the grade is unknown, but keeps the file’s own flag', () => {
    const r = makeResult('PSAT_NMSQT', '2025-10-15', { rw: { scale: 400, benchmarkMet: false } });
    expect(applicableBenchmarks(r, 'rw').filter((b) => b.benchmark.kind === 'grade-level')).toEqual([]);
    expect(benchmarkChecks(r, r.scores[0])[0]).toMatchObject({ basis: 'reported', met: false, min: null });
  });
  it('marks a disagreement between the file’s flag and the sourced cut (the card says so)', () => {
    const r = makeResult('PSAT_NMSQT', '2022-10-12', { rw: { scale: 430, benchmarkMet: true } }, { grade: '11' });
    const check = benchmarkChecks(r, r.scores[0]).find((c) => c.kind === 'grade-level');
    expect(check).toMatchObject({ met: false, disagrees: true });
    expect(interpretResult(r, ctx).notes.map((n) => n.key)).toContain('scores.note.flagDisagrees');
  });
  it('PreACT: fall is August to December, spring January to July', () => {
    const fall = makeResult('PREACT', '2025-08-20', { math: 19 }, { grade: '10' });
    const spring = makeResult('PREACT', '2026-07-31', { math: 19 }, { grade: '10' });
    expect(applicableBenchmarks(fall, 'math')[0].min).toBe(19);
    expect(applicableBenchmarks(spring, 'math')[0].min).toBe(19);
    const fall9 = makeResult('PREACT', '2025-12-31', { stem: 21 }, { grade: '09' });
    const spring9 = makeResult('PREACT', '2026-01-01', { stem: 21 }, { grade: '09' });
    expect(benchmarkChecks(fall9, fall9.scores[0])[0]).toMatchObject({ min: 21, met: true });
    expect(benchmarkChecks(spring9, spring9.scores[0])[0]).toMatchObject({ min: 22, met: false });
  });
  it('flags the grade-8 PSAT 8/9 values as unconfirmed', () => {
    const r = makeResult('PSAT_89', '2025-10-01', { rw: 400 }, { grade: '08' });
    expect(interpretResult(r, ctx).notes.map((n) => n.key)).toContain('scores.note.uncertainCut');
  });
});

describe('position on the scale and score bands', () => {
  it.each([
    [200, 0],
    [500, 0.5],
    [800, 1],
    [850, 1],
  ])('SAT section %i sits at %f of the bar', (score, pos) => {
    expect(positionOn(score, { min: 200, max: 800 })).toBeCloseTo(pos);
  });
  it('a band of ±1 SEM (about 68%), clipped to the scale', () => {
    expect(bandOf(emptyScore('rit', { scale: 208, sem: 3.4 }), { min: 100, max: 300 })).toEqual({ low: 204.6, high: 211.4, basis: 'sem', confidence: 68 });
    expect(bandOf(emptyScore('rw', { scale: 790, sem: 30 }), { min: 200, max: 800 })).toMatchObject({ low: 760, high: 800 });
    expect(bandOf(emptyScore('rw', { scale: 500 }), { min: 200, max: 800 })).toBeNull();
  });
  it('a band the file reports (CogAT SAS bounds) is used as reported', () => {
    expect(bandOf(emptyScore('verbal', { scale: 107, band: { low: 100.95, high: 113.05 } }), null)).toMatchObject({ low: 100.95, high: 113.05, basis: 'reported' });
  });
  it('has no scale bar where no range was sourced (PreACT)', () => {
    const r = makeResult('PREACT', '2025-10-01', { composite: 20 }, { grade: '10' });
    expect(sectionView(r, r.scores[0]).scale).toBeNull();
    expect(SCALES.some((s) => s.family === 'PREACT')).toBe(false);
  });
});

describe('performance levels: the file’s own first', () => {
  it('uses STAAR’s reported level even when a computed cut would say otherwise', () => {
    const r = makeResult('STAAR_EOC', '2025-05-01', { scale: { scale: 4100, level: 'Approaches Grade Level', levelCode: 'approaches' } }, { subject: 'algebra-i' });
    expect(levelOf(r, r.scores[0])).toEqual({ code: 'approaches', text: 'Approaches Grade Level', basis: 'reported' });
    // The meets anchor is not applied when the file carries a level.
    expect(benchmarkChecks(r, r.scores[0])).toEqual([]);
    expect(interpretResult(r, ctx).headline.key).toBe('scores.headline.staar.approaches');
  });
  it('without flags, an EOC score only says "Meets or above" at 4000+', () => {
    const high = makeResult('STAAR_EOC', '2025-05-01', { scale: 4000 }, { subject: 'biology' });
    const low = makeResult('STAAR_EOC', '2025-05-01', { scale: 3999 }, { subject: 'biology' });
    expect(levelOf(high, high.scores[0])).toMatchObject({ code: 'meets-or-above', basis: 'computed' });
    expect(levelOf(low, low.scores[0])).toBeNull();
    expect(interpretResult(low, ctx).explanation.means[0].key).toBe('scores.explain.staar.noLevel');
  });
  it.each([
    [5, 'ap-extremely-well-qualified'],
    [3, 'ap-qualified'],
    [2, 'ap-possibly-qualified'],
    [1, 'ap-no-recommendation'],
  ])('AP %i → %s', (score, code) => {
    const r = makeResult('AP', '2025-05-01', { exam: score }, { subject: '66' });
    expect(levelOf(r, r.scores[0])?.code).toBe(code);
  });
  it.each([
    [92, 'afqt-II'],
    [93, 'afqt-I'],
    [64, 'afqt-IIIA'],
    [31, 'afqt-IIIB'],
    [30, 'afqt-IVA'],
    [9, 'afqt-V'],
  ])('AFQT %i → %s', (score, code) => {
    const r = makeResult('ASVAB', '2025-11-20', { afqt: score });
    expect(levelOf(r, r.scores[0])?.code).toBe(code);
  });
});

describe('explanations', () => {
  it('SAT: score, distance from each benchmark, percentile with its norm group, and what it does not mean', () => {
    const r = makeResult('SAT', '2024-10-12', {
      total: 1000,
      rw: { scale: 480, percentiles: [{ norm: 'sat-nationally-representative', value: 41 }] },
      math: { scale: 520, percentiles: [{ norm: 'sat-nationally-representative', value: 57 }] },
    }, { grade: '11' });
    const i = interpretResult(r, ctx);
    expect(i.status).toBe('partly');
    expect(i.headline).toEqual({ key: 'scores.headline.benchmarks.partly', params: { met: 1, total: 2 } });
    expect(i.explanation.means[0]).toEqual({ key: 'scores.explain.scaleRange', params: { sections: [{ key: 'scores.section.total' }], min: 400, max: 1600 } });
    expect(i.explanation.means[1]).toEqual({ key: 'scores.explain.scaleRange', params: { sections: [{ key: 'scores.section.rw' }, { key: 'scores.section.math' }], min: 200, max: 800 } });
    expect(i.explanation.means).toContainEqual({ key: 'scores.explain.benchmarkAt', params: { section: { key: 'scores.section.rw' }, score: 480, cut: 480 } });
    expect(i.explanation.means).toContainEqual({ key: 'scores.explain.benchmarkBelow', params: { section: { key: 'scores.section.math' }, score: 520, cut: 530, margin: 10, count: 10 } });
    // The percentile sentence once, for the first section that has one (the card shows the rest).
    expect(i.explanation.means.filter((m) => m.key === 'scores.explain.percentile')).toEqual([{ key: 'scores.explain.percentile', params: { section: { key: 'scores.section.rw' }, percentile: 41, group: { key: 'scores.norm.sat-nationally-representative' } } }]);
    expect(i.explanation.doesNotMean.map((m) => m.key)).toEqual(expect.arrayContaining(['scores.notMean.percentCorrect', 'scores.notMean.belowBenchmark']));
    expect(i.explanation.nextSteps).toContainEqual({ key: 'scores.next.practice', params: { section: { key: 'scores.section.math' } } });
  });
  it('an SAT dated before the March 2016 redesign carries a note', () => {
    const r = makeResult('SAT', '2015-10-12', { rw: 670, math: 640 }, { flags: ['sat-date-before-redesign'] });
    expect(interpretResult(r, ctx).notes.map((n) => n.key)).toContain('scores.note.satBeforeRedesign');
  });
  it('Lexile: target range 100L below to 50L above; BR for beginning readers', () => {
    const r = makeResult('STAAR', '2023-05-01', { lexile: { text: '670L' }, scale: { scale: 1444, levelCode: 'approaches', level: 'Approaches' } }, { subject: 'reading' });
    expect(interpretResult(r, ctx).explanation.means).toContainEqual({ key: 'scores.explain.lexile', params: { measure: '670L', low: '570L', high: '720L' } });
    const br = makeResult('STAAR', '2023-05-01', { lexile: { text: 'BR50L' } }, { subject: 'reading' });
    expect(interpretResult(br, ctx).explanation.means).toContainEqual({ key: 'scores.explain.lexileBr', params: { measure: 'BR50L', low: 'BR150L', high: '0L' } });
  });
  it('Quantile: ±50Q learning frontier, EM below zero', () => {
    const r = makeResult('STAAR', '2023-05-01', { quantile: { text: '30Q' } }, { subject: 'math' });
    expect(interpretResult(r, ctx).explanation.means).toContainEqual({ key: 'scores.explain.quantile', params: { measure: '30Q', low: 'EM20Q', high: '80Q' } });
  });
  it('AFQT is explained as a percentile, never with a separate percentile line', () => {
    const r = makeResult('ASVAB', '2023-11-21', { afqt: 45 });
    const i = interpretResult(r, ctx);
    expect(i.explanation.means[0]).toEqual({ key: 'scores.explain.afqt', params: { score: 45 } });
    expect(i.explanation.means).toContainEqual({ key: 'scores.explain.afqtCategory', params: { category: 'IIIB' } });
    expect(i.explanation.doesNotMean.map((m) => m.key)).toContain('scores.notMean.percentCorrect');
    expect(i.explanation.nextSteps.map((m) => m.key)).toContain('scores.next.recruiter');
  });
  it('stanines are explained as bands with the one-stanine caveat', () => {
    const r = makeResult('COGAT', '2023-10-12', { composite: { scale: 112, stanine: 7, percentiles: [{ norm: 'cogat-age', value: 77 }] } });
    const i = interpretResult(r, ctx);
    expect(i.explanation.means).toContainEqual({ key: 'scores.explain.stanine', params: { stanine: 7, band: { key: 'scores.stanineBand.above-average' } } });
    expect(i.explanation.means).toContainEqual({ key: 'scores.explain.cogat', params: { section: { key: 'scores.section.composite' }, score: 112, band: { key: 'scores.level.cogat-above-average' } } });
    expect(i.explanation.doesNotMean.map((m) => m.key)).toEqual(expect.arrayContaining(['scores.notMean.oneStanine', 'scores.notMean.cogat']));
  });
  it('AP 3+ says it meets the Texas CCMR indicator', () => {
    const i = interpretResult(makeResult('AP', '2024-05-01', { exam: { scale: 3, label: 'Calculus AB' } }, { subject: '66' }), ctx);
    expect(i.status).toBe('met');
    expect(i.explanation.means).toContainEqual({ key: 'scores.explain.ccmrMet', params: { cut: 3 } });
  });
});
