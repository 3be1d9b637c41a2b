import type { IsoDate } from '../dates';
import { BENCHMARKS, CCMR } from './reference';
import { tsiStatus, type ResultRef, type TsiEvidence, type TsiStatus } from './tsi';
import { scaleOf } from './types';

/**
 * The CCMR college-ready indicators that test results can meet (TEA accountability):
 * TSI criteria in both ELAR and math (from any mix of tests), an AP score of 3+ or an IB
 * score of 4+ in any subject. Each met indicator names the rule and the result that met it.
 * Indicators from other records (dual credit, IBCs, enlistment, …) are out of scope here
 * and are listed as such, never guessed.
 */

export type CcmrIndicatorId = 'tsi-both' | 'ap-3' | 'ib-4';

export interface CcmrIndicator {
  id: CcmrIndicatorId;
  met: boolean;
  /** What met it: TSI evidence for both subjects, or the exam result. */
  tsi?: { elar: TsiEvidence | null; math: TsiEvidence | null };
  exam?: { resultId: number; subject: string | null; label: string | null; score: number; administrationDate: IsoDate } | null;
}

export interface CcmrStatus {
  indicators: CcmrIndicator[];
  /** Met at least one test-based indicator. */
  anyMet: boolean;
  tsi: TsiStatus;
}

const AP_CUT = BENCHMARKS.find((b) => b.id === 'ap-qualified')!.min!;
const IB_CUT = BENCHMARKS.find((b) => b.id === 'ib-ccmr')!.min!;

function bestExam(results: ResultRef[], family: 'AP' | 'IB', section: string, cut: number): CcmrIndicator['exam'] {
  let best: CcmrIndicator['exam'] = null;
  for (const r of results) {
    if (r.result.family !== family) continue;
    const v = scaleOf(r.result, section);
    if (v === null || v < cut) continue;
    const s = r.result.scores.find((x) => x.section === section);
    const candidate = { resultId: r.id, subject: r.result.subject, label: s?.label ?? null, score: v, administrationDate: r.result.administrationDate };
    if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.administrationDate > best.administrationDate)) best = candidate;
  }
  return best;
}

export function ccmrStatus(results: ResultRef[], asOf: IsoDate, tsi: TsiStatus = tsiStatus(results, asOf)): CcmrStatus {
  const ap = bestExam(results, 'AP', 'exam', AP_CUT);
  const ib = bestExam(results, 'IB', 'grade', IB_CUT);
  const indicators: CcmrIndicator[] = CCMR.indicators.map((rule) => {
    switch (rule.id) {
      case 'tsi-both':
        return { id: 'tsi-both', met: tsi.ready, tsi: { elar: tsi.elar.via, math: tsi.math.via } };
      case 'ap-3':
        return { id: 'ap-3', met: ap !== null, exam: ap };
      case 'ib-4':
        return { id: 'ib-4', met: ib !== null, exam: ib };
    }
  });
  return { indicators, anyMet: indicators.some((i) => i.met), tsi };
}

export { AP_CUT, IB_CUT };
