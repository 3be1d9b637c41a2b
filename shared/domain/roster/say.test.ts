import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { strToU8 } from 'fflate';
import { rosterProblems as en } from '../../i18n/en/rosterProblems';
import { rosterProblems as es } from '../../i18n/es/rosterProblems';
import { interpolate, say, templateKey } from './say';
import { parseSisCsvBytes } from '../../../electron/importers/roster/sis/sis';
import { suggestMapping } from '../../../electron/importers/roster/sis/mapping';
import { readSisTable } from '../../../electron/importers/roster/sis/sis';
import { parseOneRoster } from '../../../electron/importers/roster/oneroster/oneroster';
import { parseEdFiFiles } from '../../../electron/importers/roster/edfi/edfi';
import type { RosterProblem } from './types';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const templates = Object.entries(en).filter(([k]) => k !== 'terms') as [string, string][];

describe('problem wording in English and Spanish', () => {
  it.each(templates)('%s has a Spanish wording with the same values', (key, text) => {
    const spanish = (es as unknown as Record<string, string>)[key];
    expect(typeof spanish).toBe('string');
    expect(spanish).not.toBe(text);
    expect(placeholders(spanish)).toEqual(placeholders(text));
  });

  it('builds the English message from the template, with plurals and translated terms', () => {
    expect(say('id-duplicate', { what: '@localId', id: '007', firstRow: 1, firstLine: 3, name: 'Ana Díaz' }).message).toBe(
      'The student ID 007 already appears on row 1 (line 3) (Ana Díaz); each student may appear once.',
    );
    expect(say('oneroster-tobedeleted', { count: 1 }).message).toBe('1 user is marked "tobedeleted" and was not imported.');
    expect(say('oneroster-tobedeleted', { count: 3 }).message).toBe('3 users are marked "tobedeleted" and were not imported.');
    expect(interpolate(es['id-duplicate'], { what: '@localId', id: '007', firstRow: 1, firstLine: 3, name: 'Ana' }, es.terms)).toBe(
      'El ID de estudiante 007 ya aparece en la fila 1 (línea 3) (Ana); cada estudiante puede aparecer una sola vez.',
    );
    expect(templateKey(en as never, 'program-not-tracked', { count: 2 })).toBe('program-not-tracked_other');
    expect(() => say('no-such-problem')).toThrow();
  });
});

/** Problems the importers report for broken files: every one must carry wording the UI can translate. */
function badFileProblems(): RosterProblem[] {
  const out: RosterProblem[] = [];
  const csv = [
    'Report title,,,,,,,',
    'Student ID,State ID,Last Name,First Name,Birth Date,Grade,Graduation Year,SPED,Programs,Guardian 1 Phone,Guardian 1 Email',
    '1001,S1,Ruiz,Ana,2/30/2010,Grade 99,soon,maybe,"LEP; Robotics",12,not-an-email',
    '1001,S2,Ruiz,Anna,25/12/2010,9,2027,Y,,,',
    '7.1E+11,S3,12345,Bo,1/2/201,10,2027,N,,,',
    '1004,S4,PeÃ±a,José,2030-01-01,11,2027,N,,,',
    ',,,,,,,,,,',
    'Total: 4,,,,,,,,,,',
    '1005,S5,Lee,Min,3/3/2010,12,2027,N,,,,extra',
  ].join('\r\n');
  const read = readSisTable(iconv.encode(csv, 'win1252'), 'students.csv');
  out.push(...parseSisCsvBytes(iconv.encode(csv, 'win1252'), 'students.csv', suggestMapping(read.table!.headers).mapping, { today: '2025-09-15' }).problems);
  out.push(...parseSisCsvBytes(strToU8('Nombre,Apellido\nAna,Ruiz\n'), 'sin-id.csv', { firstName: 'Nombre', lastName: 'Apellido' }).problems);
  const set = (files: Record<string, string>) => ({ sourceName: 'export', files: Object.entries(files).map(([name, text]) => ({ name, bytes: strToU8(text) })), problems: [] });
  out.push(
    ...parseOneRoster(
      set({
        'manifest.csv': 'propertyName,value\noneroster.version,9\nfile.users,delta\nfile.demographics,bulk\n',
        'users.csv': 'sourcedId,status,orgSourcedIds,role,givenName,familyName,identifier,agentSourcedIds\ns1,,x1,student,Ana,Ruiz,bad id!,p9\np1,,,parent,Rosa,Ruiz,,s9\nt1,tobedeleted,,student,Old,User,,\nu2,,,wizard,Who,Ever,,\n',
        'orgs.csv': 'sourcedId,name,type\nx2,School,school\nx2,School again,school\n',
      }),
      { today: '2025-09-15' },
    ).problems,
  );
  out.push(...parseEdFiFiles([{ name: 'Student.xml', bytes: strToU8('<?xml version="1.0"?><InterchangeStudent><Student><Name></Nmae></Student></InterchangeStudent>') }]).problems);
  out.push(...parseEdFiFiles([{ name: 'Other.xml', bytes: strToU8('<?xml version="1.0"?><Whatever/>') }]).problems);
  return out;
}

describe('importer problems are all translatable', () => {
  const problems = badFileProblems();

  it('covers many kinds of problem', () => {
    expect(new Set(problems.map((p) => p.code)).size).toBeGreaterThan(15);
  });

  it.each(problems.map((p) => [p.code, p] as const))('%s: its English text is its template with its values', (_code, p) => {
    const key = p.template ?? p.code;
    const params = p.params ?? {};
    const template = (en as unknown as Record<string, string>)[templateKey(en as never, key, params)];
    expect(template, `no wording for ${key}`).toBeTypeOf('string');
    expect(interpolate(template, params)).toBe(p.message);
  });
});
