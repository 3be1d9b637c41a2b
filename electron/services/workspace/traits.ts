import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import type { GoalTraitLink, Trait, createTraitInput, setLinkInput, updateTraitInput } from '../../../shared/ipc/contract';
import type { versioned } from '../../../shared/ipc/contract/workspaceCommon';
import { defaultTraitVisibility } from '../../../shared/domain/workspace/vocabulary';
import { changedKeys, notFound, requireVersion, WorkspaceServiceBase } from './support';
import { loadTraits } from './rows';

const EDITABLE = ['kind', 'statement', 'source', 'sourceNote', 'visibility'] as const;

/** Strengths and weaknesses of a student, each linked to the goals it helps or hinders. */
export class TraitsService extends WorkspaceServiceBase {
  get(id: number): Trait {
    return loadTraits(this.db, 't.id = ?', [id])[0] ?? notFound('strength or weakness');
  }

  /** Links only join a goal and a trait of the same student. */
  private requireSameStudent(goalId: number, studentId: number): void {
    const goal = this.db.prepare('SELECT student_id FROM goals WHERE id = ?').get(goalId) as { student_id: number } | undefined;
    if (!goal) notFound('goal');
    if (goal.student_id !== studentId) throw new AppError('VALIDATION', 'That goal belongs to another student.');
  }

  private writeLink(goalId: number, traitId: number, effect: string, ts: string): void {
    this.db
      .prepare(`INSERT INTO goal_trait_links (goal_id, trait_id, effect, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (goal_id, trait_id) DO UPDATE SET effect = excluded.effect`)
      .run(goalId, traitId, effect, ts);
  }

  create(input: z.output<typeof createTraitInput>): Trait {
    const db = this.db;
    const id = db.transaction(() => {
      this.requireStudent(input.studentId);
      const ts = this.timestamp();
      const id = Number(
        db
          .prepare('INSERT INTO traits (student_id, kind, statement, source, source_note, visibility, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)')
          .run(input.studentId, input.kind, input.statement, input.source, input.sourceNote, input.visibility ?? defaultTraitVisibility(input.kind), ts, ts).lastInsertRowid,
      );
      for (const l of input.links) {
        this.requireSameStudent(l.goalId, input.studentId);
        this.writeLink(l.goalId, id, l.effect, ts);
      }
      this.audit({ action: 'trait.create', entityType: 'trait', entityId: id, summary: input.links.length ? `${input.links.length} links` : undefined });
      return id;
    })();
    return this.get(id);
  }

  update(input: z.output<typeof updateTraitInput>): Trait {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'strength or weakness');
      const changed = changedKeys(current, input.changes, EDITABLE);
      if (changed.length === 0) return;
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, input.changes[k]])) } as Trait;
      db.prepare('UPDATE traits SET kind = ?, statement = ?, source = ?, source_note = ?, visibility = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(
        next.kind, next.statement, next.source, next.sourceNote, next.visibility, this.timestamp(), input.id, input.version,
      );
      this.audit({ action: 'trait.update', entityType: 'trait', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id);
  }

  remove(input: z.output<typeof versioned>): void {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'strength or weakness');
      db.prepare('DELETE FROM traits WHERE id = ?').run(input.id);
      this.audit({ action: 'trait.delete', entityType: 'trait', entityId: input.id, summary: `${current.links.length} links removed` });
    })();
  }

  /** Sets how a trait bears on a goal (helps / hinders) or removes the link (null). Idempotent. */
  link(input: z.output<typeof setLinkInput>): GoalTraitLink | null {
    const db = this.db;
    return db.transaction(() => {
      const trait = this.get(input.traitId);
      this.requireSameStudent(input.goalId, trait.studentId);
      const existing = trait.links.find((l) => l.goalId === input.goalId);
      if (input.effect === null) {
        if (!existing) return null;
        db.prepare('DELETE FROM goal_trait_links WHERE goal_id = ? AND trait_id = ?').run(input.goalId, input.traitId);
        this.audit({ action: 'goal_trait_link.delete', entityType: 'trait', entityId: input.traitId, summary: `goal ${input.goalId}` });
        return null;
      }
      if (existing?.effect !== input.effect) {
        this.writeLink(input.goalId, input.traitId, input.effect, this.timestamp());
        this.audit({ action: existing ? 'goal_trait_link.update' : 'goal_trait_link.create', entityType: 'trait', entityId: input.traitId, summary: `goal ${input.goalId}` });
      }
      return { goalId: input.goalId, traitId: input.traitId, effect: input.effect };
    })();
  }
}
