import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConferenceRecord, FamilySnapshot } from '../../../shared/ipc/contract';
import { FAMILY_PANELS } from '../../../shared/ipc/contract';
import { eventReaches } from '../../../shared/ipc/channels';
import { ChromiumPdf } from '../../testing/chromiumPdf';
import { extractPdfText } from '../../testing/pdfText';
import { ANA, ATTENDEES, conferenceTestCore } from './testSetup';
import { SECRETS as CONCERN_SECRETS, SHARED as CONCERN_SHARED, seedAcrossConcerns } from '../../testing/integrationSeed';

/**
 * Private text must never leave the counselor's console: not in any family snapshot, not in
 * any event that reaches the family window, not in the summary's HTML or PDF. Shared text
 * must get there (so this test can fail).
 */
const PRIVATE = {
  note: 'Zephyrine private memo 7731: custody question, do not share',
  parentNote: 'Quillon parent note kept private 4410',
  unshared: 'Brisbury shared then taken back 5521',
  agenda: 'Ostrander private agenda item 9902',
  action: 'Vellacourt private follow-up 3318',
};
const SHARED = { parentNote: 'Mirabel asked about dual credit', agenda: 'Talk about summer programs', action: 'Visit the career center' };

const pdf = new ChromiumPdf();
afterAll(() => pdf.close());

let t: Awaited<ReturnType<typeof conferenceTestCore>>;
beforeEach(async () => {
  t = await conferenceTestCore({ pdf });
});
afterEach(() => t.dispose());

function expectNoPrivateText(where: string, text: string) {
  for (const [what, secret] of Object.entries(PRIVATE)) expect(text.includes(secret), `${what} in ${where}`).toBe(false);
  // The template's counselor-only item ("check the language of plan information") stays private too.
  expect(text.includes('Check that the family has plan information'), `private template item in ${where}`).toBe(false);
  expect(text.includes('Verificar que la familia tenga'), `private template item in ${where}`).toBe(false);
}

describe('privacy of the family view and the family summary', () => {
  it('never lets private text reach the family window or the summary, in either language', async () => {
    for (const familyLanguage of ['en', 'es'] as const) {
      const studentId = (await t.ok<{ id: number }>('wp:students.create', { ...ANA, localId: `P-${familyLanguage}` })).id;
      let r = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage, attendees: ATTENDEES, locale: 'en' });
      const id = r.conference.id;
      await t.ok('wp:presentation.show', { conferenceId: id });
      const add = (ch: string, input: object) => t.ok<ConferenceRecord>(`wp:conferences.${ch}`, { ...input, locale: 'en' });
      await add('addNote', { conferenceId: id, kind: 'general', body: PRIVATE.note });
      await add('addNote', { conferenceId: id, kind: 'parent', body: PRIVATE.parentNote });
      await add('addNote', { conferenceId: id, kind: 'parent', visibility: 'family', body: SHARED.parentNote });
      r = await add('addNote', { conferenceId: id, kind: 'parent', visibility: 'family', body: PRIVATE.unshared });
      const unshared = r.notes.find((n) => n.body === PRIVATE.unshared)!;
      await add('updateNote', { id: unshared.id, version: unshared.version, changes: { visibility: 'private' } });
      await add('addAgendaItem', { conferenceId: id, text: PRIVATE.agenda, visibility: 'private' });
      r = await add('addAgendaItem', { conferenceId: id, text: SHARED.agenda });
      for (const item of r.agenda) await add('updateAgendaItem', { id: item.id, changes: { done: true } });
      await add('addActionItem', { conferenceId: id, item: { text: PRIVATE.action, visibility: 'private', ownerAttendeeId: r.attendees[4].id } });
      await add('addActionItem', { conferenceId: id, item: { text: SHARED.action, ownerAttendeeId: r.attendees[0].id } });
      await add('addDecision', { conferenceId: id, decision: { kind: 'other', what: 'Take Algebra I in grade 9', agreedBy: [r.attendees[0].id, r.attendees[1].id] } });

      // Every panel the counselor can put on the family screen, as the family window asks for it.
      const snapshots: FamilySnapshot[] = [];
      for (const focus of FAMILY_PANELS) {
        await t.ok('wp:presentation.focus', { conferenceId: id, focus });
        snapshots.push(await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family'));
      }
      const view = await t.ok<{ record: ConferenceRecord }>('wp:conferences.open', { id, locale: 'en' });
      await t.ok('wp:conferences.end', { id, version: view.record.conference.version, nextMeetingDate: '2027-01-15', locale: 'en' });
      await t.ok('wp:presentation.focus', { conferenceId: id, focus: 'summary' });
      snapshots.push(await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family'));
      await t.ok('wp:conferences.acknowledge', { conferenceId: id, names: ['José Peña'], date: '2026-10-01', locale: 'en' });
      snapshots.push(await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family'));

      const familyJson = JSON.stringify(snapshots);
      expectNoPrivateText(`family snapshots (${familyLanguage})`, familyJson);
      expect(familyJson).toContain(SHARED.parentNote);
      expect(familyJson).toContain(SHARED.agenda);
      expect(familyJson).toContain(SHARED.action);
      expect(snapshots.every((s) => s.state === 'live')).toBe(true);

      // Events that reach the family window carry a counter and a flag, nothing else.
      const toFamily = t.core.events.emitted.filter((e) => eventReaches(e.name, 'family'));
      expect(toFamily.length).toBeGreaterThan(5);
      for (const e of toFamily) expect(Object.keys(e.payload as object).sort(), e.name).toEqual(e.name === 'family.changed' ? ['hidden', 'revision'] : ['reason']);
      expectNoPrivateText('events to the family window', JSON.stringify(toFamily));

      // Both stored summaries (at the end, and with the acknowledgement): their HTML and their text.
      const pdfs = t.db().prepare('SELECT pdf FROM conference_summaries WHERE conference_id = ?').all(id) as { pdf: Buffer }[];
      expect(pdfs).toHaveLength(2);
      for (const { pdf: bytes } of pdfs) {
        const text = await extractPdfText(bytes);
        expectNoPrivateText(`summary PDF (${familyLanguage})`, text.all);
        expect(text.all).toContain(SHARED.parentNote);
        expect(text.all).toContain(SHARED.action);
      }
      for (const doc of pdf.rendered.splice(0)) expectNoPrivateText('summary HTML', doc.html + doc.footerHtml);
      t.core.events.emitted.length = 0;
    }
  });

  it('never lets another concern’s private data reach the family: private goals and traits, staff notes, plan notes, waivers, marks, recommendations', async () => {
    const seed = await seedAcrossConcerns(t.core, t.ok);
    const expectClean = (where: string, text: string) => {
      for (const [what, secret] of Object.entries(CONCERN_SECRETS)) expect(text.includes(secret), `${what} in ${where}`).toBe(false);
    };
    for (const familyLanguage of ['en', 'es'] as const) {
      const r = await t.ok<ConferenceRecord>('wp:conferences.start', {
        studentId: seed.student.id,
        purpose: 'course_selection',
        familyLanguage,
        attendees: [{ role: 'student', name: 'Marisol Quintanilla' }, { role: 'guardian', name: 'Rosa Ybarra', detail: 'Madre' }, { role: 'counselor', name: 'Dana Whitfield' }],
        locale: 'en',
      });
      const id = r.conference.id;
      await t.ok('wp:presentation.show', { conferenceId: id });
      const snapshots: FamilySnapshot[] = [];
      for (const focus of FAMILY_PANELS) {
        await t.ok('wp:presentation.focus', { conferenceId: id, focus });
        snapshots.push(await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family'));
      }
      await t.ok('wp:presentation.compare', { conferenceId: id, scenarioIds: [seed.activePlanId, seed.scenarioId] });
      snapshots.push(await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family'));
      const view = await t.ok<{ record: ConferenceRecord }>('wp:conferences.open', { id, locale: 'en' });
      await t.ok<ConferenceRecord>('wp:conferences.end', { id, version: view.record.conference.version, locale: 'en' });
      await t.ok('wp:conferences.acknowledge', { conferenceId: id, names: ['Rosa Ybarra'], date: '2026-10-01', locale: 'en' });
      await t.ok('wp:presentation.focus', { conferenceId: id, focus: 'summary' });
      snapshots.push(await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family'));

      const familyJson = JSON.stringify(snapshots);
      expectClean(`family snapshots (${familyLanguage})`, familyJson);
      for (const shared of [CONCERN_SHARED.familyGoal, CONCERN_SHARED.familyStrength, CONCERN_SHARED.scenarioName]) expect(familyJson).toContain(shared);
      expect(familyJson).toContain(familyLanguage === 'es' ? 'Alcanzó 1 de 2 puntos de referencia' : 'Met 1 of 2 benchmarks');
      expectClean('events to the family window', JSON.stringify(t.core.events.emitted.filter((e) => eventReaches(e.name, 'family'))));

      const stored = t.db().prepare('SELECT content FROM conference_reviewed WHERE conference_id = ?').all(id) as { content: string }[];
      expect(stored).toHaveLength(2);
      expectClean('reviewed material kept with the conference', JSON.stringify(stored));
      const pdfs = t.db().prepare('SELECT pdf FROM conference_summaries WHERE conference_id = ?').all(id) as { pdf: Buffer }[];
      expect(pdfs).toHaveLength(2);
      for (const { pdf: bytes } of pdfs) {
        const text = (await extractPdfText(bytes)).all;
        expectClean(`summary PDF (${familyLanguage})`, text);
        for (const shared of [CONCERN_SHARED.familyGoal, CONCERN_SHARED.familyStrength, CONCERN_SHARED.scenarioName]) expect(text, shared).toContain(shared);
        expect(text).toContain(familyLanguage === 'es' ? 'Matemáticas: 400' : 'Math: 400');
      }
      for (const doc of pdf.rendered.splice(0)) expectClean('summary HTML', doc.html + doc.footerHtml);
      t.core.events.emitted.length = 0;
    }
    // The conference the counselor ran did have the private data in the vault all along.
    expect(JSON.stringify(t.db().prepare('SELECT statement FROM goals').all())).toContain(CONCERN_SECRETS.privateGoal);
  });

  it('blanks the family view structurally: a hidden screen receives no content at all', async () => {
    const studentId = (await t.ok<{ id: number }>('wp:students.create', ANA)).id;
    const r = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage: 'en', attendees: ATTENDEES, locale: 'en' });
    await t.ok('wp:presentation.show', { conferenceId: r.conference.id });
    expect((await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family')).state).toBe('live');
    await t.ok('wp:family.hide', undefined, 'family'); // the family window itself may blank
    const hidden = await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family');
    expect(hidden).toEqual({ state: 'hidden', revision: expect.any(Number) });
    expect(JSON.stringify(hidden)).not.toMatch(/Sofi|Peña|Welcome/);
    expect(t.core.events.emitted.at(-2)).toEqual({ name: 'family.changed', payload: { revision: hidden.revision, hidden: true } });
    // …but only the counselor may bring it back.
    expect(await t.call('wp:presentation.setHidden', { hidden: false }, 'family')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.ok('wp:presentation.setHidden', { hidden: false });
    expect((await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family')).state).toBe('live');
    // Locking empties it too.
    await t.core.ctx.vault.lock('user');
    expect(await t.ok<FamilySnapshot>('wp:family.view', undefined, 'family')).toEqual({ state: 'idle', revision: expect.any(Number) });
  });

  it('does not even signal the family window when only private data changes', async () => {
    const studentId = (await t.ok<{ id: number }>('wp:students.create', ANA)).id;
    const r = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage: 'en', attendees: ATTENDEES, locale: 'en' });
    await t.ok('wp:presentation.show', { conferenceId: r.conference.id });
    await t.ok('wp:presentation.focus', { conferenceId: r.conference.id, focus: 'notes' });
    const signals = () => t.core.events.emitted.filter((e) => e.name === 'family.changed').length;
    const before = signals();
    await t.ok('wp:conferences.addNote', { conferenceId: r.conference.id, kind: 'general', body: 'private', locale: 'en' });
    await t.ok('wp:conferences.addNote', { conferenceId: r.conference.id, kind: 'parent', body: 'private parent note', locale: 'en' });
    expect(signals()).toBe(before);
    await t.ok('wp:conferences.addNote', { conferenceId: r.conference.id, kind: 'parent', visibility: 'family', body: 'shared', locale: 'en' });
    expect(signals()).toBe(before + 1);
  });
});
