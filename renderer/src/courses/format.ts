import type { TFunction } from 'i18next';
import type { Localized } from '../../../shared/domain/graduation/ruleSet';
import { pick as pickLocalized, type Translate } from '../../../shared/domain/graduation/describe';
import { schoolYearLabel } from '../../../shared/domain/graduation/vocabulary';
import { isApiError } from '../api/client';
import { errorText } from '../components/errorText';
import type { CourseImportProblem } from '../../../shared/ipc/contract';

/** Small helpers shared by the course-planning screens. */

export function useT(t: TFunction): Translate {
  return t as unknown as Translate;
}

export function pick(l: Localized | null | undefined, locale: string): string {
  return pickLocalized(l, locale);
}

/** 1 → "1", 0.5 → "0.5", 25.5 → "25.5" (no trailing zeros; the locale's decimal mark). */
export function credits(n: number | null | undefined, locale: string): string {
  if (n == null) return '—';
  return new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { maximumFractionDigits: 2 }).format(n);
}

export function yearLabel(startYear: number): string {
  return schoolYearLabel(startYear);
}

/** The school year a student is (or will be) in a given grade, from their grade now. */
export function schoolYearForGrade(currentYear: number, currentGrade: string | null, grade: string): number | null {
  if (!currentGrade || !/^\d+$/.test(currentGrade)) return null;
  return currentYear + (Number(grade) - Number(currentGrade));
}

/** An API error in the counselor's language, using the specific reason the main process gave. */
export function courseErrorText(t: TFunction, err: unknown): string {
  if (isApiError(err)) {
    const d = (err.details ?? {}) as Record<string, unknown>;
    const reason = typeof d.reason === 'string' ? d.reason : null;
    if (reason && t(`courses.errors.${reason}`, { defaultValue: '' })) return t(`courses.errors.${reason}`, d as Record<string, string>);
  }
  return errorText(t, err);
}

/** An import problem in the counselor's language; the main process's English text when there is no translation. */
export function problemText(t: TFunction, p: CourseImportProblem): string {
  const key = `courses.problems.${p.code}`;
  const text = t(key, { ...(p.params ?? {}), defaultValue: '' });
  return text || p.message;
}
