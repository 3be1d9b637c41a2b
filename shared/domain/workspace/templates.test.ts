import { describe, expect, it } from 'vitest';
import { GRADE_LEVELS, type GradeLevel } from '../gradeLevels';
import { ASCA, findAscaStandard } from './asca';
import { draftFromTemplate, GOAL_TEMPLATES, gradeBand, placeholders, schoolYearEnd, suggestTargetDate, templatesFor, GRADE_BANDS } from './templates';
import { GOAL_BASES, GOAL_DOMAINS, GOAL_HORIZONS, STEP_OWNERS } from './vocabulary';

describe('grade band of a student', () => {
  it.each<[GradeLevel | null, string | null]>([
    ['PK', 'elementary'],
    ['KG', 'elementary'],
    ['03', 'elementary'],
    ['05', 'elementary'],
    ['06', 'middle'],
    ['08', 'middle'],
    ['09', 'high'],
    ['12', 'high'],
    ['13', 'high'],
    [null, null],
  ])('%s → %s', (grade, band) => {
    expect(gradeBand(grade)).toBe(band);
  });

  it('covers every grade level exactly once', () => {
    for (const g of GRADE_LEVELS) expect(GRADE_BANDS.filter((b) => GOAL_TEMPLATES.bands[b].includes(g)), g).toHaveLength(1);
  });
});

describe('template selection', () => {
  it('offers only the student’s band, in domain then horizon order', () => {
    const middle = templatesFor('middle');
    expect(middle.length).toBeGreaterThan(0);
    expect(middle.every((t) => t.band === 'middle')).toBe(true);
    const order = middle.map((t) => `${GOAL_DOMAINS.indexOf(t.domain)}${GOAL_HORIZONS.indexOf(t.horizon)}`);
    expect(order).toEqual([...order].sort());
    expect(templatesFor('high', 'career').every((t) => t.band === 'high' && t.domain === 'career')).toBe(true);
  });
  it('offers every band when the grade is not recorded', () => {
    expect(templatesFor(null)).toHaveLength(GOAL_TEMPLATES.templates.length);
  });
  it.each(GRADE_BANDS.flatMap((b) => GOAL_DOMAINS.map((d) => [b, d] as const)))('has %s %s templates', (band, domain) => {
    expect(templatesFor(band, domain).length).toBeGreaterThanOrEqual(2);
  });
});

describe('template content', () => {
  it.each(GOAL_TEMPLATES.templates.map((t) => [t.id, t] as const))('%s is complete in both languages and uses real ASCA codes', (_id, t) => {
    expect(GRADE_BANDS).toContain(t.band);
    expect(GOAL_DOMAINS).toContain(t.domain);
    expect(GOAL_HORIZONS).toContain(t.horizon);
    for (const field of [t.title, t.statement, t.measure, ...(t.basedOnNote ? [t.basedOnNote] : []), ...t.steps.map((s) => s.text)]) {
      expect(field.en.trim().length).toBeGreaterThan(3);
      expect(field.es.trim().length).toBeGreaterThan(3);
      expect(field.es).not.toBe(field.en);
      // The same placeholders are offered to fill in, whichever the language: as many in each.
      expect(placeholders(field.es).length).toBe(placeholders(field.en).length);
    }
    expect(t.statement.en.length).toBeLessThanOrEqual(600);
    expect(t.measure.en.length).toBeLessThanOrEqual(600);
    expect(t.basedOn.length).toBeGreaterThan(0);
    for (const b of t.basedOn) expect(GOAL_BASES).toContain(b);
    expect(t.asca.length).toBeGreaterThan(0);
    for (const code of t.asca) expect(findAscaStandard(code)?.code, code).toBe(code);
    expect(t.steps.length).toBeGreaterThan(0);
    for (const s of t.steps) {
      expect(STEP_OWNERS).toContain(s.owner);
      expect(s.dueWeeks).toBeGreaterThan(0);
    }
  });
  it('has unique ids and only codes from the shipped ASCA list', () => {
    const ids = GOAL_TEMPLATES.templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ASCA.standards.map((s) => s.code));
    expect(GOAL_TEMPLATES.templates.flatMap((t) => t.asca).filter((c) => !known.has(c))).toEqual([]);
    expect(GOAL_TEMPLATES.source).toMatch(/TEC §33\.005/);
    expect(GOAL_TEMPLATES.year).toBeGreaterThanOrEqual(2025);
  });
});

describe('placeholders', () => {
  it.each([
    ['Raise my grade in [course] to [target grade].', ['[course]', '[target grade]']],
    ['No brackets here.', []],
    ['[fecha]', ['[fecha]']],
    ['Unclosed [bracket', []],
  ])('%j', (text, expected) => {
    expect(placeholders(text)).toEqual(expected);
  });
});

describe('target dates', () => {
  it.each([
    ['2026-09-01', '2027-05-31'],
    ['2027-05-31', '2027-05-31'],
    ['2027-06-01', '2028-05-31'],
    ['2026-12-31', '2027-05-31'],
  ])('school year of %s ends %s', (today, end) => {
    expect(schoolYearEnd(today)).toBe(end);
  });

  it.each<[string, string, GradeLevel | null, number | null, string]>([
    ['short', '2026-09-01', '09', 2030, '2026-10-13'],
    ['intermediate', '2026-09-01', '09', 2030, '2027-05-31'],
    ['intermediate (under 8 weeks left)', '2027-04-20', '09', 2030, '2027-10-20'],
    ['long, high school: graduation', '2026-09-01', '09', 2030, '2030-05-31'],
    ['long, senior: graduation this spring is too close → a year out', '2026-09-01', '12', 2027, '2028-05-31'],
    ['long, high school without a graduation year: end of grade 12', '2026-09-01', '10', null, '2029-05-31'],
    ['long, grade 7: end of middle school', '2026-09-01', '07', null, '2028-05-31'],
    ['long, grade 8: a year out at least', '2026-09-01', '08', null, '2028-05-31'],
    ['long, kindergarten: end of grade 5', '2026-09-01', 'KG', null, '2032-05-31'],
    ['long, no grade recorded', '2026-09-01', null, null, '2028-05-31'],
  ])('%s', (label, today, gradeLevel, year, expected) => {
    const horizon = label.split(/[ ,(]/)[0] as 'short' | 'intermediate' | 'long';
    expect(suggestTargetDate(horizon, today, { gradeLevel, expectedGraduationYear: year })).toBe(expected);
  });

  it('drafts a goal in the chosen language with steps due no later than the goal', () => {
    const t = GOAL_TEMPLATES.templates.find((x) => x.id === 'ms-edu-grade')!;
    const es = draftFromTemplate(t, 'es', '2026-09-01', { gradeLevel: '07', expectedGraduationYear: null });
    expect(es.statement).toBe(t.statement.es);
    expect(es.targetDate).toBe('2026-10-13');
    expect(es.steps.map((s) => s.dueDate)).toEqual(['2026-09-08', '2026-09-08', '2026-09-15', '2026-09-08', '2026-09-22']);
    expect(es.steps.every((s) => s.dueDate <= es.targetDate)).toBe(true);
    const en = draftFromTemplate(t, 'en', '2026-09-01', { gradeLevel: '07', expectedGraduationYear: null });
    expect(en.steps[0].text).toBe(t.steps[0].text.en);
    expect(en.ascaCodes).toEqual(t.asca);
  });

  it('never dates a step after the goal itself', () => {
    const base = GOAL_TEMPLATES.templates.find((x) => x.id === 'ms-edu-grade')!;
    const t = { ...base, steps: [{ ...base.steps[0], dueWeeks: 10 }] };
    const d = draftFromTemplate(t, 'en', '2026-09-01', { gradeLevel: '07', expectedGraduationYear: null });
    expect(d.steps[0].dueDate).toBe(d.targetDate);
  });
});
