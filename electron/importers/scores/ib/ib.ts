import type { CsvRow } from '../../text/csv';
import { emptyScore, type ParsedScoreRow, type ScoreValue } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * IB results file: one row per candidate and subject (grade 1–7; Theory of Knowledge and
 * the Extended Essay are graded A–E; N = no grade). Each subject is a result; the diploma
 * total (0–45 with up to 3 core points) and result code, repeated on every row of a
 * candidate's session, become one "diploma" result — and must agree across those rows.
 */

export function looksLikeIb(headers: string[]): boolean {
  const h = new Set(headers.map((x) => x.toUpperCase()));
  return h.has('SUBJECT_GRADE') && (h.has('CANDIDATE') || h.has('PROGRAMME'));
}

const MONTHS: Record<string, number> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ibGrade(reader: TableReader, row: CsvRow, col: number): Pick<ScoreValue, 'scale' | 'text'> {
  const t = reader.text(row, col);
  if (t === null) return { scale: null, text: null };
  if (/^[A-E]$/i.test(t)) return { scale: null, text: t.toUpperCase() };
  if (/^N$/i.test(t)) return { scale: null, text: 'N' };
  return { scale: reader.number(row, col, { integer: true, range: ['IB', 'grade'] }), text: null };
}

export function parseIb(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const localCol = reader.col('student_unique_id', 'STUDENT_ID', 'SCHOOL_STUDENT_ID');
  reader.col('CANDIDATE');
  const firstCol = reader.col('FIRST_NAME');
  const lastCol = reader.col('LAST_NAME');
  const yearCol = reader.col('YEAR');
  const monthCol = reader.col('MONTH');
  const subjectCol = reader.col('SUBJECT');
  const levelCol = reader.col('LEVEL');
  const categoryCol = reader.col('CATEGORY');
  const langCol = reader.col('LANGUAGE');
  const predictedCol = reader.col('PREDICTED_GRADE');
  const gradeCol = reader.col('SUBJECT_GRADE');
  const bonusCol = reader.col('EE_TOK_BONUS_POINTS');
  const totalCol = reader.col('TOTAL_POINTS');
  const resultCol = reader.col('RESULT_CODE');
  reader.col('GROUP_NUMBER', 'PROGRAMME');
  const rows = new ScoreRows(emit);
  const diplomas = new Map<string, { parsed: ParsedScoreRow; total: number | null; bonus: number | null; code: string | null; row: number }>();

  table.eachRow((row) => {
    const year = reader.number(row, yearCol, { integer: true, min: 1990, max: 2100 });
    const monthText = (reader.text(row, monthCol) ?? '').slice(0, 3).toUpperCase();
    const month = MONTHS[monthText];
    if (year === null || !month) {
      reader.problem(row, year === null ? yearCol : monthCol, 'error', 'ib-session-invalid', `The exam session "${reader.cell(row, monthCol)} ${reader.cell(row, yearCol)}" is not a month and year such as "MAY 2024".`);
      return;
    }
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    if (date > options.today) {
      reader.problem(row, yearCol, 'error', 'date-in-future', `The ${MONTH_NAMES[month - 1]} ${year} session has not happened yet.`);
      return;
    }
    const label = `${MONTH_NAMES[month - 1]} ${year}`;
    const localId = reader.id(row, localCol);
    const student = { localId, stateId: null, localColumn: localCol >= 0 ? reader.header(localCol) : null, stateColumn: null, name: [reader.text(row, firstCol), reader.text(row, lastCol)].filter(Boolean).join(' ') || null };
    const origin = { fileName: table.fileName, row: row.row, line: row.line };
    const raw = reader.raw(row);
    const subject = reader.text(row, subjectCol);
    const level = reader.text(row, levelCol);
    if (subject) {
      const name = [subject, level].filter(Boolean).join(' ');
      const grade = ibGrade(reader, row, gradeCol);
      const predicted = ibGrade(reader, row, predictedCol);
      const scores: ScoreValue[] = [];
      if (grade.scale !== null || grade.text !== null) scores.push(emptyScore('grade', { ...grade, label: name }));
      if (predicted.scale !== null || predicted.text !== null) scores.push(emptyScore('predicted', { ...predicted, label: name }));
      if (scores.length) {
        rows.push({
          result: { family: 'IB', form: [reader.text(row, categoryCol), reader.text(row, langCol)].filter(Boolean).join(' · ') || null, subject: name, administrationDate: date, datePrecision: 'month', administrationLabel: label, gradeAtTesting: null, scores, flags: grade.text === 'N' ? ['score-withheld'] : [] },
          origin,
          student,
          raw,
        });
      }
    }
    const total = reader.number(row, totalCol, { integer: true, range: ['IB', 'total-points'] });
    const bonus = reader.number(row, bonusCol, { integer: true, range: ['IB', 'bonus-points'] });
    const code = reader.text(row, resultCol);
    if (total === null && bonus === null && code === null) return;
    const key = `${localId ?? ''}|${reader.text(row, reader.col('CANDIDATE')) ?? ''}|${date}`;
    const seen = diplomas.get(key);
    if (seen) {
      if (seen.total !== total || seen.bonus !== bonus || seen.code !== code) {
        reader.problem(row, totalCol, 'error', 'ib-diploma-disagrees', `Row ${seen.row} gives this candidate ${seen.total ?? '—'} total points (result ${seen.code ?? '—'}) for the ${label} session, this row ${total ?? '—'} (result ${code ?? '—'}).`);
      }
      return;
    }
    const scores: ScoreValue[] = [];
    if (total !== null) scores.push(emptyScore('total-points', { scale: total, level: code }));
    if (bonus !== null) scores.push(emptyScore('bonus-points', { scale: bonus }));
    if (!scores.length) scores.push(emptyScore('total-points', { level: code }));
    const parsed: ParsedScoreRow = { result: { family: 'IB', form: null, subject: 'diploma', administrationDate: date, datePrecision: 'month', administrationLabel: label, gradeAtTesting: null, scores, flags: [] }, origin, student, raw };
    diplomas.set(key, { parsed, total, bonus, code, row: row.row });
    rows.push(parsed);
  });
  return { format: 'ib', families: rows.length ? ['IB'] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
