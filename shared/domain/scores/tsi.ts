import type { IsoDate } from '../dates';
import { TSI_RULES, TSI_VALIDITY_YEARS, tsiRule, type TsiRule, type TsiSubject } from './reference';
import { scaleOf, type DatePrecision, type ScoreResult } from './types';

/**
 * Texas Success Initiative readiness from test results: the TSIA2 college-readiness
 * standard (19 TAC 4.57) and the SAT and ACT exemptions (19 TAC 4.54), including the ACT
 * rule that changed for tests on or after 2023-02-15. Each result counts for 5 years from
 * its test date. Every verdict names the rule and the result (with the scores) that met it.
 */

export interface ResultRef {
  id: number;
  result: ScoreResult;
}

export interface TsiEvidence {
  ruleId: string;
  subject: TsiSubject;
  resultId: number;
  family: ScoreResult['family'];
  administrationDate: IsoDate;
  datePrecision: DatePrecision;
  /** The scores the rule looked at, by name ('rw', 'englishPlusReading', 'crc', …). */
  values: Record<string, number>;
  met: boolean;
  /** The day the result stops counting (5 years after the test date). */
  expiresOn: IsoDate;
  expired: boolean;
  /**
   * Set when the verdict cannot be settled from the file: a month-only ACT date in February
   * 2023 (the rule changed on the 15th), or the ACT old/new combination clause.
   */
  uncertainty: 'month-spans-rule-change' | 'act-combination-clause' | null;
}

export interface TsiSubjectStatus {
  subject: TsiSubject;
  met: boolean;
  /** The evidence that meets the rule and stays valid longest. */
  via: TsiEvidence | null;
  /** Results that met the rule but have expired. */
  expired: TsiEvidence[];
  /** Results that could count but need checking (see `uncertainty`). */
  possible: TsiEvidence[];
  /** Every evaluation, newest first, for showing the closest attempts. */
  evaluations: TsiEvidence[];
}

export interface TsiStatus {
  elar: TsiSubjectStatus;
  math: TsiSubjectStatus;
  /** College ready in both subjects. */
  ready: boolean;
  /** At least one SAT, ACT or TSIA result was found. */
  hasTsiTests: boolean;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return t.toISOString().slice(0, 10);
}

function inRange(rule: TsiRule, date: IsoDate): boolean {
  return (rule.from === null || date >= rule.from) && (rule.until === null || date <= rule.until);
}

/** The last day of the month of a month-precision date. */
function monthEnd(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

interface Verdict {
  rule: TsiRule;
  values: Record<string, number>;
  met: boolean;
}

function evaluate(rule: TsiRule, r: ScoreResult): Verdict | null {
  const s = (k: string) => scaleOf(r, k);
  const t = rule.thresholds;
  switch (rule.id) {
    case 'tsia2-math': {
      const crc = s('math-crc');
      const diag = s('math-diagnostic');
      if (crc === null) return null;
      const values: Record<string, number> = { crc };
      if (diag !== null) values.diagnostic = diag;
      return { rule, values, met: crc >= t.crc || (diag !== null && diag >= t.diagnostic) };
    }
    case 'tsia2-elar': {
      const crc = s('elar-crc');
      const diag = s('elar-diagnostic');
      const essay = s('essay');
      if (crc === null) return null;
      const values: Record<string, number> = { crc };
      if (diag !== null) values.diagnostic = diag;
      if (essay !== null) values.essay = essay;
      const essayOk = essay !== null && essay >= t.essay;
      return { rule, values, met: essayOk && (crc >= t.crc || (diag !== null && diag >= t.diagnostic)) };
    }
    case 'tsia1-reading': {
      const reading = s('reading');
      return reading === null ? null : { rule, values: { reading }, met: reading >= t.reading };
    }
    case 'tsia1-math': {
      const math = s('math');
      return math === null ? null : { rule, values: { math }, met: math >= t.math };
    }
    case 'sat-2016-elar': {
      const rw = s('rw');
      return rw === null ? null : { rule, values: { rw }, met: rw >= t.rw };
    }
    case 'sat-2016-math': {
      const math = s('math');
      return math === null ? null : { rule, values: { math }, met: math >= t.math };
    }
    case 'sat-legacy-elar':
    case 'sat-legacy-math': {
      const cr = s('critical-reading');
      const math = s('math');
      if (cr === null || math === null) return null;
      const combined = cr + math;
      const met = combined >= t.combined && (rule.id === 'sat-legacy-elar' ? cr >= t.criticalReading : math >= t.math);
      return { rule, values: { criticalReading: cr, math, combined }, met };
    }
    case 'act-2023-elar': {
      const e = s('english');
      const rd = s('reading');
      if (e === null || rd === null) return null;
      return { rule, values: { english: e, reading: rd, englishPlusReading: e + rd }, met: e + rd >= t.englishPlusReading };
    }
    case 'act-2023-math': {
      const m = s('math');
      return m === null ? null : { rule, values: { math: m }, met: m >= t.math };
    }
    case 'act-legacy-elar': {
      const c = s('composite');
      const e = s('english');
      if (c === null || e === null) return null;
      return { rule, values: { composite: c, english: e }, met: c >= t.composite && e >= t.english };
    }
    case 'act-legacy-math': {
      const c = s('composite');
      const m = s('math');
      if (c === null || m === null) return null;
      return { rule, values: { composite: c, math: m }, met: c >= t.composite && m >= t.math };
    }
    default:
      return null;
  }
}

const TEST_OF: Partial<Record<ScoreResult['family'], TsiRule['test'][]>> = {
  TSIA2: ['TSIA2'],
  TSIA1: ['TSIA1'],
  SAT: ['SAT'],
  SAT_LEGACY: ['SAT_LEGACY'],
  ACT: ['ACT'],
};

/** Every TSI rule evaluation one result supports. */
export function evaluateResult(ref: ResultRef, asOf: IsoDate): TsiEvidence[] {
  const r = ref.result;
  const tests = TEST_OF[r.family];
  if (!tests) return [];
  const out: TsiEvidence[] = [];
  const date = r.administrationDate;
  const expiresOn = addYears(date, TSI_VALIDITY_YEARS);
  const make = (v: Verdict, uncertainty: TsiEvidence['uncertainty']): TsiEvidence => ({
    ruleId: v.rule.id,
    subject: v.rule.subject,
    resultId: ref.id,
    family: r.family,
    administrationDate: date,
    datePrecision: r.datePrecision,
    values: v.values,
    met: v.met,
    expiresOn,
    expired: asOf >= expiresOn,
    uncertainty,
  });
  for (const subject of ['elar', 'math'] as const) {
    const rules = TSI_RULES.filter((x) => x.subject === subject && tests.includes(x.test));
    if (r.family === 'ACT') {
      const newRule = tsiRule(`act-2023-${subject}`);
      const oldRule = tsiRule(`act-legacy-${subject}`);
      const latest = r.datePrecision === 'month' ? monthEnd(date) : date;
      const couldBeNew = inRange(newRule, latest);
      const couldBeOld = inRange(oldRule, date);
      const vNew = evaluate(newRule, r);
      const vOld = evaluate(oldRule, r);
      if (couldBeNew && couldBeOld) {
        // A month-only date in February 2023: the rule changed mid-month.
        const verdicts = [vNew, vOld].filter((v): v is Verdict => v !== null);
        if (verdicts.length === 2 && verdicts[0].met === verdicts[1].met) out.push(make(vNew!, null));
        else for (const v of verdicts) out.push(make({ ...v, met: false }, v.met ? 'month-spans-rule-change' : null));
      } else if (couldBeNew) {
        if (vNew) out.push(make(vNew, null));
      } else {
        if (vOld) out.push(make(vOld, null));
        // Old-format scores that would meet the 2023 benchmarks: the combination clause may apply.
        if (vNew?.met && !vOld?.met) out.push(make({ ...vNew, met: false }, 'act-combination-clause'));
      }
      continue;
    }
    for (const rule of rules) {
      if (!inRange(rule, date)) continue;
      const v = evaluate(rule, r);
      if (v) out.push(make(v, null));
    }
  }
  return out;
}

function subjectStatus(subject: TsiSubject, evidence: TsiEvidence[]): TsiSubjectStatus {
  const mine = evidence.filter((e) => e.subject === subject).sort((a, b) => b.administrationDate.localeCompare(a.administrationDate) || a.resultId - b.resultId);
  const valid = mine.filter((e) => e.met && !e.expired);
  valid.sort((a, b) => b.expiresOn.localeCompare(a.expiresOn) || a.resultId - b.resultId);
  const via = valid[0] ?? null;
  return {
    subject,
    met: via !== null,
    via,
    expired: mine.filter((e) => e.met && e.expired),
    possible: mine.filter((e) => !e.met && e.uncertainty !== null && !e.expired),
    evaluations: mine,
  };
}

export function tsiStatus(results: ResultRef[], asOf: IsoDate): TsiStatus {
  const evidence = results.flatMap((r) => evaluateResult(r, asOf));
  const elar = subjectStatus('elar', evidence);
  const math = subjectStatus('math', evidence);
  return {
    elar,
    math,
    ready: elar.met && math.met,
    hasTsiTests: results.some((r) => TEST_OF[r.result.family] !== undefined),
  };
}
