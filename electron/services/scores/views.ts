import { familyGroup, GROUP_ORDER, TREND_SECTIONS, type FamilyGroup } from '../../../shared/domain/scores/catalog';
import { interpretResult } from '../../../shared/domain/scores/interpret';
import { ccmrStatus } from '../../../shared/domain/scores/ccmr';
import { CCMR, scaleFor, sourceOf, tsiRule } from '../../../shared/domain/scores/reference';
import { tsiStatus, type ResultRef, type TsiStatus, type TsiSubjectStatus } from '../../../shared/domain/scores/tsi';
import { SAT_SUITE, scaleOf } from '../../../shared/domain/scores/types';
import type { CcmrIndicatorView, ScoreCardView, ScoreGroupView, ScoreTrendView, StudentScoresView, TsiSubjectView, TsiView } from '../../../shared/ipc/contract/scores';
import type { StoredResult } from './store';

/**
 * Everything the Tests tab shows for one student, built from the stored results in one
 * pure pass (interpretations, TSI, CCMR, trends). Also what the benchmark times.
 */

export interface Provenance {
  format: string;
  importedAt: string;
}

function trendFor(group: FamilyGroup, cards: StoredResult[]): ScoreTrendView | null {
  if (cards.length < 2) return null;
  const oldestFirst = [...cards].sort((a, b) => a.result.administrationDate.localeCompare(b.result.administrationDate) || a.id - b.id);
  if (group === 'map') {
    // RIT is one vertical scale per subject; never compare across subjects, so one line per subject.
    const subjects = [...new Set(oldestFirst.map((c) => c.result.subject ?? ''))];
    const points = oldestFirst.map((c) => ({ resultId: c.id, family: c.result.family, administrationDate: c.result.administrationDate, datePrecision: c.result.datePrecision, values: Object.fromEntries(subjects.map((s) => [s, s === (c.result.subject ?? '') ? scaleOf(c.result, 'rit') : null])) }));
    return subjects.some((s) => points.filter((p) => p.values[s] !== null).length >= 2) ? { sections: subjects, points, scale: null } : null;
  }
  const sections = TREND_SECTIONS[oldestFirst[0].result.family];
  if (!sections) return null;
  const points = oldestFirst.map((c) => ({ resultId: c.id, family: c.result.family, administrationDate: c.result.administrationDate, datePrecision: c.result.datePrecision, values: Object.fromEntries(sections.map((s) => [s, scaleOf(c.result, s)])) }));
  if (!sections.some((s) => points.filter((p) => p.values[s] !== null).length >= 2)) return null;
  let scale: ScoreTrendView['scale'] = null;
  if (group === 'sat-suite' || group === 'act') {
    const ranges = oldestFirst.flatMap((c) => sections.map((s) => scaleFor(c.result.family, s)).filter((r) => !!r));
    if (ranges.length) scale = { min: Math.min(...ranges.map((r) => r!.min)), max: Math.max(...ranges.map((r) => r!.max)) };
  }
  return { sections, points, scale };
}

function subjectView(s: TsiSubjectStatus): TsiSubjectView {
  const closest = s.met ? null : (s.evaluations.find((e) => !e.expired && !e.met) ?? null);
  const ruleId = s.via?.ruleId ?? closest?.ruleId ?? null;
  const rule = ruleId ? tsiRule(ruleId) : null;
  return { met: s.met, via: s.via, expired: s.expired, possible: s.possible, closest, rule: rule ? { ...sourceOf(rule), expression: rule.expression } : null };
}

export function tsiView(t: TsiStatus): TsiView {
  return { ready: t.ready, hasTsiTests: t.hasTsiTests, elar: subjectView(t.elar), math: subjectView(t.math) };
}

export function buildStudentView(studentId: number, stored: StoredResult[], asOf: string, provenance: Map<number, Provenance> = new Map()): StudentScoresView {
  const byGroup = new Map<FamilyGroup, StoredResult[]>();
  for (const s of stored) {
    const g = familyGroup(s.result.family);
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(s);
  }
  const groups: ScoreGroupView[] = [];
  for (const g of GROUP_ORDER) {
    const list = byGroup.get(g);
    if (!list) continue;
    const newestFirst = [...list].sort((a, b) => b.result.administrationDate.localeCompare(a.result.administrationDate) || b.id - a.id);
    const cards: ScoreCardView[] = newestFirst.map((s) => {
      const prov = s.batchId !== null ? provenance.get(s.batchId) : undefined;
      return {
        resultId: s.id,
        version: s.version,
        family: s.result.family,
        form: s.result.form,
        subject: s.result.subject,
        administrationDate: s.result.administrationDate,
        datePrecision: s.result.datePrecision,
        administrationLabel: s.result.administrationLabel,
        gradeAtTesting: s.result.gradeAtTesting,
        flags: s.result.flags,
        interpretation: interpretResult(s.result, { asOf }),
        provenance: { fileName: s.sourceFile, row: s.sourceRow, format: prov?.format ?? null, importedAt: prov?.importedAt ?? null },
      };
    });
    const trendSource = g === 'sat-suite' ? newestFirst.filter((s) => (SAT_SUITE as readonly string[]).includes(s.result.family)) : newestFirst;
    groups.push({ group: g, cards, trend: trendFor(g, trendSource) });
  }
  const refs: ResultRef[] = stored.map((s) => ({ id: s.id, result: s.result }));
  const tsi = tsiStatus(refs, asOf);
  const ccmr = ccmrStatus(refs, asOf, tsi);
  const byId = new Map(stored.map((s) => [s.id, s]));
  const indicators: CcmrIndicatorView[] = ccmr.indicators.map((i) => {
    const rule = CCMR.indicators.find((r) => r.id === i.id)!;
    const evidence: CcmrIndicatorView['evidence'] = [];
    if (i.tsi) {
      for (const e of [i.tsi.elar, i.tsi.math]) if (e) evidence.push({ resultId: e.resultId, family: e.family, administrationDate: e.administrationDate, datePrecision: e.datePrecision, label: e.subject, score: null });
    }
    if (i.exam) {
      const s = byId.get(i.exam.resultId);
      evidence.push({ resultId: i.exam.resultId, family: s?.result.family ?? 'AP', administrationDate: i.exam.administrationDate, datePrecision: s?.result.datePrecision ?? 'month', label: i.exam.label, score: i.exam.score });
    }
    return { id: i.id, met: i.met, expression: rule.expression, source: sourceOf(rule), evidence };
  });
  return { studentId, asOf, groups, tsi: tsiView(tsi), ccmr: { indicators, anyMet: ccmr.anyMet, notFromTests: CCMR.notFromTests } };
}
