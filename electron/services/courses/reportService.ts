import type { z } from 'zod';
import { auditPlan, type AuditEntry } from '../../../shared/domain/graduation/audit';
import type { CreditSource, EntryStatus, PlanGrade, Term } from '../../../shared/domain/graduation/vocabulary';
import { searchTokens } from '../../../shared/domain/text';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { OffTrackReport, offTrackInput, OffTrackRow, Waiver } from '../../../shared/ipc/contract/coursePlans';
import { auditOptions, type PgpRow, type PlanRow } from './planData';
import { parseJsonArray, type CourseStore } from './store';

/**
 * The caseload-wide off-track report: every high-school student's active plan audited
 * (summary detail), at-risk first with the reasons. Reads each table once and groups in
 * memory, so 10,000 students are one pass, not 10,000 round trips.
 */
interface StudentRow {
  id: number;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  local_id: string | null;
  grade_level: GradeLevel | null;
  search_text: string;
}

const HIGH_SCHOOL = new Set(['08', '09', '10', '11', '12']);

export class ReportService {
  constructor(private readonly store: CourseStore) {}

  private get db() {
    return this.store.db;
  }

  offTrack(input: z.output<typeof offTrackInput>): OffTrackReport {
    const students = this.db.prepare(`SELECT id, first_name, last_name, preferred_name, local_id, grade_level, search_text FROM students WHERE status = 'active' ORDER BY sort_name, id`).all() as StudentRow[];
    const plans = new Map<number, PlanRow>();
    for (const p of this.db.prepare(`SELECT * FROM course_plans WHERE kind = 'active'`).all() as PlanRow[]) plans.set(p.student_id, p);
    // Raw rows straight into audit entries: 300,000 rows at 10,000 students, so no row objects in between.
    const entries = new Map<number, AuditEntry[]>();
    const entryRows = this.db.prepare(`SELECT e.plan_id, e.id, e.course_code, e.grade, e.term, e.status, e.credits, e.waivers FROM plan_entries e JOIN course_plans p ON p.id = e.plan_id WHERE p.kind = 'active'`).raw(true);
    for (const r of entryRows.iterate() as IterableIterator<[number, number, string, PlanGrade, Term, EntryStatus, number | null, string]>) {
      const e: AuditEntry = { id: `e${r[1]}`, code: r[2], grade: r[3], term: r[4], status: r[5], credits: r[6], waivedPrerequisites: r[7] === '[]' ? [] : parseJsonArray<Waiver>(r[7]).map((w) => w.code) };
      const l = entries.get(r[0]);
      if (l) l.push(e);
      else entries.set(r[0], [e]);
    }
    const records = new Map<number, AuditEntry[]>();
    const recordRows = this.db.prepare('SELECT student_id, id, course_code, title, grade, term, status, mark, credits, credit_source FROM course_records').raw(true);
    for (const r of recordRows.iterate() as IterableIterator<[number, number, string, string | null, PlanGrade, Term, EntryStatus, string | null, number | null, CreditSource]>) {
      const e: AuditEntry = { id: `r${r[1]}`, code: r[2], title: r[3], grade: r[4], term: r[5], status: r[6], mark: r[7], credits: r[8], creditSource: r[9] };
      const l = records.get(r[0]);
      if (l) l.push(e);
      else records.set(r[0], [e]);
    }
    const pgps = new Map<number, PgpRow>();
    for (const p of this.db.prepare('SELECT * FROM pgp_records').all() as PgpRow[]) pgps.set(p.student_id, p);

    // One rule set and prepared catalog per rule-set reference, not per student.
    const prepared = new Map<string, { rs: ReturnType<CourseStore['ruleSet']>; catalog: ReturnType<CourseStore['preparedFor']> }>();
    const contextFor = (ref: string) => {
      let hit = prepared.get(ref);
      if (!hit) {
        const rs = this.store.ruleSet(ref);
        hit = { rs, catalog: this.store.preparedFor(rs) };
        prepared.set(ref, hit);
      }
      return hit;
    };
    const tokens = searchTokens(input.search);
    const rows: OffTrackRow[] = [];
    const counts = { 'at-risk': 0, 'on-track': 0, 'no-plan': 0 };
    const reasonCounts: Record<string, number> = {};
    for (const s of students) {
      const plan = plans.get(s.id);
      if (!plan && !(s.grade_level && HIGH_SCHOOL.has(s.grade_level))) continue;
      if (input.gradeLevels.length && !(s.grade_level && input.gradeLevels.includes(s.grade_level))) continue;
      if (tokens.length && !tokens.every((t) => s.search_text.includes(t))) continue;
      const base = { studentId: s.id, firstName: s.first_name, lastName: s.last_name, preferredName: s.preferred_name, localId: s.local_id, gradeLevel: s.grade_level };
      if (!plan) {
        counts['no-plan']++;
        if (input.status === 'no-plan' || input.status === 'all') rows.push({ ...base, status: 'no-plan', reasons: [], credits: { earned: 0, reached: 0, required: 0 }, endorsement: null });
        continue;
      }
      const { rs, catalog } = contextFor(plan.rule_set_ref);
      const fromRecords = records.get(s.id);
      const fromPlan = entries.get(plan.id);
      const list = fromRecords && fromPlan ? fromRecords.concat(fromPlan) : (fromRecords ?? fromPlan ?? []);
      const audit = auditPlan(rs.def, catalog, list, auditOptions(plan, s.grade_level, pgps.get(s.id), 'summary'));
      counts[audit.status]++;
      if (audit.status === 'at-risk') for (const code of new Set(audit.reasons.map((r) => r.code))) reasonCounts[code] = (reasonCounts[code] ?? 0) + 1;
      if (input.status !== 'all' && input.status !== audit.status) continue;
      if (input.reason && !audit.reasons.some((r) => r.code === input.reason)) continue;
      const t = audit.totals;
      rows.push({
        ...base,
        status: audit.status,
        reasons: audit.reasons,
        credits: { earned: t.earned, reached: Math.round((t.earned + t.inProgress + t.planned) * 1000) / 1000, required: t.required },
        endorsement: plan.endorsement,
      });
    }
    // At risk first (most reasons first), then no plan, then on track; name order within (stable sort).
    const rank = { 'at-risk': 0, 'no-plan': 1, 'on-track': 2 } as const;
    rows.sort((a, b) => rank[a.status] - rank[b.status] || (a.status === 'at-risk' ? b.reasons.length - a.reasons.length : 0));
    const start = input.page * input.pageSize;
    return { rows: rows.slice(start, start + input.pageSize), total: rows.length, page: input.page, pageSize: input.pageSize, counts, reasonCounts };
  }
}
