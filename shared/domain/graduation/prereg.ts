import type { GradeLevel } from '../gradeLevels';
import type { PreparedCatalog } from './catalog';
import { endPoint, type EntryStatus, type PlanGrade, type Term } from './vocabulary';

/**
 * Conflicts in next year's course requests: a prerequisite not completed (or scheduled)
 * before next year and not waived, a request against a teacher's placement recommendation,
 * a course already earned, a code not in the catalog, or a course not offered in the
 * student's grade next year.
 */
export interface Attempt {
  code: string;
  status: EntryStatus;
  credits: number | null;
  grade: PlanGrade;
  term: Term;
}

export interface RequestToCheck {
  id: number;
  code: string;
  waivedPrerequisites: readonly string[];
}

export interface Recommendation {
  code: string;
  teacher: string;
  recommendation: 'recommended' | 'not-recommended';
}

export type RequestConflict =
  | { kind: 'missing-prerequisite'; code: string; params: { prerequisites: string; reason: 'missing' | 'failed' | 'same-year' } }
  | { kind: 'against-recommendation'; code: string; params: { teacher: string } }
  | { kind: 'already-earned'; code: string; params: Record<string, never> }
  | { kind: 'not-in-catalog'; code: string; params: Record<string, never> }
  | { kind: 'not-offered-for-grade'; code: string; params: { grade: string } };

export function requestConflicts(
  catalog: PreparedCatalog,
  attempts: readonly Attempt[],
  requests: readonly RequestToCheck[],
  recommendations: readonly Recommendation[],
  nextGrade: GradeLevel | null,
  gradeLevelsOf: (code: string) => readonly GradeLevel[],
): Map<number, RequestConflict[]> {
  const groupOf = (code: string) => catalog.byCode.get(code)?.group ?? `?${code}`;
  const yearStart = nextGrade && /^\d+$/.test(nextGrade) ? Number(nextGrade) * 10 : Infinity;
  const done = new Set<string>();
  const failed = new Set<string>();
  const before = new Set<string>();
  for (const a of attempts) {
    const g = groupOf(a.code);
    if (a.status === 'completed') {
      if ((a.credits ?? 0) > 0) done.add(g);
      else failed.add(g);
    }
    if (a.status === 'in-progress' || ((a.status === 'planned' || a.status === 'requested') && endPoint(a.grade, a.term) < yearStart)) before.add(g);
  }
  const requested = new Set(requests.map((r) => groupOf(r.code)));
  const out = new Map<number, RequestConflict[]>();
  for (const r of requests) {
    const list: RequestConflict[] = [];
    const facts = catalog.byCode.get(r.code);
    if (!facts) list.push({ kind: 'not-in-catalog', code: r.code, params: {} });
    else {
      const waived = new Set(r.waivedPrerequisites);
      for (const group of facts.prerequisites) {
        if (group.some((c) => waived.has(c))) continue;
        const groups = group.map(groupOf);
        if (groups.some((g) => done.has(g) || before.has(g))) continue;
        const reason = groups.some((g) => requested.has(g)) ? 'same-year' : groups.some((g) => failed.has(g)) ? 'failed' : 'missing';
        list.push({ kind: 'missing-prerequisite', code: r.code, params: { prerequisites: group.map((c) => catalog.byCode.get(c)?.title ?? c).join(' / '), reason } });
      }
      if (!facts.repeatable && done.has(facts.group)) list.push({ kind: 'already-earned', code: r.code, params: {} });
      const grades = gradeLevelsOf(r.code);
      if (nextGrade && grades.length > 0 && !grades.includes(nextGrade)) list.push({ kind: 'not-offered-for-grade', code: r.code, params: { grade: nextGrade } });
    }
    for (const rec of recommendations) {
      if (rec.recommendation === 'not-recommended' && groupOf(rec.code) === groupOf(r.code)) list.push({ kind: 'against-recommendation', code: r.code, params: { teacher: rec.teacher } });
    }
    out.set(r.id, list);
  }
  return out;
}
