import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Goal, GoalCheckIn, GoalStep, StudentPlan, Trait, GoalTraitLink, Decision } from '../../../shared/ipc/contract';
import { draftFromTemplate, GOAL_TEMPLATES } from '../../../shared/domain/workspace/templates';
import { workspaceVault, type WorkspaceVault } from '../../testing/workspaceVault';

let v: WorkspaceVault;
beforeEach(async () => {
  v = await workspaceVault();
});
afterEach(() => v.dispose());

const basic = (studentId: number, extra: Record<string, unknown> = {}) => ({
  studentId,
  domain: 'educational',
  horizon: 'short',
  statement: 'Raise my Algebra I grade from 68 to at least 75 by the end of this grading period.',
  successMeasure: 'Report card shows 75 or higher in Algebra I.',
  targetDate: '2026-10-13',
  basedOn: ['school', 'self-knowledge'],
  ascaCodes: ['B-LS 3'],
  ...extra,
});

describe('goals', () => {
  it('creates a goal from a template with its steps in one call, in the template language', async () => {
    const template = GOAL_TEMPLATES.templates.find((t) => t.id === 'hs-edu-grade')!;
    const draft = draftFromTemplate(template, 'es', '2026-09-01', { gradeLevel: '09', expectedGraduationYear: 2030 });
    const goal = await v.ok<Goal>('wp:goals.create', {
      studentId: v.ana.id,
      ...draft,
      statement: draft.statement.replace('[curso]', 'Álgebra I').replace('[calificación actual]', '68').replace('[calificación meta]', '75'),
    });
    expect(goal.statement).toBe('Voy a subir mi calificación en Álgebra I de 68 a por lo menos 75 para el final de este periodo de calificaciones.');
    expect(goal.templateId).toBe('hs-edu-grade');
    expect(goal.status).toBe('not-started');
    expect(goal.steps.map((s) => s.owner)).toEqual(template.steps.map((s) => s.owner));
    expect(goal.steps[0].text).toBe(template.steps[0].text.es);
    expect(goal.steps.every((s) => !s.done && s.dueDate! <= goal.targetDate!)).toBe(true);
    expect(goal.ascaCodes).toEqual(['B-LS 3', 'B-LS 4', 'B-SMS 5']);
    expect(v.audit('goal.create')).toEqual([{ entity_type: 'goal', entity_id: goal.id, summary: `from template, ${template.steps.length} steps` }]);
  });

  it.each([
    ['educational', 'family'],
    ['career', 'family'],
    ['personal-social', 'private'],
  ])('a new %s goal is %s unless the counselor chooses', async (domain, expected) => {
    const g = await v.ok<Goal>('wp:goals.create', basic(v.ana.id, { domain }));
    expect(g.visibility).toBe(expected);
    const chosen = await v.ok<Goal>('wp:goals.create', basic(v.ana.id, { domain, visibility: 'staff' }));
    expect(chosen.visibility).toBe('staff');
  });

  it('stores ASCA codes canonically, in standards order, and refuses codes that do not exist', async () => {
    const g = await v.ok<Goal>('wp:goals.create', basic(v.ana.id, { ascaCodes: ['b-sms5', 'M4', 'B–LS 7', 'B-LS 7'] }));
    expect(g.ascaCodes).toEqual(['M 4', 'B-LS 7', 'B-SMS 5']);
    for (const bad of ['B-LS 11', 'M 7', 'B-XX 1', 'reading']) {
      const err = await v.fails('wp:goals.create', basic(v.ana.id, { ascaCodes: ['M 1', bad] }));
      expect(err.code).toBe('VALIDATION');
      expect(err.paths).toEqual(['ascaCodes.1']);
    }
    expect((v.db().prepare('SELECT count(*) AS n FROM goals').get() as { n: number }).n).toBe(1);
  });

  it('rejects over-long or empty text instead of cutting it, and writes nothing', async () => {
    for (const [field, value] of [
      ['statement', 'x'.repeat(601)],
      ['statement', '   '],
      ['successMeasure', 'y'.repeat(601)],
      ['targetDate', '2026-02-30'],
      ['domain', 'academic'],
      ['basedOn', ['school', 'hobbies']],
    ] as const) {
      const err = await v.fails('wp:goals.create', basic(v.ana.id, { [field]: value }));
      expect(err.code, field).toBe('VALIDATION');
      expect(err.paths[0], field).toMatch(new RegExp(`^${field}`));
    }
    expect((v.db().prepare('SELECT count(*) AS n FROM goals').get() as { n: number }).n).toBe(0);
    expect((await v.fails('wp:goals.create', basic(9999))).code).toBe('NOT_FOUND');
  });

  it('edits with optimistic concurrency and audits which fields changed, never their values', async () => {
    const g = await v.ok<Goal>('wp:goals.create', basic(v.ana.id));
    const edited = await v.ok<Goal>('wp:goals.update', { id: g.id, version: g.version, changes: { status: 'in-progress', statement: 'Raise my Algebra I grade to 80 by December.', ascaCodes: ['B-LS 3', 'B-SMS 5'] } });
    expect(edited).toMatchObject({ version: 2, status: 'in-progress', ascaCodes: ['B-LS 3', 'B-SMS 5'], successMeasure: g.successMeasure, targetDate: g.targetDate });
    // A second window still holding version 1 must not overwrite it.
    const stale = await v.fails('wp:goals.update', { id: g.id, version: 1, changes: { status: 'achieved' } });
    expect(stale.code).toBe('CONFLICT');
    expect((await v.ok<Goal>('wp:goals.update', { id: g.id, version: 2, changes: { status: 'in-progress' } })).version).toBe(2);
    expect(v.audit('goal.update')).toEqual([{ entity_type: 'goal', entity_id: g.id, summary: 'statement,status,ascaCodes' }]);
    expect(v.auditText()).not.toMatch(/Algebra|December|80/);
  });

  it('archives and restores; the plan hides archived goals but counts them', async () => {
    const a = await v.ok<Goal>('wp:goals.create', basic(v.ana.id));
    await v.ok<Goal>('wp:goals.create', basic(v.ana.id, { domain: 'career', horizon: 'long', statement: 'Earn the Certified Nursing Assistant certification before graduation.' }));
    const archived = await v.ok<Goal>('wp:goals.archive', { id: a.id, version: a.version });
    expect(archived.archivedAt).toBe('2026-09-01T14:00:00.000Z');
    let plan = await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id });
    expect(plan.goals.map((g) => g.domain)).toEqual(['career']);
    expect(plan.archivedGoalCount).toBe(1);
    plan = await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id, includeArchived: true });
    expect(plan.goals).toHaveLength(2);
    const restored = await v.ok<Goal>('wp:goals.restore', { id: a.id, version: archived.version });
    expect(restored.archivedAt).toBeNull();
    expect(v.audit('goal.archive')).toHaveLength(1);
    expect(v.audit('goal.restore')).toHaveLength(1);
    // Another student's plan is separate.
    expect((await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.liam.id })).goals).toEqual([]);
  });

  it('hard delete removes steps, check-ins, tags and links; decisions keep their text; the audit keeps only that it happened', async () => {
    const g = await v.ok<Goal>('wp:goals.create', { ...basic(v.ana.id), steps: [{ text: 'Go to Tuesday tutoring with Ms. Okafor', owner: 'student', dueDate: '2026-09-08' }] });
    await v.ok<GoalCheckIn>('wp:goalCheckIns.create', { goalId: g.id, checkedOn: '2026-09-01', rating: 2, evidence: 'Quiz 3: 71' });
    const trait = await v.ok<Trait>('wp:traits.create', { studentId: v.ana.id, kind: 'strength', statement: 'Asks questions in class', source: 'teacher', links: [{ goalId: g.id, effect: 'helps' }] });
    const decision = await v.ok<Decision>('wp:decisions.create', { studentId: v.ana.id, decidedOn: '2026-09-01', decision: 'Stay in Algebra I and add tutoring', deciders: ['student', 'counselor'], goalId: g.id });
    const current = (await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id })).goals[0];
    expect(current.links).toEqual([{ goalId: g.id, traitId: trait.id, effect: 'helps' }]);

    expect((await v.fails('wp:goals.remove', { id: g.id, version: 99 })).code).toBe('CONFLICT');
    await v.ok('wp:goals.remove', { id: g.id, version: current.version });
    for (const table of ['goals', 'goal_steps', 'goal_check_ins', 'goal_standards', 'goal_trait_links']) {
      expect((v.db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    const plan = await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id });
    expect(plan.traits.map((t) => [t.statement, t.links])).toEqual([['Asks questions in class', []]]);
    expect((await v.ok<Decision[]>('wp:decisions.list', { studentId: v.ana.id }))[0]).toMatchObject({ id: decision.id, goalId: null, decision: 'Stay in Algebra I and add tutoring' });
    expect(v.audit('goal.delete')).toEqual([{ entity_type: 'goal', entity_id: g.id, summary: '1 steps, 1 check-ins, 1 links removed' }]);
    expect(v.auditText()).not.toMatch(/Okafor|Quiz|Algebra|tutoring/);
    expect((await v.fails('wp:goals.update', { id: g.id, version: 1, changes: { status: 'achieved' } })).code).toBe('NOT_FOUND');
  });
});

describe('action steps', () => {
  it('adds steps in order, ticks one off with today’s date, unticks, edits and removes', async () => {
    const g = await v.ok<Goal>('wp:goals.create', basic(v.ana.id));
    const a = await v.ok<GoalStep>('wp:goalSteps.create', { goalId: g.id, text: 'Write every assignment in my planner', owner: 'student', dueDate: '2026-09-08' });
    const b = await v.ok<GoalStep>('wp:goalSteps.create', { goalId: g.id, text: 'Check the grade portal each Sunday', owner: 'parent' });
    const done = await v.ok<GoalStep>('wp:goalSteps.update', { id: a.id, version: a.version, changes: { done: true } });
    expect(done).toMatchObject({ done: true, doneOn: '2026-09-01', version: 2 });
    v.clock.advance(3 * 86_400_000);
    const edited = await v.ok<GoalStep>('wp:goalSteps.update', { id: a.id, version: 2, changes: { text: 'Write every assignment in my planner, daily' } });
    expect(edited).toMatchObject({ done: true, doneOn: '2026-09-01' });
    const undone = await v.ok<GoalStep>('wp:goalSteps.update', { id: a.id, version: 3, changes: { done: false } });
    expect(undone).toMatchObject({ done: false, doneOn: null });
    expect((await v.fails('wp:goalSteps.update', { id: b.id, version: 1, changes: { owner: 'grandparent' } })).paths).toEqual(['changes.owner']);
    expect((await v.fails('wp:goalSteps.create', { goalId: g.id, text: 's'.repeat(301), owner: 'student' })).paths).toEqual(['text']);
    await v.ok('wp:goalSteps.remove', { id: b.id, version: 1 });
    const plan = await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id });
    expect(plan.goals[0].steps.map((s) => s.text)).toEqual(['Write every assignment in my planner, daily']);
    expect(v.audit('goal_step.update').map((r) => r.summary)).toEqual(['done', 'text', 'done']);
    expect((await v.fails('wp:goalSteps.create', { goalId: 4242, text: 'x', owner: 'student' })).code).toBe('NOT_FOUND');
  });
});

describe('progress check-ins', () => {
  it('records dated 1–5 ratings with evidence, returned oldest first; no future dates', async () => {
    const g = await v.ok<Goal>('wp:goals.create', basic(v.ana.id));
    await v.ok('wp:goalCheckIns.create', { goalId: g.id, checkedOn: '2026-08-25', rating: 2, evidence: 'Missing 4 assignments.\nStarted tutoring.' });
    await v.ok('wp:goalCheckIns.create', { goalId: g.id, checkedOn: '2026-08-11', rating: 1 });
    const late = await v.ok<GoalCheckIn>('wp:goalCheckIns.create', { goalId: g.id, checkedOn: '2026-09-01', rating: 3, evidence: '   ' });
    expect(late.evidence).toBeNull();
    const plan = await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id });
    expect(plan.goals[0].checkIns.map((c) => [c.checkedOn, c.rating])).toEqual([
      ['2026-08-11', 1],
      ['2026-08-25', 2],
      ['2026-09-01', 3],
    ]);
    expect(plan.goals[0].checkIns[1].evidence).toBe('Missing 4 assignments.\nStarted tutoring.');
    const future = await v.fails('wp:goalCheckIns.create', { goalId: g.id, checkedOn: '2026-09-02', rating: 3 });
    expect(future).toMatchObject({ code: 'VALIDATION', paths: ['checkedOn'] });
    for (const rating of [0, 6, 2.5]) expect((await v.fails('wp:goalCheckIns.create', { goalId: g.id, checkedOn: '2026-09-01', rating })).paths).toEqual(['rating']);
    expect((await v.fails('wp:goalCheckIns.update', { id: late.id, version: late.version, changes: { checkedOn: '2027-01-01' } })).paths).toEqual(['checkedOn']);
    const fixed = await v.ok<GoalCheckIn>('wp:goalCheckIns.update', { id: late.id, version: late.version, changes: { rating: 4 } });
    expect(fixed).toMatchObject({ rating: 4, version: 2 });
    await v.ok('wp:goalCheckIns.remove', { id: late.id, version: 2 });
    expect((await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id })).goals[0].checkIns).toHaveLength(2);
  });
});

describe('strengths and weaknesses', () => {
  it('defaults strengths to family and weaknesses to private, links them to goals as helps or hinders', async () => {
    const g1 = await v.ok<Goal>('wp:goals.create', basic(v.ana.id));
    const g2 = await v.ok<Goal>('wp:goals.create', basic(v.ana.id, { domain: 'career', statement: 'Job shadow a registered nurse this spring.' }));
    const s = await v.ok<Trait>('wp:traits.create', { studentId: v.ana.id, kind: 'strength', statement: 'Organized and keeps a planner', source: 'teacher', links: [{ goalId: g1.id, effect: 'helps' }] });
    const w = await v.ok<Trait>('wp:traits.create', { studentId: v.ana.id, kind: 'weakness', statement: 'Misses the bus on Mondays', source: 'records', sourceNote: 'Attendance report' });
    expect([s.visibility, w.visibility]).toEqual(['family', 'private']);
    expect(await v.ok<GoalTraitLink>('wp:traits.link', { goalId: g1.id, traitId: w.id, effect: 'hinders' })).toEqual({ goalId: g1.id, traitId: w.id, effect: 'hinders' });
    await v.ok('wp:traits.link', { goalId: g2.id, traitId: s.id, effect: 'helps' });
    await v.ok('wp:traits.link', { goalId: g2.id, traitId: s.id, effect: 'hinders' });
    await v.ok('wp:traits.link', { goalId: g1.id, traitId: s.id, effect: null });
    await v.ok('wp:traits.link', { goalId: g1.id, traitId: s.id, effect: null }); // removing twice is fine
    const plan = await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id });
    const byId = Object.fromEntries(plan.goals.map((g) => [g.id, g.links]));
    expect(byId[g1.id]).toEqual([{ goalId: g1.id, traitId: w.id, effect: 'hinders' }]);
    expect(byId[g2.id]).toEqual([{ goalId: g2.id, traitId: s.id, effect: 'hinders' }]);
    expect(plan.traits.find((t) => t.id === s.id)!.links).toEqual([{ goalId: g2.id, traitId: s.id, effect: 'hinders' }]);
    expect(v.audit('goal_trait_link.delete')).toHaveLength(1);

    // A goal of another student cannot be linked.
    const other = await v.ok<Goal>('wp:goals.create', basic(v.liam.id));
    expect((await v.fails('wp:traits.link', { goalId: other.id, traitId: s.id, effect: 'helps' })).code).toBe('VALIDATION');
    expect((await v.fails('wp:traits.create', { studentId: v.ana.id, kind: 'strength', statement: 'x', source: 'teacher', links: [{ goalId: other.id, effect: 'helps' }] })).code).toBe('VALIDATION');
    expect((v.db().prepare('SELECT count(*) AS n FROM traits').get() as { n: number }).n).toBe(2);

    const edited = await v.ok<Trait>('wp:traits.update', { id: w.id, version: 1, changes: { statement: 'Late to first period on Mondays', visibility: 'family' } });
    expect(edited).toMatchObject({ version: 2, visibility: 'family', source: 'records' });
    await v.ok('wp:traits.remove', { id: w.id, version: 2 });
    expect((await v.ok<StudentPlan>('wp:goals.plan', { studentId: v.ana.id })).goals.find((g) => g.id === g1.id)!.links).toEqual([]);
    expect(v.auditText()).not.toMatch(/bus|Monday|planner|Attendance/);
  });
});
