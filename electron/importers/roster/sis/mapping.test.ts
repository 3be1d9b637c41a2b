import { describe, expect, it } from 'vitest';
import { headerSignature, suggestMapping } from './mapping';

describe('suggestMapping', () => {
  it('maps a PowerSchool-style export', () => {
    const s = suggestMapping([
      'Student_Number', 'State_StudentNumber', 'Last_Name', 'First_Name', 'Middle_Name', 'DOB', 'Grade_Level', 'SchoolID', 'Sched_YearOfGraduation',
      'Gender', 'FedEthnicity', 'Mother_First', 'Mother', 'Father', 'Guardianemail', 'Home_Phone',
    ]);
    expect(s.mapping).toEqual({
      localId: 'Student_Number',
      stateId: 'State_StudentNumber',
      lastName: 'Last_Name',
      firstName: 'First_Name',
      middleName: 'Middle_Name',
      birthDate: 'DOB',
      gradeLevel: 'Grade_Level',
      campusId: 'SchoolID',
      expectedGraduationYear: 'Sched_YearOfGraduation',
      gender: 'Gender',
      hispanicOrLatino: 'FedEthnicity',
      'guardian1.firstName': 'Mother_First',
      'guardian1.fullName': 'Mother',
      'guardian2.fullName': 'Father',
      'guardian1.email': 'Guardianemail',
    });
    expect(s.unmappedHeaders).toEqual(['Home_Phone']);
    expect(s.missing).toEqual([]);
  });

  it('maps Skyward / Ascender (TxEIS) style headers, including a "Last, First" name column', () => {
    const s = suggestMapping(['Stu ID', 'TX Unique ID', 'Stu Name', 'Grd Lvl', 'Birthdate', 'Entity', 'Ethnicity', 'LEP', 'SPED', '504', 'G/T', 'At Risk', 'Homeless Status', 'Dyslexia']);
    expect(s.mapping).toMatchObject({
      localId: 'Stu ID',
      stateId: 'TX Unique ID',
      fullName: 'Stu Name',
      gradeLevel: 'Grd Lvl',
      birthDate: 'Birthdate',
      campusId: 'Entity',
      hispanicOrLatino: 'Ethnicity',
      'program:emergent-bilingual': 'LEP',
      'program:special-education': 'SPED',
      'program:section-504': '504',
      'program:gifted-talented': 'G/T',
      'program:at-risk': 'At Risk',
      'program:homeless': 'Homeless Status',
      'program:dyslexia': 'Dyslexia',
    });
    expect(s.matches.find((m) => m.header === 'Ethnicity')!.confidence).toBeLessThan(1);
  });

  it('maps Infinite Campus style camelCase headers', () => {
    const s = suggestMapping(['studentNumber', 'stateID', 'lastName', 'firstName', 'birthDate', 'grade', 'schoolName', 'homePrimaryLanguage']);
    expect(s.mapping).toEqual({
      localId: 'studentNumber',
      stateId: 'stateID',
      lastName: 'lastName',
      firstName: 'firstName',
      birthDate: 'birthDate',
      gradeLevel: 'grade',
      campusName: 'schoolName',
      homeLanguage: 'homePrimaryLanguage',
    });
  });

  it('maps Spanish headers', () => {
    const s = suggestMapping(['Número de estudiante', 'Apellidos', 'Nombre', 'Fecha de nacimiento', 'Grado', 'Escuela', 'Idioma del hogar', 'Idioma preferido', 'Nombre del tutor', 'Teléfono del tutor', 'Correo del tutor', 'Parentesco del tutor']);
    expect(s.mapping).toEqual({
      localId: 'Número de estudiante',
      lastName: 'Apellidos',
      firstName: 'Nombre',
      birthDate: 'Fecha de nacimiento',
      gradeLevel: 'Grado',
      campusName: 'Escuela',
      homeLanguage: 'Idioma del hogar',
      familyLanguage: 'Idioma preferido',
      'guardian1.firstName': 'Nombre del tutor',
      'guardian1.phone': 'Teléfono del tutor',
      'guardian1.email': 'Correo del tutor',
      'guardian1.relationship': 'Parentesco del tutor',
    });
  });

  it('suggests a header one letter off, with low confidence', () => {
    const s = suggestMapping(['Student ID', 'Lst Name', 'First Name']);
    expect(s.matches.find((m) => m.header === 'Lst Name')).toEqual({ field: 'lastName', header: 'Lst Name', confidence: 0.5, reason: 'similar' });
  });

  it('ignores a "(MM/DD/YYYY)" hint in a header', () => {
    expect(suggestMapping(['DOB (MM/DD/YYYY)']).mapping).toEqual({ birthDate: 'DOB (MM/DD/YYYY)' });
  });

  it('says what is still missing', () => {
    expect(suggestMapping(['First Name', 'Last Name', 'Grade']).missing).toEqual(['id']);
    expect(suggestMapping(['Student ID', 'Grade']).missing).toEqual(['name']);
  });

  it('maps each header to one field and each field to one header', () => {
    const s = suggestMapping(['Student ID', 'Student Number', 'Parent Language', 'Guardian Language']);
    expect(s.mapping.localId).toBe('Student ID');
    expect(s.unmappedHeaders).toContain('Student Number');
    expect(s.mapping.familyLanguage).toBe('Parent Language');
    expect(s.mapping['guardian1.language']).toBe('Guardian Language');
  });
});

describe('headerSignature', () => {
  const base = ['Student ID', 'Last Name', 'First Name', 'Grade'];

  it('is the same when columns are reordered or re-cased', () => {
    expect(headerSignature(base)).toBe(headerSignature(['grade', 'FIRST NAME', 'last_name', 'StudentID']));
    expect(headerSignature(base)).toMatch(/^sis1:[0-9a-f]{32}$/);
  });

  it('changes when a column is added or removed', () => {
    expect(headerSignature([...base, 'DOB'])).not.toBe(headerSignature(base));
    expect(headerSignature(base.slice(1))).not.toBe(headerSignature(base));
  });
});
