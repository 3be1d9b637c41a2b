import Papa from 'papaparse';
import { decodeText, type TextEncodingName } from './decode';

/**
 * A parsed delimited file, every value kept as the exact text (no number conversion: IDs
 * and course codes keep their leading zeros, "713752E1" stays text).
 */
export interface CsvTable {
  fileName: string;
  encoding: TextEncodingName;
  delimiter: ',' | ';' | '\t' | '|';
  /** Header names as written, trimmed, BOM and zero-width characters removed. */
  headers: string[];
  rows: CsvRow[];
}

export interface CsvRow {
  /** 1-based data row number (the header is row 0), as a counselor would count in Excel. */
  row: number;
  /** 1-based line in the file where the row starts (rows can span lines inside quotes). */
  line: number;
  values: string[];
}

export interface CsvProblem {
  fileName: string;
  row: number | null;
  line: number | null;
  column: string | null;
  message: string;
  /** The values the message quotes, for a translation (roster: shared/i18n/…/rosterProblems.ts "csv-<code>"). */
  params?: Record<string, string | number>;
  code: 'too-many-fields' | 'too-few-fields' | 'unterminated-quote' | 'duplicate-header' | 'empty-header' | 'no-header' | 'empty-file';
}

export interface CsvParseResult {
  table: CsvTable | null;
  problems: CsvProblem[];
}

function cleanHeader(h: string): string {
  return h.replace(/[\uFEFF\u200B-\u200D]/g, '').trim();
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export interface ParseCsvOptions {
  /** Force a delimiter; otherwise comma, semicolon, tab or pipe is detected from the header line. */
  delimiter?: CsvTable['delimiter'];
  /** Rows with fewer fields than the header are padded (Excel drops trailing empties) unless strict. */
  strictFieldCount?: boolean;
}

function detectDelimiter(firstLine: string): CsvTable['delimiter'] {
  const candidates: CsvTable['delimiter'][] = [',', ';', '\t', '|'];
  let best: CsvTable['delimiter'] = ',';
  let bestCount = 0;
  for (const d of candidates) {
    // Count delimiters outside quotes on the header line.
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** The header record read into column names, with its problems (empty or repeated names). */
function readHeader(values: string[], fileName: string): { headers: string[]; width: number; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const headers = values.map(cleanHeader);
  // Trailing empty header cells (a trailing comma on every line) are not columns.
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;
  const seen = new Map<string, number>();
  headers.slice(0, width).forEach((h, i) => {
    if (h === '') {
      problems.push({ fileName, row: 0, line: 1, column: `#${i + 1}`, code: 'empty-header', message: `Column ${i + 1} has no header name.`, params: { index: i + 1 } });
      return;
    }
    const key = h.toLowerCase();
    if (seen.has(key)) {
      problems.push({ fileName, row: 0, line: 1, column: h, code: 'duplicate-header', message: `The column "${h}" appears twice (columns ${seen.get(key)! + 1} and ${i + 1}).`, params: { header: h, first: seen.get(key)! + 1, second: i + 1 } });
    } else seen.set(key, i);
  });
  return { headers, width, problems };
}

function isEmptyRecord(values: string[]): boolean {
  return values.length === 0 || (values.length === 1 && values[0].trim() === '');
}

/**
 * One data record checked against the header: trailing format-only cells dropped, short rows
 * padded (unless strict), a row with extra fields reported. Returns the row, or null after
 * pushing its problem.
 */
function checkRecord(values: string[], row: number, line: number, header: { headers: string[]; width: number }, delimiter: CsvTable['delimiter'], options: ParseCsvOptions, fileName: string, problems: CsvProblem[]): CsvRow | null {
  const { width } = header;
  // Only when the header line itself ends in delimiters (every line of the export carries
  // them) are empty extra cells formatting. Otherwise an extra cell means a stray delimiter
  // earlier in the row has shifted the values, and trimming would hide that.
  if (header.headers.length > width && values.length > width && values.length <= header.headers.length && values.slice(width).every((v) => v.trim() === '')) {
    values = values.slice(0, width);
  }
  if (values.length > width) {
    problems.push({
      fileName,
      row,
      line,
      column: null,
      code: 'too-many-fields',
      message: delimiter === '\t' ? `Row ${row} (line ${line}) has ${values.length} fields; the header has ${width}. A value may contain an unquoted tab.` : `Row ${row} (line ${line}) has ${values.length} fields; the header has ${width}. A value may contain an unquoted "${delimiter}".`,
      params: { row, line, count: values.length, width, delimiter: delimiter === '\t' ? 'tab' : delimiter },
    });
    return null;
  }
  if (values.length < width) {
    if (options.strictFieldCount) {
      problems.push({ fileName, row, line, column: null, code: 'too-few-fields', message: `Row ${row} (line ${line}) has ${values.length} fields; the header has ${width}.`, params: { row, line, count: values.length, width } });
      return null;
    }
    values = [...values, ...Array(width - values.length).fill('')];
  }
  return { row, line, values };
}

function unterminatedProblem(fileName: string, starts: number[], text: string, offset: number): CsvProblem {
  const line = lineOf(starts, Math.min(offset, text.length - 1));
  return { fileName, row: null, line, column: null, code: 'unterminated-quote', message: `A quoted value is never closed (near line ${line}); the rest of the file would be swallowed into one field.`, params: { line } };
}

function emptyFile(fileName: string): CsvParseResult {
  return { table: null, problems: [{ fileName, row: null, line: null, column: null, code: 'empty-file', message: 'The file is empty.' }] };
}

function noHeader(fileName: string): CsvParseResult {
  return { table: null, problems: [{ fileName, row: null, line: null, column: null, code: 'no-header', message: 'The file has no header row.' }] };
}

/** The whole file as a table: every row in memory (small files: rosters, catalogs, transcripts). */
export function parseCsvText(text: string, fileName: string, encoding: TextEncodingName, options: ParseCsvOptions = {}): CsvParseResult {
  if (text.trim() === '') return emptyFile(fileName);
  const firstLine = text.slice(0, text.search(/\r\n|\n|\r|$/));
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);
  const starts = lineStarts(text);
  const records: { values: string[]; offset: number }[] = [];
  let unterminated: number | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result) => {
      for (const e of result.errors) if (e.code === 'MissingQuotes') unterminated ??= result.meta.cursor;
      records.push({ values: result.data, offset: (result.meta as unknown as { cursor: number }).cursor });
    },
  });
  // Papa's cursor is the end of each record; a record starts where the previous one ended.
  const withStarts = records.map((r, i) => ({ values: r.values, start: i === 0 ? 0 : records[i - 1].offset }));
  const nonEmpty = withStarts.filter((r) => !isEmptyRecord(r.values));
  if (nonEmpty.length === 0) return noHeader(fileName);
  const header = readHeader(nonEmpty[0].values, fileName);
  const problems = header.problems;
  const rows: CsvRow[] = [];
  nonEmpty.slice(1).forEach((r, i) => {
    const line = lineOf(starts, r.start + (text.charCodeAt(r.start) === 10 ? 1 : 0));
    const checked = checkRecord(r.values, i + 1, line, header, delimiter, options, fileName, problems);
    if (checked) rows.push(checked);
  });
  if (unterminated !== null) problems.push(unterminatedProblem(fileName, starts, text, unterminated));
  return { table: { fileName, encoding, delimiter, headers: header.headers.slice(0, header.width), rows }, problems };
}

/**
 * A delimited file read one row at a time, for files too large to hold as a table (a
 * district's 200,000-row score export is 5 million cells): only the row being handled is in
 * memory. Rows, line numbers and problems are exactly those of `parseCsvText`.
 */
export interface CsvRowReader {
  readonly fileName: string;
  readonly encoding: TextEncodingName;
  readonly delimiter: CsvTable['delimiter'];
  /** Header names as written, trimmed, BOM and zero-width characters removed. */
  readonly headers: string[];
  /**
   * Reads the data rows in file order, calling `onRow` for each one that fits the header
   * (returning `false` stops the pass). Returns that pass's row problems: field counts, then
   * an unclosed quote. Each call reads the text again.
   */
  eachRow(onRow: (row: CsvRow) => void | boolean): CsvProblem[];
  /**
   * The values of a few columns in every row `eachRow` gives, in row order, without building
   * the other cells (a pre-pass, e.g. to decide a date column's day/month order).
   */
  columnValues(columns: readonly number[]): string[][];
}

export interface CsvOpenResult {
  reader: CsvRowReader | null;
  /** Problems of the file as a whole and of its header row. */
  problems: CsvProblem[];
}

export function openCsvText(text: string, fileName: string, encoding: TextEncodingName, options: ParseCsvOptions = {}): CsvOpenResult {
  if (text.trim() === '') return { reader: null, problems: emptyFile(fileName).problems };
  const firstLine = text.slice(0, text.search(/\r\n|\n|\r|$/));
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);
  const config = { delimiter, header: false, dynamicTyping: false, skipEmptyLines: false } as const;
  // The header: the first record that is not empty. Papa picks the same line break for every
  // pass over the same text, so the passes below see the same records.
  let headerValues: string[] | null = null;
  let linebreak = '\n';
  Papa.parse<string[]>(text, {
    ...config,
    step: (result, parser) => {
      linebreak = result.meta.linebreak;
      if (isEmptyRecord(result.data)) return;
      headerValues = result.data;
      parser.abort();
    },
  });
  if (headerValues === null) return { reader: null, problems: noHeader(fileName).problems };
  const header = readHeader(headerValues, fileName);
  const headers = header.headers.slice(0, header.width);
  let starts: number[] | null = null;

  const eachRow = (onRow: (row: CsvRow) => void | boolean): CsvProblem[] => {
    starts ??= lineStarts(text);
    const lines = starts;
    const problems: CsvProblem[] = [];
    let unterminated: number | null = null;
    let start = 0;
    let seenHeader = false;
    let row = 0;
    // Records arrive in file order, so the line search moves forward instead of bisecting.
    let lineIndex = 0;
    const record = (values: string[], recordStart: number): boolean => {
      if (isEmptyRecord(values)) return true;
      if (!seenHeader) {
        seenHeader = true;
        return true;
      }
      row++;
      const offset = recordStart + (text.charCodeAt(recordStart) === 10 ? 1 : 0);
      while (lineIndex + 1 < lines.length && lines[lineIndex + 1] <= offset) lineIndex++;
      const checked = checkRecord(values, row, lineIndex + 1, header, delimiter, options, fileName, problems);
      return !(checked && onRow(checked) === false);
    };
    if (text.indexOf('"') === -1) {
      // Without a quote character anywhere, Papa splits the text at its line break and each
      // line at the delimiter (its fast mode); the same split here, minus a result object and
      // a callback per row. Records and offsets are exactly Papa's (which counts from after a
      // byte-order mark it drops).
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const records = (bom ? text.slice(1) : text).split(linebreak);
      let at = 0;
      for (const line of records) {
        if (!record(line.split(delimiter), at)) break;
        at += line.length + linebreak.length;
      }
      return problems;
    }
    Papa.parse<string[]>(text, {
      ...config,
      step: (result, parser) => {
        const recordStart = start;
        const cursor = (result.meta as unknown as { cursor: number }).cursor;
        start = cursor;
        for (const e of result.errors) if (e.code === 'MissingQuotes') unterminated ??= cursor;
        if (!record(result.data, recordStart)) parser.abort();
      },
    });
    if (unterminated !== null) problems.push(unterminatedProblem(fileName, lines, text, unterminated));
    return problems;
  };

  const columnValues = (columns: readonly number[]): string[][] => {
    const out = columns.map(() => [] as string[]);
    // Without a quote character anywhere, Papa splits each line at the line break and each
    // record at the delimiter; doing the same here, only the wanted cells become strings.
    if (text.indexOf('"') === -1 && !options.strictFieldCount) {
      scanColumns(text, linebreak, delimiter, header, columns, out);
      return out;
    }
    eachRow((r) => {
      for (let k = 0; k < columns.length; k++) out[k].push(r.values[columns[k]] ?? '');
    });
    return out;
  };

  return { reader: { fileName, encoding, delimiter, headers, eachRow, columnValues }, problems: header.problems };
}

/**
 * `columnValues` for text without quotes: the same records and the same row checks as a
 * pass (empty records skipped, the header skipped, rows with extra fields left out, short
 * rows padded), found with index searches instead of a string per cell.
 */
function scanColumns(text: string, linebreak: string, delimiter: string, header: { headers: string[]; width: number }, columns: readonly number[], out: string[][]): void {
  const { width } = header;
  const full = header.headers.length;
  const bounds: number[] = [];
  let seenHeader = false;
  // Papa drops a leading byte-order mark before it splits.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (pos <= n) {
    let end = text.indexOf(linebreak, pos);
    if (end === -1) end = n;
    // Field boundaries of this record: bounds[2k], bounds[2k+1] = start and end of field k.
    bounds.length = 0;
    let f = pos;
    for (;;) {
      const d = text.indexOf(delimiter, f);
      if (d === -1 || d >= end) {
        bounds.push(f, end);
        break;
      }
      bounds.push(f, d);
      f = d + delimiter.length;
    }
    const count = bounds.length / 2;
    const blank = (k: number) => text.slice(bounds[2 * k], bounds[2 * k + 1]).trim() === '';
    const next = end + linebreak.length;
    if (!(count === 1 && blank(0))) {
      if (!seenHeader) seenHeader = true;
      else {
        let fields = count;
        if (full > width && count > width && count <= full) {
          let trailingBlank = true;
          for (let k = width; k < count && trailingBlank; k++) trailingBlank = blank(k);
          if (trailingBlank) fields = width;
        }
        if (fields <= width) {
          for (let c = 0; c < columns.length; c++) {
            const k = columns[c];
            out[c].push(k >= 0 && k < fields ? text.slice(bounds[2 * k], bounds[2 * k + 1]) : '');
          }
        }
      }
    }
    if (end === n) break;
    pos = next;
  }
}

export function parseCsvBytes(bytes: Uint8Array, fileName: string, options: ParseCsvOptions = {}): CsvParseResult {
  const { text, encoding } = decodeText(bytes);
  return parseCsvText(text, fileName, encoding, options);
}

/** Case- and space-insensitive header lookup: "Student ID", "student_id" and "StudentID" match. */
export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[\s_\-./()]+/g, '');
}

export function columnIndex(table: CsvTable, ...names: string[]): number {
  const wanted = names.map(headerKey);
  return table.headers.findIndex((h) => wanted.includes(headerKey(h)));
}
