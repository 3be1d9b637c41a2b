import type { TFunction } from 'i18next';
import { AP_EXAMS } from '../../../shared/domain/scores/reference';
import { renderMessage, type Message } from '../../../shared/domain/scores/messages';
import type { SectionView } from '../../../shared/domain/scores/interpret';
import type { DatePrecision, TestFamily } from '../../../shared/domain/scores/types';
import type { TsiEvidence } from '../../../shared/domain/scores/tsi';

/** Names, dates and numbers for the score screens, in the reader's language. */

export function lang(locale: string): 'en' | 'es' {
  return locale === 'es' ? 'es' : 'en';
}

export function formatTestDate(iso: string, precision: DatePrecision, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang(locale) === 'es' ? 'es-US' : 'en-US', precision === 'month' ? { month: 'short', year: 'numeric' } : { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(lang(locale) === 'es' ? 'es-US' : 'en-US', { maximumFractionDigits: 2 }).format(n);
}

export function subjectName(t: TFunction, family: TestFamily, subject: string | null, locale: string, label?: string | null): string | null {
  if (!subject) return null;
  if (family === 'AP') return AP_EXAMS[subject]?.[lang(locale)] ?? label ?? subject;
  if (family === 'STAAR' || family === 'STAAR_EOC' || family === 'TSIA2') return t(`scores.subject.${subject}`, { defaultValue: subject });
  if (family === 'IB' && subject === 'diploma') return t('scores.subject.diploma');
  return subject;
}

export function testTitle(t: TFunction, family: TestFamily, subject: string | null, locale: string, label?: string | null): string {
  const s = subjectName(t, family, subject, locale, label);
  const f = t(`scores.family.${family}`);
  if (!s) return f;
  if (family === 'IB' && subject === 'diploma') return s;
  return `${f} · ${s}`;
}

export function sectionName(t: TFunction, family: TestFamily, subject: string | null, v: Pick<SectionView, 'section' | 'label'>, locale: string): string {
  if (family === 'AP' && v.section === 'exam' && subject) return AP_EXAMS[subject]?.[lang(locale)] ?? v.label ?? t('scores.section.exam');
  if (v.label && (v.section.includes(':') || family === 'STATE' || family === 'OTHER')) return v.label;
  if ((family === 'STAAR' || family === 'STAAR_EOC') && v.section === 'scale' && subject) return t(`scores.subject.${subject}`, { defaultValue: subject });
  return t(`scores.section.${v.section}`, { defaultValue: v.label ?? v.section });
}

export function say(t: TFunction, m: Message, locale: string): string {
  return renderMessage((k, p) => t(k, p), m, { locale: lang(locale) });
}

export function evidenceValues(t: TFunction, e: TsiEvidence, locale: string): string {
  return Object.entries(e.values)
    .map(([k, v]) => t(`scores.tsi.values.${k}`, { value: formatNumber(v, locale), defaultValue: `${k} ${v}` }))
    .join(', ');
}
