import { createHash } from 'node:crypto';
import type { RawDatabase } from '../../vault/database';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { LevelCode, Percentile, ScoreResult, ScoreValue, TestFamily } from '../../../shared/domain/scores/types';

/**
 * The test-results tables through prepared statements on the connection under TypeORM
 * (bulk imports write hundreds of thousands of rows in one transaction).
 */

export interface StoredResult {
  id: number;
  studentId: number;
  version: number;
  batchId: number | null;
  sourceFile: string | null;
  sourceRow: number | null;
  createdAt: string;
  updatedAt: string;
  result: ScoreResult;
}

interface ResultRow {
  id: number;
  student_id: number;
  family: TestFamily;
  form: string | null;
  subject: string | null;
  administration_date: string;
  date_precision: 'day' | 'month';
  administration_label: string | null;
  grade_at_testing: GradeLevel | null;
  flags: string;
  batch_id: number | null;
  source_file: string | null;
  source_row: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

interface ScoreRow {
  result_id: number;
  section: string;
  label: string | null;
  scale_score: number | null;
  score_text: string | null;
  raw_score: number | null;
  percentiles: string;
  sem: number | null;
  band_low: number | null;
  band_high: number | null;
  performance_level: string | null;
  performance_level_code: LevelCode | null;
  benchmark_met_reported: 0 | 1 | null;
  stanine: number | null;
}

/** The natural key: one result per student, test, subject and administration date. */
export function resultKey(studentId: number, r: Pick<ScoreResult, 'family' | 'subject' | 'administrationDate'>): string {
  return `${studentId}\u0000${r.family}\u0000${r.subject ?? ''}\u0000${r.administrationDate}`;
}

/** What makes two imports of a result "the same" (not the raw row or which file it came in). */
export function contentHash(r: ScoreResult): string {
  const body = JSON.stringify([r.form, r.datePrecision, r.administrationLabel, r.gradeAtTesting, r.flags, r.scores]);
  return createHash('sha1').update(body).digest('base64');
}

function toScore(s: ScoreRow): ScoreValue {
  return {
    section: s.section,
    label: s.label,
    scale: s.scale_score,
    text: s.score_text,
    percentiles: JSON.parse(s.percentiles) as Percentile[],
    sem: s.sem,
    band: s.band_low !== null && s.band_high !== null ? { low: s.band_low, high: s.band_high } : null,
    level: s.performance_level,
    levelCode: s.performance_level_code,
    benchmarkMet: s.benchmark_met_reported === null ? null : s.benchmark_met_reported === 1,
    stanine: s.stanine,
    raw: s.raw_score,
  };
}

const SELECT_RESULTS = `SELECT id, student_id, family, form, subject, administration_date, date_precision, administration_label, grade_at_testing,
  flags, batch_id, source_file, source_row, version, created_at, updated_at FROM test_results`;
const SELECT_SCORES = `SELECT s.result_id, s.section, s.label, s.scale_score, s.score_text, s.raw_score, s.percentiles, s.sem, s.band_low, s.band_high,
  s.performance_level, s.performance_level_code, s.benchmark_met_reported, s.stanine FROM test_scores s`;

function assemble(rows: ResultRow[], scores: ScoreRow[]): StoredResult[] {
  const byResult = new Map<number, ScoreValue[]>();
  for (const s of scores) {
    let list = byResult.get(s.result_id);
    if (!list) byResult.set(s.result_id, (list = []));
    list.push(toScore(s));
  }
  return rows.map((r) => ({
    id: r.id,
    studentId: r.student_id,
    version: r.version,
    batchId: r.batch_id,
    sourceFile: r.source_file,
    sourceRow: r.source_row,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    result: {
      family: r.family,
      form: r.form,
      subject: r.subject,
      administrationDate: r.administration_date,
      datePrecision: r.date_precision,
      administrationLabel: r.administration_label,
      gradeAtTesting: r.grade_at_testing,
      flags: JSON.parse(r.flags) as string[],
      scores: byResult.get(r.id) ?? [],
    },
  }));
}

/** One student's results, oldest first, each with its sections in file order. */
export function loadStudentResults(db: RawDatabase, studentId: number): StoredResult[] {
  const rows = db.prepare(`${SELECT_RESULTS} WHERE student_id = ? ORDER BY administration_date, family, subject_key, id`).all(studentId) as ResultRow[];
  if (!rows.length) return [];
  const scores = db.prepare(`${SELECT_SCORES} JOIN test_results r ON r.id = s.result_id WHERE r.student_id = ? ORDER BY s.result_id, s.ordinal`).all(studentId) as ScoreRow[];
  return assemble(rows, scores);
}

/** Results of the given families for every student (caseload views), grouped by student. */
export function loadResultsByFamily(db: RawDatabase, families: readonly TestFamily[]): Map<number, StoredResult[]> {
  const marks = families.map(() => '?').join(',');
  const rows = db.prepare(`${SELECT_RESULTS} WHERE family IN (${marks}) ORDER BY student_id, administration_date, id`).all(...families) as ResultRow[];
  const scores = db.prepare(`${SELECT_SCORES} JOIN test_results r ON r.id = s.result_id WHERE r.family IN (${marks}) ORDER BY s.result_id, s.ordinal`).all(...families) as ScoreRow[];
  const out = new Map<number, StoredResult[]>();
  for (const r of assemble(rows, scores)) {
    let list = out.get(r.studentId);
    if (!list) out.set(r.studentId, (list = []));
    list.push(r);
  }
  return out;
}

/** Existing results by natural key with their content hash, for diffing an import. */
export function loadKeys(db: RawDatabase): Map<string, { id: number; hash: string; version: number }> {
  const out = new Map<string, { id: number; hash: string; version: number }>();
  const it = db.prepare(`SELECT id, student_id, family, subject_key, administration_date, content_hash, version FROM test_results`).raw().iterate() as IterableIterator<[number, number, string, string, string, string, number]>;
  for (const [id, sid, family, subject, date, hash, version] of it) out.set(`${sid}\u0000${family}\u0000${subject}\u0000${date}`, { id, hash, version });
  return out;
}

type Statement = ReturnType<RawDatabase['prepare']> & { run(...params: unknown[]): { lastInsertRowid: number | bigint; changes: number } };

export interface WriteStatements {
  insertResult: Statement;
  updateResult: Statement;
  deleteScores: Statement;
  insertScore: Statement;
}

export function writeStatements(db: RawDatabase): WriteStatements {
  return <WriteStatements>{
    insertResult: db.prepare(`INSERT INTO test_results (student_id, family, form, subject, subject_key, administration_date, date_precision, administration_label,
      grade_at_testing, flags, content_hash, raw_json, source_file, source_row, batch_id, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`),
    updateResult: db.prepare(`UPDATE test_results SET form = ?, date_precision = ?, administration_label = ?, grade_at_testing = ?, flags = ?, content_hash = ?,
      raw_json = ?, source_file = ?, source_row = ?, batch_id = ?, version = version + 1, updated_at = ? WHERE id = ?`),
    deleteScores: db.prepare(`DELETE FROM test_scores WHERE result_id = ?`),
    insertScore: db.prepare(`INSERT INTO test_scores (result_id, ordinal, section, label, scale_score, score_text, raw_score, percentiles, sem, band_low, band_high,
      performance_level, performance_level_code, benchmark_met_reported, stanine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

export function scoreParams(resultId: number, ordinal: number, s: ScoreValue): unknown[] {
  return [
    resultId,
    ordinal,
    s.section,
    s.label,
    s.scale,
    s.text,
    s.raw,
    s.percentiles.length ? JSON.stringify(s.percentiles) : '[]',
    s.sem,
    s.band?.low ?? null,
    s.band?.high ?? null,
    s.level,
    s.levelCode,
    s.benchmarkMet === null ? null : s.benchmarkMet ? 1 : 0,
    s.stanine,
  ];
}
