import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { ConferenceConsoleView, ConferenceHistoryRow, ConferenceRecord, FollowUpList, StartOptions } from '../../../shared/ipc/contract';
import { ChromiumPdf } from '../../testing/chromiumPdf';
import { extractPdfText } from '../../testing/pdfText';
import { ANA, ATTENDEES, conferenceTestCore } from './testSetup';

const pdf = new ChromiumPdf();
afterAll(() => pdf.close());

let t: Awaited<ReturnType<typeof conferenceTestCore>>;
let studentId: number;

beforeEach(async () => {
  t = await conferenceTestCore({ pdf });
  studentId = (await t.ok<{ id: number }>('wp:students.create', ANA)).id;
});
afterEach(() => t.dispose());

async function start(extra: Record<string, unknown> = {}): Promise<ConferenceRecord> {
  return t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage: 'es', attendees: ATTENDEES, locale: 'en', ...extra });
}
const attendee = (r: ConferenceRecord, role: string) => r.attendees.find((a) => a.role === role)!;

describe('starting a conference', () => {
  it('starts now with the grade-9 PGP agenda in both languages, attendees in order, and an audit entry without names', async () => {
    const r = await start();
    expect(r.conference).toMatchObject({ status: 'in_progress', purpose: 'pgp_review', familyLanguage: 'es', agendaTemplateId: 'pgp-grade9', startedAt: '2026-10-01T15:00:00.000Z' });
    expect(r.attendees.map((a) => [a.role, a.name])).toEqual(ATTENDEES.map((a) => [a.role, a.name]));
    expect(r.agenda[0].text).toBe('Welcome and introductions: who is here and why we are meeting');
    expect(r.agenda.find((a) => a.templateKey === 'pgp-grade9/language_access')?.visibility).toBe('private');
    const es = await t.ok<ConferenceConsoleView>('wp:conferences.open', { id: r.conference.id, locale: 'es' });
    expect(es.record.agenda[0].text).toBe('Bienvenida y presentaciones: quiénes están aquí y por qué nos reunimos');
    const audit = t.db().prepare(`SELECT action, summary FROM audit_events WHERE entity_type = 'conference' ORDER BY id`).all() as { action: string; summary: string | null }[];
    expect(audit[0]).toEqual({ action: 'conference.start', summary: 'purpose=pgp_review; attendees=5; template=pgp-grade9' });
    expect(JSON.stringify(audit)).not.toMatch(/Peña|José|Whitfield/);
  });

  it('offers each purpose’s agenda and remembers the counselor’s name from the last conference', async () => {
    const before = await t.ok<StartOptions>('wp:conferences.startOptions', { studentId, locale: 'es' });
    expect(before.lastCounselorName).toBeNull();
    // No guardians on this student's record yet (the student record answers, with nobody).
    expect(before.guardians).toEqual({ status: 'available', data: [] });
    expect(before.agendas.find((a) => a.purpose === 'financial_aid')?.items.some((i) => /FAFSA o la TASFA/.test(i.text))).toBe(true);
    const r = await start();
    const after = await t.ok<StartOptions>('wp:conferences.startOptions', { studentId, locale: 'en' });
    expect(after.lastCounselorName).toBe('Dana Whitfield');
    expect(after.inProgressId).toBe(r.conference.id);
  });

  it('refuses a second conference in progress for the same student, and bad input, without writing', async () => {
    await start();
    expect(await t.call('wp:conferences.start', { studentId, purpose: 'test_results', familyLanguage: 'en', attendees: ATTENDEES, locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'already-in-progress' } },
    });
    expect(await t.call('wp:conferences.start', { studentId, purpose: 'other', familyLanguage: 'en', attendees: ATTENDEES, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage: 'fr', attendees: [], locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const long = 'x'.repeat(121);
    expect(await t.call('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage: 'en', attendees: [{ role: 'guardian', name: long }], locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((t.db().prepare('SELECT count(*) AS n FROM conferences').get() as { n: number }).n).toBe(1);
  });

  it('schedules for later, begins, or cancels', async () => {
    const s = await start({ scheduledFor: '2026-10-08T09:30' });
    expect(s.conference).toMatchObject({ status: 'scheduled', startedAt: null, scheduledFor: '2026-10-08T09:30' });
    expect(await t.call('wp:conferences.addNote', { conferenceId: s.conference.id, kind: 'parent', body: 'x', locale: 'en' })).toMatchObject({ ok: false, error: { details: { reason: 'not-in-progress' } } });
    const begun = await t.ok<ConferenceRecord>('wp:conferences.begin', { id: s.conference.id, version: s.conference.version, locale: 'en' });
    expect(begun.conference.status).toBe('in_progress');
    const other = await start({ scheduledFor: '2026-11-01T10:00', purpose: 'course_selection' });
    expect(other.conference.agendaTemplateId).toBe('course-selection');
    const cancelled = await t.ok<ConferenceRecord>('wp:conferences.cancel', { id: other.conference.id, version: other.conference.version, locale: 'en' });
    expect(cancelled.conference.status).toBe('cancelled');
  });
});

describe('during the conference', () => {
  it('keeps private notes private, lets parent notes be shared, and refuses stale edits', async () => {
    const r = await start();
    const id = r.conference.id;
    let rec = await t.ok<ConferenceRecord>('wp:conferences.addNote', { conferenceId: id, kind: 'general', body: 'Seems anxious about math.\nFollow up.', locale: 'en' });
    expect(rec.notes[0]).toMatchObject({ kind: 'general', visibility: 'private', body: 'Seems anxious about math.\nFollow up.' });
    expect(await t.call('wp:conferences.addNote', { conferenceId: id, kind: 'general', visibility: 'family', body: 'x', locale: 'en' })).toMatchObject({ ok: false, error: { details: { reason: 'private-note' } } });
    rec = await t.ok<ConferenceRecord>('wp:conferences.addNote', { conferenceId: id, kind: 'parent', body: '¿Puede tomar Álgebra I en el grado 8?', locale: 'en' });
    const parent = rec.notes.find((n) => n.kind === 'parent')!;
    expect(parent.visibility).toBe('private'); // private until the counselor shares it
    rec = await t.ok<ConferenceRecord>('wp:conferences.updateNote', { id: parent.id, version: parent.version, changes: { visibility: 'family' }, locale: 'en' });
    expect(rec.notes.find((n) => n.id === parent.id)).toMatchObject({ visibility: 'family', version: 2 });
    expect(await t.call('wp:conferences.updateNote', { id: parent.id, version: 1, changes: { body: 'overwrite' }, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const stored = t.db().prepare('SELECT student_id, kind, visibility, conference_id FROM notes WHERE id = ?').get(parent.id);
    expect(stored).toEqual({ student_id: studentId, kind: 'parent', visibility: 'family', conference_id: id });
    expect(await t.call('wp:conferences.addNote', { conferenceId: id, kind: 'parent', body: 'y'.repeat(20_001), locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('records decisions with who agreed, only from this conference’s attendees', async () => {
    const r = await start();
    const id = r.conference.id;
    const agreed = [attendee(r, 'student').id, r.attendees.filter((a) => a.role === 'guardian')[1].id];
    let rec = await t.ok<ConferenceRecord>('wp:conferences.addDecision', { conferenceId: id, decision: { kind: 'endorsement', what: 'Sofi will pursue the STEM endorsement', endorsement: 'stem', agreedBy: agreed }, locale: 'en' });
    expect(rec.decisions[0]).toMatchObject({ kind: 'endorsement', endorsement: 'stem', agreedBy: [...agreed].sort((a, b) => a - b) });
    const other = await t.ok<{ id: number }>('wp:students.create', { firstName: 'Otro', lastName: 'Estudiante' });
    const foreign = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId: other.id, purpose: 'other', title: 'Check-in', familyLanguage: 'en', attendees: [{ role: 'guardian', name: 'Someone Else' }], locale: 'en' });
    expect(
      await t.call('wp:conferences.addDecision', { conferenceId: id, decision: { kind: 'other', what: 'x', agreedBy: [foreign.attendees[0].id] }, locale: 'en' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'attendee-not-here' } } });
    expect(await t.call('wp:conferences.addDecision', { conferenceId: id, decision: { kind: 'other', what: 'x', endorsement: 'stem' }, locale: 'en' })).toMatchObject({ ok: false, error: { details: { reason: 'kind-field' } } });
    // Someone who agreed cannot be dropped from the attendance silently.
    expect(await t.call('wp:conferences.removeAttendee', { id: agreed[0], locale: 'en' })).toMatchObject({ ok: false, error: { details: { reason: 'attendee-agreed' } } });
    rec = await t.ok<ConferenceRecord>('wp:conferences.updateDecision', { id: rec.decisions[0].id, version: 1, changes: { kind: 'other', agreedBy: [agreed[1]] }, locale: 'en' });
    expect(rec.decisions[0]).toMatchObject({ kind: 'other', endorsement: null, agreedBy: [agreed[1]], version: 2 });
    rec = await t.ok<ConferenceRecord>('wp:conferences.removeAttendee', { id: agreed[0], locale: 'en' });
    expect(rec.attendees).toHaveLength(4);
  });

  it('assigns action items to attendees or to someone typed, and keeps owner names current', async () => {
    const r = await start();
    const id = r.conference.id;
    const dad = r.attendees.find((a) => a.name === 'José Peña')!;
    let rec = await t.ok<ConferenceRecord>('wp:conferences.addActionItem', { conferenceId: id, item: { text: 'Sign the PGP form', ownerAttendeeId: dad.id, dueDate: '2026-10-15' }, locale: 'en' });
    rec = await t.ok<ConferenceRecord>('wp:conferences.addActionItem', { conferenceId: id, item: { text: 'Ask the registrar about credit by exam', ownerName: 'Ms. Okafor (registrar)', visibility: 'private' }, locale: 'en' });
    expect(rec.actionItems.map((a) => [a.text, a.ownerName, a.ownerRole, a.visibility])).toEqual([
      ['Sign the PGP form', 'José Peña', 'guardian', 'family'],
      ['Ask the registrar about credit by exam', 'Ms. Okafor (registrar)', null, 'private'],
    ]);
    rec = await t.ok<ConferenceRecord>('wp:conferences.updateAttendee', { id: dad.id, changes: { name: 'José Luis Peña' }, locale: 'en' });
    expect(rec.actionItems[0].ownerName).toBe('José Luis Peña');
    expect(await t.call('wp:conferences.addActionItem', { conferenceId: id, item: { text: 'x', dueDate: '2026-02-30' }, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('opens everything the screen needs in one call, with the other concerns’ data (none recorded yet)', async () => {
    const r = await start();
    const view = await t.ok<ConferenceConsoleView>('wp:conferences.open', { id: r.conference.id, locale: 'en' });
    expect(view.student).toMatchObject({ firstName: 'Ana Sofía', preferredName: 'Sofi', gradeLevel: '09', campusName: 'Cedar Ridge High School' });
    expect(view.sources).toEqual({
      guardians: { status: 'available', data: [] },
      goals: { status: 'available', data: [] },
      tests: { status: 'available', data: { collegeReadiness: null, cards: [] } },
      scenarios: { status: 'available', data: [] },
      comparison: null,
    });
    expect(view.presentation).toMatchObject({ conferenceId: null, hidden: false, familyWindow: 'closed', displays: 1 });
    expect(t.db().prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'conference.open'`).get()).toEqual({ n: 1 });
  });
});

describe('ending the conference', () => {
  async function runConference() {
    const r = await start();
    const id = r.conference.id;
    const done = r.agenda.slice(0, 4);
    for (const a of done) await t.ok('wp:conferences.updateAgendaItem', { id: a.id, changes: { done: true }, locale: 'en' });
    await t.ok('wp:conferences.addDecision', { conferenceId: id, decision: { kind: 'endorsement', what: 'Sofi seguirá el endoso STEM', endorsement: 'stem', agreedBy: r.attendees.slice(0, 3).map((a) => a.id) }, locale: 'en' });
    await t.ok('wp:conferences.addActionItem', { conferenceId: id, item: { text: 'Firmar el plan de graduación', ownerAttendeeId: r.attendees[1].id, dueDate: '2026-10-15' }, locale: 'en' });
    await t.ok('wp:conferences.addNote', { conferenceId: id, kind: 'parent', visibility: 'family', body: '¿Qué sigue después del grado 9?', locale: 'en' });
    return t.ok<ConferenceRecord>('wp:conferences.open', { id, locale: 'en' }).then((v) => (v as unknown as ConferenceConsoleView).record);
  }

  it('makes the family summary in the family’s language, stores it in the vault, and closes the shared record', async () => {
    const r = await runConference();
    t.clock.advance(45 * 60_000);
    const ended = await t.ok<ConferenceRecord>('wp:conferences.end', { id: r.conference.id, version: r.conference.version, nextMeetingDate: '2027-03-04', nextMeetingNote: 'Revisar las solicitudes de cursos', locale: 'en' });
    expect(ended.conference).toMatchObject({ status: 'ended', endedAt: '2026-10-01T15:45:00.000Z', nextMeetingDate: '2027-03-04' });
    expect(ended.summaries).toEqual([expect.objectContaining({ locale: 'es', includesAcknowledgement: false })]);
    const blob = t.db().prepare('SELECT pdf, byte_length FROM conference_summaries').get() as { pdf: Buffer; byte_length: number };
    expect(blob.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(blob.pdf.length).toBe(blob.byte_length);
    const text = await extractPdfText(blob.pdf);
    expect(ended.summaries[0].pages).toBe(text.pages.length);
    for (const s of ['Resumen de la reunión', 'Quiénes asistieron', 'José Peña', 'Lucía Ibáñez de Peña', 'Sofi seguirá el endoso STEM', '¿Qué sigue?', 'Firmar el plan de graduación', '¿Qué sigue después del grado 9?', 'Revisar las solicitudes de cursos']) {
      expect(text.all, s).toContain(s);
    }
    expect(text.all).toMatch(/4 de marzo de 2027/);

    // The shared record is closed; private notes and follow-ups stay open.
    const id = r.conference.id;
    expect(await t.call('wp:conferences.addDecision', { conferenceId: id, decision: { kind: 'other', what: 'late' }, locale: 'en' })).toMatchObject({ ok: false, error: { details: { reason: 'conference-ended' } } });
    expect(await t.call('wp:conferences.addNote', { conferenceId: id, kind: 'parent', body: 'late', locale: 'en' })).toMatchObject({ ok: false, error: { details: { reason: 'conference-ended' } } });
    expect(await t.call('wp:conferences.updateAgendaItem', { id: r.agenda[5].id, changes: { done: true }, locale: 'en' })).toMatchObject({ ok: false });
    expect(await t.call('wp:conferences.remove', { id, version: ended.conference.version, locale: 'en' })).toMatchObject({ ok: false, error: { details: { reason: 'conference-ended' } } });
    await t.ok('wp:conferences.addNote', { conferenceId: id, kind: 'general', body: 'Reflection after the meeting', locale: 'en' });
    const item = ended.actionItems[0];
    const after = await t.ok<ConferenceRecord>('wp:conferences.updateActionItem', { id: item.id, version: item.version, changes: { done: true }, locale: 'en' });
    expect(after.actionItems[0]).toMatchObject({ done: true, doneAt: '2026-10-01T15:45:00.000Z' });
  });

  it('changes nothing when the PDF cannot be made', async () => {
    await t.dispose();
    t = await conferenceTestCore({ pdf: { render: async () => Promise.reject(new Error('printing failed')) } });
    studentId = (await t.ok<{ id: number }>('wp:students.create', ANA)).id;
    const r = await start();
    const env = await t.call('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' });
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { reason: 'pdf' } } });
    expect(t.db().prepare('SELECT status, version FROM conferences').get()).toEqual({ status: 'in_progress', version: r.conference.version });
    expect(t.db().prepare('SELECT count(*) AS n FROM conference_summaries').get()).toEqual({ n: 0 });
  });

  it('records the typed acknowledgement once, in a new copy of the summary, and saves a copy through the dialog', async () => {
    const r = await runConference();
    const ended = await t.ok<ConferenceRecord>('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' });
    const acked = await t.ok<ConferenceRecord>('wp:conferences.acknowledge', { conferenceId: r.conference.id, names: ['Lucía Ibáñez de Peña', '  José   Peña '], date: '2026-10-01', locale: 'en' });
    expect(acked.acknowledgement).toMatchObject({ names: ['Lucía Ibáñez de Peña', 'José Peña'], date: '2026-10-01' });
    expect(acked.summaries[0]).toMatchObject({ locale: 'es', includesAcknowledgement: true });
    expect(acked.summaries).toHaveLength(2); // the first copy is kept
    const latest = t.db().prepare('SELECT pdf FROM conference_summaries WHERE id = ?').get(acked.summaries[0].id) as { pdf: Buffer };
    expect((await extractPdfText(latest.pdf)).all).toMatch(/Lucía Ibáñez de Peña y José Peña/);
    expect(await t.call('wp:conferences.acknowledge', { conferenceId: r.conference.id, names: ['Again'], date: '2026-10-01', locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'already-acknowledged' } },
    });

    const copy = await t.ok<ConferenceRecord>('wp:conferences.summaryCopy', { conferenceId: r.conference.id, summaryLocale: 'en', locale: 'en' });
    expect(copy.summaries[0]).toMatchObject({ locale: 'en', includesAcknowledgement: true });
    const english = t.db().prepare('SELECT pdf FROM conference_summaries WHERE id = ?').get(copy.summaries[0].id) as { pdf: Buffer };
    expect((await extractPdfText(english.pdf)).all).toMatch(/Conference summary[\s\S]*Who attended[\s\S]*José Peña — Padre/);

    const target = join(tmpdir(), `waypoint-summary-${process.pid}.pdf`);
    rmSync(target, { force: true });
    expect(await t.ok('wp:conferences.saveSummary', { id: ended.summaries[0].id })).toEqual({ saved: false, path: null }); // cancelled
    t.core.dialogs.saveFiles['export-pdf'] = [target];
    expect(await t.ok('wp:conferences.saveSummary', { id: ended.summaries[0].id })).toEqual({ saved: true, path: target });
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    rmSync(target);
    expect(existsSync(target)).toBe(false);
    expect(t.db().prepare(`SELECT summary FROM audit_events WHERE action = 'conference.summary_export'`).all()).toEqual([{ summary: 'locale=es' }]);
  });

  it('deletes a conference that has not ended, with the notes taken in it', async () => {
    const r = await start();
    await t.ok('wp:conferences.addNote', { conferenceId: r.conference.id, kind: 'general', body: 'private thought', locale: 'en' });
    await t.ok('wp:conferences.remove', { id: r.conference.id, version: r.conference.version, locale: 'en' });
    expect(t.db().prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
    expect(t.db().prepare('SELECT count(*) AS n FROM conference_agenda_items').get()).toEqual({ n: 0 });
    expect(t.db().prepare(`SELECT summary FROM audit_events WHERE action = 'conference.delete'`).get()).toEqual({ summary: 'status=in_progress' });
  });
});

describe('history and follow-ups', () => {
  it('lists a student’s conferences newest first with counts', async () => {
    const a = await start({ scheduledFor: '2026-12-01T10:00', purpose: 'course_selection' });
    t.clock.advance(60_000);
    const b = await start();
    await t.ok('wp:conferences.addActionItem', { conferenceId: b.conference.id, item: { text: 'Open item' }, locale: 'en' });
    const rows = await t.ok<ConferenceHistoryRow[]>('wp:conferences.history', { studentId });
    expect(rows.map((r) => r.id)).toEqual([a.conference.id, b.conference.id]); // the planned December meeting sorts first
    expect(rows[1]).toMatchObject({ status: 'in_progress', openActionItems: 1, decisions: 0, hasSummary: false, attendeeNames: ATTENDEES.map((x) => x.name) });
  });

  it('finds action items due across the caseload by bucket, calendar dates in local time', async () => {
    const r = await start();
    const id = r.conference.id;
    const items: [string, string | null][] = [
      ['Overdue call', '2026-09-28'],
      ['Due today', '2026-10-01'],
      ['Due in a week', '2026-10-07'],
      ['Later', '2026-11-20'],
      ['No date', null],
    ];
    for (const [text, dueDate] of items) await t.ok('wp:conferences.addActionItem', { conferenceId: id, item: { text, dueDate }, locale: 'en' });
    const list = (bucket: string, extra = {}) => t.ok<FollowUpList>('wp:conferences.followUps', { bucket, ...extra });
    const overdue = await list('overdue');
    expect(overdue.today).toBe('2026-10-01');
    expect(overdue.rows.map((x) => x.text)).toEqual(['Overdue call']);
    expect(overdue.counts).toEqual({ overdue: 1, week: 2, open: 5, done: 0 });
    expect((await list('week')).rows.map((x) => x.text)).toEqual(['Due today', 'Due in a week']);
    expect((await list('open')).rows.map((x) => x.text)).toEqual(['Overdue call', 'Due today', 'Due in a week', 'Later', 'No date']);
    const first = overdue.rows[0];
    expect(first).toMatchObject({ student: { id: studentId, preferredName: 'Sofi' }, conference: { id, purpose: 'pgp_review' } });
    await t.ok('wp:conferences.updateActionItem', { id: first.id, version: first.version, changes: { done: true }, locale: 'en' });
    expect((await list('done')).rows.map((x) => x.text)).toEqual(['Overdue call']);
    expect((await list('open', { search: 'pena sofi' })).total).toBe(4);
    expect((await list('open', { search: 'nobody' })).total).toBe(0);
    expect((await list('open', { pageSize: 2, page: 1 })).rows.map((x) => x.text)).toEqual(['Later', 'No date']);
  });

  it('does not count an overdue item as due in the next 7 days', async () => {
    const r = await start();
    await t.ok('wp:conferences.addActionItem', { conferenceId: r.conference.id, item: { text: 'Overdue call', dueDate: '2026-09-28' }, locale: 'en' });
    await t.ok('wp:conferences.addActionItem', { conferenceId: r.conference.id, item: { text: 'Next month', dueDate: '2026-11-02' }, locale: 'en' });
    const week = await t.ok<FollowUpList>('wp:conferences.followUps', { bucket: 'week' });
    expect(week.counts).toMatchObject({ overdue: 1, week: 0, open: 2 });
    expect(week.total).toBe(0);
    expect(week.rows).toEqual([]);
    const overdue = await t.ok<FollowUpList>('wp:conferences.followUps', { bucket: 'overdue' });
    expect(overdue.rows.map((x) => x.text)).toEqual(['Overdue call']);
  });
});

describe('the family window’s reach', () => {
  it('may call only family operations', async () => {
    const r = await start();
    for (const [channel, input] of [
      ['wp:conferences.open', { id: r.conference.id, locale: 'en' }],
      ['wp:conferences.history', { studentId }],
      ['wp:conferences.followUps', {}],
      ['wp:presentation.state', undefined],
      ['wp:presentation.setHidden', { hidden: false }],
      ['wp:presentation.show', { conferenceId: r.conference.id }],
    ] as const) {
      expect(await t.call(channel, input, 'family'), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await t.call('wp:family.view', undefined, 'family')).toMatchObject({ ok: true, value: { state: 'idle' } });
  });
});
