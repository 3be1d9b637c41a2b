
/**
 * The fields a SIS CSV column can be mapped to, and the header spellings common exports
 * use for them (PowerSchool, Skyward, Infinite Campus, Ascender/TxEIS, Frontline, plus
 * Spanish-language headers). A column is only ever mapped by name; values never decide.
 */

export {
  GUARDIAN_PARTS,
  GUARDIAN_SLOTS,
  SIS_FIELDS,
  SIS_STUDENT_FIELDS,
  isSisField,
  type GuardianPart,
  type SisField,
  type SisGuardianField,
  type SisMapping,
  type SisProgramField,
  type SisStudentField,
} from '../../../../shared/domain/roster/sisFields';
import { GUARDIAN_PARTS, GUARDIAN_SLOTS, type GuardianPart, type SisGuardianField, type SisStudentField } from '../../../../shared/domain/roster/sisFields';

/**
 * Header key: accents, case, spaces and punctuation removed, "#" read as "number",
 * so "Student #", "student_number" and "StudentNumber" meet.
 */
export function headerNorm(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\uFEFF\u200B-\u200D]/g, '')
    .toLowerCase()
    .replace(/#/g, 'number')
    .replace(/[^a-z0-9&]+/g, '');
}

/** Strong spellings: a header equal to one of these is that field. */
export const STUDENT_ALIASES: Record<SisStudentField, string[]> = {
  localId: [
    'Student ID', 'Student Number', 'Student_Number', 'Student #', 'Student No', 'Local ID', 'Local Student ID', 'Student Local ID', 'District ID',
    'District Student ID', 'SIS ID', 'Stu ID', 'Perm ID', 'Permanent ID', 'Student ID Number', 'ID Number', 'Número de estudiante', 'ID del estudiante',
    'ID de estudiante', 'Identificación del estudiante', 'Matrícula',
  ],
  stateId: [
    'State ID', 'State Student ID', 'State_StudentNumber', 'State Student Number', 'SSID', 'TSDS Unique ID', 'TSDS ID', 'Texas Unique ID',
    'TX Unique ID', 'TX Unique Student ID', 'TX-UNIQUE-STUDENT-ID', 'Unique ID', 'Unique Student ID', 'State Unique ID', 'PEIMS ID', 'ID estatal',
    'Identificación estatal',
  ],
  firstName: ['First Name', 'First_Name', 'First', 'Given Name', 'Student First Name', 'Legal First Name', 'Stu First Name', 'FName', 'Nombre', 'Primer Nombre', 'Nombre(s)', 'Nombres'],
  middleName: ['Middle Name', 'Middle_Name', 'Middle', 'Middle Initial', 'MI', 'Student Middle Name', 'Legal Middle Name', 'Segundo Nombre'],
  lastName: ['Last Name', 'Last_Name', 'Last', 'Surname', 'Family Name', 'Student Last Name', 'Legal Last Name', 'Stu Last Name', 'LName', 'Apellido', 'Apellidos', 'Primer Apellido'],
  fullName: ['Student Name', 'Stu Name', 'Full Name', 'LastFirst', 'Last, First', 'Student Full Name', 'Nombre completo', 'Nombre del estudiante', 'Nombre del alumno'],
  preferredName: ['Preferred Name', 'Preferred First Name', 'Nickname', 'Nick Name', 'Known As', 'Goes By', 'Nombre preferido', 'Apodo'],
  birthDate: ['Birth Date', 'Birthdate', 'Date of Birth', 'DOB', 'Birth_Date', 'Birthday', 'Fecha de nacimiento', 'Fecha nacimiento', 'Fecha de nac', 'F. Nacimiento'],
  gradeLevel: ['Grade', 'Grade Level', 'Grade_Level', 'Current Grade', 'Gr', 'Grd', 'Grd Lvl', 'Grade Lvl', 'Curr Grade', 'Grado', 'Nivel de grado', 'Nivel escolar'],
  expectedGraduationYear: [
    'Graduation Year', 'Grad Year', 'Year of Graduation', 'Class Of', 'Sched_YearOfGraduation', 'Projected Graduation Year', 'Expected Graduation Year',
    'Exp Grad Year', 'Anticipated Graduation Year', 'Año de graduación', 'Generación',
  ],
  campusId: [
    'School ID', 'School Number', 'School Code', 'School No', 'Campus ID', 'Campus Number', 'Campus Code', 'Campus #', 'Building Code', 'Building Number',
    'Entity', 'Entity ID', 'Número de escuela', 'Código de escuela', 'Número de campus',
  ],
  campusName: ['School Name', 'Campus Name', 'Building Name', 'Building', 'Escuela', 'Nombre de la escuela', 'Plantel'],
  homeLanguage: [
    'Home Language', 'Primary Language', 'Home Language Code', 'Language Spoken at Home', 'Native Language', 'Student Language', 'First Language',
    'Home Primary Language', 'Lengua materna', 'Idioma del hogar', 'Idioma principal', 'Idioma en casa',
  ],
  familyLanguage: [
    'Parent Language', 'Family Language', 'Preferred Language', 'Correspondence Language', 'Language of Correspondence', 'Parent Preferred Language',
    'Family Preferred Language', 'Contact Language', 'Home Correspondence Language', 'Idioma de los padres', 'Idioma preferido', 'Idioma de correspondencia',
    'Idioma de la familia',
  ],
  gender: ['Gender', 'Sex', 'Student Gender', 'Género', 'Sexo'],
  hispanicOrLatino: ['Hispanic', 'Hispanic/Latino', 'Hispanic or Latino', 'Hispanic Latino', 'FedEthnicity', 'Hispanic Indicator', 'Hispano', 'Hispano/Latino'],
  race: ['Race', 'Races', 'Race Code', 'FedRace', 'Raza'],
  programs: ['Programs', 'Special Programs', 'Student Programs', 'Program Codes', 'Programas', 'Programas especiales'],
};

/** Weak spellings: plausible but generic, suggested with lower confidence. */
export const GENERIC_ALIASES: Partial<Record<SisStudentField, string[]>> = {
  localId: ['ID'],
  fullName: ['Name', 'Nombre y apellidos'],
  campusName: ['School', 'Campus'],
  homeLanguage: ['Language', 'Idioma', 'Lang'],
  hispanicOrLatino: ['Ethnicity', 'Etnia', 'Etnicidad'],
};

const GUARDIAN_PREFIXES: Record<(typeof GUARDIAN_SLOTS)[number], string[]> = {
  1: ['guardian', 'guardian1', 'parent', 'parent1', 'parentguardian', 'parentguardian1', 'contact1', 'primarycontact', 'primaryguardian', 'primaryparent', 'mother', 'mom', 'tutor', 'tutor1', 'madre'],
  2: ['guardian2', 'parent2', 'parentguardian2', 'contact2', 'secondarycontact', 'secondaryguardian', 'secondaryparent', 'father', 'dad', 'tutor2', 'padre', 'padre2'],
};

const GUARDIAN_SUFFIXES: Record<GuardianPart, string[]> = {
  firstName: ['firstname', 'first', 'fname', 'givenname', 'nombre'],
  lastName: ['lastname', 'last', 'lname', 'surname', 'apellido', 'apellidos'],
  fullName: ['name', 'fullname', 'nombrecompleto', ''],
  relationship: ['relationship', 'relation', 'rel', 'relationshiptostudent', 'parentesco', 'relacion'],
  phone: ['phone', 'homephone', 'cellphone', 'cell', 'mobile', 'mobilephone', 'phonenumber', 'telephone', 'primaryphone', 'dayphone', 'telefono', 'celular', 'tel'],
  email: ['email', 'emailaddress', 'correo', 'correoelectronico'],
  language: ['language', 'preferredlanguage', 'lang', 'languagepreference', 'idioma', 'idiomapreferido'],
  mayReceiveInformation: [
    'mayreceiveinformation', 'receivesinformation', 'receiveinformation', 'receiveinfo', 'inforelease', 'releaseinfo', 'educationalrights', 'educationrights',
    'ferpa', 'ferparelease', 'accessallowed', 'recibeinformacion', 'puederecibirinformacion',
  ],
};

/** Every header key that names a guardian part, with how sure the spelling is. */
export function guardianAliasKeys(): Map<string, { field: SisGuardianField; confidence: number }> {
  const out = new Map<string, { field: SisGuardianField; confidence: number }>();
  for (const slot of GUARDIAN_SLOTS) {
    for (const prefix of GUARDIAN_PREFIXES[slot]) {
      for (const part of GUARDIAN_PARTS) {
        for (const suffix of GUARDIAN_SUFFIXES[part]) {
          const field = `guardian${slot}.${part}` as const;
          // A bare "Guardian"/"Mother" column is the person's name, but less certainly.
          const confidence = suffix === '' ? 0.7 : 0.9;
          const keys = suffix === '' ? [prefix] : [prefix + suffix, suffix + prefix, `${suffix}del${prefix}`, `${suffix}de${prefix}`, `${suffix}dela${prefix}`];
          for (const key of keys) if (!out.has(key)) out.set(key, { field, confidence });
        }
      }
    }
  }
  return out;
}
