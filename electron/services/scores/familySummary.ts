import type { TFunction } from 'i18next';
import { createTranslator, type Locale } from '../../../shared/i18n';
import { localIsoDate } from '../../../shared/domain/dates';
import { familyGroup, GROUP_ORDER } from '../../../shared/domain/scores/catalog';
import { interpretResult, type SectionView } from '../../../shared/domain/scores/interpret';
import { renderMessage, type Message } from '../../../shared/domain/scores/messages';
import { AP_EXAMS } from '../../../shared/domain/scores/reference';
import { tsiStatus, type TsiEvidence, type TsiSubjectStatus } from '../../../shared/domain/scores/tsi';
import type { DatePrecision, TestFamily } from '../../../shared/domain/scores/types';
import type { RawDatabase } from '../../vault/database';
import { loadStudentResults, type StoredResult } from './store';

/**
 * The family-facing read of a student's test results, for conference mode and family
 * documents: the latest result of each test as plain-JSON cards with every sentence already
 * written in the family's language (about a grade-8 reading level). Built in the main
 * process from test results only — no notes, no import provenance, no source rows, no IDs.
 * It does not write the audit log; the caller (the conference) records what it showed.
 */

export interface FamilyScoreSection {
  /** "Reading and Writing", "Algebra I", "Calculus AB". */
  name: string;
  /** "480", "670L", "5 of 5", "B". */
  score: string;
  /** For a scale bar: the score's place from 0 to 1, and the scale's ends. */
  scale: { min: number; max: number; position: number } | null;
  /** The main benchmark, for a marker on the bar. */
  benchmark: { value: number; met: boolean; position: number | null } | null;
  /** The level as a family reads it ("Meets Grade Level"), when there is one. */
  level: string | null;
}

export interface FamilyScoreCard {
  resultId: number;
  family: TestFamily;
  /** "SAT", "STAAR Algebra I", "AP Calculus AB". */
  testName: string;
  administrationDate: string;
  datePrecision: DatePrecision;
  /** "October 12, 2024" / "12 de octubre de 2024"; "May 2024" for month-only dates. */
  dateText: string;
  status: 'met' | 'partly' | 'not-met' | 'info';
  headline: string;
  sections: FamilyScoreSection[];
  means: string[];
  doesNotMean: string[];
  nextSteps: string[];
  /** Caveats the family should hear too (an unconfirmed benchmark, a month-only date). */
  notes: string[];
}

export interface FamilyScoreSummary {
  studentId: number;
  locale: Locale;
  asOf: string;
  /** Texas college readiness in plain words, when the student has SAT, ACT or TSIA results. */
  collegeReadiness: { title: string; ready: boolean; lines: string[] } | null;
  cards: FamilyScoreCard[];
}

export interface FamilySummaryOptions {
  /** "Today" for validity statements; defaults to the local date. */
  asOf?: string;
}

function formatDate(iso: string, precision: DatePrecision, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  const tag = locale === 'es' ? 'es-US' : 'en-US';
  return new Intl.DateTimeFormat(tag, precision === 'month' ? { month: 'long', year: 'numeric' } : { dateStyle: 'long' }).format(date);
}

function testName(t: TFunction, r: StoredResult, locale: Locale): string {
  const family = t(`scores.family.${r.result.family}`);
  const subject = r.result.subject;
  if (!subject) return family;
  if (r.result.family === 'AP') return `AP ${AP_EXAMS[subject]?.[locale] ?? r.result.scores[0]?.label ?? subject}`;
  if (r.result.family === 'STAAR' || r.result.family === 'STAAR_EOC' || r.result.family === 'TSIA2') return `${family} ${t(`scores.subject.${subject}`, { defaultValue: subject })}`;
  if (r.result.family === 'IB') return subject === 'diploma' ? t('scores.subject.diploma') : `IB ${subject}`;
  return `${family} ${subject}`;
}

function sectionName(t: TFunction, r: StoredResult, v: SectionView, locale: Locale): string {
  if (r.result.family === 'AP' && r.result.subject) return AP_EXAMS[r.result.subject]?.[locale] ?? v.label ?? t('scores.section.exam');
  if (v.label && (v.section.includes(':') || r.result.family === 'IB' || r.result.family === 'STATE' || r.result.family === 'OTHER')) return v.label;
  if ((r.result.family === 'STAAR' || r.result.family === 'STAAR_EOC') && v.section === 'scale' && r.result.subject) return t(`scores.subject.${r.result.subject}`, { defaultValue: r.result.subject });
  return t(`scores.section.${v.section}`, { defaultValue: v.section });
}

function scoreText(t: TFunction, r: StoredResult, v: SectionView, locale: Locale): string {
  const n = (x: number) => new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { maximumFractionDigits: 1 }).format(x);
  if (v.score !== null) return r.result.family === 'AP' ? `${n(v.score)} / 5` : n(v.score);
  if (v.text !== null) return v.text;
  return t('scores.card.noScore');
}

function evidenceText(t: TFunction, e: TsiEvidence, locale: Locale): string {
  const values = Object.entries(e.values)
    .map(([k, v]) => t(`scores.tsi.values.${k}`, { value: v, defaultValue: `${k} ${v}` }))
    .join(', ');
  return t('scores.tsi.metBy', { test: t(`scores.family.${e.family}`), date: formatDate(e.administrationDate, e.datePrecision, locale), values });
}

function subjectLines(t: TFunction, label: string, s: TsiSubjectStatus, locale: Locale): string[] {
  if (s.via) return [`${label}: ${evidenceText(t, s.via, locale)}. ${t('scores.tsi.expires', { date: formatDate(s.via.expiresOn, 'day', locale) })}.`];
  const lines = [`${label}: ${t('scores.tsi.notYet')}.`];
  for (const e of s.possible) lines.push(t(e.uncertainty === 'month-spans-rule-change' ? 'scores.tsi.possibleMonth' : 'scores.tsi.possibleCombination', { test: t(`scores.family.${e.family}`), date: formatDate(e.administrationDate, e.datePrecision, locale), values: Object.entries(e.values).map(([k, v]) => t(`scores.tsi.values.${k}`, { value: v })).join(', ') }));
  return lines;
}

/** The latest result per test (and subject), newest first within each test family. */
function latestPerTest(results: StoredResult[]): StoredResult[] {
  const latest = new Map<string, StoredResult>();
  for (const r of results) {
    const key = `${r.result.family}|${r.result.subject ?? ''}`;
    const seen = latest.get(key);
    if (!seen || r.result.administrationDate > seen.result.administrationDate || (r.result.administrationDate === seen.result.administrationDate && r.id > seen.id)) latest.set(key, r);
  }
  return [...latest.values()].sort(
    (a, b) =>
      GROUP_ORDER.indexOf(familyGroup(a.result.family)) - GROUP_ORDER.indexOf(familyGroup(b.result.family)) ||
      b.result.administrationDate.localeCompare(a.result.administrationDate) ||
      (a.result.subject ?? '').localeCompare(b.result.subject ?? ''),
  );
}

/**
 * Plain-JSON cards for the family view. `locale` is the family's language, which may differ
 * from the counselor's.
 */
export function familyScoreSummary(db: RawDatabase, studentId: number, locale: Locale, options: FamilySummaryOptions = {}): FamilyScoreSummary {
  const asOf = options.asOf ?? localIsoDate(new Date());
  const t = createTranslator(locale);
  const render = (m: Message) => renderMessage(t, m, { locale });
  const results = loadStudentResults(db, studentId);
  const cards: FamilyScoreCard[] = latestPerTest(results).map((r) => {
    const i = interpretResult(r.result, { asOf });
    const shown = i.sections.filter((v) => v.main && (v.score !== null || v.text !== null));
    return {
      resultId: r.id,
      family: r.result.family,
      testName: testName(t, r, locale),
      administrationDate: r.result.administrationDate,
      datePrecision: r.result.datePrecision,
      dateText: formatDate(r.result.administrationDate, r.result.datePrecision, locale),
      status: i.status,
      headline: render(i.headline),
      sections: shown.map((v) => {
        const bench = v.benchmarks.find((c) => (c.kind === 'college-readiness' || c.kind === 'grade-level' || c.kind === 'ccmr') && c.min !== null);
        return {
          name: sectionName(t, r, v, locale),
          score: scoreText(t, r, v, locale),
          scale: v.scale && v.position !== null ? { min: v.scale.min, max: v.scale.max, position: v.position } : null,
          benchmark: bench && bench.min !== null ? { value: bench.min, met: bench.met, position: v.scale ? Math.min(1, Math.max(0, (bench.min - v.scale.min) / (v.scale.max - v.scale.min))) : null } : null,
          level: v.level?.code && v.level.basis === 'computed' ? t(`scores.level.${v.level.code}`, { defaultValue: '' }) || null : v.level?.code && ['did-not-meet', 'approaches', 'meets', 'masters'].includes(String(v.level.code)) ? t(`scores.level.${v.level.code}`) : (v.level?.text ?? null),
        };
      }),
      means: i.explanation.means.map(render),
      doesNotMean: i.explanation.doesNotMean.map(render),
      nextSteps: i.explanation.nextSteps.map(render),
      notes: i.notes.map(render),
    };
  });
  const tsi = tsiStatus(
    results.map((r) => ({ id: r.id, result: r.result })),
    asOf,
  );
  const collegeReadiness = tsi.hasTsiTests
    ? {
        title: t('scores.tsi.title'),
        ready: tsi.ready,
        lines: [...(tsi.ready ? [`${t('scores.tsi.ready')}.`] : []), ...subjectLines(t, t('scores.tsi.elar'), tsi.elar, locale), ...subjectLines(t, t('scores.tsi.math'), tsi.math, locale)],
      }
    : null;
  return { studentId, locale, asOf, collegeReadiness, cards };
}
