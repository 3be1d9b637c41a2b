import type { GradeLevel } from '../gradeLevels';
import { allocate, levelOf, RANK_COMPLETED, RANK_IN_PROGRESS, RANK_PLANNED, type AllocUnit, type LeafSpec, type Level, type OptionSpec } from './allocate';
import { courseMatches, type CourseFacts, type PreparedCatalog } from './catalog';
import type { CourseFilter, Endorsement, Localized, Requirement, RuleMeta, RuleSetDefinition } from './ruleSet';
import { endPoint, startPoint, type CreditSource, type EndorsementCode, type EntryStatus, type PlanGrade, type Term } from './vocabulary';
import { examAcknowledgment, type ExamEvidence, type ExamScoreFacts } from './examAcknowledgments';

/**
 * The graduation audit: pure, table-tested, fast enough for a caseload report (one plan in
 * well under a millisecond). What it guarantees:
 *  - each course counts once: a repeat or an equivalent course earns credit once (unless the
 *    catalog marks it repeatable), and a course planned again after it was earned is flagged;
 *  - within the graduation program one course meets one requirement; endorsement options
 *    may reuse courses (19 TAC 74.13(g)) but never twice inside one option;
 *  - credit by examination earns credit but never counts where a rule needs the course taken;
 *  - a recorded prerequisite waiver is honoured.
 */

export interface AuditEntry {
  /** Stable id the result refers back to ("r12" for a transcript record, "e34" for a plan entry). */
  id: string;
  code: string;
  /** Shown when the course is not in the catalog. */
  title?: string | null;
  grade: PlanGrade;
  term: Term;
  status: EntryStatus;
  /** Credits earned (completed courses; 0 = no credit) or an override of the catalog's credits. */
  credits?: number | null;
  mark?: string | null;
  creditSource?: CreditSource;
  /** Prerequisite codes a counselor waived for this entry. */
  waivedPrerequisites?: readonly string[];
}

export interface PgpStatus {
  endorsementChosen: boolean;
  signed: boolean;
  foundationOnlyPermitted: boolean;
}

export interface AuditOptions {
  program: 'foundation' | 'endorsement';
  endorsement: EndorsementCode | null;
  currentGrade: GradeLevel | null;
  /** What the counselor confirmed by hand: "check:speech", "option:stem:stem-combined", "pa:ap-ib". */
  confirmations?: readonly string[];
  pgp?: PgpStatus | null;
  /** 'summary' evaluates only the chosen endorsement and no acknowledgments (caseload reports). */
  detail?: 'full' | 'summary';
  /**
   * The student's stored exam results, for the AP/IB and PSAT/SAT/ACT acknowledgments. Left
   * out, those stay "needs test or certification records" (the audit does not guess).
   */
  examScores?: ExamScoreFacts | null;
}

export interface CreditTally {
  required: number;
  earned: number;
  inProgress: number;
  planned: number;
  missing: number;
}

export interface RuleFlag {
  uncertain: boolean;
  note: Localized | null;
  sources: string[];
  confidence: RuleMeta['confidence'] | null;
}

export interface RequirementResult extends CreditTally, RuleFlag {
  id: string;
  label: Localized;
  level: Level;
  entryIds: string[];
  /** Which way of meeting it the audit used, when there are several. */
  optionLabel: Localized | null;
  /** "Must include" parts still missing (English IV, Chemistry …). */
  missingParts: Localized[];
}

export interface AreaResult extends CreditTally, RuleFlag {
  code: string;
  label: Localized;
  level: Level;
  requirements: RequirementResult[];
}

export interface CheckResult extends RuleFlag {
  id: string;
  label: Localized;
  level: Level | 'confirmed';
  entryIds: string[];
}

export interface OptionResult extends RuleFlag {
  id: string;
  label: Localized;
  manual: boolean;
  level: Level | 'confirmed' | 'needs-review';
  progress: number;
  requirements: RequirementResult[];
}

export interface EndorsementResult extends RuleFlag {
  code: EndorsementCode;
  label: Localized;
  chosen: boolean;
  /** The endorsement's own courses. */
  coursesLevel: Level;
  /** Courses and the 26-credit program together. */
  level: Level;
  progress: number;
  base: RequirementResult[];
  options: OptionResult[];
  bestOption: string | null;
}

export type DlaGap = 'foundation-only' | 'program' | 'math-credits' | 'algebra-2' | 'science-credits' | 'endorsement';
export interface DlaResult extends RuleFlag {
  label: Localized;
  description: Localized;
  applicable: boolean;
  level: Level;
  gaps: DlaGap[];
}

export type AckStatus = 'met' | 'planned' | 'not-met' | 'needs-review' | 'not-computable' | 'confirmed';
export interface AckResult extends RuleFlag {
  code: string;
  label: Localized;
  description: Localized;
  method: string;
  status: AckStatus;
  params: Record<string, number>;
  /** For acknowledgments met on an exam: the result that meets it. */
  evidence?: ExamEvidence | null;
}

export type EntryReason = 'duplicate' | 'already-earned' | 'failed' | 'no-high-school-credit' | 'credits-unknown';
export interface EntryResult {
  id: string;
  code: string;
  counted: boolean;
  reason: EntryReason | null;
  /** The entry that earns the credit instead (for duplicates and repeats). */
  duplicateOf: string | null;
  /** Graduation-program requirement this entry is used for. */
  requirementId: string | null;
  credits: number;
  inCatalog: boolean;
}

export interface PrerequisiteIssue {
  entryId: string;
  code: string;
  /** The unmet group: any one of these would do. */
  missing: string[];
  kind: 'missing' | 'too-late' | 'failed';
}

export type ParamValue = string | number | Localized;
export interface Reason {
  code:
    | 'requirement-missing'
    | 'check-missing'
    | 'credits-short'
    | 'behind-credits'
    | 'prerequisite-missing'
    | 'endorsement-not-met'
    | 'no-endorsement'
    | 'pgp-not-signed'
    | 'foundation-only-no-permission'
    | 'failed-not-retaken'
    | 'overloaded-year'
    | 'not-in-catalog'
    | 'credits-unknown'
    | 'language-assumed'
    | 'duplicate'
    | 'already-earned';
  params: Record<string, ParamValue>;
}

export interface AuditResult {
  ruleSetId: string;
  program: 'foundation' | 'endorsement';
  endorsement: EndorsementCode | null;
  programLabel: Localized;
  /** Whether the graduation program is met, and by which horizon. */
  level: Level;
  totals: CreditTally;
  areas: AreaResult[];
  checks: CheckResult[];
  endorsements: EndorsementResult[];
  dla: DlaResult | null;
  acknowledgments: AckResult[];
  entries: EntryResult[];
  prerequisites: PrerequisiteIssue[];
  status: 'on-track' | 'at-risk';
  /** Why the student is at risk, most important first. */
  reasons: Reason[];
  /** Things to look at that do not by themselves put the student at risk. */
  warnings: Reason[];
}

const EPS = 1e-9;
const REASON_ORDER: Reason['code'][] = [
  'failed-not-retaken',
  'behind-credits',
  'prerequisite-missing',
  'foundation-only-no-permission',
  'pgp-not-signed',
  'no-endorsement',
  'endorsement-not-met',
  'credits-short',
  'check-missing',
  'requirement-missing',
];
const rankOf: Record<EntryStatus, number> = { completed: RANK_COMPLETED, 'in-progress': RANK_IN_PROGRESS, requested: RANK_PLANNED, planned: RANK_PLANNED };

interface Unit extends AllocUnit {
  entry: AuditEntry;
  facts: CourseFacts;
  inCatalog: boolean;
  exam: boolean;
  markValue: number | null;
}

const flagCache = new WeakMap<RuleMeta, RuleFlag>();
function flagOf(meta: RuleMeta): RuleFlag {
  let f = flagCache.get(meta);
  if (!f) {
    f = { uncertain: meta.uncertain === true, note: meta.note ?? null, sources: meta.sources, confidence: meta.confidence ?? null };
    flagCache.set(meta, f);
  }
  return f;
}
const NONE: readonly number[] = [];
const catchAllCache = new WeakMap<Requirement, boolean>();
function isCatchAll(r: Requirement): boolean {
  let v = catchAllCache.get(r);
  if (v === undefined) {
    v = r.options.every((o) => !o.filter.kinds?.length && !o.filter.subjects?.length && !o.filter.flags?.length && !o.filter.anyFlags?.length);
    catchAllCache.set(r, v);
  }
  return v;
}

function syntheticFacts(entry: AuditEntry): CourseFacts {
  return {
    code: entry.code,
    title: entry.title ?? entry.code,
    credits: null,
    subject: 'elective',
    kinds: new Set(),
    flags: new Set(),
    cluster: null,
    language: null,
    group: `?${entry.code}`,
    repeatable: false,
    collegeHours: null,
    highSchoolCredit: true,
    prerequisites: [],
    prerequisiteKinds: new Set(),
    endorsements: [],
    gradeLevels: [],
  };
}

/** A numeric mark on a 0–100 scale, or null (letters and pass/fail are not averaged). */
export function markValue(mark: string | null | undefined): number | null {
  if (mark == null) return null;
  const m = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*$/.exec(mark);
  if (!m) return null;
  const v = Number(m[1].replace(',', '.'));
  return v >= 0 && v <= 100 ? v : null;
}

function tally(units: readonly Unit[], list: readonly number[], target: number): CreditTally {
  let e = 0;
  let ip = 0;
  let p = 0;
  for (const u of list) {
    const c = units[u].credits;
    if (units[u].rank === RANK_COMPLETED) e += c;
    else if (units[u].rank === RANK_IN_PROGRESS) ip += c;
    else p += c;
  }
  const earned = Math.min(e, target);
  const inProgress = Math.min(ip, target - earned);
  const planned = Math.min(p, target - earned - inProgress);
  return { required: target, earned, inProgress, planned, missing: Math.max(0, round(target - earned - inProgress - planned)) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

const LEVEL_ORDER: Level[] = ['earned', 'in-progress', 'planned', 'missing'];
function worst(levels: readonly Level[]): Level {
  let w = 0;
  for (const l of levels) w = Math.max(w, LEVEL_ORDER.indexOf(l));
  return LEVEL_ORDER[w];
}

/** Build the allocation inputs for a list of requirements over the counted units. */
function leafSpecs(units: readonly Unit[], counted: readonly number[], requirements: readonly Requirement[], catalog: PreparedCatalog, hasExam: boolean): LeafSpec[] {
  const candidatesFor = (filter: CourseFilter): number[] => {
    const set = catalog.matches(filter);
    const noExam = hasExam && filter.allowExamCredit === false;
    const out: number[] = [];
    for (const u of counted) {
      const unit = units[u];
      if (noExam && unit.exam) continue;
      if (unit.inCatalog ? set.has(unit.facts.code) : courseMatches(filter, unit.facts)) out.push(u);
    }
    return out;
  };
  return requirements.map((r) => {
    const options: OptionSpec[] = r.options.map((rule) => {
      const candidates = candidatesFor(rule.filter);
      const finals = rule.sequence?.finalClusters ? candidates.filter((u) => units[u].cluster !== null && rule.sequence!.finalClusters!.includes(units[u].cluster!)) : candidates;
      const mustInclude = rule.mustInclude ? rule.mustInclude.map((m) => candidatesFor(m.filter).filter((u) => candidates.includes(u))) : (NONE as never as number[][]);
      return { rule, candidates, mustInclude, finals };
    });
    return { target: r.credits, options, catchAll: isCatchAll(r) };
  });
}

/** The requirements of a program (foundation, or with the endorsement additions), built once per rule set. */
const programCache = new WeakMap<RuleSetDefinition, Map<string, { programAreas: { area: RuleSetDefinition['foundation']['areas'][number]; requirements: Requirement[] }[]; allRequirements: Requirement[] }>>();
function programOf(def: RuleSetDefinition, program: 'foundation' | 'endorsement') {
  let byProgram = programCache.get(def);
  if (!byProgram) {
    byProgram = new Map();
    programCache.set(def, byProgram);
  }
  let hit = byProgram.get(program);
  if (!hit) {
    const programAreas = def.foundation.areas.map((a) => ({
      area: a,
      requirements: [...a.requirements, ...(program === 'endorsement' ? def.endorsementProgram!.additions.filter((x) => x.area === a.code).map((x) => x.requirement) : [])],
    }));
    hit = { programAreas, allRequirements: programAreas.flatMap((p) => p.requirements) };
    byProgram.set(program, hit);
  }
  return hit;
}

/** Summary mode tries confirmed manual options first, then computed ones, CTE sequences (the costliest) last. */
const orderCache = new WeakMap<Endorsement, Endorsement['options']>();
function summaryOrder(e: Endorsement): Endorsement['options'] {
  let hit = orderCache.get(e);
  if (!hit) {
    const cost = (o: Endorsement['options'][number]) => (o.manual ? 0 : o.requirements.some((r) => r.options.some((x) => x.sequence)) ? 2 : 1);
    hit = [...e.options].sort((a, b) => cost(a) - cost(b));
    orderCache.set(e, hit);
  }
  return hit;
}

const NO_IDS: string[] = [];
const NO_PARTS: Localized[] = [];

function requirementResults(
  units: readonly Unit[],
  requirements: readonly Requirement[],
  specs: readonly LeafSpec[],
  results: readonly { option: number; units: number[] }[],
  summary = false,
): RequirementResult[] {
  return requirements.map((r, i) => {
    const res = results[i];
    const option = specs[i].options[res.option];
    const t = tally(units, res.units, r.credits);
    const musts = r.options[res.option].mustInclude;
    const f = flagOf(r.meta);
    return {
      id: r.id,
      label: r.label,
      required: t.required,
      earned: t.earned,
      inProgress: t.inProgress,
      planned: t.planned,
      missing: t.missing,
      level: levelOf(units, option, r.credits, res.units),
      // The caseload report needs levels and credits only: no per-course lists.
      entryIds: summary ? NO_IDS : res.units.map((u) => units[u].entry.id),
      optionLabel: r.options.length > 1 ? (r.options[res.option].label ?? null) : null,
      missingParts: musts ? musts.filter((_, mi) => !res.units.some((u) => option.mustInclude[mi].includes(u))).map((m) => m.label) : NO_PARTS,
      uncertain: f.uncertain,
      note: f.note,
      sources: f.sources,
      confidence: f.confidence,
    };
  });
}

function progressOf(reqs: readonly RequirementResult[]): number {
  let need = 0;
  let have = 0;
  for (const r of reqs) {
    need += r.required;
    // Credits in place but a condition unmet (a part missing, the wrong cluster): not quite there.
    have += r.level !== 'missing' ? r.required : Math.min(r.required - r.missing, r.required * 0.9);
  }
  return need === 0 ? 0 : Math.max(0, Math.min(1, have / need));
}

export function auditPlan(def: RuleSetDefinition, catalog: PreparedCatalog, entries: readonly AuditEntry[], options: AuditOptions): AuditResult {
  const confirmations = new Set(options.confirmations ?? []);
  const detail = options.detail ?? 'full';
  const warnings: Reason[] = [];
  const reasons: Reason[] = [];

  // ---- 1. units ---------------------------------------------------------------------------
  const units: Unit[] = entries.map((entry) => {
    const known = catalog.byCode.get(entry.code);
    const facts = known ?? syntheticFacts(entry);
    const credits = entry.status === 'completed' ? (entry.credits ?? 0) : (entry.credits ?? facts.credits ?? 0);
    return {
      entry,
      facts,
      inCatalog: known !== undefined,
      exam: entry.creditSource === 'exam',
      markValue: markValue(entry.mark),
      credits,
      rank: rankOf[entry.status],
      start: startPoint(entry.grade, entry.term),
      end: endPoint(entry.grade, entry.term),
      language: facts.language,
      cluster: facts.cluster,
      advanced: facts.flags.has('advanced'),
    };
  });
  const entryResults: EntryResult[] = units.map((u) => ({
    id: u.entry.id,
    code: u.entry.code,
    counted: false,
    reason: null,
    duplicateOf: null,
    requirementId: null,
    credits: u.credits,
    inCatalog: u.inCatalog,
  }));

  // ---- 2. each course counts once ---------------------------------------------------------
  const byGroup = new Map<string, number[]>();
  units.forEach((u, i) => {
    const er = entryResults[i];
    if (!u.facts.highSchoolCredit) {
      er.reason = 'no-high-school-credit';
      return;
    }
    if (u.entry.status === 'completed' && u.credits <= 0) {
      er.reason = 'failed';
      return;
    }
    if (u.entry.status !== 'completed' && u.entry.credits == null && u.facts.credits == null) {
      er.reason = 'credits-unknown';
      warnings.push({ code: 'credits-unknown', params: { course: u.facts.title, code: u.entry.code } });
      return;
    }
    const key = u.facts.repeatable ? `${u.facts.group}#${i}` : u.facts.group;
    const list = byGroup.get(key);
    if (list) list.push(i);
    else byGroup.set(key, [i]);
  });
  const counted: number[] = [];
  for (const list of byGroup.values()) {
    list.sort((a, b) => {
      const ua = units[a];
      const ub = units[b];
      if (ua.rank !== ub.rank) return ua.rank - ub.rank;
      if (ua.rank === RANK_COMPLETED) return ub.credits - ua.credits || Number(ua.exam) - Number(ub.exam) || ub.end - ua.end || a - b;
      return ua.start - ub.start || a - b;
    });
    const keep = list[0];
    counted.push(keep);
    entryResults[keep].counted = true;
    for (const other of list.slice(1)) {
      const er = entryResults[other];
      er.duplicateOf = units[keep].entry.id;
      er.reason = units[keep].rank === RANK_COMPLETED && units[other].rank !== RANK_COMPLETED ? 'already-earned' : 'duplicate';
      const params = { course: units[other].facts.title, code: units[other].entry.code, other: units[keep].facts.title, grade: units[other].entry.grade };
      warnings.push({ code: er.reason, params });
    }
  }
  counted.sort((a, b) => a - b);
  for (const i of counted) {
    if (!units[i].inCatalog) warnings.push({ code: 'not-in-catalog', params: { code: units[i].entry.code, course: units[i].facts.title } });
  }
  // Failed with no later attempt that counts.
  units.forEach((u, i) => {
    if (entryResults[i].reason !== 'failed') return;
    const retaken = counted.some((c) => units[c].facts.group === u.facts.group && units[c].start > u.start);
    if (!retaken) warnings.push({ code: 'failed-not-retaken', params: { course: u.facts.title, code: u.entry.code, grade: u.entry.grade } });
  });
  // LOTE courses whose language is not recorded are grouped as one language.
  const unknownLanguage = counted.filter((i) => units[i].facts.subject === 'lote' && units[i].language === null);
  if (unknownLanguage.length > 1) {
    warnings.push({ code: 'language-assumed', params: { courses: unknownLanguage.map((i) => units[i].facts.title).join(', ') } });
  }

  // ---- 3. graduation program ----------------------------------------------------------------
  const program = options.program === 'endorsement' && def.endorsementProgram ? 'endorsement' : 'foundation';
  const { programAreas, allRequirements } = programOf(def, program);
  const hasExam = counted.some((i) => units[i].exam);
  const specs = leafSpecs(units, counted, allRequirements, catalog, hasExam);
  const { results, owner } = allocate(units, specs);
  const reqResults = requirementResults(units, allRequirements, specs, results, detail === 'summary');
  owner.forEach((leaf, u) => {
    if (leaf >= 0) entryResults[u].requirementId = allRequirements[leaf].id;
  });
  let k = 0;
  const areas: AreaResult[] = programAreas.map(({ area, requirements }) => {
    const reqs = reqResults.slice(k, k + requirements.length);
    k += requirements.length;
    const sumOf = (f: keyof CreditTally) => round(reqs.reduce((s, r) => s + r[f], 0));
    return {
      code: area.code,
      label: area.label,
      required: sumOf('required'),
      earned: sumOf('earned'),
      inProgress: sumOf('inProgress'),
      planned: sumOf('planned'),
      missing: sumOf('missing'),
      level: worst(reqs.map((r) => r.level)),
      requirements: reqs,
      ...flagOf(area.meta),
    };
  });

  const required = program === 'endorsement' ? def.endorsementProgram!.totalCredits : def.foundation.totalCredits;
  let tE = 0;
  let tIP = 0;
  let tP = 0;
  for (const i of counted) {
    const u = units[i];
    if (u.rank === RANK_COMPLETED) tE += u.credits;
    else if (u.rank === RANK_IN_PROGRESS) tIP += u.credits;
    else tP += u.credits;
  }
  const totals: CreditTally = { required, earned: round(tE), inProgress: round(tIP), planned: round(tP), missing: Math.max(0, round(required - tE - tIP - tP)) };
  const totalLevel: Level = tE + EPS >= required ? 'earned' : tE + tIP + EPS >= required ? 'in-progress' : tE + tIP + tP + EPS >= required ? 'planned' : 'missing';

  // ---- 4. checks (speech) -------------------------------------------------------------------
  const checks: CheckResult[] = def.foundation.checks.map((c) => {
    const hits = counted.filter((i) => c.kinds.some((kind) => units[i].facts.kinds.has(kind)));
    let level: CheckResult['level'] = 'missing';
    if (confirmations.has(`check:${c.id}`)) level = 'confirmed';
    else if (hits.length) level = LEVEL_ORDER[Math.min(...hits.map((i) => units[i].rank))] ?? 'planned';
    return { id: c.id, label: c.label, level, entryIds: hits.map((i) => units[i].entry.id), ...flagOf(c.meta) };
  });
  const checkLevels = checks.map((c): Level => (c.level === 'confirmed' ? 'earned' : c.level));
  const level = worst([totalLevel, ...areas.map((a) => a.level), ...checkLevels]);

  // ---- 5. endorsements --------------------------------------------------------------------------
  const evaluateRequirements = (reqs: readonly Requirement[]) => {
    const s = leafSpecs(units, counted, reqs, catalog, hasExam);
    const r = allocate(units, s).results;
    return requirementResults(units, reqs, s, r, detail === 'summary');
  };
  const endorsements: EndorsementResult[] = def.endorsements
    .filter((e) => detail === 'full' || e.code === options.endorsement)
    .map((e) => {
      const base = evaluateRequirements(e.base);
      const manualOption = (o: (typeof e.options)[number]): OptionResult => {
        const confirmed = confirmations.has(`option:${e.code}:${o.id}`);
        return { id: o.id, label: o.label, manual: true, level: confirmed ? 'confirmed' : 'needs-review', progress: confirmed ? 1 : 0, requirements: [], ...flagOf(o.meta) };
      };
      const computedOption = (o: (typeof e.options)[number]): OptionResult => {
        const reqs = evaluateRequirements(o.requirements);
        return { id: o.id, label: o.label, manual: false, level: worst(reqs.map((r) => r.level)), progress: progressOf(reqs), requirements: reqs, ...flagOf(o.meta) };
      };
      let opts: OptionResult[];
      if (detail === 'full') opts = e.options.map((o) => (o.manual ? manualOption(o) : computedOption(o)));
      else {
        // Summary (caseload report): only whether it is met. Stop at the first option that is.
        opts = [];
        if (worst(base.map((r) => r.level)) !== 'missing') {
          for (const o of summaryOrder(e)) {
            const r = o.manual ? manualOption(o) : computedOption(o);
            opts.push(r);
            if (r.level !== 'missing' && r.level !== 'needs-review') break;
          }
        }
      }
      const optionLevel = (o: OptionResult): Level => (o.level === 'confirmed' ? 'earned' : o.level === 'needs-review' ? 'missing' : o.level);
      const computed = opts.filter((o) => o.level !== 'needs-review');
      const best = computed.length
        ? computed.reduce((a, b) => (LEVEL_ORDER.indexOf(optionLevel(b)) < LEVEL_ORDER.indexOf(optionLevel(a)) || (optionLevel(b) === optionLevel(a) && b.progress > a.progress) ? b : a))
        : null;
      const baseLevel = worst(base.map((r) => r.level));
      const coursesLevel = worst([baseLevel, best ? optionLevel(best) : 'missing']);
      const programLevel = program === 'endorsement' ? level : 'missing';
      const baseProgress = base.length ? progressOf(base) : 1;
      const progress = Math.min(1, (baseProgress * (base.length ? 0.5 : 0) + (best?.progress ?? 0) * (base.length ? 0.5 : 1)));
      return {
        code: e.code,
        label: e.label,
        chosen: e.code === options.endorsement,
        coursesLevel,
        level: worst([coursesLevel, programLevel]),
        progress: coursesLevel === 'missing' ? progress : 1,
        base,
        options: opts,
        bestOption: best?.id ?? null,
        ...flagOf(e.meta),
      };
    });

  // ---- 6. Distinguished Level of Achievement -------------------------------------------------
  let dla: DlaResult | null = null;
  if (def.dla && detail === 'full') {
    const gaps: DlaGap[] = [];
    const levels: Level[] = [];
    if (program !== 'endorsement') gaps.push('foundation-only');
    else {
      levels.push(level);
      if (level === 'missing') gaps.push('program');
      for (const m of def.dla.areaMinimums) {
        const a = areas.find((x) => x.code === m.area);
        const used = a ? a.requirements.flatMap((r) => r.entryIds) : [];
        const usedUnits = units.filter((u) => used.includes(u.entry.id));
        const credits = (max: number) => usedUnits.filter((u) => u.rank <= max).reduce((s, u) => s + u.credits, 0);
        const l: Level = credits(RANK_COMPLETED) + EPS >= m.credits ? 'earned' : credits(RANK_IN_PROGRESS) + EPS >= m.credits ? 'in-progress' : credits(RANK_PLANNED) + EPS >= m.credits ? 'planned' : 'missing';
        levels.push(l);
        if (l === 'missing') gaps.push(m.area === 'math' ? 'math-credits' : m.area === 'science' ? 'science-credits' : 'program');
        for (const kind of m.mustIncludeKinds) {
          // Anywhere in the plan: with enough credits in the area, the course can always be one of them.
          const hit = counted.map((i) => units[i]).filter((u) => u.facts.kinds.has(kind));
          const kl: Level = hit.length ? LEVEL_ORDER[Math.min(...hit.map((u) => u.rank))] : 'missing';
          levels.push(kl);
          if (kl === 'missing') gaps.push(kind === 'algebra-2' ? 'algebra-2' : 'program');
        }
      }
      if (def.dla.endorsementsRequired > 0) {
        // Other endorsements only matter when the chosen one is not met (summary mode evaluates only the chosen one).
        const met = endorsements.map((e) => e.coursesLevel).sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
        const l = met[def.dla.endorsementsRequired - 1] ?? 'missing';
        levels.push(l);
        if (l === 'missing') gaps.push('endorsement');
      }
    }
    dla = {
      label: def.dla.label,
      description: def.dla.description,
      applicable: program === 'endorsement',
      level: gaps.includes('foundation-only') ? 'missing' : worst(levels),
      gaps: [...new Set(gaps)],
      ...flagOf(def.dla.meta),
    };
  }

  // ---- 7. performance acknowledgments ----------------------------------------------------------
  const acknowledgments: AckResult[] =
    detail === 'full'
      ? def.performanceAcknowledgments.map((p): AckResult => {
          const base = { code: p.code, label: p.label, description: p.description, method: p.method, ...flagOf(p.meta) };
          if (confirmations.has(`pa:${p.code}`)) return { ...base, status: 'confirmed' as const, params: {} };
          if (p.method === 'dual-credit-hours') {
            const dc = counted.filter((i) => units[i].facts.flags.has('dual-credit') && !units[i].exam);
            const hours = (max: number) => dc.filter((i) => units[i].rank <= max).reduce((s, i) => s + (units[i].facts.collegeHours ?? 0), 0);
            const unknown = dc.filter((i) => units[i].facts.collegeHours == null).length;
            const need = p.thresholds.hours ?? 12;
            const done = hours(RANK_COMPLETED);
            const status: AckStatus = done + EPS >= need ? 'needs-review' : hours(RANK_PLANNED) + EPS >= need ? 'planned' : unknown > 0 ? 'needs-review' : 'not-met';
            return { ...base, status, params: { hours: round(done), plannedHours: round(hours(RANK_PLANNED)), need, unknownHours: unknown } };
          }
          if (p.method === 'bilingual-biliteracy') {
            const english = areas.find((a) => a.code === 'english');
            const elaIds = new Set(english?.requirements.flatMap((r) => r.entryIds) ?? []);
            const ela = units.filter((u) => elaIds.has(u.entry.id) && u.rank === RANK_COMPLETED);
            const avg = (list: Unit[]) => {
              const marks = list.map((u) => u.markValue).filter((v): v is number => v !== null);
              return marks.length === list.length && marks.length > 0 ? marks.reduce((s, v) => s + v, 0) / marks.length : null;
            };
            const elaAvg = avg(ela);
            const byLanguage = new Map<string, Unit[]>();
            for (const i of counted) {
              const u = units[i];
              if (u.facts.subject !== 'lote' || u.rank !== RANK_COMPLETED || u.exam) continue;
              const key = u.language ?? '?';
              byLanguage.set(key, [...(byLanguage.get(key) ?? []), u]);
            }
            let loteOk = false;
            let bestLote = 0;
            for (const list of byLanguage.values()) {
              const credits = list.reduce((s, u) => s + u.credits, 0);
              bestLote = Math.max(bestLote, credits);
              const a = avg(list);
              if (credits + EPS >= (p.thresholds.loteCredits ?? 3) && a !== null && a + EPS >= (p.thresholds.loteAverage ?? 80)) loteOk = true;
            }
            const elaOk = english?.level === 'earned' && elaAvg !== null && elaAvg + EPS >= (p.thresholds.elaAverage ?? 80);
            const status: AckStatus = elaOk && loteOk ? 'met' : english?.level !== 'earned' || bestLote < (p.thresholds.loteCredits ?? 3) ? 'not-met' : 'needs-review';
            return { ...base, status, params: { elaAverage: elaAvg === null ? -1 : round(elaAvg), loteCredits: round(bestLote) } };
          }
          if (p.method === 'exam-scores' && options.examScores) {
            const planned = units.some((u) => (u.facts.flags.has('ap') || u.facts.flags.has('ib')) && u.rank > RANK_COMPLETED && !u.exam);
            const r = examAcknowledgment(p.thresholds, options.examScores, planned);
            return { ...base, status: r.status, params: { ...p.thresholds }, evidence: r.evidence };
          }
          return { ...base, status: 'not-computable' as const, params: {} };
        })
      : [];

  // ---- 8. prerequisites --------------------------------------------------------------------------
  const prerequisites: PrerequisiteIssue[] = [];
  const attemptsByGroup = new Map<string, number[]>();
  units.forEach((u, i) => {
    const list = attemptsByGroup.get(u.facts.group);
    if (list) list.push(i);
    else attemptsByGroup.set(u.facts.group, [i]);
  });
  const groupOfCode = (code: string) => catalog.byCode.get(code)?.group ?? `?${code}`;
  units.forEach((u, i) => {
    if (u.rank !== RANK_PLANNED || !entryResults[i].counted) return;
    const waived = new Set(u.entry.waivedPrerequisites ?? []);
    for (const group of u.facts.prerequisites) {
      if (group.some((code) => waived.has(code))) continue;
      let kind: PrerequisiteIssue['kind'] = 'missing';
      let ok = false;
      for (const code of group) {
        for (const a of attemptsByGroup.get(groupOfCode(code)) ?? []) {
          const other = units[a];
          const failed = other.entry.status === 'completed' && other.credits <= 0;
          if (failed) {
            if (kind === 'missing') kind = 'failed';
            continue;
          }
          if (other.end < u.start) ok = true;
          else kind = 'too-late';
        }
      }
      if (!ok) prerequisites.push({ entryId: u.entry.id, code: u.entry.code, missing: group, kind });
    }
  });

  // ---- 9. on track or at risk ----------------------------------------------------------------------
  for (const a of areas) {
    for (const r of a.requirements) {
      if (r.level !== 'missing') continue;
      const parts = { en: r.missingParts.map((p) => p.en).join(', '), es: r.missingParts.map((p) => p.es).join(', ') };
      reasons.push({ code: 'requirement-missing', params: { requirement: r.label, area: a.label, credits: r.missing > 0 ? r.missing : r.required, parts } });
    }
  }
  for (const c of checks) if (c.level === 'missing') reasons.push({ code: 'check-missing', params: { check: c.label } });
  if (totalLevel === 'missing') reasons.push({ code: 'credits-short', params: { planned: round(tE + tIP + tP), required } });
  const grade = options.currentGrade ? Number(options.currentGrade) : NaN;
  if (grade >= 10 && grade <= 12) {
    const prev = String(grade - 1).padStart(2, '0') as '09' | '10' | '11';
    const expected = def.onTrack.creditsByEndOfGrade[prev];
    const earnedBefore = counted.filter((i) => units[i].rank === RANK_COMPLETED && Number(units[i].entry.grade) < grade).reduce((s, i) => s + units[i].credits, 0);
    if (expected !== undefined && earnedBefore + EPS < expected) {
      reasons.push({ code: 'behind-credits', params: { earned: round(earnedBefore), expected, grade: prev, uncertain: def.onTrack.meta.uncertain ? 1 : 0 } });
    }
  }
  for (const p of prerequisites) {
    const u = units[entries.findIndex((e) => e.id === p.entryId)];
    reasons.push({ code: 'prerequisite-missing', params: { course: u.facts.title, code: p.code, prerequisites: p.missing.map((c) => catalog.byCode.get(c)?.title ?? c).join(' / '), kind: p.kind } });
  }
  if (program === 'endorsement') {
    if (options.endorsement === null) reasons.push({ code: 'no-endorsement', params: {} });
    else {
      const chosen = endorsements.find((e) => e.code === options.endorsement);
      if (chosen && chosen.coursesLevel === 'missing') reasons.push({ code: 'endorsement-not-met', params: { endorsement: chosen.label, code: chosen.code } });
    }
  } else if (!(options.pgp?.foundationOnlyPermitted ?? false)) {
    reasons.push({ code: 'foundation-only-no-permission', params: {} });
  }
  if (options.pgp && !options.pgp.signed && grade >= 10 && grade <= 12) reasons.push({ code: 'pgp-not-signed', params: {} });
  for (const w of warnings) if (w.code === 'failed-not-retaken') reasons.push(w);
  if (def.onTrack.maxCreditsPerYear !== null) {
    const perYear = new Map<string, number>();
    for (const i of counted) {
      const u = units[i];
      if (u.rank !== RANK_PLANNED || u.entry.term === 'summer') continue;
      perYear.set(u.entry.grade, (perYear.get(u.entry.grade) ?? 0) + u.credits);
    }
    for (const [g, credits] of [...perYear.entries()].sort()) {
      // Only planned courses: a year already under way is what it is.
      const all = counted.filter((i) => units[i].entry.grade === g && units[i].entry.term !== 'summer').reduce((s, i) => s + units[i].credits, 0);
      if (credits > 0 && all > def.onTrack.maxCreditsPerYear + EPS) warnings.push({ code: 'overloaded-year', params: { grade: g, credits: round(all), max: def.onTrack.maxCreditsPerYear } });
    }
  }

  // Most urgent first: what has already gone wrong, then compliance, then what the plan still lacks.
  reasons.sort((a, b) => REASON_ORDER.indexOf(a.code) - REASON_ORDER.indexOf(b.code));
  return {
    ruleSetId: def.id,
    program,
    endorsement: options.endorsement,
    programLabel: program === 'endorsement' ? def.endorsementProgram!.label : def.foundation.label,
    level,
    totals,
    areas,
    checks,
    endorsements,
    dla,
    acknowledgments,
    entries: entryResults,
    prerequisites,
    status: reasons.length ? 'at-risk' : 'on-track',
    reasons,
    warnings: warnings.filter((w) => w.code !== 'failed-not-retaken'),
  };
}
