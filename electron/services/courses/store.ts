import { AppError } from '../../../shared/ipc/errors';
import type { CatalogCourse } from '../../../shared/domain/graduation/catalog';
import { prepareCatalog, type PreparedCatalog } from '../../../shared/domain/graduation/catalog';
import { ruleSetDefinition, type RuleSetDefinition } from '../../../shared/domain/graduation/ruleSet';
import { DEFAULT_RULE_SET_REF, shippedRuleSet } from '../../../shared/domain/graduation/shipped';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { CourseView } from '../../../shared/ipc/contract/courses';
import type { RawDatabase } from '../../vault/database';
import type { VaultSession } from '../../vault/vaultManager';

/**
 * Reading the catalog and rule sets, shared by every course-planning service, with the
 * prepared (rule-set-specific) catalog cached until the catalog or the rule set changes.
 * The cache holds no student data and is dropped when the vault locks.
 */

export interface CourseDbRow {
  id: number;
  code: string;
  title: string;
  credits: number | null;
  subject: string;
  grade_levels: string;
  prerequisites: string;
  flags: string;
  endorsements: string;
  tags: string;
  cluster: string | null;
  language: string | null;
  equivalents: string;
  repeatable: number;
  college_hours: number | null;
  high_school_credit: number;
  description: string | null;
  source: 'manual' | 'csv' | 'edfi';
  version: number;
  updated_at: string;
}

export function parseJsonArray<T>(text: string | null | undefined): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export function toCatalogCourse(r: CourseDbRow): CatalogCourse {
  return {
    code: r.code,
    title: r.title,
    credits: r.credits,
    subject: r.subject as CatalogCourse['subject'],
    gradeLevels: parseJsonArray<GradeLevel>(r.grade_levels),
    prerequisites: parseJsonArray<string[]>(r.prerequisites),
    flags: parseJsonArray(r.flags),
    endorsements: parseJsonArray(r.endorsements),
    tags: parseJsonArray(r.tags),
    cluster: r.cluster,
    language: r.language,
    equivalents: parseJsonArray(r.equivalents),
    repeatable: r.repeatable === 1,
    collegeHours: r.college_hours,
    highSchoolCredit: r.high_school_credit === 1,
  };
}

export function toCourseView(r: CourseDbRow): Omit<CourseView, 'kinds' | 'usedBy'> {
  const c = toCatalogCourse(r);
  return { id: r.id, ...c, description: r.description, source: r.source, version: r.version, updatedAt: r.updated_at };
}

export interface LoadedRuleSet {
  ref: string;
  def: RuleSetDefinition;
  kind: 'shipped' | 'vault';
  editVersion: number | null;
  basedOn: string | null;
  updatedAt: string | null;
}

export class CourseStore {
  private prepared = new Map<string, { stamp: string; prepared: PreparedCatalog }>();

  constructor(private readonly session: () => Pick<VaultSession, 'db' | 'vaultId'>) {}

  get db(): RawDatabase {
    return this.session().db;
  }

  clear(): void {
    this.prepared.clear();
  }

  vaultId(): string {
    return this.session().vaultId;
  }

  courseRows(): CourseDbRow[] {
    return this.db.prepare('SELECT * FROM courses ORDER BY code').all() as CourseDbRow[];
  }

  catalog(): CatalogCourse[] {
    return this.courseRows().map(toCatalogCourse);
  }

  courseByCode(code: string): CourseDbRow | undefined {
    return this.db.prepare('SELECT * FROM courses WHERE code = ?').get(code) as CourseDbRow | undefined;
  }

  /** Changes whenever a course is added, edited or removed. */
  catalogStamp(): string {
    const r = this.db.prepare('SELECT count(*) AS n, max(updated_at) AS u, max(id) AS m, total(version) AS v FROM courses').get() as { n: number; u: string | null; m: number | null; v: number };
    return `${r.n}:${r.u ?? ''}:${r.m ?? 0}:${r.v}`;
  }

  ruleSet(ref: string): LoadedRuleSet {
    if (ref.startsWith('shipped:')) {
      const def = shippedRuleSet(ref.slice('shipped:'.length));
      if (!def) throw new AppError('NOT_FOUND', 'That rule set is not available in this version of Waypoint.');
      return { ref, def, kind: 'shipped', editVersion: null, basedOn: null, updatedAt: null };
    }
    const m = /^vault:(\d+)$/.exec(ref);
    if (!m) throw new AppError('NOT_FOUND', 'Unknown rule set.');
    const row = this.db.prepare('SELECT id, definition, version, based_on, updated_at FROM rule_sets WHERE id = ?').get(Number(m[1])) as
      | { id: number; definition: string; version: number; based_on: string | null; updated_at: string }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That rule set was deleted.');
    const parsed = ruleSetDefinition.safeParse(JSON.parse(row.definition));
    if (!parsed.success) throw new AppError('VAULT_DAMAGED', 'This rule set could not be read. Copy the shipped rule set again.');
    return { ref, def: parsed.data, kind: 'vault', editVersion: row.version, basedOn: row.based_on, updatedAt: row.updated_at };
  }

  defaultRuleSet(): LoadedRuleSet {
    return this.ruleSet(DEFAULT_RULE_SET_REF);
  }

  /** The catalog prepared for a rule set, rebuilt only when either changed. */
  preparedFor(rs: LoadedRuleSet): PreparedCatalog {
    const stamp = `${this.session().vaultId}:${this.catalogStamp()}:${rs.editVersion ?? rs.def.version}`;
    const hit = this.prepared.get(rs.ref);
    if (hit && hit.stamp === stamp) return hit.prepared;
    const prepared = prepareCatalog(rs.def, this.catalog());
    this.prepared.set(rs.ref, { stamp, prepared });
    return prepared;
  }

  /** Students' grade levels by id (for several services). */
  studentGrade(studentId: number): GradeLevel | null {
    const row = this.db.prepare('SELECT grade_level FROM students WHERE id = ?').get(studentId) as { grade_level: GradeLevel | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No such student.');
    return row.grade_level;
  }
}

/** The school year a date falls in, as its start year: Texas years start in August. */
export function schoolYearOf(d: Date): number {
  return d.getMonth() >= 7 ? d.getFullYear() : d.getFullYear() - 1;
}

/** The grade a student moves into next school year, or null after grade 12 / when unknown. */
export function nextGrade(g: GradeLevel | null): GradeLevel | null {
  if (!g) return null;
  if (g === 'PK') return 'KG';
  if (g === 'KG') return '01';
  const n = Number(g);
  if (n >= 12) return null;
  return String(n + 1).padStart(2, '0') as GradeLevel;
}
