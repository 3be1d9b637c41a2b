import type { TestFamily } from '../../../shared/domain/scores/types';

/** Test names in importer messages (the renderer shows its own translated names elsewhere). */
const NAMES: Record<TestFamily, string> = {
  SAT: 'SAT',
  PSAT_NMSQT: 'PSAT/NMSQT',
  PSAT_10: 'PSAT 10',
  PSAT_89: 'PSAT 8/9',
  SAT_LEGACY: 'SAT (before March 2016)',
  ACT: 'ACT',
  PREACT: 'PreACT',
  AP: 'AP',
  IB: 'IB',
  ASVAB: 'ASVAB',
  MAP: 'MAP Growth',
  COGAT: 'CogAT',
  STAAR: 'STAAR (grades 3–8)',
  STAAR_EOC: 'STAAR end-of-course',
  TSIA2: 'TSIA2',
  TSIA1: 'TSIA (before 2021)',
  STATE: 'state assessment',
  OTHER: 'other test',
};

export function familyName(f: TestFamily): string {
  return NAMES[f];
}
