import { emptyScore, type Percentile, type ScoreValue, type TestFamily } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import { collegeBoardGrade } from '../common/values';
import type { ParseOptions, ScoreImportNote, ScoreParseSummary, ScoreRowSink } from '../types';
import { familyName } from '../names';

/**
 * College Board K-12 student data files for the SAT Suite: SAT (latest administration plus
 * up to five earlier ones), PSAT/NMSQT, PSAT 10 and PSAT 8/9. Paper (2016–2023) and digital
 * layouts share these columns. The file's own benchmark flags (EBRW_CCR_BENCHMARK,
 * MATH_CCR_BENCHMARK) are kept beside the sourced cuts.
 */

export function looksLikeSatSuite(headers: string[]): 'SAT' | 'PSAT' | null {
  const h = new Set(headers.map((x) => x.toUpperCase()));
  if (h.has('LATEST_SAT_TOTAL') || h.has('LATEST_SAT_EBRW')) return 'SAT';
  if (h.has('LATEST_PSAT_TOTAL') || h.has('LATEST_PSAT_EBRW')) return 'PSAT';
  return null;
}

const SAT_ADMINS = ['LATEST', 'ADMIN2', 'ADMIN3', 'ADMIN4', 'ADMIN5', 'ADMIN6'];

/** Test, cross-test and subscores of the 2016–2023 paper tests: shown as detail, ranges not sourced (sanity bounds only). */
const DETAIL: [suffix: string, section: string, max: number][] = [
  ['READING', 'reading-test', 40],
  ['WRIT_LANG', 'writing-test', 40],
  ['MATH_TEST', 'math-test', 40],
  ['SCI_CROSS', 'cross-science', 40],
  ['HIST_SOCST_CROSS', 'cross-history', 40],
  ['WORDS_CONTEXT', 'sub-words', 15],
  ['COMM_EVIDENCE', 'sub-evidence', 15],
  ['EXPR_IDEAS', 'sub-expression', 15],
  ['ENG_CONVENT', 'sub-conventions', 15],
  ['HEART_ALGEBRA', 'sub-algebra', 15],
  ['ADV_MATH', 'sub-advanced-math', 15],
  ['PROBSLV_DATA', 'sub-data', 15],
];

/** SAT before the March 2016 redesign: three 200–800 sections. */
const LEGACY: [suffix: string, section: string][] = [
  ['CRITICAL_READING', 'critical-reading'],
  ['MATH', 'math'],
  ['WRITING', 'writing'],
];

const REDESIGN = '2016-03-01';

interface PsatDecision {
  family: TestFamily | null;
  note: ScoreImportNote | null;
  problem: string | null;
}

function decidePsat(reader: TableReader, expect: TestFamily | 'auto'): PsatDecision {
  const si = reader.col('SELECTION_INDEX');
  const hasAdvMath = reader.has('LATEST_PSAT_ADV_MATH');
  const dateCol = reader.col('LATEST_PSAT_DATE');
  // One pre-pass over the two columns the decision needs.
  const [indexValues, dates] = reader.table.columnValues([si, dateCol]);
  const hasIndex = si >= 0 && indexValues.some((v) => v.trim() !== '');
  const months = dates.map((v) => /^(\d{1,2})[/-]/.exec(v.trim())?.[1] ?? /^\d{4}-(\d{2})/.exec(v.trim())?.[1]).filter((m): m is string => !!m).map(Number);
  const spring = months.length > 0 && months.every((m) => m >= 1 && m <= 7);
  let detected: TestFamily | null = null;
  let basis = '';
  if (hasIndex) {
    detected = 'PSAT_NMSQT';
    basis = 'it reports a National Merit Selection Index';
  } else if (!hasAdvMath) {
    detected = 'PSAT_89';
    basis = 'it has no Passport to Advanced Math subscore column, which PSAT 8/9 files leave out';
  } else if (spring) {
    detected = 'PSAT_10';
    basis = 'it has no Selection Index and every test was taken in the spring';
  }
  if (expect !== 'auto') {
    if (expect === 'PSAT_10' && hasIndex) return { family: null, note: null, problem: 'This file reports a National Merit Selection Index, which only the PSAT/NMSQT has, so it is not a PSAT 10 file. Choose PSAT/NMSQT or "Recognise automatically".' };
    if (expect === 'PSAT_89' && hasIndex) return { family: null, note: null, problem: 'This file reports a National Merit Selection Index, which only the PSAT/NMSQT has, so it is not a PSAT 8/9 file.' };
    return { family: expect, note: detected && detected !== expect ? { code: 'psat-type-chosen', message: `You chose ${familyName(expect)}; the file looked like ${familyName(detected)} (${basis}).` } : null, problem: null };
  }
  if (!detected) {
    return { family: null, note: null, problem: 'College Board uses the same columns for PSAT/NMSQT and PSAT 10, and this file has neither a Selection Index nor spring-only test dates to tell them apart. Choose which PSAT this file holds.' };
  }
  return { family: detected, note: { code: 'psat-type-detected', message: `Read as ${familyName(detected)} because ${basis}.` }, problem: null };
}

export function parseSatSuite(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const kind = looksLikeSatSuite(table.headers)!;
  const notes: ScoreImportNote[] = [];
  let family: TestFamily;
  if (kind === 'SAT') {
    family = 'SAT';
  } else {
    const d = decidePsat(reader, options.expect ?? 'auto');
    if (d.problem || !d.family) {
      reader.problem(null, null, 'error', 'psat-type-unknown', d.problem ?? 'Choose which PSAT this file holds.');
      return { format: 'sat-suite', families: [], results: 0, problems: reader.problems, notes, ignoredColumns: [], sourceRecords: table.rowCount };
    }
    family = d.family;
    if (d.note) notes.push(d.note);
  }
  const test = kind === 'SAT' ? 'SAT' : 'PSAT';
  const stateCol = reader.col('STATE_STUDENT_ID');
  const localCol = reader.col('DISTRICT_STUDENT_ID', 'SECONDARY_ID');
  reader.col('SECONDARY_ID');
  const firstCol = reader.col('NAME_FIRST');
  const lastCol = reader.col('NAME_LAST');
  const formCol = reader.col('FORM_CODE');
  const siCol = reader.col('SELECTION_INDEX');
  const ebrwFlag = reader.col('EBRW_CCR_BENCHMARK');
  const mathFlag = reader.col('MATH_CCR_BENCHMARK');
  const admins = kind === 'SAT' ? SAT_ADMINS : ['LATEST'];
  const rows = new ScoreRows(emit);

  table.eachRow((row) => {
    const localId = reader.id(row, localCol);
    const stateId = reader.id(row, stateCol);
    const name = [reader.text(row, firstCol), reader.text(row, lastCol)].filter(Boolean).join(' ') || null;
    const raw = reader.raw(row);
    for (const admin of admins) {
      const p = `${admin}_${test}`;
      const dateCol = reader.col(`${p}_DATE`);
      const totalCol = reader.col(`${p}_TOTAL`);
      const rwCol = reader.col(`${p}_EBRW`);
      const mathCol = reader.col(`${p}_MATH_SECTION`);
      const gradeCol = reader.col(`${p}_GRADE`);
      const legacyCols = LEGACY.map(([suffix, section]) => [reader.col(`${p}_${suffix}`), section] as const);
      const detailCols = DETAIL.map(([suffix, section, max]) => [reader.col(`${p}_${suffix}`), section, max] as const);
      const anyScore = [totalCol, rwCol, mathCol, ...legacyCols.map(([c]) => c)].some((c) => c >= 0 && (row.values[c] ?? '').trim() !== '' && !/^-+$/.test((row.values[c] ?? '').trim()));
      if (!anyScore) continue;
      const { date, precision } = reader.date(row, dateCol);
      if (!date) {
        if (dateCol < 0 || (row.values[dateCol] ?? '').trim() === '') reader.problem(row, dateCol >= 0 ? dateCol : `${p}_DATE`, 'error', 'date-missing', `This ${familyName(family)} administration has scores but no test date.`);
        continue;
      }
      const isLegacy = legacyCols.some(([c]) => c >= 0 && (row.values[c] ?? '').trim() !== '') && (rwCol < 0 || (row.values[rwCol] ?? '').trim() === '');
      const rowFamily: TestFamily = isLegacy ? 'SAT_LEGACY' : family;
      const scores: ScoreValue[] = [];
      const flags: string[] = [];
      if (isLegacy) {
        for (const [c, section] of legacyCols) {
          const v = reader.number(row, c, { integer: true, range: ['SAT_LEGACY', section] });
          if (v !== null) scores.push(emptyScore(section, { scale: v }));
        }
      } else {
        const total = reader.number(row, totalCol, { integer: true, range: [family, 'total'] });
        const rw = reader.number(row, rwCol, { integer: true, range: [family, 'rw'] });
        const math = reader.number(row, mathCol, { integer: true, range: [family, 'math'] });
        if (total !== null && rw !== null && math !== null && total !== rw + math) {
          reader.problem(row, totalCol, 'error', 'total-not-sum', `The total ${total} is not Reading and Writing ${rw} + Math ${math} = ${rw + math}. The columns may be shifted.`);
        }
        const pct = (section: string): Percentile[] => {
          if (admin !== 'LATEST') return [];
          const suffix = section === 'total' ? 'TOTAL' : section === 'rw' ? 'EBRW' : 'MATH_SECTION';
          const out: Percentile[] = [];
          const nr = reader.number(row, reader.col(`PERCENTILE_NATREP_${test}_${suffix}`), { integer: true, min: 1, max: 99, what: 'Nationally representative percentile' });
          const us = reader.number(row, reader.col(`PERCENTILE_NATUSER_${test}_${suffix}`), { integer: true, min: 1, max: 99, what: 'User percentile' });
          if (nr !== null) out.push({ norm: 'sat-nationally-representative', value: nr });
          if (us !== null) out.push({ norm: 'sat-users', value: us });
          return out;
        };
        if (total !== null) scores.push(emptyScore('total', { scale: total, percentiles: pct('total') }));
        if (rw !== null) scores.push(emptyScore('rw', { scale: rw, percentiles: pct('rw'), benchmarkMet: admin === 'LATEST' ? reader.flag(row, ebrwFlag) : null }));
        if (math !== null) scores.push(emptyScore('math', { scale: math, percentiles: pct('math'), benchmarkMet: admin === 'LATEST' ? reader.flag(row, mathFlag) : null }));
        for (const [c, section, max] of detailCols) {
          const v = reader.number(row, c, { min: 1, max });
          if (v !== null) scores.push(emptyScore(section, { scale: v }));
        }
        if (family === 'PSAT_NMSQT') {
          const si = reader.number(row, siCol, { integer: true, range: ['PSAT_NMSQT', 'selection-index'] });
          if (si !== null) scores.push(emptyScore('selection-index', { scale: si }));
        }
        if (family === 'SAT' && date < REDESIGN) {
          flags.push('sat-date-before-redesign');
          reader.problem(row, dateCol, 'warning', 'sat-date-before-redesign', `The SAT dated ${date} reports Reading and Writing and Math section scores, which the SAT has had only since March 2016. Check the date on the score report; it was imported as given and does not count for the Texas SAT rule for tests from March 5, 2016.`);
        }
      }
      if (scores.length === 0) continue;
      rows.push({
        result: {
          family: rowFamily,
          form: reader.text(row, formCol),
          subject: null,
          administrationDate: date,
          datePrecision: precision,
          administrationLabel: null,
          gradeAtTesting: collegeBoardGrade(reader.cell(row, gradeCol)),
          scores,
          flags,
        },
        origin: { fileName: table.fileName, row: row.row, line: row.line },
        student: { localId, stateId, localColumn: localCol >= 0 ? reader.header(localCol) : null, stateColumn: stateCol >= 0 ? reader.header(stateCol) : null, name },
        raw,
      });
    }
  });
  return { format: 'sat-suite', families: [...rows.families], results: rows.length, problems: reader.problems, notes, ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
