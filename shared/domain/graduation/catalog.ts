import type { GradeLevel } from '../gradeLevels';
import type { CourseFilter, RuleSetDefinition } from './ruleSet';
import { languageFromTitle, normalizeLanguage, type CourseFlag, type EndorsementCode, type SubjectArea } from './vocabulary';

/**
 * A catalog course as the audit sees it, and the rule-set-specific facts derived from it
 * once per catalog (kinds from titles and tags, cluster codes, prerequisite closure), so
 * that auditing one plan is only set lookups.
 */
export interface CatalogCourse {
  /** Exactly as the district writes it: "0700" is not 700. */
  code: string;
  title: string;
  /** Null when the source did not say; such a course counts for nothing until it is set. */
  credits: number | null;
  subject: SubjectArea;
  gradeLevels: GradeLevel[];
  /** All groups must be met; within a group any one course is enough ("ALG-1|ALG-1H"). */
  prerequisites: string[][];
  flags: CourseFlag[];
  endorsements: EndorsementCode[];
  /** Rule-set course kinds set by hand ("algebra-2"); "!kind" removes a kind read from the title. */
  tags: string[];
  /** CTE career cluster, or the fine-arts discipline. */
  cluster: string | null;
  language: string | null;
  /** Courses with the same content: only one of them earns credit. */
  equivalents: string[];
  /** May be taken again for more credit (e.g. athletics, choir). */
  repeatable: boolean;
  /** College semester hours, for dual-credit courses. */
  collegeHours: number | null;
  /** False for elementary/middle-school courses that carry no high-school credit. */
  highSchoolCredit: boolean;
}

export interface CourseFacts {
  code: string;
  title: string;
  credits: number | null;
  subject: SubjectArea;
  kinds: ReadonlySet<string>;
  flags: ReadonlySet<CourseFlag>;
  cluster: string | null;
  /** LOTE language group; null when neither the catalog nor the title says. */
  language: string | null;
  /** Equivalence group key: every equivalent course maps to the same key. */
  group: string;
  repeatable: boolean;
  collegeHours: number | null;
  highSchoolCredit: boolean;
  prerequisites: string[][];
  /** Kinds of every course reachable through prerequisites (for "has Algebra II as a prerequisite"). */
  prerequisiteKinds: ReadonlySet<string>;
  endorsements: readonly EndorsementCode[];
  gradeLevels: readonly GradeLevel[];
}

export interface PreparedCatalog {
  ruleSetId: string;
  byCode: ReadonlyMap<string, CourseFacts>;
  /** Filter → matching codes, memoized by filter object identity. */
  matches(filter: CourseFilter): ReadonlySet<string>;
}

const ROMAN: Record<string, string> = { '1': 'i', '2': 'ii', '3': 'iii', '4': 'iv', '5': 'v', '6': 'vi' };

/** Title as compared with rule phrases: accents folded, punctuation to spaces, "1" → "i", "U.S." → "us". */
export function normalizeTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bu\.\s*s\.?(?=\s|$)/g, 'us')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => ROMAN[w] ?? w);
  return words.join(' ');
}

/** Phrase match on whole words; "=phrase" must be the whole title. */
export function titleMatches(normalizedTitle: string, phrase: string): boolean {
  if (phrase.startsWith('=')) return normalizedTitle === normalizeTitle(phrase.slice(1));
  const p = normalizeTitle(phrase);
  if (p === '') return false;
  return normalizedTitle === p || normalizedTitle.startsWith(`${p} `) || normalizedTitle.endsWith(` ${p}`) || normalizedTitle.includes(` ${p} `);
}

/** Cluster text ("Health Science", "Arts, A/V Technology & Communications") → rule-set cluster code. */
export function clusterCode(def: RuleSetDefinition, raw: string | null): string | null {
  if (!raw) return null;
  const n = normalizeTitle(raw);
  for (const [code, c] of Object.entries(def.clusters)) {
    if (normalizeTitle(code) === n || c.aliases.some((a) => normalizeTitle(a) === n) || normalizeTitle(c.label.en) === n || normalizeTitle(c.label.es) === n) return code;
  }
  return n.replace(/ /g, '-');
}

/** Kinds a course has under a rule set: from its title and subject, plus tags, minus "!kind" tags. */
export function courseKinds(def: RuleSetDefinition, course: Pick<CatalogCourse, 'title' | 'subject' | 'tags'>): Set<string> {
  const title = normalizeTitle(course.title);
  const kinds = new Set<string>();
  for (const [id, k] of Object.entries(def.courseKinds)) {
    if (k.subjects && !k.subjects.includes(course.subject)) continue;
    if (!k.titles.some((p) => titleMatches(title, p))) continue;
    if (k.excludeTitles?.some((p) => titleMatches(title, p))) continue;
    kinds.add(id);
  }
  for (const tag of course.tags) {
    if (tag.startsWith('!')) kinds.delete(tag.slice(1));
    else kinds.add(tag);
  }
  return kinds;
}

/** Union-find over equivalences, so "A ≡ B" and "B ≡ C" put A, B and C in one group. */
function equivalenceGroups(courses: readonly CatalogCourse[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const c of courses) if (!parent.has(c.code)) parent.set(c.code, c.code);
  for (const c of courses) {
    for (const e of c.equivalents) {
      if (!parent.has(e)) parent.set(e, e);
      const a = find(c.code);
      const b = find(e);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const out = new Map<string, string>();
  for (const k of parent.keys()) out.set(k, find(k));
  return out;
}

function matchesFilter(f: CourseFilter, c: CourseFacts): boolean {
  if (!c.highSchoolCredit) return false;
  const hasWhat = (f.kinds?.length ?? 0) > 0 || (f.subjects?.length ?? 0) > 0;
  if (hasWhat) {
    const byKind = f.kinds?.some((k) => c.kinds.has(k)) ?? false;
    const bySubject = f.subjects?.includes(c.subject) ?? false;
    if (!byKind && !bySubject) return false;
  }
  if (f.excludeKinds?.some((k) => c.kinds.has(k))) return false;
  if (f.flags?.some((fl) => !c.flags.has(fl))) return false;
  if (f.anyFlags && !f.anyFlags.some((fl) => c.flags.has(fl))) return false;
  if (f.clusters && (!c.cluster || !f.clusters.includes(c.cluster))) return false;
  if (f.prerequisiteKind && !c.prerequisiteKinds.has(f.prerequisiteKind)) return false;
  return true;
}

export function courseMatches(f: CourseFilter, c: CourseFacts): boolean {
  return matchesFilter(f, c);
}

/** Facts for every catalog course under one rule set. Build once per catalog and rule set. */
export function prepareCatalog(def: RuleSetDefinition, courses: readonly CatalogCourse[]): PreparedCatalog {
  const groups = equivalenceGroups(courses);
  const byCode = new Map<string, CourseFacts>();
  const direct = new Map<string, Set<string>>();
  for (const c of courses) {
    const kinds = courseKinds(def, c);
    direct.set(c.code, kinds);
    byCode.set(c.code, {
      code: c.code,
      title: c.title,
      credits: c.credits,
      subject: c.subject,
      kinds,
      flags: new Set(c.flags),
      cluster: clusterCode(def, c.cluster),
      language: c.subject === 'lote' || kinds.has('asl') ? (normalizeLanguage(c.language) ?? languageFromTitle(c.title)) : null,
      group: groups.get(c.code) ?? c.code,
      repeatable: c.repeatable,
      collegeHours: c.collegeHours,
      highSchoolCredit: c.highSchoolCredit,
      prerequisites: c.prerequisites,
      prerequisiteKinds: new Set<string>(),
      endorsements: c.endorsements,
      gradeLevels: c.gradeLevels,
    });
  }
  // Prerequisite closure (the catalog is acyclic — imports and edits refuse cycles — but be safe).
  const closure = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const kindsUpstream = (code: string): Set<string> => {
    const hit = closure.get(code);
    if (hit) return hit;
    const out = new Set<string>();
    if (visiting.has(code)) return out;
    visiting.add(code);
    for (const group of byCode.get(code)?.prerequisites ?? []) {
      for (const p of group) {
        for (const k of direct.get(p) ?? []) out.add(k);
        for (const k of kindsUpstream(p)) out.add(k);
      }
    }
    visiting.delete(code);
    closure.set(code, out);
    return out;
  };
  for (const [code, facts] of byCode) (facts as { prerequisiteKinds: ReadonlySet<string> }).prerequisiteKinds = kindsUpstream(code);

  const memo = new WeakMap<CourseFilter, Set<string>>();
  return {
    ruleSetId: def.id,
    byCode,
    matches(filter) {
      let hit = memo.get(filter);
      if (!hit) {
        hit = new Set<string>();
        for (const [code, facts] of byCode) if (matchesFilter(filter, facts)) hit.add(code);
        memo.set(filter, hit);
      }
      return hit;
    },
  };
}
