import { addMonths, addWeeks, format, parseISO } from 'date-fns';
import templatesFile from '../../../resources/workspace/goal-templates.json';
import type { GradeLevel } from '../gradeLevels';
import type { Locale } from '../../i18n/locales';
import type { GoalBasis, GoalDomain, GoalHorizon, StepOwner } from './vocabulary';

export const GRADE_BANDS = ['elementary', 'middle', 'high'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

type Bilingual = Record<Locale, string>;

export interface GoalTemplate {
  id: string;
  band: GradeBand;
  domain: GoalDomain;
  horizon: GoalHorizon;
  title: Bilingual;
  statement: Bilingual;
  measure: Bilingual;
  basedOn: GoalBasis[];
  basedOnNote?: Bilingual;
  asca: string[];
  steps: { owner: StepOwner; dueWeeks: number; text: Bilingual }[];
}

export interface GoalTemplateFile {
  id: string;
  title: string;
  source: string;
  year: number;
  note: string;
  bands: Record<GradeBand, GradeLevel[]>;
  templates: GoalTemplate[];
}

export const GOAL_TEMPLATES: GoalTemplateFile = templatesFile as GoalTemplateFile;

/** Elementary PK–5, middle 6–8, high 9–12 (and a fifth year); null when no grade is recorded. */
export function gradeBand(grade: GradeLevel | null | undefined): GradeBand | null {
  if (!grade) return null;
  for (const band of GRADE_BANDS) if (GOAL_TEMPLATES.bands[band].includes(grade)) return band;
  return null;
}

/**
 * Templates for a student's grade band (all bands when the grade is unknown), optionally for
 * one domain, ordered domain → horizon so the picker reads like the plan grid.
 */
export function templatesFor(band: GradeBand | null, domain?: GoalDomain | null, all: GoalTemplate[] = GOAL_TEMPLATES.templates): GoalTemplate[] {
  const dOrder: GoalDomain[] = ['educational', 'career', 'personal-social'];
  const hOrder: GoalHorizon[] = ['short', 'intermediate', 'long'];
  const bOrder: GradeBand[] = [...GRADE_BANDS];
  return all
    .filter((t) => (band ? t.band === band : true) && (domain ? t.domain === domain : true))
    .sort((a, b) => bOrder.indexOf(a.band) - bOrder.indexOf(b.band) || dOrder.indexOf(a.domain) - dOrder.indexOf(b.domain) || hOrder.indexOf(a.horizon) - hOrder.indexOf(b.horizon));
}

/** Bracketed parts a counselor still has to fill in: "[course]", "[fecha]". */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\[[^\]\n]{1,60}\]/g)].map((m) => m[0]);
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** The last day of the school year a date falls in (Texas calendars end in late May or early June). */
export function schoolYearEnd(today: string): string {
  const d = parseISO(today);
  const year = d.getMonth() >= 5 ? d.getFullYear() + 1 : d.getFullYear(); // June onward → next spring
  return `${year}-05-31`;
}

function lastGradeOfBand(band: GradeBand): number {
  return band === 'elementary' ? 5 : band === 'middle' ? 8 : 12;
}

function gradeNumber(grade: GradeLevel): number {
  return grade === 'PK' ? -1 : grade === 'KG' ? 0 : Number(grade);
}

/**
 * A suggested target date for a new goal:
 * - short: six weeks out (one grading period in most Texas districts);
 * - intermediate: the end of this school year, or six months out when that is under eight weeks away;
 * - long: the end of the student's current school level (graduation for high school), at least a year out.
 */
export function suggestTargetDate(horizon: GoalHorizon, today: string, student: { gradeLevel: GradeLevel | null; expectedGraduationYear: number | null }): string {
  const t = parseISO(today);
  if (horizon === 'short') return iso(addWeeks(t, 6));
  const yearEnd = schoolYearEnd(today);
  if (horizon === 'intermediate') {
    const weeksLeft = (parseISO(yearEnd).getTime() - t.getTime()) / (7 * 86_400_000);
    return weeksLeft < 8 ? iso(addMonths(t, 6)) : yearEnd;
  }
  const endYear = Number(yearEnd.slice(0, 4));
  const band = gradeBand(student.gradeLevel);
  if (band === 'high' && student.expectedGraduationYear && student.expectedGraduationYear > endYear) {
    return `${student.expectedGraduationYear}-05-31`;
  }
  if (band && student.gradeLevel) {
    const yearsLeft = Math.max(1, lastGradeOfBand(band) - gradeNumber(student.gradeLevel));
    return `${endYear + yearsLeft}-05-31`;
  }
  return `${endYear + 1}-05-31`;
}

export interface GoalDraft {
  templateId: string;
  domain: GoalDomain;
  horizon: GoalHorizon;
  statement: string;
  successMeasure: string;
  basedOn: GoalBasis[];
  basedOnNote: string | null;
  ascaCodes: string[];
  targetDate: string;
  steps: { text: string; owner: StepOwner; dueDate: string }[];
}

/** A goal form filled from a template in the chosen language, with dates counted from today. */
export function draftFromTemplate(template: GoalTemplate, locale: Locale, today: string, student: { gradeLevel: GradeLevel | null; expectedGraduationYear: number | null }): GoalDraft {
  const targetDate = suggestTargetDate(template.horizon, today, student);
  const t = parseISO(today);
  return {
    templateId: template.id,
    domain: template.domain,
    horizon: template.horizon,
    statement: template.statement[locale],
    successMeasure: template.measure[locale],
    basedOn: [...template.basedOn],
    basedOnNote: template.basedOnNote?.[locale] ?? null,
    ascaCodes: [...template.asca],
    targetDate,
    // A step is never due after the goal's own target date.
    steps: template.steps.map((s) => {
      const due = iso(addWeeks(t, s.dueWeeks));
      return { text: s.text[locale], owner: s.owner, dueDate: due > targetDate ? targetDate : due };
    }),
  };
}
