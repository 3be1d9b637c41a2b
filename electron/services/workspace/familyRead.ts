/**
 * Read functions for family-facing views (conference mode's family window, family summary
 * PDFs). Pure: they take the vault's connection and return plain JSON. Privacy is in the
 * SQL: every query selects visibility = 'family' rows only, and children (steps, check-ins)
 * are fetched for those goals alone. Never hand these functions' callers anything else.
 */
import type { RawDatabase } from '../../vault/database';
import { localIsoDate } from '../../../shared/domain/dates';
import { summarizeProgress, summarizeSteps } from '../../../shared/domain/workspace/progress';
import type { FamilyDecision, FamilyGoal, FamilyNote, FamilyTrait } from '../../../shared/domain/workspace/familyView';
import type { Decider, NoteKind, TraitKind, TraitSource } from '../../../shared/domain/workspace/vocabulary';
import { loadGoals } from './rows';
import { parseJsonArray } from './support';

/** Family-visible strengths and weaknesses of a student, strengths first. */
export function familyTraits(db: RawDatabase, studentId: number): FamilyTrait[] {
  return db
    .prepare(`SELECT id, kind, statement, source FROM traits WHERE student_id = ? AND visibility = 'family' ORDER BY kind = 'weakness', created_at, id`)
    .all(studentId) as { id: number; kind: TraitKind; statement: string; source: TraitSource }[];
}

/**
 * Family-visible, not archived goals of a student with their steps, check-ins (oldest
 * first), progress summary and the family-visible strengths/weaknesses linked to them.
 * `today` (YYYY-MM-DD, local) dates the summaries; defaults to the machine's today.
 */
export function familyGoals(db: RawDatabase, studentId: number, today: string = localIsoDate(new Date())): FamilyGoal[] {
  const goals = loadGoals(db, `g.student_id = ? AND g.visibility = 'family' AND g.archived_at IS NULL`, [studentId]);
  const traits = new Map(familyTraits(db, studentId).map((t) => [t.id, t]));
  return goals.map((g) => ({
    id: g.id,
    domain: g.domain,
    horizon: g.horizon,
    statement: g.statement,
    successMeasure: g.successMeasure,
    targetDate: g.targetDate,
    status: g.status,
    basedOn: g.basedOn,
    ascaCodes: g.ascaCodes,
    steps: g.steps.map((s) => ({ id: s.id, text: s.text, owner: s.owner, dueDate: s.dueDate, done: s.done, doneOn: s.doneOn })),
    checkIns: g.checkIns.map((c) => ({ id: c.id, checkedOn: c.checkedOn, rating: c.rating, evidence: c.evidence })),
    progress: summarizeProgress(g.checkIns, g.status, today),
    stepSummary: summarizeSteps(g.steps, today),
    helpedBy: g.links.filter((l) => l.effect === 'helps' && traits.has(l.traitId)).map((l) => traits.get(l.traitId)!),
    hinderedBy: g.links.filter((l) => l.effect === 'hinders' && traits.has(l.traitId)).map((l) => traits.get(l.traitId)!),
  }));
}

/**
 * Family-visible, not archived notes of a student, oldest first (the order they were said);
 * with `conferenceId`, only the notes taken in that conference.
 */
export function familyNotes(db: RawDatabase, studentId: number, conferenceId?: number): FamilyNote[] {
  const byConference = conferenceId === undefined ? '' : 'AND conference_id = ?';
  const rows = db
    .prepare(`SELECT id, kind, body, conference_id, created_at, updated_at FROM notes
      WHERE student_id = ? AND visibility = 'family' AND archived_at IS NULL ${byConference} ORDER BY created_at, id`)
    .all(...(conferenceId === undefined ? [studentId] : [studentId, conferenceId])) as {
    id: number;
    kind: NoteKind;
    body: string;
    conference_id: number | null;
    created_at: string;
    updated_at: string;
  }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, body: r.body, conferenceId: r.conference_id, createdAt: r.created_at, updatedAt: r.updated_at }));
}

/** Family-visible entries of the decisions log, newest first. */
export function familyDecisions(db: RawDatabase, studentId: number): FamilyDecision[] {
  const rows = db
    .prepare(`SELECT d.id, d.decided_on, d.decision, d.options, d.rationale, d.deciders,
        CASE WHEN g.visibility = 'family' AND g.archived_at IS NULL THEN d.goal_id END AS goal_id
      FROM decisions d LEFT JOIN goals g ON g.id = d.goal_id
      WHERE d.student_id = ? AND d.visibility = 'family' ORDER BY d.decided_on DESC, d.id DESC`)
    .all(studentId) as { id: number; decided_on: string; decision: string; options: string; rationale: string | null; deciders: string; goal_id: number | null }[];
  return rows.map((r) => ({
    id: r.id,
    decidedOn: r.decided_on,
    decision: r.decision,
    options: parseJsonArray<string>(r.options),
    rationale: r.rationale,
    deciders: parseJsonArray<Decider>(r.deciders),
    goalId: r.goal_id,
  }));
}
