import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full student record and what roster imports need to keep it honest:
 * - languages (home language; the family's language for materials, used by conference summaries),
 * - FAFSA/TASFA status: only whether and when — never which form or its content (DESIGN privacy
 *   model, TEC 28.0256). Which form a student used can reveal immigration status, so it is not kept,
 * - program participation with begin/end dates and where each came from,
 * - guardians with who may receive information,
 * - per-field provenance: a row in *_field_overrides means "the counselor set this value"; what the
 *   roster file said last is kept beside it, so a re-import of the same file leaves the counselor's
 *   value alone and a changed file is shown as a conflict instead of overwriting it,
 * - remembered SIS column mappings (by header signature) and saved caseload views.
 *
 * Sex, race and ethnicity are deliberately not stored: the district SIS is their system of record
 * and individual planning does not use them.
 */
export class StudentRecord1764800000003 implements MigrationInterface {
  name = 'StudentRecord1764800000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE students ADD COLUMN home_language TEXT`);
    await q.query(`ALTER TABLE students ADD COLUMN family_language TEXT`);
    await q.query(`ALTER TABLE students ADD COLUMN fafsa_status TEXT CHECK (fafsa_status IN ('not-started','submitted','opted-out','exempt'))`);
    await q.query(`ALTER TABLE students ADD COLUMN fafsa_status_date TEXT`);
    // The source system's own key (OneRoster sourcedId, Ed-Fi StudentUniqueId, SIS ID), per format.
    await q.query(`ALTER TABLE students ADD COLUMN roster_source TEXT CHECK (roster_source IN ('oneroster','edfi','sis-csv'))`);
    await q.query(`ALTER TABLE students ADD COLUMN roster_source_id TEXT`);
    await q.query(`ALTER TABLE students ADD COLUMN last_imported_at TEXT`);
    await q.query(`CREATE UNIQUE INDEX idx_students_roster_source ON students(roster_source, roster_source_id) WHERE roster_source_id IS NOT NULL`);
    await q.query(`CREATE INDEX idx_students_graduation ON students(expected_graduation_year)`);
    await q.query(`CREATE INDEX idx_students_campus ON students(campus_id)`);

    await q.query(`CREATE TABLE student_programs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      program TEXT NOT NULL,
      begin_date TEXT,
      end_date TEXT,
      current INTEGER NOT NULL CHECK (current IN (0,1)),
      source TEXT NOT NULL CHECK (source IN ('counselor','oneroster','edfi','sis-csv')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_student_programs_student ON student_programs(student_id, program)`);
    await q.query(`CREATE INDEX idx_student_programs_current ON student_programs(program, student_id) WHERE current = 1`);

    await q.query(`CREATE TABLE guardians (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      first_name TEXT,
      last_name TEXT,
      display_name TEXT NOT NULL,
      relationship TEXT,
      phone TEXT,
      email TEXT,
      language TEXT,
      -- NULL: the record does not say whether school information may be shared with this person.
      may_receive_information INTEGER CHECK (may_receive_information IN (0,1)),
      source TEXT NOT NULL CHECK (source IN ('counselor','oneroster','edfi','sis-csv')),
      -- OneRoster sourcedId, or "guardian1"/"guardian2" for a SIS export's guardian columns.
      source_id TEXT,
      -- 0 once a later import from the same source no longer lists this person (kept, flagged).
      in_roster INTEGER NOT NULL DEFAULT 1 CHECK (in_roster IN (0,1)),
      sort_order INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_guardians_student ON guardians(student_id, sort_order)`);

    // file_value: JSON of what the roster file last gave for the field; NULL = never from a file.
    await q.query(`CREATE TABLE student_field_overrides (
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      file_value TEXT,
      entered_at TEXT NOT NULL,
      PRIMARY KEY (student_id, field)
    ) WITHOUT ROWID`);
    await q.query(`CREATE TABLE guardian_field_overrides (
      guardian_id INTEGER NOT NULL REFERENCES guardians(id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      file_value TEXT,
      entered_at TEXT NOT NULL,
      PRIMARY KEY (guardian_id, field)
    ) WITHOUT ROWID`);

    await q.query(`CREATE TABLE sis_column_mappings (
      signature TEXT PRIMARY KEY,
      mapping TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);

    await q.query(`CREATE TABLE caseload_views (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      query TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);

    // Students that existed before this migration were typed by the counselor: their values
    // must not be overwritten by a first import without asking.
    const fields: [string, string][] = [
      ['localId', 'local_id'],
      ['stateId', 'state_id'],
      ['firstName', 'first_name'],
      ['middleName', 'middle_name'],
      ['lastName', 'last_name'],
      ['preferredName', 'preferred_name'],
      ['birthDate', 'birth_date'],
      ['gradeLevel', 'grade_level'],
      ['expectedGraduationYear', 'expected_graduation_year'],
      ['campus', 'campus_id'],
    ];
    for (const [field, column] of fields) {
      await q.query(
        `INSERT INTO student_field_overrides (student_id, field, file_value, entered_at) SELECT id, ?, NULL, updated_at FROM students WHERE ${column} IS NOT NULL`,
        [field],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE caseload_views`);
    await q.query(`DROP TABLE sis_column_mappings`);
    await q.query(`DROP TABLE guardian_field_overrides`);
    await q.query(`DROP TABLE student_field_overrides`);
    await q.query(`DROP TABLE guardians`);
    await q.query(`DROP TABLE student_programs`);
    await q.query(`DROP INDEX idx_students_campus`);
    await q.query(`DROP INDEX idx_students_graduation`);
    await q.query(`DROP INDEX idx_students_roster_source`);
    for (const c of ['last_imported_at', 'roster_source_id', 'roster_source', 'fafsa_status_date', 'fafsa_status', 'family_language', 'home_language']) {
      await q.query(`ALTER TABLE students DROP COLUMN ${c}`);
    }
  }
}
