import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from './csv';
import { decodeText } from './decode';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const withBom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s)]);
const utf16le = (s: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const cp1252 = (s: string) => Buffer.from([...s].map((c) => ({ ñ: 0xf1, é: 0xe9, ó: 0xf3, '’': 0x92 })[c] ?? c.charCodeAt(0)));

describe('decodeText', () => {
  it.each([
    ['UTF-8 with BOM', withBom('Peña,José'), 'utf-8'],
    ['UTF-8 without BOM', utf8('Peña,José'), 'utf-8'],
    ['UTF-16 LE with BOM', utf16le('Peña,José', true), 'utf-16le'],
    ['UTF-16 LE without BOM', utf16le('Peña,José', false), 'utf-16le'],
    ['Windows-1252 from Excel', cp1252('Peña,José'), 'windows-1252'],
  ])('%s', (_name, bytes, encoding) => {
    const d = decodeText(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe('Peña,José');
  });

  it('keeps curly apostrophes from Windows-1252 and drops a DOS end-of-file byte', () => {
    const d = decodeText(Buffer.concat([cp1252('O’Brien'), Buffer.from([0x1a])]));
    expect(d.text).toBe('O’Brien');
  });
});

describe('parseCsvBytes', () => {
  it('strips the BOM from the first header name', () => {
    const { table } = parseCsvBytes(withBom('StudentID,Name\n001,Ann\n'), 'a.csv');
    expect(table!.headers).toEqual(['StudentID', 'Name']);
  });

  it.each([
    ['comma', 'id,name\n007,Ann\n'],
    ['semicolon (regional Excel)', 'id;name\n007;Ann\n'],
    ['tab', 'id\tname\n007\tAnn\n'],
  ])('detects the %s delimiter and keeps leading zeros', (_n, text) => {
    const { table, problems } = parseCsvBytes(utf8(text), 'a.csv');
    expect(problems).toEqual([]);
    expect(table!.rows).toEqual([{ row: 1, line: 2, values: ['007', 'Ann'] }]);
  });

  it('keeps a quoted value with line breaks as one row, counting lines correctly', () => {
    const { table } = parseCsvBytes(utf8('id,note\r\n1,"line one\nline two\r\nline three"\r\n2,plain\r\n'), 'n.csv');
    expect(table!.rows).toEqual([
      { row: 1, line: 2, values: ['1', 'line one\nline two\r\nline three'] },
      { row: 2, line: 5, values: ['2', 'plain'] },
    ]);
  });

  it('reports a row with too many fields by row and line', () => {
    const { table, problems } = parseCsvBytes(utf8('id,name\n1,Ann\n2,Smith, John\n3,Bo\n'), 'x.csv');
    expect(problems).toEqual([expect.objectContaining({ code: 'too-many-fields', row: 2, line: 3, fileName: 'x.csv' })]);
    expect(table!.rows.map((r) => r.row)).toEqual([1, 3]);
  });

  it('ignores trailing delimiters and pads short rows', () => {
    const { table, problems } = parseCsvBytes(utf8('id,name,grade,\n1,Ann,09,\n2,Bo\n'), 'x.csv');
    expect(problems).toEqual([]);
    expect(table!.headers).toEqual(['id', 'name', 'grade']);
    expect(table!.rows.map((r) => r.values)).toEqual([
      ['1', 'Ann', '09'],
      ['2', 'Bo', ''],
    ]);
  });

  it('reports a stray delimiter even when the shifted row ends in empty cells', () => {
    // "Smith, John" unquoted shifts every later value one column right; the row's last cell is empty.
    const { table, problems } = parseCsvBytes(utf8('id,name,grade,note\n1,Ann,09,\n2,Smith, John,10,\n'), 'x.csv');
    expect(problems).toEqual([expect.objectContaining({ code: 'too-many-fields', row: 2, line: 3 })]);
    expect(table!.rows.map((r) => r.values)).toEqual([['1', 'Ann', '09', '']]);
  });

  it('flags duplicate header names and unterminated quotes', () => {
    expect(parseCsvBytes(utf8('id,Name,name\n1,a,b\n'), 'd.csv').problems[0]).toMatchObject({ code: 'duplicate-header', column: 'name' });
    expect(parseCsvBytes(utf8('id,name\n1,"Ann\n2,Bo\n'), 'q.csv').problems.map((p) => p.code)).toContain('unterminated-quote');
  });

  it('accepts a header-only file as zero rows, and refuses an empty one', () => {
    expect(parseCsvBytes(utf8('sourcedId,name\n'), 'h.csv')).toMatchObject({ table: { rows: [] }, problems: [] });
    expect(parseCsvBytes(utf8(''), 'e.csv').problems[0].code).toBe('empty-file');
  });

  it('reads UTF-16 tab-separated "Unicode text" exports', () => {
    const { table } = parseCsvBytes(utf16le('Student ID\tLast Name\r\n000123\tPeña\r\n', true), 'u.txt');
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['Student ID', 'Last Name'], rows: [{ values: ['000123', 'Peña'] }] });
  });
});
