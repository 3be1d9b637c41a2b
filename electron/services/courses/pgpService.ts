import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import type { PgpFields, PgpView, savePgpInput } from '../../../shared/ipc/contract/coursePlans';
import { recordAudit } from '../../vault/auditLog';
import type { PgpRow } from './planData';
import type { CourseStore } from './store';

/**
 * The Texas Personal Graduation Plan record (TEC 28.02121, 19 TAC 74.13): the endorsement
 * chosen in writing on entering grade 9, the student's and parent's acknowledgement with
 * dates, and — only after grade 10, after the counselor has advised them — the parent's
 * written permission for the foundation program without an endorsement. Each change of
 * endorsement, acknowledgement or permission is kept as an event (dates and codes only).
 */

const COLUMNS: [keyof PgpFields, keyof PgpRow][] = [
  ['enteredGrade9Year', 'entered_grade9_year'],
  ['endorsement', 'endorsement'],
  ['endorsementChosenOn', 'endorsement_chosen_on'],
  ['postsecondaryGoal', 'postsecondary_goal'],
  ['dlaIntended', 'dla_intended'],
  ['reviewedBy', 'reviewed_by'],
  ['reviewedOn', 'reviewed_on'],
  ['studentAckName', 'student_ack_name'],
  ['studentAckDate', 'student_ack_date'],
  ['parentAckName', 'parent_ack_name'],
  ['parentAckDate', 'parent_ack_date'],
  ['foundationOnly', 'foundation_only'],
  ['foundationOnlyAdvisedOn', 'foundation_only_advised_on'],
  ['foundationOnlyParentName', 'foundation_only_parent_name'],
  ['foundationOnlyPermissionDate', 'foundation_only_permission_date'],
];

const BOOLEAN = new Set<keyof PgpFields>(['dlaIntended', 'foundationOnly']);

export const EMPTY_PGP: PgpFields = {
  enteredGrade9Year: null,
  endorsement: null,
  endorsementChosenOn: null,
  postsecondaryGoal: null,
  dlaIntended: false,
  reviewedBy: null,
  reviewedOn: null,
  studentAckName: null,
  studentAckDate: null,
  parentAckName: null,
  parentAckDate: null,
  foundationOnly: false,
  foundationOnlyAdvisedOn: null,
  foundationOnlyParentName: null,
  foundationOnlyPermissionDate: null,
};

function fieldsOf(r: PgpRow | undefined): PgpFields {
  if (!r) return { ...EMPTY_PGP };
  const f = { ...EMPTY_PGP } as Record<string, unknown>;
  for (const [k, col] of COLUMNS) f[k] = BOOLEAN.has(k) ? r[col] === 1 : r[col];
  return f as PgpFields;
}

/** Foundation-only is open to a student who has finished grade 10. */
export function foundationOnlyAllowed(grade: string | null): boolean {
  return grade !== null && /^\d+$/.test(grade) && Number(grade) >= 11;
}

export class PgpService {
  constructor(
    private readonly store: CourseStore,
    private readonly now: () => Date,
  ) {}

  private get db() {
    return this.store.db;
  }

  get(studentId: number): PgpView {
    const grade = this.store.studentGrade(studentId);
    const row = this.db.prepare('SELECT * FROM pgp_records WHERE student_id = ?').get(studentId) as PgpRow | undefined;
    const events = this.db.prepare('SELECT kind, detail, on_date, recorded_at FROM pgp_events WHERE student_id = ? ORDER BY recorded_at DESC, id DESC').all(studentId) as {
      kind: string;
      detail: string;
      on_date: string | null;
      recorded_at: string;
    }[];
    const plan = this.db.prepare(`SELECT endorsement FROM course_plans WHERE student_id = ? AND kind = 'active'`).get(studentId) as { endorsement: string | null } | undefined;
    const fields = fieldsOf(row);
    return {
      studentId,
      gradeLevel: grade,
      fields,
      version: row?.version ?? null,
      signed: fields.studentAckDate !== null && fields.parentAckDate !== null,
      foundationOnlyAllowed: foundationOnlyAllowed(grade),
      events: events.map((e) => ({ kind: e.kind, detail: JSON.parse(e.detail) as Record<string, string | null>, onDate: e.on_date, recordedAt: e.recorded_at })),
      // Only once a PGP is on record: before that there is nothing to disagree with.
      planEndorsement: row && plan && plan.endorsement !== fields.endorsement ? (plan.endorsement as PgpView['planEndorsement']) : null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  private validate(f: PgpFields, grade: string | null): void {
    const fail = (field: keyof PgpFields, reason: string, message: string): never => {
      throw new AppError('VALIDATION', message, { field, reason, issues: [{ path: ['fields', field], message, code: reason }] });
    };
    if (f.endorsement && !f.endorsementChosenOn) fail('endorsementChosenOn', 'chosen-on-required', 'Record the date the endorsement was chosen in writing.');
    if (f.studentAckName && !f.studentAckDate) fail('studentAckDate', 'date-required', 'Record the date the student acknowledged the plan.');
    if (f.studentAckDate && !f.studentAckName) fail('studentAckName', 'name-required', 'Record who acknowledged the plan for the student.');
    if (f.parentAckName && !f.parentAckDate) fail('parentAckDate', 'date-required', 'Record the date the parent acknowledged the plan.');
    if (f.parentAckDate && !f.parentAckName) fail('parentAckName', 'name-required', 'Record which parent or guardian acknowledged the plan.');
    if (f.foundationOnly) {
      if (!foundationOnlyAllowed(grade)) fail('foundationOnly', 'too-early', 'The foundation program without an endorsement can be chosen only after grade 10.');
      if (f.endorsement) fail('endorsement', 'endorsement-with-foundation-only', 'Foundation only means no endorsement: clear the endorsement first.');
      if (!f.foundationOnlyAdvisedOn) fail('foundationOnlyAdvisedOn', 'advised-required', 'Record when the counselor advised the student and parent of the benefits of an endorsement.');
      if (!f.foundationOnlyParentName) fail('foundationOnlyParentName', 'parent-required', 'Record the parent who gave written permission.');
      if (!f.foundationOnlyPermissionDate) fail('foundationOnlyPermissionDate', 'permission-date-required', 'Record the date of the parent’s written permission.');
      if (f.foundationOnlyAdvisedOn && f.foundationOnlyPermissionDate && f.foundationOnlyPermissionDate < f.foundationOnlyAdvisedOn) {
        fail('foundationOnlyPermissionDate', 'permission-before-advice', 'The parent’s permission must come after the counselor’s advice.');
      }
    }
  }

  save(input: z.output<typeof savePgpInput>): PgpView {
    const grade = this.store.studentGrade(input.studentId);
    const f = input.fields;
    this.validate(f, grade);
    const db = this.db;
    db.transaction(() => {
      const row = db.prepare('SELECT * FROM pgp_records WHERE student_id = ?').get(input.studentId) as PgpRow | undefined;
      const ts = this.now().toISOString();
      if ((row?.version ?? null) !== input.version) {
        throw new AppError('CONFLICT', 'This Personal Graduation Plan was changed since you opened it. Reload it before saving.', { currentVersion: row?.version ?? null });
      }
      const before = fieldsOf(row);
      const values = COLUMNS.map(([k]) => (BOOLEAN.has(k) ? (f[k] ? 1 : 0) : f[k]));
      if (!row) {
        db.prepare(`INSERT INTO pgp_records (student_id, ${COLUMNS.map(([, c]) => c).join(', ')}, version, created_at, updated_at) VALUES (?, ${COLUMNS.map(() => '?').join(', ')}, 1, ?, ?)`).run(
          input.studentId, ...values, ts, ts,
        );
      } else {
        db.prepare(`UPDATE pgp_records SET ${COLUMNS.map(([, c]) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE student_id = ? AND version = ?`).run(
          ...values, ts, input.studentId, row.version,
        );
      }
      const event = (kind: string, detail: Record<string, string | null>, onDate: string | null) =>
        db.prepare('INSERT INTO pgp_events (student_id, kind, detail, on_date, recorded_at) VALUES (?, ?, ?, ?, ?)').run(input.studentId, kind, JSON.stringify(detail), onDate, ts);
      if (before.endorsement !== f.endorsement) event(before.endorsement ? 'endorsement-changed' : 'endorsement-chosen', { from: before.endorsement, to: f.endorsement }, f.endorsementChosenOn);
      if (before.studentAckDate !== f.studentAckDate && f.studentAckDate) event('student-acknowledged', {}, f.studentAckDate);
      if (before.parentAckDate !== f.parentAckDate && f.parentAckDate) event('parent-acknowledged', {}, f.parentAckDate);
      if (!before.foundationOnly && f.foundationOnly) event('foundation-only-permission', {}, f.foundationOnlyPermissionDate);
      if (before.foundationOnly && !f.foundationOnly) event('foundation-only-withdrawn', {}, null);
      const changed = COLUMNS.filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(f[k])).map(([k]) => k);
      recordAudit(db, this.now(), { action: 'pgp.update', entityType: 'student', entityId: input.studentId, summary: changed.join(',') || 'no change' });
    })();
    return this.get(input.studentId);
  }
}

