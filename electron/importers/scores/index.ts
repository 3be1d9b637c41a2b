import type { ImportProblem } from '../../../shared/ipc/contract/imports';
import type { ColumnMapping } from '../../../shared/domain/scores/mapping';
import type { TestFamily } from '../../../shared/domain/scores/types';
import { decodeText } from '../text/decode';
import { parseCsvText, type CsvTable } from '../text/csv';
import { fromCsvProblems } from '../roster/common/table';
import { looksLikeSatSuite, parseSatSuite } from './collegeboard/satSuite';
import { looksLikeAp, parseAp } from './collegeboard/ap';
import { looksLikeAct, looksLikePreAct, parseAct, parsePreAct } from './act/act';
import { looksLikeIb, parseIb } from './ib/ib';
import { looksLikeAsvab, parseAsvab } from './asvab/asvab';
import { looksLikeMap, parseMap } from './nwea/map';
import { looksLikeCogat, parseCogat } from './cogat/cogat';
import { looksLikeStaarCsv, looksLikeStaarFixed, parseStaarCsv, parseStaarFixed } from './staar/staar';
import { isAssessmentMetadataXml, isStudentAssessmentXml, parseStudentAssessments } from './edfi/studentAssessment';
import { parseMappedCsv } from './mapped/mapped';
import { familyName } from './names';
import type { ParseOptions, ScoreFile, ScoreFormat, ScoreImportNote, ScoreParseResult } from './types';

export type { ScoreFile, ScoreFormat, ScoreParseResult, ParseOptions, ScoreImportNote } from './types';
export { SCORE_FORMATS } from './types';
export { parseMappedCsv } from './mapped/mapped';

/**
 * Score files in, normalized results out. Each file is recognised from its header (or its
 * record shape, or its XML root) — never from its name — and read by its vendor's reader.
 * A file Waypoint does not recognise asks for a column mapping. A file of another test
 * than the one the counselor chose is refused with what it looks like.
 */

export interface NeedsMapping {
  fileName: string;
  headers: string[];
  /** Up to three data rows, for the mapping dialog. */
  sample: string[][];
}

export type ParseOutcome = { kind: 'parsed'; result: ScoreParseResult } | { kind: 'needs-mapping'; mapping: NeedsMapping; problems: ImportProblem[] };

interface CsvReader {
  format: ScoreFormat;
  /** What the header says, for "this file looks like…" messages. */
  label: string;
  families: TestFamily[];
  test: (headers: string[]) => boolean;
  parse: (table: CsvTable, options: ParseOptions) => ScoreParseResult;
}

const CSV_READERS: CsvReader[] = [
  { format: 'sat-suite', label: 'a College Board SAT student data file', families: ['SAT', 'SAT_LEGACY'], test: (h) => looksLikeSatSuite(h) === 'SAT', parse: parseSatSuite },
  { format: 'sat-suite', label: 'a College Board PSAT student data file', families: ['PSAT_NMSQT', 'PSAT_10', 'PSAT_89'], test: (h) => looksLikeSatSuite(h) === 'PSAT', parse: parseSatSuite },
  { format: 'ap', label: 'a College Board AP student data file', families: ['AP'], test: looksLikeAp, parse: parseAp },
  { format: 'preact', label: 'a PreACT student file', families: ['PREACT'], test: looksLikePreAct, parse: parsePreAct },
  { format: 'act', label: 'an ACT student record file', families: ['ACT'], test: looksLikeAct, parse: parseAct },
  { format: 'staar-csv', label: 'a TEA STAAR student data file', families: ['STAAR', 'STAAR_EOC'], test: (h) => looksLikeStaarCsv(h) !== null, parse: parseStaarCsv },
  { format: 'ib', label: 'an IB results file', families: ['IB'], test: looksLikeIb, parse: parseIb },
  { format: 'asvab', label: 'an ASVAB Career Exploration Program results file', families: ['ASVAB'], test: looksLikeAsvab, parse: parseAsvab },
  { format: 'map', label: 'an NWEA MAP Growth data file', families: ['MAP'], test: looksLikeMap, parse: parseMap },
  { format: 'cogat', label: 'a Riverside CogAT data file', families: ['COGAT'], test: looksLikeCogat, parse: parseCogat },
];

function fileProblem(fileName: string, code: string, message: string): ImportProblem {
  return { fileName, row: null, column: null, severity: 'error', code, message };
}

function empty(format: ScoreFormat, problems: ImportProblem[]): ScoreParseResult {
  return { format, families: [], rows: [], problems, notes: [], ignoredColumns: [], sourceRecords: 0 };
}

/** The counselor chose one test; the file holds another: refuse it, naming what it looks like. */
function wrongTest(fileName: string, expect: TestFamily, label: string, families: TestFamily[]): ImportProblem | null {
  if (families.includes(expect)) return null;
  return fileProblem(
    fileName,
    'wrong-test',
    `You chose ${familyName(expect)}, but ${fileName} is ${label} (${families.map(familyName).join(' / ')}), recognised from its column names. Nothing was imported. Choose the right test, or "Recognise automatically".`,
  );
}

function parseOne(file: ScoreFile, options: ParseOptions & { mapping?: ColumnMapping }, alone: boolean): ParseOutcome {
  const expect = options.expect ?? 'auto';
  const { text, encoding } = decodeText(file.bytes);
  if (looksLikeStaarFixed(text)) {
    const result = parseStaarFixed(file.name, file.bytes, options);
    if (expect !== 'auto') {
      const p = wrongTest(file.name, expect, 'a TEA STAAR fixed-width student data file', ['STAAR', 'STAAR_EOC']);
      if (p) return { kind: 'parsed', result: empty('staar-fixed', [p]) };
    }
    return { kind: 'parsed', result };
  }
  const { table, problems: csvProblems } = parseCsvText(text, file.name, encoding);
  let problems = fromCsvProblems(csvProblems);
  const notes: ScoreImportNote[] = [];
  if (table) {
    // Vendor layouts repeat placeholder names ("Filler"); repeated columns that are blank in
    // every row carry nothing and cannot be confused. A repeated column with values stays an error.
    problems = problems.filter((p) => {
      if (p.code !== 'csv-duplicate-header' || !p.column) return true;
      const name = p.column.toLowerCase();
      const blank = table.headers.every((h, i) => h.toLowerCase() !== name || table.rows.every((r) => (r.values[i] ?? '').trim() === ''));
      if (blank && !notes.some((n) => n.message.includes(`"${p.column}"`))) notes.push({ code: 'duplicate-blank-columns', message: `Several columns are named "${p.column}"; they are empty in every row and were not read.` });
      return !blank;
    });
  }
  if (!table) return { kind: 'parsed', result: empty('mapped-csv', problems.length ? problems : [fileProblem(file.name, 'unreadable', `${file.name} could not be read as a table.`)]) };
  if (options.mapping) {
    const r = parseMappedCsv(table, options.mapping, options);
    r.problems.unshift(...problems);
    r.notes.unshift(...notes);
    return { kind: 'parsed', result: r };
  }
  const reader = CSV_READERS.find((r) => r.test(table.headers));
  if (!reader) {
    if (!alone) return { kind: 'parsed', result: empty('mapped-csv', [fileProblem(file.name, 'not-recognised', `${file.name} is not a score file layout Waypoint knows. Import it on its own to map its columns.`)]) };
    return { kind: 'needs-mapping', mapping: { fileName: file.name, headers: table.headers, sample: table.rows.slice(0, 3).map((r) => r.values) }, problems };
  }
  if (expect !== 'auto') {
    const p = wrongTest(file.name, expect, reader.label, reader.families);
    if (p) return { kind: 'parsed', result: empty(reader.format, [p, ...problems]) };
  }
  const result = reader.parse(table, options);
  result.problems.unshift(...problems);
  result.notes.unshift(...notes);
  return { kind: 'parsed', result };
}

function merge(results: ScoreParseResult[]): ScoreParseResult {
  if (results.length === 1) return results[0];
  return {
    format: results[0].format,
    families: [...new Set(results.flatMap((r) => r.families))],
    rows: results.flatMap((r) => r.rows),
    problems: results.flatMap((r) => r.problems),
    notes: results.flatMap((r) => r.notes),
    ignoredColumns: [...new Set(results.flatMap((r) => r.ignoredColumns))],
    sourceRecords: results.reduce((n, r) => n + r.sourceRecords, 0),
  };
}

export function parseScoreFiles(files: ScoreFile[], options: ParseOptions & { mapping?: ColumnMapping }): ParseOutcome {
  if (files.length === 0) return { kind: 'parsed', result: empty('mapped-csv', [fileProblem('', 'no-files', 'No file was chosen.')]) };
  const xml = files.filter((f) => isStudentAssessmentXml(f.bytes) || isAssessmentMetadataXml(f.bytes));
  const rest = files.filter((f) => !xml.includes(f));
  const results: ScoreParseResult[] = [];
  if (xml.length) {
    const r = parseStudentAssessments(xml, options);
    const expect = options.expect ?? 'auto';
    if (expect !== 'auto' && r.families.length && !r.families.includes(expect)) {
      results.push(empty('edfi', [fileProblem(xml[0].name, 'wrong-test', `You chose ${familyName(expect)}, but the Ed-Fi file holds ${r.families.map(familyName).join(', ')} results. Nothing was imported.`)]));
    } else results.push(r);
  }
  for (const f of rest) {
    if (/^\s*</.test(decodeText(f.bytes.subarray(0, 512)).text)) {
      results.push(empty('edfi', [fileProblem(f.name, 'xml-not-student-assessment', `${f.name} is XML but not an Ed-Fi StudentAssessment or AssessmentMetadata interchange.`)]));
      continue;
    }
    const o = parseOne(f, options, files.length === 1);
    if (o.kind === 'needs-mapping') return o;
    results.push(o.result);
  }
  return { kind: 'parsed', result: merge(results) };
}
