import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { auditPlan, type AuditResult } from '../../../shared/domain/graduation/audit';
import { compareScenarios, type ScenarioSnapshot } from '../../../shared/domain/graduation/compare';
import { DEFAULT_RULE_SET_REF } from '../../../shared/domain/graduation/shipped';
import { uncertainRules } from '../../../shared/domain/graduation/ruleSet';
import { createTranslator, type Locale } from '../../../shared/i18n';
import type {
  addEntryInput,
  addRecordInput,
  chooseInput,
  createScenarioInput,
  moveEntryInput,
  PlanComparisonView,
  PlanDecisionView,
  PlanSummary,
  PlanView,
  PlanWorkspace,
  recordFields,
  removeEntryInput,
  startPlanInput,
  updateEntryInput,
  updatePlanInput,
  updateRecordInput,
  RuleSetBrief,
  AgreedRole,
} from '../../../shared/ipc/contract/coursePlans';
import { recordAudit } from '../../vault/auditLog';
import { auditEntries, auditOptions, entryCell, recordCell, type EntryRow, type PgpRow, type PlanRow, type RecordRow } from './planData';
import { CourseStore, parseJsonArray, schoolYearOf, type LoadedRuleSet } from './store';
import { examScoreFacts } from './examFacts';
import type { ExamScoreFacts } from '../../../shared/domain/graduation/examAcknowledgments';

/**
 * A student's four-year plan: the active plan, scenarios made from it, and past versions.
 * Completed and in-progress courses (the transcript) belong to the student and appear in
 * every scenario; planned and requested courses belong to one plan. Every change bumps the
 * plan's version (a stale edit is a CONFLICT) and returns the fresh workspace with its audit.
 */
export class PlanService {
  constructor(
    private readonly store: CourseStore,
    private readonly now: () => Date,
    private readonly locale: () => Locale,
  ) {}

  private get db() {
    return this.store.db;
  }

  // ---- reading ------------------------------------------------------------------------------

  private plansOf(studentId: number): PlanRow[] {
    return this.db.prepare(`SELECT * FROM course_plans WHERE student_id = ? ORDER BY CASE kind WHEN 'active' THEN 0 WHEN 'scenario' THEN 1 ELSE 2 END, created_at, id`).all(studentId) as PlanRow[];
  }

  private plan(planId: number): PlanRow {
    const p = this.db.prepare('SELECT * FROM course_plans WHERE id = ?').get(planId) as PlanRow | undefined;
    if (!p) throw new AppError('NOT_FOUND', 'That plan no longer exists.');
    return p;
  }

  records(studentId: number): RecordRow[] {
    return this.db.prepare('SELECT * FROM course_records WHERE student_id = ? ORDER BY grade, term, id').all(studentId) as RecordRow[];
  }

  entries(planId: number): EntryRow[] {
    return this.db.prepare('SELECT * FROM plan_entries WHERE plan_id = ? ORDER BY grade, term, id').all(planId) as EntryRow[];
  }

  pgpRow(studentId: number): PgpRow | undefined {
    return this.db.prepare('SELECT * FROM pgp_records WHERE student_id = ?').get(studentId) as PgpRow | undefined;
  }

  /** The audit of one plan, with everything it needs loaded (exam results for the acknowledgments included). */
  auditOf(
    plan: PlanRow,
    records: readonly RecordRow[],
    pgp: PgpRow | undefined,
    grade = this.store.studentGrade(plan.student_id),
    exams: ExamScoreFacts = examScoreFacts(this.db, plan.student_id),
  ): { audit: AuditResult; rs: LoadedRuleSet } {
    const rs = this.store.ruleSet(plan.rule_set_ref);
    const catalog = this.store.preparedFor(rs);
    const audit = auditPlan(rs.def, catalog, auditEntries(records, this.entries(plan.id)), { ...auditOptions(plan, grade, pgp), examScores: exams });
    return { audit, rs };
  }

  private summary(p: PlanRow, status: AuditResult['status']): PlanSummary {
    return { id: p.id, name: p.name, kind: p.kind, program: p.program, endorsement: p.endorsement, basedOnPlanId: p.based_on_plan_id, status, updatedAt: p.updated_at };
  }

  private ruleSetBrief(rs: LoadedRuleSet): RuleSetBrief {
    return {
      ref: rs.ref,
      name: rs.def.name,
      template: rs.def.kind === 'template',
      uncertain: uncertainRules(rs.def),
      kindLabels: Object.fromEntries(Object.entries(rs.def.courseKinds).map(([k, v]) => [k, v.label])),
    };
  }

  private decisions(studentId: number): PlanDecisionView[] {
    const rows = this.db.prepare('SELECT * FROM plan_decisions WHERE student_id = ? ORDER BY recorded_at DESC, id DESC').all(studentId) as {
      id: number;
      plan_id: number | null;
      plan_name: string;
      previous_plan_id: number | null;
      agreed_by: string;
      decided_on: string;
      recorded_at: string;
      note: string | null;
      conference_id: number | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planName: r.plan_name,
      previousPlanId: r.previous_plan_id,
      agreedBy: parseJsonArray(r.agreed_by),
      decidedOn: r.decided_on,
      recordedAt: r.recorded_at,
      note: r.note,
      conferenceId: r.conference_id,
    }));
  }

  workspace(studentId: number, planId?: number): PlanWorkspace {
    const grade = this.store.studentGrade(studentId);
    const plans = this.plansOf(studentId);
    const records = this.records(studentId);
    const pgp = this.pgpRow(studentId);
    const exams = examScoreFacts(this.db, studentId);
    const selected = planId !== undefined ? plans.find((p) => p.id === planId) : plans.find((p) => p.kind === 'active');
    if (planId !== undefined && !selected) throw new AppError('NOT_FOUND', 'That plan no longer exists.');
    const summaries: PlanSummary[] = [];
    let view: PlanView | null = null;
    let audit: AuditResult | null = null;
    let brief: RuleSetBrief | null = null;
    for (const p of plans) {
      const r = this.auditOf(p, records, pgp, grade, exams);
      summaries.push(this.summary(p, r.audit.status));
      if (p === selected) {
        audit = r.audit;
        brief = this.ruleSetBrief(r.rs);
        const catalog = this.store.preparedFor(r.rs);
        view = {
          ...this.summary(p, r.audit.status),
          ruleSetRef: p.rule_set_ref,
          note: p.note,
          confirmations: parseJsonArray(p.confirmations),
          version: p.version,
          cells: [...records.map((x) => recordCell(x, catalog)), ...this.entries(p.id).map((e) => entryCell(e, catalog))],
        };
      }
    }
    return {
      studentId,
      gradeLevel: grade,
      currentSchoolYear: schoolYearOf(this.now()),
      plans: summaries,
      plan: view,
      audit,
      ruleSet: brief,
      decisions: this.decisions(studentId),
      pgp: pgp ? { endorsement: pgp.endorsement, signed: pgp.student_ack_date !== null && pgp.parent_ack_date !== null, foundationOnly: pgp.foundation_only === 1 } : null,
    };
  }

  // ---- changing a plan -------------------------------------------------------------------------

  /** Check the plan may change at this version, and bump it. Returns the plan as it was. */
  private bump(planId: number, version: number, options: { allowPrevious?: boolean } = {}): PlanRow {
    const p = this.plan(planId);
    if (p.kind === 'previous' && !options.allowPrevious) {
      throw new AppError('VALIDATION', 'A past version of the plan cannot be changed. Make a scenario from it instead.', { reason: 'previous-version' });
    }
    const r = this.db.prepare('UPDATE course_plans SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(this.now().toISOString(), planId, version);
    if (r.changes !== 1) throw new AppError('CONFLICT', 'This plan was changed since you opened it. Reload to see the latest before changing it.', { currentVersion: p.version });
    return p;
  }

  private audit(action: string, studentId: number, summary: string): void {
    recordAudit(this.db, this.now(), { action, entityType: 'student', entityId: studentId, summary });
  }

  start(input: z.output<typeof startPlanInput>): PlanWorkspace {
    const grade = this.store.studentGrade(input.studentId);
    const db = this.db;
    db.transaction(() => {
      if (this.plansOf(input.studentId).some((p) => p.kind === 'active')) throw new AppError('DUPLICATE', 'This student already has a plan.');
      const ref = input.ruleSetRef ?? DEFAULT_RULE_SET_REF;
      this.store.ruleSet(ref);
      const pgp = this.pgpRow(input.studentId);
      const program = input.program ?? (pgp?.foundation_only === 1 ? 'foundation' : 'endorsement');
      const endorsement = input.endorsement !== undefined ? input.endorsement : program === 'endorsement' ? (pgp?.endorsement ?? null) : null;
      const ts = this.now().toISOString();
      const name = createTranslator(this.locale())('courses.plan.defaultName');
      db.prepare(`INSERT INTO course_plans (student_id, name, kind, rule_set_ref, program, endorsement, confirmations, version, created_at, updated_at)
        VALUES (?, ?, 'active', ?, ?, ?, '[]', 1, ?, ?)`).run(input.studentId, name, ref, program, endorsement, ts, ts);
      this.audit('plan.start', input.studentId, `plan started (grade ${grade ?? 'unknown'})`);
    })();
    return this.workspace(input.studentId);
  }

  private requireCourse(code: string): void {
    if (!this.store.courseByCode(code)) {
      throw new AppError('NOT_FOUND', `"${code}" is not in the course catalog. Add it to the catalog first.`, { reason: 'course-not-in-catalog', code });
    }
  }

  addEntry(input: z.output<typeof addEntryInput>): PlanWorkspace {
    const db = this.db;
    const p = db.transaction(() => {
      this.requireCourse(input.code);
      const p = this.bump(input.planId, input.version);
      db.prepare('INSERT INTO plan_entries (plan_id, course_code, grade, term, status, waivers, created_at) VALUES (?, ?, ?, ?, ?, \'[]\', ?)').run(
        p.id, input.code, input.grade, input.term, input.status, this.now().toISOString(),
      );
      this.audit('plan.entry_add', p.student_id, `1 course added (${p.kind})`);
      return p;
    })();
    return this.workspace(p.student_id, p.id);
  }

  private entry(planId: number, entryId: number): EntryRow {
    const e = this.db.prepare('SELECT * FROM plan_entries WHERE id = ? AND plan_id = ?').get(entryId, planId) as EntryRow | undefined;
    if (!e) throw new AppError('NOT_FOUND', 'That course is no longer in this plan.');
    return e;
  }

  moveEntry(input: z.output<typeof moveEntryInput>): PlanWorkspace {
    const db = this.db;
    const p = db.transaction(() => {
      this.entry(input.planId, input.entryId);
      const p = this.bump(input.planId, input.version);
      db.prepare('UPDATE plan_entries SET grade = ?, term = ? WHERE id = ?').run(input.grade, input.term, input.entryId);
      this.audit('plan.entry_move', p.student_id, `1 course moved (${p.kind})`);
      return p;
    })();
    return this.workspace(p.student_id, p.id);
  }

  updateEntry(input: z.output<typeof updateEntryInput>): PlanWorkspace {
    const db = this.db;
    const p = db.transaction(() => {
      const e = this.entry(input.planId, input.entryId);
      const p = this.bump(input.planId, input.version);
      const c = input.changes;
      const changed: string[] = [];
      const next = { status: e.status, credits: e.credits, note: e.note, waivers: e.waivers };
      if (c.status !== undefined && c.status !== e.status) {
        next.status = c.status;
        changed.push('status');
      }
      if (c.credits !== undefined && c.credits !== e.credits) {
        next.credits = c.credits;
        changed.push('credits');
      }
      if (c.note !== undefined && (c.note || null) !== e.note) {
        next.note = c.note || null;
        changed.push('note');
      }
      if (c.waivers !== undefined && JSON.stringify(c.waivers) !== e.waivers) {
        next.waivers = JSON.stringify(c.waivers);
        changed.push('waivers');
      }
      db.prepare('UPDATE plan_entries SET status = ?, credits = ?, note = ?, waivers = ? WHERE id = ?').run(next.status, next.credits, next.note, next.waivers, e.id);
      this.audit('plan.entry_update', p.student_id, changed.join(',') || 'no change');
      return p;
    })();
    return this.workspace(p.student_id, p.id);
  }

  removeEntry(input: z.output<typeof removeEntryInput>): PlanWorkspace {
    const db = this.db;
    const p = db.transaction(() => {
      this.entry(input.planId, input.entryId);
      const p = this.bump(input.planId, input.version);
      db.prepare('DELETE FROM plan_entries WHERE id = ?').run(input.entryId);
      this.audit('plan.entry_remove', p.student_id, `1 course removed (${p.kind})`);
      return p;
    })();
    return this.workspace(p.student_id, p.id);
  }

  private requireFoundationPermission(studentId: number): void {
    if (this.pgpRow(studentId)?.foundation_only !== 1) {
      throw new AppError('VALIDATION', 'Graduating on the foundation program alone needs the parent’s written permission, recorded in the Personal Graduation Plan (after grade 10).', { reason: 'foundation-only-permission' });
    }
  }

  updatePlan(input: z.output<typeof updatePlanInput>): PlanWorkspace {
    const db = this.db;
    const p = db.transaction(() => {
      const before = this.plan(input.planId);
      const c = input.changes;
      if (c.ruleSetRef !== undefined) this.store.ruleSet(c.ruleSetRef);
      if (before.kind === 'active' && c.program === 'foundation' && before.program !== 'foundation') this.requireFoundationPermission(before.student_id);
      const p = this.bump(input.planId, input.version);
      const sets: string[] = [];
      const params: unknown[] = [];
      const changed: string[] = [];
      const set = (col: string, v: unknown, name: string) => {
        sets.push(`${col} = ?`);
        params.push(v);
        changed.push(name);
      };
      if (c.name !== undefined && c.name !== p.name) set('name', c.name, 'name');
      if (c.program !== undefined && c.program !== p.program) {
        set('program', c.program, 'program');
        if (c.program === 'foundation' && c.endorsement === undefined) set('endorsement', null, 'endorsement');
      }
      if (c.endorsement !== undefined && c.endorsement !== p.endorsement) set('endorsement', c.endorsement, 'endorsement');
      if (c.ruleSetRef !== undefined && c.ruleSetRef !== p.rule_set_ref) set('rule_set_ref', c.ruleSetRef, 'ruleSet');
      if (c.note !== undefined && (c.note || null) !== p.note) set('note', c.note || null, 'note');
      if (c.confirmations !== undefined && JSON.stringify([...c.confirmations].sort()) !== JSON.stringify(parseJsonArray<string>(p.confirmations).sort())) {
        set('confirmations', JSON.stringify([...new Set(c.confirmations)].sort()), 'confirmations');
      }
      if (sets.length) db.prepare(`UPDATE course_plans SET ${sets.join(', ')} WHERE id = ?`).run(...params, p.id);
      this.audit('plan.update', p.student_id, changed.join(',') || 'no change');
      return p;
    })();
    return this.workspace(p.student_id, p.id);
  }

  createScenario(input: z.output<typeof createScenarioInput>): PlanWorkspace {
    const db = this.db;
    const { studentId, id } = db.transaction(() => {
      const from = this.plan(input.fromPlanId);
      const ts = this.now().toISOString();
      const id = Number(
        db
          .prepare(`INSERT INTO course_plans (student_id, name, kind, based_on_plan_id, rule_set_ref, program, endorsement, confirmations, note, version, created_at, updated_at)
            VALUES (?, ?, 'scenario', ?, ?, ?, ?, ?, NULL, 1, ?, ?)`)
          .run(from.student_id, input.name, from.id, from.rule_set_ref, from.program, from.endorsement, from.confirmations, ts, ts).lastInsertRowid,
      );
      db.prepare(`INSERT INTO plan_entries (plan_id, course_code, grade, term, status, credits, waivers, note, created_at)
        SELECT ?, course_code, grade, term, status, credits, waivers, note, ? FROM plan_entries WHERE plan_id = ? ORDER BY id`).run(id, ts, from.id);
      this.audit('plan.scenario_create', from.student_id, 'scenario created');
      return { studentId: from.student_id, id };
    })();
    return this.workspace(studentId, id);
  }

  deleteScenario(planId: number, version: number): PlanWorkspace {
    const db = this.db;
    const studentId = db.transaction(() => {
      const p = this.plan(planId);
      if (p.kind !== 'scenario') throw new AppError('VALIDATION', p.kind === 'active' ? 'The active plan cannot be deleted.' : 'Past versions are kept as the plan’s history.', { reason: p.kind });
      if (p.version !== version) throw new AppError('CONFLICT', 'This scenario was changed since you opened it.', { currentVersion: p.version });
      db.prepare('DELETE FROM course_plans WHERE id = ?').run(planId);
      this.audit('plan.scenario_delete', p.student_id, 'scenario deleted');
      return p.student_id;
    })();
    return this.workspace(studentId);
  }

  /** Snapshots for the comparison: each plan's cells and audit. The first plan given is the base. */
  snapshots(studentId: number, planIds: readonly number[]): { plan: PlanRow; snapshot: ScenarioSnapshot; cells: PlanView['cells'] }[] {
    const grade = this.store.studentGrade(studentId);
    const records = this.records(studentId);
    const pgp = this.pgpRow(studentId);
    const exams = examScoreFacts(this.db, studentId);
    const seen = new Set<number>();
    return planIds.map((id) => {
      if (seen.has(id)) throw new AppError('VALIDATION', 'Choose different plans to compare.');
      seen.add(id);
      const plan = this.plan(id);
      if (plan.student_id !== studentId) throw new AppError('NOT_FOUND', 'That plan no longer exists.');
      const { audit, rs } = this.auditOf(plan, records, pgp, grade, exams);
      const catalog = this.store.preparedFor(rs);
      const cells = [...records.map((x) => recordCell(x, catalog)), ...this.entries(plan.id).map((e) => entryCell(e, catalog))];
      return {
        plan,
        cells,
        snapshot: {
          id: plan.id,
          name: plan.name,
          audit,
          courses: cells.map((c) => ({ entryId: c.id, code: c.code, title: c.title, grade: c.grade, term: c.term, status: c.status, credits: c.credits })),
        },
      };
    });
  }

  compare(studentId: number, planIds: readonly number[]): PlanComparisonView {
    const snaps = this.snapshots(studentId, planIds);
    const titleOf = (code: string) => this.store.courseByCode(code)?.title ?? null;
    return {
      scenarios: snaps.map((s) => ({ id: s.plan.id, name: s.plan.name, version: s.plan.version, kind: s.plan.kind, program: s.plan.program, endorsement: s.plan.endorsement, cells: s.cells, audit: s.snapshot.audit })),
      comparison: compareScenarios(snaps.map((s) => s.snapshot), titleOf),
    };
  }

  choose(input: z.output<typeof chooseInput>): PlanWorkspace {
    const p = this.db.transaction(() => {
      const chosen = this.plan(input.planId);
      if (chosen.kind === 'active') throw new AppError('VALIDATION', 'This is already the active plan.', { reason: 'already-active' });
      return this.makeActive(chosen, input.version, { agreedBy: input.agreedBy, decidedOn: input.decidedOn, note: input.note || null, conferenceId: null });
    })();
    return this.workspace(p.student_id, p.id);
  }

  /**
   * A plan chosen in a conference: the same effect as "Choose this plan" (the scenario becomes
   * the active plan, who agreed and when is recorded), with the conference it was agreed in.
   * Conference mode calls it inside the transaction that ends the conference, so a refusal
   * (foundation-only without permission, a plan that no longer exists) ends nothing.
   * Choosing the plan that is already active records the agreement and changes no plan.
   */
  chooseInConference(input: { studentId: number; planId: number; agreedBy: { name: string; role: AgreedRole }[]; decidedOn: string; conferenceId: number }): void {
    this.db.transaction(() => {
      const chosen = this.db.prepare('SELECT * FROM course_plans WHERE id = ?').get(input.planId) as PlanRow | undefined;
      if (!chosen || chosen.student_id !== input.studentId) {
        throw new AppError('VALIDATION', 'A plan chosen in this conference no longer exists. Edit that decision before ending the conference.', { reason: 'chosen-plan-missing' });
      }
      if (input.agreedBy.length === 0) {
        throw new AppError('VALIDATION', `Record who agreed to the plan “${chosen.name}” before ending the conference.`, { reason: 'choice-needs-agreement' });
      }
      const origin = { agreedBy: input.agreedBy, decidedOn: input.decidedOn, note: null, conferenceId: input.conferenceId };
      if (chosen.kind !== 'active') {
        this.makeActive(chosen, chosen.version, origin);
        return;
      }
      this.insertDecision(chosen, null, origin);
      this.audit('plan.confirm', chosen.student_id, `active plan confirmed in a conference; agreed by ${input.agreedBy.length} (${[...new Set(input.agreedBy.map((a) => a.role))].join(',')})`);
    })();
  }

  private insertDecision(p: PlanRow, previousId: number | null, o: { agreedBy: { name: string; role: AgreedRole }[]; decidedOn: string; note: string | null; conferenceId: number | null }): void {
    this.db
      .prepare(`INSERT INTO plan_decisions (student_id, plan_id, previous_plan_id, plan_name, agreed_by, decided_on, recorded_at, note, conference_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(p.student_id, p.id, previousId, p.name, JSON.stringify(o.agreedBy), o.decidedOn, this.now().toISOString(), o.note, o.conferenceId);
  }

  /** The chosen plan becomes active, the active one becomes a past version, and the decision is recorded. */
  private makeActive(chosen: PlanRow, version: number, o: { agreedBy: { name: string; role: AgreedRole }[]; decidedOn: string; note: string | null; conferenceId: number | null }): PlanRow {
    const db = this.db;
    if (chosen.program === 'foundation') this.requireFoundationPermission(chosen.student_id);
    const p = this.bump(chosen.id, version, { allowPrevious: true });
    const previous = this.plansOf(p.student_id).find((x) => x.kind === 'active');
    const ts = this.now().toISOString();
    if (previous) db.prepare(`UPDATE course_plans SET kind = 'previous', version = version + 1, updated_at = ? WHERE id = ?`).run(ts, previous.id);
    db.prepare(`UPDATE course_plans SET kind = 'active' WHERE id = ?`).run(p.id);
    this.insertDecision(p, previous?.id ?? null, o);
    this.audit('plan.choose', p.student_id, `scenario made active${o.conferenceId ? ' in a conference' : ''}; agreed by ${o.agreedBy.length} (${[...new Set(o.agreedBy.map((a) => a.role))].join(',')})`);
    return p;
  }

  // ---- transcript rows entered by hand -------------------------------------------------------

  private checkRecord(f: z.output<typeof recordFields>): void {
    if (!this.store.courseByCode(f.code) && !f.title) {
      throw new AppError('VALIDATION', `"${f.code}" is not in the catalog: give the course title as the transcript shows it.`, { field: 'title', reason: 'title-required' });
    }
    if (f.status === 'completed' && f.credits === null) throw new AppError('VALIDATION', 'A completed course needs the credits earned (0 if none).', { field: 'credits', reason: 'credits-required' });
  }

  private duplicateRecord(err: unknown): never {
    if (err instanceof Error && /UNIQUE constraint failed: .*course_records/.test(err.message)) {
      throw new AppError('DUPLICATE', 'The transcript already has this course for that grade, term and year.');
    }
    throw err;
  }

  addRecord(input: z.output<typeof addRecordInput>): PlanWorkspace {
    this.store.studentGrade(input.studentId);
    this.checkRecord(input.fields);
    const f = input.fields;
    const ts = this.now().toISOString();
    try {
      this.db.prepare(`INSERT INTO course_records (student_id, course_code, title, grade, term, school_year, status, mark, credits, credit_source, source, version, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', 1, ?, ?)`).run(input.studentId, f.code, f.title, f.grade, f.term, f.schoolYear, f.status, f.mark, f.credits, f.creditSource, ts, ts);
    } catch (err) {
      this.duplicateRecord(err);
    }
    this.audit('transcript.record_add', input.studentId, '1 course record added');
    return this.workspace(input.studentId, input.planId);
  }

  private record(recordId: number, version: number): RecordRow {
    const r = this.db.prepare('SELECT * FROM course_records WHERE id = ?').get(recordId) as RecordRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'That transcript record no longer exists.');
    if (r.version !== version) throw new AppError('CONFLICT', 'This transcript record was changed since you opened it.', { currentVersion: r.version });
    return r;
  }

  updateRecord(input: z.output<typeof updateRecordInput>): PlanWorkspace {
    const r = this.record(input.recordId, input.version);
    this.checkRecord(input.fields);
    const f = input.fields;
    try {
      this.db.prepare(`UPDATE course_records SET course_code=?, title=?, grade=?, term=?, school_year=?, status=?, mark=?, credits=?, credit_source=?, source='manual',
        version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(f.code, f.title, f.grade, f.term, f.schoolYear, f.status, f.mark, f.credits, f.creditSource, this.now().toISOString(), r.id, r.version);
    } catch (err) {
      this.duplicateRecord(err);
    }
    this.audit('transcript.record_update', r.student_id, '1 course record changed');
    return this.workspace(r.student_id, input.planId);
  }

  removeRecord(recordId: number, version: number, planId?: number): PlanWorkspace {
    const r = this.record(recordId, version);
    this.db.prepare('DELETE FROM course_records WHERE id = ?').run(r.id);
    this.audit('transcript.record_delete', r.student_id, '1 course record deleted');
    return this.workspace(r.student_id, planId);
  }
}
