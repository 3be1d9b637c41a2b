import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notes, shared by the student workspace and conference mode. Visibility decides who may
 * ever receive a note: 'private' (the counselor's sole-possession memory aid, the default),
 * 'staff', or 'family'. The family view and family documents are built from 'family' only.
 */
export class Notes1764800000002 implements MigrationInterface {
  name = 'Notes1764800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private','staff','family')),
      -- 'general' (workspace), 'parent' (what the family said or asked, taken in a conference)
      kind TEXT NOT NULL DEFAULT 'general' CHECK (kind IN ('general','parent')),
      body TEXT NOT NULL,
      -- Set when the note was taken during a conference (conferences table comes later).
      conference_id INTEGER,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_notes_student ON notes(student_id, created_at)`);
    await q.query(`CREATE INDEX idx_notes_conference ON notes(conference_id) WHERE conference_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notes`);
  }
}
