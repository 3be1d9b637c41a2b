import type { z } from 'zod';
import { searchTokens } from '../../../shared/domain/text';
import { sortPrograms, type ProgramCode } from '../../../shared/domain/roster/programs';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { CaseloadFacets, StudentListResult, StudentSummary, caseloadFilters, listStudentsInput } from '../../../shared/ipc/contract/students';
import type { RawDatabase } from '../../vault/database';
import { factConditions, type FactContext, type SqlCondition } from './facts';

type Filters = z.output<typeof caseloadFilters>;
type ListInput = z.output<typeof listStudentsInput>;

interface SummaryRow {
  id: number;
  local_id: string | null;
  state_id: string | null;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  grade_level: GradeLevel | null;
  expected_graduation_year: number | null;
  campus_name: string | null;
  status: 'active' | 'archived';
}

// PK before KG before 01 … 13; blanks are ordered separately (always last).
const GRADE_ORDER = `CASE s.grade_level WHEN 'PK' THEN 0 WHEN 'KG' THEN 1 ELSE CAST(s.grade_level AS INTEGER) + 1 END`;

const SORT_SQL: Record<ListInput['sortBy'], string> = {
  name: 's.sort_name',
  grade: GRADE_ORDER,
  localId: 's.local_id',
  stateId: 's.state_id',
  graduationYear: 's.expected_graduation_year',
  campus: 'c.name',
};

const placeholders = (n: number) => Array(n).fill('?').join(',');

/** Conditions for every filter; `except` leaves one out (grade counts ignore the grade filter). */
function conditions(f: Filters, ctx: FactContext, except?: 'grade'): SqlCondition[] {
  const out: SqlCondition[] = [];
  if (f.status !== 'all') out.push({ sql: 's.status = ?', params: [f.status] });
  for (const token of searchTokens(f.search)) {
    out.push({ sql: `s.search_text LIKE ? ESCAPE '\\'`, params: [`%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] });
  }
  if (except !== 'grade' && f.gradeLevels.length > 0) {
    const grades = f.gradeLevels.filter((g) => g !== 'none');
    const parts: string[] = [];
    if (grades.length) parts.push(`s.grade_level IN (${placeholders(grades.length)})`);
    if (f.gradeLevels.includes('none')) parts.push('s.grade_level IS NULL');
    out.push({ sql: `(${parts.join(' OR ')})`, params: grades });
  }
  if (f.programs.length > 0) {
    const programs = [...new Set(f.programs)];
    const inList = `p.student_id = s.id AND p.current = 1 AND p.program IN (${placeholders(programs.length)})`;
    out.push(
      f.programMatch === 'all' && programs.length > 1
        ? { sql: `(SELECT count(DISTINCT p.program) FROM student_programs p WHERE ${inList}) = ${programs.length}`, params: programs }
        : { sql: `EXISTS (SELECT 1 FROM student_programs p WHERE ${inList})`, params: programs },
    );
  }
  if (f.graduationYears.length > 0) out.push({ sql: `s.expected_graduation_year IN (${placeholders(f.graduationYears.length)})`, params: f.graduationYears });
  if (f.campusIds.length > 0) out.push({ sql: `s.campus_id IN (${placeholders(f.campusIds.length)})`, params: f.campusIds });
  out.push(...factConditions(f.facts, ctx));
  return out;
}

function whereOf(cs: SqlCondition[]): { sql: string; params: unknown[] } {
  return { sql: cs.length ? `WHERE ${cs.map((c) => c.sql).join(' AND ')}` : '', params: cs.flatMap((c) => c.params) };
}

/** Current programs of the given students, in vocabulary order. */
export function currentPrograms(db: RawDatabase, ids: number[]): Map<number, ProgramCode[]> {
  const out = new Map<number, ProgramCode[]>();
  if (ids.length === 0) return out;
  const rows = db.prepare(`SELECT DISTINCT student_id, program FROM student_programs WHERE current = 1 AND student_id IN (${placeholders(ids.length)})`).all(...ids) as {
    student_id: number;
    program: ProgramCode;
  }[];
  const sets = new Map<number, ProgramCode[]>();
  for (const r of rows) {
    const list = sets.get(r.student_id) ?? [];
    list.push(r.program);
    sets.set(r.student_id, list);
  }
  for (const [id, list] of sets) out.set(id, sortPrograms(list));
  return out;
}

/**
 * One page of the caseload, filtered and sorted in SQL (the grid never holds more than a
 * page), with per-grade counts under the other filters.
 */
export function listCaseload(db: RawDatabase, input: ListInput, now: Date = new Date()): StudentListResult {
  const ctx: FactContext = { now };
  const where = whereOf(conditions(input, ctx));
  const dir = input.sortDirection === 'desc' ? 'DESC' : 'ASC';
  const sortExpr = SORT_SQL[input.sortBy];
  // Blank values last in either direction, then a stable tie-break.
  const order = `ORDER BY (${sortExpr}) IS NULL, ${sortExpr} ${dir}, s.sort_name ASC, s.id ASC`;
  const join = input.sortBy === 'campus' ? 'LEFT JOIN campuses c ON c.id = s.campus_id' : '';
  const pageIds = (
    db.prepare(`SELECT s.id FROM students s ${join} ${where.sql} ${order} LIMIT ? OFFSET ?`).all(...where.params, input.pageSize, input.page * input.pageSize) as { id: number }[]
  ).map((r) => r.id);
  let rows: StudentSummary[] = [];
  if (pageIds.length) {
    const found = db
      .prepare(
        `SELECT s.id, s.local_id, s.state_id, s.first_name, s.last_name, s.preferred_name, s.grade_level, s.expected_graduation_year,
          c.name AS campus_name, s.status FROM students s LEFT JOIN campuses c ON c.id = s.campus_id WHERE s.id IN (${placeholders(pageIds.length)})`,
      )
      .all(...pageIds) as SummaryRow[];
    const byId = new Map(found.map((r) => [r.id, r]));
    const programs = currentPrograms(db, pageIds);
    rows = pageIds.map((id) => {
      const r = byId.get(id)!;
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
        programs: programs.get(id) ?? [],
      };
    });
  }
  const countWhere = whereOf(conditions(input, ctx, 'grade'));
  const gradeCounts: StudentListResult['gradeCounts'] = {};
  for (const r of db.prepare(`SELECT coalesce(s.grade_level, 'none') AS g, count(*) AS n FROM students s ${countWhere.sql} GROUP BY g`).all(...countWhere.params) as {
    g: GradeLevel | 'none';
    n: number;
  }[]) {
    gradeCounts[r.g] = r.n;
  }
  // The grade counts are every other filter applied; the total adds the grade filter (one query fewer).
  const grades = new Set(input.gradeLevels);
  const total = (Object.entries(gradeCounts) as [GradeLevel | 'none', number][]).reduce((n, [g, c]) => (grades.size === 0 || grades.has(g) ? n + c : n), 0);
  return { rows, total, page: input.page, pageSize: input.pageSize, gradeCounts };
}

/** Values the filter menus offer, counted over active students. */
export function caseloadFacets(db: RawDatabase): CaseloadFacets {
  const graduationYears = db
    .prepare(`SELECT expected_graduation_year AS year, count(*) AS count FROM students WHERE status = 'active' AND expected_graduation_year IS NOT NULL GROUP BY year ORDER BY year`)
    .all() as { year: number; count: number }[];
  const campuses = db
    .prepare(`SELECT c.id, c.name, count(s.id) AS count FROM campuses c LEFT JOIN students s ON s.campus_id = c.id AND s.status = 'active' GROUP BY c.id ORDER BY c.name COLLATE NOCASE`)
    .all() as { id: number; name: string; count: number }[];
  const counted = db
    .prepare(`SELECT p.program AS program, count(DISTINCT p.student_id) AS count FROM student_programs p JOIN students s ON s.id = p.student_id WHERE p.current = 1 AND s.status = 'active' GROUP BY p.program`)
    .all() as { program: ProgramCode; count: number }[];
  const byProgram = new Map(counted.map((r) => [r.program, r.count]));
  return { graduationYears, campuses, programs: sortPrograms(byProgram.keys()).map((program) => ({ program, count: byProgram.get(program)! })) };
}
