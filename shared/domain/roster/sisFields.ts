import { PROGRAM_CODES, type ProgramCode } from './programs';

/**
 * The fields a SIS CSV column can be mapped to. The header spellings that suggest them live
 * with the importer (electron/importers/roster/sis/fields.ts); the names are here so the IPC
 * contract and the mapping screen share them.
 */
export const SIS_STUDENT_FIELDS = [
  'localId',
  'stateId',
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'preferredName',
  'birthDate',
  'gradeLevel',
  'expectedGraduationYear',
  'campusId',
  'campusName',
  'homeLanguage',
  'familyLanguage',
  'gender',
  'hispanicOrLatino',
  'race',
  'programs',
] as const;
export type SisStudentField = (typeof SIS_STUDENT_FIELDS)[number];

export const GUARDIAN_SLOTS = [1, 2] as const;
export const GUARDIAN_PARTS = ['firstName', 'lastName', 'fullName', 'relationship', 'phone', 'email', 'language', 'mayReceiveInformation'] as const;
export type GuardianPart = (typeof GUARDIAN_PARTS)[number];
export type SisGuardianField = `guardian${(typeof GUARDIAN_SLOTS)[number]}.${GuardianPart}`;
export type SisProgramField = `program:${ProgramCode}`;
export type SisField = SisStudentField | SisGuardianField | SisProgramField;

/** Field → the header it is read from, exactly as written in the file. */
export type SisMapping = Partial<Record<SisField, string>>;

export const SIS_FIELDS: SisField[] = [
  ...SIS_STUDENT_FIELDS,
  ...PROGRAM_CODES.map((c) => `program:${c}` as const),
  ...GUARDIAN_SLOTS.flatMap((n) => GUARDIAN_PARTS.map((p) => `guardian${n}.${p}` as const)),
];

export function isSisField(value: unknown): value is SisField {
  return typeof value === 'string' && (SIS_FIELDS as string[]).includes(value);
}

/** Fields Waypoint reads but does not store (sensitive, and not used in individual planning). */
export const SIS_FIELDS_NOT_STORED: readonly SisField[] = ['gender', 'hispanicOrLatino', 'race'];
