import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConferenceRecord, FamilySnapshot, PresentationState } from '../../../shared/ipc/contract';
import { available } from '../../../shared/ipc/contract/conferenceSources';
import { TestDisplays } from '../../testing/displays';
import { ANA, ATTENDEES, conferenceTestCore } from './testSetup';

let t: Awaited<ReturnType<typeof conferenceTestCore>>;
let displays: TestDisplays;
let conferenceId: number;

beforeEach(async () => {
  displays = new TestDisplays();
  t = await conferenceTestCore({ displays, pdf: { render: async () => new Uint8Array() } });
  const studentId = (await t.ok<{ id: number }>('wp:students.create', ANA)).id;
  const r = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage: 'es', attendees: ATTENDEES, locale: 'en' });
  conferenceId = r.conference.id;
});
afterEach(() => t.dispose());

describe('presentation', () => {
  it('opens the family window only with a second display, and notices when the projector is unplugged', async () => {
    await t.ok('wp:presentation.show', { conferenceId });
    expect(await t.ok<PresentationState>('wp:presentation.openFamilyWindow')).toMatchObject({ familyWindow: 'closed', displays: 1 });
    expect(displays.familyOpen).toBe(false);
    displays.setCount(2);
    expect(await t.ok<PresentationState>('wp:presentation.openFamilyWindow')).toMatchObject({ familyWindow: 'open', displays: 2 });
    t.core.events.emitted.length = 0;
    displays.setCount(1);
    expect(displays.familyOpen).toBe(false);
    // The console hears about it without asking (console-only event).
    expect(t.core.events.emitted).toContainEqual({ name: 'presentation.changed', payload: expect.objectContaining({ familyWindow: 'closed', displays: 1 }) });
  });

  it('resets on lock: family window closed, presenter mode off, family screen idle', async () => {
    displays.setCount(2);
    await t.ok('wp:presentation.show', { conferenceId });
    await t.ok('wp:presentation.openFamilyWindow');
    await t.ok('wp:presentation.setPresenter', { on: true });
    expect(displays.consoleFullScreen).toBe(true);
    await t.core.ctx.vault.lock('idle');
    expect(displays.familyOpen).toBe(false);
    expect(displays.consoleFullScreen).toBe(false);
    expect(t.core.services.presentation.state()).toMatchObject({ conferenceId: null, hidden: false, presenter: false });
    expect(t.core.services.presentation.familyView().state).toBe('idle');
  });

  it('shows only conferences that are running or ended, and panels only of the conference shown', async () => {
    const scheduled = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId: (await t.ok<{ id: number }>('wp:students.create', { firstName: 'Later', lastName: 'One' })).id, purpose: 'other', title: 'Check-in', familyLanguage: 'en', attendees: ATTENDEES, scheduledFor: '2026-11-02T10:00', locale: 'en' });
    expect(await t.call('wp:presentation.show', { conferenceId: scheduled.conference.id })).toMatchObject({ ok: false, error: { details: { reason: 'not-in-progress' } } });
    expect(await t.call('wp:presentation.focus', { conferenceId, focus: 'goals' })).toMatchObject({ ok: false, error: { details: { reason: 'not-presented' } } });
    await t.ok('wp:presentation.show', { conferenceId });
    expect(await t.call('wp:presentation.compare', { conferenceId, scenarioIds: [4] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await t.ok('wp:presentation.clear');
    expect((await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family')).state).toBe('idle');
  });

  it('builds the family panels from the sources seam, in the family’s language', async () => {
    const asked: string[] = [];
    Object.assign(t.core.services.conferenceSources, {
      familyGoals: (studentId: number, locale: string) => {
        asked.push(`goals ${studentId} ${locale}`);
        return available([{ id: 1, area: 'Educativa', statement: 'Graduarse con el endoso STEM', status: 'En curso', tone: 'active', targetDate: null, measureOfSuccess: null, steps: [], progress: null, helpedBy: [], hinderedBy: [] }]);
      },
      planScenarios: () => available([7, 9].map((id) => ({ id, name: `Plan ${id}`, isActive: id === 7, updatedAt: '2026-09-01T00:00:00Z' }))),
      scenarioComparison: (_s: number, ids: number[], locale: string) => {
        asked.push(`compare ${ids.join(',')} ${locale}`);
        return available({ ruleSet: { name: 'Texas', uncertainNote: null }, scenarios: [], differences: [] });
      },
    });
    await t.ok('wp:presentation.show', { conferenceId });
    await t.ok('wp:presentation.focus', { conferenceId, focus: 'goals' });
    const goals = await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family');
    expect(goals.state === 'live' && goals.view.panel).toEqual({ kind: 'goals', goals: { status: 'available', data: [expect.objectContaining({ statement: 'Graduarse con el endoso STEM' })] } });
    await t.ok('wp:presentation.compare', { conferenceId, scenarioIds: [7, 9] });
    const plan = await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family');
    expect(plan.state === 'live' && plan.view.panel.kind).toBe('plan');
    expect(asked).toContain('compare 7,9 es');
    expect(asked.every((a) => a.endsWith(' es'))).toBe(true);
  });

  it('hands scenario decisions to the course-plan seam when the conference ends, inside the same transaction', async () => {
    const choices: unknown[] = [];
    Object.assign(t.core.services.conferenceSources, {
      planScenarios: () => available([11, 12, 99].map((id) => ({ id, name: `Plan ${id}`, isActive: id === 11, updatedAt: '2026-09-01T00:00:00Z' }))),
      scenarioComparison: () => available({ ruleSet: { name: 'Texas', uncertainNote: null }, scenarios: [], differences: [] }),
      recordScenarioChoice: (c: unknown) => {
        choices.push(c);
        return available(undefined);
      },
    });
    const view = await t.ok<{ record: ConferenceRecord }>('wp:conferences.open', { id: conferenceId, locale: 'en' });
    const [student, dad] = view.record.attendees;
    await t.ok('wp:conferences.addDecision', { conferenceId, decision: { kind: 'scenario', what: 'Adopt the Business & Industry plan', scenarioId: 12, agreedBy: [student.id, dad.id] }, locale: 'en' });
    const again = await t.ok<{ record: ConferenceRecord }>('wp:conferences.open', { id: conferenceId, locale: 'en' });
    await t.ok('wp:conferences.end', { id: conferenceId, version: again.record.conference.version, locale: 'en' });
    expect(choices).toEqual([{ studentId: again.record.conference.studentId, scenarioId: 12, agreedBy: [{ name: student.name, role: 'student', detail: null }, { name: dad.name, role: 'guardian', detail: 'Padre' }], decidedOn: '2026-10-01', conferenceId }]);

    // A seam that refuses leaves the conference running and nothing stored.
    const r2 = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId: (await t.ok<{ id: number }>('wp:students.create', { firstName: 'Refused', lastName: 'Plan' })).id, purpose: 'course_selection', familyLanguage: 'en', attendees: ATTENDEES, locale: 'en' });
    const r2Student = r2.attendees[0].id;
    await t.ok('wp:conferences.addDecision', { conferenceId: r2.conference.id, decision: { kind: 'scenario', what: 'x', scenarioId: 99, agreedBy: [r2Student] }, locale: 'en' });
    Object.assign(t.core.services.conferenceSources, {
      recordScenarioChoice: () => {
        throw new Error('scenario 99 does not exist');
      },
    });
    const v2 = await t.ok<{ record: ConferenceRecord }>('wp:conferences.open', { id: r2.conference.id, locale: 'en' });
    expect(await t.call('wp:conferences.end', { id: r2.conference.id, version: v2.record.conference.version, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(t.db().prepare('SELECT status FROM conferences WHERE id = ?').get(r2.conference.id)).toEqual({ status: 'in_progress' });
    expect(t.db().prepare('SELECT count(*) AS n FROM conference_summaries WHERE conference_id = ?').get(r2.conference.id)).toEqual({ n: 0 });
  });
});
