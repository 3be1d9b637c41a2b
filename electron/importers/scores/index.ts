import type { ImportProblem } from '../../../shared/ipc/contract/imports';
import type { ColumnMapping } from '../../../shared/domain/scores/mapping';
import type { ParsedScoreRow, TestFamily } from '../../../shared/domain/scores/types';
import { decodeText } from '../text/decode';
import { openCsvText } from '../text/csv';
import { ScoreTable } from './common/table';
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
import { sniffNotText, type NotTextKind } from '../text/notText';
import type { ParseOptions, ScoreFile, ScoreFormat, ScoreImportNote, ScoreParseResult, ScoreParseSummary, ScoreRowSink } from './types';

export type { ScoreFile, ScoreFormat, ScoreParseResult, ScoreParseSummary, ScoreRowSink, ParseOptions, ScoreImportNote } from './types';
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

/** `readScoreFiles`: the results went to the sink; this is what was said about the files. */
export type ReadOutcome = { kind: 'parsed'; summary: ScoreParseSummary } | { kind: 'needs-mapping'; mapping: NeedsMapping; problems: ImportProblem[] };

interface CsvReader {
  format: ScoreFormat;
  /** What the header says, for "this file looks like…" messages. */
  label: string;
  families: TestFamily[];
  test: (headers: string[]) => boolean;
  parse: (table: ScoreTable, options: ParseOptions, emit: ScoreRowSink) => ScoreParseSummary;
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

function empty(format: ScoreFormat, problems: ImportProblem[], sourceRecords = 0): ScoreParseSummary {
  return { format, families: [], results: 0, problems, notes: [], ignoredColumns: [], sourceRecords };
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

type OneOutcome = { kind: 'parsed'; summary: ScoreParseSummary } | { kind: 'needs-mapping'; mapping: NeedsMapping; problems: ImportProblem[] };

function parseOne(file: ScoreFile, options: ParseOptions & { mapping?: ColumnMapping }, alone: boolean, emit: ScoreRowSink): OneOutcome {
  const expect = options.expect ?? 'auto';
  const { text, encoding } = decodeText(file.bytes);
  if (looksLikeStaarFixed(text)) {
    if (expect !== 'auto') {
      const p = wrongTest(file.name, expect, 'a TEA STAAR fixed-width student data file', ['STAAR', 'STAAR_EOC']);
      if (p) return { kind: 'parsed', summary: empty('staar-fixed', [p]) };
    }
    return { kind: 'parsed', summary: parseStaarFixed(file.name, file.bytes, options, emit) };
  }
  const { reader: source, problems: openProblems } = openCsvText(text, file.name, encoding);
  if (!source) {
    const problems = fromCsvProblems(openProblems);
    return { kind: 'parsed', summary: empty('mapped-csv', problems.length ? problems : [fileProblem(file.name, 'unreadable', `${file.name} could not be read as a table.`)]) };
  }
  const table = new ScoreTable(source);
  let headerProblems = fromCsvProblems(openProblems);
  // The file's own problems (header, then field counts and quoting) go ahead of the reader's.
  // The rows' problems are known once the reader's pass has read every row.
  const fileProblems = () => [...headerProblems, ...fromCsvProblems(table.rowProblems)];
  const notes: ScoreImportNote[] = [];
  // Vendor layouts repeat placeholder names ("Filler"); repeated columns that are blank in
  // every row carry nothing and cannot be confused. A repeated column with values stays an error.
  const duplicates = headerProblems.filter((p) => p.code === 'csv-duplicate-header' && p.column);
  if (duplicates.length) {
    const names = new Set(duplicates.map((p) => p.column!.toLowerCase()));
    const columns = table.headers.flatMap((h, i) => (names.has(h.toLowerCase()) ? [i] : []));
    const values = table.columnValues(columns);
    const blankByName = new Map<string, boolean>();
    columns.forEach((c, k) => {
      const name = table.headers[c].toLowerCase();
      blankByName.set(name, (blankByName.get(name) ?? true) && values[k].every((v) => v.trim() === ''));
    });
    headerProblems = headerProblems.filter((p) => {
      if (p.code !== 'csv-duplicate-header' || !p.column) return true;
      const blank = blankByName.get(p.column.toLowerCase()) ?? true;
      if (blank && !notes.some((n) => n.message.includes(`"${p.column}"`))) notes.push({ code: 'duplicate-blank-columns', message: `Several columns are named "${p.column}"; they are empty in every row and were not read.` });
      return !blank;
    });
  }
  if (options.mapping) {
    const r = parseMappedCsv(table, options.mapping, options, emit);
    r.problems.unshift(...fileProblems());
    r.notes.unshift(...notes);
    return { kind: 'parsed', summary: r };
  }
  const reader = CSV_READERS.find((r) => r.test(table.headers));
  if (!reader) {
    if (!alone) return { kind: 'parsed', summary: empty('mapped-csv', [fileProblem(file.name, 'not-recognised', `${file.name} is not a score file layout Waypoint knows. Import it on its own to map its columns.`)]) };
    const sample: string[][] = [];
    table.eachRow((r) => {
      sample.push(r.values);
      return sample.length < 3;
    });
    return { kind: 'needs-mapping', mapping: { fileName: file.name, headers: table.headers, sample }, problems: fileProblems() };
  }
  if (expect !== 'auto') {
    const p = wrongTest(file.name, expect, reader.label, reader.families);
    if (p) return { kind: 'parsed', summary: empty(reader.format, [p, ...fileProblems()]) };
  }
  const result = reader.parse(table, options, emit);
  result.problems.unshift(...fileProblems());
  result.notes.unshift(...notes);
  return { kind: 'parsed', summary: result };
}

function merge(results: ScoreParseSummary[]): ScoreParseSummary {
  if (results.length === 1) return results[0];
  return {
    format: results[0].format,
    families: [...new Set(results.flatMap((r) => r.families))],
    results: results.reduce((n, r) => n + r.results, 0),
    problems: results.flatMap((r) => r.problems),
    notes: results.flatMap((r) => r.notes),
    ignoredColumns: [...new Set(results.flatMap((r) => r.ignoredColumns))],
    sourceRecords: results.reduce((n, r) => n + r.sourceRecords, 0),
  };
}

/**
 * Reads score files, handing each result to `emit` as it is read (file order, row order);
 * nothing of a file is kept but the row being read. A file that asks for a column mapping
 * stops the reading (its rows are not emitted).
 */
/** What a file that is not a score export is, in the words of the problem list. */
const NOT_TEXT: Record<NotTextKind, string> = {
  xlsx: 'is an Excel workbook, not a CSV file. In Excel choose File › Save As › "CSV UTF-8" and import the saved file.',
  xls: 'is an older Excel (.xls) file, not a CSV file. In Excel choose File › Save As › "CSV UTF-8" and import the saved file.',
  pdf: 'is a PDF score report. Download the student data file (CSV or text) from the vendor’s portal instead.',
  image: 'is a picture, not a data file.',
  zip: 'is a zip archive. Unzip it and choose the score files inside.',
  binary: 'is not a text file: it holds binary data.',
  html: 'is a web page (HTML), not a score data file. Download the student data file (CSV or text) from the vendor’s portal instead of saving the page.',
};

export function readScoreFiles(files: ScoreFile[], options: ParseOptions & { mapping?: ColumnMapping }, emit: ScoreRowSink): ReadOutcome {
  if (files.length === 0) return { kind: 'parsed', summary: empty('mapped-csv', [fileProblem('', 'no-files', 'No file was chosen.')]) };
  const xml = files.filter((f) => isStudentAssessmentXml(f.bytes) || isAssessmentMetadataXml(f.bytes));
  const rest = files.filter((f) => !xml.includes(f));
  const results: ScoreParseSummary[] = [];
  if (xml.length) {
    const { rows, ...r } = parseStudentAssessments(xml, options);
    const expect = options.expect ?? 'auto';
    if (expect !== 'auto' && r.families.length && !r.families.includes(expect)) {
      results.push(empty('edfi', [fileProblem(xml[0].name, 'wrong-test', `You chose ${familyName(expect)}, but the Ed-Fi file holds ${r.families.map(familyName).join(', ')} results. Nothing was imported.`)]));
    } else {
      for (const row of rows) emit(row);
      results.push({ ...r, results: rows.length });
    }
  }
  for (const f of rest) {
    const notText = sniffNotText(f.bytes);
    if (notText) {
      results.push(empty('mapped-csv', [fileProblem(f.name, 'file-not-text', `${f.name} ${NOT_TEXT[notText]} Score files are CSV, text or XML; nothing was imported.`)]));
      continue;
    }
    if (/^\s*</.test(decodeText(f.bytes.subarray(0, 512)).text)) {
      results.push(empty('edfi', [fileProblem(f.name, 'xml-not-student-assessment', `${f.name} is XML but not an Ed-Fi StudentAssessment or AssessmentMetadata interchange.`)]));
      continue;
    }
    const o = parseOne(f, options, files.length === 1, emit);
    if (o.kind === 'needs-mapping') return o;
    results.push(o.summary);
  }
  return { kind: 'parsed', summary: merge(results) };
}

/** Score files in, every result in one list (tests, the benchmark's baseline, small files). */
export function parseScoreFiles(files: ScoreFile[], options: ParseOptions & { mapping?: ColumnMapping }): ParseOutcome {
  const rows: ParsedScoreRow[] = [];
  const o = readScoreFiles(files, options, (row) => rows.push(row));
  if (o.kind === 'needs-mapping') return o;
  const { results: _count, ...summary } = o.summary;
  return { kind: 'parsed', result: { ...summary, rows } };
}
