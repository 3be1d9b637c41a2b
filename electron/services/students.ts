import { AppError } from '../../shared/ipc/errors';
import { fold } from '../../shared/domain/text';
import type { GradeLevel } from '../../shared/domain/gradeLevels';
import { STUDENT_RECORD_FIELDS, type FafsaStatus, type StudentRecordField } from '../../shared/domain/studentRecord/fields';
import type { ProgramCode } from '../../shared/domain/roster/programs';
import type { RosterFormat } from '../../shared/domain/roster/types';
import type {
  Campus,
  CaseloadFacets,
  StudentDetail,
  StudentListResult,
  studentFields,
  listStudentsInput,
  setProgramsInput,
  updateStudentInput,
  versionedId,
} from '../../shared/ipc/contract';
import type { z } from 'zod';
import type { RawDatabase } from '../vault/database';
import type { VaultSession } from '../vault/vaultManager';
import { recordAudit } from '../vault/auditLog';
import { caseloadFacets, listCaseload } from './caseload/caseloadQuery';
import { markCounselorSet, markCreatedByCounselor, readOverrides } from './studentRecord/provenance';
import { insertSpanSql, participationView, programStateKey, readSpans } from './studentRecord/programs';
import { guardianView, readGuardians } from './studentRecord/guardians';

type StudentFieldsOut = z.output<typeof studentFields>;
/** Fields added with the full record (migration 0003) are optional here so older batch callers keep working. */
type LaterFields = 'homeLanguage' | 'familyLanguage' | 'fafsaStatus' | 'fafsaStatusDate';
export type StudentFields = Omit<StudentFieldsOut, LaterFields> & Partial<Pick<StudentFieldsOut, LaterFields>>;
type ListInput = z.output<typeof listStudentsInput>;

interface StudentDbRow {
  id: number;
  local_id: string | null;
  state_id: string | null;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  birth_date: string | null;
  grade_level: GradeLevel | null;
  expected_graduation_year: number | null;
  campus_id: number | null;
  campus_name: string | null;
  home_language: string | null;
  family_language: string | null;
  fafsa_status: FafsaStatus | null;
  fafsa_status_date: string | null;
  roster_source: RosterFormat | null;
  last_imported_at: string | null;
  status: 'active' | 'archived';
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const SELECT_STUDENT = `SELECT s.id, s.local_id, s.state_id, s.first_name, s.middle_name, s.last_name, s.preferred_name,
  s.birth_date, s.grade_level, s.expected_graduation_year, s.campus_id, c.name AS campus_name, s.home_language, s.family_language,
  s.fafsa_status, s.fafsa_status_date, s.roster_source, s.last_imported_at, s.status, s.archived_at, s.version, s.created_at, s.updated_at
  FROM students s LEFT JOIN campuses c ON c.id = s.campus_id`;

// Bulk imports fold the same first names and surnames thousands of times: remember each one.
const folded = new Map<string, string>();
function foldName(part: string): string {
  let hit = folded.get(part);
  if (hit === undefined) {
    hit = fold(part);
    if (folded.size >= 20_000) folded.clear();
    folded.set(part, hit);
  }
  return hit;
}

/** Everything the search box can match: names in every form, and both IDs (folded part by part). */
export function studentSearchText(f: Pick<StudentFields, 'firstName' | 'middleName' | 'lastName' | 'preferredName' | 'localId' | 'stateId'>): string {
  const parts: string[] = [];
  for (const v of [f.firstName, f.middleName, f.lastName, f.preferredName]) if (v) parts.push(foldName(v));
  for (const v of [f.localId, f.stateId]) if (v) parts.push(fold(v));
  return parts.filter(Boolean).join(' ');
}

/** Sort by folded "last first" so accented names sort with their letters (Óscar among the O's). */
export function studentSortName(f: Pick<StudentFields, 'firstName' | 'lastName'>): string {
  return `${foldName(f.lastName)}\u0001${foldName(f.firstName)}`;
}

/** Contract field → the provenance name it is tracked under (FAFSA never comes from a file). */
const PROVENANCE: Partial<Record<keyof StudentFields, StudentRecordField>> = {
  firstName: 'firstName',
  middleName: 'middleName',
  lastName: 'lastName',
  preferredName: 'preferredName',
  localId: 'localId',
  stateId: 'stateId',
  birthDate: 'birthDate',
  gradeLevel: 'gradeLevel',
  expectedGraduationYear: 'expectedGraduationYear',
  campusName: 'campus',
  homeLanguage: 'homeLanguage',
  familyLanguage: 'familyLanguage',
};

const EDITABLE = Object.keys({
  firstName: 1, middleName: 1, lastName: 1, preferredName: 1, localId: 1, stateId: 1, birthDate: 1, gradeLevel: 1, expectedGraduationYear: 1,
  campusName: 1, homeLanguage: 1, familyLanguage: 1, fafsaStatus: 1, fafsaStatusDate: 1,
} satisfies Record<keyof StudentFields, 1>) as (keyof StudentFields)[];

export function duplicateIdError(err: unknown): never {
  const msg = err instanceof Error ? err.message : '';
  if (/UNIQUE constraint failed: students\.local_id/.test(msg)) {
    throw new AppError('DUPLICATE', 'Another student already has this local ID.', { field: 'localId' });
  }
  if (/UNIQUE constraint failed: students\.state_id/.test(msg)) {
    throw new AppError('DUPLICATE', 'Another student already has this state ID.', { field: 'stateId' });
  }
  throw err;
}

export class StudentsService {
  constructor(
    private readonly session: () => VaultSession,
    private readonly now: () => Date,
  ) {}

  private get db(): RawDatabase {
    return this.session().db;
  }

  list(input: ListInput): StudentListResult {
    return listCaseload(this.db, input, this.now());
  }

  facets(): CaseloadFacets {
    return caseloadFacets(this.db);
  }

  get(id: number, options: { audit?: boolean } = { audit: true }): StudentDetail {
    const db = this.db;
    const r = db.prepare(`${SELECT_STUDENT} WHERE s.id = ?`).get(id) as StudentDbRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'No such student.');
    if (options.audit) recordAudit(db, this.now(), { action: 'student.open', entityType: 'student', entityId: id });
    const spans = readSpans(db, id);
    const guardians = readGuardians(db, id);
    const guardianOverrides = guardians.length ? readAllGuardianOverridesFor(db, guardians.map((g) => g.id)) : new Map();
    const history = participationView(spans);
    return {
      id: r.id,
      localId: r.local_id,
      stateId: r.state_id,
      firstName: r.first_name,
      middleName: r.middle_name,
      lastName: r.last_name,
      preferredName: r.preferred_name,
      birthDate: r.birth_date,
      gradeLevel: r.grade_level,
      expectedGraduationYear: r.expected_graduation_year,
      campusId: r.campus_id,
      campusName: r.campus_name,
      homeLanguage: r.home_language,
      familyLanguage: r.family_language,
      fafsaStatus: r.fafsa_status,
      fafsaStatusDate: r.fafsa_status_date,
      programs: [...new Set(history.filter((h) => h.current).map((h) => h.program))],
      programHistory: history,
      guardians: guardians.map((g) => guardianView(g, guardianOverrides.get(g.id))),
      enteredByCounselor: [...readOverrides(db, 'student_field_overrides', id).keys()].filter((f): f is StudentRecordField => (STUDENT_RECORD_FIELDS as readonly string[]).includes(f)),
      rosterSource: r.roster_source,
      lastImportedAt: r.last_imported_at,
      status: r.status,
      archivedAt: r.archived_at,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  campuses(): Campus[] {
    return this.db.prepare('SELECT id, name FROM campuses ORDER BY name COLLATE NOCASE').all() as Campus[];
  }

  private campusId(name: string | null | undefined): number | null {
    if (!name) return null;
    const found = this.db.prepare('SELECT id FROM campuses WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
    if (found) return found.id;
    return Number(this.db.prepare('INSERT INTO campuses (name, created_at) VALUES (?, ?)').run(name, this.now().toISOString()).lastInsertRowid);
  }

  /** A student typed by the counselor: every value is theirs (an import will ask before changing one). */
  create(fields: StudentFields): StudentDetail {
    const db = this.db;
    const id = db.transaction(() => {
      const ts = this.now().toISOString();
      try {
        const id = Number(this.insertStatement(db).run(...this.insertParams(fields, this.campusId(fields.campusName), ts)).lastInsertRowid);
        const set = (Object.entries(PROVENANCE) as [keyof StudentFields, StudentRecordField][]).filter(([k]) => fields[k] != null).map(([, f]) => f);
        markCreatedByCounselor(db, 'student_field_overrides', id, set, this.now());
        recordAudit(db, this.now(), { action: 'student.create', entityType: 'student', entityId: id });
        return id;
      } catch (err) {
        duplicateIdError(err);
      }
    })();
    return this.get(id, { audit: false });
  }

  /**
   * Bulk path for large batches (fixtures, benchmarks): one transaction, one prepared
   * statement on the connection under TypeORM. Returns the new IDs in input order. All or
   * nothing. Roster files go through the roster import service instead (preview, matching,
   * provenance); rows written here carry no provenance.
   */
  createMany(list: StudentFields[]): number[] {
    const db = this.db;
    const insert = this.insertStatement(db);
    const campusCache = new Map<string, number | null>();
    return db.transaction(() => {
      const ts = this.now().toISOString();
      const ids: number[] = [];
      for (const fields of list) {
        const key = fields.campusName ?? '';
        let campus = campusCache.get(key);
        if (campus === undefined) {
          campus = this.campusId(fields.campusName);
          campusCache.set(key, campus);
        }
        try {
          ids.push(Number(insert.run(...this.insertParams(fields, campus, ts)).lastInsertRowid));
        } catch (err) {
          duplicateIdError(err);
        }
      }
      recordAudit(db, this.now(), { action: 'student.create_many', entityType: 'student', summary: `${ids.length} students` });
      return ids;
    })();
  }

  private insertStatement(db: RawDatabase) {
    return db.prepare(`INSERT INTO students (local_id, state_id, first_name, middle_name, last_name, preferred_name, birth_date,
      grade_level, expected_graduation_year, campus_id, home_language, family_language, fafsa_status, fafsa_status_date,
      status, search_text, sort_name, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 1, ?, ?)`);
  }

  private insertParams(f: StudentFields, campusId: number | null, ts: string): unknown[] {
    return [
      f.localId ?? null, f.stateId ?? null, f.firstName, f.middleName ?? null, f.lastName, f.preferredName ?? null,
      f.birthDate ?? null, f.gradeLevel ?? null, f.expectedGraduationYear ?? null, campusId, f.homeLanguage ?? null, f.familyLanguage ?? null,
      f.fafsaStatus ?? null, f.fafsaStatusDate ?? null, studentSearchText(f), studentSortName(f), ts, ts,
    ];
  }

  update(input: z.output<typeof updateStudentInput>): StudentDetail {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id, { audit: false });
      this.requireVersion(current, input.version);
      const merged: StudentFields = {
        firstName: current.firstName,
        middleName: current.middleName,
        lastName: current.lastName,
        preferredName: current.preferredName,
        localId: current.localId,
        stateId: current.stateId,
        birthDate: current.birthDate,
        gradeLevel: current.gradeLevel,
        expectedGraduationYear: current.expectedGraduationYear,
        campusName: current.campusName,
        homeLanguage: current.homeLanguage,
        familyLanguage: current.familyLanguage,
        fafsaStatus: current.fafsaStatus,
        fafsaStatusDate: current.fafsaStatusDate,
      };
      const changed: (keyof StudentFields)[] = [];
      for (const key of EDITABLE) {
        if (!(key in input.changes)) continue;
        const value = input.changes[key];
        if (value === undefined || value === merged[key]) continue;
        (merged as Record<string, unknown>)[key] = value;
        changed.push(key);
      }
      // A status date without a status means nothing; a status set to "not recorded" drops its date.
      if (merged.fafsaStatus == null && merged.fafsaStatusDate != null) {
        merged.fafsaStatusDate = null;
        if (!changed.includes('fafsaStatusDate')) changed.push('fafsaStatusDate');
      }
      if (changed.length === 0) return;
      const campusId = this.campusId(merged.campusName);
      try {
        db.prepare(`UPDATE students SET local_id = ?, state_id = ?, first_name = ?, middle_name = ?, last_name = ?, preferred_name = ?,
          birth_date = ?, grade_level = ?, expected_graduation_year = ?, campus_id = ?, home_language = ?, family_language = ?,
          fafsa_status = ?, fafsa_status_date = ?, search_text = ?, sort_name = ?,
          version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(
          merged.localId, merged.stateId, merged.firstName, merged.middleName, merged.lastName, merged.preferredName,
          merged.birthDate, merged.gradeLevel, merged.expectedGraduationYear, campusId, merged.homeLanguage, merged.familyLanguage,
          merged.fafsaStatus, merged.fafsaStatusDate, studentSearchText(merged), studentSortName(merged), this.now().toISOString(), input.id, input.version,
        );
      } catch (err) {
        duplicateIdError(err);
      }
      // The counselor set these values: a later roster import will ask before replacing them.
      for (const key of changed) {
        const field = PROVENANCE[key];
        if (!field) continue;
        const previous = field === 'campus' ? current.campusId : (current[key as keyof typeof current] as string | number | null);
        markCounselorSet(db, 'student_field_overrides', input.id, field, previous ?? null, this.now());
      }
      // Which fields changed, never their values: the log must not become a second copy of the record.
      recordAudit(db, this.now(), { action: 'student.update', entityType: 'student', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id, { audit: false });
  }

  /**
   * The counselor says which programs the student is in now. A new one is recorded as theirs;
   * one they take away is ended, not deleted, so its history (and dates from a roster) stays.
   */
  setPrograms(input: z.output<typeof setProgramsInput>): StudentDetail {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id, { audit: false });
      this.requireVersion(current, input.version);
      const wanted = new Set<ProgramCode>(input.programs);
      const now = new Set<ProgramCode>(current.programs);
      const added = [...wanted].filter((p) => !now.has(p));
      const ended = [...now].filter((p) => !wanted.has(p));
      if (added.length === 0 && ended.length === 0) return;
      const ts = this.now().toISOString();
      const spans = readSpans(db, input.id);
      const insert = db.prepare(insertSpanSql);
      const end = db.prepare('UPDATE student_programs SET current = 0, updated_at = ? WHERE student_id = ? AND program = ? AND current = 1');
      for (const p of [...added, ...ended]) {
        const mine = spans.filter((s) => s.program === p);
        // What the roster said about this program before the counselor's change (its dated form if it had dates).
        const previous = programStateKey(mine, true);
        markCounselorSet(db, 'student_field_overrides', input.id, `program:${p}`, previous, this.now());
      }
      for (const p of added) insert.run(input.id, p, null, null, 1, 'counselor', ts, ts);
      for (const p of ended) end.run(ts, input.id, p);
      db.prepare('UPDATE students SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(ts, input.id, input.version);
      recordAudit(db, this.now(), {
        action: 'student.programs',
        entityType: 'student',
        entityId: input.id,
        summary: `${added.length} added, ${ended.length} ended`,
      });
    })();
    return this.get(input.id, { audit: false });
  }

  setArchived(input: z.output<typeof versionedId>, archived: boolean): StudentDetail {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id, { audit: false });
      this.requireVersion(current, input.version);
      const ts = this.now().toISOString();
      db.prepare(`UPDATE students SET status = ?, archived_at = ?, version = version + 1, updated_at = ? WHERE id = ?`).run(
        archived ? 'archived' : 'active',
        archived ? ts : null,
        ts,
        input.id,
      );
      recordAudit(db, this.now(), { action: archived ? 'student.archive' : 'student.restore', entityType: 'student', entityId: input.id });
    })();
    return this.get(input.id, { audit: false });
  }

  requireVersion(current: { version: number }, version: number): void {
    if (current.version !== version) {
      throw new AppError('CONFLICT', 'This student was changed since you opened it. Reload to see the latest before saving.', {
        currentVersion: current.version,
      });
    }
  }
}

function readAllGuardianOverridesFor(db: RawDatabase, ids: number[]): Map<number, Map<string, unknown>> {
  const out = new Map<number, Map<string, unknown>>();
  const rows = db.prepare(`SELECT guardian_id, field FROM guardian_field_overrides WHERE guardian_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as {
    guardian_id: number;
    field: string;
  }[];
  for (const r of rows) {
    let m = out.get(r.guardian_id);
    if (!m) out.set(r.guardian_id, (m = new Map()));
    m.set(r.field, true);
  }
  return out;
}

