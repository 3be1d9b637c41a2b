import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConferenceRecord, Decision, LinkedDecision, PlanWorkspace } from '../../../shared/ipc/contract';
import { seedAcrossConcerns, SHARED, type SeededStudent } from '../../testing/integrationSeed';
import { conferenceTestCore } from '../conference/testSetup';

/**
 * The decisions log shows decisions from conferences (in the order the meeting took them) and plan choices without copying them:
 * each lives where it was made, and the log reads them (single source of truth).
 */
let t: Awaited<ReturnType<typeof conferenceTestCore>>;
let seed: SeededStudent;
beforeEach(async () => {
  t = await conferenceTestCore({ pdf: { render: async () => new TextEncoder().encode('%PDF-1.7\n/Type /Page\n') } });
  seed = await seedAcrossConcerns(t.core, t.ok);
});
afterEach(() => t.dispose());

describe('decisions recorded elsewhere, in the decisions log', () => {
  it('lists an ended conference’s decisions once, with who agreed and whether the plan was made active', async () => {
    const studentId = seed.student.id;
    let r = await t.ok<ConferenceRecord>('wp:conferences.start', {
      studentId,
      purpose: 'pgp_review',
      familyLanguage: 'en',
      attendees: [{ role: 'student', name: 'Marisol Quintanilla' }, { role: 'guardian', name: 'Rosa Ybarra', detail: 'Mother' }, { role: 'counselor', name: 'Dana Whitfield' }],
      locale: 'en',
    });
    const [student, mother] = r.attendees;
    r = await t.ok<ConferenceRecord>('wp:conferences.addDecision', { conferenceId: r.conference.id, decision: { kind: 'endorsement', what: 'Marisol will pursue Business & Industry', endorsement: 'business_industry', agreedBy: [student.id, mother.id] }, locale: 'en' });
    r = await t.ok<ConferenceRecord>('wp:conferences.addDecision', { conferenceId: r.conference.id, decision: { kind: 'scenario', what: 'Take Accounting I instead of Algebra II', scenarioId: seed.scenarioId, agreedBy: [student.id, mother.id] }, locale: 'en' });
    // While the conference runs, its decisions are not in the log yet (the record is not final).
    expect(await t.ok<LinkedDecision[]>('wp:decisions.linked', { studentId })).toEqual([]);
    r = await t.ok<ConferenceRecord>('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' });

    const linked = await t.ok<LinkedDecision[]>('wp:decisions.linked', { studentId });
    expect(linked).toEqual([
      {
        key: expect.stringMatching(/^conference-decision:/),
        source: 'conference',
        decidedOn: '2026-10-01',
        kind: 'endorsement',
        decision: 'Marisol will pursue Business & Industry',
        detail: null,
        endorsement: 'business_industry',
        planName: null,
        agreedBy: [{ name: 'Marisol Quintanilla', role: 'student' }, { name: 'Rosa Ybarra', role: 'guardian' }],
        conference: { id: r.conference.id, purpose: 'pgp_review', title: null },
        planMadeActive: false,
      },
      expect.objectContaining({ source: 'conference', kind: 'scenario', decision: 'Take Accounting I instead of Algebra II', planName: SHARED.scenarioName, planMadeActive: true }),
    ]);
    // Nothing was copied into the log's own table, and the plan's record of the change is not listed twice.
    expect((await t.ok<Decision[]>('wp:decisions.list', { studentId })).map((d) => d.decision)).toHaveLength(1);
    expect(linked.filter((d) => d.source === 'course-plan')).toEqual([]);
  });

  it('lists a plan chosen on the Course plan tab as a read-only course-plan decision', async () => {
    const ws = await t.ok<PlanWorkspace>('wp:coursePlans.workspace', { studentId: seed.student.id, planId: seed.scenarioId });
    await t.ok('wp:coursePlans.choose', { planId: seed.scenarioId, version: ws.plan!.version, agreedBy: [{ name: 'Rosa Ybarra', role: 'parent' }], decidedOn: '2026-09-30' });
    expect(await t.ok<LinkedDecision[]>('wp:decisions.linked', { studentId: seed.student.id })).toEqual([
      {
        key: expect.stringMatching(/^plan-decision:/),
        source: 'course-plan',
        decidedOn: '2026-09-30',
        kind: 'scenario',
        decision: SHARED.scenarioName,
        detail: null,
        endorsement: null,
        planName: SHARED.scenarioName,
        agreedBy: [{ name: 'Rosa Ybarra', role: 'parent' }],
        conference: null,
        planMadeActive: true,
      },
    ]);
    expect(await t.call('wp:decisions.linked', { studentId: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
