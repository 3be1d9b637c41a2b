import type { RawDatabase } from '../../vault/database';
import type { Locale } from '../../../shared/i18n/locales';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { Acknowledgement, AttendeeRole, ConferencePurpose, ConferenceStatus, DecisionKind, Endorsement } from '../../../shared/ipc/contract/conferences';
import type { FamilyGoal, FamilyScoreCards, ScenarioComparison } from '../../../shared/ipc/contract/conferenceSources';
import { agendaText, readAcknowledgement, type AgendaRow } from './records';

/**
 * What the family looked at with the counselor, as it stood when the conference ended
 * (kept in `conference_reviewed`, one copy per language, so a later copy of the summary or
 * the acknowledged copy shows the same results, goals and plans — not newer data). Each part
 * is null when it was left out of the summary or there was nothing to show.
 */
export interface ReviewedMaterial {
  goals: FamilyGoal[] | null;
  tests: FamilyScoreCards | null;
  plans: ScenarioComparison | null;
}

/**
 * A conference as the family may see it: the only source of the family screen and of the
 * family summary PDF. Filtering happens here, in SQL, in the main process:
 *  - notes: kind 'parent' AND visibility 'family' (private notes and private parent notes never load);
 *  - agenda and action items: visibility 'family';
 *  - decisions and attendees: the shared record of the meeting.
 * Nothing private is read, so nothing private can be passed on by mistake further down.
 */
export interface FamilyRecord {
  conference: {
    id: number;
    studentId: number;
    purpose: ConferencePurpose;
    title: string | null;
    familyLanguage: Locale;
    status: ConferenceStatus;
    startedAt: string | null;
    endedAt: string | null;
    nextMeetingDate: string | null;
    nextMeetingNote: string | null;
  };
  student: { firstName: string; lastName: string; preferredName: string | null; gradeLevel: GradeLevel | null; campusName: string | null };
  attendees: { id: number; name: string; role: AttendeeRole; detail: string | null }[];
  agenda: { text: string; done: boolean }[];
  decisions: { kind: DecisionKind; what: string; detail: string | null; endorsement: Endorsement | null; scenarioId: number | null; agreedBy: { name: string; role: AttendeeRole; detail: string | null }[] }[];
  actionItems: { text: string; owner: string | null; ownerRole: AttendeeRole | null; dueDate: string | null; done: boolean }[];
  parentNotes: { id: number; body: string; at: string }[];
  acknowledgement: Acknowledgement | null;
  /** Set once the conference has ended (the end step builds it for the summary it renders). */
  reviewed: ReviewedMaterial | null;
}

export function readFamilyRecord(db: RawDatabase, conferenceId: number, locale: Locale): FamilyRecord | null {
  const c = db
    .prepare(`SELECT c.id, c.student_id, c.purpose, c.title, c.family_language, c.status, c.started_at, c.ended_at, c.next_meeting_date, c.next_meeting_note,
      s.first_name, s.last_name, s.preferred_name, s.grade_level, cp.name AS campus_name
      FROM conferences c JOIN students s ON s.id = c.student_id LEFT JOIN campuses cp ON cp.id = s.campus_id WHERE c.id = ?`)
    .get(conferenceId) as
    | {
        id: number;
        student_id: number;
        purpose: ConferencePurpose;
        title: string | null;
        family_language: Locale;
        status: ConferenceStatus;
        started_at: string | null;
        ended_at: string | null;
        next_meeting_date: string | null;
        next_meeting_note: string | null;
        first_name: string;
        last_name: string;
        preferred_name: string | null;
        grade_level: GradeLevel | null;
        campus_name: string | null;
      }
    | undefined;
  if (!c) return null;

  const attendees = db.prepare('SELECT id, name, role, detail FROM conference_attendees WHERE conference_id = ? ORDER BY position, id').all(conferenceId) as FamilyRecord['attendees'];
  const names = new Map(attendees.map((a) => [a.id, a]));

  const agenda = (
    db
      .prepare(`SELECT template_text, text, done FROM conference_agenda_items WHERE conference_id = ? AND visibility = 'family' ORDER BY position, id`)
      .all(conferenceId) as Pick<AgendaRow, 'template_text' | 'text' | 'done'>[]
  ).map((r) => ({ text: agendaText(r, locale), done: r.done === 1 }));

  const agreements = db
    .prepare(`SELECT a.decision_id, a.attendee_id FROM conference_decision_agreements a JOIN conference_decisions d ON d.id = a.decision_id WHERE d.conference_id = ?`)
    .all(conferenceId) as { decision_id: number; attendee_id: number }[];
  const decisions = (
    db.prepare('SELECT id, kind, what, detail, endorsement, scenario_id FROM conference_decisions WHERE conference_id = ? ORDER BY position, id').all(conferenceId) as {
      id: number;
      kind: DecisionKind;
      what: string;
      detail: string | null;
      endorsement: Endorsement | null;
      scenario_id: number | null;
    }[]
  ).map((d) => ({
    kind: d.kind,
    what: d.what,
    detail: d.detail,
    endorsement: d.endorsement,
    scenarioId: d.scenario_id,
    agreedBy: agreements
      .filter((a) => a.decision_id === d.id)
      .map((a) => names.get(a.attendee_id))
      .filter((a): a is NonNullable<typeof a> => !!a)
      .sort((x, y) => attendees.indexOf(x) - attendees.indexOf(y))
      .map((a) => ({ name: a.name, role: a.role, detail: a.detail })),
  }));

  const actionItems = (
    db
      .prepare(`SELECT text, owner_name, owner_role, due_date, done FROM conference_action_items WHERE conference_id = ? AND visibility = 'family' ORDER BY position, id`)
      .all(conferenceId) as { text: string; owner_name: string | null; owner_role: AttendeeRole | null; due_date: string | null; done: 0 | 1 }[]
  ).map((a) => ({ text: a.text, owner: a.owner_name, ownerRole: a.owner_role, dueDate: a.due_date, done: a.done === 1 }));

  const parentNotes = (
    db
      .prepare(`SELECT id, body, created_at FROM notes WHERE conference_id = ? AND kind = 'parent' AND visibility = 'family' AND archived_at IS NULL ORDER BY created_at, id`)
      .all(conferenceId) as { id: number; body: string; created_at: string }[]
  ).map((n) => ({ id: n.id, body: n.body, at: n.created_at }));

  return {
    conference: {
      id: c.id,
      studentId: c.student_id,
      purpose: c.purpose,
      title: c.title,
      familyLanguage: c.family_language,
      status: c.status,
      startedAt: c.started_at,
      endedAt: c.ended_at,
      nextMeetingDate: c.next_meeting_date,
      nextMeetingNote: c.next_meeting_note,
    },
    student: { firstName: c.first_name, lastName: c.last_name, preferredName: c.preferred_name, gradeLevel: c.grade_level, campusName: c.campus_name },
    attendees,
    agenda,
    decisions,
    actionItems,
    parentNotes,
    acknowledgement: readAcknowledgement(db, conferenceId),
    reviewed: readReviewed(db, conferenceId, locale),
  };
}

export function readReviewed(db: RawDatabase, conferenceId: number, locale: Locale): ReviewedMaterial | null {
  const r = db.prepare('SELECT content FROM conference_reviewed WHERE conference_id = ? AND locale = ?').get(conferenceId, locale) as { content: string } | undefined;
  return r ? (JSON.parse(r.content) as ReviewedMaterial) : null;
}
