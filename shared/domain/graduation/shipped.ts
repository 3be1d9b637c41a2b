import texas from '../../../resources/graduation/texas-fhsp.json';
import template from '../../../resources/graduation/generic-template.json';
import { ruleSetDefinition, type RuleSetDefinition } from './ruleSet';

/**
 * Rule sets shipped with the app (resources/graduation/). They are read-only: a counselor
 * edits a copy stored in the vault. Parsed once with the same schema the editor uses, so a
 * malformed file fails loudly in tests rather than quietly in an audit.
 */
export const SHIPPED_RULE_SET_IDS = ['texas-fhsp', 'generic-template'] as const;
export type ShippedRuleSetId = (typeof SHIPPED_RULE_SET_IDS)[number];

let cache: Map<string, RuleSetDefinition> | null = null;

export function shippedRuleSets(): ReadonlyMap<string, RuleSetDefinition> {
  if (!cache) {
    cache = new Map();
    for (const raw of [texas, template]) {
      const def = ruleSetDefinition.parse(raw);
      cache.set(def.id, def);
    }
  }
  return cache;
}

export function shippedRuleSet(id: string): RuleSetDefinition | null {
  return shippedRuleSets().get(id) ?? null;
}

/** The rule set a new plan uses unless the counselor picks another. */
export const DEFAULT_RULE_SET_REF = 'shipped:texas-fhsp';
