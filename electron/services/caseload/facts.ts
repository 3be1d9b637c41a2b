import { addDays, parseISO } from 'date-fns';
import { localIsoDate } from '../../../shared/domain/dates';
import type { CaseloadFacts } from '../../../shared/ipc/contract/students';

/** A condition on `students s`, with its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** What a fact filter needs besides its value: the clock, for "today" and "the last N days". */
export interface FactContext {
  now: Date;
}

/**
 * The SQL behind each caseload "fact" filter — facts other concerns' tables hold: a course
 * plan (course plans), goals (plan workspace), the last conference and open follow-ups
 * (conference mode). One entry per key of `caseloadFacts`; the mapped type makes a key
 * without SQL a type error, so no filter can exist that does nothing. Plans and goals are
 * indexed lookups per student; conference facts are sets built once per query from the
 * conference indexes (by status; action items by done and due date).
 *
 * Dates: conference times are stored in UTC; a day the counselor picks is their local day,
 * so its boundary is local midnight turned into UTC here, in the main process.
 */
export type FactFilters = { [K in keyof CaseloadFacts]-?: (value: NonNullable<CaseloadFacts[K]>, ctx: FactContext) => SqlCondition };

/**
 * Students whose last conference held (in progress or ended) passes `test`, as one set built
 * once per query (SQLite materializes `IN (SELECT …)`), rather than a lookup per student.
 */
const lastConferenceIs = (test: string, param: string): SqlCondition => ({
  sql: `s.id IN (SELECT c.student_id FROM conferences c WHERE c.status IN ('in_progress','ended') GROUP BY c.student_id HAVING max(c.started_at) ${test} ?)`,
  params: [param],
});

/** Local midnight at the start of a YYYY-MM-DD day, as the UTC ISO text conference times are stored in. */
function startOfLocalDay(date: string): string {
  return parseISO(date).toISOString();
}

const exists = (yes: boolean, sql: string): SqlCondition => ({ sql: `${yes ? '' : 'NOT '}EXISTS (${sql})`, params: [] });

export const FACT_FILTERS: FactFilters = {
  hasCoursePlan: (v) => exists(v, `SELECT 1 FROM course_plans p WHERE p.student_id = s.id AND p.kind = 'active'`),
  hasGoals: (v) => exists(v, `SELECT 1 FROM goals g WHERE g.student_id = s.id AND g.archived_at IS NULL`),
  lastConference: (v, { now }) => {
    switch (v.when) {
      case 'never':
        return { sql: `s.id NOT IN (SELECT c.student_id FROM conferences c WHERE c.status IN ('in_progress','ended'))`, params: [] };
      case 'before':
        return lastConferenceIs('<', startOfLocalDay(v.date));
      case 'onOrAfter':
        return lastConferenceIs('>=', startOfLocalDay(v.date));
      case 'within':
        // "The last 30 days": from local midnight 30 days ago, today included.
        return lastConferenceIs('>=', startOfLocalDay(localIsoDate(addDays(now, -v.days))));
    }
  },
  // Open action items by due date, across the caseload (index on done, due_date), as one set.
  followUps: (v, { now }) => ({
    sql: `s.id IN (SELECT a.student_id FROM conference_action_items a JOIN conferences c ON c.id = a.conference_id
      WHERE a.done = 0 AND a.due_date ${v.due === 'overdue' ? '<' : '<='} ? AND c.status IN ('in_progress','ended'))`,
    params: [v.due === 'overdue' ? localIsoDate(now) : v.date],
  }),
};

export function factConditions(facts: CaseloadFacts, ctx: FactContext): SqlCondition[] {
  const out: SqlCondition[] = [];
  for (const [key, value] of Object.entries(facts) as [keyof CaseloadFacts, unknown][]) {
    if (value === undefined || value === null) continue;
    const build = FACT_FILTERS[key] as ((v: unknown, c: FactContext) => SqlCondition) | undefined;
    if (build) out.push(build(value, ctx));
  }
  return out;
}
