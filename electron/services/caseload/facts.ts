import type { CaseloadFacts } from '../../../shared/ipc/contract/students';

/** A condition on `students s`, with its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The SQL behind each caseload "fact" filter (facts that other concerns' tables hold: has a
 * plan, last conference date, follow-ups due). One entry per key of `caseloadFacts`; the
 * mapped type makes a key without SQL a type error, so no filter can exist that does nothing.
 * Example, once the plan workspace is merged:
 *   hasPlan: (v) => ({ sql: `${v ? '' : 'NOT '}EXISTS (SELECT 1 FROM goals g WHERE g.student_id = s.id)`, params: [] })
 */
export type FactFilters = { [K in keyof CaseloadFacts]-?: (value: NonNullable<CaseloadFacts[K]>) => SqlCondition };

export const FACT_FILTERS: FactFilters = {};

export function factConditions(facts: CaseloadFacts): SqlCondition[] {
  const out: SqlCondition[] = [];
  for (const [key, value] of Object.entries(facts) as [keyof CaseloadFacts, unknown][]) {
    if (value === undefined || value === null) continue;
    const build = FACT_FILTERS[key] as ((v: unknown) => SqlCondition) | undefined;
    if (build) out.push(build(value));
  }
  return out;
}
