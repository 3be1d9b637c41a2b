import layoutsJson from '../../../../resources/scores/staar-layouts.json';
import type { ImportProblem } from '../../../../shared/ipc/contract/imports';
import { cleanId } from '../../../../shared/domain/roster/ids';
import { quote } from '../../../../shared/domain/roster/problems';
import { emptyScore, type LevelCode, type ScoreValue, type TestFamily } from '../../../../shared/domain/scores/types';
import type { GradeLevel } from '../../../../shared/domain/gradeLevels';
import { decodeText } from '../../text/decode';
import { plainGrade, readFlag, readNumber, readText } from '../common/values';
import { ScoreRows, type ScoreTable } from '../common/table';
import type { ParseOptions, ScoreParseSummary, ScoreRowSink } from '../types';

/**
 * Texas STAAR student data files from TEA, grades 3–8 and end-of-course, either as TEA's
 * fixed-width text or converted to CSV. The performance level comes from the file's own
 * Approaches / Meets / Masters flags — never from a scale-score cut (the 2023 redesign
 * reset the cuts, and the current ones were not found in a TEA document). Field positions
 * are data (resources/scores/staar-layouts.json), checked against the administration year.
 */

interface Field {
  start: number;
  length: number;
  csv: string;
}
interface SubjectFields {
  subject: string;
  scoreCode: Field;
  levelIndicator?: Field;
  rawScore: Field;
  scaleScore: Field;
  meets: Field;
  approaches: Field;
  masters: Field;
  percentile: Field;
  lexile?: Field;
  quantile?: Field;
}
interface Layout {
  id: string;
  kind: 'grades-3-8' | 'end-of-course';
  years: number[];
  recordLength: number;
  common: Record<string, Field>;
  subjects: SubjectFields[];
  courses?: Record<string, string>;
  redact: (Field & { why: string })[];
}

const LAYOUTS = layoutsJson.layouts as Layout[];
const EOC_SEASONS = layoutsJson.administrationCodes.eocSeasons as Record<string, { month: number; season: string }>;
const SCORED = layoutsJson.scoreCodes.scored;
const LEVEL_TEXT: Record<string, string> = {
  masters: 'Masters Grade Level',
  meets: 'Meets Grade Level',
  approaches: 'Approaches Grade Level',
  'did-not-meet': 'Did Not Meet Grade Level',
};

export function looksLikeStaarCsv(headers: string[]): 'grades-3-8' | 'end-of-course' | null {
  const h = new Set(headers.map((x) => x.toLowerCase()));
  if (!h.has('administration_date') || !h.has('tx_unique_student_id')) return null;
  if (h.has('end_of_course_code') && h.has('scale_score')) return 'end-of-course';
  if (h.has('reading_language_arts_scale_score') || h.has('mathematics_scale_score')) return 'grades-3-8';
  return null;
}

/** A TEA fixed-width record: digits for the administration code and grade, and long lines. */
export function looksLikeStaarFixed(text: string): boolean {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  return first.length >= 600 && /^\d{4}(\d{2}| {2}|EO)/.test(first) && !first.slice(0, 200).includes(',') && !first.includes('\t');
}

type Getter = (f: Field | undefined) => string;

interface RecordContext {
  fileName: string;
  row: number;
  line: number;
  get: Getter;
  column: (f: Field) => string;
  raw: () => string;
}

function administration(code: string, kind: Layout['kind']): { date: string; label: string; year: number } | null {
  const m = /^(\d{2})(\d{2})$/.exec(code.trim());
  if (!m) return null;
  const year = 2000 + Number(m[2]);
  if (kind === 'end-of-course') {
    const s = EOC_SEASONS[m[1]];
    if (!s) return null;
    const season = s.season[0].toUpperCase() + s.season.slice(1);
    return { date: `${year}-${String(s.month).padStart(2, '0')}-01`, label: `${season} ${year}`, year };
  }
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return { date: `${year}-${m[1]}-01`, label: `${names[month - 1]} ${year}`, year };
}

function parseRecord(layout: Layout, ctx: RecordContext, options: ParseOptions, problems: ImportProblem[], out: ScoreRows): void {
  const add = (column: string | null, severity: ImportProblem['severity'], code: string, message: string) =>
    problems.push({ fileName: ctx.fileName, row: ctx.row, line: ctx.line, column, severity, code, message });
  const c = layout.common;
  const admin = administration(ctx.get(c.administrationDate), layout.kind);
  if (!admin) {
    add(ctx.column(c.administrationDate), 'error', 'staar-admin-invalid', `${quote(ctx.get(c.administrationDate))} is not a STAAR administration code (${layout.kind === 'end-of-course' ? '1523 = spring 2023' : '0523 = May 2023'}).`);
    return;
  }
  if (!layout.years.includes(admin.year)) {
    add(ctx.column(c.administrationDate), 'error', 'staar-layout-year', `This record is from the ${admin.label} administration; Waypoint knows TEA's ${layout.kind === 'end-of-course' ? 'end-of-course' : 'grades 3–8'} layout for ${layout.years.join(', ')} only. Other years put fields at other positions, so nothing was read.`);
    return;
  }
  if (admin.date > options.today) {
    add(ctx.column(c.administrationDate), 'error', 'date-in-future', `The ${admin.label} administration has not happened yet.`);
    return;
  }
  const ids = { local: cleanId(ctx.get(c.localId)), state: cleanId(ctx.get(c.stateId)) };
  for (const [k, r] of [['localId', ids.local], ['stateId', ids.state]] as const) if (r.issue) add(ctx.column(c[k]), 'error', r.issue.code, r.issue.message);
  const grade: GradeLevel | null = plainGrade(ctx.get(c.gradeTested));
  const name = [readText(ctx.get(c.firstName)), readText(ctx.get(c.lastName))].filter(Boolean).join(' ') || null;
  let course: string | null = null;
  if (layout.kind === 'end-of-course') {
    const code = ctx.get(c.course).trim().toUpperCase();
    course = layout.courses?.[code] ?? null;
    if (!course) {
      add(ctx.column(c.course), 'error', 'staar-course-unknown', `${quote(code)} is not an end-of-course code (A1 Algebra I, E1 English I, E2 English II, BI Biology, US U.S. History).`);
      return;
    }
  }
  for (const s of layout.subjects) {
    const scoreCode = ctx.get(s.scoreCode).trim().toUpperCase();
    const scaleText = ctx.get(s.scaleScore).trim();
    if (scoreCode === '' && scaleText === '') continue; // not tested in this subject
    const subject = course ?? s.subject;
    if (scoreCode !== SCORED) {
      add(ctx.column(s.scoreCode), 'warning', 'staar-not-scored', `${subject}: score code ${quote(scoreCode || '(blank)')} means no score for this test (only S is scored); nothing was imported for it.`);
      continue;
    }
    const scale = readNumber(scaleText, { integer: true, min: 0, max: 9999 });
    if (!scale.ok || scale.value === null) {
      add(ctx.column(s.scaleScore), 'error', 'score-not-a-number', `${subject}: the scale score ${quote(scaleText)} is not a number, though the score code says it was scored.`);
      continue;
    }
    const rawScore = readNumber(ctx.get(s.rawScore), { integer: true, min: 0, max: 99 });
    const pct = readNumber(ctx.get(s.percentile), { integer: true, min: 0, max: 100 });
    if (!pct.ok) add(ctx.column(s.percentile), 'error', 'score-out-of-range', `${subject}: the percentile ${quote(ctx.get(s.percentile))} is not 0–100.`);
    const flags = { approaches: readFlag(ctx.get(s.approaches)), meets: readFlag(ctx.get(s.meets)), masters: readFlag(ctx.get(s.masters)) };
    let levelCode: LevelCode | null = null;
    if (flags.approaches === 'unreadable' || flags.meets === 'unreadable' || flags.masters === 'unreadable') {
      add(ctx.column(s.approaches), 'error', 'staar-flag-unreadable', `${subject}: the Approaches/Meets/Masters flags ${quote(`${ctx.get(s.approaches)}/${ctx.get(s.meets)}/${ctx.get(s.masters)}`)} are not 0/1.`);
      continue;
    }
    if (flags.masters) levelCode = 'masters';
    else if (flags.meets) levelCode = 'meets';
    else if (flags.approaches) levelCode = 'approaches';
    else if (flags.approaches === false) levelCode = 'did-not-meet';
    if ((flags.masters && !flags.meets) || (flags.meets && !flags.approaches)) {
      add(ctx.column(s.meets), 'warning', 'staar-flags-inconsistent', `${subject}: the flags say Approaches ${flags.approaches ? 'yes' : 'no'}, Meets ${flags.meets ? 'yes' : 'no'}, Masters ${flags.masters ? 'yes' : 'no'}; read as ${LEVEL_TEXT[levelCode!]}.`);
    }
    const scores: ScoreValue[] = [emptyScore('scale', { scale: scale.value, raw: rawScore.ok ? rawScore.value : null, percentiles: pct.ok && pct.value !== null ? [{ norm: 'staar-texas', value: pct.value }] : [], levelCode, level: levelCode ? LEVEL_TEXT[levelCode] : null })];
    const lex = s.lexile ? readText(ctx.get(s.lexile)) : null;
    if (lex && /^(BR)?\d+L$/i.test(lex)) scores.push(emptyScore('lexile', { text: lex.toUpperCase() }));
    const q = s.quantile ? readText(ctx.get(s.quantile)) : null;
    if (q && /^(EM)?\d+Q$/i.test(q)) scores.push(emptyScore('quantile', { text: q.toUpperCase() }));
    const family: TestFamily = layout.kind === 'end-of-course' ? 'STAAR_EOC' : 'STAAR';
    out.push({
      result: { family, form: null, subject, administrationDate: admin.date, datePrecision: 'month', administrationLabel: admin.label, gradeAtTesting: grade, scores, flags: [] },
      origin: { fileName: ctx.fileName, row: ctx.row, line: ctx.line },
      student: { localId: ids.local.value, stateId: ids.state.value, localColumn: ctx.column(c.localId), stateColumn: ctx.column(c.stateId), name },
      raw: ctx.raw(),
    });
  }
}

export function parseStaarCsv(table: ScoreTable, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const kind = looksLikeStaarCsv(table.headers)!;
  const layout = LAYOUTS.find((l) => l.kind === kind)!;
  const index = new Map(table.headers.map((h, i) => [h.toLowerCase(), i]));
  const problems: ImportProblem[] = [];
  const rows = new ScoreRows(emit);
  const used = new Set<number>();
  const all: Field[] = [...Object.values(layout.common), ...layout.subjects.flatMap((s) => Object.values(s).filter((v): v is Field => typeof v === 'object'))];
  for (const f of all) {
    const i = index.get(f.csv);
    if (i !== undefined) used.add(i);
  }
  const redact = new Set(layout.redact.map((f) => index.get(f.csv)).filter((i): i is number => i !== undefined));
  table.eachRow((row) => {
    const get: Getter = (f) => (f ? (row.values[index.get(f.csv) ?? -1] ?? '') : '');
    parseRecord(
      layout,
      {
        fileName: table.fileName,
        row: row.row,
        line: row.line,
        get,
        column: (f) => f.csv,
        raw: () => {
          const out: Record<string, string> = {};
          table.headers.forEach((h, i) => {
            const v = row.values[i];
            if (!redact.has(i) && v !== undefined && v.trim() !== '') out[h] = v.trim();
          });
          return JSON.stringify(out);
        },
      },
      options,
      problems,
      rows,
    );
  });
  const families = [...rows.families];
  return { format: 'staar-csv', families, results: rows.length, problems, notes: [], ignoredColumns: table.headers.filter((_h, i) => !used.has(i)), sourceRecords: table.rowCount };
}

export function parseStaarFixed(fileName: string, bytes: Uint8Array, options: ParseOptions, emit: ScoreRowSink): ScoreParseSummary {
  const { text } = decodeText(bytes);
  const lines = text.split(/\r\n|\n|\r/);
  const problems: ImportProblem[] = [];
  const rows = new ScoreRows(emit);
  let records = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    records++;
    const lineNo = i + 1;
    const admin = line.slice(0, 2);
    const kind: Layout['kind'] = line.length > 2000 || line[3999] === '.' ? 'grades-3-8' : EOC_SEASONS[admin] ? 'end-of-course' : 'grades-3-8';
    const layout = LAYOUTS.find((l) => l.kind === kind)!;
    if (line.length > layout.recordLength) {
      problems.push({ fileName, row: records, line: lineNo, column: null, severity: 'error', code: 'fixed-width-too-long', message: `Line ${lineNo} is ${line.length} characters; TEA's ${kind === 'end-of-course' ? 'end-of-course' : 'grades 3–8'} records are ${layout.recordLength}. Fields would be read from the wrong positions.` });
      return;
    }
    // Short lines (trailing blanks trimmed by an editor or transfer) are padded back out.
    const record = line.padEnd(layout.recordLength, ' ');
    const get: Getter = (f) => (f ? record.substr(f.start, f.length) : '');
    parseRecord(
      layout,
      {
        fileName,
        row: records,
        line: lineNo,
        get,
        column: (f) => `${f.csv} (positions ${f.start + 1}–${f.start + f.length})`,
        raw: () => {
          let kept = record;
          for (const f of layout.redact) kept = kept.slice(0, f.start) + ' '.repeat(f.length) + kept.slice(f.start + f.length);
          return JSON.stringify({ record: kept.trimEnd(), layout: layout.id });
        },
      },
      options,
      problems,
      rows,
    );
  });
  if (records === 0) problems.push({ fileName, row: null, column: null, severity: 'error', code: 'empty-file', message: 'The file has no records.' });
  return { format: 'staar-fixed', families: [...rows.families], results: rows.length, problems, notes: [], ignoredColumns: [], sourceRecords: records };
}
