import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseloadFacts, CaseloadView, ConferenceRecord, StudentDetail, StudentListResult } from '../../../shared/ipc/contract';
import { conferenceTestCore } from '../conference/testSetup';

/**
 * The caseload's fact filters — a course plan, goals, the last conference, follow-ups due —
 * through the handler table on a real encrypted vault. "Today" is 2026-10-01.
 */
let t: Awaited<ReturnType<typeof conferenceTestCore>>;
const ids: Record<string, number> = {};
beforeEach(async () => {
  t = await conferenceTestCore({ pdf: { render: async () => new TextEncoder().encode('%PDF-1.7\n/Type /Page\n') } });
  for (const name of ['Plan', 'Goals', 'Archived', 'Recent', 'Spring', 'Today', 'Scheduled', 'Nothing']) {
    ids[name] = (await t.ok<StudentDetail>('wp:students.create', { firstName: name, lastName: 'Student', gradeLevel: '10' })).id;
  }
  t.core.services.plans.start({ studentId: ids.Plan, endorsement: 'stem' });
  await t.ok('wp:goals.create', { studentId: ids.Goals, domain: 'career', horizon: 'long', statement: 'Become a nurse' });
  const archived = await t.ok<{ id: number; version: number }>('wp:goals.create', { studentId: ids.Archived, domain: 'career', horizon: 'long', statement: 'Old goal' });
  await t.ok('wp:goals.archive', { id: archived.id, version: archived.version });

  const conference = async (who: string, startedAt: string, item: { due: string; done?: boolean } | null, end: boolean) => {
    let r = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId: ids[who], purpose: 'pgp_review', familyLanguage: 'en', attendees: [{ role: 'student', name: who }], locale: 'en' });
    if (item) {
      r = await t.ok<ConferenceRecord>('wp:conferences.addActionItem', { conferenceId: r.conference.id, item: { text: 'Bring the signed form', dueDate: item.due }, locale: 'en' });
      if (item.done) r = await t.ok<ConferenceRecord>('wp:conferences.updateActionItem', { id: r.actionItems[0].id, version: r.actionItems[0].version, changes: { done: true }, locale: 'en' });
    }
    if (end) await t.ok('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' });
    // Dated as if held then (conference mode stamps "now").
    t.db().prepare('UPDATE conferences SET started_at = ? WHERE id = ?').run(startedAt, r.conference.id);
  };
  await conference('Recent', '2026-09-15T15:00:00.000Z', { due: '2026-09-20' }, true);
  await conference('Spring', '2026-05-20T15:00:00.000Z', { due: '2026-10-05' }, true);
  await conference('Today', '2026-10-01T15:00:00.000Z', { due: '2026-09-25', done: true }, false);
  await t.ok('wp:conferences.start', { studentId: ids.Scheduled, purpose: 'other', title: 'Check-in', familyLanguage: 'en', attendees: [{ role: 'student', name: 'S' }], scheduledFor: '2026-11-02T10:00', locale: 'en' });
});
afterEach(() => t.dispose());

async function names(facts: CaseloadFacts): Promise<string[]> {
  const r = await t.ok<StudentListResult>('wp:students.list', { facts, pageSize: 100 });
  expect(r.total).toBe(r.rows.length);
  return r.rows.map((s) => s.firstName).sort();
}

describe('caseload fact filters', () => {
  it('has a four-year course plan / has goals (archived goals do not count)', async () => {
    expect(await names({ hasCoursePlan: true })).toEqual(['Plan']);
    expect(await names({ hasCoursePlan: false })).not.toContain('Plan');
    expect(await names({ hasGoals: true })).toEqual(['Goals']);
    expect(await names({ hasGoals: false })).toEqual(['Archived', 'Nothing', 'Plan', 'Recent', 'Scheduled', 'Spring', 'Today']);
  });

  it('last conference: before, on or after, within N days, never (a scheduled conference is not one held)', async () => {
    expect(await names({ lastConference: { when: 'before', date: '2026-09-01' } })).toEqual(['Spring']);
    expect(await names({ lastConference: { when: 'onOrAfter', date: '2026-09-15' } })).toEqual(['Recent', 'Today']);
    expect(await names({ lastConference: { when: 'onOrAfter', date: '2026-09-16' } })).toEqual(['Today']);
    expect(await names({ lastConference: { when: 'within', days: 30 } })).toEqual(['Recent', 'Today']);
    expect(await names({ lastConference: { when: 'within', days: 7 } })).toEqual(['Today']);
    expect(await names({ lastConference: { when: 'never' } })).toEqual(['Archived', 'Goals', 'Nothing', 'Plan', 'Scheduled']);
  });

  it('follow-ups due: open action items overdue, or due on or before a date (done ones never count)', async () => {
    expect(await names({ followUps: { due: 'overdue' } })).toEqual(['Recent']);
    expect(await names({ followUps: { due: 'by', date: '2026-10-04' } })).toEqual(['Recent']);
    expect(await names({ followUps: { due: 'by', date: '2026-10-05' } })).toEqual(['Recent', 'Spring']);
  });

  it('combines with each other and with the other filters; grade counts follow', async () => {
    expect(await names({ lastConference: { when: 'within', days: 30 }, followUps: { due: 'overdue' } })).toEqual(['Recent']);
    const r = await t.ok<StudentListResult>('wp:students.list', { facts: { lastConference: { when: 'never' } }, search: 'plan' });
    expect(r.rows.map((s) => s.firstName)).toEqual(['Plan']);
    expect(r.gradeCounts).toEqual({ 10: 1 });
  });

  it('refuses a malformed filter, and saved views keep the fact filters', async () => {
    for (const facts of [{ lastConference: { when: 'within', days: 0 } }, { lastConference: { when: 'before' } }, { followUps: { due: 'by', date: '2026-02-30' } }, { hasPlan: true }]) {
      expect(await t.call('wp:students.list', { facts }), JSON.stringify(facts)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const facts: CaseloadFacts = { hasGoals: false, lastConference: { when: 'within', days: 60 }, followUps: { due: 'overdue' } };
    await t.ok('wp:caseloadViews.save', { name: 'Overdue follow-ups', query: { facts } });
    const [view] = await t.ok<CaseloadView[]>('wp:caseloadViews.list');
    expect(view.query.facts).toEqual(facts);
  });
});
