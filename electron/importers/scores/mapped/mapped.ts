import { AP_EXAMS, scaleFor } from '../../../../shared/domain/scores/reference';
import { mappingGaps, MAPPABLE_SECTIONS, type ColumnMapping } from '../../../../shared/domain/scores/mapping';
import { emptyScore, type LevelCode, type ScoreValue, type TestFamily } from '../../../../shared/domain/scores/types';
import { ScoreRows, TableReader, type ScoreTable } from '../common/table';
import { plainGrade } from '../common/values';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * Any CSV through a column mapping the counselor confirms: TSIA2 exports, district
 * spreadsheets, a test Waypoint has no layout for. The same checks as the vendor readers
 * apply — sourced score ranges, "-" as no score, dates without guessing. TSIA2 ELAR and
 * mathematics are separate tests, so one row with both gives two results.
 */

const TSIA_SUBJECT: Record<string, 'elar' | 'math'> = {
  'elar-crc': 'elar',
  'elar-diagnostic': 'elar',
  essay: 'elar',
  'math-crc': 'math',
  'math-diagnostic': 'math',
};

/** STAAR and other level words, English and Spanish, to the level vocabulary. */
export function readLevelWords(text: string): LevelCode | null {
  const s = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (/did not meet|no alcanz|no cumpl|does not meet/.test(s)) return 'did-not-meet';
  if (/master|domina/.test(s)) return 'masters';
  if (/meets|cumple|alcanza/.test(s)) return 'meets';
  if (/approach|se acerca|aproxima/.test(s)) return 'approaches';
  return null;
}

function apCode(text: string): string | null {
  if (/^\d{1,3}$/.test(text)) return String(Number(text));
  const wanted = text.toLowerCase().replace(/^ap\s+/, '').trim();
  for (const [code, names] of Object.entries(AP_EXAMS)) if (names.en.toLowerCase() === wanted || names.es.toLowerCase() === wanted) return code;
  return null;
}

export function parseMappedCsv(table: ScoreTable, mapping: ColumnMapping, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const reader = new TableReader(table, options.today);
  const gaps = mappingGaps(mapping, table.headers);
  if (gaps.length) {
    reader.problem(null, null, 'error', 'mapping-incomplete', `The column mapping is incomplete (${gaps.join(', ')}).`);
    return { format: 'mapped-csv', families: [], results: 0, problems: reader.problems, notes: [], ignoredColumns: [], sourceRecords: table.rowCount };
  }
  const col = (name: string | null | undefined) => (name ? reader.col(name) : -1);
  const localCol = col(mapping.localId);
  const stateCol = col(mapping.stateId);
  const dateCol = col(mapping.date);
  const gradeCol = col(mapping.grade);
  const subjectCol = col(mapping.subject);
  const levelCol = col(mapping.level);
  const family = mapping.family as TestFamily;
  const sections = MAPPABLE_SECTIONS[mapping.family].filter((s) => mapping.sections[s]?.score || mapping.sections[s]?.percentile);
  const rows = new ScoreRows(emit);
  table.eachRow((row) => {
    const scores: ScoreValue[] = [];
    for (const s of sections) {
      const m = mapping.sections[s];
      const rangeFamily: TestFamily = family === 'OTHER' ? 'OTHER' : family;
      const hasRange = !!scaleFor(rangeFamily, s);
      const v = reader.number(row, col(m.score), hasRange ? { range: [rangeFamily, s] } : { min: 0, max: 100000 });
      const p = reader.number(row, col(m.percentile), { integer: true, min: 1, max: 99, what: `${s} percentile` });
      if (v === null && p === null) continue;
      scores.push(emptyScore(s, { scale: v, percentiles: p !== null ? [{ norm: 'unspecified', value: p }] : [] }));
    }
    if (!scores.length) return;
    const { date, precision } = reader.date(row, dateCol, mapping.dateFormat ?? 'auto');
    if (!date) {
      if (reader.cell(row, dateCol).trim() === '') reader.problem(row, dateCol, 'error', 'date-missing', 'This row has scores but no test date.');
      return;
    }
    const levelText = reader.text(row, levelCol);
    if (levelText) {
      const code = readLevelWords(levelText);
      if (!code && (family === 'STAAR' || family === 'STAAR_EOC')) reader.problem(row, levelCol, 'error', 'level-unknown', `"${levelText}" is not a STAAR performance level (Did Not Meet, Approaches, Meets, Masters).`);
      const main = scores.find((s) => s.section === 'scale' || s.section === 'score') ?? scores[0];
      main.level = levelText;
      main.levelCode = family === 'OTHER' ? 'other' : code;
    }
    let subject = reader.text(row, subjectCol);
    if (family === 'AP' && subject) {
      const code = apCode(subject);
      if (!code) reader.problem(row, subjectCol, 'warning', 'ap-code-unknown', `"${subject}" is not an AP exam code or name Waypoint knows; it was imported as written.`);
      const label = code ? (AP_EXAMS[code]?.en ?? `AP exam (code ${code})`) : subject;
      scores[0].label = label;
      subject = code ?? subject;
    }
    if (family === 'IB' && subject) for (const s of scores) s.label = subject;
    if (family === 'OTHER' && mapping.testName) for (const s of scores) s.label = mapping.testName.trim();
    const base = {
      origin: { fileName: table.fileName, row: row.row, line: row.line },
      student: { localId: reader.id(row, localCol), stateId: reader.id(row, stateCol), localColumn: mapping.localId ?? null, stateColumn: mapping.stateId ?? null, name: null },
      raw: reader.raw(row),
    };
    const result = (sub: string | null, list: ScoreValue[]) => ({
      family,
      form: family === 'OTHER' ? (mapping.testName?.trim() ?? null) : null,
      subject: sub,
      administrationDate: date,
      datePrecision: precision,
      administrationLabel: null,
      gradeAtTesting: plainGrade(reader.cell(row, gradeCol)),
      scores: list,
      flags: [],
    });
    if (family === 'TSIA2') {
      for (const subj of ['elar', 'math'] as const) {
        const list = scores.filter((s) => TSIA_SUBJECT[s.section] === subj);
        if (list.length) rows.push({ ...base, result: result(subj, list) });
      }
    } else {
      rows.push({ ...base, result: result(family === 'OTHER' ? (mapping.testName?.trim() ?? null) : subject, scores) });
    }
  });
  return { format: 'mapped-csv', families: rows.length ? [family] : [], results: rows.length, problems: reader.problems, notes: [], ignoredColumns: reader.ignoredColumns(), sourceRecords: table.rowCount };
}
