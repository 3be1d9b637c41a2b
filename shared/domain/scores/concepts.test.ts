import { describe, expect, it } from 'vitest';
import { afqtCategory, cogatSasBand, lexileRange, parseLexile, parseQuantile, quantileRange, stanineBand, stanineForPercentile, stanineRange } from './concepts';

describe('stanines', () => {
  it.each([
    [1, 'below-average'],
    [3, 'below-average'],
    [4, 'average'],
    [6, 'average'],
    [7, 'above-average'],
    [9, 'above-average'],
  ])('stanine %i is %s', (s, band) => expect(stanineBand(s)).toBe(band));
  it('shares of the norm group add up to 100 (4, 7, 12, 17, 20, 17, 12, 7, 4)', () => {
    const shares = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => stanineRange(s)!.share);
    expect(shares).toEqual([4, 7, 12, 17, 20, 17, 12, 7, 4]);
    expect(shares.reduce((a, b) => a + b)).toBe(100);
  });
  it.each([
    [4, 1],
    [5, 2],
    [40, 4],
    [41, 5],
    [59, 5],
    [60, 6],
    [95, 8],
    [96, 9],
  ])('percentile rank %i is stanine %i', (pr, s) => expect(stanineForPercentile(pr)).toBe(s));
  it('refuses impossible percentile ranks', () => {
    expect(stanineForPercentile(0)).toBeNull();
    expect(stanineForPercentile(100)).toBeNull();
  });
});

describe('AFQT categories', () => {
  it.each([
    [99, 'I'],
    [93, 'I'],
    [92, 'II'],
    [65, 'II'],
    [64, 'IIIA'],
    [50, 'IIIA'],
    [49, 'IIIB'],
    [31, 'IIIB'],
    [30, 'IVA'],
    [21, 'IVA'],
    [20, 'IVB'],
    [16, 'IVB'],
    [15, 'IVC'],
    [10, 'IVC'],
    [9, 'V'],
    [1, 'V'],
  ])('%i is category %s', (p, c) => expect(afqtCategory(p)).toBe(c));
  it('is a percentile from 1 to 99', () => {
    expect(afqtCategory(0)).toBeNull();
    expect(afqtCategory(100)).toBeNull();
  });
});

describe('CogAT Standard Age Score bands (mean 100, SD 16)', () => {
  it.each([
    [127, 'above-average'],
    [128, 'very-high'],
    [111, 'average'],
    [112, 'above-average'],
    [89, 'average'],
    [88, 'below-average'],
    [73, 'below-average'],
    [72, 'very-low'],
  ])('SAS %i is %s', (sas, band) => expect(cogatSasBand(sas)).toBe(band));
});

describe('Lexile and Quantile measures', () => {
  it('reads BR (Beginning Reader) as below zero: BR200L is lower than BR100L', () => {
    expect(parseLexile('BR200L')!.value).toBeLessThan(parseLexile('BR100L')!.value);
    expect(parseLexile('670L')).toEqual({ value: 670, beginningReader: false });
    expect(parseLexile('70L')).toEqual({ value: 70, beginningReader: false });
    expect(parseLexile('670')).toBeNull();
  });
  it('target reading range is 100L below to 50L above', () => {
    expect(lexileRange(850)).toEqual({ low: '750L', high: '900L' });
    expect(lexileRange(50)).toEqual({ low: 'BR50L', high: '100L' });
  });
  it('reads EM (Emerging Mathematician) as below zero; frontier is ±50Q', () => {
    expect(parseQuantile('EM400Q')).toEqual({ value: -400, emerging: true });
    expect(parseQuantile('535Q')).toEqual({ value: 535, emerging: false });
    expect(quantileRange(535)).toEqual({ low: '485Q', high: '585Q' });
  });
});
