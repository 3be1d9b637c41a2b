import { describe, expect, it } from 'vitest';
import { AP_EXAMS, BENCHMARKS, CCMR, SCALES, TSI_RULES } from './reference';
import concepts from '../../../resources/scores/concepts.json';
import layouts from '../../../resources/scores/staar-layouts.json';
import { isTestFamily } from './types';

const CONFIDENCE = ['official', 'rule-text', 'secondary'];

describe('reference data in resources/scores carries its source', () => {
  const entries = [...SCALES, ...BENCHMARKS, ...TSI_RULES, ...CCMR.indicators];
  it.each(entries.map((e) => [('id' in e ? e.id : `${(e as { family: string }).family}/${(e as { section: string }).section}`), e] as const))('%s has a source URL, a year and a confidence', (_id, e) => {
    expect(e.source).toMatch(/^https?:\/\//);
    expect(Number.isInteger(e.year) && e.year >= 2010 && e.year <= 2030).toBe(true);
    expect(CONFIDENCE).toContain(e.confidence);
    if (e.uncertain) expect(e.note, 'an uncertain value says why').toBeTruthy();
  });
  it('names only known test families', () => {
    for (const e of [...SCALES, ...BENCHMARKS]) expect(isTestFamily(e.family), e.family).toBe(true);
  });
  it('scale ranges are well formed', () => {
    for (const s of SCALES) expect(s.min).toBeLessThan(s.max);
  });
  it('concept tables carry sources', () => {
    for (const [k, v] of Object.entries(concepts)) {
      if (k === 'about') continue;
      expect((v as { source: string }).source, k).toMatch(/^https?:\/\//);
    }
  });
  it('the TSI ACT split is keyed to 2023-02-15 (the rule text; one catalog says Feb 1)', () => {
    expect(TSI_RULES.find((r) => r.id === 'act-2023-elar')!.from).toBe('2023-02-15');
    expect(TSI_RULES.find((r) => r.id === 'act-legacy-elar')!.until).toBe('2023-02-14');
  });
  it('the TSIA2 math diagnostic cut is 6, not 5', () => {
    expect(TSI_RULES.find((r) => r.id === 'tsia2-math')!.thresholds.diagnostic).toBe(6);
  });
  it('AP exam names exist in English and Spanish', () => {
    for (const e of Object.values(AP_EXAMS)) {
      expect(e.en).toBeTruthy();
      expect(e.es).toBeTruthy();
    }
  });
  it('STAAR layouts do not overlap and fit in the record', () => {
    for (const l of layouts.layouts) {
      const fields = [...Object.values(l.common), ...l.subjects.flatMap((s) => Object.values(s).filter((v): v is { start: number; length: number; csv: string } => typeof v === 'object'))];
      const spans = fields.map((f) => [f.start, f.start + f.length] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0], `${l.id} at ${spans[i][0]}`).toBeGreaterThanOrEqual(spans[i - 1][1]);
      expect(spans[spans.length - 1][1]).toBeLessThanOrEqual(l.recordLength);
    }
  });
});
