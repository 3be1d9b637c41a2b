import type { BenchGroup, Figures } from '../lib';
import { benchCore, percentile, round, time } from '../lib';
import { syntheticStudents } from '../../e2e/fixtures/syntheticStudents';
import { ChromiumPdf } from '../../electron/testing/chromiumPdf';
import type { ConferenceRecord } from '../../shared/ipc/contract';

const ATTENDEES = [
  { role: 'student', name: 'Student Name' },
  { role: 'guardian', name: 'Guardian One', detail: 'Mother' },
  { role: 'guardian', name: 'Guardian Two', detail: 'Father' },
  { role: 'teacher', name: 'Teacher Name', detail: 'Algebra I' },
  { role: 'counselor', name: 'Counselor Name' },
];

/**
 * conference.open.p95_ms: everything the conference screen needs, one handler call
 * (`conferences.open`), in a 10,000-student vault holding 2,000 conferences with agendas,
 * notes, decisions and action items. conference.summaryPdf.ms: ending a conference —
 * family record → HTML → PDF (Chromium via Playwright, the Debian chromium here) → stored
 * in the vault — median of 10 after a warm-up.
 */
export const conferenceBench: BenchGroup = {
  names: ['conference.open.p95_ms', 'conference.summaryPdf.ms'],
  async run(): Promise<Figures> {
    const { core, dispose } = await benchCore();
    // The test core renders PDFs with Chromium through Playwright (launched on first use).
    const pdf = core.pdf as ChromiumPdf;
    try {
      const ids = core.services.students.createMany(syntheticStudents(10_000, 77));
      const call = async <T>(channel: string, input: unknown): Promise<T> => {
        const env = await core.dispatch(`wp:conferences.${channel}`, input, { scope: 'console' });
        if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.message}`);
        return env.value as T;
      };
      const conferences: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const studentId = ids[(i * 5) % ids.length];
        const r = await call<ConferenceRecord>('start', { studentId, purpose: i % 3 ? 'pgp_review' : 'course_selection', familyLanguage: i % 2 ? 'es' : 'en', attendees: ATTENDEES, locale: 'en' });
        const id = r.conference.id;
        for (const a of r.agenda.slice(0, 6)) await call('updateAgendaItem', { id: a.id, changes: { done: true }, locale: 'en' });
        for (let n = 0; n < 4; n++) await call('addNote', { conferenceId: id, kind: n % 2 ? 'parent' : 'general', visibility: n === 3 ? 'family' : 'private', body: `Note ${n} taken during the meeting.\nSecond line with more detail about what was said.`, locale: 'en' });
        await call('addDecision', { conferenceId: id, decision: { kind: 'endorsement', what: 'Pursue the STEM endorsement', endorsement: 'stem', agreedBy: r.attendees.slice(0, 3).map((a) => a.id) }, locale: 'en' });
        await call('addDecision', { conferenceId: id, decision: { kind: 'course_requests', what: 'Request Algebra I, Biology and Spanish I', agreedBy: [r.attendees[0].id] }, locale: 'en' });
        for (let k = 0; k < 3; k++) await call('addActionItem', { conferenceId: id, item: { text: `Follow-up ${k}`, ownerAttendeeId: r.attendees[k].id, dueDate: `2026-1${k}-15` }, locale: 'en' });
        conferences.push(id);
      }
      const open = async (id: number) => call('open', { id, locale: 'en' });
      for (let i = 0; i < 50; i++) await open(conferences[i]);
      const samples: number[] = [];
      for (let i = 0; i < 500; i++) {
        const id = conferences[Math.floor(Math.random() * conferences.length)];
        const { ms } = await time(() => open(id));
        samples.push(ms);
      }

      const pdfRuns: number[] = [];
      for (let i = 0; i < 11; i++) {
        const id = conferences[conferences.length - 1 - i];
        const view = await call<{ record: ConferenceRecord }>('open', { id, locale: 'en' });
        const { ms } = await time(() => call('end', { id, version: view.record.conference.version, nextMeetingDate: '2027-03-04', locale: 'en' }));
        if (i > 0) pdfRuns.push(ms); // the first run starts Chromium
      }
      return {
        'conference.open.p95_ms': round(percentile(samples, 95)),
        'conference.summaryPdf.ms': round(percentile(pdfRuns, 50), 1),
      };
    } finally {
      await dispose();
      await pdf.close();
    }
  },
};
