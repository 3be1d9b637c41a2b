import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Test results. One row per student, test and administration (SAT of 2024-10-12, STAAR
 * Reading of May 2023, AP Calculus AB of May 2024), holding each section or subtest with
 * the score as the vendor reported it — scale score, percentile(s) with their norm group,
 * standard error, reported band, performance level in the vendor's words and its own
 * benchmark flag. The source row is kept verbatim (minus redacted fields) as JSON, and
 * every result points at the import batch that last wrote it (provenance).
 */
export class TestResults1764800000006 implements MigrationInterface {
  name = 'TestResults1764800000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE score_import_batches (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      format TEXT NOT NULL,
      families TEXT NOT NULL,
      file_names TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      source_records INTEGER NOT NULL,
      results_new INTEGER NOT NULL,
      results_updated INTEGER NOT NULL,
      results_unchanged INTEGER NOT NULL,
      -- Rows whose student is not in the vault: listed (IDs and row numbers only), never silently dropped.
      unmatched_rows INTEGER NOT NULL,
      unmatched_json TEXT NOT NULL DEFAULT '[]',
      mapping_json TEXT,
      imported_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE test_results (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      family TEXT NOT NULL,
      form TEXT,
      subject TEXT,
      -- subject or '' so the natural key below is unique even when there is no subject
      subject_key TEXT NOT NULL DEFAULT '',
      administration_date TEXT NOT NULL,
      date_precision TEXT NOT NULL CHECK (date_precision IN ('day','month')),
      administration_label TEXT,
      grade_at_testing TEXT,
      flags TEXT NOT NULL DEFAULT '[]',
      -- One entry per section or subtest, in file order, absent fields left out:
      -- [{"section":"rw","scale":480,"percentiles":[{"norm":"sat-nationally-representative","value":41}],
      --   "benchmarkMet":true}, …]. JSON rather than a row per section: a 200,000-row SAT file
      -- has 3,000,000 sections, and every read needs the whole result anyway.
      scores TEXT NOT NULL,
      -- hash of the normalized result: a re-import of the same file is "unchanged", not rewritten
      content_hash TEXT NOT NULL,
      raw_json TEXT NOT NULL,
      source_file TEXT,
      source_row INTEGER,
      batch_id INTEGER REFERENCES score_import_batches(id) ON DELETE SET NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (student_id, family, subject_key, administration_date)
    )`);
    await q.query(`CREATE INDEX idx_test_results_family ON test_results(family, student_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_results`);
    await q.query(`DROP TABLE score_import_batches`);
  }
}
