import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { leadingZeroTwin } from '../../../shared/domain/graduation/codes';
import type { ImportCommitResult } from '../../../shared/ipc/contract/imports';
import type { CourseImportProblem, TranscriptImportPreview } from '../../../shared/ipc/contract';
import { recordAudit } from '../../vault/auditLog';
import { parseTranscriptCsv, type TranscriptParseResult, type TranscriptRow } from '../../importers/courses/transcriptCsv';
import { problemAt } from '../../importers/courses/common';
import { sortProblems } from '../../../shared/domain/roster/problems';
import type { AppContext } from '../context';
import type { PendingImports } from '../imports/pendingImports';
import type { CourseStore } from './store';

/**
 * Transcript import: completed and in-progress courses from a CSV, matched to students by
 * local ID, then state ID. Rows for students not in the caseload are listed and not
 * imported; course codes the catalog does not know are imported and listed (never dropped).
 * Re-importing the same file finds every row unchanged.
 */
interface Write {
  studentId: number;
  row: TranscriptRow;
  existingId: number | null;
  existingVersion: number | null;
}

interface PendingTranscript {
  fileName: string;
  writes: Write[];
  unchanged: number;
  students: number;
  blocked: boolean;
}

interface ExistingRecord {
  id: number;
  student_id: number;
  course_code: string;
  grade: string;
  term: string;
  school_year: number | null;
  status: string;
  mark: string | null;
  credits: number | null;
  credit_source: string;
  title: string | null;
  version: number;
}

const keyOf = (studentId: number, code: string, grade: string, term: string, year: number | null) => `${studentId}\u0000${code}\u0000${grade}\u0000${term}\u0000${year ?? ''}`;

export class TranscriptService {
  constructor(
    private readonly store: CourseStore,
    private readonly ctx: Pick<AppContext, 'dialogs' | 'now'>,
    private readonly pending: PendingImports,
  ) {}

  private get db() {
    return this.store.db;
  }

  async preview(): Promise<TranscriptImportPreview | null> {
    const paths = await this.ctx.dialogs.chooseOpenFiles('import', [{ name: 'CSV', extensions: ['csv', 'txt', 'tsv'] }]);
    if (!paths?.length) return null;
    const bytes = new Uint8Array(await readFile(paths[0]));
    return this.previewParsed(parseTranscriptCsv(bytes, basename(paths[0])));
  }

  previewParsed(parsed: TranscriptParseResult): TranscriptImportPreview {
    const problems: CourseImportProblem[] = [...parsed.problems];
    const byLocal = new Map<string, number>();
    const byState = new Map<string, number>();
    for (const s of this.db.prepare('SELECT id, local_id, state_id FROM students').all() as { id: number; local_id: string | null; state_id: string | null }[]) {
      if (s.local_id) byLocal.set(s.local_id, s.id);
      if (s.state_id) byState.set(s.state_id, s.id);
    }
    const existing = new Map<string, ExistingRecord>();
    for (const r of this.db.prepare('SELECT id, student_id, course_code, grade, term, school_year, status, mark, credits, credit_source, title, version FROM course_records').all() as ExistingRecord[]) {
      existing.set(keyOf(r.student_id, r.course_code, r.grade, r.term, r.school_year), r);
    }
    const catalogCodes = new Set((this.db.prepare('SELECT code FROM courses').all() as { code: string }[]).map((r) => r.code));
    const unmatched: TranscriptImportPreview['unmatched'] = [];
    const unknown = new Map<string, { title: string | null; rows: number; firstRow: number }>();
    const writes: Write[] = [];
    const students = new Set<number>();
    let unchanged = 0;
    let updated = 0;
    for (const row of parsed.rows) {
      const studentId = byLocal.get(row.studentId) ?? byState.get(row.studentId);
      if (studentId === undefined) {
        unmatched.push({ row: row.row, studentId: row.studentId });
        continue;
      }
      students.add(studentId);
      if (!catalogCodes.has(row.code)) {
        const u = unknown.get(row.code) ?? { title: row.title, rows: 0, firstRow: row.row };
        u.rows++;
        u.title ??= row.title;
        unknown.set(row.code, u);
      }
      const old = existing.get(keyOf(studentId, row.code, row.grade, row.term, row.schoolYear));
      if (old) {
        const same = old.status === row.status && old.mark === row.mark && old.credits === row.credits && old.credit_source === row.creditSource && (row.title === null || old.title === row.title);
        if (same) {
          unchanged++;
          continue;
        }
        updated++;
      }
      writes.push({ studentId, row, existingId: old?.id ?? null, existingVersion: old?.version ?? null });
    }
    for (const u of unmatched) {
      problems.push(
        problemAt({ fileName: parsed.fileName, row: u.row, column: 'student id' }, 'warning', 'student-not-found', `Row ${u.row}: no student in the caseload has the ID "${u.studentId}"; the row is not imported.`, { row: u.row, id: u.studentId }),
      );
    }
    const unknownCourses = [...unknown.entries()].map(([code, u]) => ({ code, title: u.title, rows: u.rows, likely: leadingZeroTwin(code, catalogCodes) }));
    for (const u of unknownCourses) {
      const first = unknown.get(u.code)!.firstRow;
      problems.push(
        problemAt(
          { fileName: parsed.fileName, row: first, column: 'course code' },
          'warning',
          u.likely ? 'course-unknown-leading-zero' : 'course-unknown',
          u.likely
            ? `"${u.code}" (${u.rows} rows) is not in the catalog; the catalog has "${u.likely}" — a spreadsheet may have dropped the leading zero. The rows are imported as "${u.code}".`
            : `"${u.code}" (${u.rows} rows) is not in the catalog. The rows are imported and listed under the catalog's missing courses; they count as electives until you add the course.`,
          { code: u.code, rows: u.rows, likely: u.likely ?? '' },
        ),
      );
    }
    const canCommit = !problems.some((p) => p.severity === 'error');
    const rejected = new Set(problems.filter((p) => p.severity === 'error' && p.row !== null).map((p) => p.row)).size;
    const counts = { new: writes.length - updated, updated, unchanged, rejected };
    const token = this.pending.put<PendingTranscript>('transcript', { fileName: parsed.fileName, writes: canCommit ? writes : [], unchanged, students: students.size, blocked: !canCommit });
    return { token, fileNames: [parsed.fileName], counts, problems: sortProblems(problems) as CourseImportProblem[], canCommit, students: students.size, records: writes.length + unchanged, unmatched, unknownCourses };
  }

  commit(token: string): ImportCommitResult {
    const payload = this.pending.get<PendingTranscript>('transcript', token);
    if (payload.blocked) throw new AppError('IMPORT_INVALID', 'This file has errors; fix them and choose it again. Nothing was imported.');
    const db = this.db;
    const counts = db.transaction(() => {
      const c = { new: 0, updated: 0, unchanged: payload.unchanged, rejected: 0 };
      if (payload.writes.length === 0) return c;
      const ts = this.ctx.now().toISOString();
      const importId = Number(db.prepare(`INSERT INTO course_imports (kind, file_name, imported_at, counts) VALUES ('transcript-csv', ?, ?, '{}')`).run(payload.fileName, ts).lastInsertRowid);
      const insert = db.prepare(`INSERT INTO course_records (student_id, course_code, title, grade, term, school_year, status, mark, credits, credit_source, source, import_id, version, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'transcript-csv', ?, 1, ?, ?)`);
      const update = db.prepare(`UPDATE course_records SET status = ?, mark = ?, credits = ?, credit_source = ?, title = coalesce(?, title), source = 'transcript-csv', import_id = ?,
        version = version + 1, updated_at = ? WHERE id = ? AND version = ?`);
      for (const w of payload.writes) {
        const r = w.row;
        if (w.existingId === null) {
          try {
            insert.run(w.studentId, r.code, r.title, r.grade, r.term, r.schoolYear, r.status, r.mark, r.credits, r.creditSource, importId, ts, ts);
          } catch (err) {
            if (err instanceof Error && /UNIQUE/.test(err.message)) throw new AppError('CONFLICT', 'The transcript changed after this preview. Choose the file again.');
            throw err;
          }
          c.new++;
        } else {
          const res = update.run(r.status, r.mark, r.credits, r.creditSource, r.title, importId, ts, w.existingId, w.existingVersion);
          if (res.changes !== 1) throw new AppError('CONFLICT', 'A transcript record changed after this preview. Choose the file again.');
          c.updated++;
        }
      }
      db.prepare('UPDATE course_imports SET counts = ? WHERE id = ?').run(JSON.stringify({ ...c, students: payload.students }), importId);
      recordAudit(db, this.ctx.now(), { action: 'transcript.import', entityType: 'course_import', entityId: importId, summary: `${c.new} new, ${c.updated} updated records for ${payload.students} students` });
      return c;
    })();
    this.pending.drop(token);
    return { counts };
  }
}
