import type { AuditEntry } from './audit';
import type { EntryStatus, PlanGrade, Term } from './vocabulary';

/**
 * Compact plans for tests and benchmarks: "09 ENG1 c" is English I completed in grade 9
 * (full year). Terms: "09:fall GOVT p". Statuses: c completed, i in progress, r requested,
 * p planned. Credits earned default to the catalog's credits for completed courses.
 */
const STATUS: Record<string, EntryStatus> = { c: 'completed', i: 'in-progress', r: 'requested', p: 'planned' };

export function entry(spec: string, extra: Partial<AuditEntry> = {}, credits: (code: string) => number | null = () => 1): AuditEntry {
  const [when, code, s] = spec.trim().split(/\s+/);
  const [grade, term = 'year'] = when.split(':');
  const status = STATUS[s ?? 'p'];
  return {
    id: `${code}@${grade}:${term}`,
    code,
    grade: grade as PlanGrade,
    term: term as Term,
    status,
    credits: status === 'completed' ? credits(code) : null,
    ...extra,
  };
}

export function plan(specs: string[], credits: (code: string) => number | null): AuditEntry[] {
  return specs.map((s) => entry(s, {}, credits));
}

/** A complete 26-credit STEM plan for a student now in grade 11 (grades 9–10 done, 11 under way). */
export const FULL_PLAN: string[] = [
  '09 ENG1 c', '09 ALG1 c', '09 BIO c', '09 WGEO c', '09 SPAN1 c', '09 PEFIT c', '09 ART1 c', '09:fall COMMAPP c', '09:spring HEALTH c',
  '10 ENG2 c', '10 GEOM c', '10 CHEM c', '10 WHIST c', '10 SPAN2 c', '10 CS1 c', '10:fall PSYCH c', '10:spring SOC c',
  '11 ENG3 i', '11 ALG2 i', '11 PHYS i', '11 USHIST i', '11 CS2 i', '11 ATH i',
  '12 ENG4 p', '12 PRECAL p', '12 ENVSYS p', '12:fall GOVT p', '12:spring ECON p', '12 STAT p',
];
