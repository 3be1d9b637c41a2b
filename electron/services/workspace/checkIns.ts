import type { z } from 'zod';
import type { GoalCheckIn, createCheckInInput, updateCheckInInput } from '../../../shared/ipc/contract';
import type { versioned } from '../../../shared/ipc/contract/workspaceCommon';
import { changedKeys, fieldError, notFound, requireVersion, WorkspaceServiceBase } from './support';
import { CHECK_IN_COLUMNS, toCheckIn, type CheckInRow } from './rows';

const EDITABLE = ['checkedOn', 'rating', 'evidence'] as const;

/** Progress check-ins on a goal: a date, a 1–5 rating and the evidence behind it. */
export class GoalCheckInsService extends WorkspaceServiceBase {
  get(id: number): GoalCheckIn {
    const row = this.db.prepare(`SELECT ${CHECK_IN_COLUMNS} FROM goal_check_ins c WHERE c.id = ?`).get(id) as CheckInRow | undefined;
    return row ? toCheckIn(row) : notFound('check-in');
  }

  /** A check-in records what happened: it cannot be dated in the future. */
  private requireNotFuture(date: string | undefined): void {
    if (date && date > this.today()) throw fieldError('checkedOn', 'A check-in cannot be dated in the future');
  }

  create(input: z.output<typeof createCheckInInput>): GoalCheckIn {
    this.requireNotFuture(input.checkedOn);
    const db = this.db;
    const id = db.transaction(() => {
      if (!db.prepare('SELECT 1 FROM goals WHERE id = ?').get(input.goalId)) notFound('goal');
      const ts = this.timestamp();
      const id = Number(
        db
          .prepare('INSERT INTO goal_check_ins (goal_id, checked_on, rating, evidence, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
          .run(input.goalId, input.checkedOn, input.rating, input.evidence, ts, ts).lastInsertRowid,
      );
      this.audit({ action: 'goal_check_in.create', entityType: 'goal_check_in', entityId: id });
      return id;
    })();
    return this.get(id);
  }

  update(input: z.output<typeof updateCheckInInput>): GoalCheckIn {
    this.requireNotFuture(input.changes.checkedOn);
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'check-in');
      const changed = changedKeys(current, input.changes, EDITABLE);
      if (changed.length === 0) return;
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, input.changes[k]])) } as GoalCheckIn;
      db.prepare('UPDATE goal_check_ins SET checked_on = ?, rating = ?, evidence = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(
        next.checkedOn, next.rating, next.evidence, this.timestamp(), input.id, input.version,
      );
      this.audit({ action: 'goal_check_in.update', entityType: 'goal_check_in', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id);
  }

  remove(input: z.output<typeof versioned>): void {
    const db = this.db;
    db.transaction(() => {
      requireVersion(this.get(input.id), input.version, 'check-in');
      db.prepare('DELETE FROM goal_check_ins WHERE id = ?').run(input.id);
      this.audit({ action: 'goal_check_in.delete', entityType: 'goal_check_in', entityId: input.id });
    })();
  }
}
