import { describe, expect, it } from 'vitest';
import { PROGRAMS, PROGRAM_CODES, programFromEdFiAssociation, programFromEdFiProgramType, programFromText, sortPrograms } from './programs';
import { readGender, readGradeLevel, readGraduationYear, readHispanic, readLanguage, readRaces, readRelationship, readYesNo } from './values';

describe('program vocabulary', () => {
  it('labels every program in English and Spanish', () => {
    for (const code of PROGRAM_CODES) {
      expect(PROGRAMS[code].label.en).not.toBe('');
      expect(PROGRAMS[code].label.es).not.toBe('');
    }
  });

  it.each([
    ['SPED', 'special-education'],
    ['Special Ed', 'special-education'],
    ['Educación Especial', 'special-education'],
    ['504', 'section-504'],
    ['Section 504 Plan', 'section-504'],
    ['G/T', 'gifted-talented'],
    ['GT Indicator', 'gifted-talented'],
    ['Gifted & Talented', 'gifted-talented'],
    ['LEP', 'emergent-bilingual'],
    ['EB Indicator', 'emergent-bilingual'],
    ['ESL', 'emergent-bilingual'],
    ['Bilingüe emergente', 'emergent-bilingual'],
    ['CTE', 'cte'],
    ['At-Risk', 'at-risk'],
    ['At Risk Indicator', 'at-risk'],
    ['McKinney-Vento', 'homeless'],
    ['Homeless Status', 'homeless'],
    ['Migrant', 'migrant'],
    ['Foster Care', 'foster-care'],
    ['Military Connected', 'military-connected'],
    ['Dyslexia', 'dyslexia'],
    ['Title I', 'title-i'],
    ['N&D', 'neglected-delinquent'],
    ['Free/Reduced Lunch', 'food-service'],
    ['Eco Dis', 'economically-disadvantaged'],
  ])('SIS spelling %j → %s', (raw, code) => {
    expect(programFromText(raw)).toBe(code);
  });

  it.each(['Band', 'Athletics', 'Regular', 'Compensatory Services for Disadvantaged Students', ''])('does not guess a program for %j', (raw) => {
    expect(programFromText(raw)).toBeNull();
  });

  it.each([
    ['Special Education', { kind: 'tracked', program: 'special-education' }],
    ['special education', { kind: 'tracked', program: 'special-education' }],
    ['Section 504 Placement', { kind: 'tracked', program: 'section-504' }],
    ['Gifted and Talented', { kind: 'tracked', program: 'gifted-talented' }],
    ['English as a Second Language (ESL)', { kind: 'tracked', program: 'emergent-bilingual' }],
    ['Title I Part D Subpart 1', { kind: 'tracked', program: 'neglected-delinquent' }],
    ['Athletics', { kind: 'untracked' }],
    ['Compensatory Services for Disadvantaged Students', { kind: 'untracked' }],
    ['SPED', { kind: 'tracked', program: 'special-education' }],
    ['Robotics Club', { kind: 'unknown' }],
  ])('Ed-Fi program type %j', (code, expected) => {
    expect(programFromEdFiProgramType(code)).toEqual(expected);
  });

  it('reads Ed-Fi program-specific association elements', () => {
    expect(programFromEdFiAssociation('StudentSchoolFoodServiceProgramAssociation')).toBe('food-service');
    expect(programFromEdFiAssociation('StudentProgramAssociation')).toBeNull();
  });

  it('sorts and de-duplicates program sets', () => {
    expect(sortPrograms(['cte', 'special-education', 'cte'])).toEqual(['special-education', 'cte']);
  });
});

describe('field readers', () => {
  it.each([
    ['Y', true], ['yes', true], ['1', true], ['01', true], ['TRUE', true], ['X', true], ['Sí', true],
    ['N', false], ['no', false], ['0', false], ['00', false], ['false', false],
    ['', null],
  ])('yes/no %j → %s', (raw, value) => {
    expect(readYesNo(raw)).toEqual({ value, understood: true });
  });

  it.each(['-', '--', 'N/A', 'null'])('reads the placeholder %j as blank in flag, grade and year columns (never as 0 or no)', (raw) => {
    expect(readYesNo(raw)).toEqual({ value: null, understood: true });
    expect(readGradeLevel(raw)).toEqual({ value: null, understood: true });
    expect(readGraduationYear(raw)).toEqual({ value: null, understood: true });
  });

  it.each(['F', 'T', 'maybe', '2'])('does not read %j as yes or no', (raw) => {
    expect(readYesNo(raw)).toEqual({ value: null, understood: false });
  });

  it.each([
    ['F', 'female'], ['Femenino', 'female'], ['M', 'male'], ['male', 'male'], ['X', 'nonbinary'],
  ] as const)('gender %j → %s', (raw, value) => {
    expect(readGender(raw).value).toBe(value);
  });

  it.each([
    ['Spanish', 'es'], ['Español', 'es'], ['spa', 'es'], ['uri://ed-fi.org/LanguageDescriptor#spa', 'es'],
    ['Vietnamese', 'vi'], ['English', 'en'], ["K'iche'", "K'iche'"], ['Mam', 'Mam'],
  ])('language %j → %j', (raw, value) => {
    expect(readLanguage(raw).value).toBe(value);
  });

  it.each([
    ['Mother', 'mother'], ['Madre', 'mother'], ['Legal Guardian', 'guardian'], ['Abuela', 'grandparent'], ['Godmother', 'Godmother'],
  ])('relationship %j → %j', (raw, value) => {
    expect(readRelationship(raw).value).toBe(value);
  });

  it.each([
    ['2027', 2027], ['Class of 2027', 2027], ['2026-2027', 2027], ['2026-27', 2027],
  ])('graduation year %j → %d', (raw, value) => {
    expect(readGraduationYear(raw)).toEqual({ value, understood: true });
  });

  it.each(['27', '2026-2028', 'next year', '1850'])('graduation year %j is not read', (raw) => {
    expect(readGraduationYear(raw).understood).toBe(false);
  });

  it.each([
    ['KG', 'KG'], ['K', 'KG'], ['0', 'KG'], ['PK', 'PK'], ['-1', 'PK'], ['TK', 'PK'], ['G1', '01'], ['Grade 9', '09'], ['09', '09'], ['9', '09'], ['12', '12'], ['13', '13'],
  ])('grade %j → %s', (raw, value) => {
    expect(readGradeLevel(raw).value).toBe(value);
  });

  it.each(['UG', 'Ungraded', '14', 'Senior'])('grade %j is not recognised (not guessed)', (raw) => {
    expect(readGradeLevel(raw)).toEqual({ value: null, understood: false });
  });

  it('reads race lists and reports what it did not recognise', () => {
    expect(readRaces('White; Asian')).toEqual({ value: ['white', 'asian'], unknown: [] });
    expect(readRaces('Black or African American')).toEqual({ value: ['black-african-american'], unknown: [] });
    expect(readRaces('White, Martian')).toEqual({ value: ['white'], unknown: ['Martian'] });
  });

  it.each([
    ['Y', true], ['Hispanic or Latino', true], ['Not Hispanic or Latino', false], ['No', false],
  ])('Hispanic/Latino %j → %s', (raw, value) => {
    expect(readHispanic(raw).value).toBe(value);
  });
});
