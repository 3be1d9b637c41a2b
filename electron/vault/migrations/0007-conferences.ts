import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conference mode: a recorded meeting with its attendees, agenda, decisions (who agreed),
 * action items, next meeting, the family summary PDF (a BLOB inside the encrypted vault —
 * never a loose file) and the family's typed acknowledgement. Notes taken during a
 * conference live in `notes` (0002) with `conference_id` set.
 *
 * Visibility on agenda and action items: 'family' items reach the family screen and the
 * summary; 'private' ones stay on the counselor's console. Decisions and attendees are the
 * shared record of the meeting and always reach the summary.
 */
export class Conferences1764800000007 implements MigrationInterface {
  name = 'Conferences1764800000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE conferences (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      purpose TEXT NOT NULL CHECK (purpose IN ('pgp_review','course_selection','test_results','transition','financial_aid','other')),
      title TEXT,
      family_language TEXT NOT NULL CHECK (family_language IN ('en','es')),
      status TEXT NOT NULL CHECK (status IN ('scheduled','in_progress','ended','cancelled')),
      -- Local wall-clock time of a planned meeting (YYYY-MM-DDTHH:mm), like a calendar entry.
      scheduled_for TEXT,
      started_at TEXT,
      ended_at TEXT,
      next_meeting_date TEXT,
      next_meeting_note TEXT,
      agenda_template_id TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_conferences_student ON conferences(student_id, created_at)`);
    await q.query(`CREATE INDEX idx_conferences_status ON conferences(status)`);

    await q.query(`CREATE TABLE conference_attendees (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('student','guardian','teacher','interpreter','counselor','other')),
      name TEXT NOT NULL,
      detail TEXT,
      -- The guardian record (student record concern) this attendee came from. No foreign key:
      -- the guardians table is another concern's, and a deleted guardian must not erase who attended.
      guardian_id INTEGER,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_conference_attendees ON conference_attendees(conference_id, position)`);

    await q.query(`CREATE TABLE conference_agenda_items (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      -- Template item key (resources/conference/agendas.json) for its source and uncertainty note.
      template_key TEXT,
      -- The template item's wording in every language, copied when the agenda was made, so a
      -- later app version that rewords or drops the item cannot change a recorded meeting.
      template_text TEXT,
      -- Text the counselor typed (items they added); null for template items.
      text TEXT,
      visibility TEXT NOT NULL DEFAULT 'family' CHECK (visibility IN ('family','private')),
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
      done_at TEXT,
      created_at TEXT NOT NULL,
      CHECK (template_text IS NOT NULL OR text IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX idx_conference_agenda ON conference_agenda_items(conference_id, position)`);

    await q.query(`CREATE TABLE conference_decisions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('scenario','endorsement','course_requests','other')),
      what TEXT NOT NULL,
      detail TEXT,
      -- Plan scenario chosen (course plans concern); no foreign key for the same reason as guardian_id.
      scenario_id INTEGER,
      endorsement TEXT CHECK (endorsement IS NULL OR endorsement IN ('stem','business_industry','public_services','arts_humanities','multidisciplinary')),
      position INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_conference_decisions ON conference_decisions(conference_id, position)`);
    await q.query(`CREATE TABLE conference_decision_agreements (
      decision_id INTEGER NOT NULL REFERENCES conference_decisions(id) ON DELETE CASCADE,
      -- The service refuses to remove an attendee who agreed to a decision; CASCADE only serves
      -- deleting the whole conference (RESTRICT would trip over the cascade order).
      attendee_id INTEGER NOT NULL REFERENCES conference_attendees(id) ON DELETE CASCADE,
      PRIMARY KEY (decision_id, attendee_id)
    )`);
    await q.query(`CREATE INDEX idx_decision_agreements_attendee ON conference_decision_agreements(attendee_id)`);

    await q.query(`CREATE TABLE conference_action_items (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      -- Copied from the conference so the caseload-wide follow-ups list needs no join to find it.
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      owner_attendee_id INTEGER REFERENCES conference_attendees(id) ON DELETE SET NULL,
      owner_name TEXT,
      owner_role TEXT CHECK (owner_role IS NULL OR owner_role IN ('student','guardian','teacher','interpreter','counselor','other')),
      due_date TEXT,
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
      done_at TEXT,
      visibility TEXT NOT NULL DEFAULT 'family' CHECK (visibility IN ('family','private')),
      position INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_conference_actions ON conference_action_items(conference_id, position)`);
    // Follow-ups: open items by due date across the caseload.
    await q.query(`CREATE INDEX idx_conference_actions_due ON conference_action_items(done, due_date)`);

    await q.query(`CREATE TABLE conference_summaries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conference_id INTEGER NOT NULL REFERENCES conferences(id) ON DELETE CASCADE,
      locale TEXT NOT NULL CHECK (locale IN ('en','es')),
      pdf BLOB NOT NULL,
      byte_length INTEGER NOT NULL,
      page_count INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      includes_acknowledgement INTEGER NOT NULL DEFAULT 0 CHECK (includes_acknowledgement IN (0,1)),
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_conference_summaries ON conference_summaries(conference_id, created_at)`);

    await q.query(`CREATE TABLE conference_acknowledgements (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conference_id INTEGER NOT NULL UNIQUE REFERENCES conferences(id) ON DELETE CASCADE,
      -- JSON array of the names as the family typed them.
      names TEXT NOT NULL,
      ack_date TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);

    // Notes taken during a conference go with it when the counselor deletes the conference.
    await q.query(`CREATE TRIGGER conferences_delete_notes AFTER DELETE ON conferences
      BEGIN DELETE FROM notes WHERE conference_id = OLD.id; END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER conferences_delete_notes`);
    for (const t of ['conference_acknowledgements', 'conference_summaries', 'conference_action_items', 'conference_decision_agreements', 'conference_decisions', 'conference_agenda_items', 'conference_attendees', 'conferences']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
