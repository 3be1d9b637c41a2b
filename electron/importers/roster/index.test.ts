import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { detectRosterFormat, parseEdFiFiles, readRosterFolder } from './index';

const DATA = path.resolve(__dirname, '../../../..', 'shared/data');
const set = (files: Record<string, Uint8Array>) => ({ sourceName: 'x', files: Object.entries(files).map(([name, bytes]) => ({ name, bytes })), problems: [] });

describe('detectRosterFormat', () => {
  it('recognises the public OneRoster and Ed-Fi samples', async () => {
    expect(detectRosterFormat(await readRosterFolder(path.join(DATA, 'oneroster/oat-sa_oneroster-import')))).toBe('oneroster');
    expect(detectRosterFormat(await readRosterFolder(path.join(DATA, 'edfi')))).toBe('edfi');
  });

  it('recognises a UTF-16 Ed-Fi file, a single SIS CSV, and refuses to guess otherwise', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><InterchangeStudent xmlns="http://ed-fi.org/5.2.0"></InterchangeStudent>`;
    expect(detectRosterFormat(set({ 'Student.xml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]) }))).toBe('edfi');
    expect(detectRosterFormat(set({ 'export.csv': strToU8('Student ID,Last Name\n1,Ruiz\n') }))).toBe('sis-csv');
    expect(detectRosterFormat(set({ 'a.csv': strToU8('x\n'), 'b.csv': strToU8('y\n') }))).toBeNull();
  });
});

describe('Ed-Fi in UTF-16', () => {
  it('reads a UTF-16 interchange with accented names intact', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?>\r\n<InterchangeStudent xmlns="http://ed-fi.org/5.2.0">\r\n<Student><StudentUniqueId>000301</StudentUniqueId><Name><FirstName>Marisol</FirstName><LastSurname>Muñoz Núñez</LastSurname></Name><BirthData><BirthDate>2011-06-01</BirthDate></BirthData></Student>\r\n</InterchangeStudent>`;
    const r = parseEdFiFiles([{ name: 'Student.xml', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]) }], { today: '2025-09-15' });
    expect(r.students).toEqual([expect.objectContaining({ localId: '000301', lastName: 'Muñoz Núñez', origin: { fileName: 'Student.xml', row: 1, line: 3 } })]);
  });
});
