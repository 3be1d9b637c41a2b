import { describe, expect, it } from 'vitest';
import { prepareCatalog } from './catalog';
import { requestConflicts, type Attempt, type Recommendation } from './prereg';
import { shippedRuleSet } from './shipped';
import { testCatalog } from './testCatalog';

const courses = testCatalog();
const catalog = prepareCatalog(shippedRuleSet('texas-fhsp')!, courses);
const grades = (code: string) => courses.find((c) => c.code === code)?.gradeLevels ?? [];
const done = (code: string, credits = 1): Attempt => ({ code, status: 'completed', credits, grade: '09', term: 'year' });
const check = (attempts: Attempt[], codes: string[], recs: Recommendation[] = [], waived: Record<string, string[]> = {}) => {
  const requests = codes.map((code, i) => ({ id: i + 1, code, waivedPrerequisites: waived[code] ?? [] }));
  const r = requestConflicts(catalog, attempts, requests, recs, '10', grades);
  return Object.fromEntries(requests.map((q) => [q.code, r.get(q.id)!.map((c) => `${c.kind}${'reason' in c.params ? `:${c.params.reason}` : ''}`)]));
};

describe('pre-registration conflicts', () => {
  it.each([
    ['no conflict when the prerequisite is done', [done('ALG1')], ['GEOM'], {}, { GEOM: [] }],
    ['a prerequisite in progress this year counts', [{ code: 'ALG1', status: 'in-progress', credits: null, grade: '09', term: 'year' } as Attempt], ['GEOM'], {}, { GEOM: [] }],
    ['a missing prerequisite', [], ['GEOM'], {}, { GEOM: ['missing-prerequisite:missing'] }],
    ['a failed prerequisite', [done('ALG1', 0)], ['GEOM'], {}, { GEOM: ['missing-prerequisite:failed'] }],
    ['prerequisite requested for the same year', [], ['ALG1', 'GEOM'], {}, { ALG1: [], GEOM: ['missing-prerequisite:same-year'] }],
    ['a waived prerequisite', [], ['GEOM'], { GEOM: ['ALG1'] }, { GEOM: [] }],
    ['a course already earned', [done('ALG1')], ['ALG1'], {}, { ALG1: ['already-earned'] }],
    ['an equivalent already earned (English III Honors after English III)', [done('ENG2'), done('ENG3')], ['ENG3H'], {}, { ENG3H: ['already-earned'] }],
    ['a repeatable course may be requested again', [done('ATH')], ['ATH'], {}, { ATH: [] }],
    ['a code not in the catalog', [], ['ZZZ9'], {}, { ZZZ9: ['not-in-catalog'] }],
    ['a course not offered in the grade', [], ['MATH8'], {}, { MATH8: ['not-offered-for-grade'] }],
  ] as [string, Attempt[], string[], Record<string, string[]>, Record<string, string[]>][])('%s', (_n, attempts, codes, waived, expected) => {
    expect(check(attempts, codes, [], waived)).toEqual(expected);
  });

  it('a request against a teacher’s recommendation', () => {
    const recs: Recommendation[] = [
      { code: 'APCALC', teacher: 'Ms. Ortega', recommendation: 'not-recommended' },
      { code: 'PRECAL', teacher: 'Ms. Ortega', recommendation: 'recommended' },
    ];
    expect(check([done('PRECAL')], ['APCALC', 'STAT'], recs)).toEqual({ APCALC: ['against-recommendation'], STAT: ['missing-prerequisite:missing'] });
  });
});
