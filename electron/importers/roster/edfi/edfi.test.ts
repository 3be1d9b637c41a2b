import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { hasBlockingProblems } from '../../../../shared/domain/roster/problems';
import type { ProgramCode } from '../../../../shared/domain/roster/programs';
import type { RosterParseResult } from '../../../../shared/domain/roster/types';
import { parseEdFiFiles, parseEdFiFolder } from './edfi';
import { descriptor } from './xml';

const DATA = path.resolve(__dirname, '../../../../..', 'shared/data/edfi');
const today = '2025-09-15';

function distinctStudentsPerProgram(r: RosterParseResult, which: 'current' | 'all'): Partial<Record<ProgramCode, number>> {
  const sets = new Map<ProgramCode, Set<string>>();
  for (const s of r.students) {
    for (const h of s.programHistory ?? []) {
      if (which === 'current' && !h.current) continue;
      const set = sets.get(h.program) ?? new Set<string>();
      set.add(s.sourceId);
      sets.set(h.program, set);
    }
  }
  return Object.fromEntries([...sets].map(([k, v]) => [k, v.size]));
}

describe('Ed-Fi: the public Grand Bend sample (Data Standard 5.2)', () => {
  let r: RosterParseResult;
  beforeAll(async () => {
    // The whole folder: assessment and descriptor interchanges are recognised and skipped.
    r = await parseEdFiFolder(DATA, { today });
  });

  it('imports all 960 students with no blocking problems', () => {
    expect(r.format).toBe('edfi');
    expect(r.version).toBe('5.2.0');
    expect(r.students).toHaveLength(960);
    expect(hasBlockingProblems(r.problems)).toBe(false);
    expect(new Set(r.students.map((s) => s.localId)).size).toBe(960);
  });

  it('reads names, preferred names and birth dates exactly', () => {
    const tyrone = r.students.find((s) => s.localId === '604821')!;
    expect(tyrone).toMatchObject({ firstName: 'Tyrone', lastName: 'Dyer', preferredName: 'Ty', preferredLastName: 'Dye', birthDate: '2014-11-13', middleName: null });
    const lisa = r.students.find((s) => s.localId === '604822')!;
    expect(lisa).toMatchObject({ firstName: 'Lisa', middleName: 'Sybil', lastName: 'Woods', birthDate: '2008-09-13' });
    expect(r.students.filter((s) => s.gender).length).toBe(3);
  });

  it('counts distinct students per program over every association in StudentProgram.xml', () => {
    // Verified independently (Python ElementTree over the same file): each of these
    // associations belongs to a different student.
    expect(distinctStudentsPerProgram(r, 'all')).toEqual({
      'special-education': 97,
      'section-504': 3,
      'gifted-talented': 86,
      // Bilingual (40) and ESL (38) associations: 78 students, none in both.
      'emergent-bilingual': 78,
      cte: 64,
      homeless: 11,
      migrant: 275,
      'neglected-delinquent': 8,
      'food-service': 82,
      'title-i': 2,
    });
  });

  it('sets program flags only for participation that has not ended (EndDate in the past = exited)', () => {
    const flagged: Partial<Record<ProgramCode, number>> = {};
    for (const s of r.students) for (const p of s.programs) flagged[p] = (flagged[p] ?? 0) + 1;
    expect(flagged).toEqual(distinctStudentsPerProgram(r, 'current'));
    expect(flagged).toEqual({
      'special-education': 65,
      'section-504': 3,
      'gifted-talented': 65,
      'emergent-bilingual': 57,
      cte: 44,
      homeless: 11,
      migrant: 275,
      'neglected-delinquent': 6,
      'food-service': 82,
      'title-i': 2,
    });
    // 605238 exited special education on 2021-12-17: kept in the history, not flagged.
    const exited = r.students.find((s) => s.localId === '605238')!;
    expect(exited.programs).not.toContain('special-education');
    expect(exited.programHistory).toContainEqual({ program: 'special-education', beginDate: '2021-08-30', endDate: '2021-12-17', current: false });
  });

  it('reads the three schools as campuses with the grades they offer', () => {
    expect(r.campuses.map((c) => [c.sourceId, c.name, c.gradeLevels])).toEqual([
      ['255901001', 'Grand Bend High School', ['09', '10', '11', '12']],
      ['255901044', 'Grand Bend Middle School', ['06', '07', '08']],
      ['255901107', 'Grand Bend Elementary School', ['01', '02', '03', '04', '05']],
    ]);
  });

  it('leaves every grade blank and says so for each student (the sample has no enrollment file)', () => {
    expect(r.students.every((s) => s.gradeLevel === null)).toBe(true);
    const gradeWarnings = r.problems.filter((p) => p.code === 'grade-missing');
    expect(gradeWarnings).toHaveLength(960);
    expect(gradeWarnings[0]).toMatchObject({ fileName: 'Student.xml', row: 1, line: 3, severity: 'warning' });
    expect(r.problems.map((p) => p.code)).toContain('edfi-campus-not-linked');
  });
});

const NS = 'xmlns="http://ed-fi.org/5.2.0"';
const student = (id: string, first: string, last: string, birth = '2009-04-01', extra = '') =>
  `<Student${extra}><StudentUniqueId>${id}</StudentUniqueId><Name><FirstName>${first}</FirstName><LastSurname>${last}</LastSurname></Name><BirthData><BirthDate>${birth}</BirthDate></BirthData></Student>`;
const students = (...items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<InterchangeStudent ${NS}>\n${items.join('\n')}\n</InterchangeStudent>`;
const assoc = (element: string, id: string, type: string, extra = '', name = type) =>
  `<${element}><StudentReference><StudentIdentity><StudentUniqueId>${id}</StudentUniqueId></StudentIdentity></StudentReference><ProgramReference><ProgramIdentity><EducationOrganizationReference><EducationOrganizationIdentity><EducationOrganizationId>1</EducationOrganizationId></EducationOrganizationIdentity></EducationOrganizationReference><ProgramName>${name}</ProgramName><ProgramType>uri://ed-fi.org/ProgramTypeDescriptor#${type}</ProgramType></ProgramIdentity></ProgramReference><BeginDate>2025-08-20</BeginDate>${extra}</${element}>`;
const programs = (...items: string[]) => `<?xml version="1.0"?>\n<InterchangeStudentProgram ${NS}>\n${items.join('\n')}\n</InterchangeStudentProgram>`;
const files = (f: Record<string, string>) => Object.entries(f).map(([name, text]) => ({ name, bytes: strToU8(text) }));

describe('Ed-Fi (synthetic)', () => {
  it('maps program associations to flags, including ended and ineligible ones', () => {
    const r = parseEdFiFiles(
      files({
        'Student.xml': students(student('000101', 'Ana', 'Da Silva'), student('000102', 'Ben', 'Okoro')),
        'StudentProgram.xml': programs(
          assoc('StudentSpecialEducationProgramAssociation', '000101', 'Special Education'),
          assoc('StudentProgramAssociation', '000101', 'Gifted and Talented'),
          assoc('StudentProgramAssociation', '000101', 'Gifted and Talented'),
          assoc('StudentSection504ProgramAssociation', '000102', 'Section 504 Placement', '<Section504Eligibility>0</Section504Eligibility>'),
          assoc('StudentLanguageInstructionProgramAssociation', '000102', 'English as a Second Language (ESL)', '<EndDate>2025-09-01</EndDate>'),
          assoc('StudentProgramAssociation', '000102', 'Athletics'),
          assoc('StudentProgramAssociation', '000102', 'Athletics'),
          assoc('StudentProgramAssociation', '000102', 'Robotics Club'),
        ),
      }),
      { today },
    );
    const [ana, ben] = r.students;
    expect(ana.localId).toBe('000101');
    expect(ana.programs).toEqual(['special-education', 'gifted-talented']);
    expect(ben.programs).toEqual([]);
    expect(ben.programHistory!.map((h) => [h.program, h.current])).toEqual([
      ['section-504', false],
      ['emergent-bilingual', false],
    ]);
    const notTracked = r.problems.find((p) => p.code === 'program-not-tracked')!;
    expect(notTracked.message).toContain('2 associations');
    expect(notTracked.message).toContain('"Athletics"');
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'program-unrecognised', fileName: 'StudentProgram.xml', row: 8, line: 10 }));
  });

  it('accepts namespace prefixes, older descriptor forms and XML id references', () => {
    const r = parseEdFiFiles(
      files({
        'Students-2.xml': `<?xml version="1.0"?><edfi:InterchangeStudent xmlns:edfi="http://ed-fi.org/0220"><edfi:Student id="S1"><edfi:StudentUniqueId>000201</edfi:StudentUniqueId><edfi:Name><edfi:FirstName>Zoë</edfi:FirstName><edfi:LastSurname>Nuñez</edfi:LastSurname></edfi:Name><edfi:Sex>Female</edfi:Sex><edfi:BirthData><edfi:BirthDate>2010-01-02</edfi:BirthDate></edfi:BirthData></edfi:Student></edfi:InterchangeStudent>`,
        'Programs-2.xml': `<?xml version="1.0"?><InterchangeStudentProgram xmlns="http://ed-fi.org/0220"><StudentProgramAssociation><StudentReference ref="S1"/><ProgramReference><ProgramIdentity><ProgramType>http://www.ed-fi.org/Descriptor/ProgramTypeDescriptor.xml/Special Education</ProgramType></ProgramIdentity></ProgramReference><BeginDate>2024-08-20</BeginDate></StudentProgramAssociation></InterchangeStudentProgram>`,
      }),
      { today },
    );
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.students).toEqual([expect.objectContaining({ localId: '000201', firstName: 'Zoë', lastName: 'Nuñez', gender: 'female', programs: ['special-education'] })]);
  });

  it('turns malformed XML into a problem naming the file and line, never a crash', () => {
    const broken = students(student('000101', 'Ana', 'Díaz')).replace('</Name>', '</Nmae>');
    const r = parseEdFiFiles(files({ 'Student.xml': broken }), { today });
    expect(r.students).toEqual([]);
    const p = r.problems.find((x) => x.code === 'xml-malformed')!;
    expect(p).toMatchObject({ fileName: 'Student.xml', severity: 'error', line: 3 });
    expect(p.message).toContain('line 3');
  });

  it('reports a truncated file', () => {
    const truncated = students(student('000101', 'Ana', 'Díaz'), student('000102', 'Ben', 'Okoro')).slice(0, 200);
    const r = parseEdFiFiles(files({ 'Student.xml': truncated }), { today });
    expect(r.problems).toEqual([expect.objectContaining({ fileName: 'Student.xml', code: 'xml-malformed', severity: 'error' })]);
  });

  it('refuses entity declarations', () => {
    const r = parseEdFiFiles(files({ 'Student.xml': `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><InterchangeStudent ${NS}></InterchangeStudent>` }), { today });
    expect(r.problems[0]).toMatchObject({ code: 'xml-entity-declaration', severity: 'error' });
  });

  it('keeps leading zeros and reports a duplicate StudentUniqueId with the first element', () => {
    const r = parseEdFiFiles(files({ 'Student.xml': students(student('007', 'Ana', 'Díaz'), student('007', 'Ann', 'Diaz')) }), { today });
    expect(r.students.map((s) => s.localId)).toEqual(['007']);
    const p = r.problems.find((x) => x.code === 'id-duplicate')!;
    expect(p).toMatchObject({ fileName: 'Student.xml', row: 2, line: 4, column: 'StudentUniqueId' });
    expect(p.message).toContain('row 1 (line 3)');
  });

  it('warns about a program for a student who is not in the Student file', () => {
    const r = parseEdFiFiles(files({ 'Student.xml': students(student('000101', 'Ana', 'Díaz')), 'StudentProgram.xml': programs(assoc('StudentHomelessProgramAssociation', '999999', 'Homeless')) }), { today });
    expect(r.students).toHaveLength(1);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'program-student-unknown', severity: 'warning', row: 1, line: 3 }));
  });

  it('reports bad values per student element with the element path', () => {
    const r = parseEdFiFiles(files({ 'Student.xml': students(student('000101', 'Ana', 'Díaz', '2009-02-30'), student('', 'Ben', 'Okoro')) }), { today });
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 1, line: 3, column: 'BirthData/BirthDate', code: 'date-not-a-calendar-day', severity: 'error' }));
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 2, line: 4, column: 'StudentUniqueId', code: 'id-missing', severity: 'error' }));
  });

  it('needs a Student interchange and ignores other XML with a note', () => {
    const r = parseEdFiFiles(files({ 'notes.xml': '<?xml version="1.0"?><notes><note>hi</note></notes>' }), { today });
    expect(r.problems.map((p) => p.code)).toEqual(['edfi-file-ignored', 'edfi-students-missing']);
  });

  it('reads the sample descriptor files as code values whatever their namespace', async () => {
    const xml = await readFile(path.join(DATA, 'ProgramTypeDescriptor.xml'), 'utf8');
    expect(xml).toContain('<CodeValue>Section 504 Placement</CodeValue>');
    expect(descriptor('uri://ed-fi.org/ProgramTypeDescriptor#Section 504 Placement')).toEqual({ namespace: 'uri://ed-fi.org/ProgramTypeDescriptor', codeValue: 'Section 504 Placement' });
    expect(descriptor('uri://tea.texas.gov/ProgramTypeDescriptor#Special Education')!.codeValue).toBe('Special Education');
    expect(descriptor('http://www.ed-fi.org/Descriptor/ProgramTypeDescriptor.xml/Adult/Continuing Education')!.codeValue).toBe('Adult/Continuing Education');
    expect(descriptor({ CodeValue: ['Ninth grade'], Namespace: ['uri://ed-fi.org/GradeLevelDescriptor'] })).toEqual({ namespace: 'uri://ed-fi.org/GradeLevelDescriptor', codeValue: 'Ninth grade' });
  });
});
