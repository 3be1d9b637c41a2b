import type { z } from 'zod';
import type { GoalStep, createStepInput, updateStepInput } from '../../../shared/ipc/contract';
import type { versioned } from '../../../shared/ipc/contract/workspaceCommon';
import { changedKeys, notFound, requireVersion, WorkspaceServiceBase } from './support';
import { STEP_COLUMNS, toStep, type StepRow } from './rows';

const EDITABLE = ['text', 'owner', 'dueDate', 'done'] as const;

/** Action steps of a goal: who does what by when, and whether it is done. */
export class GoalStepsService extends WorkspaceServiceBase {
  get(id: number): GoalStep {
    const row = this.db.prepare(`SELECT ${STEP_COLUMNS} FROM goal_steps s WHERE s.id = ?`).get(id) as StepRow | undefined;
    return row ? toStep(row) : notFound('step');
  }

  private requireGoal(goalId: number): void {
    if (!this.db.prepare('SELECT 1 FROM goals WHERE id = ?').get(goalId)) notFound('goal');
  }

  create(input: z.output<typeof createStepInput>): GoalStep {
    const db = this.db;
    const id = db.transaction(() => {
      this.requireGoal(input.goalId);
      const ts = this.timestamp();
      const { p } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM goal_steps WHERE goal_id = ?').get(input.goalId) as { p: number };
      const id = Number(
        db
          .prepare('INSERT INTO goal_steps (goal_id, text, owner, due_date, done, position, version, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, 1, ?, ?)')
          .run(input.goalId, input.text, input.owner, input.dueDate, p, ts, ts).lastInsertRowid,
      );
      this.audit({ action: 'goal_step.create', entityType: 'goal_step', entityId: id });
      return id;
    })();
    return this.get(id);
  }

  update(input: z.output<typeof updateStepInput>): GoalStep {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'step');
      const changed = changedKeys(current, input.changes, EDITABLE);
      if (changed.length === 0) return;
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, input.changes[k]])) } as GoalStep;
      // The day it was ticked off is kept; unticking clears it.
      const doneOn = changed.includes('done') ? (next.done ? this.today() : null) : current.doneOn;
      db.prepare('UPDATE goal_steps SET text = ?, owner = ?, due_date = ?, done = ?, done_on = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(
        next.text, next.owner, next.dueDate, next.done ? 1 : 0, doneOn, this.timestamp(), input.id, input.version,
      );
      this.audit({ action: 'goal_step.update', entityType: 'goal_step', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id);
  }

  remove(input: z.output<typeof versioned>): void {
    const db = this.db;
    db.transaction(() => {
      requireVersion(this.get(input.id), input.version, 'step');
      db.prepare('DELETE FROM goal_steps WHERE id = ?').run(input.id);
      this.audit({ action: 'goal_step.delete', entityType: 'goal_step', entityId: input.id });
    })();
  }
}
