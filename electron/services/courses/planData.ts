import type { AuditEntry, AuditOptions, PgpStatus } from '../../../shared/domain/graduation/audit';
import type { PreparedCatalog } from '../../../shared/domain/graduation/catalog';
import type { CreditSource, EndorsementCode, PlanGrade, Term } from '../../../shared/domain/graduation/vocabulary';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { PlanCell, Waiver } from '../../../shared/ipc/contract/coursePlans';
import { parseJsonArray } from './store';

/** Rows of the plan tables and how they become audit input and grid cells. */

export interface PlanRow {
  id: number;
  student_id: number;
  name: string;
  kind: 'active' | 'scenario' | 'previous';
  based_on_plan_id: number | null;
  rule_set_ref: string;
  program: 'foundation' | 'endorsement';
  endorsement: EndorsementCode | null;
  confirmations: string;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EntryRow {
  id: number;
  plan_id: number;
  course_code: string;
  grade: PlanGrade;
  term: Term;
  status: 'planned' | 'requested';
  credits: number | null;
  waivers: string;
  note: string | null;
}

export interface RecordRow {
  id: number;
  student_id: number;
  course_code: string;
  title: string | null;
  grade: PlanGrade;
  term: Term;
  school_year: number | null;
  status: 'completed' | 'in-progress';
  mark: string | null;
  credits: number | null;
  credit_source: CreditSource;
  source: 'transcript-csv' | 'manual';
  version: number;
}

export interface PgpRow {
  student_id: number;
  entered_grade9_year: number | null;
  endorsement: EndorsementCode | null;
  endorsement_chosen_on: string | null;
  postsecondary_goal: string | null;
  dla_intended: number;
  reviewed_by: string | null;
  reviewed_on: string | null;
  student_ack_name: string | null;
  student_ack_date: string | null;
  parent_ack_name: string | null;
  parent_ack_date: string | null;
  foundation_only: number;
  foundation_only_advised_on: string | null;
  foundation_only_parent_name: string | null;
  foundation_only_permission_date: string | null;
  version: number;
  updated_at: string;
}

export function recordToAudit(r: RecordRow): AuditEntry {
  return { id: `r${r.id}`, code: r.course_code, title: r.title, grade: r.grade, term: r.term, status: r.status, credits: r.credits, mark: r.mark, creditSource: r.credit_source };
}

export function entryToAudit(e: EntryRow): AuditEntry {
  const waivers = parseJsonArray<Waiver>(e.waivers);
  return { id: `e${e.id}`, code: e.course_code, grade: e.grade, term: e.term, status: e.status, credits: e.credits, waivedPrerequisites: waivers.map((w) => w.code) };
}

export function auditEntries(records: readonly RecordRow[], entries: readonly EntryRow[]): AuditEntry[] {
  return [...records.map(recordToAudit), ...entries.map(entryToAudit)];
}

export function pgpStatus(p: PgpRow | undefined | null): PgpStatus | null {
  if (!p) return null;
  return {
    endorsementChosen: p.endorsement !== null && p.endorsement_chosen_on !== null,
    signed: p.student_ack_date !== null && p.parent_ack_date !== null,
    foundationOnlyPermitted: p.foundation_only === 1,
  };
}

export function auditOptions(plan: PlanRow, grade: GradeLevel | null, pgp: PgpRow | undefined | null, detail: AuditOptions['detail'] = 'full'): AuditOptions {
  return {
    program: plan.program,
    endorsement: plan.endorsement,
    currentGrade: grade,
    confirmations: parseJsonArray<string>(plan.confirmations),
    pgp: pgpStatus(pgp),
    detail,
  };
}

export function recordCell(r: RecordRow, catalog: PreparedCatalog): PlanCell {
  const c = catalog.byCode.get(r.course_code);
  return {
    id: `r${r.id}`,
    source: 'record',
    rowId: r.id,
    code: r.course_code,
    title: c?.title ?? r.title ?? r.course_code,
    inCatalog: c !== undefined,
    credits: r.credits ?? c?.credits ?? 0,
    grade: r.grade,
    term: r.term,
    status: r.status,
    mark: r.mark,
    creditSource: r.credit_source,
    schoolYear: r.school_year,
    waivers: [],
    note: null,
    version: r.version,
  };
}

export function entryCell(e: EntryRow, catalog: PreparedCatalog): PlanCell {
  const c = catalog.byCode.get(e.course_code);
  return {
    id: `e${e.id}`,
    source: 'plan',
    rowId: e.id,
    code: e.course_code,
    title: c?.title ?? e.course_code,
    inCatalog: c !== undefined,
    credits: e.credits ?? c?.credits ?? 0,
    grade: e.grade,
    term: e.term,
    status: e.status,
    mark: null,
    creditSource: 'course',
    schoolYear: null,
    waivers: parseJsonArray<Waiver>(e.waivers),
    note: e.note,
    version: null,
  };
}
