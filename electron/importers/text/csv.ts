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

export function parseCsvText(text: string, fileName: string, encoding: TextEncodingName, options: ParseCsvOptions = {}): CsvParseResult {
  const problems: CsvProblem[] = [];
  if (text.trim() === '') {
    return { table: null, problems: [{ fileName, row: null, line: null, column: null, code: 'empty-file', message: 'The file is empty.' }] };
  }
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
  const nonEmpty = withStarts.filter((r) => !(r.values.length === 1 && r.values[0].trim() === '') && r.values.length > 0);
  if (nonEmpty.length === 0) {
    return { table: null, problems: [{ fileName, row: null, line: null, column: null, code: 'no-header', message: 'The file has no header row.' }] };
  }
  const headers = nonEmpty[0].values.map(cleanHeader);
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
  const rows: CsvRow[] = [];
  nonEmpty.slice(1).forEach((r, i) => {
    const row = i + 1;
    const line = lineOf(starts, r.start + (text.charCodeAt(r.start) === 10 ? 1 : 0));
    let values = r.values;
    // Only when the header line itself ends in delimiters (every line of the export carries
    // them) are empty extra cells formatting. Otherwise an extra cell means a stray delimiter
    // earlier in the row has shifted the values, and trimming would hide that.
    if (headers.length > width && values.length > width && values.length <= headers.length && values.slice(width).every((v) => v.trim() === '')) {
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
      return;
    }
    if (values.length < width) {
      if (options.strictFieldCount) {
        problems.push({ fileName, row, line, column: null, code: 'too-few-fields', message: `Row ${row} (line ${line}) has ${values.length} fields; the header has ${width}.`, params: { row, line, count: values.length, width } });
        return;
      }
      values = [...values, ...Array(width - values.length).fill('')];
    }
    rows.push({ row, line, values });
  });
  if (unterminated !== null) {
    const line = lineOf(starts, Math.min(unterminated, text.length - 1));
    problems.push({ fileName, row: null, line, column: null, code: 'unterminated-quote', message: `A quoted value is never closed (near line ${line}); the rest of the file would be swallowed into one field.`, params: { line } });
  }
  return { table: { fileName, encoding, delimiter, headers: headers.slice(0, width), rows }, problems };
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
