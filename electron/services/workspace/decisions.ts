import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import type { Decision, createDecisionInput, updateDecisionInput } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import type { byStudent, versioned } from '../../../shared/ipc/contract/workspaceCommon';
import type { Decider } from '../../../shared/domain/workspace/vocabulary';
import { changedKeys, notFound, parseJsonArray, requireVersion, WorkspaceServiceBase } from './support';
import { decisionsRecordedElsewhere } from './linkedDecisions';
import type { LinkedDecision } from '../../../shared/ipc/contract/decisions';

export interface DecisionRow {
  id: number;
  student_id: number;
  decided_on: string;
  decision: string;
  options: string;
  rationale: string | null;
  deciders: string;
  goal_id: number | null;
  visibility: NoteVisibility;
  version: number;
  created_at: string;
  updated_at: string;
}

export const DECISION_COLUMNS = 'd.id, d.student_id, d.decided_on, d.decision, d.options, d.rationale, d.deciders, d.goal_id, d.visibility, d.version, d.created_at, d.updated_at';

export function toDecision(r: DecisionRow): Decision {
  return {
    id: r.id,
    studentId: r.student_id,
    decidedOn: r.decided_on,
    decision: r.decision,
    options: parseJsonArray<string>(r.options),
    rationale: r.rationale,
    deciders: parseJsonArray<Decider>(r.deciders),
    goalId: r.goal_id,
    visibility: r.visibility,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const EDITABLE = ['decidedOn', 'decision', 'options', 'rationale', 'deciders', 'goalId', 'visibility'] as const;

/** The decisions log: what was decided, the options weighed, why, and who decided. */
export class DecisionsService extends WorkspaceServiceBase {
  get(id: number): Decision {
    const row = this.db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id = ?`).get(id) as DecisionRow | undefined;
    return row ? toDecision(row) : notFound('decision');
  }

  /** Newest decision first. */
  list(input: z.output<typeof byStudent>): Decision[] {
    this.requireStudent(input.studentId);
    return (this.db.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.student_id = ? ORDER BY d.decided_on DESC, d.id DESC`).all(input.studentId) as DecisionRow[]).map(toDecision);
  }

  /** Decisions held by conferences and course plans, for the same log (see linkedDecisions.ts). */
  linked(input: z.output<typeof byStudent>): LinkedDecision[] {
    this.requireStudent(input.studentId);
    return decisionsRecordedElsewhere(this.db, input.studentId);
  }

  private requireGoalOf(studentId: number, goalId: number | null | undefined): void {
    if (goalId == null) return;
    const goal = this.db.prepare('SELECT student_id FROM goals WHERE id = ?').get(goalId) as { student_id: number } | undefined;
    if (!goal) notFound('goal');
    if (goal.student_id !== studentId) throw new AppError('VALIDATION', 'That goal belongs to another student.');
  }

  create(input: z.output<typeof createDecisionInput>): Decision {
    const db = this.db;
    const id = db.transaction(() => {
      this.requireStudent(input.studentId);
      this.requireGoalOf(input.studentId, input.goalId);
      const ts = this.timestamp();
      const id = Number(
        db
          .prepare(`INSERT INTO decisions (student_id, decided_on, decision, options, rationale, deciders, goal_id, visibility, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
          .run(input.studentId, input.decidedOn, input.decision, JSON.stringify(input.options), input.rationale, JSON.stringify(input.deciders), input.goalId ?? null, input.visibility, ts, ts)
          .lastInsertRowid,
      );
      this.audit({ action: 'decision.create', entityType: 'decision', entityId: id });
      return id;
    })();
    return this.get(id);
  }

  update(input: z.output<typeof updateDecisionInput>): Decision {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'decision');
      const changed = changedKeys(current, input.changes, EDITABLE);
      if (changed.length === 0) return;
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, input.changes[k]])) } as Decision;
      if (changed.includes('goalId')) this.requireGoalOf(current.studentId, next.goalId);
      db.prepare(`UPDATE decisions SET decided_on = ?, decision = ?, options = ?, rationale = ?, deciders = ?, goal_id = ?, visibility = ?,
        version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(
        next.decidedOn, next.decision, JSON.stringify(next.options), next.rationale, JSON.stringify(next.deciders), next.goalId, next.visibility,
        this.timestamp(), input.id, input.version,
      );
      this.audit({ action: 'decision.update', entityType: 'decision', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id);
  }

  remove(input: z.output<typeof versioned>): void {
    const db = this.db;
    db.transaction(() => {
      requireVersion(this.get(input.id), input.version, 'decision');
      db.prepare('DELETE FROM decisions WHERE id = ?').run(input.id);
      this.audit({ action: 'decision.delete', entityType: 'decision', entityId: input.id });
    })();
  }
}
