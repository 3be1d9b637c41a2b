import type { RequirementRule } from './ruleSet';

/**
 * Assigns courses to requirements so that, within one layer (the graduation program, or
 * one endorsement option), every course is used by at most one requirement. Requirements
 * with few possible courses go first; a greedy pass is followed by one round of swaps
 * (take a course from another requirement when that one can refill from unused courses),
 * which settles the usual conflicts (Chemistry needed for "IPC or advanced science" while
 * Physics sits in "advanced science", and so on).
 */

export const RANK_COMPLETED = 0;
export const RANK_IN_PROGRESS = 1;
export const RANK_PLANNED = 2;

export interface AllocUnit {
  credits: number;
  /** 0 completed, 1 in progress, 2 requested or planned. */
  rank: number;
  start: number;
  end: number;
  language: string | null;
  cluster: string | null;
  advanced: boolean;
}

export interface OptionSpec {
  rule: RequirementRule;
  /** Units the option's filter accepts. */
  candidates: readonly number[];
  /** For each `mustInclude` entry, the units that satisfy it. */
  mustInclude: readonly (readonly number[])[];
  /** For `sequence`: units whose cluster may end the sequence (all candidates when unrestricted). */
  finals: readonly number[];
}

export interface LeafSpec {
  target: number;
  options: readonly OptionSpec[];
  /** "Any course" requirements (electives) go last and are the first to give courses up. */
  catchAll: boolean;
}

export interface LeafResult {
  option: number;
  units: number[];
}

export type Level = 'earned' | 'in-progress' | 'planned' | 'missing';

const EPS = 1e-9;

function sum(units: readonly AllocUnit[], list: readonly number[]): number {
  let s = 0;
  for (const i of list) s += units[i].credits;
  return s;
}

/** Do `list`'s units meet the option's shape (credits and constraints)? */
export function optionMet(units: readonly AllocUnit[], o: OptionSpec, target: number, list: readonly number[]): boolean {
  if (sum(units, list) + EPS < target) return false;
  const r = o.rule;
  for (const must of o.mustInclude) if (!list.some((u) => must.includes(u))) return false;
  if (r.sameGroup) {
    const key = r.sameGroup;
    const first = list.length ? units[list[0]][key] : null;
    if (list.some((u) => units[u][key] !== first)) return false;
  }
  if (r.groups) {
    const per = new Map<string | null, number>();
    for (const u of list) per.set(units[u][r.groups.attribute], (per.get(units[u][r.groups.attribute]) ?? 0) + units[u].credits);
    const enough = [...per.entries()].filter(([k, v]) => k !== null && v + EPS >= r.groups!.creditsEach).length;
    if (enough < r.groups.count) return false;
  }
  if (r.maxGroups) {
    const keys = new Set(list.map((u) => units[u][r.maxGroups!.attribute]));
    if (keys.size > r.maxGroups.count) return false;
  }
  if (r.sequence) {
    const s = r.sequence;
    const clusterCounts = new Map<string, number>();
    for (const u of list) {
      const c = units[u].cluster;
      if (c) clusterCounts.set(c, (clusterCounts.get(c) ?? 0) + 1);
    }
    const best = Math.max(0, ...clusterCounts.values());
    if (best < s.minSameCluster) return false;
    if (list.filter((u) => units[u].advanced).length < s.minAdvanced) return false;
    if (list.length === 0) return false;
    const last = list.reduce((a, b) => (units[b].end > units[a].end ? b : a));
    const lastEnd = units[last].end;
    // Every course that finishes last must be one that may end the sequence.
    if (list.some((u) => units[u].end === lastEnd && !o.finals.includes(u))) return false;
  }
  return true;
}

function isPlain(o: OptionSpec): boolean {
  const r = o.rule;
  return o.mustInclude.length === 0 && !r.sameGroup && !r.groups && !r.maxGroups && !r.sequence;
}

/** How far `list` gets: met by which horizon (completed only, + in progress, + planned). */
export function levelOf(units: readonly AllocUnit[], o: OptionSpec, target: number, list: readonly number[]): Level {
  if (isPlain(o)) {
    // Only credits matter: one pass over the list (the common case, and the hot path).
    let done = 0;
    let going = 0;
    let all = 0;
    for (const u of list) {
      const x = units[u];
      all += x.credits;
      if (x.rank <= RANK_IN_PROGRESS) going += x.credits;
      if (x.rank === RANK_COMPLETED) done += x.credits;
    }
    return done + EPS >= target ? 'earned' : going + EPS >= target ? 'in-progress' : all + EPS >= target ? 'planned' : 'missing';
  }
  if (optionMet(units, o, target, list.filter((u) => units[u].rank === RANK_COMPLETED))) return 'earned';
  if (optionMet(units, o, target, list.filter((u) => units[u].rank <= RANK_IN_PROGRESS))) return 'in-progress';
  if (optionMet(units, o, target, list)) return 'planned';
  return 'missing';
}

const LEVEL_SCORE: Record<Level, number> = { earned: 3, 'in-progress': 2, planned: 1, missing: 0 };

/** Compare two candidate selections: better level, then more credits (capped), then more already earned. */
function score(units: readonly AllocUnit[], o: OptionSpec, target: number, list: readonly number[]): number {
  const level = levelOf(units, o, target, list);
  let capped = 0;
  let earned = 0;
  for (const u of list) {
    capped += units[u].credits;
    if (units[u].rank === RANK_COMPLETED) earned += units[u].credits;
  }
  capped = Math.min(capped, target);
  earned = Math.min(earned, target);
  // Fewer courses used breaks ties, so nothing is taken that the requirement does not need.
  return LEVEL_SCORE[level] * 1e6 + capped * 1e3 + earned * 10 - list.length * 0.01;
}

function byPreference(units: readonly AllocUnit[], flex: Int32Array) {
  return (a: number, b: number) => units[a].rank - units[b].rank || flex[a] - flex[b] || units[a].start - units[b].start || a - b;
}

/** Fill up to `target` credits from `pool` in preference order. */
function fill(units: readonly AllocUnit[], pool: readonly number[], target: number, taken: readonly number[] = []): number[] {
  const out = [...taken];
  let have = sum(units, out);
  for (const u of pool) {
    if (have + EPS >= target) break;
    if (taken.length && taken.includes(u)) continue;
    out.push(u);
    have += units[u].credits;
  }
  return out;
}

function groupBy(units: readonly AllocUnit[], pool: readonly number[], key: 'language' | 'cluster'): Map<string | null, number[]> {
  const m = new Map<string | null, number[]>();
  for (const u of pool) {
    const k = units[u][key];
    const list = m.get(k);
    if (list) list.push(u);
    else m.set(k, [u]);
  }
  return m;
}

/** The best selection for one option from the units `free` allows, in preference order. */
/** `sorted`: the option's candidates, already in preference order. */
function select(units: readonly AllocUnit[], o: OptionSpec, target: number, free: (u: number) => boolean, sorted: readonly number[]): number[] {
  const r = o.rule;
  if (isPlain(o)) {
    const out: number[] = [];
    let have = 0;
    for (const u of sorted) {
      if (have + EPS >= target) break;
      if (!free(u)) continue;
      out.push(u);
      have += units[u].credits;
    }
    return out;
  }
  const pool = sorted.filter(free);
  if (r.sequence) return selectSequence(units, o, target, pool);
  let base: number[] = [];
  for (const must of o.mustInclude) {
    const pick = pool.find((u) => must.includes(u) && !base.includes(u));
    if (pick !== undefined) base.push(pick);
  }
  if (r.sameGroup) {
    let best: number[] = base;
    let bestScore = -Infinity;
    for (const [, members] of groupBy(units, pool, r.sameGroup)) {
      const seed = base.filter((u) => members.includes(u));
      const s = fill(units, members, target, seed);
      const sc = score(units, o, target, s);
      if (sc > bestScore) {
        best = s;
        bestScore = sc;
      }
    }
    return best;
  }
  if (r.groups) {
    const g = r.groups;
    const scored = [...groupBy(units, pool, g.attribute).entries()]
      .filter(([k]) => k !== null)
      .map(([, members]) => fill(units, members, g.creditsEach))
      .sort((a, b) => Math.min(sum(units, b), g.creditsEach) - Math.min(sum(units, a), g.creditsEach) || a.length - b.length);
    return scored.slice(0, g.count).flat();
  }
  if (r.maxGroups) {
    const groups = [...groupBy(units, pool, r.maxGroups.attribute).values()].sort((a, b) => sum(units, b) - sum(units, a));
    const keep = new Set(groups.slice(0, r.maxGroups.count).flat());
    const allowed = pool.filter((u) => keep.has(u));
    return fill(units, allowed, target, base.filter((u) => allowed.includes(u)));
  }
  base = fill(units, pool, target, base);
  return base;
}

/** A CTE sequence: try each possible last course; keep courses finishing no later, same cluster first. */
function selectSequence(units: readonly AllocUnit[], o: OptionSpec, target: number, pool: readonly number[]): number[] {
  const s = o.rule.sequence!;
  let best: number[] = [];
  let bestScore = -Infinity;
  const finals = pool.filter((u) => o.finals.includes(u));
  for (const f of finals) {
    const cluster = units[f].cluster;
    const before = pool.filter((u) => u !== f && units[u].end <= units[f].end && (units[u].end < units[f].end || o.finals.includes(u)));
    const ranked = [...before].sort(
      (a, b) =>
        Number(units[b].cluster === cluster) - Number(units[a].cluster === cluster) ||
        Number(units[b].advanced) - Number(units[a].advanced) ||
        units[a].rank - units[b].rank ||
        a - b,
    );
    const picked = [f];
    let credits = units[f].credits;
    let same = 1;
    let advanced = units[f].advanced ? 1 : 0;
    for (const u of ranked) {
      if (credits + EPS >= target && same >= s.minSameCluster && advanced >= s.minAdvanced) break;
      picked.push(u);
      credits += units[u].credits;
      if (cluster && units[u].cluster === cluster) same++;
      if (units[u].advanced) advanced++;
    }
    const sc = score(units, o, target, picked);
    if (sc > bestScore) {
      best = picked;
      bestScore = sc;
    }
  }
  if (finals.length === 0) return fill(units, pool, target);
  return best;
}

/** Assign units to leaves. Returns, per leaf, the option used and its units; `owner[u]` is the leaf or -1. */
export function allocate(units: readonly AllocUnit[], leaves: readonly LeafSpec[]): { results: LeafResult[]; owner: Int32Array } {
  const owner = new Int32Array(units.length).fill(-1);
  const flex = new Int32Array(units.length);
  const wantedBy: number[][] = leaves.map((leaf) => {
    if (leaf.options.length === 1) return leaf.options[0].candidates as number[];
    return [...new Set(leaf.options.flatMap((o) => o.candidates))];
  });
  for (const list of wantedBy) for (const u of list) flex[u]++;
  const order = byPreference(units, flex);
  const sortedCandidates = leaves.map((leaf) => leaf.options.map((o) => [...o.candidates].sort(order)));
  const sequence = leaves.map((_, i) => i).sort((a, b) => Number(leaves[a].catchAll) - Number(leaves[b].catchAll) || wantedBy[a].length - wantedBy[b].length || a - b);
  const results: LeafResult[] = leaves.map(() => ({ option: 0, units: [] }));

  const take = (leafIndex: number, free: (u: number) => boolean) => {
    const leaf = leaves[leafIndex];
    if (leaf.options.length === 1) {
      const picked = select(units, leaf.options[0], leaf.target, free, sortedCandidates[leafIndex][0]);
      return { result: { option: 0, units: picked }, score: 0 };
    }
    let best: LeafResult = { option: 0, units: [] };
    let bestScore = -Infinity;
    leaf.options.forEach((o, oi) => {
      const picked = select(units, o, leaf.target, free, sortedCandidates[leafIndex][oi]);
      const sc = score(units, o, leaf.target, picked);
      if (sc > bestScore) {
        best = { option: oi, units: picked };
        bestScore = sc;
      }
    });
    return { result: best, score: bestScore };
  };
  const commit = (leafIndex: number, r: LeafResult) => {
    for (const u of results[leafIndex].units) if (owner[u] === leafIndex) owner[u] = -1;
    results[leafIndex] = r;
    for (const u of r.units) owner[u] = leafIndex;
  };
  const currentScore = (leafIndex: number) => score(units, leaves[leafIndex].options[results[leafIndex].option], leaves[leafIndex].target, results[leafIndex].units);
  const free = (u: number) => owner[u] === -1;

  for (const li of sequence) commit(li, take(li, free).result);
  if (leaves.length < 2) return { results, owner };

  // One round of swaps for requirements that are still short.
  for (const li of sequence) {
    const leaf = leaves[li];
    if (leaf.catchAll) continue;
    const o0 = leaf.options[results[li].option];
    if (levelOf(units, o0, leaf.target, results[li].units) !== 'missing') continue;
    for (const u of [...wantedBy[li]].sort(order)) {
      const other = owner[u];
      if (other < 0 || other === li) continue;
      // The other requirement can only let go of `u` if it has something unused to take instead.
      if (!wantedBy[other].some((x) => owner[x] === -1)) continue;
      const before = currentScore(other);
      const beforeMine = currentScore(li);
      const savedOther = results[other];
      const savedMine = results[li];
      // Give `u` up, let the other requirement refill from unused units, then retake for this one.
      commit(other, { option: savedOther.option, units: savedOther.units.filter((x) => x !== u) });
      const refill = take(other, (x) => (owner[x] === -1 && x !== u) || owner[x] === other);
      commit(other, refill.result);
      const mine = take(li, (x) => owner[x] === -1 || owner[x] === li);
      commit(li, mine.result);
      if (currentScore(other) + EPS >= before && currentScore(li) > beforeMine + EPS) {
        if (levelOf(units, leaf.options[results[li].option], leaf.target, results[li].units) !== 'missing') break;
        continue;
      }
      // Not better: put everything back.
      commit(li, { option: savedMine.option, units: [] });
      commit(other, savedOther);
      commit(li, savedMine);
    }
  }
  return { results, owner };
}
