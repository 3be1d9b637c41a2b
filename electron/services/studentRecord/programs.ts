import { PROGRAM_CODES, type ProgramCode } from '../../../shared/domain/roster/programs';
import type { RecordSource } from '../../../shared/domain/studentRecord/fields';
import type { ProgramParticipation } from '../../../shared/ipc/contract/students';
import type { RawDatabase } from '../../vault/database';

/** A stored participation (student_programs row). */
export interface StoredSpan {
  id: number;
  program: ProgramCode;
  beginDate: string | null;
  endDate: string | null;
  current: boolean;
  source: RecordSource;
}

interface SpanRow {
  id: number;
  student_id: number;
  program: ProgramCode;
  begin_date: string | null;
  end_date: string | null;
  current: number;
  source: RecordSource;
}

const toSpan = (r: SpanRow): StoredSpan => ({ id: r.id, program: r.program, beginDate: r.begin_date, endDate: r.end_date, current: r.current === 1, source: r.source });

export function readSpans(db: RawDatabase, studentId: number): StoredSpan[] {
  return (db.prepare('SELECT * FROM student_programs WHERE student_id = ? ORDER BY id').all(studentId) as SpanRow[]).map(toSpan);
}

export function readAllSpans(db: RawDatabase): Map<number, StoredSpan[]> {
  const out = new Map<number, StoredSpan[]>();
  for (const r of db.prepare('SELECT * FROM student_programs ORDER BY id').iterate() as Iterable<SpanRow>) {
    let list = out.get(r.student_id);
    if (!list) out.set(r.student_id, (list = []));
    list.push(toSpan(r));
  }
  return out;
}

/** Current first, then vocabulary order, then the most recent beginning first. */
export function participationView(spans: StoredSpan[]): ProgramParticipation[] {
  const order = (p: ProgramCode) => PROGRAM_CODES.indexOf(p);
  return [...spans]
    .sort((a, b) => Number(b.current) - Number(a.current) || order(a.program) - order(b.program) || (b.beginDate ?? '').localeCompare(a.beginDate ?? ''))
    .map(({ program, beginDate, endDate, current, source }) => ({ program, beginDate, endDate, current, source }));
}

/**
 * A program's state as one comparable value. Files with dates (Ed-Fi) are compared span by
 * span; files that only say yes/no (SIS exports) are compared on "participates now or not".
 */
export function programStateKey(spans: readonly { beginDate: string | null; endDate: string | null; current: boolean }[], withDates: boolean): string {
  if (!withDates) return spans.some((s) => s.current) ? 'current' : 'none';
  if (spans.length === 0) return 'none';
  return spans
    .map((s) => `${s.beginDate ?? ''}/${s.endDate ?? ''}/${s.current ? 1 : 0}`)
    .sort()
    .join(';');
}

/** A stored (dated) state key read by a file that only says yes/no. */
export function undatedKey(key: string): string {
  if (key === 'current' || key === 'none') return key;
  return key.split(';').some((s) => s.endsWith('/1')) ? 'current' : 'none';
}

export const insertSpanSql = `INSERT INTO student_programs (student_id, program, begin_date, end_date, current, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
