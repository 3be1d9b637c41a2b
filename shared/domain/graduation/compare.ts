import type { Level } from './allocate';
import type { AuditResult } from './audit';
import type { Localized } from './ruleSet';
import { startPoint, type EndorsementCode, type EntryStatus, type PlanGrade, type Term } from './vocabulary';

/**
 * Side-by-side comparison of plan scenarios: what a different plan adds, removes or moves,
 * and what that does to credits, requirements, endorsements, the Distinguished Level and
 * prerequisites. Pure: the caller passes each scenario's courses and its audit.
 */
export interface ScenarioCourse {
  entryId: string;
  code: string;
  title: string;
  grade: PlanGrade;
  term: Term;
  status: EntryStatus;
  credits: number;
}

export interface ScenarioSnapshot {
  id: number;
  name: string;
  courses: readonly ScenarioCourse[];
  audit: AuditResult;
}

export interface CourseRef {
  code: string;
  title: string;
  grade: PlanGrade;
  term: Term;
  credits: number;
}

export interface AreaDelta {
  code: string;
  label: Localized;
  /** Credits the plan reaches (earned + in progress + planned), capped by the requirement. */
  base: number;
  other: number;
  requiredBase: number;
  requiredOther: number;
  metBase: boolean;
  metOther: boolean;
}

export interface RequirementChange {
  id: string;
  label: Localized;
  area: Localized | null;
}

export interface PrerequisiteChange {
  code: string;
  title: string;
  missing: string[];
  missingTitles: string[];
}

export interface ScenarioDifference {
  baseId: number;
  otherId: number;
  added: CourseRef[];
  removed: CourseRef[];
  moved: (CourseRef & { fromGrade: PlanGrade; fromTerm: Term })[];
  statusChanged: (CourseRef & { from: EntryStatus; to: EntryStatus })[];
  totals: { base: number; other: number; requiredBase: number; requiredOther: number };
  /** Every area whose credits or whose met state differ. */
  areas: AreaDelta[];
  requirementsGained: RequirementChange[];
  requirementsLost: RequirementChange[];
  program: { base: AuditResult['program']; other: AuditResult['program'] } | null;
  endorsement: { base: EndorsementCode | null; other: EndorsementCode | null; baseLevel: Level | null; otherLevel: Level | null } | null;
  dla: { base: Level; other: Level } | null;
  onTrack: { base: AuditResult['status']; other: AuditResult['status'] } | null;
  prerequisitesBroken: PrerequisiteChange[];
  prerequisitesFixed: PrerequisiteChange[];
  /** True when nothing differs at all. */
  same: boolean;
}

export interface ScenarioComparison {
  baseId: number;
  scenarioIds: number[];
  differences: ScenarioDifference[];
}

const met = (l: Level | 'confirmed') => l !== 'missing';
const reached = (a: { earned: number; inProgress: number; planned: number }) => round(a.earned + a.inProgress + a.planned);
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
const ref = (c: ScenarioCourse): CourseRef => ({ code: c.code, title: c.title, grade: c.grade, term: c.term, credits: c.credits });

function requirementIndex(a: AuditResult): Map<string, { met: boolean; label: Localized; area: Localized | null }> {
  const m = new Map<string, { met: boolean; label: Localized; area: Localized | null }>();
  for (const area of a.areas) for (const r of area.requirements) m.set(r.id, { met: met(r.level), label: r.label, area: area.label });
  for (const c of a.checks) m.set(`check:${c.id}`, { met: met(c.level), label: c.label, area: null });
  return m;
}

function prerequisiteIndex(s: ScenarioSnapshot): Map<string, PrerequisiteChange> {
  const titles = new Map<string, string>();
  for (const c of s.courses) titles.set(c.code, c.title);
  const m = new Map<string, PrerequisiteChange>();
  for (const p of s.audit.prerequisites) {
    const key = `${p.code}\u0000${p.missing.join('|')}`;
    const course = s.courses.find((c) => c.entryId === p.entryId);
    m.set(key, { code: p.code, title: course?.title ?? p.code, missing: p.missing, missingTitles: p.missing.map((c) => titles.get(c) ?? c) });
  }
  return m;
}

export function compareTwo(base: ScenarioSnapshot, other: ScenarioSnapshot, titleOf: (code: string) => string | null = () => null): ScenarioDifference {
  // Pair the same course across the two plans, in time order; what is left over was added or removed.
  const byCode = (list: readonly ScenarioCourse[]) => {
    const m = new Map<string, ScenarioCourse[]>();
    for (const c of [...list].sort((a, b) => startPoint(a.grade, a.term) - startPoint(b.grade, b.term) || a.entryId.localeCompare(b.entryId))) {
      const l = m.get(c.code);
      if (l) l.push(c);
      else m.set(c.code, [c]);
    }
    return m;
  };
  const a = byCode(base.courses);
  const b = byCode(other.courses);
  const added: CourseRef[] = [];
  const removed: CourseRef[] = [];
  const moved: ScenarioDifference['moved'] = [];
  const statusChanged: ScenarioDifference['statusChanged'] = [];
  for (const code of new Set([...a.keys(), ...b.keys()])) {
    const la = [...(a.get(code) ?? [])];
    const lb = [...(b.get(code) ?? [])];
    // Exact positions first, so a course added in another year does not look like a move.
    for (let i = la.length - 1; i >= 0; i--) {
      const j = lb.findIndex((x) => x.grade === la[i].grade && x.term === la[i].term);
      if (j >= 0) {
        if (la[i].status !== lb[j].status) statusChanged.push({ ...ref(lb[j]), from: la[i].status, to: lb[j].status });
        la.splice(i, 1);
        lb.splice(j, 1);
      }
    }
    const n = Math.min(la.length, lb.length);
    for (let i = 0; i < n; i++) moved.push({ ...ref(lb[i]), fromGrade: la[i].grade, fromTerm: la[i].term });
    for (const x of la.slice(n)) removed.push(ref(x));
    for (const x of lb.slice(n)) added.push(ref(x));
  }
  const order = (x: CourseRef, y: CourseRef) => startPoint(x.grade, x.term) - startPoint(y.grade, y.term) || x.title.localeCompare(y.title);
  added.sort(order);
  removed.sort(order);
  moved.sort(order);
  statusChanged.sort(order);

  const areas: AreaDelta[] = [];
  const codes = [...new Set([...base.audit.areas.map((x) => x.code), ...other.audit.areas.map((x) => x.code)])];
  for (const code of codes) {
    const x = base.audit.areas.find((q) => q.code === code);
    const y = other.audit.areas.find((q) => q.code === code);
    const d: AreaDelta = {
      code,
      label: (y ?? x)!.label,
      base: x ? reached(x) : 0,
      other: y ? reached(y) : 0,
      requiredBase: x?.required ?? 0,
      requiredOther: y?.required ?? 0,
      metBase: x ? met(x.level) : true,
      metOther: y ? met(y.level) : true,
    };
    if (d.base !== d.other || d.requiredBase !== d.requiredOther || d.metBase !== d.metOther) areas.push(d);
  }

  const ra = requirementIndex(base.audit);
  const rb = requirementIndex(other.audit);
  const requirementsGained: RequirementChange[] = [];
  const requirementsLost: RequirementChange[] = [];
  for (const [id, y] of rb) {
    const x = ra.get(id);
    if (x && !x.met && y.met) requirementsGained.push({ id, label: y.label, area: y.area });
    // Lost: met before and not now, or newly required (a bigger program) and not met.
    if ((x?.met ?? true) && !y.met) requirementsLost.push({ id, label: y.label, area: y.area });
  }

  const ea = base.audit.endorsements.find((e) => e.code === base.audit.endorsement) ?? null;
  const eb = other.audit.endorsements.find((e) => e.code === other.audit.endorsement) ?? null;
  const endorsement =
    base.audit.endorsement !== other.audit.endorsement || (ea?.level ?? null) !== (eb?.level ?? null)
      ? { base: base.audit.endorsement, other: other.audit.endorsement, baseLevel: ea?.level ?? null, otherLevel: eb?.level ?? null }
      : null;
  const dlaA = base.audit.dla?.level ?? 'missing';
  const dlaB = other.audit.dla?.level ?? 'missing';
  const dla = met(dlaA) !== met(dlaB) ? { base: dlaA, other: dlaB } : null;
  const onTrack = base.audit.status !== other.audit.status ? { base: base.audit.status, other: other.audit.status } : null;
  const program = base.audit.program !== other.audit.program ? { base: base.audit.program, other: other.audit.program } : null;

  const pa = prerequisiteIndex(base);
  const pb = prerequisiteIndex(other);
  const fill = (p: PrerequisiteChange) => ({ ...p, missingTitles: p.missing.map((c, i) => (p.missingTitles[i] !== c ? p.missingTitles[i] : (titleOf(c) ?? c))) });
  const prerequisitesBroken = [...pb.entries()].filter(([k]) => !pa.has(k)).map(([, v]) => fill(v));
  const prerequisitesFixed = [...pa.entries()].filter(([k]) => !pb.has(k)).map(([, v]) => fill(v));

  const totals = { base: reached(base.audit.totals), other: reached(other.audit.totals), requiredBase: base.audit.totals.required, requiredOther: other.audit.totals.required };
  const same =
    added.length + removed.length + moved.length + statusChanged.length + areas.length + requirementsGained.length + requirementsLost.length + prerequisitesBroken.length + prerequisitesFixed.length === 0 &&
    !endorsement && !dla && !onTrack && !program && totals.base === totals.other;
  return {
    baseId: base.id,
    otherId: other.id,
    added,
    removed,
    moved,
    statusChanged,
    totals,
    areas,
    requirementsGained,
    requirementsLost,
    program,
    endorsement,
    dla,
    onTrack,
    prerequisitesBroken,
    prerequisitesFixed,
    same,
  };
}

/** The first scenario is the base (usually the active plan); each other one is compared with it. */
export function compareScenarios(scenarios: readonly ScenarioSnapshot[], titleOf?: (code: string) => string | null): ScenarioComparison {
  if (scenarios.length < 2) throw new Error('Compare needs at least two scenarios');
  const [base, ...others] = scenarios;
  return { baseId: base.id, scenarioIds: scenarios.map((s) => s.id), differences: others.map((o) => compareTwo(base, o, titleOf)) };
}
