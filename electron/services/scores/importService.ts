import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { localIsoDate } from '../../../shared/domain/dates';
import { hasBlockingProblems, rejectedRowCount, sortProblems } from '../../../shared/domain/roster/problems';
import { suggestMapping, MAPPABLE_FAMILIES, type ColumnMapping, type MappableFamily } from '../../../shared/domain/scores/mapping';
import { hasAnyValue, type ParsedScoreRow, type ScoreResult, type TestFamily } from '../../../shared/domain/scores/types';
import type { ImportCounts, ImportProblem } from '../../../shared/ipc/contract/imports';
import type { ScoreImportSampleRow, ScoreImportUnmatched, ScoresImportCommitResult, ScoresImportPreview } from '../../../shared/ipc/contract/scores';
import type { DialogPort } from '../../adapters/ports';
import { readScoreFiles, type ScoreFile, type ScoreParseSummary } from '../../importers/scores';
import type { RawDatabase } from '../../vault/database';
import type { VaultSession } from '../../vault/vaultManager';
import { recordAudit } from '../../vault/auditLog';
import type { PendingImports } from '../imports/pendingImports';
import { decodeScores, encodeScores, hashOf, loadKeysByStudent, planFingerprint, writeStatements } from './store';

/**
 * Score imports: choose → parse → match students by state or local ID → diff against the
 * vault → preview; then commit writes everything or nothing in one transaction, after
 * re-checking that the vault still matches the preview. Re-importing a file changes nothing.
 * Rows of students who are not in the vault are listed (never silently dropped); rows with
 * errors block the commit.
 */

const KIND = 'scores';
/** A district-wide score export is tens of MB; far beyond this is the wrong file. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
const SAMPLE_ROWS = 60;

interface StudentIds {
  id: number;
  localId: string | null;
  stateId: string | null;
}

/**
 * A result as the import keeps it from preview to commit, in one flat object: its sections
 * encoded as stored the moment the row is read. A 200,000-row file would otherwise hold
 * millions of section objects (and a million small ones around them) until the commit, and
 * collecting them was the largest cost of an import.
 */
export interface StagedRow extends Omit<ScoreResult, 'scores'> {
  fileName: string;
  row: number;
  line: number | undefined;
  localId: string | null;
  stateId: string | null;
  localColumn: string | null;
  stateColumn: string | null;
  name: string | null;
  raw: string;
  /** The sections as stored (encodeScores). */
  scores: string;
  /** Whether any section had a value. */
  hasValue: boolean;
}

const NO_FLAGS: string[] = Object.freeze([]) as unknown as string[];

export function stageRow(parsed: ParsedScoreRow): StagedRow {
  const { result: r, origin: o, student: s } = parsed;
  return {
    family: r.family,
    form: r.form,
    subject: r.subject,
    administrationDate: r.administrationDate,
    datePrecision: r.datePrecision,
    administrationLabel: r.administrationLabel,
    gradeAtTesting: r.gradeAtTesting,
    flags: r.flags.length ? r.flags : NO_FLAGS,
    fileName: o.fileName,
    row: o.row,
    line: o.line ?? undefined,
    localId: s.localId,
    stateId: s.stateId,
    localColumn: s.localColumn,
    stateColumn: s.stateColumn,
    name: s.name,
    raw: parsed.raw,
    scores: encodeScores(r.scores),
    hasValue: r.scores.some(hasAnyValue),
  };
}

export interface StagedParse {
  summary: ScoreParseSummary;
  rows: StagedRow[];
}

interface PlanItem {
  row: StagedRow;
  studentId: number;
  outcome: 'new' | 'updated' | 'unchanged';
  existingId: number | null;
  hash: string;
}

interface Plan {
  items: PlanItem[];
  unmatched: ScoreImportUnmatched[];
  problems: ImportProblem[];
  counts: ImportCounts;
  matchedStudents: number;
}

interface Pending {
  files: ScoreFile[];
  expect: TestFamily | 'auto';
  parsed: StagedParse | null;
  mapping: ColumnMapping | null;
  counts: ImportCounts | null;
  unmatchedCount: number;
  fileHash: string;
  /** The plan shown in the preview and what it was computed against. */
  plan: Plan | null;
  fingerprint: string | null;
}

function studentLookup(db: RawDatabase) {
  const byLocal = new Map<string, StudentIds>();
  const byState = new Map<string, StudentIds>();
  const rows = db.prepare(`SELECT id, local_id, state_id FROM students`).raw().all() as [number, string | null, string | null][];
  for (const [id, local, state] of rows) {
    const s: StudentIds = { id, localId: local, stateId: state };
    if (local) byLocal.set(local, s);
    if (state) byState.set(state, s);
  }
  // Names only for messages: read when a message needs one, not for every student.
  const nameQuery = db.prepare('SELECT first_name, last_name, preferred_name FROM students WHERE id = ?');
  const nameOf = (s: StudentIds): string => {
    const r = nameQuery.get(s.id) as { first_name: string; last_name: string; preferred_name: string | null };
    return `${r.preferred_name || r.first_name} ${r.last_name}`;
  };
  return { byLocal, byState, nameOf };
}

/** The entry of `list` with the same natural key as `r` (resultKey: family, subject, date). */
function sameResult<T extends { family: string; subject: string | null; administrationDate: string }>(list: T[] | undefined, r: StagedRow): T | undefined {
  if (!list) return undefined;
  const subject = r.subject ?? '';
  for (const x of list) if (x.family === r.family && (x.subject ?? '') === subject && x.administrationDate === r.administrationDate) return x;
  return undefined;
}

function where(row: StagedRow, column: string | null, severity: ImportProblem['severity'], code: string, message: string): ImportProblem {
  const p: ImportProblem = { fileName: row.fileName, row: row.row, column, severity, code, message };
  if (row.line != null) p.line = row.line;
  return p;
}

const DESCRIBE: Partial<Record<TestFamily, string>> = { SAT: 'SAT', ACT: 'ACT', AP: 'AP exam', STAAR: 'STAAR test', STAAR_EOC: 'STAAR end-of-course test' };

/** Matches every parsed row to a student and diffs it against what the vault holds. */
export function planImport(db: RawDatabase, parsed: StagedParse): Plan {
  const { byLocal, byState, nameOf } = studentLookup(db);
  const existing = loadKeysByStudent(db);
  const problems: ImportProblem[] = [...parsed.summary.problems];
  const unmatched: ScoreImportUnmatched[] = [];
  const items: PlanItem[] = [];
  // By student, then compared field by field: no key string per row.
  const seen = new Map<number, StagedRow[]>();
  const students = new Set<number>();
  for (const row of parsed.rows) {
    const { localId, stateId } = row;
    const byL = localId ? byLocal.get(localId) : undefined;
    const byS = stateId ? byState.get(stateId) : undefined;
    if (byL && byS && byL.id !== byS.id) {
      problems.push(where(row, row.stateColumn, 'error', 'student-ids-conflict', `The local ID ${localId} belongs to ${nameOf(byL)} but the state ID ${stateId} to ${nameOf(byS)}. Check the IDs in the file; this row was not matched to either.`));
      continue;
    }
    const student = byL ?? byS;
    if (!student) {
      unmatched.push({ fileName: row.fileName, row: row.row, localId, stateId, name: row.name, family: row.family });
      continue;
    }
    if (byL && stateId && student.stateId && student.stateId !== stateId) {
      problems.push(where(row, row.stateColumn, 'error', 'student-state-id-differs', `The row's local ID ${localId} is ${nameOf(student)}, whose state ID is ${student.stateId}, but the row says ${stateId}. Check which student this is.`));
      continue;
    }
    if (byS && localId && student.localId && student.localId !== localId) {
      problems.push(where(row, row.localColumn, 'error', 'student-local-id-differs', `The row's state ID ${stateId} is ${nameOf(student)}, whose local ID is ${student.localId}, but the row says ${localId}. Check which student this is.`));
      continue;
    }
    if (!row.hasValue && !row.flags.includes('score-withheld')) {
      problems.push(where(row, null, 'warning', 'no-scores', `This ${DESCRIBE[row.family] ?? row.family} record for ${nameOf(student)} has no scores in it; there is nothing to import from it.`));
      continue;
    }
    const earlier = sameResult(seen.get(student.id), row);
    if (earlier) {
      const what = DESCRIBE[row.family] ?? row.family;
      problems.push(where(row, null, 'error', 'duplicate-result', `${row.fileName} row ${earlier.row} and row ${row.row} both hold the ${what}${row.subject ? ` (${row.subject})` : ''} of ${row.administrationDate} for ${nameOf(student)}. Remove the duplicate row; nothing was imported.`));
      continue;
    }
    const list = seen.get(student.id);
    if (list) list.push(row);
    else seen.set(student.id, [row]);
    students.add(student.id);
    const hash = hashOf(row, row.scores);
    const ex = sameResult(existing.get(student.id), row);
    items.push({ row, studentId: student.id, existingId: ex?.id ?? null, hash, outcome: !ex ? 'new' : ex.hash === hash ? 'unchanged' : 'updated' });
  }
  const counts: ImportCounts = {
    new: items.filter((i) => i.outcome === 'new').length,
    updated: items.filter((i) => i.outcome === 'updated').length,
    unchanged: items.filter((i) => i.outcome === 'unchanged').length,
    rejected: rejectedRowCount(problems),
  };
  return { items, unmatched, problems: sortProblems(problems), counts, matchedStudents: students.size };
}

function valueText(s: ParsedScoreRow['result']['scores'][number]): string {
  if (s.scale !== null) return String(s.scale);
  if (s.text !== null) return s.text;
  if (s.level !== null) return s.level;
  if (s.percentiles[0]) return `P${s.percentiles[0].value}`;
  return '—';
}

export class ScoresImportService {
  constructor(
    private readonly session: () => VaultSession,
    private readonly now: () => Date,
    private readonly pending: PendingImports,
    private readonly dialogs: DialogPort,
  ) {}

  private get db(): RawDatabase {
    return this.session().db;
  }

  private today(): string {
    return localIsoDate(this.now());
  }

  async choose(expect: TestFamily | 'auto'): Promise<ScoresImportPreview | null> {
    this.session(); // locked vault: refuse before opening a dialog
    const paths = await this.dialogs.chooseOpenFiles(
      'import',
      [
        { name: 'Score files', extensions: ['csv', 'txt', 'tsv', 'dat', 'xml'] },
        { name: 'All files', extensions: ['*'] },
      ],
      { multiple: true },
    );
    if (!paths || paths.length === 0) return null;
    const files: ScoreFile[] = [];
    for (const p of paths) {
      const file = basename(p);
      const unreadable = () => new AppError('IMPORT_INVALID', `${file} could not be found or opened.`, { reason: 'file-unreadable', file });
      const size = (await stat(p).catch(() => Promise.reject(unreadable()))).size;
      if (size > MAX_FILE_BYTES) throw new AppError('IMPORT_INVALID', `${file} is ${Math.round(size / 1024 / 1024)} MB, too large for a score file.`, { reason: 'file-too-large', file, size: Math.round(size / 1024 / 1024) });
      files.push({ name: file, bytes: new Uint8Array(await readFile(p).catch(() => Promise.reject(unreadable()))) });
    }
    return this.previewFiles(files, expect);
  }

  /** Parse and preview files already read (the dialog path above, and tests). */
  previewFiles(files: ScoreFile[], expect: TestFamily | 'auto' = 'auto', mapping: ColumnMapping | null = null): ScoresImportPreview {
    const fileHash = createHash('sha256');
    for (const f of files) fileHash.update(f.name).update(f.bytes);
    const state: Pending = { files, expect, parsed: null, mapping, counts: null, unmatchedCount: 0, fileHash: fileHash.digest('hex'), plan: null, fingerprint: null };
    // Each result is staged (sections encoded) as it is read; the file is never held as a table.
    const rows: StagedRow[] = [];
    const outcome = readScoreFiles(files, { today: this.today(), expect, mapping: mapping ?? undefined }, (row) => rows.push(stageRow(row)));
    if (outcome.kind === 'needs-mapping') {
      const token = this.pending.put(KIND, state);
      const family: MappableFamily = expect !== 'auto' && (MAPPABLE_FAMILIES as readonly string[]).includes(expect) ? (expect as MappableFamily) : 'TSIA2';
      return {
        token,
        status: 'needs-mapping',
        fileNames: files.map((f) => f.name),
        counts: { new: 0, updated: 0, unchanged: 0, rejected: 0 },
        problems: outcome.problems,
        canCommit: false,
        format: 'mapped-csv',
        families: [],
        sourceRecords: 0,
        results: 0,
        matchedStudents: 0,
        unmatched: [],
        notes: [],
        ignoredColumns: [],
        sample: [],
        mapping: { fileName: outcome.mapping.fileName, headers: outcome.mapping.headers, sampleRows: outcome.mapping.sample, suggestion: suggestMapping(outcome.mapping.headers, family) },
      };
    }
    state.parsed = { summary: outcome.summary, rows };
    return this.previewParsed(state);
  }

  /** Re-read the chosen file with a column mapping. */
  map(token: string, mapping: ColumnMapping): ScoresImportPreview {
    const state = this.pending.get<Pending>(KIND, token);
    this.pending.drop(token);
    return this.previewFiles(state.files, state.expect, mapping);
  }

  private previewParsed(state: Pending): ScoresImportPreview {
    const parsed = state.parsed!;
    const summary = parsed.summary;
    const plan = planImport(this.db, parsed);
    state.counts = plan.counts;
    state.unmatchedCount = plan.unmatched.length;
    state.plan = plan;
    state.fingerprint = planFingerprint(this.db);
    const token = this.pending.put(KIND, state);
    const names = new Map<number, string>();
    const nameOf = (id: number) => {
      let n = names.get(id);
      if (n === undefined) {
        const r = this.db.prepare('SELECT first_name, last_name, preferred_name FROM students WHERE id = ?').get(id) as { first_name: string; last_name: string; preferred_name: string | null };
        n = `${r.preferred_name || r.first_name} ${r.last_name}`;
        names.set(id, n);
      }
      return n;
    };
    const ordered = [...plan.items.filter((i) => i.outcome !== 'unchanged'), ...plan.items.filter((i) => i.outcome === 'unchanged')];
    const sample: ScoreImportSampleRow[] = ordered.slice(0, SAMPLE_ROWS).map((i) => ({
      studentId: i.studentId,
      studentName: nameOf(i.studentId),
      family: i.row.family,
      subject: i.row.subject,
      administrationDate: i.row.administrationDate,
      datePrecision: i.row.datePrecision,
      outcome: i.outcome,
      summary: decodeScores(i.row.scores).filter(hasAnyValue).slice(0, 6).map((s) => ({ section: s.section, label: s.label, value: valueText(s) })),
    }));
    const canCommit = !hasBlockingProblems(plan.problems) && plan.counts.new + plan.counts.updated > 0;
    return {
      token,
      status: 'ready',
      fileNames: state.files.map((f) => f.name),
      counts: plan.counts,
      problems: plan.problems,
      canCommit,
      format: summary.format,
      families: summary.families,
      sourceRecords: summary.sourceRecords,
      results: parsed.rows.length,
      matchedStudents: plan.matchedStudents,
      unmatched: plan.unmatched,
      notes: summary.notes,
      ignoredColumns: summary.ignoredColumns,
      sample,
      mapping: null,
    };
  }

  cancel(token: string): void {
    this.pending.drop(token);
  }

  commit(token: string): ScoresImportCommitResult {
    const state = this.pending.get<Pending>(KIND, token);
    if (!state.parsed || !state.counts) throw new AppError('IMPORT_INVALID', 'This file needs its columns mapped before it can be imported.');
    const db = this.db;
    const parsed = state.parsed;
    const summary = parsed.summary;
    const result = db.transaction(() => {
      // Re-check inside the transaction: a student added, archived or edited since the preview
      // (or results written by another import) changes the plan; then it is computed again.
      const plan = state.plan && planFingerprint(db) === state.fingerprint ? state.plan : planImport(db, parsed);
      if (hasBlockingProblems(plan.problems)) throw new AppError('IMPORT_INVALID', 'The file has problems that must be fixed first. Nothing was imported.');
      const c = plan.counts;
      const p = state.counts!;
      if (c.new !== p.new || c.updated !== p.updated || c.unchanged !== p.unchanged || plan.unmatched.length !== state.unmatchedCount) {
        throw new AppError('CONFLICT', 'The caseload changed since this preview (students or results were added or edited). Nothing was imported; preview the file again.');
      }
      if (c.new + c.updated === 0) throw new AppError('IMPORT_INVALID', 'Every result in this file is already in the vault. Nothing to import.');
      const ts = this.now().toISOString();
      const batchId = Number(
        db
          .prepare(`INSERT INTO score_import_batches (format, families, file_names, file_sha256, source_records, results_new, results_updated, results_unchanged,
            unmatched_rows, unmatched_json, mapping_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(
            summary.format,
            JSON.stringify(summary.families),
            JSON.stringify(state.files.map((f) => f.name)),
            state.fileHash,
            summary.sourceRecords,
            c.new,
            c.updated,
            c.unchanged,
            plan.unmatched.length,
            // IDs and row numbers only: enough to find the students later, no scores or names.
            JSON.stringify(plan.unmatched.map((u) => ({ row: u.row, file: u.fileName, localId: u.localId, stateId: u.stateId, family: u.family }))),
            state.mapping ? JSON.stringify(state.mapping) : null,
            ts,
          ).lastInsertRowid,
      );
      const st = writeStatements(db);
      for (const item of plan.items) {
        if (item.outcome === 'unchanged') continue;
        const r = item.row;
        const raw = r.raw;
        const flags = r.flags.length ? JSON.stringify(r.flags) : '[]';
        if (item.outcome === 'new') {
          st.insertResult.run(item.studentId, r.family, r.form, r.subject, r.subject ?? '', r.administrationDate, r.datePrecision, r.administrationLabel, r.gradeAtTesting, flags, r.scores, item.hash, raw, r.fileName, r.row, batchId, ts, ts);
        } else {
          st.updateResult.run(r.form, r.datePrecision, r.administrationLabel, r.gradeAtTesting, flags, r.scores, item.hash, raw, r.fileName, r.row, batchId, ts, item.existingId);
        }
      }
      // Counts and the file's format only: never names, IDs, scores or the file's name.
      recordAudit(db, this.now(), { action: 'scores.import', entityType: 'score_import_batch', entityId: batchId, summary: `${summary.format}: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${plan.unmatched.length} unmatched rows` });
      return { counts: c, batchId, unmatched: plan.unmatched.length };
    })();
    this.pending.drop(token);
    return result;
  }
}
