import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { sniffNotText } from './notText';

const u8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const DATA = resolve(__dirname, '../../../../shared/data');

describe('sniffNotText', () => {
  it.each([
    { name: 'PNG', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), kind: 'image' },
    { name: 'JPEG', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), kind: 'image' },
    { name: 'PDF', bytes: u8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), kind: 'pdf' },
    { name: 'old Excel', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), kind: 'xls' },
    { name: 'xlsx', bytes: zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }), kind: 'xlsx' },
    { name: 'zip', bytes: zipSync({ 'readme.txt': strToU8('hi') }), kind: 'zip' },
    { name: 'web page', bytes: u8('\n  <!DOCTYPE html><html><body>Report</body></html>'), kind: 'html' },
    { name: 'random bytes', bytes: new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)), kind: 'binary' },
  ] as const)('$name is $kind', ({ bytes, kind }) => {
    expect(sniffNotText(bytes)).toBe(kind);
  });

  it.each([
    { name: 'UTF-8 CSV', bytes: u8('Student ID,Last Name\n1,Peña\n') },
    { name: 'UTF-8 with BOM', bytes: u8('\uFEFFStudent ID;Last Name\r\n1;Peña\r\n') },
    { name: 'UTF-16 LE with BOM', bytes: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Student ID\tLast Name\r\n1\tPeña\r\n', 'utf16le')])) },
    { name: 'UTF-16 LE without BOM', bytes: new Uint8Array(Buffer.from('Student ID\tLast Name\r\n1\tPeña\r\n', 'utf16le')) },
    { name: 'Windows-1252', bytes: new Uint8Array(iconv.encode('Student ID,Last Name\r\n1,Peña José\r\n\x1a', 'windows-1252')) },
    { name: 'empty', bytes: new Uint8Array() },
    { name: 'Ed-Fi XML', bytes: u8('<?xml version="1.0"?><InterchangeStudent/>') },
  ])('$name may be text', ({ bytes }) => {
    expect(sniffNotText(bytes)).toBeNull();
  });

  it.each([
    'scores/PSAT_SAT/sample_anonymized_file_sat.csv',
    'scores/ACT/sample_anonymized_file.csv',
    'oneroster/oat-sa_oneroster-import/OneRosterv1p1BaseCSV/users.csv',
    'edfi/EducationOrganization.xml',
  ])('the public sample %s may be text', (file) => {
    expect(sniffNotText(new Uint8Array(readFileSync(resolve(DATA, file))))).toBeNull();
  });
});
