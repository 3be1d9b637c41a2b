import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { hasBlockingProblems, rejectedRowCount } from '../../../../shared/domain/roster/problems';
import type { RosterParseResult } from '../../../../shared/domain/roster/types';
import { suggestMapping } from './mapping';
import { parseSisCsv, parseSisCsvBytes, readSisTable } from './sis';
import type { SisMapping } from './fields';

const today = '2025-09-15';

// Synthetic students only.
const HEADERS = ['Student ID', 'State ID', 'Last Name', 'First Name', 'Middle Name', 'Birth Date', 'Grade', 'Campus ID', 'School Name', 'Home Language', 'SPED', 'GT', 'Programs', 'Guardian 1 Name', 'Guardian 1 Relationship', 'Guardian 1 Phone', 'Guardian 1 Email'];
const ROWS = [
  ['000123', '7100000001', 'Peña Treviño', 'José', '', '03/05/2009', '10', '001', 'Valle Verde HS', 'Spanish', 'N', 'Y', '504; LEP', 'Treviño, Rosa', 'Madre', '(512) 555-0100', 'rosa@example.org'],
  ['000124', '7100000002', "O’Brien", 'Zoë', 'Ann', '11/30/2010', 'KG', '041', 'Valle Verde MS', 'English', 'Y', 'N', '', '', '', '', ''],
];

function csv(rows: string[][], delimiter = ',', eol = '\r\n'): string {
  const quote = (v: string) => (/[",;\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

function parse(bytes: Uint8Array, fileName = 'students.csv', mapping?: SisMapping): RosterParseResult {
  const read = readSisTable(bytes, fileName);
  const m = mapping ?? suggestMapping(read.table!.headers).mapping;
  const r = parseSisCsv(read.table!, m, { today });
  return { ...r, problems: [...read.problems, ...r.problems] };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('SIS CSV: encodings and delimiters', () => {
  const text = (d: string) => csv([HEADERS, ...ROWS], d);
  it.each([
    ['UTF-8 with BOM, comma', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text(','))])],
    ['UTF-8 without BOM, semicolon (regional Excel)', () => utf8(text(';'))],
    ['UTF-16 LE with BOM, tab ("Unicode text")', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text('\t'), 'utf16le')])],
    ['UTF-16 LE without BOM, tab', () => Buffer.from(text('\t'), 'utf16le')],
    ['Windows-1252 (Excel "CSV"), comma', () => iconv.encode(text(','), 'win1252')],
  ])('%s', (_name, bytes) => {
    const r = parse(bytes());
    expect(r.problems).toEqual([]);
    expect(r.students.map((s) => [s.localId, s.firstName, s.lastName, s.middleName, s.birthDate, s.gradeLevel])).toEqual([
      ['000123', 'José', 'Peña Treviño', null, '2009-03-05', '10'],
      ['000124', 'Zoë', "O’Brien", 'Ann', '2010-11-30', 'KG'],
    ]);
  });

  it('normalizes a full row: programs from flags and a list, campus, languages, guardian', () => {
    const [jose, zoe] = parse(utf8(text(','))).students;
    expect(jose).toMatchObject({
      stateId: '7100000001',
      campusSourceId: '001',
      homeLanguage: 'es',
      programs: ['section-504', 'gifted-talented', 'emergent-bilingual'],
      guardians: [{ firstName: 'Rosa', lastName: 'Treviño', displayName: 'Rosa Treviño', relationship: 'mother', phone: '(512) 555-0100', email: 'rosa@example.org', language: null, mayReceiveInformation: null }],
    });
    expect(zoe.programs).toEqual(['special-education']);
    expect(zoe.guardians).toEqual([]);
    expect(parse(utf8(text(','))).campuses).toEqual([
      { sourceId: '001', name: 'Valle Verde HS', origin: { fileName: 'students.csv', row: 1, line: 2 } },
      { sourceId: '041', name: 'Valle Verde MS', origin: { fileName: 'students.csv', row: 2, line: 3 } },
    ]);
  });

  it('keeps a quoted value with line breaks (mixed line endings) inside one student', () => {
    const rows = [
      ['Student ID', 'Last Name', 'First Name', 'Grade', 'Notes'],
      ['1001', 'Ruiz', 'Ana', '9', 'Lives with grandmother\nbus 12\r\nsee counselor'],
      ['1002', 'Lee', 'Min', '9', 'none'],
    ];
    const r = parse(utf8(csv(rows)));
    expect(r.students.map((s) => [s.localId, s.origin.line])).toEqual([
      ['1001', 2],
      ['1002', 5],
    ]);
  });

  it('finds the header below a report title and keeps line numbers true to the file', () => {
    const text = `Valle Verde ISD Student Roster\r\nPrinted 09/01/2025\r\n\r\n${csv([['Student ID', 'Last Name', 'First Name', 'Grade'], ['1001', 'Ruiz', 'Ana', '13/14']])}`;
    const r = parse(utf8(text));
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'header-not-first-line', line: 4, severity: 'warning' }),
      expect.objectContaining({ code: 'grade-unrecognised', row: 1, line: 5, column: 'Grade' }),
    ]);
    expect(r.students).toHaveLength(1);
  });

  it('resolves a saved mapping against headers that changed case or spacing', () => {
    const mapping: SisMapping = { localId: 'Student ID', firstName: 'First Name', lastName: 'Last Name', gradeLevel: 'Grade' };
    const r = parse(utf8(csv([['STUDENT_ID', 'first name', 'LAST NAME', 'grade'], ['0042', 'Ana', 'Ruiz', '09']])), 'x.csv', mapping);
    expect(r.problems).toEqual([]);
    expect(r.students[0]).toMatchObject({ localId: '0042', gradeLevel: '09' });
  });
});

describe('SIS CSV: bad files give a specific message per row', () => {
  const good = [HEADERS, ...ROWS];

  it('missing ID column: one file-level problem, no students', () => {
    const headers = HEADERS.slice(2);
    const rows = [headers, ...ROWS.map((r) => r.slice(2))];
    const r = parse(utf8(csv(rows)));
    expect(r.students).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'id-column-missing', row: null, severity: 'error' })]);
  });

  it('duplicate IDs: a problem for each duplicate row naming the first row', () => {
    const rows = [...good, [...ROWS[0].slice(0, 1), '7100000009', 'Ruiz', 'Ana', '', '1/2/2011', '9', '001', '', '', '', '', '', '', '', '', ''], [...ROWS[0]]];
    rows[4][1] = '7100000010';
    const r = parse(utf8(csv(rows)));
    const dups = r.problems.filter((p) => p.code === 'id-duplicate');
    expect(dups.map((p) => [p.row, p.line, p.column])).toEqual([
      [3, 4, 'Student ID'],
      [4, 5, 'Student ID'],
    ]);
    expect(dups[0].message).toContain('000123 already appears on row 1 (line 2) (José Peña Treviño)');
    expect(r.students.map((s) => s.localId)).toEqual(['000123', '000124']);
    expect(rejectedRowCount(r.problems)).toBe(2);
  });

  it('a row with too many fields is rejected by row and line', () => {
    const text = csv(good).replace('Valle Verde HS', 'Valle Verde, HS');
    const r = parse(utf8(text));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'csv-too-many-fields', row: 1, line: 2, severity: 'error' })]);
    expect(r.students.map((s) => s.localId)).toEqual(['000124']);
    expect(hasBlockingProblems(r.problems)).toBe(true);
  });

  it.each([
    ['2/30/2009', 'date-not-a-calendar-day'],
    ['next May', 'date-invalid'],
    ['2009', 'date-year-only'],
    ['03/05/2031', 'date-future-birth'],
  ])('bad birth date %j → %s at row and column', (value, code) => {
    const rows = good.map((r) => [...r]);
    rows[2][5] = value;
    const r = parse(utf8(csv(rows)));
    expect(r.problems).toEqual([expect.objectContaining({ code, row: 2, line: 3, column: 'Birth Date', severity: 'error' })]);
    expect(r.students.map((s) => s.localId)).toEqual(['000123']);
  });

  it('a blank birth date is fine; 1900-01-01 is read as unknown with a warning', () => {
    const rows = good.map((r) => [...r]);
    rows[1][5] = '';
    rows[2][5] = '1/1/1900';
    const r = parse(utf8(csv(rows)));
    expect(r.students.map((s) => s.birthDate)).toEqual([null, null]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'date-unknown-placeholder', row: 2, severity: 'warning' })]);
  });

  it('a missing or unrecognised grade is left blank with a warning, not guessed', () => {
    const rows = good.map((r) => [...r]);
    rows[1][6] = '';
    rows[2][6] = 'Senior';
    const r = parse(utf8(csv(rows)));
    expect(r.students.map((s) => s.gradeLevel)).toEqual([null, null]);
    expect(r.problems.map((p) => [p.code, p.row, p.column, p.severity])).toEqual([
      ['grade-missing', 1, 'Grade', 'warning'],
      ['grade-unrecognised', 2, 'Grade', 'warning'],
    ]);
    expect(hasBlockingProblems(r.problems)).toBe(false);
  });

  it('wrong encoding: names garbled by a double conversion are rejected per row, with the likely original', () => {
    // A UTF-8 export that was opened as Windows-1252 and saved again as UTF-8.
    const garbled = iconv.decode(Buffer.from(csv(good), 'utf8'), 'win1252');
    const r = parse(utf8(garbled));
    const bad = r.problems.filter((p) => p.code === 'encoding-mojibake');
    expect(bad.map((p) => [p.row, p.column])).toEqual([
      [1, 'First Name'],
      [1, 'Last Name'],
      [1, 'Guardian 1 Name'],
      [2, 'First Name'],
      [2, 'Last Name'],
    ]);
    expect(bad[0].message).toContain('(probably "José")');
    expect(bad[1].message).toContain('(probably "Peña Treviño")');
    expect(r.students).toEqual([]);
  });

  it('wrong encoding: letters already lost as "\uFFFD" are rejected per row', () => {
    const lost = csv(good).replace('Peña', 'Pe\uFFFDa');
    const r = parse(utf8(lost));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'encoding-replacement-character', row: 1, column: 'Last Name', severity: 'error' })]);
  });

  it('an HTML entity that splits a semicolon-separated row is reported as too many fields', () => {
    const text = csv(good, ';').replace('Peña Treviño', 'Pe&ntilde;a Trevi&ntilde;o');
    const r = parse(utf8(text));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'csv-too-many-fields', row: 1, line: 2, severity: 'error' })]);
  });

  it('an HTML entity in a comma-separated file is decoded, with a warning', () => {
    const r = parse(utf8(csv(good).replace('Peña Treviño', 'Pe&ntilde;a Trevi&ntilde;o')));
    expect(r.students[0].lastName).toBe('Peña Treviño');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'html-entity', row: 1, column: 'Last Name', severity: 'warning' })]);
  });

  it('IDs mangled by a spreadsheet are rejected, not stored', () => {
    const rows = good.map((r) => [...r]);
    rows[1][0] = '7.10000E+09';
    const r = parse(utf8(csv(rows)));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'id-scientific-notation', row: 1, column: 'Student ID', severity: 'error' })]);
  });

  it('a row with no ID is rejected (never matched by name)', () => {
    const rows = good.map((r) => [...r]);
    rows[2][0] = '';
    rows[2][1] = '';
    const r = parse(utf8(csv(rows)));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'id-missing', row: 2, column: 'Student ID / State ID', severity: 'error' })]);
  });

  it('skips total rows and repeated header rows with a warning', () => {
    const rows = [...good, ['Total: 2', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''], [...HEADERS]];
    const r = parse(utf8(csv(rows)));
    expect(r.students).toHaveLength(2);
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([
      ['summary-row', 3],
      ['repeated-header', 4],
    ]);
  });

  it('reads a day-first birth-date column as such and says so', () => {
    const rows = [
      ['Student ID', 'Last Name', 'First Name', 'Grade', 'DOB'],
      ['1', 'Ruiz', 'Ana', '9', '25/12/2009'],
      ['2', 'Lee', 'Min', '9', '03/05/2010'],
    ];
    const r = parse(utf8(csv(rows)));
    expect(r.students.map((s) => s.birthDate)).toEqual(['2009-12-25', '2010-05-03']);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'date-order-day-first', column: 'DOB', severity: 'warning' })]);
  });

  it('names the row that made it read day-first', () => {
    const rows = [
      ['Student ID', 'Last Name', 'First Name', 'Grade', 'DOB'],
      ['1', 'Lee', 'Min', '9', '03/05/2010'],
      ['2', 'Ruiz', 'Ana', '9', '25/12/2009'],
    ];
    const [p] = parse(utf8(csv(rows))).problems;
    expect(p.message).toContain('1 of 2');
    expect(p.message).toContain('"25/12/2009", row 2');
  });

  it('does not flip a US file because of one day-first typo: the typo is the problem', () => {
    const rows = [['Student ID', 'Last Name', 'First Name', 'Grade', 'DOB']];
    for (let i = 1; i <= 30; i++) rows.push([String(i), `Synth${i}`, 'Pat', '9', i === 7 ? '13/02/2010' : `${(i % 12) + 1}/${((i * 5) % 12) + 1}/2010`]);
    const r = parse(utf8(csv(rows)));
    // Every value here could be either order; month-first, as US exports write them.
    expect(r.students.find((s) => s.localId === '2')?.birthDate).toBe('2010-03-11');
    expect(r.students.find((s) => s.localId === '13')?.birthDate).toBe('2010-02-06');
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ row: 7, column: 'DOB' })]);
  });

  it('names the column when a saved mapping no longer fits the file', () => {
    const r = parse(utf8(csv(good)), 'students.csv', { localId: 'Student ID', firstName: 'First Name', lastName: 'Surname' });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'mapping-column-missing', column: 'Surname', severity: 'error' })]);
  });

  it('a header-only file has no students and says so', () => {
    const r = parseSisCsvBytes(utf8(csv([HEADERS])), 'empty.csv', suggestMapping(HEADERS).mapping, { today });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'no-students', severity: 'error' })]);
  });
});

describe('SIS CSV: 10,000 rows', () => {
  it('parses and normalizes a synthetic 10k-row export completely', () => {
    const first = ['Ana', 'José', 'Zoë', 'Min', 'Luis', 'María José'];
    const last = ['Da Silva', 'De la Garza', "O'Brien", 'Nguyễn', 'Peña-Treviño', 'García Márquez'];
    const rows = [HEADERS];
    for (let i = 0; i < 10_000; i++) {
      const month = (i % 12) + 1;
      const day = (i % 28) + 1;
      rows.push([
        String(i).padStart(6, '0'), String(7_100_000_000 + i), last[i % last.length], first[i % first.length], '', `${month}/${day}/${2008 + (i % 10)}`,
        String((i % 12) + 1), i % 2 ? '001' : '041', i % 2 ? 'Valle Verde HS' : 'Valle Verde MS', i % 3 ? 'Spanish' : 'English', i % 7 ? 'N' : 'Y',
        i % 5 ? 'N' : 'Y', i % 11 ? '' : 'LEP', `Guardian${i}, Pat`, 'Parent', '512-555-0100', `g${i}@example.org`,
      ]);
    }
    const r = parseSisCsvBytes(utf8(csv(rows)), 'big.csv', suggestMapping(HEADERS).mapping, { today });
    expect(r.problems).toEqual([]);
    expect(r.students).toHaveLength(10_000);
    expect(r.students[9_999]).toMatchObject({ localId: '009999', lastName: 'Nguyễn', firstName: 'Min', gradeLevel: '04', birthDate: '2017-04-04' });
    expect(r.students.filter((s) => s.programs.includes('special-education'))).toHaveLength(Math.ceil(10_000 / 7));
    expect(r.campuses).toHaveLength(2);
  });
});
