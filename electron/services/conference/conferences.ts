import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { createTranslator } from '../../../shared/i18n';
import { localIsoDate } from '../../../shared/domain/dates';
import { searchTokens } from '../../../shared/domain/text';
import { agendaTemplateFor } from '../../../shared/domain/conference/agenda';
import { lastDayDueSoon } from '../../../shared/domain/conference/followUps';
import type { DialogPort, PdfPort } from '../../adapters/ports';
import type { RawDatabase } from '../../vault/database';
import type { VaultSession } from '../../vault/vaultManager';
import { recordAudit } from '../../vault/auditLog';
import {
  CONFERENCE_PURPOSES,
  type ConferenceConsoleView,
  type ConferenceHistoryRow,
  type ConferenceRecord,
  type FollowUpList,
  type FollowUpRow,
  type StartOptions,
  acknowledgeInput,
  addActionItemInput,
  addAgendaItemInput,
  addAttendeeInput,
  addDecisionInput,
  addNoteInput,
  endConferenceInput,
  followUpsInput,
  startConferenceInput,
  summaryCopyInput,
  updateActionItemInput,
  updateAgendaItemInput,
  updateAttendeeInput,
  updateConferenceInput,
  updateConferenceDecisionInput,
  updateConferenceNoteInput,
  type SummaryContents,
} from '../../../shared/ipc/contract/conferences';
import type { ConferenceSources } from './sources';
import type { PresentationService } from './presentation';
import { attendeeRows, comparedIds, getConferenceRow, getStudent, readRecord, type ActionRow, type ConferenceRow } from './records';
import { readFamilyRecord, type FamilyRecord, type ReviewedMaterial } from './familyRecord';
import { LOCALES } from '../../../shared/i18n/locales';
import { buildSummaryDocument, pdfPageCount } from './summaryDocument';
import { documentFontFaces } from './fonts';

type In<T extends z.ZodType> = z.output<T>;

export interface ConferencesDeps {
  session: () => VaultSession;
  now: () => Date;
  sources: ConferenceSources;
  presentation: PresentationService;
  pdf: PdfPort;
  dialogs: DialogPort;
  resourcesDir: string;
}

function ended(message = 'This conference has ended; its record is kept as it was.'): never {
  throw new AppError('FORBIDDEN', message, { reason: 'conference-ended' });
}

/**
 * Conferences: start (from a template agenda), run (attendees, agenda, notes, decisions,
 * action items), end (family summary PDF stored in the vault), acknowledge, history and the
 * caseload-wide follow-ups. Every change is audited without copying what was written.
 */
export class ConferencesService {
  constructor(private readonly deps: ConferencesDeps) {}

  private get db(): RawDatabase {
    return this.deps.session().db;
  }

  private ts(): string {
    return this.deps.now().toISOString();
  }

  private audit(action: string, conferenceId: number, summary?: string): void {
    recordAudit(this.db, this.deps.now(), { action: `conference.${action}`, entityType: 'conference', entityId: conferenceId, summary });
  }

  /** Run a change to one conference, then let the family screen catch up if it shows it. */
  private change<T>(conferenceId: number, fn: (c: ConferenceRow) => T): T {
    const result = this.db.transaction(() => fn(getConferenceRow(this.db, conferenceId)))();
    this.deps.presentation.conferenceChanged(conferenceId);
    return result;
  }

  private record(conferenceId: number, locale: Locale): ConferenceRecord {
    return readRecord(this.db, conferenceId, locale);
  }

  private requireVersion(c: ConferenceRow, version: number): void {
    if (c.version !== version) {
      throw new AppError('CONFLICT', 'This conference was changed since you opened it. Reload to see the latest.', { currentVersion: c.version });
    }
  }

  private requireRunning(c: ConferenceRow): void {
    if (c.status === 'ended') ended();
    if (c.status !== 'in_progress') throw new AppError('FORBIDDEN', 'This conference is not in progress.', { reason: 'not-in-progress' });
  }

  private requireNotEnded(c: ConferenceRow): void {
    if (c.status === 'ended') ended();
  }

  private bump(conferenceId: number): void {
    this.db.prepare('UPDATE conferences SET version = version + 1, updated_at = ? WHERE id = ?').run(this.ts(), conferenceId);
  }

  private requireAttendees(conferenceId: number, ids: number[]): void {
    if (ids.length === 0) return;
    const known = new Set(attendeeRows(this.db, conferenceId).map((a) => a.id));
    if (ids.some((id) => !known.has(id))) {
      throw new AppError('VALIDATION', 'Choose people who are listed as attending this conference.', { reason: 'attendee-not-here' });
    }
  }

  private inProgressFor(studentId: number, except?: number): number | null {
    const r = this.db.prepare(`SELECT id FROM conferences WHERE student_id = ? AND status = 'in_progress' AND id != ? ORDER BY id DESC LIMIT 1`).get(studentId, except ?? 0) as
      | { id: number }
      | undefined;
    return r?.id ?? null;
  }

  // ---------------------------------------------------------------------------
  // Starting

  startOptions(studentId: number, locale: Locale): StartOptions {
    const student = getStudent(this.db, studentId);
    const last = this.db
      .prepare(`SELECT a.name FROM conference_attendees a JOIN conferences c ON c.id = a.conference_id WHERE a.role = 'counselor' ORDER BY c.created_at DESC, a.id DESC LIMIT 1`)
      .get() as { name: string } | undefined;
    return {
      student,
      guardians: this.deps.sources.guardians(studentId),
      familyLanguage: this.deps.sources.familyLanguage(studentId),
      lastCounselorName: last?.name ?? null,
      agendas: CONFERENCE_PURPOSES.map((purpose) => {
        const t = agendaTemplateFor(purpose, student.gradeLevel);
        return { purpose, templateId: t.id, title: t.title[locale], items: t.items.map((i) => ({ text: i.text[locale], visibility: i.visibility, uncertain: i.uncertain })) };
      }),
      inProgressId: this.inProgressFor(studentId),
    };
  }

  start(input: In<typeof startConferenceInput>, locale: Locale): ConferenceRecord {
    const db = this.db;
    const id = db.transaction(() => {
      const student = getStudent(db, input.studentId);
      const now = this.ts();
      const startNow = !input.scheduledFor;
      if (startNow && this.inProgressFor(student.id) !== null) {
        throw new AppError('CONFLICT', 'A conference with this student is already in progress.', { reason: 'already-in-progress' });
      }
      const template = agendaTemplateFor(input.purpose, student.gradeLevel);
      const conferenceId = Number(
        db
          .prepare(`INSERT INTO conferences (student_id, purpose, title, family_language, status, scheduled_for, started_at, agenda_template_id, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
          .run(student.id, input.purpose, input.title ?? null, input.familyLanguage, startNow ? 'in_progress' : 'scheduled', input.scheduledFor ?? null, startNow ? now : null, template.id, now, now)
          .lastInsertRowid,
      );
      const addAttendee = db.prepare('INSERT INTO conference_attendees (conference_id, role, name, detail, guardian_id, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      input.attendees.forEach((a, i) => addAttendee.run(conferenceId, a.role, a.name, a.detail ?? null, a.guardianId ?? null, i + 1, now));
      const addItem = db.prepare('INSERT INTO conference_agenda_items (conference_id, position, template_key, template_text, visibility, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      template.items.forEach((item, i) => addItem.run(conferenceId, i + 1, item.key, JSON.stringify(item.text), item.visibility, now));
      recordAudit(db, this.deps.now(), {
        action: startNow ? 'conference.start' : 'conference.schedule',
        entityType: 'conference',
        entityId: conferenceId,
        summary: `purpose=${input.purpose}; attendees=${input.attendees.length}; template=${template.id}`,
      });
      return conferenceId;
    })();
    return this.record(id, locale);
  }

  /** Everything the conference screen needs in one call. */
  open(id: number, locale: Locale): ConferenceConsoleView {
    const record = this.record(id, locale);
    const studentId = record.conference.studentId;
    const student = getStudent(this.db, studentId);
    const { sources, presentation } = this.deps;
    const state = presentation.state();
    const comparison = state.conferenceId === id && state.scenarioIds.length >= 2 ? sources.scenarioComparison(studentId, state.scenarioIds, locale) : null;
    this.audit('open', id);
    return {
      record,
      student,
      sources: {
        guardians: sources.guardians(studentId),
        goals: sources.familyGoals(studentId, locale),
        tests: sources.familyScoreCards(studentId, locale),
        scenarios: sources.planScenarios(studentId),
        comparison,
      },
      presentation: state,
    };
  }

  history(studentId: number): ConferenceHistoryRow[] {
    getStudent(this.db, studentId);
    const rows = this.db
      .prepare(`SELECT c.id, c.purpose, c.title, c.status, c.family_language, c.scheduled_for, c.started_at, c.ended_at, c.next_meeting_date,
          (SELECT group_concat(name, char(31)) FROM (SELECT name FROM conference_attendees WHERE conference_id = c.id ORDER BY position, id)) AS names,
          (SELECT count(*) FROM conference_decisions WHERE conference_id = c.id) AS decisions,
          (SELECT count(*) FROM conference_action_items WHERE conference_id = c.id AND done = 0) AS open_items,
          EXISTS (SELECT 1 FROM conference_summaries WHERE conference_id = c.id) AS has_summary,
          EXISTS (SELECT 1 FROM conference_acknowledgements WHERE conference_id = c.id) AS acknowledged
        FROM conferences c WHERE c.student_id = ?
        ORDER BY coalesce(c.started_at, c.scheduled_for, c.created_at) DESC, c.id DESC`)
      .all(studentId) as {
      id: number;
      purpose: ConferenceHistoryRow['purpose'];
      title: string | null;
      status: ConferenceHistoryRow['status'];
      family_language: Locale;
      scheduled_for: string | null;
      started_at: string | null;
      ended_at: string | null;
      next_meeting_date: string | null;
      names: string | null;
      decisions: number;
      open_items: number;
      has_summary: 0 | 1;
      acknowledged: 0 | 1;
    }[];
    return rows.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      title: r.title,
      status: r.status,
      familyLanguage: r.family_language,
      scheduledFor: r.scheduled_for,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      attendeeNames: r.names ? r.names.split('\u001f') : [],
      decisions: r.decisions,
      openActionItems: r.open_items,
      nextMeetingDate: r.next_meeting_date,
      hasSummary: r.has_summary === 1,
      acknowledged: r.acknowledged === 1,
    }));
  }

  update(input: In<typeof updateConferenceInput>): ConferenceRecord {
    this.change(input.id, (c) => {
      this.requireVersion(c, input.version);
      this.requireNotEnded(c);
      const columns: Record<string, string> = {
        title: 'title',
        familyLanguage: 'family_language',
        scheduledFor: 'scheduled_for',
        nextMeetingDate: 'next_meeting_date',
        nextMeetingNote: 'next_meeting_note',
      };
      const changed = Object.keys(columns).filter((k) => k in input.changes && (input.changes as Record<string, unknown>)[k] !== undefined);
      if (changed.length === 0) return;
      if (c.purpose === 'other' && 'title' in input.changes && !input.changes.title) throw new AppError('VALIDATION', 'Give the conference a title.', { issues: [{ path: ['title'], message: 'Required' }] });
      const sets = changed.map((k) => `${columns[k]} = ?`).join(', ');
      this.db.prepare(`UPDATE conferences SET ${sets}, version = version + 1, updated_at = ? WHERE id = ?`).run(
        ...changed.map((k) => (input.changes as Record<string, unknown>)[k] ?? null),
        this.ts(),
        c.id,
      );
      this.audit('update', c.id, changed.join(','));
    });
    return this.record(input.id, input.locale);
  }

  begin(id: number, version: number, locale: Locale): ConferenceRecord {
    this.change(id, (c) => {
      this.requireVersion(c, version);
      if (c.status !== 'scheduled') throw new AppError('FORBIDDEN', 'Only a scheduled conference can begin.', { reason: 'not-in-progress' });
      if (this.inProgressFor(c.student_id, c.id) !== null) throw new AppError('CONFLICT', 'A conference with this student is already in progress.', { reason: 'already-in-progress' });
      this.db.prepare(`UPDATE conferences SET status = 'in_progress', started_at = ?, version = version + 1, updated_at = ? WHERE id = ?`).run(this.ts(), this.ts(), id);
      this.audit('start', id);
    });
    return this.record(id, locale);
  }

  cancel(id: number, version: number, locale: Locale): ConferenceRecord {
    this.change(id, (c) => {
      this.requireVersion(c, version);
      if (c.status !== 'scheduled') throw new AppError('FORBIDDEN', 'Only a scheduled conference can be cancelled.', { reason: 'not-in-progress' });
      this.db.prepare(`UPDATE conferences SET status = 'cancelled', version = version + 1, updated_at = ? WHERE id = ?`).run(this.ts(), id);
      this.audit('cancel', id);
    });
    this.deps.presentation.conferenceGone(id);
    return this.record(id, locale);
  }

  /** Deletes a conference that has not ended (with its notes); an ended one is a record and stays. */
  remove(id: number, version: number): void {
    const db = this.db;
    db.transaction(() => {
      const c = getConferenceRow(db, id);
      this.requireVersion(c, version);
      this.requireNotEnded(c);
      db.prepare('DELETE FROM conferences WHERE id = ?').run(id);
      recordAudit(db, this.deps.now(), { action: 'conference.delete', entityType: 'conference', entityId: id, summary: `status=${c.status}` });
    })();
    this.deps.presentation.conferenceGone(id);
  }

  // ---------------------------------------------------------------------------
  // Attendees and agenda

  addAttendee(input: In<typeof addAttendeeInput>): ConferenceRecord {
    this.change(input.conferenceId, (c) => {
      this.requireNotEnded(c);
      const a = input.attendee;
      const pos = (this.db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM conference_attendees WHERE conference_id = ?').get(c.id) as { p: number }).p;
      this.db
        .prepare('INSERT INTO conference_attendees (conference_id, role, name, detail, guardian_id, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(c.id, a.role, a.name, a.detail ?? null, a.guardianId ?? null, pos, this.ts());
      this.bump(c.id);
      this.audit('attendee_add', c.id, `role=${a.role}`);
    });
    return this.record(input.conferenceId, input.locale);
  }

  private attendeeConference(id: number): number {
    const r = this.db.prepare('SELECT conference_id FROM conference_attendees WHERE id = ?').get(id) as { conference_id: number } | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That person is no longer listed.');
    return r.conference_id;
  }

  updateAttendee(input: In<typeof updateAttendeeInput>): ConferenceRecord {
    const conferenceId = this.attendeeConference(input.id);
    this.change(conferenceId, (c) => {
      this.requireNotEnded(c);
      const ch = input.changes;
      const fields = (['role', 'name', 'detail'] as const).filter((k) => ch[k] !== undefined);
      if (fields.length === 0) return;
      this.db.prepare(`UPDATE conference_attendees SET ${fields.map((f) => `${f} = ?`).join(', ')} WHERE id = ?`).run(...fields.map((f) => ch[f] ?? null), input.id);
      // Action items keep their owner's current name and role.
      this.db.prepare(`UPDATE conference_action_items SET owner_name = (SELECT name FROM conference_attendees WHERE id = ?), owner_role = (SELECT role FROM conference_attendees WHERE id = ?) WHERE owner_attendee_id = ?`).run(input.id, input.id, input.id);
      this.bump(c.id);
      this.audit('attendee_update', c.id, fields.join(','));
    });
    return this.record(conferenceId, input.locale);
  }

  removeAttendee(id: number, locale: Locale): ConferenceRecord {
    const conferenceId = this.attendeeConference(id);
    this.change(conferenceId, (c) => {
      this.requireNotEnded(c);
      if (this.db.prepare('SELECT 1 FROM conference_decision_agreements WHERE attendee_id = ?').get(id)) {
        throw new AppError('VALIDATION', 'This person agreed to a decision. Remove them from the decision first.', { reason: 'attendee-agreed' });
      }
      this.db.prepare('DELETE FROM conference_attendees WHERE id = ?').run(id);
      this.bump(c.id);
      this.audit('attendee_remove', c.id);
    });
    return this.record(conferenceId, locale);
  }

  private agendaConference(id: number): number {
    const r = this.db.prepare('SELECT conference_id FROM conference_agenda_items WHERE id = ?').get(id) as { conference_id: number } | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That agenda item no longer exists.');
    return r.conference_id;
  }

  addAgendaItem(input: In<typeof addAgendaItemInput>): ConferenceRecord {
    this.change(input.conferenceId, (c) => {
      this.requireNotEnded(c);
      const pos = (this.db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM conference_agenda_items WHERE conference_id = ?').get(c.id) as { p: number }).p;
      this.db.prepare('INSERT INTO conference_agenda_items (conference_id, position, text, visibility, created_at) VALUES (?, ?, ?, ?, ?)').run(c.id, pos, input.text, input.visibility, this.ts());
      this.bump(c.id);
      this.audit('agenda_add', c.id, `visibility=${input.visibility}`);
    });
    return this.record(input.conferenceId, input.locale);
  }

  updateAgendaItem(input: In<typeof updateAgendaItemInput>): ConferenceRecord {
    const conferenceId = this.agendaConference(input.id);
    this.change(conferenceId, (c) => {
      this.requireNotEnded(c);
      const ch = input.changes;
      const changed: string[] = [];
      if (ch.text !== undefined) {
        this.db.prepare('UPDATE conference_agenda_items SET text = ? WHERE id = ?').run(ch.text, input.id);
        changed.push('text');
      }
      if (ch.visibility !== undefined) {
        this.db.prepare('UPDATE conference_agenda_items SET visibility = ? WHERE id = ?').run(ch.visibility, input.id);
        changed.push('visibility');
      }
      if (ch.done !== undefined) {
        this.db.prepare('UPDATE conference_agenda_items SET done = ?, done_at = ? WHERE id = ?').run(ch.done ? 1 : 0, ch.done ? this.ts() : null, input.id);
        changed.push('done');
      }
      if (changed.length === 0) return;
      this.bump(c.id);
      this.audit('agenda_update', c.id, changed.join(','));
    });
    return this.record(conferenceId, input.locale);
  }

  removeAgendaItem(id: number, locale: Locale): ConferenceRecord {
    const conferenceId = this.agendaConference(id);
    this.change(conferenceId, (c) => {
      this.requireNotEnded(c);
      this.db.prepare('DELETE FROM conference_agenda_items WHERE id = ?').run(id);
      this.bump(c.id);
      this.audit('agenda_remove', c.id);
    });
    return this.record(conferenceId, locale);
  }

  // ---------------------------------------------------------------------------
  // Notes (the shared `notes` table, kind 'general' = private, 'parent' = family said/asked)

  addNote(input: In<typeof addNoteInput>): ConferenceRecord {
    this.change(input.conferenceId, (c) => {
      if (input.kind === 'general' && input.visibility !== 'private') {
        throw new AppError('VALIDATION', 'Private notes stay private. Use a parent note to share something with the family.', { reason: 'private-note' });
      }
      // After the meeting only the counselor's own notes may be added: the shared record is closed.
      if (c.status === 'ended' && input.kind !== 'general') ended();
      if (c.status !== 'ended') this.requireRunning(c);
      const now = this.ts();
      this.db
        .prepare(`INSERT INTO notes (student_id, visibility, kind, body, conference_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`)
        .run(c.student_id, input.visibility, input.kind, input.body, c.id, now, now);
      this.audit('note_add', c.id, `kind=${input.kind}; visibility=${input.visibility}`);
    });
    return this.record(input.conferenceId, input.locale);
  }

  private note(id: number): { conference_id: number | null; kind: 'general' | 'parent'; visibility: string; version: number } {
    const n = this.db.prepare('SELECT conference_id, kind, visibility, version FROM notes WHERE id = ?').get(id) as
      | { conference_id: number | null; kind: 'general' | 'parent'; visibility: string; version: number }
      | undefined;
    if (!n || n.conference_id === null) throw new AppError('NOT_FOUND', 'That note no longer exists.');
    return n;
  }

  private requireItemVersion(current: number, given: number): void {
    if (current !== given) throw new AppError('CONFLICT', 'This was changed since you opened it. Reload to see the latest before saving.', { currentVersion: current });
  }

  updateNote(input: In<typeof updateConferenceNoteInput>): ConferenceRecord {
    const n = this.note(input.id);
    const conferenceId = n.conference_id!;
    this.change(conferenceId, (c) => {
      this.requireItemVersion(n.version, input.version);
      if (c.status === 'ended' && n.kind !== 'general') ended();
      const ch = input.changes;
      if (n.kind === 'general' && ch.visibility === 'family') {
        throw new AppError('VALIDATION', 'Private notes stay private. Use a parent note to share something with the family.', { reason: 'private-note' });
      }
      const fields = (['body', 'visibility'] as const).filter((k) => ch[k] !== undefined);
      if (fields.length === 0) return;
      this.db.prepare(`UPDATE notes SET ${fields.map((f) => `${f} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(...fields.map((f) => ch[f]), this.ts(), input.id, input.version);
      this.audit('note_update', c.id, fields.join(','));
    });
    return this.record(conferenceId, input.locale);
  }

  removeNote(id: number, version: number, locale: Locale): ConferenceRecord {
    const n = this.note(id);
    const conferenceId = n.conference_id!;
    this.change(conferenceId, (c) => {
      this.requireItemVersion(n.version, version);
      if (c.status === 'ended' && n.kind !== 'general') ended();
      this.db.prepare('DELETE FROM notes WHERE id = ?').run(id);
      this.audit('note_delete', c.id, `kind=${n.kind}`);
    });
    return this.record(conferenceId, locale);
  }

  // ---------------------------------------------------------------------------
  // Decisions

  private checkDecisionFields(d: { kind?: string; endorsement?: string | null; scenarioId?: number | null }, kind: string, studentId: number): void {
    if ((d.endorsement && kind !== 'endorsement') || (d.scenarioId && kind !== 'scenario')) {
      throw new AppError('VALIDATION', 'That field does not apply to this kind of decision.', { reason: 'kind-field' });
    }
    if (d.scenarioId) {
      const options = this.deps.sources.planScenarios(studentId);
      if (options.status !== 'available' || !options.data.some((o) => o.id === d.scenarioId)) {
        throw new AppError('VALIDATION', 'Choose one of this student’s course plans.', { reason: 'scenario-not-found' });
      }
    }
  }

  private setAgreements(decisionId: number, attendeeIds: number[]): void {
    this.db.prepare('DELETE FROM conference_decision_agreements WHERE decision_id = ?').run(decisionId);
    const add = this.db.prepare('INSERT INTO conference_decision_agreements (decision_id, attendee_id) VALUES (?, ?)');
    for (const a of new Set(attendeeIds)) add.run(decisionId, a);
  }

  addDecision(input: In<typeof addDecisionInput>): ConferenceRecord {
    this.change(input.conferenceId, (c) => {
      this.requireRunning(c);
      const d = input.decision;
      this.checkDecisionFields(d, d.kind, c.student_id);
      this.requireAttendees(c.id, d.agreedBy);
      const now = this.ts();
      const pos = (this.db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM conference_decisions WHERE conference_id = ?').get(c.id) as { p: number }).p;
      const id = Number(
        this.db
          .prepare(`INSERT INTO conference_decisions (conference_id, kind, what, detail, scenario_id, endorsement, position, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
          .run(c.id, d.kind, d.what, d.detail || null, d.scenarioId ?? null, d.endorsement ?? null, pos, now, now).lastInsertRowid,
      );
      this.setAgreements(id, d.agreedBy);
      this.audit('decision_add', c.id, `kind=${d.kind}; agreed=${new Set(d.agreedBy).size}`);
    });
    return this.record(input.conferenceId, input.locale);
  }

  private decision(id: number): { conference_id: number; kind: string; version: number } {
    const d = this.db.prepare('SELECT conference_id, kind, version FROM conference_decisions WHERE id = ?').get(id) as { conference_id: number; kind: string; version: number } | undefined;
    if (!d) throw new AppError('NOT_FOUND', 'That decision no longer exists.');
    return d;
  }

  updateDecision(input: In<typeof updateConferenceDecisionInput>): ConferenceRecord {
    const d = this.decision(input.id);
    this.change(d.conference_id, (c) => {
      this.requireRunning(c);
      this.requireItemVersion(d.version, input.version);
      const ch = input.changes;
      const kind = ch.kind ?? d.kind;
      this.checkDecisionFields(ch, kind, c.student_id);
      if (ch.agreedBy) this.requireAttendees(c.id, ch.agreedBy);
      const columns = { kind: 'kind', what: 'what', detail: 'detail', scenarioId: 'scenario_id', endorsement: 'endorsement' } as const;
      const fields = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => ch[k] !== undefined);
      // A kind change drops fields that belonged to the old kind.
      if (ch.kind && ch.kind !== 'endorsement' && !fields.includes('endorsement')) this.db.prepare('UPDATE conference_decisions SET endorsement = NULL WHERE id = ?').run(input.id);
      if (ch.kind && ch.kind !== 'scenario' && !fields.includes('scenarioId')) this.db.prepare('UPDATE conference_decisions SET scenario_id = NULL WHERE id = ?').run(input.id);
      this.db
        .prepare(`UPDATE conference_decisions SET ${[...fields.map((f) => `${columns[f]} = ?`), 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ?`)
        .run(...fields.map((f) => (f === 'detail' ? ch.detail || null : (ch[f] ?? null))), this.ts(), input.id);
      if (ch.agreedBy) this.setAgreements(input.id, ch.agreedBy);
      this.audit('decision_update', c.id, [...fields, ...(ch.agreedBy ? ['agreedBy'] : [])].join(','));
    });
    return this.record(d.conference_id, input.locale);
  }

  removeDecision(id: number, version: number, locale: Locale): ConferenceRecord {
    const d = this.decision(id);
    this.change(d.conference_id, (c) => {
      this.requireRunning(c);
      this.requireItemVersion(d.version, version);
      this.db.prepare('DELETE FROM conference_decisions WHERE id = ?').run(id);
      this.audit('decision_delete', c.id);
    });
    return this.record(d.conference_id, locale);
  }

  // ---------------------------------------------------------------------------
  // Action items

  private owner(conferenceId: number, attendeeId: number | null | undefined, typed: string | null | undefined): { id: number | null; name: string | null; role: string | null } {
    if (attendeeId) {
      this.requireAttendees(conferenceId, [attendeeId]);
      const a = this.db.prepare('SELECT name, role FROM conference_attendees WHERE id = ?').get(attendeeId) as { name: string; role: string };
      return { id: attendeeId, name: a.name, role: a.role };
    }
    return { id: null, name: typed ?? null, role: null };
  }

  addActionItem(input: In<typeof addActionItemInput>): ConferenceRecord {
    this.change(input.conferenceId, (c) => {
      this.requireRunning(c);
      const i = input.item;
      const o = this.owner(c.id, i.ownerAttendeeId, i.ownerName);
      const now = this.ts();
      const pos = (this.db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM conference_action_items WHERE conference_id = ?').get(c.id) as { p: number }).p;
      this.db
        .prepare(`INSERT INTO conference_action_items (conference_id, student_id, text, owner_attendee_id, owner_name, owner_role, due_date, visibility, position, version, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
        .run(c.id, c.student_id, i.text, o.id, o.name, o.role, i.dueDate ?? null, i.visibility, pos, now, now);
      this.audit('action_add', c.id, `visibility=${i.visibility}; due=${i.dueDate ? 'yes' : 'no'}`);
    });
    return this.record(input.conferenceId, input.locale);
  }

  private action(id: number): ActionRow & { conference_id: number } {
    const a = this.db.prepare('SELECT * FROM conference_action_items WHERE id = ?').get(id) as (ActionRow & { conference_id: number }) | undefined;
    if (!a) throw new AppError('NOT_FOUND', 'That action item no longer exists.');
    return a;
  }

  /** Allowed after the conference ended too: action items are the follow-ups. */
  updateActionItem(input: In<typeof updateActionItemInput>): ConferenceRecord {
    const a = this.action(input.id);
    this.change(a.conference_id, (c) => {
      this.requireItemVersion(a.version, input.version);
      if (c.status !== 'in_progress' && c.status !== 'ended') throw new AppError('FORBIDDEN', 'This conference is not in progress.', { reason: 'not-in-progress' });
      const ch = input.changes;
      const sets: string[] = [];
      const params: unknown[] = [];
      const changed: string[] = [];
      const set = (col: string, value: unknown, name: string) => {
        sets.push(`${col} = ?`);
        params.push(value);
        changed.push(name);
      };
      if (ch.text !== undefined) set('text', ch.text, 'text');
      if (ch.ownerAttendeeId !== undefined || ch.ownerName !== undefined) {
        const o = this.owner(c.id, ch.ownerAttendeeId !== undefined ? ch.ownerAttendeeId : a.owner_attendee_id, ch.ownerName !== undefined ? ch.ownerName : a.owner_name);
        sets.push('owner_attendee_id = ?', 'owner_name = ?', 'owner_role = ?');
        params.push(o.id, o.name, o.role);
        changed.push('owner');
      }
      if (ch.dueDate !== undefined) set('due_date', ch.dueDate, 'dueDate');
      if (ch.visibility !== undefined) set('visibility', ch.visibility, 'visibility');
      if (ch.done !== undefined) {
        set('done', ch.done ? 1 : 0, 'done');
        sets.push('done_at = ?');
        params.push(ch.done ? this.ts() : null);
      }
      if (sets.length === 0) return;
      this.db.prepare(`UPDATE conference_action_items SET ${sets.join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`).run(...params, this.ts(), input.id);
      this.audit('action_update', c.id, changed.join(','));
    });
    return this.record(a.conference_id, input.locale);
  }

  removeActionItem(id: number, version: number, locale: Locale): ConferenceRecord {
    const a = this.action(id);
    this.change(a.conference_id, (c) => {
      this.requireRunning(c);
      this.requireItemVersion(a.version, version);
      this.db.prepare('DELETE FROM conference_action_items WHERE id = ?').run(id);
      this.audit('action_delete', c.id);
    });
    return this.record(a.conference_id, locale);
  }

  // ---------------------------------------------------------------------------
  // Ending, the family summary, acknowledgement

  private async renderSummary(record: FamilyRecord, locale: Locale, withAcknowledgement: boolean): Promise<Uint8Array> {
    const doc = buildSummaryDocument({ record, locale, now: this.deps.now(), fontFaces: documentFontFaces(this.deps.resourcesDir), withAcknowledgement });
    try {
      return await this.deps.pdf.render({ html: doc.html, footerHtml: doc.footerHtml });
    } catch {
      throw new AppError('INTERNAL', 'The summary PDF could not be made. Nothing was changed.', { reason: 'pdf' });
    }
  }

  private storeSummary(conferenceId: number, locale: Locale, pdf: Uint8Array, withAck: boolean): void {
    const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    this.db
      .prepare(`INSERT INTO conference_summaries (conference_id, locale, pdf, byte_length, page_count, sha256, includes_acknowledgement, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(conferenceId, locale, bytes, bytes.length, pdfPageCount(pdf), createHash('sha256').update(bytes).digest('hex'), withAck ? 1 : 0, this.ts());
    this.audit('summary_create', conferenceId, `locale=${locale}; pages=${pdfPageCount(pdf)}; acknowledgement=${withAck ? 'yes' : 'no'}`);
  }

  private fingerprint(record: unknown): string {
    return createHash('sha256').update(JSON.stringify(record)).digest('hex');
  }

  /**
   * What the family looked at, for the summary: family-visible goals, the latest test results
   * with their explanations, and the plans last put side by side (or, without a comparison on
   * screen, the active plan against the scenario decided on). Read through the sources, so the
   * same filters as the family screen apply.
   */
  private reviewed(c: ConferenceRow, include: SummaryContents, locale: Locale, decisions: FamilyRecord['decisions']): ReviewedMaterial {
    const { sources } = this.deps;
    const goals = include.goals ? sources.familyGoals(c.student_id, locale) : null;
    const tests = include.tests ? sources.familyScoreCards(c.student_id, locale) : null;
    let plans: ReviewedMaterial['plans'] = null;
    if (include.plans) {
      let ids = comparedIds(c.compared_scenario_ids);
      if (ids.length < 2) {
        const options = sources.planScenarios(c.student_id);
        const active = options.status === 'available' ? options.data.find((o) => o.isActive) : undefined;
        const decided = decisions.filter((d) => d.kind === 'scenario' && d.scenarioId && d.scenarioId !== active?.id).map((d) => d.scenarioId!);
        ids = active && decided.length ? [...new Set([active.id, ...decided])].slice(0, 3) : [];
      }
      const comparison = ids.length >= 2 ? sources.scenarioComparison(c.student_id, ids, locale) : null;
      plans = comparison?.status === 'available' ? comparison.data : null;
    }
    return {
      goals: goals?.status === 'available' && goals.data.length ? goals.data : null,
      tests: tests?.status === 'available' && (tests.data.cards.length || tests.data.collegeReadiness) ? tests.data : null,
      plans,
    };
  }

  /** A scenario decision becomes the active plan when the meeting ends: it needs who agreed. */
  private requireAgreedScenarios(decisions: FamilyRecord['decisions']): void {
    const d = decisions.find((x) => x.kind === 'scenario' && x.scenarioId && x.agreedBy.length === 0);
    if (d) {
      throw new AppError('VALIDATION', `Record who agreed to “${d.what}” before ending: choosing a plan makes it the student’s active plan.`, { reason: 'choice-needs-agreement' });
    }
  }

  /**
   * Ends the meeting: the summary is rendered from the family record as it will be once
   * ended, then — in one transaction, after checking nothing changed meanwhile — the
   * conference is closed, what was reviewed is kept, the PDF stored and each plan agreed on
   * made the active plan (course plans' own "choose" logic). A PDF failure or a refused plan
   * change changes nothing.
   */
  async end(input: In<typeof endConferenceInput>): Promise<ConferenceRecord> {
    const db = this.db;
    const c = getConferenceRow(db, input.id);
    this.requireVersion(c, input.version);
    this.requireRunning(c);
    const endedAt = this.ts();
    const include: SummaryContents = input.summary ?? { goals: true, tests: true, plans: true };
    const before = readFamilyRecord(db, c.id, c.family_language);
    if (!before) throw new AppError('NOT_FOUND', 'That conference no longer exists.');
    this.requireAgreedScenarios(before.decisions);
    const reviewed = this.reviewed(c, include, c.family_language, before.decisions);
    const pending: FamilyRecord = {
      ...before,
      conference: { ...before.conference, status: 'ended', endedAt, nextMeetingDate: input.nextMeetingDate ?? null, nextMeetingNote: input.nextMeetingNote ?? null },
      reviewed,
    };
    const pdf = await this.renderSummary(pending, c.family_language, false);
    db.transaction(() => {
      const now = getConferenceRow(db, c.id);
      this.requireVersion(now, input.version);
      this.requireRunning(now);
      const current = readFamilyRecord(db, c.id, c.family_language);
      if (this.fingerprint(current) !== this.fingerprint(before) || this.fingerprint(this.reviewed(now, include, c.family_language, before.decisions)) !== this.fingerprint(reviewed)) {
        throw new AppError('CONFLICT', 'Something changed while the summary was being made. Try again.', { reason: 'summary-changed' });
      }
      db.prepare(`UPDATE conferences SET status = 'ended', ended_at = ?, next_meeting_date = ?, next_meeting_note = ?, version = version + 1, updated_at = ? WHERE id = ?`).run(
        endedAt,
        input.nextMeetingDate ?? null,
        input.nextMeetingNote ?? null,
        this.ts(),
        c.id,
      );
      const keep = db.prepare('INSERT INTO conference_reviewed (conference_id, locale, content, created_at) VALUES (?, ?, ?, ?)');
      for (const locale of LOCALES) keep.run(c.id, locale, JSON.stringify(locale === c.family_language ? reviewed : this.reviewed(now, include, locale, before.decisions)), this.ts());
      this.audit(
        'end',
        c.id,
        `decisions=${before.decisions.length}; actions=${before.actionItems.length}; summary=${(['goals', 'tests', 'plans'] as const).filter((k) => reviewed[k]).join(',') || 'record-only'}`,
      );
      this.storeSummary(c.id, c.family_language, pdf, false);
      // Scenario decisions go to the course-plan concern now that the meeting's record is final.
      for (const d of pending.decisions) {
        if (d.kind !== 'scenario' || !d.scenarioId) continue;
        this.deps.sources.recordScenarioChoice({
          studentId: c.student_id,
          scenarioId: d.scenarioId,
          agreedBy: d.agreedBy.map((a) => ({ name: a.name, role: a.role, detail: a.detail })),
          decidedOn: localIsoDate(this.deps.now()),
          conferenceId: c.id,
        });
      }
    })();
    this.deps.presentation.conferenceChanged(c.id);
    return this.record(c.id, input.locale);
  }

  private requireEnded(c: ConferenceRow): void {
    if (c.status !== 'ended') throw new AppError('FORBIDDEN', 'The summary is made when the conference ends.', { reason: 'not-ended' });
  }

  /** The family's typed names and date; a new copy of the summary carries them. */
  async acknowledge(input: In<typeof acknowledgeInput>): Promise<ConferenceRecord> {
    const db = this.db;
    const c = getConferenceRow(db, input.conferenceId);
    this.requireEnded(c);
    if (db.prepare('SELECT 1 FROM conference_acknowledgements WHERE conference_id = ?').get(c.id)) {
      throw new AppError('CONFLICT', 'The acknowledgement has already been recorded.', { reason: 'already-acknowledged' });
    }
    const base = readFamilyRecord(db, c.id, c.family_language)!;
    const ack = { names: input.names, date: input.date, createdAt: this.ts() };
    const pdf = await this.renderSummary({ ...base, acknowledgement: ack }, c.family_language, true);
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM conference_acknowledgements WHERE conference_id = ?').get(c.id)) {
        throw new AppError('CONFLICT', 'The acknowledgement has already been recorded.', { reason: 'already-acknowledged' });
      }
      db.prepare('INSERT INTO conference_acknowledgements (conference_id, names, ack_date, created_at) VALUES (?, ?, ?, ?)').run(c.id, JSON.stringify(ack.names), ack.date, ack.createdAt);
      this.audit('acknowledge', c.id, `names=${ack.names.length}`);
      this.storeSummary(c.id, c.family_language, pdf, true);
    })();
    this.deps.presentation.conferenceChanged(c.id);
    return this.record(c.id, input.locale);
  }

  /** Another copy, e.g. in English for the school's file when the family reads Spanish. */
  async summaryCopy(input: In<typeof summaryCopyInput>): Promise<ConferenceRecord> {
    const db = this.db;
    const c = getConferenceRow(db, input.conferenceId);
    this.requireEnded(c);
    const record = readFamilyRecord(db, c.id, input.summaryLocale)!;
    const pdf = await this.renderSummary(record, input.summaryLocale, !!record.acknowledgement);
    db.transaction(() => this.storeSummary(c.id, input.summaryLocale, pdf, !!record.acknowledgement))();
    return this.record(c.id, input.locale);
  }

  /** Writes a stored summary where the counselor chooses (save dialog in the main process). */
  async saveSummary(summaryId: number): Promise<{ saved: boolean; path: string | null }> {
    const row = this.db.prepare('SELECT s.conference_id, s.locale, s.pdf, c.started_at, c.ended_at FROM conference_summaries s JOIN conferences c ON c.id = s.conference_id WHERE s.id = ?').get(summaryId) as
      | { conference_id: number; locale: Locale; pdf: Buffer; started_at: string | null; ended_at: string | null }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That summary no longer exists.');
    const date = localIsoDate(new Date(row.started_at ?? row.ended_at ?? this.ts()));
    // No student name in the default file name: file names end up in recent-files lists and backups.
    const defaultName = `${createTranslator(row.locale)('conference.summary.fileName', { date })}.pdf`;
    const path = await this.deps.dialogs.chooseSaveFile('export-pdf', defaultName, [{ name: 'PDF', extensions: ['pdf'] }]);
    if (!path) return { saved: false, path: null };
    writeFileSync(path, row.pdf, { mode: 0o600 });
    this.audit('summary_export', row.conference_id, `locale=${row.locale}`);
    return { saved: true, path };
  }

  // ---------------------------------------------------------------------------
  // Follow-ups across the caseload

  followUps(input: In<typeof followUpsInput>): FollowUpList {
    const today = localIsoDate(this.deps.now());
    const soon = lastDayDueSoon(today);
    const where: string[] = [`s.status = 'active'`, `c.status IN ('in_progress','ended')`];
    const params: unknown[] = [];
    for (const token of searchTokens(input.search)) {
      where.push(`s.search_text LIKE ? ESCAPE '\\'`);
      params.push(`%${token.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    }
    const base = `FROM conference_action_items a JOIN students s ON s.id = a.student_id JOIN conferences c ON c.id = a.conference_id WHERE ${where.join(' AND ')}`;
    const bucketSql: Record<string, string> = {
      overdue: 'a.done = 0 AND a.due_date < ?',
      // Due in the next 7 days, today included; overdue items have their own bucket.
      week: 'a.done = 0 AND a.due_date >= ? AND a.due_date <= ?',
      open: 'a.done = 0',
      done: 'a.done = 1',
    };
    const bucketParams: Record<string, unknown[]> = { overdue: [today], week: [today, soon], open: [], done: [] };
    const counts = this.db
      .prepare(`SELECT
          coalesce(sum(CASE WHEN a.done = 0 AND a.due_date < ? THEN 1 ELSE 0 END), 0) AS overdue,
          coalesce(sum(CASE WHEN a.done = 0 AND a.due_date >= ? AND a.due_date <= ? THEN 1 ELSE 0 END), 0) AS week,
          coalesce(sum(CASE WHEN a.done = 0 THEN 1 ELSE 0 END), 0) AS open,
          coalesce(sum(CASE WHEN a.done = 1 THEN 1 ELSE 0 END), 0) AS done ${base}`)
      .get(today, today, soon, ...params) as FollowUpList['counts'];
    const order = input.bucket === 'done' ? 'a.done_at DESC, a.id DESC' : 'a.due_date IS NULL, a.due_date ASC, s.sort_name ASC, a.id ASC';
    const rows = this.db
      .prepare(`SELECT a.id, a.version, a.text, a.due_date, a.done, a.done_at, a.visibility, a.owner_name, a.owner_role,
          s.id AS student_id, s.first_name, s.last_name, s.preferred_name, s.grade_level,
          c.id AS conference_id, c.purpose, c.title, coalesce(c.started_at, c.created_at) AS conference_date
        ${base} AND ${bucketSql[input.bucket]} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, ...bucketParams[input.bucket], input.pageSize, input.page * input.pageSize) as {
      id: number;
      version: number;
      text: string;
      due_date: string | null;
      done: 0 | 1;
      done_at: string | null;
      visibility: FollowUpRow['visibility'];
      owner_name: string | null;
      owner_role: FollowUpRow['ownerRole'];
      student_id: number;
      first_name: string;
      last_name: string;
      preferred_name: string | null;
      grade_level: FollowUpRow['student']['gradeLevel'];
      conference_id: number;
      purpose: FollowUpRow['conference']['purpose'];
      title: string | null;
      conference_date: string | null;
    }[];
    return {
      rows: rows.map((r) => ({
        id: r.id,
        version: r.version,
        text: r.text,
        dueDate: r.due_date,
        done: r.done === 1,
        doneAt: r.done_at,
        visibility: r.visibility,
        ownerName: r.owner_name,
        ownerRole: r.owner_role,
        student: { id: r.student_id, firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name, gradeLevel: r.grade_level },
        conference: { id: r.conference_id, purpose: r.purpose, title: r.title, date: r.conference_date },
      })),
      total: counts[input.bucket],
      page: input.page,
      pageSize: input.pageSize,
      counts,
      today,
    };
  }
}
