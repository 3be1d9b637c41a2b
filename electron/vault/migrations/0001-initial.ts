import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764800000001 implements MigrationInterface {
  // An explicit name: TypeORM otherwise reads the class name, which minifiers rename.
  name = 'Initial1764800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE campuses (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      source_id TEXT UNIQUE,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE students (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      local_id TEXT UNIQUE,
      state_id TEXT UNIQUE,
      first_name TEXT NOT NULL,
      middle_name TEXT,
      last_name TEXT NOT NULL,
      preferred_name TEXT,
      birth_date TEXT,
      grade_level TEXT,
      expected_graduation_year INTEGER,
      campus_id INTEGER REFERENCES campuses(id) ON DELETE SET NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
      archived_at TEXT,
      search_text TEXT NOT NULL,
      sort_name TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_students_status_sort ON students(status, sort_name)`);
    await q.query(`CREATE INDEX idx_students_grade ON students(grade_level)`);
    await q.query(`CREATE TABLE audit_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      entity_type TEXT,
      entity_id INTEGER,
      summary TEXT
    )`);
    await q.query(`CREATE INDEX idx_audit_entity ON audit_events(entity_type, entity_id)`);
    // Append-only: the audit log cannot be edited or trimmed through SQL.
    await q.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`);
    await q.query(`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE students`);
    await q.query(`DROP TABLE campuses`);
  }
}
