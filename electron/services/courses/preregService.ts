import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { csvBytes } from '../../../shared/domain/export/csv';
import { requestConflicts, type Attempt } from '../../../shared/domain/graduation/prereg';
import { schoolYearLabel, type PlanGrade } from '../../../shared/domain/graduation/vocabulary';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import { searchTokens } from '../../../shared/domain/text';
import type {
  addRecommendationInput,
  addRequestInput,
  Conflict,
  PreregOverview,
  preregOverviewInput,
  PreregRow,
  PreregStatus,
  PreregStudentView,
  RecommendationView,
  RequestView,
  updateRecommendationInput,
  updateRequestInput,
  Waiver,
} from '../../../shared/ipc/contract/coursePlans';
import type { AppContext } from '../context';
import { recordAudit } from '../../vault/auditLog';
import { CourseStore, nextGrade, parseJsonArray, schoolYearOf } from './store';

/**
 * Next year's pre-registration: course requests per student, teachers' placement
 * recommendations, conflicts (missing prerequisite, request against a recommendation, …),
 * the caseload-wide status, and the CSV export for the SIS (formula-safe, audited, through
 * the main process save dialog).
 */

interface RequestRow {
  id: number;
  student_id: number;
  school_year: number;
  course_code: string;
  priority: 'primary' | 'alternate';
  waivers: string;
  note: string | null;
  version: number;
}
interface RecRow {
  id: number;
  student_id: number;
  school_year: number;
  teacher: string;
  course_code: string;
  recommendation: 'recommended' | 'not-recommended';
  note: string | null;
  version: number;
}
interface StudentRow {
  id: number;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  local_id: string | null;
  state_id: string | null;
  grade_level: GradeLevel | null;
  sort_name: string;
  search_text: string;
}

/** The grade a student will be in during `schoolYear`. */
function gradeIn(grade: GradeLevel | null, current: number, schoolYear: number): GradeLevel | null {
  let g = grade;
  for (let y = current; y < schoolYear && g; y++) g = nextGrade(g);
  return g;
}

export class PreregService {
  constructor(
    private readonly store: CourseStore,
    private readonly ctx: Pick<AppContext, 'dialogs' | 'now'>,
  ) {}

  private get db() {
    return this.store.db;
  }

  private current(): number {
    return schoolYearOf(this.ctx.now());
  }

  defaultYear(): number {
    return this.current() + 1;
  }

  private audit(action: string, studentId: number | undefined, summary: string) {
    recordAudit(this.db, this.ctx.now(), { action, entityType: studentId === undefined ? 'prereg' : 'student', entityId: studentId, summary });
  }

  /** Completed and in-progress courses plus the active plan's entries, for prerequisite checks. */
  private attempts(studentIds: number[] | null): Map<number, Attempt[]> {
    const where = studentIds ? `WHERE student_id IN (${studentIds.map(() => '?').join(',')})` : '';
    const out = new Map<number, Attempt[]>();
    const add = (id: number, a: Attempt) => {
      const l = out.get(id);
      if (l) l.push(a);
      else out.set(id, [a]);
    };
    for (const r of this.db.prepare(`SELECT student_id, course_code, status, credits, grade, term FROM course_records ${where}`).all(...(studentIds ?? [])) as {
      student_id: number; course_code: string; status: Attempt['status']; credits: number | null; grade: PlanGrade; term: Attempt['term'];
    }[]) add(r.student_id, { code: r.course_code, status: r.status, credits: r.credits, grade: r.grade, term: r.term });
    const planWhere = studentIds ? `AND p.student_id IN (${studentIds.map(() => '?').join(',')})` : '';
    for (const r of this.db.prepare(`SELECT p.student_id, e.course_code, e.status, e.grade, e.term FROM plan_entries e JOIN course_plans p ON p.id = e.plan_id WHERE p.kind = 'active' ${planWhere}`).all(
      ...(studentIds ?? []),
    ) as { student_id: number; course_code: string; status: Attempt['status']; grade: PlanGrade; term: Attempt['term'] }[]) add(r.student_id, { code: r.course_code, status: r.status, credits: null, grade: r.grade, term: r.term });
    return out;
  }

  private conflictsFor(requests: RequestRow[], recs: RecRow[], attempts: Attempt[], grade: GradeLevel | null): Map<number, Conflict[]> {
    const rs = this.store.defaultRuleSet();
    const catalog = this.store.preparedFor(rs);
    const found = requestConflicts(
      catalog,
      attempts,
      requests.map((r) => ({ id: r.id, code: r.course_code, waivedPrerequisites: parseJsonArray<Waiver>(r.waivers).map((w) => w.code) })),
      recs.map((r) => ({ code: r.course_code, teacher: r.teacher, recommendation: r.recommendation })),
      grade,
      (code) => catalog.byCode.get(code)?.gradeLevels ?? [],
    );
    return new Map([...found].map(([id, list]) => [id, list.map((c) => ({ kind: c.kind, code: c.code, params: c.params as Record<string, string | number> }))]));
  }

  private status(requests: number, conflicts: number, reviewed: boolean): PreregStatus {
    if (reviewed) return 'reviewed';
    if (requests === 0) return 'none';
    return conflicts > 0 ? 'conflicts' : 'entered';
  }

  student(studentId: number, schoolYear = this.defaultYear()): PreregStudentView {
    const grade = this.store.studentGrade(studentId);
    const next = gradeIn(grade, this.current(), schoolYear);
    const requests = this.db.prepare('SELECT * FROM course_requests WHERE student_id = ? AND school_year = ? ORDER BY priority DESC, id').all(studentId, schoolYear) as RequestRow[];
    const recs = this.db.prepare('SELECT * FROM placement_recommendations WHERE student_id = ? AND school_year = ? ORDER BY id').all(studentId, schoolYear) as RecRow[];
    const review = this.db.prepare('SELECT reviewed_on FROM prereg_reviews WHERE student_id = ? AND school_year = ?').get(studentId, schoolYear) as { reviewed_on: string } | undefined;
    const attempts = this.attempts([studentId]).get(studentId) ?? [];
    const conflicts = this.conflictsFor(requests, recs, attempts, next);
    const courses = new Map(this.store.catalog().map((c) => [c.code, c]));
    const requestViews: RequestView[] = requests.map((r) => ({
      id: r.id,
      code: r.course_code,
      title: courses.get(r.course_code)?.title ?? r.course_code,
      credits: courses.get(r.course_code)?.credits ?? null,
      priority: r.priority,
      note: r.note,
      waivers: parseJsonArray(r.waivers),
      version: r.version,
      conflicts: conflicts.get(r.id) ?? [],
    }));
    const requestedCodes = new Set(requests.map((r) => r.course_code));
    const recViews: RecommendationView[] = recs.map((r) => ({
      id: r.id,
      teacher: r.teacher,
      code: r.course_code,
      title: courses.get(r.course_code)?.title ?? r.course_code,
      recommendation: r.recommendation,
      note: r.note,
      version: r.version,
      notRequested: r.recommendation === 'recommended' && !requestedCodes.has(r.course_code),
    }));
    const planned = next
      ? (this.db.prepare(`SELECT DISTINCT e.course_code AS code FROM plan_entries e JOIN course_plans p ON p.id = e.plan_id WHERE p.student_id = ? AND p.kind = 'active' AND e.grade = ? ORDER BY e.id`).all(studentId, next) as { code: string }[])
      : [];
    const conflictCount = requestViews.reduce((s, r) => s + r.conflicts.length, 0);
    return {
      studentId,
      schoolYear,
      nextGrade: next,
      requests: requestViews,
      recommendations: recViews,
      credits: requestViews.filter((r) => r.priority === 'primary').reduce((s, r) => s + (r.credits ?? 0), 0),
      status: this.status(requests.length, conflictCount, !!review),
      reviewedOn: review?.reviewed_on ?? null,
      fromPlan: planned.filter((p) => !requestedCodes.has(p.code)).map((p) => ({ code: p.code, title: courses.get(p.code)?.title ?? p.code })),
    };
  }

  overview(input: z.output<typeof preregOverviewInput>): PreregOverview {
    const schoolYear = input.schoolYear ?? this.defaultYear();
    const current = this.current();
    const students = (this.db.prepare(`SELECT id, first_name, last_name, preferred_name, local_id, state_id, grade_level, sort_name, search_text FROM students WHERE status = 'active' ORDER BY sort_name, id`).all() as StudentRow[]).filter(
      (s) => {
        const g = gradeIn(s.grade_level, current, schoolYear);
        return g !== null && ['09', '10', '11', '12'].includes(g);
      },
    );
    const requests = this.db.prepare('SELECT * FROM course_requests WHERE school_year = ?').all(schoolYear) as RequestRow[];
    const recs = this.db.prepare('SELECT * FROM placement_recommendations WHERE school_year = ?').all(schoolYear) as RecRow[];
    const reviewed = new Set((this.db.prepare('SELECT student_id FROM prereg_reviews WHERE school_year = ?').all(schoolYear) as { student_id: number }[]).map((r) => r.student_id));
    const group = <T extends { student_id: number }>(rows: T[]) => {
      const m = new Map<number, T[]>();
      for (const r of rows) m.set(r.student_id, [...(m.get(r.student_id) ?? []), r]);
      return m;
    };
    const reqBy = group(requests);
    const recBy = group(recs);
    const attempts = this.attempts(reqBy.size ? [...reqBy.keys()] : []);
    const credits = new Map(this.store.catalog().map((c) => [c.code, c.credits ?? 0]));
    const rows: PreregRow[] = students.map((s) => {
      const rq = reqBy.get(s.id) ?? [];
      const rc = recBy.get(s.id) ?? [];
      const conflicts = rq.length ? [...this.conflictsFor(rq, rc, attempts.get(s.id) ?? [], gradeIn(s.grade_level, current, schoolYear)).values()].reduce((n, l) => n + l.length, 0) : 0;
      return {
        studentId: s.id,
        firstName: s.first_name,
        lastName: s.last_name,
        preferredName: s.preferred_name,
        localId: s.local_id,
        gradeLevel: s.grade_level,
        requests: rq.filter((r) => r.priority === 'primary').length,
        alternates: rq.filter((r) => r.priority === 'alternate').length,
        credits: rq.filter((r) => r.priority === 'primary').reduce((t, r) => t + (credits.get(r.course_code) ?? 0), 0),
        recommendations: rc.length,
        conflicts,
        status: this.status(rq.length, conflicts, reviewed.has(s.id)),
      };
    });
    const tokens = searchTokens(input.search);
    const bySearch = tokens.length ? rows.filter((r, i) => tokens.every((t) => students[i].search_text.includes(t))) : rows;
    const byGrade = input.gradeLevels.length ? bySearch.filter((r) => r.gradeLevel && input.gradeLevels.includes(r.gradeLevel)) : bySearch;
    const counts: Record<PreregStatus, number> = { none: 0, entered: 0, conflicts: 0, reviewed: 0 };
    for (const r of byGrade) counts[r.status]++;
    const filtered = input.status === 'all' ? byGrade : byGrade.filter((r) => r.status === input.status);
    const start = input.page * input.pageSize;
    return { rows: filtered.slice(start, start + input.pageSize), total: filtered.length, page: input.page, pageSize: input.pageSize, schoolYear, counts };
  }

  private requireCourse(code: string): void {
    if (!this.store.courseByCode(code)) throw new AppError('NOT_FOUND', `"${code}" is not in the course catalog.`, { reason: 'course-not-in-catalog', code });
  }

  /** Keep the active plan's matching entries in step: requested when a request exists, planned otherwise. */
  private syncPlan(studentId: number, schoolYear: number, code: string, status: 'requested' | 'planned'): void {
    const g = gradeIn(this.store.studentGrade(studentId), this.current(), schoolYear);
    if (!g) return;
    const plan = this.db.prepare(`SELECT id FROM course_plans WHERE student_id = ? AND kind = 'active'`).get(studentId) as { id: number } | undefined;
    if (!plan) return;
    const r = this.db.prepare('UPDATE plan_entries SET status = ? WHERE plan_id = ? AND course_code = ? AND grade = ? AND status <> ?').run(status, plan.id, code, g, status);
    if (r.changes > 0) this.db.prepare('UPDATE course_plans SET version = version + 1, updated_at = ? WHERE id = ?').run(this.ctx.now().toISOString(), plan.id);
  }

  addRequest(input: z.output<typeof addRequestInput>): PreregStudentView {
    this.store.studentGrade(input.studentId);
    this.requireCourse(input.code);
    const db = this.db;
    db.transaction(() => {
      const ts = this.ctx.now().toISOString();
      try {
        db.prepare(`INSERT INTO course_requests (student_id, school_year, course_code, priority, waivers, note, version, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', ?, 1, ?, ?)`).run(
          input.studentId, input.schoolYear, input.code, input.priority, input.note, ts, ts,
        );
      } catch (err) {
        if (err instanceof Error && /UNIQUE/.test(err.message)) throw new AppError('DUPLICATE', 'This course is already requested for that year.');
        throw err;
      }
      if (input.priority === 'primary') this.syncPlan(input.studentId, input.schoolYear, input.code, 'requested');
      this.audit('prereg.request_add', input.studentId, `1 ${input.priority} request`);
    })();
    return this.student(input.studentId, input.schoolYear);
  }

  private request(id: number, version: number): RequestRow {
    const r = this.db.prepare('SELECT * FROM course_requests WHERE id = ?').get(id) as RequestRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That request no longer exists.');
    if (r.version !== version) throw new AppError('CONFLICT', 'This request was changed since you opened it.', { currentVersion: r.version });
    return r;
  }

  updateRequest(input: z.output<typeof updateRequestInput>): PreregStudentView {
    const db = this.db;
    const r = db.transaction(() => {
      const r = this.request(input.requestId, input.version);
      const c = input.changes;
      const priority = c.priority ?? r.priority;
      db.prepare('UPDATE course_requests SET priority = ?, note = ?, waivers = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
        priority, c.note !== undefined ? c.note || null : r.note, c.waivers !== undefined ? JSON.stringify(c.waivers) : r.waivers, this.ctx.now().toISOString(), r.id,
      );
      if (priority !== r.priority) this.syncPlan(r.student_id, r.school_year, r.course_code, priority === 'primary' ? 'requested' : 'planned');
      this.audit('prereg.request_update', r.student_id, Object.keys(c).join(','));
      return r;
    })();
    return this.student(r.student_id, r.school_year);
  }

  removeRequest(id: number, version: number): PreregStudentView {
    const db = this.db;
    const r = db.transaction(() => {
      const r = this.request(id, version);
      db.prepare('DELETE FROM course_requests WHERE id = ?').run(id);
      this.syncPlan(r.student_id, r.school_year, r.course_code, 'planned');
      this.audit('prereg.request_remove', r.student_id, '1 request removed');
      return r;
    })();
    return this.student(r.student_id, r.school_year);
  }

  requestFromPlan(studentId: number, schoolYear: number): PreregStudentView {
    const view = this.student(studentId, schoolYear);
    const db = this.db;
    db.transaction(() => {
      const ts = this.ctx.now().toISOString();
      const insert = db.prepare(`INSERT OR IGNORE INTO course_requests (student_id, school_year, course_code, priority, waivers, version, created_at, updated_at) VALUES (?, ?, ?, 'primary', '[]', 1, ?, ?)`);
      for (const p of view.fromPlan) {
        insert.run(studentId, schoolYear, p.code, ts, ts);
        this.syncPlan(studentId, schoolYear, p.code, 'requested');
      }
      this.audit('prereg.request_from_plan', studentId, `${view.fromPlan.length} requests from the plan`);
    })();
    return this.student(studentId, schoolYear);
  }

  addRecommendation(input: z.output<typeof addRecommendationInput>): PreregStudentView {
    this.store.studentGrade(input.studentId);
    this.requireCourse(input.fields.code);
    const ts = this.ctx.now().toISOString();
    const f = input.fields;
    this.db.prepare(`INSERT INTO placement_recommendations (student_id, school_year, teacher, course_code, recommendation, note, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`).run(
      input.studentId, input.schoolYear, f.teacher, f.code, f.recommendation, f.note, ts, ts,
    );
    this.audit('prereg.recommendation_add', input.studentId, `1 ${f.recommendation} recommendation`);
    return this.student(input.studentId, input.schoolYear);
  }

  private recommendation(id: number, version: number): RecRow {
    const r = this.db.prepare('SELECT * FROM placement_recommendations WHERE id = ?').get(id) as RecRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That recommendation no longer exists.');
    if (r.version !== version) throw new AppError('CONFLICT', 'This recommendation was changed since you opened it.', { currentVersion: r.version });
    return r;
  }

  updateRecommendation(input: z.output<typeof updateRecommendationInput>): PreregStudentView {
    const r = this.recommendation(input.recommendationId, input.version);
    this.requireCourse(input.fields.code);
    const f = input.fields;
    this.db.prepare('UPDATE placement_recommendations SET teacher = ?, course_code = ?, recommendation = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      f.teacher, f.code, f.recommendation, f.note, this.ctx.now().toISOString(), r.id,
    );
    this.audit('prereg.recommendation_update', r.student_id, 'recommendation changed');
    return this.student(r.student_id, r.school_year);
  }

  removeRecommendation(id: number, version: number): PreregStudentView {
    const r = this.recommendation(id, version);
    this.db.prepare('DELETE FROM placement_recommendations WHERE id = ?').run(id);
    this.audit('prereg.recommendation_remove', r.student_id, 'recommendation removed');
    return this.student(r.student_id, r.school_year);
  }

  setReviewed(studentId: number, schoolYear: number, reviewed: boolean, reviewedOn: string | null): PreregStudentView {
    this.store.studentGrade(studentId);
    if (reviewed) {
      const on = reviewedOn ?? this.ctx.now().toISOString().slice(0, 10);
      this.db.prepare('INSERT INTO prereg_reviews (student_id, school_year, reviewed_on, recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT(student_id, school_year) DO UPDATE SET reviewed_on = excluded.reviewed_on').run(
        studentId, schoolYear, on, this.ctx.now().toISOString(),
      );
    } else this.db.prepare('DELETE FROM prereg_reviews WHERE student_id = ? AND school_year = ?').run(studentId, schoolYear);
    this.audit(reviewed ? 'prereg.reviewed' : 'prereg.unreviewed', studentId, 'review status');
    return this.student(studentId, schoolYear);
  }

  /** Every request for the year as CSV for the SIS. Headers stay English: SIS import maps expect them. */
  exportRows(schoolYear: number): (string | number | null)[][] {
    const rows = this.db
      .prepare(
        `SELECT s.local_id, s.state_id, s.last_name, s.first_name, s.grade_level, r.course_code, c.title, c.credits, r.priority
         FROM course_requests r JOIN students s ON s.id = r.student_id LEFT JOIN courses c ON c.code = r.course_code
         WHERE r.school_year = ? ORDER BY s.sort_name, s.id, CASE r.priority WHEN 'primary' THEN 0 ELSE 1 END, r.id`,
      )
      .all(schoolYear) as { local_id: string | null; state_id: string | null; last_name: string; first_name: string; grade_level: GradeLevel | null; course_code: string; title: string | null; credits: number | null; priority: string }[];
    const current = this.current();
    return [
      ['Student ID', 'State ID', 'Last Name', 'First Name', 'Grade Next Year', 'School Year', 'Course Code', 'Course Title', 'Credits', 'Priority'],
      ...rows.map((r) => [r.local_id, r.state_id, r.last_name, r.first_name, gradeIn(r.grade_level, current, schoolYear), schoolYearLabel(schoolYear), r.course_code, r.title, r.credits, r.priority]),
    ];
  }

  async exportCsv(schoolYear: number): Promise<{ saved: boolean; rows: number }> {
    const rows = this.exportRows(schoolYear);
    // No student data in the file name: only the school year.
    const path = await this.ctx.dialogs.chooseSaveFile('export-csv', `course-requests-${schoolYearLabel(schoolYear)}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
    if (!path) return { saved: false, rows: 0 };
    writeFileSync(path, csvBytes(rows), { mode: 0o600 });
    const students = new Set(rows.slice(1).map((r) => `${r[0]}|${r[1]}|${r[2]}|${r[3]}`)).size;
    this.audit('prereg.export', undefined, `${rows.length - 1} requests for ${students} students, ${schoolYearLabel(schoolYear)}`);
    return { saved: true, rows: rows.length - 1 };
  }
}

