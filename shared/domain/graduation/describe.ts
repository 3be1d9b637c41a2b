import type { Locale } from '../../i18n/locales';
import type { Reason } from './audit';
import type { ScenarioDifference } from './compare';
import type { Localized } from './ruleSet';
import type { PlanGrade, Term } from './vocabulary';

/**
 * Sentences a counselor can read to a parent, in English or Spanish, from audit reasons and
 * scenario differences. Shared by the renderer (i18next's `t`) and the main process
 * (`createTranslator`), so the family view and the counselor's screen say the same thing.
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export function pick(l: Localized | null | undefined, locale: Locale | string): string {
  if (!l) return '';
  return locale === 'es' ? l.es : l.en;
}

function isLocalized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && 'en' in v && 'es' in v;
}

export function gradeLabel(t: Translate, grade: PlanGrade | string): string {
  return t(`common.grade.${grade}`);
}

export function whenLabel(t: Translate, grade: PlanGrade, term: Term): string {
  return term === 'year' ? gradeLabel(t, grade) : t('courses.when', { grade: gradeLabel(t, grade), term: t(`courses.terms.${term}`) });
}

/** A reason or warning as one sentence. */
export function reasonText(t: Translate, locale: Locale | string, r: Reason): string {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.params)) params[k] = isLocalized(v) ? pick(v, locale) : v;
  if (typeof params.grade === 'string') params.grade = gradeLabel(t, params.grade);
  if (typeof params.credits === 'number') params.count = params.credits;
  if (r.code === 'requirement-missing' && params.parts) return t('courses.reasons.requirement-missing-parts', params);
  // The short endorsement name reads better in a sentence than the rule set's full title.
  if (r.code === 'endorsement-not-met' && typeof r.params.code === 'string') params.endorsement = t(`courses.endorsements.${r.params.code}`);
  if (r.code === 'prerequisite-missing') return t(`courses.reasons.prerequisite-${String(params.kind ?? 'missing')}`, params);
  return t(`courses.reasons.${r.code}`, params);
}

/**
 * Reasons as sentences, with an area's several missing requirements said once
 * ("Mathematics: still needs Geometry, one advanced mathematics credit (2 credits)").
 */
export function summarizeReasons(t: Translate, locale: Locale | string, reasons: readonly Reason[]): string[] {
  const out: string[] = [];
  const byArea = new Map<string, Reason[]>();
  for (const r of reasons) {
    if (r.code !== 'requirement-missing') continue;
    const key = JSON.stringify(r.params.area);
    byArea.set(key, [...(byArea.get(key) ?? []), r]);
  }
  const done = new Set<string>();
  for (const r of reasons) {
    if (r.code !== 'requirement-missing') {
      out.push(reasonText(t, locale, r));
      continue;
    }
    const key = JSON.stringify(r.params.area);
    const group = byArea.get(key)!;
    if (group.length < 2) {
      out.push(reasonText(t, locale, r));
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    const count = Math.round(group.reduce((s, g) => s + Number(g.params.credits ?? 0), 0) * 100) / 100;
    const area = isLocalized(r.params.area) ? pick(r.params.area, locale) : String(r.params.area);
    const list = group.map((g) => (isLocalized(g.params.requirement) ? pick(g.params.requirement, locale) : String(g.params.requirement))).join(', ');
    out.push(t('courses.reasons.area-missing', { area, list, count }));
  }
  return out;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/** Every difference between two scenarios as plain sentences, most important first. */
export function differenceSentences(t: Translate, locale: Locale | string, d: ScenarioDifference): string[] {
  if (d.same) return [t('courses.compare.sentences.same')];
  const out: string[] = [];
  if (d.onTrack) out.push(t(d.onTrack.other === 'on-track' ? 'courses.compare.sentences.onTrackGained' : 'courses.compare.sentences.onTrackLost'));
  if (d.program) out.push(t('courses.compare.sentences.program', { before: t(`courses.program.${d.program.base}`), after: t(`courses.program.${d.program.other}`) }));
  if (d.endorsement) {
    const name = (c: string | null) => (c ? t(`courses.endorsements.${c}`) : t('courses.endorsements.none'));
    if (d.endorsement.base !== d.endorsement.other) out.push(t('courses.compare.sentences.endorsement', { before: name(d.endorsement.base), after: name(d.endorsement.other) }));
    if (d.endorsement.other) {
      const met = d.endorsement.otherLevel !== null && d.endorsement.otherLevel !== 'missing';
      out.push(t(met ? 'courses.compare.sentences.endorsementMet' : 'courses.compare.sentences.endorsementNotMet', { endorsement: name(d.endorsement.other) }));
    }
  }
  if (d.dla) out.push(t(d.dla.other !== 'missing' ? 'courses.compare.sentences.dlaGained' : 'courses.compare.sentences.dlaLost'));
  for (const r of d.requirementsLost) out.push(t('courses.compare.sentences.requirementLost', { requirement: pick(r.label, locale) }));
  for (const r of d.requirementsGained) out.push(t('courses.compare.sentences.requirementGained', { requirement: pick(r.label, locale) }));
  for (const p of d.prerequisitesBroken) out.push(t('courses.compare.sentences.prerequisiteBroken', { course: p.title, prerequisites: p.missingTitles.join(' / ') }));
  for (const p of d.prerequisitesFixed) out.push(t('courses.compare.sentences.prerequisiteFixed', { course: p.title, prerequisites: p.missingTitles.join(' / ') }));
  for (const c of d.added) out.push(t('courses.compare.sentences.added', { course: c.title, when: whenLabel(t, c.grade, c.term) }));
  for (const c of d.removed) out.push(t('courses.compare.sentences.removed', { course: c.title, when: whenLabel(t, c.grade, c.term) }));
  for (const c of d.moved) out.push(t('courses.compare.sentences.moved', { course: c.title, from: whenLabel(t, c.fromGrade, c.fromTerm), to: whenLabel(t, c.grade, c.term) }));
  // Planned vs requested is bookkeeping for next year's registration, not a difference a family weighs.
  for (const a of d.areas) {
    out.push(t('courses.compare.sentences.area', { area: pick(a.label, locale), before: num(a.base), after: num(a.other), required: num(a.requiredOther) }));
  }
  if (d.totals.base !== d.totals.other || d.totals.requiredBase !== d.totals.requiredOther) {
    out.push(t('courses.compare.sentences.total', { before: num(d.totals.base), after: num(d.totals.other), required: num(d.totals.requiredOther) }));
  }
  return out;
}
