import { studentSortName } from '../students';
import type { FieldValue } from '../../../shared/domain/roster/merge';
import type { RosterFormat } from '../../../shared/domain/roster/types';
import type { StudentRecordField } from '../../../shared/domain/studentRecord/fields';
import type { RawDatabase } from '../../vault/database';
import { readAllGuardians, type StoredGuardian } from '../studentRecord/guardians';
import { readAllSpans, type StoredSpan } from '../studentRecord/programs';
import { readAllOverrides } from '../studentRecord/provenance';

/** A student as the import compares it: record values by provenance field name. */
export interface StoredStudent {
  id: number;
  version: number;
  status: 'active' | 'archived';
  values: Record<StudentRecordField, FieldValue | null>;
  /** Columns kept as they are when the import writes the row. */
  fafsaStatus: string | null;
  fafsaStatusDate: string | null;
  rosterSource: RosterFormat | null;
  rosterSourceId: string | null;
}

export interface StoredCampus {
  id: number;
  sourceId: string | null;
  name: string;
}

/** Everything in the vault an import is compared with, read once per preview. */
export interface VaultSnapshot {
  students: Map<number, StoredStudent>;
  byStateId: Map<string, number>;
  byLocalId: Map<string, number>;
  /** `${format}\u0000${sourceId}` → student. */
  bySource: Map<string, number>;
  /** Folded "last\u0001first" → students (likely-duplicate warnings only; never for matching). */
  byName: Map<string, number[]>;
  overrides: Map<number, Map<string, FieldValue | null>>;
  spans: Map<number, StoredSpan[]>;
  guardians: Map<number, StoredGuardian[]>;
  guardianOverrides: Map<number, Map<string, FieldValue | null>>;
  campuses: StoredCampus[];
}

interface Row {
  id: number;
  version: number;
  status: 'active' | 'archived';
  local_id: string | null;
  state_id: string | null;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  birth_date: string | null;
  grade_level: string | null;
  expected_graduation_year: number | null;
  campus_id: number | null;
  home_language: string | null;
  family_language: string | null;
  fafsa_status: string | null;
  fafsa_status_date: string | null;
  roster_source: RosterFormat | null;
  roster_source_id: string | null;
}

/** Same key as the students table's sort name. */
export function nameKey(firstName: string, lastName: string): string {
  return studentSortName({ firstName, lastName });
}

export function loadSnapshot(db: RawDatabase): VaultSnapshot {
  const snap: VaultSnapshot = {
    students: new Map(),
    byStateId: new Map(),
    byLocalId: new Map(),
    bySource: new Map(),
    byName: new Map(),
    overrides: readAllOverrides(db, 'student_field_overrides'),
    spans: readAllSpans(db),
    guardians: readAllGuardians(db),
    guardianOverrides: readAllOverrides(db, 'guardian_field_overrides'),
    campuses: db.prepare('SELECT id, source_id AS sourceId, name FROM campuses ORDER BY id').all() as StoredCampus[],
  };
  const rows = db
    .prepare(
      `SELECT id, version, status, local_id, state_id, first_name, middle_name, last_name, preferred_name, birth_date, grade_level,
        expected_graduation_year, campus_id, home_language, family_language, fafsa_status, fafsa_status_date, roster_source, roster_source_id FROM students`,
    )
    .iterate() as Iterable<Row>;
  for (const r of rows) {
    snap.students.set(r.id, {
      id: r.id,
      version: r.version,
      status: r.status,
      values: {
        localId: r.local_id,
        stateId: r.state_id,
        firstName: r.first_name,
        middleName: r.middle_name,
        lastName: r.last_name,
        preferredName: r.preferred_name,
        birthDate: r.birth_date,
        gradeLevel: r.grade_level,
        expectedGraduationYear: r.expected_graduation_year,
        campus: r.campus_id,
        homeLanguage: r.home_language,
        familyLanguage: r.family_language,
      },
      fafsaStatus: r.fafsa_status,
      fafsaStatusDate: r.fafsa_status_date,
      rosterSource: r.roster_source,
      rosterSourceId: r.roster_source_id,
    });
    if (r.state_id) snap.byStateId.set(r.state_id, r.id);
    if (r.local_id) snap.byLocalId.set(r.local_id, r.id);
    if (r.roster_source && r.roster_source_id) snap.bySource.set(`${r.roster_source}\u0000${r.roster_source_id}`, r.id);
    const key = nameKey(r.first_name, r.last_name);
    const list = snap.byName.get(key);
    if (list) list.push(r.id);
    else snap.byName.set(key, [r.id]);
  }
  return snap;
}

/** Each student's version, for the commit's re-check that nothing changed since the preview. */
export function loadVersions(db: RawDatabase): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of db.prepare('SELECT id, version FROM students').iterate() as Iterable<{ id: number; version: number }>) out.set(r.id, r.version);
  return out;
}
