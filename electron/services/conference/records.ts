import type { RawDatabase } from '../../vault/database';
import type { Locale } from '../../../shared/i18n/locales';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import { templateItem } from '../../../shared/domain/conference/agenda';
import { AppError } from '../../../shared/ipc/errors';
import type {
  Acknowledgement,
  ActionItem,
  AgendaItem,
  Attendee,
  AttendeeRole,
  Conference,
  ConferenceNote,
  ConferencePurpose,
  ConferenceRecord,
  ConferenceStatus,
  ConferenceStudent,
  ConferenceDecision,
  DecisionKind,
  Endorsement,
  ItemVisibility,
  SummaryInfo,
} from '../../../shared/ipc/contract/conferences';

/** Rows as stored, and the one place that turns them into contract shapes. */
export interface ConferenceRow {
  id: number;
  student_id: number;
  purpose: ConferencePurpose;
  title: string | null;
  family_language: Locale;
  status: ConferenceStatus;
  scheduled_for: string | null;
  started_at: string | null;
  ended_at: string | null;
  next_meeting_date: string | null;
  next_meeting_note: string | null;
  agenda_template_id: string | null;
  compared_scenario_ids: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AttendeeRow {
  id: number;
  conference_id: number;
  role: AttendeeRole;
  name: string;
  detail: string | null;
  guardian_id: number | null;
  position: number;
}

export interface AgendaRow {
  id: number;
  template_key: string | null;
  template_text: string | null;
  text: string | null;
  visibility: ItemVisibility;
  done: 0 | 1;
  done_at: string | null;
  position: number;
}

interface NoteRow {
  id: number;
  kind: 'general' | 'parent';
  visibility: ItemVisibility | 'staff';
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
}

interface DecisionRow {
  id: number;
  kind: DecisionKind;
  what: string;
  detail: string | null;
  scenario_id: number | null;
  endorsement: Endorsement | null;
  version: number;
  created_at: string;
  agreed: string | null;
}

export interface ActionRow {
  id: number;
  text: string;
  owner_attendee_id: number | null;
  owner_name: string | null;
  owner_role: AttendeeRole | null;
  due_date: string | null;
  done: 0 | 1;
  done_at: string | null;
  visibility: ItemVisibility;
  version: number;
}

interface SummaryRow {
  id: number;
  locale: Locale;
  byte_length: number;
  page_count: number;
  includes_acknowledgement: 0 | 1;
  created_at: string;
}

export interface StudentRow {
  id: number;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  grade_level: GradeLevel | null;
  local_id: string | null;
  campus_name: string | null;
}

export function toConference(r: ConferenceRow): Conference {
  return {
    id: r.id,
    studentId: r.student_id,
    purpose: r.purpose,
    title: r.title,
    familyLanguage: r.family_language,
    status: r.status,
    scheduledFor: r.scheduled_for,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    nextMeetingDate: r.next_meeting_date,
    nextMeetingNote: r.next_meeting_note,
    agendaTemplateId: r.agenda_template_id,
    comparedScenarioIds: comparedIds(r.compared_scenario_ids),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function comparedIds(json: string | null): number[] {
  if (!json) return [];
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
}

/** The agenda item's wording in `locale`: what the counselor typed, else the template's copy. */
export function agendaText(r: Pick<AgendaRow, 'text' | 'template_text'>, locale: Locale): string {
  if (r.text) return r.text;
  const t = JSON.parse(r.template_text ?? '{}') as Partial<Record<Locale, string>>;
  return t[locale] ?? t.en ?? '';
}

export function getConferenceRow(db: RawDatabase, id: number): ConferenceRow {
  const row = db.prepare('SELECT * FROM conferences WHERE id = ?').get(id) as ConferenceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That conference no longer exists.');
  return row;
}

export function getStudent(db: RawDatabase, id: number): ConferenceStudent {
  const r = db
    .prepare(`SELECT s.id, s.first_name, s.last_name, s.preferred_name, s.grade_level, s.local_id, c.name AS campus_name
      FROM students s LEFT JOIN campuses c ON c.id = s.campus_id WHERE s.id = ?`)
    .get(id) as StudentRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such student.');
  return { id: r.id, firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name, gradeLevel: r.grade_level, localId: r.local_id, campusName: r.campus_name };
}

export function attendeeRows(db: RawDatabase, conferenceId: number): AttendeeRow[] {
  return db.prepare('SELECT id, conference_id, role, name, detail, guardian_id, position FROM conference_attendees WHERE conference_id = ? ORDER BY position, id').all(conferenceId) as AttendeeRow[];
}

/** Everything the counselor's console shows for one conference (private items included). */
export function readRecord(db: RawDatabase, conferenceId: number, locale: Locale): ConferenceRecord {
  const conference = toConference(getConferenceRow(db, conferenceId));
  const attendees: Attendee[] = attendeeRows(db, conferenceId).map((r) => ({
    id: r.id,
    role: r.role,
    name: r.name,
    detail: r.detail,
    guardianId: r.guardian_id,
    position: r.position,
  }));
  const agenda: AgendaItem[] = (
    db.prepare('SELECT id, template_key, template_text, text, visibility, done, done_at, position FROM conference_agenda_items WHERE conference_id = ? ORDER BY position, id').all(conferenceId) as AgendaRow[]
  ).map((r) => {
    const meta = templateItem(r.template_key);
    return {
      id: r.id,
      text: agendaText(r, locale),
      visibility: r.visibility,
      done: r.done === 1,
      doneAt: r.done_at,
      templateKey: r.template_key,
      uncertain: r.text ? null : (meta?.uncertain ?? null),
      source: r.text ? null : (meta?.source?.citation ?? null),
      position: r.position,
    };
  });
  const notes: ConferenceNote[] = (
    db.prepare(`SELECT id, kind, visibility, body, version, created_at, updated_at FROM notes WHERE conference_id = ? ORDER BY created_at, id`).all(conferenceId) as NoteRow[]
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    // 'staff' notes are not created here; should one appear, it is never treated as family-visible.
    visibility: r.visibility === 'family' ? 'family' : 'private',
    body: r.body,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
  const decisions: ConferenceDecision[] = (
    db
      .prepare(`SELECT d.id, d.kind, d.what, d.detail, d.scenario_id, d.endorsement, d.version, d.created_at,
        (SELECT group_concat(a.attendee_id) FROM conference_decision_agreements a WHERE a.decision_id = d.id) AS agreed
        FROM conference_decisions d WHERE d.conference_id = ? ORDER BY d.position, d.id`)
      .all(conferenceId) as DecisionRow[]
  ).map((r) => ({
    id: r.id,
    kind: r.kind,
    what: r.what,
    detail: r.detail,
    scenarioId: r.scenario_id,
    endorsement: r.endorsement,
    agreedBy: r.agreed ? r.agreed.split(',').map(Number).sort((a, b) => a - b) : [],
    version: r.version,
    createdAt: r.created_at,
  }));
  const actionItems: ActionItem[] = (
    db
      .prepare(`SELECT id, text, owner_attendee_id, owner_name, owner_role, due_date, done, done_at, visibility, version
        FROM conference_action_items WHERE conference_id = ? ORDER BY position, id`)
      .all(conferenceId) as ActionRow[]
  ).map(toActionItem);
  const summaries: SummaryInfo[] = (
    db.prepare('SELECT id, locale, byte_length, page_count, includes_acknowledgement, created_at FROM conference_summaries WHERE conference_id = ? ORDER BY created_at DESC, id DESC').all(conferenceId) as SummaryRow[]
  ).map((r) => ({ id: r.id, locale: r.locale, bytes: r.byte_length, pages: r.page_count, includesAcknowledgement: r.includes_acknowledgement === 1, createdAt: r.created_at }));
  return { conference, attendees, agenda, notes, decisions, actionItems, summaries, acknowledgement: readAcknowledgement(db, conferenceId) };
}

export function toActionItem(r: ActionRow): ActionItem {
  return {
    id: r.id,
    text: r.text,
    ownerAttendeeId: r.owner_attendee_id,
    ownerName: r.owner_name,
    ownerRole: r.owner_role,
    dueDate: r.due_date,
    done: r.done === 1,
    doneAt: r.done_at,
    visibility: r.visibility,
    version: r.version,
  };
}

export function readAcknowledgement(db: RawDatabase, conferenceId: number): Acknowledgement | null {
  const r = db.prepare('SELECT names, ack_date, created_at FROM conference_acknowledgements WHERE conference_id = ?').get(conferenceId) as
    | { names: string; ack_date: string; created_at: string }
    | undefined;
  return r ? { names: JSON.parse(r.names) as string[], date: r.ack_date, createdAt: r.created_at } : null;
}
