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

interface Summary {
  status: 'on-track' | 'at-risk';
  reasons: OffTrackRow['reasons'];
  credits: OffTrackRow['credits'];
}

type EntryTuple = [number, number, string, PlanGrade, Term, EntryStatus, number | null, string];
type RecordTuple = [number, number, string, string | null, PlanGrade, Term, EntryStatus, string | null, number | null, CreditSource];

function entryOf(r: EntryTuple): AuditEntry {
  return { id: `e${r[1]}`, code: r[2], grade: r[3], term: r[4], status: r[5], credits: r[6], waivedPrerequisites: r[7] === '[]' ? [] : parseJsonArray<Waiver>(r[7]).map((w) => w.code) };
}
function recordOf(r: RecordTuple): AuditEntry {
  return { id: `r${r[1]}`, code: r[2], title: r[3], grade: r[4], term: r[5], status: r[6], mark: r[7], credits: r[8], creditSource: r[9] };
}
function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Above this many changed students, one pass over the whole tables beats per-student reads. */
const BULK_THRESHOLD = 400;

export class ReportService {
  /**
   * Audit summaries by student, keyed by everything an audit reads (plan version, the
   * student's transcript rows, PGP version, grade, catalog and rule set), so paging and
   * filtering the report re-audits only what changed. Emptied when the vault locks.
   */
  private cache = new Map<number, { key: string; summary: Summary }>();

  constructor(private readonly store: CourseStore) {}

  private get db() {
    return this.store.db;
  }

  clear(): void {
    this.cache.clear();
  }

  offTrack(input: z.output<typeof offTrackInput>): OffTrackReport {
    const db = this.db;
    const students = db.prepare(`SELECT id, first_name, last_name, preferred_name, local_id, grade_level, search_text FROM students WHERE status = 'active' ORDER BY sort_name, id`).all() as StudentRow[];
    const plans = new Map<number, PlanRow>();
    for (const p of db.prepare(`SELECT * FROM course_plans WHERE kind = 'active'`).all() as PlanRow[]) plans.set(p.student_id, p);
    // Cold (nothing cached yet): read everything once and take the transcript stamps from those rows.
    // Warm: one aggregate query says whose transcript changed, and only those are read again.
    const cold = this.cache.size < plans.size / 2;
    const recordStamps = new Map<number, string>();
    const bulkRecords = new Map<number, AuditEntry[]>();
    if (cold) {
      const agg = new Map<number, [number, string, number, number]>();
      for (const r of db.prepare('SELECT student_id, id, course_code, title, grade, term, status, mark, credits, credit_source, updated_at, version FROM course_records').raw(true).all() as [...RecordTuple, string, number][]) {
        push(bulkRecords, r[0], recordOf(r as unknown as RecordTuple));
        const a = agg.get(r[0]);
        if (a) {
          a[0]++;
          if (r[10] > a[1]) a[1] = r[10];
          a[2] += r[11];
          a[3] += r[1];
        } else agg.set(r[0], [1, r[10], r[11], r[1]]);
      }
      for (const [sid, a] of agg) recordStamps.set(sid, `${a[0]}:${a[1]}:${a[2]}:${a[3]}`);
    } else {
      for (const r of db.prepare('SELECT student_id, count(*), max(updated_at), total(version), total(id) FROM course_records GROUP BY student_id').raw(true).all() as [number, number, string, number, number][]) {
        recordStamps.set(r[0], `${r[1]}:${r[2]}:${r[3]}:${r[4]}`);
      }
    }
    const pgps = new Map<number, PgpRow>();
    for (const p of db.prepare('SELECT * FROM pgp_records').all() as PgpRow[]) pgps.set(p.student_id, p);

    // One rule set and prepared catalog per rule-set reference, not per student.
    const catalogStamp = this.store.catalogStamp();
    const prepared = new Map<string, { rs: ReturnType<CourseStore['ruleSet']>; catalog: ReturnType<CourseStore['preparedFor']>; stamp: string }>();
    const contextFor = (ref: string) => {
      let hit = prepared.get(ref);
      if (!hit) {
        const rs = this.store.ruleSet(ref);
        hit = { rs, catalog: this.store.preparedFor(rs), stamp: `${ref}:${rs.editVersion ?? rs.def.version}:${catalogStamp}` };
        prepared.set(ref, hit);
      }
      return hit;
    };
    const vault = this.store.vaultId();
    const keyOf = (s: StudentRow, plan: PlanRow) =>
      `${vault}|${plan.id}:${plan.version}|${recordStamps.get(s.id) ?? '-'}|${pgps.get(s.id)?.version ?? '-'}|${s.grade_level ?? '-'}|${contextFor(plan.rule_set_ref).stamp}`;

    const stale: { s: StudentRow; plan: PlanRow; key: string }[] = [];
    for (const s of students) {
      const plan = plans.get(s.id);
      if (!plan) continue;
      const key = keyOf(s, plan);
      if (this.cache.get(s.id)?.key !== key) stale.push({ s, plan, key });
    }
    if (stale.length) {
      const entries = new Map<number, AuditEntry[]>();
      let records = new Map<number, AuditEntry[]>();
      if (cold || stale.length > BULK_THRESHOLD) {
        for (const r of db.prepare(`SELECT e.plan_id, e.id, e.course_code, e.grade, e.term, e.status, e.credits, e.waivers FROM plan_entries e JOIN course_plans p ON p.id = e.plan_id WHERE p.kind = 'active'`).raw(true).all() as EntryTuple[]) push(entries, r[0], entryOf(r));
        if (cold) records = bulkRecords;
        else for (const r of db.prepare('SELECT student_id, id, course_code, title, grade, term, status, mark, credits, credit_source FROM course_records').raw(true).all() as RecordTuple[]) push(records, r[0], recordOf(r));
      } else {
        const e = db.prepare('SELECT plan_id, id, course_code, grade, term, status, credits, waivers FROM plan_entries WHERE plan_id = ?').raw(true);
        const r = db.prepare('SELECT student_id, id, course_code, title, grade, term, status, mark, credits, credit_source FROM course_records WHERE student_id = ?').raw(true);
        for (const { s, plan } of stale) {
          entries.set(plan.id, (e.all(plan.id) as EntryTuple[]).map(entryOf));
          records.set(s.id, (r.all(s.id) as RecordTuple[]).map(recordOf));
        }
      }
      for (const { s, plan, key } of stale) {
        const { rs, catalog } = contextFor(plan.rule_set_ref);
        const fromRecords = records.get(s.id);
        const fromPlan = entries.get(plan.id);
        const list = fromRecords && fromPlan ? fromRecords.concat(fromPlan) : (fromRecords ?? fromPlan ?? []);
        const audit = auditPlan(rs.def, catalog, list, auditOptions(plan, s.grade_level, pgps.get(s.id), 'summary'));
        const t = audit.totals;
        this.cache.set(s.id, {
          key,
          summary: { status: audit.status, reasons: audit.reasons, credits: { earned: t.earned, reached: Math.round((t.earned + t.inProgress + t.planned) * 1000) / 1000, required: t.required } },
        });
      }
    }

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
      const summary = this.cache.get(s.id)!.summary;
      counts[summary.status]++;
      if (summary.status === 'at-risk') for (const code of new Set(summary.reasons.map((r) => r.code))) reasonCounts[code] = (reasonCounts[code] ?? 0) + 1;
      if (input.status !== 'all' && input.status !== summary.status) continue;
      if (input.reason && !summary.reasons.some((r) => r.code === input.reason)) continue;
      rows.push({ ...base, status: summary.status, reasons: summary.reasons, credits: summary.credits, endorsement: plan.endorsement });
    }
    // At risk first (most reasons first), then no plan, then on track; name order within (stable sort).
    const rank = { 'at-risk': 0, 'no-plan': 1, 'on-track': 2 } as const;
    rows.sort((a, b) => rank[a.status] - rank[b.status] || (a.status === 'at-risk' ? b.reasons.length - a.reasons.length : 0));
    const start = input.page * input.pageSize;
    return { rows: rows.slice(start, start + input.pageSize), total: rows.length, page: input.page, pageSize: input.pageSize, counts, reasonCounts };
  }
}
