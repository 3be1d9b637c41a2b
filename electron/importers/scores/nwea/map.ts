import { emptyScore, type ScoreValue } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * NWEA MAP Growth combined data file: one row per test event (student, term, subject).
 * RIT with its standard error, the percentile against same-grade, same-season norms, goal
 * (instructional area) RITs with their ranges, and Lexile/Quantile where reported.
 * PercentCorrect is left out on purpose: it is not a score families should compare.
 */

export function looksLikeMap(headers: string[]): boolean {
  const h = new Set(headers.map((x) => x.toLowerCase()));
  return h.has('testritscore') && (h.has('termname') || h.has('teststartdate'));
}

export function parseMap(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const localCol = reader.col('StudentID');
  const stateCol = reader.col('Student_StateID');
  const firstCol = reader.col('StudentFirstName');
  const lastCol = reader.col('StudentLastName');
  const termCol = reader.col('TermName');
  const subjectCol = reader.col('Subject');
  const courseCol = reader.col('Course');
  const nameCol = reader.col('TestName');
  const dateCol = reader.col('TestStartDate');
  const ritCol = reader.col('TestRITScore');
  const seCol = reader.col('TestStandardError');
  const pctCol = reader.col('TestPercentile');
  const quintileCol = reader.col('AchievementQuintile');
  const normsCol = reader.col('NormsReferenceData');
  const lexCol = reader.col('LexileScore');
  const lexMin = reader.col('LexileMin');
  const lexMax = reader.col('LexileMax');
  const qCol = reader.col('QuantileScore');
  const rows = new ScoreRows(emit);
  table.eachRow((row) => {
    const rit = reader.number(row, ritCol, { range: ['MAP', 'rit'], what: 'TestRITScore', min: 0, max: 400 });
    if (rit === null) return;
    const sem = reader.number(row, seCol, { min: 0, max: 50, what: 'TestStandardError' });
    const pct = reader.number(row, pctCol, { integer: true, min: 1, max: 99, what: 'TestPercentile' });
    const scores: ScoreValue[] = [emptyScore('rit', { scale: rit, sem, percentiles: pct !== null ? [{ norm: 'nwea-grade-season', value: pct }] : [], level: reader.text(row, quintileCol) })];
    for (let g = 1; g <= 8; g++) {
      const goalName = reader.text(row, reader.col(`Goal${g}Name`));
      const goalRit = reader.number(row, reader.col(`Goal${g}RitScore`), { min: 0, max: 400 });
      const goalSe = reader.number(row, reader.col(`Goal${g}StdErr`), { min: 0, max: 50 });
      const range = /^(\d+)\s*-\s*(\d+)$/.exec(reader.text(row, reader.col(`Goal${g}Range`)) ?? '');
      const adjective = reader.text(row, reader.col(`Goal${g}Adjective`));
      if (goalName && goalRit !== null) scores.push(emptyScore(`goal:${g}`, { label: goalName, scale: goalRit, sem: goalSe, band: range ? { low: Number(range[1]), high: Number(range[2]) } : null, level: adjective }));
    }
    const lexile = reader.text(row, lexCol);
    if (lexile) {
      const lo = reader.text(row, lexMin);
      const hi = reader.text(row, lexMax);
      const asL = (v: string) => (/^BR/i.test(v) || /L$/i.test(v) ? v.toUpperCase() : `${v}L`);
      scores.push(emptyScore('lexile', { text: asL(lexile), label: lo && hi ? `${asL(lo)}–${asL(hi)}` : null }));
    }
    const quantile = reader.text(row, qCol);
    if (quantile) scores.push(emptyScore('quantile', { text: /Q$/i.test(quantile) ? quantile.toUpperCase() : `${quantile}Q` }));
    const { date, precision } = reader.date(row, dateCol);
    if (!date) {
      if (reader.cell(row, dateCol).trim() === '') reader.problem(row, dateCol >= 0 ? dateCol : 'TestStartDate', 'error', 'date-missing', 'This MAP Growth test has a RIT score but no test date.');
      return;
    }
    const norms = reader.text(row, normsCol);
    rows.push({
      result: {
        family: 'MAP',
        form: reader.text(row, nameCol) ?? reader.text(row, courseCol),
        subject: reader.text(row, subjectCol),
        administrationDate: date,
        datePrecision: precision,
        administrationLabel: reader.text(row, termCol),
        gradeAtTesting: null,
        scores,
        flags: norms ? [`map-norms:${norms}`] : [],
      },
      origin: { fileName: table.fileName, row: row.row, line: row.line },
      student: { localId: reader.id(row, localCol), stateId: reader.id(row, stateCol), localColumn: localCol >= 0 ? reader.header(localCol) : null, stateColumn: stateCol >= 0 ? reader.header(stateCol) : null, name: [reader.text(row, firstCol), reader.text(row, lastCol)].filter(Boolean).join(' ') || null },
      raw: reader.raw(row),
    });
  });
  return { format: 'map', families: rows.length ? ['MAP'] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
