import { describe, expect, it } from 'vitest';
import { auditPlan, type AuditEntry, type AuditOptions } from './audit';
import { prepareCatalog } from './catalog';
import { compareScenarios, compareTwo, type ScenarioDifference, type ScenarioSnapshot } from './compare';
import { shippedRuleSet } from './shipped';
import { testCatalog } from './testCatalog';
import { entry, FULL_PLAN } from './testPlans';

const def = shippedRuleSet('texas-fhsp')!;
const courses = testCatalog();
const catalog = prepareCatalog(def, courses);
const creditsOf = (code: string) => courses.find((c) => c.code === code)?.credits ?? 1;
const titleOf = (code: string) => courses.find((c) => c.code === code)?.title ?? null;
const OPTIONS: AuditOptions = { program: 'endorsement', endorsement: 'stem', currentGrade: '11', pgp: { endorsementChosen: true, signed: true, foundationOnlyPermitted: false } };

let nextId = 1;
function snapshot(specs: (string | AuditEntry)[], options: Partial<AuditOptions> = {}): ScenarioSnapshot {
  const entries = specs.map((s) => (typeof s === 'string' ? entry(s, {}, creditsOf) : s));
  const audit = auditPlan(def, catalog, entries, { ...OPTIONS, ...options });
  return {
    id: nextId++,
    name: `Scenario ${nextId}`,
    courses: entries.map((e) => ({ entryId: e.id, code: e.code, title: titleOf(e.code) ?? e.code, grade: e.grade, term: e.term, status: e.status, credits: e.credits ?? creditsOf(e.code) ?? 0 })),
    audit,
  };
}
const without = (...codes: string[]) => FULL_PLAN.filter((s) => !codes.includes(s.split(/\s+/)[1]));
const replace = (from: string, to: string) => FULL_PLAN.map((s) => (s === from ? to : s));
const diff = (a: (string | AuditEntry)[], b: (string | AuditEntry)[], ob: Partial<AuditOptions> = {}, oa: Partial<AuditOptions> = {}) =>
  compareTwo(snapshot(a, oa), snapshot(b, ob), titleOf);
const codes = (list: { code: string }[]) => list.map((x) => x.code);

describe('scenario comparison: every kind of difference', () => {
  type Case = [string, () => ScenarioDifference, (d: ScenarioDifference) => void];
  const cases: Case[] = [
    ['nothing differs', () => diff(FULL_PLAN, FULL_PLAN), (d) => {
      expect(d.same).toBe(true);
      expect(d.added).toEqual([]);
    }],
    ['a course added (AP Computer Science A in grade 12)', () => diff(FULL_PLAN, [...FULL_PLAN, '12:summer APCSA p']), (d) => {
      expect(d.added).toEqual([{ code: 'APCSA', title: 'AP Computer Science A', grade: '12', term: 'summer', credits: 1 }]);
      expect(d.totals).toMatchObject({ base: 26, other: 27 });
      expect(d.same).toBe(false);
    }],
    ['a course removed (Statistics): electives fall short, the plan is no longer on track', () => diff(FULL_PLAN, without('STAT')), (d) => {
      expect(codes(d.removed)).toEqual(['STAT']);
      expect(d.areas).toContainEqual(expect.objectContaining({ code: 'electives', base: 7, other: 6, metBase: true, metOther: false }));
      expect(d.requirementsLost.map((r) => r.id)).toContain('electives-endorsement');
      expect(d.onTrack).toEqual({ base: 'on-track', other: 'at-risk' });
    }],
    ['a course moved (U.S. Government from grade 12 to grade 11)', () => diff(FULL_PLAN, replace('12:fall GOVT p', '11:fall GOVT p')), (d) => {
      expect(d.moved).toEqual([{ code: 'GOVT', title: 'U.S. Government', grade: '11', term: 'fall', credits: 0.5, fromGrade: '12', fromTerm: 'fall' }]);
      expect(d.added).toEqual([]);
      expect(d.removed).toEqual([]);
      expect(d.areas).toEqual([]);
    }],
    ['a status changed (English IV requested)', () => diff(FULL_PLAN, replace('12 ENG4 p', '12 ENG4 r')), (d) => {
      expect(d.statusChanged).toEqual([expect.objectContaining({ code: 'ENG4', from: 'planned', to: 'requested' })]);
    }],
    ['a prerequisite broken (Precalculus moved into the same year as Algebra II)', () => diff(FULL_PLAN, replace('12 PRECAL p', '11:spring PRECAL p')), (d) => {
      expect(codes(d.moved)).toEqual(['PRECAL']);
      expect(d.prerequisitesBroken).toEqual([{ code: 'PRECAL', title: 'Precalculus', missing: ['ALG2'], missingTitles: ['Algebra II'] }]);
      expect(d.onTrack).toEqual({ base: 'on-track', other: 'at-risk' });
    }],
    ['a prerequisite fixed', () => diff(replace('12 PRECAL p', '11:spring PRECAL p'), FULL_PLAN), (d) => {
      expect(d.prerequisitesFixed).toEqual([expect.objectContaining({ code: 'PRECAL', missing: ['ALG2'] })]);
      expect(d.prerequisitesBroken).toEqual([]);
    }],
    ['a requirement gained (U.S. Government added)', () => diff(without('GOVT'), FULL_PLAN), (d) => {
      expect(d.requirementsGained).toEqual([expect.objectContaining({ id: 'us-government', label: expect.objectContaining({ en: 'U.S. Government (half credit)' }) })]);
      expect(d.onTrack).toEqual({ base: 'at-risk', other: 'on-track' });
    }],
    ['a requirement lost and the Distinguished Level lost (no fourth science)', () => diff(FULL_PLAN, without('ENVSYS')), (d) => {
      expect(d.requirementsLost.map((r) => r.id)).toContain('science-4th');
      expect(d.areas).toContainEqual(expect.objectContaining({ code: 'science', base: 4, other: 3 }));
      expect(d.dla).toEqual({ base: 'planned', other: 'missing' });
    }],
    ['the endorsement switched to Business & Industry without CTE courses', () => diff(FULL_PLAN, FULL_PLAN, { endorsement: 'business-industry' }), (d) => {
      expect(d.endorsement).toEqual({ base: 'stem', other: 'business-industry', baseLevel: 'planned', otherLevel: 'missing' });
      expect(d.onTrack).toEqual({ base: 'on-track', other: 'at-risk' });
      // STEM is still met by the courses, so the Distinguished Level stays.
      expect(d.dla).toBeNull();
    }],
    ['the endorsement switched to Business & Industry with a CTE sequence', () =>
      diff(FULL_PLAN, [...without('CS1', 'CS2', 'STAT', 'ATH'), '09:summer PBMF c', '10:summer BIM1 c', '11 ACCT1 i', '12 BUSMGT p'], { endorsement: 'business-industry' }), (d) => {
      expect(d.endorsement).toMatchObject({ base: 'stem', other: 'business-industry', otherLevel: 'planned' });
      expect(codes(d.added)).toEqual(['PBMF', 'BIM1', 'ACCT1', 'BUSMGT']);
      expect(codes(d.removed).sort()).toEqual(['ATH', 'CS1', 'CS2', 'STAT']);
      expect(d.onTrack).toBeNull();
    }],
    ['dual-credit English IV instead of English IV', () => diff(FULL_PLAN, replace('12 ENG4 p', '12 DCENG4 p')), (d) => {
      expect(codes(d.added)).toEqual(['DCENG4']);
      expect(codes(d.removed)).toEqual(['ENG4']);
      expect(d.areas.find((a) => a.code === 'english')).toBeUndefined();
      expect(d.requirementsLost).toEqual([]);
    }],
    ['the program changed to foundation only', () => diff(FULL_PLAN, FULL_PLAN, { program: 'foundation', endorsement: null, pgp: { endorsementChosen: false, signed: true, foundationOnlyPermitted: true } }), (d) => {
      expect(d.program).toEqual({ base: 'endorsement', other: 'foundation' });
      expect(d.totals).toMatchObject({ requiredBase: 26, requiredOther: 22 });
      expect(d.areas).toContainEqual(expect.objectContaining({ code: 'math', requiredBase: 4, requiredOther: 3 }));
      expect(d.dla).toEqual({ base: 'planned', other: 'missing' });
    }],
    ['the same course added in another year is an addition, not a move', () => diff(FULL_PLAN, [...FULL_PLAN, '12:summer ATH p']), (d) => {
      expect(codes(d.added)).toEqual(['ATH']);
      expect(d.moved).toEqual([]);
    }],
  ];
  it.each(cases)('%s', (_name, make, check) => check(make()));

  it('compares two or three scenarios against the first', () => {
    const a = snapshot(FULL_PLAN);
    const b = snapshot(without('STAT'));
    const c = snapshot([...FULL_PLAN, '12:summer APCSA p']);
    const r = compareScenarios([a, b, c]);
    expect(r.baseId).toBe(a.id);
    expect(r.differences.map((d) => d.otherId)).toEqual([b.id, c.id]);
    expect(() => compareScenarios([a])).toThrow();
  });
});
