import { SAT_SUITE, type TestFamily } from './types';

/**
 * What each test family reports and how the app groups it: the sections shown up front on a
 * card (in order), the trend series, and which families share one scale for trends.
 */

export const MAIN_SECTIONS: Record<TestFamily, string[]> = {
  SAT: ['total', 'rw', 'math'],
  PSAT_NMSQT: ['total', 'rw', 'math'],
  PSAT_10: ['total', 'rw', 'math'],
  PSAT_89: ['total', 'rw', 'math'],
  SAT_LEGACY: ['total', 'critical-reading', 'math', 'writing'],
  ACT: ['composite', 'english', 'math', 'reading', 'science', 'stem', 'writing', 'ela'],
  PREACT: ['composite', 'english', 'math', 'reading', 'science', 'stem'],
  AP: ['exam'],
  IB: ['grade', 'predicted', 'total-points', 'bonus-points'],
  ASVAB: ['afqt'],
  MAP: ['rit'],
  COGAT: ['composite', 'verbal', 'quantitative', 'nonverbal'],
  STAAR: ['scale', 'lexile', 'quantile'],
  STAAR_EOC: ['scale', 'lexile', 'quantile'],
  TSIA2: ['elar-crc', 'elar-diagnostic', 'essay', 'math-crc', 'math-diagnostic'],
  TSIA1: ['reading', 'math', 'writing', 'essay', 'abe-diagnostic'],
  STATE: ['scale', 'lexile'],
  OTHER: ['score'],
};

/** Sections drawn as trend lines across administrations (same scale across dates). */
export const TREND_SECTIONS: Partial<Record<TestFamily, string[]>> = {
  SAT: ['rw', 'math'],
  PSAT_NMSQT: ['rw', 'math'],
  PSAT_10: ['rw', 'math'],
  PSAT_89: ['rw', 'math'],
  ACT: ['composite', 'english', 'math', 'reading', 'science'],
  PREACT: ['composite'],
  MAP: ['rit'],
};

/**
 * Families grouped onto one card and one trend chart. The SAT Suite is one group: all four
 * tests share a vertical scale, so PSAT 10 in grade 10 and the SAT in grade 11 belong on one line.
 */
export type FamilyGroup =
  | 'sat-suite'
  | 'sat-legacy'
  | 'act'
  | 'preact'
  | 'ap'
  | 'ib'
  | 'asvab'
  | 'map'
  | 'cogat'
  | 'staar'
  | 'staar-eoc'
  | 'tsia'
  | 'state'
  | 'other';

export function familyGroup(family: TestFamily): FamilyGroup {
  if ((SAT_SUITE as readonly string[]).includes(family)) return 'sat-suite';
  switch (family) {
    case 'SAT_LEGACY':
      return 'sat-legacy';
    case 'ACT':
      return 'act';
    case 'PREACT':
      return 'preact';
    case 'AP':
      return 'ap';
    case 'IB':
      return 'ib';
    case 'ASVAB':
      return 'asvab';
    case 'MAP':
      return 'map';
    case 'COGAT':
      return 'cogat';
    case 'STAAR':
      return 'staar';
    case 'STAAR_EOC':
      return 'staar-eoc';
    case 'TSIA2':
    case 'TSIA1':
      return 'tsia';
    case 'STATE':
      return 'state';
    default:
      return 'other';
  }
}

export const GROUP_ORDER: FamilyGroup[] = ['sat-suite', 'act', 'preact', 'tsia', 'ap', 'ib', 'staar-eoc', 'staar', 'map', 'cogat', 'asvab', 'sat-legacy', 'state', 'other'];

/** Sections whose value is a percentile itself (AFQT), not a scale score with a percentile beside it. */
export const PERCENTILE_SECTIONS = new Set(['ASVAB|afqt']);
