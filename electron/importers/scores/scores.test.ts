import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import layouts from '../../../resources/scores/staar-layouts.json';
import { suggestMapping } from '../../../shared/domain/scores/mapping';
import { parseScoreFiles, type ScoreFile, type ScoreParseResult } from './index';
import { sampleFile } from '../../services/scores/testing';

const today = '2026-03-01';

function parsed(files: ScoreFile[], expect_: Parameters<typeof parseScoreFiles>[1]['expect'] = 'auto', mapping?: Parameters<typeof parseScoreFiles>[1]['mapping']): ScoreParseResult {
  const o = parseScoreFiles(files, { today, expect: expect_, mapping });
  if (o.kind !== 'parsed') throw new Error('expected a parsed result');
  return o.result;
}
const errors = (r: ScoreParseResult) => r.problems.filter((p) => p.severity === 'error');
const csv = (name: string, rows: string[][]): ScoreFile => ({ name, bytes: strToU8(Papa.unparse(rows, { newline: '\r\n' })) });

describe('each sample file is recognised from its header, not its name', () => {
  it.each([
    ['PSAT_SAT/sample_anonymized_file_sat.csv', 'sat-suite', ['SAT'], 10],
    ['PSAT_SAT/sample_anonymized_file_psat_nmsqt.csv', 'sat-suite', ['PSAT_NMSQT'], 5],
    ['PSAT_SAT/sample_anonymized_file_psat_10.csv', 'sat-suite', ['PSAT_10'], 5],
    ['ACT/sample_anonymized_file.csv', 'act', ['ACT'], 5],
    ['AP/SAMPLE_AP_2324.csv', 'ap', ['AP'], 13],
    ['IB/sample_anonymized_file.csv', 'ib', ['IB'], 8],
    ['ASVAB/sample_anonymized_file.csv', 'asvab', ['ASVAB'], 5],
    ['MAP_Growth/sample_anonymized_file.csv', 'map', ['MAP'], 7],
    ['CogAT/sample_anonymized_file.csv', 'cogat', ['COGAT'], 5],
    ['STAAR_Summative/sample_anonymized_file.csv', 'staar-csv', ['STAAR'], 20],
  ])('%s → %s %j, %i results, no errors', (file, format, families, n) => {
    const f = sampleFile(file);
    const r = parsed([{ name: 'export.csv', bytes: f.bytes }]);
    expect(r.format).toBe(format);
    expect(r.families).toEqual(families);
    expect(r.rows).toHaveLength(n);
    expect(errors(r)).toEqual([]);
  });

  it('reads a UTF-16 "Unicode text" export the same as UTF-8', () => {
    const f = sampleFile('ASVAB/sample_anonymized_file.csv');
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(new TextDecoder().decode(f.bytes), 'utf-16le')]));
    const a = parsed([f]);
    const b = parsed([{ name: f.name, bytes: utf16 }]);
    expect(b.rows.map((r) => r.result)).toEqual(a.rows.map((r) => r.result));
  });

  it('a CSV Waypoint does not know asks for a column mapping, with its headers', () => {
    const o = parseScoreFiles([csv('tsi.csv', [['Student ID', 'Test Date', 'ELAR CRC'], ['000123', '04/02/2025', '950']])], { today });
    expect(o.kind).toBe('needs-mapping');
    if (o.kind === 'needs-mapping') expect(o.mapping.headers).toEqual(['Student ID', 'Test Date', 'ELAR CRC']);
  });
});

describe('STAAR fixed-width text (TEA layout)', () => {
  /** A fixed-width record per sample CSV row, laid out with the 3–8 layout's own positions (synthetic file). */
  function fixedFromCsv(options: { trim?: boolean; eol?: string; eof?: boolean; mutate?: (line: string, i: number) => string } = {}): ScoreFile {
    const table = Papa.parse<string[]>(new TextDecoder().decode(sampleFile('STAAR_Summative/sample_anonymized_file.csv').bytes), { skipEmptyLines: true }).data;
    const [header, ...rows] = table;
    const layout = layouts.layouts.find((l) => l.id === 'staar-3-8')!;
    const fields = [...Object.values(layout.common), ...layout.subjects.flatMap((s) => Object.values(s).filter((v): v is { start: number; length: number; csv: string } => typeof v === 'object'))];
    const lines = rows.map((r, i) => {
      const chars = Array(layout.recordLength).fill(' ');
      chars[layout.recordLength - 1] = '.';
      for (const f of fields) {
        const v = (r[header.indexOf(f.csv)] ?? '').padEnd(f.length, ' ').slice(0, f.length);
        for (let k = 0; k < f.length; k++) chars[f.start + k] = v[k];
      }
      let line = chars.join('');
      if (options.trim) line = line.slice(0, -1).trimEnd();
      return options.mutate ? options.mutate(line, i) : line;
    });
    let text = lines.join(options.eol ?? '\r\n') + (options.eol ?? '\r\n');
    if (options.eof) text += '\x1a';
    return { name: 'SF_0523_3-8_DISTRICT.txt', bytes: strToU8(text) };
  }

  it('gives the same results as the CSV of the same file', () => {
    const fixed = parsed([fixedFromCsv()]);
    const fromCsv = parsed([sampleFile('STAAR_Summative/sample_anonymized_file.csv')]);
    expect(fixed.format).toBe('staar-fixed');
    expect(errors(fixed)).toEqual([]);
    expect(fixed.rows.map((r) => [r.student, r.result])).toEqual(fromCsv.rows.map((r) => [{ ...r.student, localColumn: expect.any(String), stateColumn: expect.any(String) }, r.result]));
    expect(fixed.rows[0].student.stateColumn).toBe('tx_unique_student_id (positions 191–200)');
  });

  it('reads short lines (trailing blanks trimmed), LF endings and a DOS end-of-file byte', () => {
    const r = parsed([fixedFromCsv({ trim: true, eol: '\n', eof: true })]);
    expect(errors(r)).toEqual([]);
    expect(r.rows).toHaveLength(20);
  });

  it('keeps the source record with the PEIMS ID and family-portal code blanked out', () => {
    const r = parsed([fixedFromCsv({ mutate: (l) => l.slice(0, 73) + '123456789' + l.slice(82, 156) + 'SECRET' + l.slice(162) })]);
    const raw = JSON.parse(r.rows[0].raw).record as string;
    expect(raw).not.toContain('123456789');
    expect(raw).not.toContain('SECRET');
    expect(raw.slice(190, 193)).toBe('320');
  });

  it('refuses a record longer than the layout (fields would shift)', () => {
    const r = parsed([fixedFromCsv({ mutate: (l, i) => (i === 1 ? `${l}XX` : l) })]);
    expect(errors(r)[0]).toMatchObject({ code: 'fixed-width-too-long', row: 2, line: 2 });
  });

  it('refuses an administration year whose layout Waypoint has not checked', () => {
    const r = parsed([fixedFromCsv({ mutate: (l) => `0519${l.slice(4)}` })]);
    expect(errors(r)[0]).toMatchObject({ code: 'staar-layout-year' });
    expect(r.rows).toEqual([]);
  });

  it('a score code other than S is "not scored" (warning), never a zero', () => {
    const r = parsed([fixedFromCsv({ mutate: (l, i) => (i === 0 ? l.slice(0, 350) + 'A' + l.slice(351) : l) })]);
    expect(r.problems.find((p) => p.code === 'staar-not-scored')).toMatchObject({ severity: 'warning', row: 1 });
    expect(r.rows.filter((x) => x.student.stateId === '320').map((x) => x.result.subject)).toEqual(['math']);
  });
});

describe('STAAR end-of-course CSV', () => {
  const layout = layouts.layouts.find((l) => l.id === 'staar-eoc')!;
  const c = layout.common;
  const s = layout.subjects[0];
  const header = [c.administrationDate.csv, c.gradeTested.csv, c.localId.csv, c.stateId.csv, c.course!.csv, s.scoreCode.csv, s.scaleScore.csv, s.rawScore.csv, s.meets.csv, s.approaches.csv, s.masters.csv, s.percentile.csv, s.quantile!.csv];
  it('reads the course, the flags as the level, and the spring season code', () => {
    const r = parsed([csv('eoc.csv', [header, ['1525', '09', '000123', '1234567890', 'A1', 'S', '4105', '38', '1', '1', '0', '061', '1010Q'], ['1525', '10', '000124', '1234567891', 'E2', 'S', '3600', '30', '0', '0', '0', '015', '']])]);
    expect(errors(r)).toEqual([]);
    expect(r.rows.map((x) => [x.student.localId, x.result.family, x.result.subject, x.result.administrationDate, x.result.administrationLabel, x.result.scores[0].levelCode])).toEqual([
      ['000123', 'STAAR_EOC', 'algebra-i', '2025-05-01', 'Spring 2025', 'meets'],
      ['000124', 'STAAR_EOC', 'english-ii', '2025-05-01', 'Spring 2025', 'did-not-meet'],
    ]);
  });
  it('refuses an unknown course code', () => {
    const r = parsed([csv('eoc.csv', [header, ['1525', '09', '000123', '1234567890', 'Z9', 'S', '4105', '38', '1', '1', '0', '061', '']])]);
    expect(errors(r)[0]).toMatchObject({ code: 'staar-course-unknown', column: 'end_of_course_code' });
  });
});

describe('PreACT (public layout, synthetic students)', () => {
  const header = ['Stu_ID_Num', 'L_Name', 'F_Name', 'Grade_Reported', 'Test_Dte', 'Eng', 'Mth', 'Rdg', 'Sci', 'Composite', 'STEM', 'Eng_Low', 'Eng_High', 'Composite_Low', 'Composite_High', 'Pred_ACT_Composite_Low', 'Pred_ACT_Composite_High', 'USRnk_Comp'];
  it('is told apart from the ACT and read with its score ranges', () => {
    const r = parsed([csv('preact.csv', [header, ['0042117', 'Delacroix', 'Xiomara', '10', '20251007', '14', '19', '20', '18', '18', '19', '12', '16', '17', '19', '18', '22', '55']])]);
    expect(r.format).toBe('preact');
    const row = r.rows[0];
    expect(row.student.localId).toBe('0042117');
    expect(row.result).toMatchObject({ family: 'PREACT', administrationDate: '2025-10-07', gradeAtTesting: '10' });
    expect(row.result.scores.find((x) => x.section === 'english')).toMatchObject({ scale: 14, band: { low: 12, high: 16 } });
    expect(row.result.scores.find((x) => x.section === 'predicted-act-composite')).toMatchObject({ band: { low: 18, high: 22 } });
  });
  it('a PreACT file chosen as ACT is refused', () => {
    const r = parsed([csv('preact.csv', [header, ['1', 'A', 'B', '10', '20251007', '14', '19', '20', '18', '18', '19', '', '', '', '', '', '', '']])], 'ACT');
    expect(errors(r)[0].code).toBe('wrong-test');
  });
});

describe('any CSV through a column mapping: TSIA2', () => {
  const rows = [
    ['Student ID', 'Test Date', 'ELAR CRC', 'ELAR Diagnostic', 'Essay', 'Math CRC', 'Math Diagnostic'],
    ['000123', '2025-04-02', '948', '-', '5', '941', '6'],
    ['000124', '4/3/2025', '930', '5', '5', '955', ''],
  ];
  it('suggests a mapping from the header names', () => {
    expect(suggestMapping(rows[0], 'TSIA2')).toMatchObject({
      localId: 'Student ID',
      date: 'Test Date',
      sections: { 'elar-crc': { score: 'ELAR CRC' }, 'elar-diagnostic': { score: 'ELAR Diagnostic' }, essay: { score: 'Essay' }, 'math-crc': { score: 'Math CRC' }, 'math-diagnostic': { score: 'Math Diagnostic' } },
    });
  });
  it('gives separate ELAR and math results per row; "-" is a blank; leading zeros kept', () => {
    const r = parsed([csv('tsi.csv', rows)], 'auto', suggestMapping(rows[0], 'TSIA2'));
    expect(errors(r)).toEqual([]);
    expect(r.rows.map((x) => [x.student.localId, x.result.subject, x.result.administrationDate, x.result.scores.map((s) => `${s.section}=${s.scale}`).join(' ')])).toEqual([
      ['000123', 'elar', '2025-04-02', 'elar-crc=948 essay=5'],
      ['000123', 'math', '2025-04-02', 'math-crc=941 math-diagnostic=6'],
      ['000124', 'elar', '2025-04-03', 'elar-crc=930 elar-diagnostic=5 essay=5'],
      ['000124', 'math', '2025-04-03', 'math-crc=955'],
    ]);
  });
  it('a CRC outside 910–990 is an error with row and column', () => {
    const bad = rows.map((r) => [...r]);
    bad[2][5] = '1955';
    const r = parsed([csv('tsi.csv', bad)], 'auto', suggestMapping(rows[0], 'TSIA2'));
    expect(errors(r)[0]).toMatchObject({ code: 'score-out-of-range', row: 2, column: 'Math CRC' });
  });
  it('an incomplete mapping is refused', () => {
    const r = parsed([csv('tsi.csv', rows)], 'auto', { ...suggestMapping(rows[0], 'TSIA2'), date: '' });
    expect(errors(r)[0].code).toBe('mapping-incomplete');
  });
});

describe('Ed-Fi StudentAssessment XML', () => {
  it('reports malformed XML with its line and imports nothing', () => {
    const r = parsed([{ name: 'StudentAssessment-SAT.xml', bytes: strToU8('<?xml version="1.0"?>\n<InterchangeStudentAssessment xmlns="http://ed-fi.org/5.2.0">\n<StudentAssessment>\n</InterchangeStudentAssessment>') }]);
    expect(errors(r)[0]).toMatchObject({ code: 'xml-malformed', line: 4 });
    expect(r.rows).toEqual([]);
  });
});
