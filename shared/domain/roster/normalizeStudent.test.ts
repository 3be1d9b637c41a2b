import { describe, expect, it } from 'vitest';
import { normalizeStudent, rejectDuplicateIds, type RawStudentCells } from './normalizeStudent';
import { hasBlockingProblems, rejectedRowCount } from './problems';

const ctx = { fileName: 'roster.csv', row: 4, line: 5, today: '2025-09-15' };
const cell = (column: string, value: string) => ({ column, value });

function base(overrides: Partial<RawStudentCells> = {}): RawStudentCells {
  return {
    localId: cell('Student ID', '000123'),
    firstName: cell('First Name', 'María José'),
    lastName: cell('Last Name', 'De la Garza Treviño'),
    birthDate: cell('DOB', '3/5/2009'),
    gradeLevel: cell('Grade', '10'),
    ...overrides,
  };
}

describe('normalizeStudent', () => {
  it('normalizes a complete row', () => {
    const r = normalizeStudent(
      base({
        stateId: cell('TSDS ID', '7123456789'),
        preferredName: cell('Nickname', 'Majo'),
        expectedGraduationYear: cell('Grad Year', '2027'),
        campusSourceId: cell('School', '001'),
        homeLanguage: cell('Home Language', 'Spanish'),
        familyLanguage: cell('Parent Language', 'Español'),
        gender: cell('Sex', 'F'),
        programFlags: [
          { program: 'special-education', cell: cell('SPED', 'N') },
          { program: 'gifted-talented', cell: cell('GT', 'Y') },
        ],
        programLists: [cell('Programs', 'LEP; 504')],
        guardians: [
          {
            fullName: cell('Guardian', 'Treviño, Rosa'),
            relationship: cell('Relation', 'Madre'),
            phone: cell('Phone', '(512) 555-0100'),
            email: cell('Email', 'rosa@example.org'),
            language: cell('Guardian Language', 'Spanish'),
            mayReceiveInformation: cell('Info Release', 'Y'),
          },
        ],
      }),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({
      sourceId: '000123',
      localId: '000123',
      stateId: '7123456789',
      firstName: 'María José',
      middleName: null,
      lastName: 'De la Garza Treviño',
      preferredName: 'Majo',
      birthDate: '2009-03-05',
      gradeLevel: '10',
      expectedGraduationYear: 2027,
      campusSourceId: '001',
      programs: ['section-504', 'gifted-talented', 'emergent-bilingual'],
      homeLanguage: 'es',
      familyLanguage: 'es',
      gender: 'female',
      guardians: [
        {
          firstName: 'Rosa',
          lastName: 'Treviño',
          displayName: 'Rosa Treviño',
          relationship: 'mother',
          phone: '(512) 555-0100',
          email: 'rosa@example.org',
          language: 'es',
          mayReceiveInformation: true,
        },
      ],
      origin: { fileName: 'roster.csv', row: 4, line: 5 },
    });
  });

  it('leaves a missing grade blank and says so', () => {
    const r = normalizeStudent(base({ gradeLevel: cell('Grade', '') }), ctx);
    expect(r.value!.gradeLevel).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ code: 'grade-missing', severity: 'warning', row: 4, column: 'Grade' })]);
  });

  it('leaves an unrecognised grade blank and says so (no guessing)', () => {
    const r = normalizeStudent(base({ gradeLevel: cell('Grade', 'UG') }), ctx);
    expect(r.value!.gradeLevel).toBeNull();
    expect(r.problems[0]).toMatchObject({ code: 'grade-unrecognised', column: 'Grade' });
  });

  it('rejects a row with no ID, naming the ID column', () => {
    const r = normalizeStudent(base({ localId: cell('Student ID', '  ') }), ctx);
    expect(r.value).toBeNull();
    expect(r.problems).toEqual([expect.objectContaining({ code: 'id-missing', severity: 'error', row: 4, line: 5, column: 'Student ID' })]);
  });

  it('rejects a bad birth date with the row and column', () => {
    const r = normalizeStudent(base({ birthDate: cell('DOB', '2/30/2009') }), ctx);
    expect(r.value).toBeNull();
    expect(r.problems[0]).toMatchObject({ code: 'date-not-a-calendar-day', column: 'DOB', row: 4 });
  });

  it('warns when a birth date makes the student implausibly old (two-digit year into the past)', () => {
    const r = normalizeStudent(base({ birthDate: cell('DOB', '3/5/30') }), ctx);
    expect(r.value!.birthDate).toBe('1930-03-05');
    expect(r.problems[0]).toMatchObject({ code: 'birth-date-implausible', severity: 'warning' });
  });

  it('refuses to split "First Last" from a single name column', () => {
    const r = normalizeStudent({ localId: cell('ID', '1'), fullName: cell('Student Name', 'Ana Da Silva') }, ctx);
    expect(r.value).toBeNull();
    expect(r.problems.map((p) => p.code)).toContain('name-not-split');
  });

  it('splits "Last, First" from a single name column', () => {
    const r = normalizeStudent({ localId: cell('ID', '1'), fullName: cell('Student Name', 'Da Silva, Ana'), gradeLevel: cell('Grade', '9') }, ctx);
    expect(r.value).toMatchObject({ firstName: 'Ana', lastName: 'Da Silva' });
  });

  it('warns about a program flag it cannot read instead of treating it as no', () => {
    const r = normalizeStudent(base({ programFlags: [{ program: 'emergent-bilingual', cell: cell('EB', 'F') }] }), ctx);
    expect(r.value!.programs).toEqual([]);
    expect(r.problems[0]).toMatchObject({ code: 'program-flag-unreadable', column: 'EB' });
  });

  it('rejects mojibake in a name and keeps the rest of the row from being imported', () => {
    const r = normalizeStudent(base({ lastName: cell('Last Name', 'PeÃ±a') }), ctx);
    expect(r.value).toBeNull();
    expect(hasBlockingProblems(r.problems)).toBe(true);
    expect(r.problems[0]).toMatchObject({ code: 'encoding-mojibake', column: 'Last Name' });
  });
});

describe('rejectDuplicateIds', () => {
  const make = (row: number, localId: string, stateId: string | null = null) =>
    normalizeStudent(base({ localId: cell('Student ID', localId), ...(stateId ? { stateId: cell('State ID', stateId) } : {}) }), { ...ctx, row, line: row + 1 }).value!;

  it('keeps the first row and reports each later duplicate, naming the first row', () => {
    const { students, problems } = rejectDuplicateIds([make(1, 'A1'), make(2, 'B2'), make(3, 'A1'), make(4, 'A1')], { localId: 'Student ID' });
    expect(students.map((s) => s.origin.row)).toEqual([1, 2]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ code: 'id-duplicate', row: 3, column: 'Student ID', severity: 'error' });
    expect(problems[0].message).toContain('row 1 (line 2)');
    expect(problems[1]).toMatchObject({ row: 4 });
    expect(rejectedRowCount(problems)).toBe(2);
  });

  it('catches duplicate state IDs under different local IDs', () => {
    const { problems } = rejectDuplicateIds([make(1, 'A1', 'S9'), make(2, 'B2', 'S9')], { stateId: 'State ID' });
    expect(problems).toEqual([expect.objectContaining({ code: 'id-duplicate', row: 2, column: 'State ID' })]);
  });
});
