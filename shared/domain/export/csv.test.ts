import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvBytes, neutralizeCell, toCsv } from './csv';

describe('formula-safe CSV', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\tTab', `'\tTab`],
    ['\rCR', `'\rCR`],
    ['-0.5', '-0.5'],
    ['-3', '-3'],
    ['-1,5', '-1,5'],
    ['0700', '0700'],
    ['Peña', 'Peña'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(neutralizeCell(input)).toBe(output));

  it('keeps numbers as numbers, including negative ones', () => {
    expect(neutralizeCell(-0.5)).toBe('-0.5');
    expect(neutralizeCell(1)).toBe('1');
    expect(neutralizeCell(null)).toBe('');
  });

  it('round-trips through a CSV parser with quotes, commas and line breaks intact', () => {
    const rows = [['id', 'name', 'note'], ['0042', 'O’Brien, "Jo"', 'line one\nline two'], ['0043', '=cmd|/C calc!A0', '-0.5']];
    const parsed = Papa.parse<string[]>(toCsv(rows).trimEnd(), { header: false }).data;
    expect(parsed).toEqual([['id', 'name', 'note'], ['0042', 'O’Brien, "Jo"', 'line one\nline two'], ['0043', "'=cmd|/C calc!A0", '-0.5']]);
  });

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const b = csvBytes([['a', 'b']]);
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(b.subarray(3).toString('utf8')).toBe('a,b\r\n');
  });
});
