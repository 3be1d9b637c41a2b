import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoresCore, sampleFile, synthetic } from '../scores/testing';
import { examScoreFacts } from './examFacts';

/**
 * The read seam from test results to the performance acknowledgments, on the public sample
 * files (their student IDs are the Ed-Fi sample district's; names here are invented).
 */
let h: Awaited<ReturnType<typeof scoresCore>>;
const id: Record<string, number> = {};
beforeEach(async () => {
  h = await scoresCore();
  const locals = ['604926', '604929', '605000', '605002', '605003', '605004'];
  h.core.services.students.createMany(locals.map((l, i) => synthetic({ localId: l }, i, '11'))).forEach((s, i) => (id[locals[i]] = s));
  for (const f of ['PSAT_SAT/sample_anonymized_file_sat.csv', 'ACT/sample_anonymized_file.csv', 'AP/SAMPLE_AP_2324.csv', 'IB/sample_anonymized_file.csv']) {
    h.core.services.scoreImports.commit(h.core.services.scoreImports.previewFiles([sampleFile(f)]).token);
  }
});
afterEach(() => h.dispose());

const ack = (studentId: number, code: string) => {
  const plans = h.core.services.plans;
  const ws = plans.workspace(studentId).plan ? plans.workspace(studentId) : plans.start({ studentId, endorsement: 'stem' });
  return ws.audit!.acknowledgments.find((a) => a.code === code)!;
};

describe('exam facts for the performance acknowledgments', () => {
  it('reads AP exam scores, IB subject grades, SAT totals and ACT composites as the files reported them', () => {
    expect(examScoreFacts(h.db(), id['605002'])).toEqual({
      ap: [
        { subject: '20', label: { en: 'Biology', es: 'Biología' }, score: 3, date: '2024-05-01' },
        { subject: '70', label: expect.anything(), score: 3, date: '2024-05-01' },
        { subject: '23', label: { en: 'Research', es: 'Investigación' }, score: 2, date: '2024-05-01' },
      ],
      ib: [],
      sat: [],
      act: [{ subject: null, label: null, score: 28, date: '2024-10-01' }],
      psatNmsqt: [],
      legacySat: [],
    });
    // An SAT dated before the 2016 redesign is on another scale: passed on for the counselor, not scored.
    expect(examScoreFacts(h.db(), id['604926'])).toMatchObject({ sat: [], legacySat: ['2015-10-12'] });
    expect(examScoreFacts(h.db(), id['605000']).ib).toEqual([{ subject: 'ENV. AND SOC. SL', label: { en: 'ENV. AND SOC. SL', es: 'ENV. AND SOC. SL' }, score: 6, date: '2024-05-01' }]);
  });

  it('the plan audit now decides AP/IB and PSAT/SAT/ACT from those results', () => {
    // ACT composite 28 is exactly the threshold; AP Biology 3 likewise.
    expect(ack(id['605002'], 'college-readiness-exam')).toMatchObject({ status: 'met', evidence: { test: 'ACT', score: 28, threshold: 28 }, uncertain: true });
    expect(ack(id['605002'], 'ap-ib')).toMatchObject({ status: 'met', evidence: { test: 'AP', score: 3 } });
    // AP 2 is not enough, but an IB grade of 6 is.
    expect(ack(id['605000'], 'ap-ib')).toMatchObject({ status: 'met', evidence: { test: 'IB', score: 6, threshold: 4 } });
    expect(ack(id['605003'], 'college-readiness-exam')).toMatchObject({ status: 'not-met', evidence: null });
    expect(ack(id['604929'], 'college-readiness-exam').status).toBe('not-met');
    expect(ack(id['604926'], 'college-readiness-exam').status).toBe('needs-review');
    // Certification still needs the counselor.
    expect(ack(id['605002'], 'certification').status).toBe('not-computable');
  });

  it('an imported score the counselor deletes no longer counts', () => {
    expect(ack(id['605004'], 'ap-ib').status).toBe('met');
    for (const r of h.db().prepare(`SELECT id, version FROM test_results WHERE student_id = ? AND family IN ('AP','IB')`).all(id['605004']) as { id: number; version: number }[]) {
      h.core.services.scores.deleteResult(r.id, r.version);
    }
    expect(ack(id['605004'], 'ap-ib').status).toBe('not-met');
  });
});
