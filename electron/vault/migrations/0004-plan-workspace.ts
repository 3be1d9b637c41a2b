import type { MigrationInterface, QueryRunner } from 'typeorm';

const VIS = `CHECK (visibility IN ('private','staff','family'))`;

/**
 * The student plan workspace: goals (with action steps, progress check-ins and ASCA tags),
 * strengths and weaknesses linked to goals, the decisions log and referrals; plus archive,
 * pinning and full-text search for the notes table of migration 0002.
 *
 * Every row that may reach a family carries its own visibility. Steps and check-ins belong
 * to their goal and share its visibility. Deleting a goal, trait or student removes the rows
 * that hang off it (ON DELETE CASCADE); the audit log keeps only that it happened.
 */
export class PlanWorkspace1764800000004 implements MigrationInterface {
  name = 'PlanWorkspace1764800000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE goals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      domain TEXT NOT NULL CHECK (domain IN ('educational','career','personal-social')),
      horizon TEXT NOT NULL CHECK (horizon IN ('short','intermediate','long')),
      statement TEXT NOT NULL,
      -- JSON array, subset of self-knowledge|school|work|society
      based_on TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(based_on) AND json_type(based_on) = 'array'),
      based_on_note TEXT,
      success_measure TEXT,
      target_date TEXT,
      status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started','in-progress','achieved','revised','discontinued')),
      -- Goals are the plan the family is informed about: family by default (the service picks
      -- private for personal-social goals, see defaultGoalVisibility).
      visibility TEXT NOT NULL DEFAULT 'family' ${VIS},
      template_id TEXT,
      archived_at TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_goals_student ON goals(student_id, archived_at)`);
    await q.query(`CREATE TABLE goal_standards (
      goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
      code TEXT NOT NULL,
      PRIMARY KEY (goal_id, code)
    ) WITHOUT ROWID`);
    await q.query(`CREATE INDEX idx_goal_standards_code ON goal_standards(code)`);
    await q.query(`CREATE TABLE goal_steps (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      owner TEXT NOT NULL CHECK (owner IN ('student','parent','counselor','teacher')),
      due_date TEXT,
      done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
      done_on TEXT,
      position INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_goal_steps_goal ON goal_steps(goal_id, position)`);
    await q.query(`CREATE TABLE goal_check_ins (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
      checked_on TEXT NOT NULL,
      -- 1 no progress yet · 2 getting started · 3 making progress · 4 almost there · 5 goal met
      rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
      evidence TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_goal_check_ins_goal ON goal_check_ins(goal_id, checked_on)`);
    await q.query(`CREATE TABLE traits (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('strength','weakness')),
      statement TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('student','parent','teacher','counselor','assessment','records','other')),
      source_note TEXT,
      visibility TEXT NOT NULL DEFAULT 'private' ${VIS},
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_traits_student ON traits(student_id)`);
    await q.query(`CREATE TABLE goal_trait_links (
      goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
      trait_id INTEGER NOT NULL REFERENCES traits(id) ON DELETE CASCADE,
      effect TEXT NOT NULL CHECK (effect IN ('helps','hinders')),
      created_at TEXT NOT NULL,
      PRIMARY KEY (goal_id, trait_id)
    ) WITHOUT ROWID`);
    await q.query(`CREATE INDEX idx_goal_trait_links_trait ON goal_trait_links(trait_id)`);
    await q.query(`CREATE TABLE decisions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      decided_on TEXT NOT NULL,
      decision TEXT NOT NULL,
      -- JSON array of the options that were considered
      options TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options) AND json_type(options) = 'array'),
      rationale TEXT,
      -- JSON array, subset of student|parent|counselor (at least one)
      deciders TEXT NOT NULL CHECK (json_valid(deciders) AND json_type(deciders) = 'array' AND json_array_length(deciders) > 0),
      goal_id INTEGER REFERENCES goals(id) ON DELETE SET NULL,
      visibility TEXT NOT NULL DEFAULT 'family' ${VIS},
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_decisions_student ON decisions(student_id, decided_on)`);
    await q.query(`CREATE TABLE referrals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('gifted-talented','at-risk','section-504','special-education','other')),
      kind_other TEXT,
      referred_on TEXT NOT NULL,
      reason TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'considering' CHECK (status IN ('considering','referred','in-evaluation','closed')),
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('eligible','not-eligible','parent-declined','withdrawn','other')),
      outcome_note TEXT,
      -- TEC §33.006(b): referrals are made in consultation with the parent.
      parent_consulted_on TEXT,
      -- Private by default (DESIGN, privacy model).
      visibility TEXT NOT NULL DEFAULT 'private' ${VIS},
      archived_at TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = 'closed') = (outcome IS NOT NULL)),
      CHECK (kind <> 'other' OR kind_other IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX idx_referrals_student ON referrals(student_id, archived_at)`);

    // Notes (0002): archive and pin (transition notes must stay prominent, not buried).
    await q.query(`ALTER TABLE notes ADD COLUMN archived_at TEXT`);
    await q.query(`ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0,1))`);

    // Full-text search over note bodies, inside the encrypted database. External content
    // (no second copy of the text) read through a view that adds the student as a token
    // ("s42"), so one student's notes are searched by intersecting posting lists instead of
    // filtering every match. Triggers keep the index in step with every writer, including
    // conference mode. Accents fold ("Pena" finds "Peña"); prefix indexes for type-ahead.
    await q.query(`CREATE VIEW notes_fts_content AS SELECT id, body, 's' || student_id AS student FROM notes`);
    await q.query(`CREATE VIRTUAL TABLE notes_fts USING fts5(body, student, content='notes_fts_content', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3')`);
    // Deleted notes leave no tokens behind in the index.
    await q.query(`INSERT INTO notes_fts(notes_fts, rank) VALUES ('secure-delete', 1)`);
    await q.query(`INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')`);
    await q.query(`CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
      INSERT INTO notes_fts(rowid, body, student) VALUES (new.id, new.body, 's' || new.student_id);
    END`);
    await q.query(`CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
      INSERT INTO notes_fts(notes_fts, rowid, body, student) VALUES ('delete', old.id, old.body, 's' || old.student_id);
    END`);
    await q.query(`CREATE TRIGGER notes_fts_update AFTER UPDATE OF body, student_id ON notes BEGIN
      INSERT INTO notes_fts(notes_fts, rowid, body, student) VALUES ('delete', old.id, old.body, 's' || old.student_id);
      INSERT INTO notes_fts(rowid, body, student) VALUES (new.id, new.body, 's' || new.student_id);
    END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notes_fts_update`);
    await q.query(`DROP TRIGGER notes_fts_delete`);
    await q.query(`DROP TRIGGER notes_fts_insert`);
    await q.query(`DROP TABLE notes_fts`);
    await q.query(`DROP VIEW notes_fts_content`);
    await q.query(`ALTER TABLE notes DROP COLUMN pinned`);
    await q.query(`ALTER TABLE notes DROP COLUMN archived_at`);
    await q.query(`DROP TABLE referrals`);
    await q.query(`DROP TABLE decisions`);
    await q.query(`DROP TABLE goal_trait_links`);
    await q.query(`DROP TABLE traits`);
    await q.query(`DROP TABLE goal_check_ins`);
    await q.query(`DROP TABLE goal_steps`);
    await q.query(`DROP TABLE goal_standards`);
    await q.query(`DROP TABLE goals`);
  }
}
