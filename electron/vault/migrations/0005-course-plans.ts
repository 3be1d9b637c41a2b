import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Course planning: the catalog, the counselor's editable rule sets (the shipped ones are
 * resources), per-student plans with scenarios, the transcript (completed and in-progress
 * courses, shared by every scenario), plan decisions, the Texas Personal Graduation Plan
 * record, and next year's course requests with teachers' placement recommendations.
 *
 * Lists inside a row (grade levels, prerequisite groups, flags, tags, waivers) are JSON
 * arrays: they are read and written whole, never queried piecemeal.
 */
export class CoursePlans1764800000005 implements MigrationInterface {
  name = 'CoursePlans1764800000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE course_imports (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('catalog-csv','catalog-edfi','transcript-csv')),
      file_name TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      -- {"new":n,"updated":n,"unchanged":n,"rejected":n,...}
      counts TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE courses (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      -- Text exactly as the district writes it: '0700' is not 700.
      code TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      -- NULL when the source did not say; such a course counts for nothing until it is set.
      credits REAL CHECK (credits IS NULL OR (credits >= 0 AND credits <= 10)),
      subject TEXT NOT NULL,
      grade_levels TEXT NOT NULL DEFAULT '[]',
      -- [["ALG1"],["GEOM","GEOM-H"]]: every group, any course within a group.
      prerequisites TEXT NOT NULL DEFAULT '[]',
      flags TEXT NOT NULL DEFAULT '[]',
      endorsements TEXT NOT NULL DEFAULT '[]',
      tags TEXT NOT NULL DEFAULT '[]',
      cluster TEXT,
      language TEXT,
      equivalents TEXT NOT NULL DEFAULT '[]',
      repeatable INTEGER NOT NULL DEFAULT 0,
      college_hours REAL,
      high_school_credit INTEGER NOT NULL DEFAULT 1,
      description TEXT,
      source TEXT NOT NULL CHECK (source IN ('manual','csv','edfi')),
      import_id INTEGER REFERENCES course_imports(id) ON DELETE SET NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE rule_sets (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      -- Which shipped rule set (and version) it was copied from, e.g. 'texas-fhsp@2024-09-20'.
      based_on TEXT,
      definition TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE course_plans (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      -- Families see the name in a conference; the note is the counselor's only.
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('active','scenario','previous')),
      based_on_plan_id INTEGER REFERENCES course_plans(id) ON DELETE SET NULL,
      -- 'shipped:texas-fhsp' or 'vault:<rule_sets.id>'
      rule_set_ref TEXT NOT NULL,
      program TEXT NOT NULL CHECK (program IN ('foundation','endorsement')),
      endorsement TEXT,
      confirmations TEXT NOT NULL DEFAULT '[]',
      note TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX idx_course_plans_one_active ON course_plans(student_id) WHERE kind = 'active'`);
    await q.query(`CREATE INDEX idx_course_plans_student ON course_plans(student_id, kind)`);
    await q.query(`CREATE TABLE plan_entries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      plan_id INTEGER NOT NULL REFERENCES course_plans(id) ON DELETE CASCADE,
      course_code TEXT NOT NULL,
      grade TEXT NOT NULL CHECK (grade IN ('07','08','09','10','11','12')),
      term TEXT NOT NULL CHECK (term IN ('year','fall','spring','summer')),
      status TEXT NOT NULL CHECK (status IN ('planned','requested')),
      -- Overrides the catalog's credits for this entry (rare: a half-credit section).
      credits REAL,
      -- [{"code":"GEOM","reason":"…","by":"…","date":"YYYY-MM-DD"}]
      waivers TEXT NOT NULL DEFAULT '[]',
      note TEXT,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_plan_entries_plan ON plan_entries(plan_id)`);
    await q.query(`CREATE TABLE course_records (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      course_code TEXT NOT NULL,
      -- The title the transcript gave (kept for courses not in the catalog).
      title TEXT,
      grade TEXT NOT NULL CHECK (grade IN ('07','08','09','10','11','12')),
      term TEXT NOT NULL CHECK (term IN ('year','fall','spring','summer')),
      school_year INTEGER,
      status TEXT NOT NULL CHECK (status IN ('completed','in-progress')),
      mark TEXT,
      -- Earned (completed; 0 = no credit) or attempted (in progress).
      credits REAL CHECK (credits IS NULL OR (credits >= 0 AND credits <= 10)),
      credit_source TEXT NOT NULL DEFAULT 'course' CHECK (credit_source IN ('course','exam')),
      source TEXT NOT NULL CHECK (source IN ('transcript-csv','manual')),
      import_id INTEGER REFERENCES course_imports(id) ON DELETE SET NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    // Re-importing the same transcript finds the same rows instead of adding copies.
    await q.query(`CREATE UNIQUE INDEX idx_course_records_key ON course_records(student_id, course_code, grade, term, IFNULL(school_year, 0))`);
    await q.query(`CREATE TABLE plan_decisions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      plan_id INTEGER REFERENCES course_plans(id) ON DELETE SET NULL,
      previous_plan_id INTEGER REFERENCES course_plans(id) ON DELETE SET NULL,
      plan_name TEXT NOT NULL,
      -- [{"name":"…","role":"student|parent|guardian|counselor|teacher|other"}]
      agreed_by TEXT NOT NULL,
      decided_on TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      note TEXT,
      -- Set when the decision was taken in a conference (conferences come in a later migration).
      conference_id INTEGER
    )`);
    await q.query(`CREATE INDEX idx_plan_decisions_student ON plan_decisions(student_id, recorded_at)`);
    await q.query(`CREATE TABLE pgp_records (
      student_id INTEGER PRIMARY KEY REFERENCES students(id) ON DELETE CASCADE,
      entered_grade9_year INTEGER,
      endorsement TEXT,
      -- 19 TAC 74.13(a): the endorsement is chosen in writing on entering grade 9.
      endorsement_chosen_on TEXT,
      postsecondary_goal TEXT,
      dla_intended INTEGER NOT NULL DEFAULT 0,
      reviewed_by TEXT,
      reviewed_on TEXT,
      student_ack_name TEXT,
      student_ack_date TEXT,
      parent_ack_name TEXT,
      parent_ack_date TEXT,
      foundation_only INTEGER NOT NULL DEFAULT 0,
      foundation_only_advised_on TEXT,
      foundation_only_parent_name TEXT,
      foundation_only_permission_date TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (foundation_only = 0 OR (foundation_only_advised_on IS NOT NULL AND foundation_only_parent_name IS NOT NULL AND foundation_only_permission_date IS NOT NULL))
    )`);
    await q.query(`CREATE TABLE pgp_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      -- Codes and dates only (e.g. {"from":"stem","to":"business-industry"}).
      detail TEXT NOT NULL DEFAULT '{}',
      on_date TEXT,
      recorded_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_pgp_events_student ON pgp_events(student_id, recorded_at)`);
    await q.query(`CREATE TABLE course_requests (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      school_year INTEGER NOT NULL,
      course_code TEXT NOT NULL,
      priority TEXT NOT NULL DEFAULT 'primary' CHECK (priority IN ('primary','alternate')),
      waivers TEXT NOT NULL DEFAULT '[]',
      note TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (student_id, school_year, course_code)
    )`);
    await q.query(`CREATE INDEX idx_course_requests_year ON course_requests(school_year, student_id)`);
    await q.query(`CREATE TABLE placement_recommendations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      school_year INTEGER NOT NULL,
      teacher TEXT NOT NULL,
      course_code TEXT NOT NULL,
      recommendation TEXT NOT NULL CHECK (recommendation IN ('recommended','not-recommended')),
      note TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_placement_year ON placement_recommendations(school_year, student_id)`);
    await q.query(`CREATE TABLE prereg_reviews (
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      school_year INTEGER NOT NULL,
      reviewed_on TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (student_id, school_year)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['prereg_reviews', 'placement_recommendations', 'course_requests', 'pgp_events', 'pgp_records', 'plan_decisions', 'course_records', 'plan_entries', 'course_plans', 'rule_sets', 'courses', 'course_imports']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
