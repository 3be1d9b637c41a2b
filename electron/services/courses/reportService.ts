import type { z } from 'zod';
import { auditPlan } from '../../../shared/domain/graduation/audit';
import { searchTokens } from '../../../shared/domain/text';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { OffTrackReport, offTrackInput, OffTrackRow } from '../../../shared/ipc/contract/coursePlans';
import { auditOptions, entryToAudit, recordToAudit, type EntryRow, type PgpRow, type PlanRow, type RecordRow } from './planData';
import type { CourseStore } from './store';

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
    const entries = new Map<number, EntryRow[]>();
    for (const e of this.db.prepare(`SELECT e.* FROM plan_entries e JOIN course_plans p ON p.id = e.plan_id WHERE p.kind = 'active'`).iterate() as IterableIterator<EntryRow>) {
      const l = entries.get(e.plan_id);
      if (l) l.push(e);
      else entries.set(e.plan_id, [e]);
    }
    const records = new Map<number, RecordRow[]>();
    for (const r of this.db.prepare('SELECT * FROM course_records').iterate() as IterableIterator<RecordRow>) {
      const l = records.get(r.student_id);
      if (l) l.push(r);
      else records.set(r.student_id, [r]);
    }
    const pgps = new Map<number, PgpRow>();
    for (const p of this.db.prepare('SELECT * FROM pgp_records').all() as PgpRow[]) pgps.set(p.student_id, p);

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
      const rs = this.store.ruleSet(plan.rule_set_ref);
      const catalog = this.store.preparedFor(rs);
      const list = [...(records.get(s.id) ?? []).map(recordToAudit), ...(entries.get(plan.id) ?? []).map(entryToAudit)];
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
