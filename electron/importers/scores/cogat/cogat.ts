import { emptyScore, type Percentile, type ScoreValue } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import { plainGrade } from '../common/values';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * Riverside CogAT data file: per battery (Verbal, Quantitative, Nonverbal) and composite,
 * the Standard Age Score (mean 100, SD 16) with the bounds Riverside reports, age and grade
 * percentile ranks, local percentile rank, age stanine, ability profile and Riverside's
 * caution flags. Age and grade norms are kept apart; they answer different questions.
 */

export function looksLikeCogat(headers: string[]): boolean {
  const h = new Set(headers.map((x) => x.toLowerCase().replace(/\s+/g, ' ').trim()));
  return h.has('standard age score (sas) v') || (h.has('ability profile') && h.has('test'));
}

const BATTERIES: [code: string, section: string][] = [
  ['VQN', 'composite'],
  ['V', 'verbal'],
  ['Q', 'quantitative'],
  ['N', 'nonverbal'],
  ['VQ', 'verbal-quantitative'],
  ['VN', 'verbal-nonverbal'],
  ['QN', 'quantitative-nonverbal'],
];

/** Riverside's header names, some with doubled spaces ("SAS Lower Bound  V", "Chance Flags  V"). */
function findCol(reader: TableReader, name: string): number {
  const target = name.replace(/\s+/g, ' ').trim().toLowerCase();
  const i = reader.table.headers.findIndex((h) => h.replace(/\s+/g, ' ').trim().toLowerCase() === target);
  return i >= 0 ? reader.col(reader.table.headers[i]) : -1;
}

export function parseCogat(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const localCol = reader.col('Student ID');
  reader.col('Secondary Student ID');
  const firstCol = reader.col('Student First Name');
  const lastCol = reader.col('Student Last Name');
  const dateCol = reader.col('Date Tested');
  const gradeCol = reader.col('Class Grade');
  const levelCol = reader.col('Level');
  const formCol = reader.col('Form');
  const normCol = reader.col('Norm Year');
  const profileCol = findCol(reader, 'Ability Profile');
  const rows = new ScoreRows(emit);
  table.eachRow((row) => {
    const scores: ScoreValue[] = [];
    const flags: string[] = [];
    for (const [code, section] of BATTERIES) {
      const sas = reader.number(row, findCol(reader, `Standard Age Score (SAS) ${code}`), { integer: true, range: ['COGAT', section] });
      const apr = reader.number(row, findCol(reader, `Age Percentile Rank (APR) ${code}`), { integer: true, min: 1, max: 99 });
      const gpr = reader.number(row, findCol(reader, `Grade Percentile Rank (GPR) ${code}`), { integer: true, min: 1, max: 99 });
      const lpr = reader.number(row, findCol(reader, `Local Percentile Rank ${code}`), { integer: true, min: 1, max: 99 });
      const stanine = reader.number(row, findCol(reader, `Age Stanine (AS) ${code}`), { integer: true, min: 1, max: 9 });
      reader.number(row, findCol(reader, `Grade Stanine (GS) ${code}`), { integer: true, min: 1, max: 9 });
      reader.number(row, findCol(reader, `Local Stanines ${code}`), { integer: true, min: 1, max: 9 });
      const upper = reader.number(row, findCol(reader, `SAS Upper Bound ${code}`), { min: 0, max: 200 });
      const lower = reader.number(row, findCol(reader, `SAS Lower Bound ${code}`), { min: 0, max: 200 });
      const raw = reader.number(row, findCol(reader, `Raw Score (RS) ${code}`), { min: 0, max: 200 });
      const valid = reader.flag(row, findCol(reader, `SAS Valid Flags ${code}`));
      if (valid === false) flags.push(`cogat-sas-invalid:${code}`);
      if (reader.flag(row, findCol(reader, `Extremely Variable Flags ${code}`))) flags.push(`cogat-variable:${code}`);
      if (reader.flag(row, findCol(reader, `Chance Flags ${code}`))) flags.push(`cogat-chance:${code}`);
      reader.flag(row, findCol(reader, `TMO Flags ${code}`));
      if (sas === null && apr === null && gpr === null) continue;
      const percentiles: Percentile[] = [];
      if (apr !== null) percentiles.push({ norm: 'cogat-age', value: apr });
      if (gpr !== null) percentiles.push({ norm: 'cogat-grade', value: gpr });
      if (lpr !== null) percentiles.push({ norm: 'cogat-local', value: lpr });
      scores.push(emptyScore(section, { scale: sas, percentiles, stanine, raw, band: upper !== null && lower !== null ? { low: lower, high: upper } : null, level: section === 'composite' ? reader.text(row, profileCol) : null }));
    }
    if (!scores.length) return;
    const { date, precision } = reader.date(row, dateCol, 'mmddyyyy');
    if (!date) {
      if (reader.cell(row, dateCol).trim() === '') reader.problem(row, dateCol >= 0 ? dateCol : 'Date Tested', 'error', 'date-missing', 'This CogAT record has scores but no test date.');
      return;
    }
    const level = reader.text(row, levelCol);
    const form = reader.text(row, formCol);
    const normYear = reader.text(row, normCol);
    rows.push({
      result: { family: 'COGAT', form: [form ? `Form ${form}` : null, level ? `Level ${level}` : null, normYear ? `norms 20${normYear}` : null].filter(Boolean).join(', ') || null, subject: null, administrationDate: date, datePrecision: precision, administrationLabel: null, gradeAtTesting: plainGrade(reader.cell(row, gradeCol)), scores, flags },
      origin: { fileName: table.fileName, row: row.row, line: row.line },
      student: { localId: reader.id(row, localCol), stateId: null, localColumn: localCol >= 0 ? reader.header(localCol) : null, stateColumn: null, name: [reader.text(row, firstCol), reader.text(row, lastCol)].filter(Boolean).join(' ') || null },
      raw: reader.raw(row),
    });
  });
  return { format: 'cogat', families: rows.length ? ['COGAT'] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
