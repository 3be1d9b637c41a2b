import { describe, expect, it } from 'vitest';
import { ASCA, compareAscaCodes, findAscaStandard, normalizeAscaCode } from './asca';

describe('ASCA code spelling', () => {
  it.each([
    ['B-LS 7', 'B-LS 7'],
    ['b-ls7', 'B-LS 7'],
    ['BLS 7', 'B-LS 7'],
    ['B-LS-7', 'B-LS 7'],
    ['B–LS 7', 'B-LS 7'], // en dash from a word processor
    ['B LS 07', 'B-LS 7'],
    ['  m4 ', 'M 4'],
    ['M-6', 'M 6'],
    ['b-sms 10', 'B-SMS 10'],
    ['B-SS3', 'B-SS 3'],
    ['Ｍ４', 'M 4'], // full-width digits
    ['B-XX 1', null],
    ['LS 7', null],
    ['M', null],
    ['reading', null],
    ['', null],
  ])('normalizeAscaCode(%j) = %j', (raw, expected) => {
    expect(normalizeAscaCode(raw)).toBe(expected);
  });

  it.each([
    ['B-LS 7', true],
    ['m 6', true],
    ['B-SS 10', true],
    ['B-SMS 10', true],
    ['M 7', false],
    ['B-LS 11', false],
    ['B-SS 11', false],
    ['B-SMS 0', false],
  ])('%s is a standard: %s', (code, known) => {
    expect(!!findAscaStandard(code)).toBe(known);
  });
});

describe('ASCA reference data', () => {
  it('has every code once, in document order, with English and Spanish text', () => {
    const codes = ASCA.standards.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => c.startsWith('M ')).length).toBe(6);
    expect(codes.filter((c) => c.startsWith('B-LS ')).length).toBe(10);
    expect(codes.filter((c) => c.startsWith('B-SMS ')).length).toBe(10);
    expect(codes.filter((c) => c.startsWith('B-SS ')).length).toBe(10);
    expect(codes.length).toBe(ASCA.count.value);
    for (const s of ASCA.standards) {
      expect(normalizeAscaCode(s.code), s.code).toBe(s.code);
      expect(s.en.length, s.code).toBeGreaterThan(3);
      expect(s.es.length, s.code).toBeGreaterThan(3);
      expect(s.es, s.code).not.toBe(s.en === 'Empathy' ? 'Empathy' : s.en);
      if (s.uncertain) expect(s.note, s.code).toBeTruthy();
    }
    expect([...codes].sort(compareAscaCodes)).toEqual(codes);
  });

  it('carries its source, edition and year, and says what is unverified', () => {
    expect(ASCA.publisher).toMatch(/American School Counselor Association/);
    expect(ASCA.year).toBe(2021);
    expect(ASCA.sources.length).toBeGreaterThan(0);
    expect(ASCA.uncertain).toBe(true);
    expect(ASCA.note.en).toMatch(/36/);
    expect(ASCA.note.es).toMatch(/36/);
    expect(ASCA.count.uncertain).toBe(true);
    expect(ASCA.translations.es.official).toBe(false);
    // The verified mindset wording from the reference notes (texas-and-standards.md §5).
    expect(findAscaStandard('M 3')!.en).toBe('Positive attitude toward work and learning');
    expect(findAscaStandard('B-LS 1')!.en).toBe('Critical-thinking skills to make informed decisions');
    expect(findAscaStandard('M 1')!.uncertain).toBeUndefined();
    expect(findAscaStandard('B-SS 10')!.uncertain).toBe(true);
  });
});
