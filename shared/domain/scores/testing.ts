import type { GradeLevel } from '../gradeLevels';
import { emptyScore, type ScoreResult, type ScoreValue, type TestFamily } from './types';

/** Builds a result for table-driven tests: `{ rw: 480, math: { scale: 530, sem: 30 } }`. */
export function makeResult(
  family: TestFamily,
  date: string,
  scores: Record<string, number | Partial<ScoreValue>>,
  options: Partial<Pick<ScoreResult, 'gradeAtTesting' | 'subject' | 'datePrecision' | 'flags' | 'form'>> & { grade?: GradeLevel } = {},
): ScoreResult {
  return {
    family,
    form: options.form ?? null,
    subject: options.subject ?? null,
    administrationDate: date,
    datePrecision: options.datePrecision ?? 'day',
    administrationLabel: null,
    gradeAtTesting: options.grade ?? options.gradeAtTesting ?? null,
    scores: Object.entries(scores).map(([section, v]) => emptyScore(section, typeof v === 'number' ? { scale: v } : v)),
    flags: options.flags ?? [],
  };
}
