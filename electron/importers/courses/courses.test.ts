import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseCatalogCsv, readGradeLevels } from './catalogCsv';
import { parseEdfiCatalog } from './catalogEdfi';
import { parseTranscriptCsv } from './transcriptCsv';

const EDFI = path.resolve(__dirname, '../../../..', 'shared/data/edfi');
const FIXTURES = path.resolve(__dirname, '../../../e2e/fixtures');
const csv = (text: string) => new TextEncoder().encode(text);
const errors = (r: { problems: { severity: string; code: string }[] }) => r.problems.filter((p) => p.severity === 'error').map((p) => p.code);

describe('catalog CSV', () => {
  it('reads the sample district catalog: every row, codes as text, lists and flags', () => {
    const r = parseCatalogCsv(readFileSync(path.join(FIXTURES, 'catalog-texas-sample.csv')), 'catalog-texas-sample.csv');
    expect(errors(r)).toEqual([]);
    expect(r.courses).toHaveLength(40);
    const byCode = new Map(r.courses.map((c) => [c.code, c]));
    expect(byCode.get('0700')!.fields).toMatchObject({ title: 'Professional Communications', credits: 0.5, subject: 'speech', flags: ['cte'] });
    expect(byCode.get('ALG-2')!.fields.prerequisites).toEqual([['ALG-1'], ['GEOM']]);
    expect(byCode.get('DC-ENG4')!.fields).toMatchObject({ flags: ['dual-credit', 'advanced'], equivalents: ['ENG-4'], collegeHours: 6, endorsements: ['multidisciplinary'] });
    expect(byCode.get('ART2-EM')!.fields).toMatchObject({ cluster: 'Arts, A/V Technology & Communications', endorsements: ['business-industry'] });
    expect(byCode.get('ALG-1')!.fields.gradeLevels).toEqual(['08', '09']);
    expect(byCode.get('SPAN-1')!.fields.language).toBe('Spanish');
  });

  it('names the file, row and column of each bad value, and drops those rows', () => {
    const r = parseCatalogCsv(
      csv('Code,Title,Credits,Subject,Grades,Prerequisites,Flags,Endorsements\nA1,Algebra I,one,Math,9,,,\nB1,,1,Science,9,,,\nC1,Chem,1,Cooking,9,,,\nD1,Dance,1,Fine Arts,9-13x,,,\nE1,Eng,1,English,9,E1,,\nF1,Fr,1,LOTE,9,,Honours,Zoology\nG1,Geo,1,Math,9,,,\nG1,Geo again,1,Math,9,,,\n7.0E+3,Sci,1,Science,9,,,\n'),
      'cat.csv',
    );
    const at = r.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}@${p.row}:${p.column}`);
    expect(at).toEqual([
      'credits-invalid@1:Credits',
      'title-missing@2:Title',
      'subject-unknown@3:Subject',
      'grade-levels-invalid@4:Grades',
      'prerequisite-self@5:Prerequisites',
      'flag-unknown@6:Flags',
      'endorsement-unknown@6:Endorsements',
      'code-duplicate@8:Code',
      'code-scientific-notation@9:Code',
    ]);
    expect(r.courses.map((c) => c.code)).toEqual(['G1']);
    expect(r.problems.every((p) => p.fileName === 'cat.csv')).toBe(true);
  });

  it('refuses a file without the columns it needs, naming them', () => {
    const r = parseCatalogCsv(csv('Code,Name\nA,B\n'), 'x.csv');
    expect(r.problems.map((p) => p.params?.column)).toEqual(['subject area', 'credits']);
    expect(r.courses).toEqual([]);
  });

  it('keeps leading zeros and reads Excel’s ="0700" and a Windows-1252 file', () => {
    const bytes = iconv.encode('Código,Título,Créditos,Materia\n="0700",Comunicación Profesional,"0,5",Speech\n0042,Español I,1,Idiomas\n', 'windows-1252');
    const r = parseCatalogCsv(bytes, 'es.csv');
    expect(errors(r)).toEqual([]);
    expect(r.courses.map((c) => [c.code, c.fields.title, c.fields.credits, c.fields.subject])).toEqual([
      ['0700', 'Comunicación Profesional', 0.5, 'speech'],
      ['0042', 'Español I', 1, 'lote'],
    ]);
  });

  it('treats a blank cell as "not given", not as zero or empty', () => {
    const r = parseCatalogCsv(csv('Code,Title,Credits,Subject,Prerequisites\nA1,Algebra I,,Math,\n'), 'x.csv');
    expect(r.courses[0].present).toEqual(['code', 'title', 'subject']);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'credits-blank', severity: 'warning' }));
  });

  it.each([
    ['9-12', ['09', '10', '11', '12']],
    ['09, 10', ['09', '10']],
    ['Grade 9; Grade 10', ['09', '10']],
    ['K-2', ['KG', '01', '02']],
  ])('reads grade levels %j', (raw, levels) => expect(readGradeLevels(raw)).toEqual({ levels, bad: null }));
});

describe('Ed-Fi EducationOrganization courses (public Grand Bend sample)', () => {
  const r = parseEdfiCatalog({ name: 'EducationOrganization.xml', bytes: readFileSync(path.join(EDFI, 'EducationOrganization.xml')) });
  const byCode = new Map(r.courses.map((c) => [c.code, c]));
  it('reads all 84 courses with no errors', () => {
    expect(errors(r)).toEqual([]);
    expect(r.courses).toHaveLength(84);
  });
  it('takes grade levels from the school offering the course, and the high-school credit flag', () => {
    expect(byCode.get('ALG-1')!.fields).toMatchObject({ title: 'Algebra I', subject: 'math', gradeLevels: ['09', '10', '11', '12'], highSchoolCredit: true });
    expect(byCode.get('MATH-05')!.fields).toMatchObject({ gradeLevels: ['01', '02', '03', '04', '05'], highSchoolCredit: false });
    expect(byCode.get('MATH-07')!.fields.gradeLevels).toEqual(['06', '07', '08']);
  });
  it('maps academic subjects, marks CTE courses, and leaves credits unset (the file has none)', () => {
    expect(byCode.get('ART2-EM')!.fields).toMatchObject({ subject: 'cte', flags: ['cte'] });
    expect(byCode.get('SPAN-1')!.fields.subject).toBe('lote');
    expect(byCode.get('ENVIRSYS')!.fields.subject).toBe('science');
    expect(byCode.get('PE-06')!.fields.subject).toBe('pe');
    expect(r.courses.every((c) => !c.present.includes('credits'))).toBe(true);
    expect(r.courses.filter((c) => c.fields.highSchoolCredit).length).toBe(28);
  });
  it('refuses another interchange and malformed XML with the reason', () => {
    const other = parseEdfiCatalog({ name: 'Student.xml', bytes: readFileSync(path.join(EDFI, 'Student.xml')) });
    expect(errors(other)).toEqual(['edfi-wrong-interchange']);
    const broken = parseEdfiCatalog({ name: 'bad.xml', bytes: csv('<InterchangeEducationOrganization><Course><CourseCode>A</Course></InterchangeEducationOrganization>') });
    expect(errors(broken)).toEqual(['xml-malformed']);
    expect(broken.problems[0].line).toBe(1);
  });
});

describe('transcript CSV', () => {
  it('reads the sample transcript: statuses, terms, school years, marks and credits', () => {
    const r = parseTranscriptCsv(readFileSync(path.join(FIXTURES, 'transcript-sample.csv')), 'transcript-sample.csv');
    expect(errors(r)).toEqual([]);
    expect(r.rows).toHaveLength(19);
    expect(r.rows[0]).toMatchObject({ studentId: '0420001', code: 'ENG-1', grade: '09', term: 'year', schoolYear: 2024, status: 'completed', mark: '91', credits: 1 });
    expect(r.rows.find((x) => x.code === '700')).toMatchObject({ term: 'fall', credits: 0.5 });
    expect(r.rows.find((x) => x.code === 'GEOM')).toMatchObject({ status: 'in-progress', credits: null });
    expect(r.rows.find((x) => x.studentId === '0420002' && x.code === 'ALG-1')!.grade).toBe('08');
  });
  it('refuses rows it cannot read, with row and column', () => {
    const r = parseTranscriptCsv(
      csv('Student ID,Course Code,Grade Level,Term,School Year,Mark,Credits\n1,A,9,Fall,2024-25,90,1\n2,B,5,Fall,,,1\n3,C,10,Winter,,,1\n4,D,10,,24-26,,1\n5,E,10,,,,\n6,F,10,,,,abc\n1,A,9,Fall,2024-25,95,1\n,G,9,,,,1\n'),
      't.csv',
    );
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}@${p.row}`)).toEqual([
      'grade-invalid@2',
      'term-invalid@3',
      'school-year-invalid@4',
      'credits-missing@5',
      'credits-invalid@6',
      'row-duplicate@7',
      'student-id-missing@8',
    ]);
    expect(r.rows.map((x) => x.studentId)).toEqual(['1']);
  });
  it('reads credit by examination', () => {
    const r = parseTranscriptCsv(csv('Student ID,Course Code,Grade,Credits,Credit Type\n1,ALG1,9,1,CBE\n'), 't.csv');
    expect(r.rows[0]).toMatchObject({ creditSource: 'exam', status: 'completed' });
  });
});
