import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { uncertainRules, type Localized, type RuleSetDefinition } from '../../../shared/domain/graduation/ruleSet';
import { SHIPPED_RULE_SET_IDS } from '../../../shared/domain/graduation/shipped';
import type { copyRuleSetInput, RuleSetSummary, RuleSetView, updateRuleSetInput } from '../../../shared/ipc/contract/courses';
import { recordAudit } from '../../vault/auditLog';
import type { CourseStore, LoadedRuleSet } from './store';

/**
 * Rule sets: the shipped ones (read-only resources) and the counselor's copies in the vault,
 * which the rule-set editor changes. An edited copy is validated with the same schema as the
 * shipped files, so an audit never runs on a malformed rule set.
 */
export class RuleSetService {
  constructor(
    private readonly store: CourseStore,
    private readonly now: () => Date,
  ) {}

  private get db() {
    return this.store.db;
  }

  private usage(): Map<string, number> {
    const rows = this.db.prepare('SELECT rule_set_ref AS ref, count(*) AS n FROM course_plans GROUP BY rule_set_ref').all() as { ref: string; n: number }[];
    return new Map(rows.map((r) => [r.ref, r.n]));
  }

  private summary(rs: LoadedRuleSet, usage: Map<string, number>): RuleSetSummary {
    return {
      ref: rs.ref,
      kind: rs.kind,
      name: rs.def.name,
      jurisdiction: rs.def.jurisdiction,
      version: rs.def.version,
      template: rs.def.kind === 'template',
      basedOn: rs.basedOn,
      uncertainCount: uncertainRules(rs.def).length,
      usedBy: usage.get(rs.ref) ?? 0,
      editVersion: rs.editVersion,
      updatedAt: rs.updatedAt,
    };
  }

  list(): RuleSetSummary[] {
    const usage = this.usage();
    const shipped = SHIPPED_RULE_SET_IDS.map((id) => this.summary(this.store.ruleSet(`shipped:${id}`), usage));
    const ids = (this.db.prepare('SELECT id FROM rule_sets ORDER BY name, id').all() as { id: number }[]).map((r) => r.id);
    return [...shipped, ...ids.map((id) => this.summary(this.store.ruleSet(`vault:${id}`), usage))];
  }

  get(ref: string): RuleSetView {
    const rs = this.store.ruleSet(ref);
    return { ...this.summary(rs, this.usage()), definition: rs.def, uncertain: uncertainRules(rs.def), sources: rs.def.sources };
  }

  copy(input: z.output<typeof copyRuleSetInput>): RuleSetView {
    const from = this.store.ruleSet(input.ref);
    const name: Localized = input.name ?? {
      en: `${from.def.name.en} (copy)`,
      es: `${from.def.name.es} (copia)`,
    };
    const def: RuleSetDefinition = { ...structuredClone(from.def), name, kind: from.def.kind === 'state' ? 'local' : from.def.kind };
    const ts = this.now().toISOString();
    const id = Number(
      this.db
        .prepare('INSERT INTO rule_sets (name, based_on, definition, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
        .run(name.en, from.kind === 'shipped' ? `${from.def.id}@${from.def.version}` : from.basedOn, JSON.stringify(def), ts, ts).lastInsertRowid,
    );
    recordAudit(this.db, this.now(), { action: 'ruleset.copy', entityType: 'rule_set', entityId: id });
    return this.get(`vault:${id}`);
  }

  update(input: z.output<typeof updateRuleSetInput>): RuleSetView {
    const db = this.db;
    db.transaction(() => {
      const row = db.prepare('SELECT version FROM rule_sets WHERE id = ?').get(input.id) as { version: number } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'That rule set was deleted.');
      if (row.version !== input.version) throw new AppError('CONFLICT', 'This rule set was changed since you opened it. Reload it before saving.', { currentVersion: row.version });
      db.prepare('UPDATE rule_sets SET name = ?, definition = ?, version = version + 1, updated_at = ? WHERE id = ?').run(input.definition.name.en, JSON.stringify(input.definition), this.now().toISOString(), input.id);
      recordAudit(db, this.now(), { action: 'ruleset.update', entityType: 'rule_set', entityId: input.id });
    })();
    this.store.clear();
    return this.get(`vault:${input.id}`);
  }

  remove(id: number, version: number): null {
    const db = this.db;
    db.transaction(() => {
      const row = db.prepare('SELECT version FROM rule_sets WHERE id = ?').get(id) as { version: number } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'That rule set was deleted.');
      if (row.version !== version) throw new AppError('CONFLICT', 'This rule set was changed since you opened it.', { currentVersion: row.version });
      const used = this.usage().get(`vault:${id}`) ?? 0;
      if (used > 0) throw new AppError('VALIDATION', `${used} plans use this rule set; move them to another rule set first.`, { reason: 'in-use', uses: used });
      db.prepare('DELETE FROM rule_sets WHERE id = ?').run(id);
      recordAudit(db, this.now(), { action: 'ruleset.delete', entityType: 'rule_set', entityId: id });
    })();
    this.store.clear();
    return null;
  }
}
