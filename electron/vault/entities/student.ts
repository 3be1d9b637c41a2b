import { EntitySchema } from 'typeorm';

/**
 * EntitySchema rather than decorators: no reflect-metadata, nothing for the bundler to
 * strip, and table/column names are explicit so minification cannot rename them.
 */
export interface StudentRow {
  id: number;
  localId: string | null;
  stateId: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  preferredName: string | null;
  birthDate: string | null;
  gradeLevel: string | null;
  expectedGraduationYear: number | null;
  campusId: number | null;
  homeLanguage: string | null;
  familyLanguage: string | null;
  fafsaStatus: 'not-started' | 'submitted' | 'opted-out' | 'exempt' | null;
  fafsaStatusDate: string | null;
  rosterSource: 'oneroster' | 'edfi' | 'sis-csv' | null;
  rosterSourceId: string | null;
  lastImportedAt: string | null;
  status: 'active' | 'archived';
  archivedAt: string | null;
  searchText: string;
  sortName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const StudentEntity = new EntitySchema<StudentRow>({
  name: 'Student',
  tableName: 'students',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    localId: { name: 'local_id', type: 'text', nullable: true },
    stateId: { name: 'state_id', type: 'text', nullable: true },
    firstName: { name: 'first_name', type: 'text' },
    middleName: { name: 'middle_name', type: 'text', nullable: true },
    lastName: { name: 'last_name', type: 'text' },
    preferredName: { name: 'preferred_name', type: 'text', nullable: true },
    birthDate: { name: 'birth_date', type: 'text', nullable: true },
    gradeLevel: { name: 'grade_level', type: 'text', nullable: true },
    expectedGraduationYear: { name: 'expected_graduation_year', type: 'integer', nullable: true },
    campusId: { name: 'campus_id', type: 'integer', nullable: true },
    homeLanguage: { name: 'home_language', type: 'text', nullable: true },
    familyLanguage: { name: 'family_language', type: 'text', nullable: true },
    fafsaStatus: { name: 'fafsa_status', type: 'text', nullable: true },
    fafsaStatusDate: { name: 'fafsa_status_date', type: 'text', nullable: true },
    rosterSource: { name: 'roster_source', type: 'text', nullable: true },
    rosterSourceId: { name: 'roster_source_id', type: 'text', nullable: true },
    lastImportedAt: { name: 'last_imported_at', type: 'text', nullable: true },
    status: { type: 'text', default: 'active' },
    archivedAt: { name: 'archived_at', type: 'text', nullable: true },
    searchText: { name: 'search_text', type: 'text' },
    sortName: { name: 'sort_name', type: 'text' },
    version: { type: 'integer', default: 1 },
    createdAt: { name: 'created_at', type: 'text' },
    updatedAt: { name: 'updated_at', type: 'text' },
  },
});
