import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openCsvText, parseCsvText, type CsvProblem, type CsvRow, type ParseCsvOptions } from './csv';
import { decodeText } from './decode';

/**
 * The row-at-a-time reader must give exactly what the whole-table reader gives — rows, line
 * numbers, values and every problem — on every public sample file and on broken files.
 */
const DATA = path.resolve(__dirname, '../../../..', 'shared/data');
const FIXTURES = path.resolve(__dirname, '../../../e2e/fixtures');

function delimitedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return delimitedFiles(full);
    return /\.(csv|txt|tsv)$/i.test(name) ? [full] : [];
  });
}

function streamed(bytes: Uint8Array, fileName: string, options: ParseCsvOptions = {}) {
  const { text, encoding } = decodeText(bytes);
  const { reader, problems } = openCsvText(text, fileName, encoding, options);
  if (!reader) return { table: null, problems, columns: null };
  const rows: CsvRow[] = [];
  const rowProblems: CsvProblem[] = reader.eachRow((r) => {
    rows.push(r);
  });
  const columns = reader.columnValues(reader.headers.map((_h, i) => i));
  return { table: { fileName, encoding: reader.encoding, delimiter: reader.delimiter, headers: reader.headers, rows }, problems: [...problems, ...rowProblems], columns };
}

function expectSame(bytes: Uint8Array, fileName: string, options: ParseCsvOptions = {}) {
  const { text, encoding } = decodeText(bytes);
  const whole = parseCsvText(text, fileName, encoding, options);
  const s = streamed(bytes, fileName, options);
  expect(s.table).toEqual(whole.table);
  expect(s.problems).toEqual(whole.problems);
  // The column pre-pass sees the same cells as the rows (padded rows give '').
  if (whole.table) expect(s.columns).toEqual(whole.table.headers.map((_h, i) => whole.table!.rows.map((r) => r.values[i] ?? '')));
  return whole;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('streaming CSV reader = whole-table reader', () => {
  const files = [...delimitedFiles(DATA), ...delimitedFiles(FIXTURES)];

  it('finds the public sample files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => [path.relative(path.dirname(DATA), f), f]))('%s', (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const whole = expectSame(bytes, path.basename(file));
    expect(whole.table).not.toBeNull();
  });

  it.each([
    ['quoted line breaks', 'id,note\r\n1,"line one\nline two\r\nline three"\r\n2,plain\r\n'],
    ['quotes with a stray delimiter', 'id,name,grade\n1,"Peña, José",09\n2,Smith, John,10\n3,Bo,11\n'],
    ['no quotes with a stray delimiter', 'id,name,grade\n1,Ann,09\n2,Smith, John,10\n3,Bo,11\n'],
    ['an unclosed quote', 'id,name\n1,"Ann\n2,Bo\n3,Cy\n'],
    ['an unclosed quote without other quotes', 'id,name\n1,Ann\n2,Bo"\n'],
    ['trailing delimiters on every line', 'id,name,grade,\n1,Ann,09,\n2,Bo\n3,Cy,10,,\n'],
    ['a shifted row ending in empty cells', 'id,name,grade,note\n1,Ann,09,\n2,Smith, John,10,\n'],
    ['duplicate and empty headers', 'id,Name,name,,x\n1,a,b,c,d\n'],
    ['blank lines above, between and below', '\n\n  \nid,name\n1,Ann\n\n2,Bo\n\n\n'],
    ['a header only', 'sourcedId,name\n'],
    ['no final line break', 'id,name\n1,Ann\n2,Bo'],
    ['old Mac line breaks', 'id,name\r1,Ann\r2,Bo\r'],
    ['mixed line breaks', 'id,name\r\n1,Ann\n2,Bo\r\n3,Cy\r\n'],
    ['semicolons (regional Excel)', 'id;name\n007;Peña\n008;"O\'Brien; Jr"\n'],
    ['tabs', 'Student ID\tLast Name\n000123\tPeña\n000124\tSmith\tJohn\n'],
    ['pipes', 'id|name\n1|Ann\n2|Bo\n'],
    ['doubled quotes inside quotes', 'id,quote\n1,"She said ""hi"""\n2,"a ""b"", c"\n'],
    ['only whitespace rows', 'id,name\n   \n1,Ann\n\t\n'],
  ])('%s', (_name, text) => {
    expectSame(utf8(text), 'fixture.csv');
    expectSame(utf8(text), 'fixture.csv', { strictFieldCount: true });
  });

  it.each([
    ['UTF-8 with BOM', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('StudentID,Name\n001,Peña\n', 'utf8')]))],
    ['UTF-16 LE with BOM', new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Student ID\tLast Name\r\n000123\tPeña\r\n', 'utf16le')]))],
    ['Windows-1252', new Uint8Array(iconv.encode('id,name\n1,Peña O’Brien\n2,José\n', 'windows-1252'))],
  ])('%s', (_name, bytes) => {
    expectSame(bytes, 'encoded.csv');
  });

  it.each([
    ['Unix line breaks', '\uFEFFStudentID,Name\n001,Ann\n002,Bo\n'],
    ['old Mac line breaks', '\uFEFFid,name\r1,Ann\r2,Bo\r'],
    ['quotes and Windows line breaks', '\uFEFFid,name\r\n1,"Ann"\r\n\r\n2,Bo\r\n'],
  ])('text that still starts with a byte-order mark (%s)', (_name, text) => {
    const whole = parseCsvText(text, 'b.csv', 'utf-8');
    const { reader, problems } = openCsvText(text, 'b.csv', 'utf-8');
    const rows: CsvRow[] = [];
    const rowProblems = reader!.eachRow((r) => {
      rows.push(r);
    });
    expect({ headers: reader!.headers, rows, problems: [...problems, ...rowProblems] }).toEqual({ headers: whole.table!.headers, rows: whole.table!.rows, problems: whole.problems });
    expect(reader!.columnValues([0, 1])).toEqual([whole.table!.rows.map((r) => r.values[0]), whole.table!.rows.map((r) => r.values[1])]);
  });

  it('refuses an empty file and one with no header the same way', () => {
    for (const text of ['', '   \n\n']) {
      const { text: t, encoding } = decodeText(utf8(text));
      const whole = parseCsvText(t, 'e.csv', encoding);
      const open = openCsvText(t, 'e.csv', encoding);
      expect(open.reader).toBeNull();
      expect(open.problems).toEqual(whole.problems);
    }
  });

  it('stops a pass when the handler says so, and a later pass reads everything again', () => {
    const { reader } = openCsvText('id\n1\n2\n3\n4\n', 'a.csv', 'utf-8');
    const seen: string[] = [];
    reader!.eachRow((r) => {
      seen.push(r.values[0]);
      return seen.length < 2;
    });
    expect(seen).toEqual(['1', '2']);
    const all: number[] = [];
    reader!.eachRow((r) => {
      all.push(r.line);
    });
    expect(all).toEqual([2, 3, 4, 5]);
  });
});
