import { emptyScore, type Percentile, type ScoreValue } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import { plainGrade } from '../common/values';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * ACT high-school student record file (one row per student, latest test) and the PreACT
 * student file. ACT test dates are month and year only ("092024"), so they are stored as
 * month-precise: the Texas rule that changed on 2023-02-15 is then evaluated honestly.
 * "--" and "---" in score and rank columns mean "not taken" (no Writing → no ELA).
 */

export function looksLikeAct(headers: string[]): boolean {
  const h = new Set(headers.map((x) => x.toLowerCase()));
  return h.has('id_act') || (h.has('composite') && h.has('eng') && h.has('mth') && h.has('usrnk_comp'));
}

export function looksLikePreAct(headers: string[]): boolean {
  const h = new Set(headers.map((x) => x.toLowerCase()));
  return h.has('pred_act_composite_low') || (h.has('grade_reported') && h.has('eng') && h.has('composite') && h.has('stu_id_num'));
}

const ACT_SECTIONS: [col: string, section: string, usRank: string[], stateRank: string[]][] = [
  ['Composite', 'composite', ['USRnk_Comp'], ['StRnk_Comp']],
  ['Eng', 'english', ['USRnk_Eng'], ['StRnk_Eng']],
  ['Mth', 'math', ['USRnk_Math'], ['StRnk_Math']],
  ['Rdg', 'reading', ['USRnk_Read'], ['StRnk_Read']],
  ['Sci', 'science', ['USRnk_Sci'], ['StRnk_Sci']],
  ['STEM', 'stem', ['USRnk_STEM'], ['Strnk_STEM', 'StRnk_STEM']],
  ['Writing', 'writing', ['W_USRnk'], ['StRnk_W']],
  ['ELA', 'ela', ['USRnk_ELA'], ['Strnk_ELA', 'StRnk_ELA']],
];

function roundHalfUp(n: number): number {
  return Math.floor(n + 0.5);
}

export function parseAct(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const stateCol = reader.col('ID_StateAssign');
  const localCol = reader.col('ID_Local');
  reader.col('ID_ACT');
  const firstCol = reader.col('F_Name');
  const lastCol = reader.col('L_Name');
  const gradeCol = reader.col('HS_GradeLev');
  const dateCol = reader.col('Test_Dte');
  const complexCol = reader.col('R_CmplxTxt');
  const rows = new ScoreRows(emit);
  table.eachRow((row) => {
    const scores: ScoreValue[] = [];
    const values: Record<string, number | null> = {};
    for (const [col, section, us, st] of ACT_SECTIONS) {
      const c = reader.col(col);
      const v = reader.number(row, c, { integer: true, range: ['ACT', section] });
      values[section] = v;
      if (v === null) continue;
      const percentiles: Percentile[] = [];
      const usv = reader.number(row, reader.col(...us), { integer: true, min: 1, max: 100, what: `${col} U.S. rank` });
      const stv = reader.number(row, reader.col(...st), { integer: true, min: 1, max: 100, what: `${col} state rank` });
      if (usv !== null) percentiles.push({ norm: 'act-us', value: usv });
      if (stv !== null) percentiles.push({ norm: 'act-state', value: stv });
      const extra: Partial<ScoreValue> = {};
      if (section === 'reading') {
        const complex = reader.text(row, complexCol);
        if (complex) extra.level = `Understanding Complex Texts: ${complex}`;
      }
      scores.push(emptyScore(section, { scale: v, percentiles, ...extra }));
    }
    if (scores.length === 0) return;
    const { date, precision } = reader.date(row, dateCol, 'mmyyyy');
    if (!date) {
      if (reader.cell(row, dateCol).trim() === '') reader.problem(row, dateCol >= 0 ? dateCol : 'Test_Dte', 'error', 'date-missing', 'This ACT record has scores but no test date.');
      return;
    }
    const { english: e, math: m, reading: r, science: s, composite } = values;
    if (composite !== null && e !== null && m !== null && r !== null) {
      const classic = s !== null ? roundHalfUp((e + m + r + s) / 4) : null;
      const enhanced = roundHalfUp((e + m + r) / 3);
      if (composite !== classic && composite !== enhanced) {
        reader.problem(row, reader.col('Composite'), 'warning', 'act-composite-mismatch', `The composite ${composite} is not the rounded average of the test scores (${classic ?? '—'} with Science, ${enhanced} without); check the columns against the score report.`);
      }
    }
    rows.push({
      result: { family: 'ACT', form: null, subject: null, administrationDate: date, datePrecision: precision, administrationLabel: null, gradeAtTesting: plainGrade(reader.cell(row, gradeCol)), scores, flags: [] },
      origin: { fileName: table.fileName, row: row.row, line: row.line },
      student: {
        localId: reader.id(row, localCol),
        stateId: reader.id(row, stateCol),
        localColumn: localCol >= 0 ? reader.header(localCol) : null,
        stateColumn: stateCol >= 0 ? reader.header(stateCol) : null,
        name: [reader.text(row, firstCol), reader.text(row, lastCol)].filter(Boolean).join(' ') || null,
      },
      raw: reader.raw(row),
    });
  });
  return { format: 'act', families: rows.length ? ['ACT'] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}

const PREACT_SECTIONS: [col: string, section: string, rank: string][] = [
  ['Composite', 'composite', 'USRnk_Comp'],
  ['Eng', 'english', 'USRnk_Sub_Engl'],
  ['Mth', 'math', 'USRnk_Sub_Math'],
  ['Rdg', 'reading', 'USRnk_Sub_Rdg'],
  ['Sci', 'science', 'USRnk_Sub_Sci'],
  ['STEM', 'stem', 'USRnk_STEM'],
];

export function parsePreAct(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const localCol = reader.col('Stu_ID_Num');
  const firstCol = reader.col('F_Name');
  const lastCol = reader.col('L_Name');
  const gradeCol = reader.col('Grade_Reported', 'Grade_Student_Grid');
  const dateCol = reader.col('Test_Dte');
  const rows = new ScoreRows(emit);
  table.eachRow((row) => {
    const scores: ScoreValue[] = [];
    for (const [col, section, rank] of PREACT_SECTIONS) {
      // PreACT's own range was not sourced; 1–36 is the ACT-type bound, used only as a sanity check.
      const v = reader.number(row, reader.col(col), { integer: true, min: 1, max: 36 });
      if (v === null) continue;
      const low = reader.number(row, reader.col(`${col}_Low`), { integer: true, min: 1, max: 36 });
      const high = reader.number(row, reader.col(`${col}_High`), { integer: true, min: 1, max: 36 });
      const pr = reader.number(row, reader.col(rank), { integer: true, min: 1, max: 100 });
      scores.push(emptyScore(section, { scale: v, band: low !== null && high !== null ? { low, high } : null, percentiles: pr !== null ? [{ norm: 'act-us', value: pr }] : [] }));
    }
    const predLow = reader.number(row, reader.col('Pred_ACT_Composite_Low'), { integer: true, min: 1, max: 36 });
    const predHigh = reader.number(row, reader.col('Pred_ACT_Composite_High'), { integer: true, min: 1, max: 36 });
    if (predLow !== null && predHigh !== null) scores.push(emptyScore('predicted-act-composite', { band: { low: predLow, high: predHigh } }));
    if (scores.length === 0) return;
    const { date, precision } = reader.date(row, dateCol, 'yyyymmdd');
    if (!date) {
      if (reader.cell(row, dateCol).trim() === '') reader.problem(row, dateCol >= 0 ? dateCol : 'Test_Dte', 'error', 'date-missing', 'This PreACT record has scores but no test date.');
      return;
    }
    rows.push({
      result: { family: 'PREACT', form: reader.text(row, reader.col('Test_Form')), subject: null, administrationDate: date, datePrecision: precision, administrationLabel: null, gradeAtTesting: plainGrade(reader.cell(row, gradeCol)), scores, flags: ['preact-no-scale'] },
      origin: { fileName: table.fileName, row: row.row, line: row.line },
      student: { localId: reader.id(row, localCol), stateId: null, localColumn: localCol >= 0 ? reader.header(localCol) : null, stateColumn: null, name: [reader.text(row, firstCol), reader.text(row, lastCol)].filter(Boolean).join(' ') || null },
      raw: reader.raw(row),
    });
  });
  return { format: 'preact', families: rows.length ? ['PREACT'] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
