import type { RawDatabase } from '../../vault/database';
import { jsonString } from '../../importers/text/json';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import { emptyScore, type ScoreResult, type ScoreValue, type TestFamily } from '../../../shared/domain/scores/types';

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
  scores: string;
  batch_id: number | null;
  source_file: string | null;
  source_row: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The natural key: one result per student, test, subject and administration date. */
export function resultKey(studentId: number, r: Pick<ScoreResult, 'family' | 'subject' | 'administrationDate'>): string {
  return `${studentId}\u0000${r.family}\u0000${r.subject ?? ''}\u0000${r.administrationDate}`;
}

/** Section names repeat in every row of a file: their JSON is written once. */
const sectionJson = new Map<string, string>();

/**
 * Sections as stored: compact JSON with absent fields left out (a 13-subtest ASVAB result is
 * ~300 bytes, not ~2 KB), read back into full ScoreValues. The text is part of the content
 * hash of every stored result, so it must never change for the same sections.
 */
export function encodeScores(scores: ScoreValue[]): string {
  // Built by hand: imports encode millions of sections, and a replacer or intermediate objects
  // cost several times more. Field order is fixed, so equal content gives equal text. The parts
  // are joined once: `+=` would leave a tree of small string pieces per row alive until SQLite
  // reads it, and 200,000 such trees made garbage collection the largest cost of an import.
  const parts: string[] = ['['];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    let section = sectionJson.get(s.section);
    if (section === undefined) {
      section = `{"section":${JSON.stringify(s.section)}`;
      if (sectionJson.size < 1000) sectionJson.set(s.section, section);
    }
    parts.push(i ? ',' : '', section);
    if (!wellFormed(s)) {
      // A field left undefined (never by Waypoint's readers): the general form, as always written.
      for (const k of SCORE_FIELDS) {
        const v = s[k];
        if (v === null || (Array.isArray(v) && v.length === 0)) continue;
        parts.push(`,"${k}":`, typeof v === 'number' ? String(v) : (JSON.stringify(v) as string | undefined) ?? 'undefined');
      }
      parts.push('}');
      continue;
    }
    // Field by field in SCORE_FIELDS order (named reads: a loop over the names was a third of
    // the encoding time). Absent fields (null, empty lists) are left out.
    if (s.label !== null) parts.push(',"label":', jsonString(s.label));
    if (s.scale !== null) parts.push(',"scale":', String(s.scale));
    if (s.text !== null) parts.push(',"text":', jsonString(s.text));
    if (s.percentiles.length) parts.push(',"percentiles":', JSON.stringify(s.percentiles));
    if (s.sem !== null) parts.push(',"sem":', String(s.sem));
    if (s.band !== null) parts.push(',"band":', JSON.stringify(s.band));
    if (s.level !== null) parts.push(',"level":', jsonString(s.level));
    if (s.levelCode !== null) parts.push(',"levelCode":', jsonString(s.levelCode));
    if (s.benchmarkMet !== null) parts.push(',"benchmarkMet":', String(s.benchmarkMet));
    if (s.stanine !== null) parts.push(',"stanine":', String(s.stanine));
    if (s.raw !== null) parts.push(',"raw":', String(s.raw));
    parts.push('}');
  }
  parts.push(']');
  return parts.join('');
}

/** Every field present (null when absent), as emptyScore makes them. */
function wellFormed(s: ScoreValue): boolean {
  return (
    s.label !== undefined &&
    s.scale !== undefined &&
    s.text !== undefined &&
    Array.isArray(s.percentiles) &&
    s.sem !== undefined &&
    s.band !== undefined &&
    s.level !== undefined &&
    s.levelCode !== undefined &&
    s.benchmarkMet !== undefined &&
    s.stanine !== undefined &&
    s.raw !== undefined
  );
}

/** The stored field order (encodeScores writes them in this order). */
export const SCORE_FIELDS = ['label', 'scale', 'text', 'percentiles', 'sem', 'band', 'level', 'levelCode', 'benchmarkMet', 'stanine', 'raw'] as const satisfies readonly (keyof ScoreValue)[];

export function decodeScores(json: string): ScoreValue[] {
  return (JSON.parse(json) as (Partial<ScoreValue> & { section: string })[]).map((s) => emptyScore(s.section, s));
}

/** What makes two imports of a result "the same" (not the raw row or which file it came in). */
export function contentHash(r: ScoreResult, encodedScores: string = encodeScores(r.scores)): string {
  return hashOf(r, encodedScores);
}

/** contentHash of a result whose sections are already encoded. */
export function hashOf(r: Pick<ScoreResult, 'form' | 'datePrecision' | 'administrationLabel' | 'gradeAtTesting' | 'flags'>, encodedScores: string): string {
  // \u0001 cannot occur in any of these fields, so the parts cannot run into each other. The
  // hash runs over the parts in turn: the same value as over their concatenation, which is
  // never built.
  const flags = r.flags.length === 0 ? '' : r.flags.join('\u0002');
  const parts = [r.form ?? '', r.datePrecision, r.administrationLabel ?? '', r.gradeAtTesting ?? '', flags, encodedScores];
  let length = 5;
  for (const p of parts) length += p.length;
  return `${length.toString(36)}.${hash53(parts)}`;
}

/**
 * cyrb53, a fast 53-bit string hash, over `parts` joined by \u0001. It only has to tell whether
 * the result stored under a key changed between two imports (with the length as a second
 * check), not resist attack; a cryptographic hash per row was a third of a 200,000-row import.
 */
function hash53(parts: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      h1 = Math.imul(h1 ^ 1, 2654435761);
      h2 = Math.imul(h2 ^ 1, 1597334677);
    }
    const str = parts[p];
    for (let i = 0; i < str.length; i++) {
      const ch = str.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * What an import plan depends on (students' IDs, the results already stored), as a cheap
 * fingerprint: every write in the app goes through this one connection, so an unchanged
 * `total_changes()` (rows inserted, updated or deleted since the vault was opened) means
 * nothing changed since the preview. Any write at all — even an audit entry — only makes the
 * commit re-plan and compare, never skip a check.
 */
export function planFingerprint(db: RawDatabase): string {
  const r = db.prepare('SELECT total_changes() AS c, (SELECT max(rowid) FROM students) AS s, (SELECT max(rowid) FROM test_results) AS t').get() as { c: number; s: number | null; t: number | null };
  return `${r.c}/${r.s ?? 0}/${r.t ?? 0}`;
}

const SELECT_RESULTS = `SELECT id, student_id, family, form, subject, administration_date, date_precision, administration_label, grade_at_testing,
  flags, scores, batch_id, source_file, source_row, version, created_at, updated_at FROM test_results`;

function assemble(rows: ResultRow[]): StoredResult[] {
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
      scores: decodeScores(r.scores),
    },
  }));
}

/** One student's results, oldest first, each with its sections in file order. */
export function loadStudentResults(db: RawDatabase, studentId: number): StoredResult[] {
  const rows = db.prepare(`${SELECT_RESULTS} WHERE student_id = ? ORDER BY administration_date, family, subject_key, id`).all(studentId) as ResultRow[];
  return assemble(rows);
}

/** Results of the given families for every student (caseload views), grouped by student. */
export function loadResultsByFamily(db: RawDatabase, families: readonly TestFamily[]): Map<number, StoredResult[]> {
  const marks = families.map(() => '?').join(',');
  const rows = db.prepare(`${SELECT_RESULTS} WHERE family IN (${marks}) ORDER BY student_id, administration_date, id`).all(...families) as ResultRow[];
  const out = new Map<number, StoredResult[]>();
  for (const r of assemble(rows)) {
    let list = out.get(r.studentId);
    if (!list) out.set(r.studentId, (list = []));
    list.push(r);
  }
  return out;
}

/** Existing results by student, with their natural key fields and content hash, for diffing an import. */
export function loadKeysByStudent(db: RawDatabase): Map<number, { family: string; subject: string; administrationDate: string; id: number; hash: string; version: number }[]> {
  const out = new Map<number, { family: string; subject: string; administrationDate: string; id: number; hash: string; version: number }[]>();
  const it = db.prepare(`SELECT id, student_id, family, subject_key, administration_date, content_hash, version FROM test_results`).raw().iterate() as IterableIterator<[number, number, string, string, string, string, number]>;
  for (const [id, sid, family, subject, date, hash, version] of it) {
    const entry = { family, subject, administrationDate: date, id, hash, version };
    const list = out.get(sid);
    if (list) list.push(entry);
    else out.set(sid, [entry]);
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
}

export function writeStatements(db: RawDatabase): WriteStatements {
  return {
    insertResult: db.prepare(`INSERT INTO test_results (student_id, family, form, subject, subject_key, administration_date, date_precision, administration_label,
      grade_at_testing, flags, scores, content_hash, raw_json, source_file, source_row, batch_id, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`),
    updateResult: db.prepare(`UPDATE test_results SET form = ?, date_precision = ?, administration_label = ?, grade_at_testing = ?, flags = ?, scores = ?, content_hash = ?,
      raw_json = ?, source_file = ?, source_row = ?, batch_id = ?, version = version + 1, updated_at = ? WHERE id = ?`),
  } as WriteStatements;
}
