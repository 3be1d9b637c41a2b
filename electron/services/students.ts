import { AppError } from '../../shared/ipc/errors';
import { fold, searchTokens } from '../../shared/domain/text';
import type { GradeLevel } from '../../shared/domain/gradeLevels';
import type {
  Campus,
  StudentDetail,
  StudentListResult,
  StudentSummary,
  studentFields,
  listStudentsInput,
  updateStudentInput,
  versionedId,
} from '../../shared/ipc/contract';
import type { z } from 'zod';
import type { RawDatabase } from '../vault/database';
import type { VaultSession } from '../vault/vaultManager';
import { recordAudit } from '../vault/auditLog';

export type StudentFields = z.output<typeof studentFields>;
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
  status: 'active' | 'archived';
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const SELECT_STUDENT = `SELECT s.id, s.local_id, s.state_id, s.first_name, s.middle_name, s.last_name, s.preferred_name,
  s.birth_date, s.grade_level, s.expected_graduation_year, s.campus_id, c.name AS campus_name, s.status, s.archived_at,
  s.version, s.created_at, s.updated_at
  FROM students s LEFT JOIN campuses c ON c.id = s.campus_id`;

function toSummary(r: StudentDbRow): StudentSummary {
  return {
    id: r.id,
    localId: r.local_id,
    stateId: r.state_id,
    firstName: r.first_name,
    lastName: r.last_name,
    preferredName: r.preferred_name,
    gradeLevel: r.grade_level,
    expectedGraduationYear: r.expected_graduation_year,
    campusName: r.campus_name,
    status: r.status,
  };
}

function toDetail(r: StudentDbRow): StudentDetail {
  return {
    ...toSummary(r),
    middleName: r.middle_name,
    birthDate: r.birth_date,
    campusId: r.campus_id,
    archivedAt: r.archived_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Everything the search box can match: names in every form, and both IDs. */
export function studentSearchText(f: Pick<StudentFields, 'firstName' | 'middleName' | 'lastName' | 'preferredName' | 'localId' | 'stateId'>): string {
  return fold([f.firstName, f.middleName, f.lastName, f.preferredName, f.localId, f.stateId].filter(Boolean).join(' '));
}

/** Sort by folded "last first" so accented names sort with their letters (Óscar among the O's). */
export function studentSortName(f: Pick<StudentFields, 'firstName' | 'lastName'>): string {
  return `${fold(f.lastName)}\u0001${fold(f.firstName)}`;
}

const SORT_SQL: Record<ListInput['sortBy'], string> = {
  name: 's.sort_name',
  grade: `CASE s.grade_level WHEN 'PK' THEN 0 WHEN 'KG' THEN 1 WHEN NULL THEN 99 ELSE CAST(s.grade_level AS INTEGER) + 1 END`,
  localId: 's.local_id',
  graduationYear: 's.expected_graduation_year',
  campus: 'c.name',
};

const EDITABLE: (keyof StudentFields)[] = [
  'firstName', 'middleName', 'lastName', 'preferredName', 'localId', 'stateId', 'birthDate', 'gradeLevel', 'expectedGraduationYear', 'campusName',
];

function duplicateIdError(err: unknown): never {
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
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.status !== 'all') {
      where.push('s.status = ?');
      params.push(input.status);
    }
    for (const token of searchTokens(input.search)) {
      where.push(`s.search_text LIKE ? ESCAPE '\\'`);
      params.push(`%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const countWhere = [...where];
    const countParams = [...params];
    if (input.gradeLevels.length > 0) {
      where.push(`s.grade_level IN (${input.gradeLevels.map(() => '?').join(',')})`);
      params.push(...input.gradeLevels);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const dir = input.sortDirection === 'desc' ? 'DESC' : 'ASC';
    // Blank values last in either direction, then a stable tie-break.
    const sortExpr = SORT_SQL[input.sortBy];
    const order = `ORDER BY (${sortExpr}) IS NULL, ${sortExpr} ${dir}, s.sort_name ASC, s.id ASC`;
    const total = (this.db.prepare(`SELECT count(*) AS n FROM students s ${whereSql}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`${SELECT_STUDENT} ${whereSql} ${order} LIMIT ? OFFSET ?`)
      .all(...params, input.pageSize, input.page * input.pageSize) as StudentDbRow[];
    // Grade counts ignore the grade filter itself, so the chips show what each grade would give.
    const countSql = `SELECT coalesce(s.grade_level, 'none') AS g, count(*) AS n FROM students s ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''} GROUP BY g`;
    const gradeCounts: StudentListResult['gradeCounts'] = {};
    for (const r of this.db.prepare(countSql).all(...countParams) as { g: GradeLevel | 'none'; n: number }[]) gradeCounts[r.g] = r.n;
    return { rows: rows.map(toSummary), total, page: input.page, pageSize: input.pageSize, gradeCounts };
  }

  get(id: number, options: { audit?: boolean } = { audit: true }): StudentDetail {
    const row = this.db.prepare(`${SELECT_STUDENT} WHERE s.id = ?`).get(id) as StudentDbRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such student.');
    if (options.audit) recordAudit(this.db, this.now(), { action: 'student.open', entityType: 'student', entityId: id });
    return toDetail(row);
  }

  campuses(): Campus[] {
    return this.db.prepare('SELECT id, name FROM campuses ORDER BY name').all() as Campus[];
  }

  private campusId(name: string | null | undefined): number | null {
    if (!name) return null;
    const found = this.db.prepare('SELECT id FROM campuses WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
    if (found) return found.id;
    return Number(this.db.prepare('INSERT INTO campuses (name, created_at) VALUES (?, ?)').run(name, this.now().toISOString()).lastInsertRowid);
  }

  create(fields: StudentFields): StudentDetail {
    const db = this.db;
    const id = db.transaction(() => {
      const ts = this.now().toISOString();
      try {
        const id = Number(this.insertStatement(db).run(...this.insertParams(fields, this.campusId(fields.campusName), ts)).lastInsertRowid);
        recordAudit(db, this.now(), { action: 'student.create', entityType: 'student', entityId: id });
        return id;
      } catch (err) {
        duplicateIdError(err);
      }
    })();
    return this.get(id, { audit: false });
  }

  /**
   * Bulk path for imports and large batches: one transaction, one prepared statement on
   * the connection under TypeORM. Returns the new IDs in input order. All or nothing.
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
      grade_level, expected_graduation_year, campus_id, status, search_text, sort_name, version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 1, ?, ?)`);
  }

  private insertParams(f: StudentFields, campusId: number | null, ts: string): unknown[] {
    return [
      f.localId ?? null, f.stateId ?? null, f.firstName, f.middleName ?? null, f.lastName, f.preferredName ?? null,
      f.birthDate ?? null, f.gradeLevel ?? null, f.expectedGraduationYear ?? null, campusId, studentSearchText(f), studentSortName(f), ts, ts,
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
      };
      const changed: string[] = [];
      for (const key of EDITABLE) {
        if (!(key in input.changes)) continue;
        const value = input.changes[key];
        if (value === undefined || value === merged[key]) continue;
        (merged as Record<string, unknown>)[key] = value;
        changed.push(key);
      }
      if (changed.length === 0) return;
      try {
        db.prepare(`UPDATE students SET local_id = ?, state_id = ?, first_name = ?, middle_name = ?, last_name = ?, preferred_name = ?,
          birth_date = ?, grade_level = ?, expected_graduation_year = ?, campus_id = ?, search_text = ?, sort_name = ?,
          version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(
          merged.localId, merged.stateId, merged.firstName, merged.middleName, merged.lastName, merged.preferredName,
          merged.birthDate, merged.gradeLevel, merged.expectedGraduationYear, this.campusId(merged.campusName),
          studentSearchText(merged), studentSortName(merged), this.now().toISOString(), input.id, input.version,
        );
      } catch (err) {
        duplicateIdError(err);
      }
      // Which fields changed, never their values: the log must not become a second copy of the record.
      recordAudit(db, this.now(), { action: 'student.update', entityType: 'student', entityId: input.id, summary: changed.join(',') });
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

  private requireVersion(current: StudentDetail, version: number): void {
    if (current.version !== version) {
      throw new AppError('CONFLICT', 'This student was changed since you opened it. Reload to see the latest before saving.', {
        currentVersion: current.version,
      });
    }
  }
}
