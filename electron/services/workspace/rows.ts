import type { RawDatabase } from '../../vault/database';
import type { Goal, GoalCheckIn, GoalStep, GoalTraitLink, Trait } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import type { GoalBasis, GoalDomain, GoalHorizon, GoalStatus, LinkEffect, StepOwner, TraitKind, TraitSource } from '../../../shared/domain/workspace/vocabulary';
import { compareAscaCodes } from '../../../shared/domain/workspace/asca';
import { parseJsonArray } from './support';

/** Row shapes and mappers shared by the services and the family read functions. */

export interface GoalRow {
  id: number;
  student_id: number;
  domain: GoalDomain;
  horizon: GoalHorizon;
  statement: string;
  based_on: string;
  based_on_note: string | null;
  success_measure: string | null;
  target_date: string | null;
  status: GoalStatus;
  visibility: NoteVisibility;
  template_id: string | null;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export const GOAL_COLUMNS = `g.id, g.student_id, g.domain, g.horizon, g.statement, g.based_on, g.based_on_note, g.success_measure,
  g.target_date, g.status, g.visibility, g.template_id, g.archived_at, g.version, g.created_at, g.updated_at`;

export interface StepRow {
  id: number;
  goal_id: number;
  text: string;
  owner: StepOwner;
  due_date: string | null;
  done: number;
  done_on: string | null;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export const STEP_COLUMNS = 's.id, s.goal_id, s.text, s.owner, s.due_date, s.done, s.done_on, s.position, s.version, s.created_at, s.updated_at';

export function toStep(r: StepRow): GoalStep {
  return { id: r.id, goalId: r.goal_id, text: r.text, owner: r.owner, dueDate: r.due_date, done: r.done === 1, doneOn: r.done_on, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at };
}

export interface CheckInRow {
  id: number;
  goal_id: number;
  checked_on: string;
  rating: number;
  evidence: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export const CHECK_IN_COLUMNS = 'c.id, c.goal_id, c.checked_on, c.rating, c.evidence, c.version, c.created_at, c.updated_at';

export function toCheckIn(r: CheckInRow): GoalCheckIn {
  return { id: r.id, goalId: r.goal_id, checkedOn: r.checked_on, rating: r.rating, evidence: r.evidence, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at };
}

export interface TraitRow {
  id: number;
  student_id: number;
  kind: TraitKind;
  statement: string;
  source: TraitSource;
  source_note: string | null;
  visibility: NoteVisibility;
  version: number;
  created_at: string;
  updated_at: string;
}

export const TRAIT_COLUMNS = 't.id, t.student_id, t.kind, t.statement, t.source, t.source_note, t.visibility, t.version, t.created_at, t.updated_at';

interface LinkRow {
  goal_id: number;
  trait_id: number;
  effect: LinkEffect;
}

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * Goals with their steps, check-ins, ASCA tags and links, for the goal rows the `where`
 * clause selects (over alias g). Five queries however many goals, never one per goal.
 */
export function loadGoals(db: RawDatabase, where: string, params: unknown[]): Goal[] {
  const rows = db.prepare(`SELECT ${GOAL_COLUMNS} FROM goals g WHERE ${where} ORDER BY g.created_at, g.id`).all(...params) as GoalRow[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const inList = `(${ids.map(() => '?').join(',')})`;
  const steps = group(db.prepare(`SELECT ${STEP_COLUMNS} FROM goal_steps s WHERE s.goal_id IN ${inList} ORDER BY s.position, s.id`).all(...ids) as StepRow[], (r) => r.goal_id);
  const checkIns = group(db.prepare(`SELECT ${CHECK_IN_COLUMNS} FROM goal_check_ins c WHERE c.goal_id IN ${inList} ORDER BY c.checked_on, c.id`).all(...ids) as CheckInRow[], (r) => r.goal_id);
  const codes = group(db.prepare(`SELECT goal_id, code FROM goal_standards WHERE goal_id IN ${inList}`).all(...ids) as { goal_id: number; code: string }[], (r) => r.goal_id);
  const links = group(db.prepare(`SELECT goal_id, trait_id, effect FROM goal_trait_links WHERE goal_id IN ${inList} ORDER BY created_at`).all(...ids) as LinkRow[], (r) => r.goal_id);
  return rows.map((r) => ({
    id: r.id,
    studentId: r.student_id,
    domain: r.domain,
    horizon: r.horizon,
    statement: r.statement,
    basedOn: parseJsonArray<GoalBasis>(r.based_on),
    basedOnNote: r.based_on_note,
    successMeasure: r.success_measure,
    targetDate: r.target_date,
    status: r.status,
    ascaCodes: (codes.get(r.id) ?? []).map((c) => c.code).sort(compareAscaCodes),
    visibility: r.visibility,
    templateId: r.template_id,
    archivedAt: r.archived_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    steps: (steps.get(r.id) ?? []).map(toStep),
    checkIns: (checkIns.get(r.id) ?? []).map(toCheckIn),
    links: (links.get(r.id) ?? []).map((l) => ({ goalId: l.goal_id, traitId: l.trait_id, effect: l.effect })),
  }));
}

export function loadTraits(db: RawDatabase, where: string, params: unknown[]): Trait[] {
  const rows = db.prepare(`SELECT ${TRAIT_COLUMNS} FROM traits t WHERE ${where} ORDER BY t.kind, t.created_at, t.id`).all(...params) as TraitRow[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = group(
    db.prepare(`SELECT goal_id, trait_id, effect FROM goal_trait_links WHERE trait_id IN (${ids.map(() => '?').join(',')}) ORDER BY created_at`).all(...ids) as LinkRow[],
    (r) => r.trait_id,
  );
  return rows.map((r) => ({
    id: r.id,
    studentId: r.student_id,
    kind: r.kind,
    statement: r.statement,
    source: r.source,
    sourceNote: r.source_note,
    visibility: r.visibility,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    links: (links.get(r.id) ?? []).map((l): GoalTraitLink => ({ goalId: l.goal_id, traitId: l.trait_id, effect: l.effect })),
  }));
}
