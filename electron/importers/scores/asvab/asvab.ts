import { emptyScore, type ScoreValue } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import { plainGrade } from '../common/values';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * ASVAB Career Exploration Program results. The AFQT is a percentile (1–99) against a 1997
 * national sample of 18- to 23-year-olds — interpreted as such. The career-exploration and
 * subtest columns are shown as reported: the file does not say which score type they are,
 * so Waypoint does not interpret them.
 */

export function looksLikeAsvab(headers: string[]): boolean {
  const h = new Set(headers.map((x) => x.toLowerCase()));
  return h.has('afqt') && (h.has('meps') || h.has('test version') || [...h].some((x) => x.startsWith('ar (')));
}

const SUBTESTS: [prefix: string, section: string][] = [
  ['VE (', 've'],
  ['MA (', 'ma'],
  ['TEC (', 'tec'],
  ['GS (', 'gs'],
  ['AR (', 'ar'],
  ['WK (', 'wk'],
  ['PC (', 'pc'],
  ['MK (', 'mk'],
  ['EI (', 'ei'],
  ['AS (', 'as'],
  ['MC (', 'mc'],
];

export function parseAsvab(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const localCol = reader.col('student_unique_id', 'Student ID', 'StudentID');
  const nameCol = reader.col('Student Full Name', 'Student Name');
  const dateCol = reader.col('Test Date');
  const gradeCol = reader.col('Grade');
  const versionCol = reader.col('Test Version');
  const afqtCol = reader.col('AFQT');
  const subtestCols = SUBTESTS.map(([prefix, section]) => {
    const i = table.headers.findIndex((h) => h.toUpperCase().startsWith(prefix));
    return [i >= 0 ? reader.col(table.headers[i]) : -1, section] as const;
  });
  const rows = new ScoreRows(emit);
  table.eachRow((row) => {
    const scores: ScoreValue[] = [];
    const afqt = reader.number(row, afqtCol, { integer: true, range: ['ASVAB', 'afqt'], what: 'AFQT' });
    if (afqt !== null) scores.push(emptyScore('afqt', { scale: afqt }));
    for (const [c, section] of subtestCols) {
      const v = reader.number(row, c, { min: 0, max: 100 });
      if (v !== null) scores.push(emptyScore(section, { scale: v }));
    }
    if (!scores.length) return;
    const { date, precision } = reader.date(row, dateCol);
    if (!date) {
      if (reader.cell(row, dateCol).trim() === '') reader.problem(row, dateCol >= 0 ? dateCol : 'Test Date', 'error', 'date-missing', 'This ASVAB record has scores but no test date.');
      return;
    }
    rows.push({
      result: { family: 'ASVAB', form: reader.text(row, versionCol), subject: null, administrationDate: date, datePrecision: precision, administrationLabel: null, gradeAtTesting: plainGrade(reader.cell(row, gradeCol)), scores, flags: [] },
      origin: { fileName: table.fileName, row: row.row, line: row.line },
      student: { localId: reader.id(row, localCol), stateId: null, localColumn: localCol >= 0 ? reader.header(localCol) : null, stateColumn: null, name: reader.text(row, nameCol) },
      raw: reader.raw(row),
    });
  });
  return { format: 'asvab', families: rows.length ? ['ASVAB'] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
