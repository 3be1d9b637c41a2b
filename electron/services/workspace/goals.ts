import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import type { Goal, StudentPlan, createGoalInput, planInput, updateGoalInput } from '../../../shared/ipc/contract';
import type { versioned } from '../../../shared/ipc/contract/workspaceCommon';
import { defaultGoalVisibility } from '../../../shared/domain/workspace/vocabulary';
import { changedKeys, notFound, requireVersion, WorkspaceServiceBase } from './support';
import { loadGoals, loadTraits } from './rows';

type CreateInput = z.output<typeof createGoalInput>;
type UpdateInput = z.output<typeof updateGoalInput>;
type Versioned = z.output<typeof versioned>;

const EDITABLE = ['domain', 'horizon', 'statement', 'basedOn', 'basedOnNote', 'successMeasure', 'targetDate', 'status', 'ascaCodes', 'visibility'] as const;

/** Goals in three domains and three horizons, with their tags; the Plan tab's read model. */
export class GoalsService extends WorkspaceServiceBase {
  plan(input: z.output<typeof planInput>): StudentPlan {
    this.requireStudent(input.studentId);
    const goals = loadGoals(this.db, input.includeArchived ? 'g.student_id = ?' : 'g.student_id = ? AND g.archived_at IS NULL', [input.studentId]);
    const traits = loadTraits(this.db, 't.student_id = ?', [input.studentId]);
    const archived = (this.db.prepare('SELECT count(*) AS n FROM goals WHERE student_id = ? AND archived_at IS NOT NULL').get(input.studentId) as { n: number }).n;
    return { studentId: input.studentId, goals, traits, archivedGoalCount: input.includeArchived ? 0 : archived };
  }

  get(id: number): Goal {
    return loadGoals(this.db, 'g.id = ?', [id])[0] ?? notFound('goal');
  }

  create(input: CreateInput): Goal {
    const db = this.db;
    const id = db.transaction(() => {
      this.requireStudent(input.studentId);
      const ts = this.timestamp();
      const id = Number(
        db
          .prepare(`INSERT INTO goals (student_id, domain, horizon, statement, based_on, based_on_note, success_measure, target_date, status,
            visibility, template_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
          .run(
            input.studentId, input.domain, input.horizon, input.statement, JSON.stringify(input.basedOn ?? []), input.basedOnNote,
            input.successMeasure, input.targetDate, input.status ?? 'not-started', input.visibility ?? defaultGoalVisibility(input.domain),
            input.templateId, ts, ts,
          ).lastInsertRowid,
      );
      this.writeCodes(id, input.ascaCodes ?? []);
      const step = db.prepare(`INSERT INTO goal_steps (goal_id, text, owner, due_date, done, position, version, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, 1, ?, ?)`);
      input.steps.forEach((s, i) => step.run(id, s.text, s.owner, s.dueDate, i + 1, ts, ts));
      const parts = [input.templateId ? 'from template' : null, input.steps.length ? `${input.steps.length} steps` : null].filter(Boolean);
      this.audit({ action: 'goal.create', entityType: 'goal', entityId: id, summary: parts.join(', ') || undefined });
      return id;
    })();
    return this.get(id);
  }

  update(input: UpdateInput): Goal {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'goal');
      const changed = changedKeys(current, input.changes, EDITABLE);
      if (changed.length === 0) return;
      const next = { ...current };
      for (const key of changed) (next as Record<string, unknown>)[key] = input.changes[key];
      db.prepare(`UPDATE goals SET domain = ?, horizon = ?, statement = ?, based_on = ?, based_on_note = ?, success_measure = ?, target_date = ?,
        status = ?, visibility = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(
        next.domain, next.horizon, next.statement, JSON.stringify(next.basedOn), next.basedOnNote, next.successMeasure, next.targetDate,
        next.status, next.visibility, this.timestamp(), input.id, input.version,
      );
      if (changed.includes('ascaCodes')) {
        db.prepare('DELETE FROM goal_standards WHERE goal_id = ?').run(input.id);
        this.writeCodes(input.id, next.ascaCodes);
      }
      this.audit({ action: 'goal.update', entityType: 'goal', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id);
  }

  setArchived(input: Versioned, archived: boolean): Goal {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'goal');
      if ((current.archivedAt !== null) === archived) return;
      const ts = this.timestamp();
      db.prepare('UPDATE goals SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ?').run(archived ? ts : null, ts, input.id);
      this.audit({ action: archived ? 'goal.archive' : 'goal.restore', entityType: 'goal', entityId: input.id });
    })();
    return this.get(input.id);
  }

  /** Hard delete: steps, check-ins, tags and links go with it; decisions keep their text but lose the link. */
  remove(input: Versioned): void {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'goal');
      const result = db.prepare('DELETE FROM goals WHERE id = ? AND version = ?').run(input.id, input.version);
      if (result.changes !== 1) throw new AppError('CONFLICT', 'This goal was changed since you opened it.');
      this.audit({
        action: 'goal.delete',
        entityType: 'goal',
        entityId: input.id,
        summary: `${current.steps.length} steps, ${current.checkIns.length} check-ins, ${current.links.length} links removed`,
      });
    })();
  }

  private writeCodes(goalId: number, codes: string[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO goal_standards (goal_id, code) VALUES (?, ?)');
    for (const code of codes) insert.run(goalId, code);
  }
}
