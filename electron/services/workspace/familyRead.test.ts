import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision, Goal, Note, Trait } from '../../../shared/ipc/contract';
import { NOTE_VISIBILITIES } from '../../../shared/ipc/contract/common';
import { workspaceVault, type WorkspaceVault } from '../../testing/workspaceVault';
import { familyDecisions, familyGoals, familyNotes, familyTraits } from './familyRead';

let v: WorkspaceVault;
beforeEach(async () => {
  v = await workspaceVault();
});
afterEach(() => v.dispose());

/** A marker string per visibility, planted in every text field, so a leak is visible in JSON. */
const secret = (vis: string, what: string) => `${what}-${vis.toUpperCase()}-ONLY`;

async function plantEverything() {
  const goals: Record<string, Goal> = {};
  const traits: Record<string, Trait> = {};
  for (const vis of NOTE_VISIBILITIES) {
    goals[vis] = await v.ok<Goal>('wp:goals.create', {
      studentId: v.ana.id,
      domain: 'educational',
      horizon: 'short',
      statement: secret(vis, 'goal statement'),
      successMeasure: secret(vis, 'measure'),
      visibility: vis,
      steps: [{ text: secret(vis, 'step'), owner: 'student' }],
    });
    await v.ok('wp:goalCheckIns.create', { goalId: goals[vis].id, checkedOn: '2026-08-20', rating: 2, evidence: secret(vis, 'evidence') });
    traits[vis] = await v.ok<Trait>('wp:traits.create', { studentId: v.ana.id, kind: 'strength', statement: secret(vis, 'trait'), source: 'teacher', visibility: vis });
    await v.ok('wp:notes.create', { studentId: v.ana.id, body: secret(vis, 'note'), visibility: vis });
    await v.ok('wp:decisions.create', { studentId: v.ana.id, decidedOn: '2026-08-30', decision: secret(vis, 'decision'), rationale: secret(vis, 'rationale'), options: [secret(vis, 'option')], deciders: ['student'], visibility: vis });
  }
  // Every trait linked to every goal, both ways: only family ∩ family may show.
  for (const g of Object.values(goals)) for (const t of Object.values(traits)) await v.ok('wp:traits.link', { goalId: g.id, traitId: t.id, effect: t.id % 2 ? 'helps' : 'hinders' });
  return { goals, traits };
}

describe('family read functions (for conference mode)', () => {
  it('never return private or staff items, nor any trace of their text', async () => {
    const { goals, traits } = await plantEverything();
    const db = v.db();
    const results = {
      goals: familyGoals(db, v.ana.id, '2026-09-01'),
      notes: familyNotes(db, v.ana.id),
      traits: familyTraits(db, v.ana.id),
      decisions: familyDecisions(db, v.ana.id),
    };
    const json = JSON.stringify(results);
    expect(json).not.toMatch(/PRIVATE|STAFF/);
    expect(results.goals.map((g) => g.id)).toEqual([goals.family.id]);
    expect(results.goals[0]).toMatchObject({
      statement: 'goal statement-FAMILY-ONLY',
      steps: [{ text: 'step-FAMILY-ONLY', owner: 'student', done: false }],
      checkIns: [{ checkedOn: '2026-08-20', rating: 2, evidence: 'evidence-FAMILY-ONLY' }],
      progress: { count: 1, latestRating: 2, daysSinceLatest: 12, checkInDue: false },
      stepSummary: { total: 1, done: 0 },
    });
    const linked = [...results.goals[0].helpedBy, ...results.goals[0].hinderedBy].map((t) => t.id);
    expect(linked).toEqual([traits.family.id]);
    expect(results.notes.map((n) => n.body)).toEqual(['note-FAMILY-ONLY']);
    expect(results.traits.map((t) => t.statement)).toEqual(['trait-FAMILY-ONLY']);
    expect(results.decisions.map((d) => [d.decision, d.options, d.rationale])).toEqual([['decision-FAMILY-ONLY', ['option-FAMILY-ONLY'], 'rationale-FAMILY-ONLY']]);
    // No version or visibility fields leak the existence of other tiers either.
    expect(json).not.toMatch(/"visibility"|"version"/);
  });

  it('follow changes of visibility at once, and leave out archived goals and notes', async () => {
    const { goals } = await plantEverything();
    const db = v.db();
    const fam = goals.family;
    await v.ok('wp:goals.update', { id: fam.id, version: fam.version, changes: { visibility: 'staff' } });
    expect(familyGoals(db, v.ana.id)).toEqual([]);
    const priv = goals.private;
    const shared = await v.ok<Goal>('wp:goals.update', { id: priv.id, version: priv.version, changes: { visibility: 'family' } });
    expect(familyGoals(db, v.ana.id).map((g) => g.statement)).toEqual(['goal statement-PRIVATE-ONLY']);
    await v.ok('wp:goals.archive', { id: shared.id, version: shared.version });
    expect(familyGoals(db, v.ana.id)).toEqual([]);

    const note = (await v.ok<Note[]>('wp:notes.list', { studentId: v.ana.id, visibilities: ['family'] }))[0];
    await v.ok('wp:notes.archive', { id: note.id, version: note.version });
    expect(familyNotes(db, v.ana.id)).toEqual([]);
  });

  it('familyNotes filters by conference, in the order the notes were taken', async () => {
    const db = v.db();
    const mk = async (body: string, visibility: string, conferenceId: number | null, kind = 'parent') => {
      const n = await v.ok<Note>('wp:notes.create', { studentId: v.ana.id, body, visibility, kind });
      // Conference mode sets conference_id on notes it takes; simulate that writer.
      if (conferenceId !== null) db.prepare('UPDATE notes SET conference_id = ? WHERE id = ?').run(conferenceId, n.id);
      v.clock.advance(60_000);
      return n;
    };
    await mk('Mother asked when TSIA2 testing is.', 'family', 7);
    await mk('Father worried about cost of college.', 'private', 7);
    await mk('Family prefers texts in Spanish.', 'family', 8);
    await mk('Shared the FAFSA night flyer.', 'family', null, 'general');
    expect(familyNotes(db, v.ana.id, 7).map((n) => n.body)).toEqual(['Mother asked when TSIA2 testing is.']);
    expect(familyNotes(db, v.ana.id, 8).map((n) => [n.body, n.conferenceId, n.kind])).toEqual([['Family prefers texts in Spanish.', 8, 'parent']]);
    expect(familyNotes(db, v.ana.id).map((n) => n.body)).toEqual(['Mother asked when TSIA2 testing is.', 'Family prefers texts in Spanish.', 'Shared the FAFSA night flyer.']);
    expect(familyNotes(db, v.liam.id)).toEqual([]);
    expect(familyNotes(db, v.ana.id, 999)).toEqual([]);
  });

  it('familyDecisions shows a goal link only when that goal is family-visible', async () => {
    const db = v.db();
    const privateGoal = await v.ok<Goal>('wp:goals.create', { studentId: v.ana.id, domain: 'personal-social', horizon: 'short', statement: 'Talk with the counselor weekly about stress.' });
    const familyGoal = await v.ok<Goal>('wp:goals.create', { studentId: v.ana.id, domain: 'career', horizon: 'long', statement: 'Earn the CNA certification before graduation.' });
    const base = { studentId: v.ana.id, decidedOn: '2026-08-30', deciders: ['student', 'parent'] };
    await v.ok<Decision>('wp:decisions.create', { ...base, decision: 'Weekly check-ins', goalId: privateGoal.id });
    await v.ok<Decision>('wp:decisions.create', { ...base, decision: 'Take Health Science next year', goalId: familyGoal.id });
    expect(familyDecisions(db, v.ana.id).map((d) => [d.decision, d.goalId])).toEqual([
      ['Take Health Science next year', familyGoal.id],
      ['Weekly check-ins', null],
    ]);
  });

  it('sees notes conference mode takes through the notes service, with their conference', async () => {
    const notes = v.core.services.workspace.notes;
    const input = { studentId: v.ana.id, kind: 'parent' as const, pinned: false };
    notes.create({ ...input, body: 'Grandmother asked about bus routes.', visibility: 'family' }, { conferenceId: 12 });
    notes.create({ ...input, body: 'Family finances are tight this year.', visibility: 'private' }, { conferenceId: 12 });
    expect(familyNotes(v.db(), v.ana.id, 12).map((n) => [n.body, n.kind, n.conferenceId])).toEqual([['Grandmother asked about bus routes.', 'parent', 12]]);
    expect(v.audit('note.create').map((r) => r.summary)).toEqual(['conference 12', 'conference 12']);
    // Indexed for search like any other note.
    expect((await v.ok<{ total: number }>('wp:notes.search', { query: 'bus routes', studentId: v.ana.id })).total).toBe(1);
  });
});
