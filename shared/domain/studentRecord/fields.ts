/**
 * The parts of a student record that a roster file can supply, by the names the contract and
 * the provenance tables use. A value the counselor set is marked per field (see
 * migration 0003), so a re-import can tell it from one the file gave.
 */
export const STUDENT_RECORD_FIELDS = [
  'localId',
  'stateId',
  'firstName',
  'middleName',
  'lastName',
  'preferredName',
  'birthDate',
  'gradeLevel',
  'expectedGraduationYear',
  'campus',
  'homeLanguage',
  'familyLanguage',
] as const;
export type StudentRecordField = (typeof STUDENT_RECORD_FIELDS)[number];

export const GUARDIAN_FIELDS = ['firstName', 'lastName', 'relationship', 'phone', 'email', 'language', 'mayReceiveInformation'] as const;
export type GuardianField = (typeof GUARDIAN_FIELDS)[number];

/**
 * FAFSA/TASFA completion (TEC 28.0256): only whether the student complied and when. Which form
 * was filed is never recorded — choosing TASFA can reveal immigration status — and neither is
 * anything on the application.
 */
export const FAFSA_STATUSES = ['not-started', 'submitted', 'opted-out', 'exempt'] as const;
export type FafsaStatus = (typeof FAFSA_STATUSES)[number];

/** Where a stored program participation or guardian came from. */
export const RECORD_SOURCES = ['counselor', 'oneroster', 'edfi', 'sis-csv'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** Relationship words the importers normalize to (shared/domain/roster/values.ts); others are kept as written. */
export const RELATIONSHIPS = ['mother', 'father', 'parent', 'stepparent', 'guardian', 'grandparent', 'foster-parent', 'relative'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
