import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConferenceConsoleView, ConferenceRecord, PlanWorkspace, StartOptions } from '../../../shared/ipc/contract';
import type { FamilyGoal, FamilyScoreCards, ScenarioComparison } from '../../../shared/ipc/contract/conferenceSources';
import { SECRETS, SHARED, seedAcrossConcerns, type SeededStudent } from '../../testing/integrationSeed';
import type { PdfRequest } from '../../adapters/ports';
import { agreedRole, familyPlanName } from './wiredSources';
import { conferenceTestCore } from './testSetup';

/**
 * The conference sources wired to the other concerns, against a real encrypted vault seeded
 * through the handler table: what each adapter returns, in both languages, and what it never
 * returns.
 */
let t: Awaited<ReturnType<typeof conferenceTestCore>>;
let seed: SeededStudent;
let rendered: PdfRequest[];
beforeEach(async () => {
  rendered = [];
  t = await conferenceTestCore({
    pdf: {
      render: async (request) => {
        rendered.push(request);
        return new TextEncoder().encode('%PDF-1.7\n/Type /Page\n');
      },
    },
  });
  seed = await seedAcrossConcerns(t.core, t.ok);
});
afterEach(() => t.dispose());

const sources = () => t.core.services.conferenceSources;
function data<T>(r: { status: 'available'; data: T } | { status: 'unavailable' }): T {
  if (r.status !== 'available') throw new Error('source unavailable');
  return r.data;
}
function expectNoSecrets(where: string, value: unknown) {
  const json = JSON.stringify(value);
  for (const [what, secret] of Object.entries(SECRETS)) expect(json.includes(secret), `${what} in ${where}`).toBe(false);
}

describe('wired conference sources', () => {
  it('offers the record’s guardians with who may receive information, and the family’s language', async () => {
    const options = await t.ok<StartOptions>('wp:conferences.startOptions', { studentId: seed.student.id, locale: 'en' });
    expect(options.guardians).toEqual({
      status: 'available',
      data: [
        { id: expect.any(Number), name: 'Rosa Ybarra', relationship: 'Madre', language: 'es', mayReceiveInformation: true },
        { id: expect.any(Number), name: 'Tomás Quintanilla', relationship: 'Padre', language: null, mayReceiveInformation: false },
        { id: expect.any(Number), name: 'Inés Ybarra', relationship: 'Abuela', language: null, mayReceiveInformation: null },
      ],
    });
    expect(options.familyLanguage).toEqual({ status: 'available', data: 'es' });
    // Phone numbers and e-mail addresses stay on the record.
    expect(Object.keys(data(options.guardians)[0]).sort()).toEqual(['id', 'language', 'mayReceiveInformation', 'name', 'relationship']);
  });

  it('maps family-visible goals with labels in the family’s language, and leaves out private and staff goals and traits', () => {
    const en = data(sources().familyGoals(seed.student.id, 'en'));
    const es = data(sources().familyGoals(seed.student.id, 'es'));
    expect(en).toEqual<FamilyGoal[]>([
      {
        id: seed.familyGoalId,
        area: 'Career · Intermediate',
        statement: SHARED.familyGoal,
        status: 'Not started',
        tone: 'not_started',
        targetDate: '2027-04-30',
        measureOfSuccess: 'Two visits logged',
        steps: [{ text: SHARED.familyStep, owner: 'Parent or guardian', dueDate: '2026-11-15', done: false }],
        progress: { date: '2026-09-20', label: '2 · Getting started', percent: 25 },
        helpedBy: [SHARED.familyStrength],
        hinderedBy: [],
      },
    ]);
    expect(es[0]).toMatchObject({ area: 'Profesional · A mediano plazo', status: 'Sin empezar', steps: [{ owner: 'Madre, padre o tutor' }], progress: { label: '2 · Empezando' } });
    expectNoSecrets('goals', [en, es]);
  });

  it('turns the imported SAT into a family card with the plain-language interpretation, in English and Spanish', () => {
    const en = data(sources().familyScoreCards(seed.student.id, 'en'));
    const es = data(sources().familyScoreCards(seed.student.id, 'es'));
    expect(en.cards.map((c) => c.testName)).toEqual(['SAT']);
    const card = en.cards[0];
    expect(card).toMatchObject({ family: 'SAT', status: 'partly', headline: 'Met 1 of 2 benchmarks' });
    expect(card.sections.map((s) => [s.name, s.score, s.benchmark?.value, s.benchmark?.met])).toEqual([
      ['Total', '880', undefined, undefined],
      ['Reading and Writing', '480', 480, true],
      ['Math', '400', 530, false],
    ]);
    expect(card.means.join(' ')).toContain('Math: 400. That is 130 points below the benchmark of 530.');
    expect(es.cards[0].means.join(' ')).toContain('Matemáticas: 400. Está 130 puntos por debajo del punto de referencia de 530.');
    expect(en.collegeReadiness).toMatchObject({ title: expect.stringContaining('TSI'), ready: false });
    // Only what a family card shows: no import provenance, no source row, no IDs.
    expect(JSON.stringify(en)).not.toMatch(/604928|sample_anonymized|raw|batch/i);
    expect(Object.keys(card).sort()).toEqual(['administeredOn', 'dateText', 'doesNotMean', 'family', 'headline', 'id', 'means', 'nextSteps', 'notes', 'sections', 'status', 'testName']);
    const summary: FamilyScoreCards = en;
    expect(summary.cards).toHaveLength(1);
  });

  it('lists the plan options and compares them year by year, without counselor notes, waivers or marks', () => {
    expect(data(sources().planScenarios(seed.student.id))).toEqual([
      { id: seed.activePlanId, name: 'Four-year plan', isActive: true, updatedAt: expect.any(String) },
      { id: seed.scenarioId, name: SHARED.scenarioName, isActive: false, updatedAt: expect.any(String) },
    ]);
    const c: ScenarioComparison = data(sources().scenarioComparison(seed.student.id, [seed.activePlanId, seed.scenarioId], 'en'));
    expect(c.scenarios.map((s) => [s.name, s.isActive, s.endorsement?.code])).toEqual([
      ['Four-year plan', true, 'stem'],
      [SHARED.scenarioName, false, 'business-industry'],
    ]);
    const grade11 = (i: number) => c.scenarios[i].years.find((y) => y.grade === '11')!.courses.map((x) => x.code);
    expect(grade11(0)).toEqual(expect.arrayContaining(['ALG-2', 'PHYSICS']));
    expect(grade11(1)).toEqual(expect.arrayContaining(['ACCT-1']));
    expect(grade11(1)).not.toContain('ALG-2');
    expect(c.differences[0].sentences).toEqual(expect.arrayContaining(['Endorsement: STEM → Business & Industry.', 'Removes Algebra II (Grade 11).']));
    const es = data(sources().scenarioComparison(seed.student.id, [seed.activePlanId, seed.scenarioId], 'es'));
    expect(es.differences[0].sentences).toEqual(expect.arrayContaining(['Reconocimiento: STEM → Negocios e Industria.']));
    expectNoSecrets('comparison', [c, es]);
    expect(JSON.stringify(c)).not.toMatch(/"(note|waivers|mark|studentId)"/);
    // Another student's plan: not available (the family screen says so rather than failing).
    expect(sources().scenarioComparison(seed.student.id + 1, [seed.activePlanId, seed.scenarioId], 'en')).toEqual({ status: 'unavailable' });
  });

  it('a plan chosen in a conference becomes the active plan when it ends, with who agreed and the conference recorded', async () => {
    const studentId = seed.student.id;
    let r = await t.ok<ConferenceRecord>('wp:conferences.start', {
      studentId,
      purpose: 'course_selection',
      familyLanguage: 'es',
      attendees: [
        { role: 'student', name: 'Marisol Quintanilla' },
        { role: 'guardian', name: 'Rosa Ybarra', detail: 'Madre', guardianId: data(sources().guardians(studentId))[0].id },
        { role: 'guardian', name: 'Inés Ybarra', detail: 'Abuela' },
        { role: 'counselor', name: 'Dana Whitfield' },
      ],
      locale: 'en',
    });
    const [student, mother, grandmother] = r.attendees;
    // A plan of another student cannot be chosen.
    expect(await t.call('wp:conferences.addDecision', { conferenceId: r.conference.id, decision: { kind: 'scenario', what: 'x', scenarioId: 999 }, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'scenario-not-found' } } });
    r = await t.ok<ConferenceRecord>('wp:conferences.addDecision', { conferenceId: r.conference.id, decision: { kind: 'scenario', what: 'Switch to Business & Industry', scenarioId: seed.scenarioId }, locale: 'en' });
    // Nobody recorded as agreeing: ending is refused before anything is made.
    expect(await t.call('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'choice-needs-agreement' } } });
    r = await t.ok<ConferenceRecord>('wp:conferences.updateDecision', { id: r.decisions[0].id, version: r.decisions[0].version, changes: { agreedBy: [student.id, mother.id, grandmother.id] }, locale: 'en' });
    r = await t.ok<ConferenceRecord>('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' });
    expect(r.conference.status).toBe('ended');

    const ws = await t.ok<PlanWorkspace>('wp:coursePlans.workspace', { studentId });
    expect(ws.plans.map((p) => [p.name, p.kind])).toEqual([
      [SHARED.scenarioName, 'active'],
      ['Four-year plan', 'previous'],
    ]);
    expect(ws.decisions).toEqual([
      {
        id: expect.any(Number),
        planId: seed.scenarioId,
        planName: SHARED.scenarioName,
        previousPlanId: seed.activePlanId,
        agreedBy: [
          { name: 'Marisol Quintanilla', role: 'student' },
          { name: 'Rosa Ybarra', role: 'parent' },
          { name: 'Inés Ybarra', role: 'guardian' },
        ],
        decidedOn: '2026-10-01',
        recordedAt: expect.any(String),
        note: null,
        conferenceId: r.conference.id,
      },
    ]);
    // Recorded once: the conference keeps the decision, the plan keeps its effect.
    expect(t.db().prepare('SELECT count(*) AS n FROM plan_decisions').get()).toEqual({ n: 1 });
    expect(t.db().prepare('SELECT count(*) AS n FROM decisions').get()).toEqual({ n: 1 }); // only the seeded private one
  });

  it('choosing the plan that is already active records the agreement and changes no plan; a refused change ends nothing', async () => {
    const studentId = seed.student.id;
    const start = () =>
      t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'pgp_review', familyLanguage: 'en', attendees: [{ role: 'student', name: 'Marisol' }, { role: 'counselor', name: 'Dana Whitfield' }], locale: 'en' });
    let r = await start();
    r = await t.ok<ConferenceRecord>('wp:conferences.addDecision', { conferenceId: r.conference.id, decision: { kind: 'scenario', what: 'Keep the current plan', scenarioId: seed.activePlanId, agreedBy: [r.attendees[0].id] }, locale: 'en' });
    await t.ok('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' });
    expect(t.db().prepare(`SELECT kind FROM course_plans WHERE id = ?`).get(seed.activePlanId)).toEqual({ kind: 'active' });
    expect(t.db().prepare('SELECT plan_id, previous_plan_id, conference_id FROM plan_decisions').all()).toEqual([{ plan_id: seed.activePlanId, previous_plan_id: null, conference_id: r.conference.id }]);

    // A foundation-only scenario without the parent's written permission: the end is refused, nothing changes.
    const ws = t.core.services.plans.workspace(studentId, seed.scenarioId);
    t.core.services.plans.updatePlan({ planId: seed.scenarioId, version: ws.plan!.version, changes: { program: 'foundation' } });
    r = await start();
    r = await t.ok<ConferenceRecord>('wp:conferences.addDecision', { conferenceId: r.conference.id, decision: { kind: 'scenario', what: 'Foundation only', scenarioId: seed.scenarioId, agreedBy: [r.attendees[0].id] }, locale: 'en' });
    expect(await t.call('wp:conferences.end', { id: r.conference.id, version: r.conference.version, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'foundation-only-permission' } } });
    expect(t.db().prepare('SELECT status FROM conferences WHERE id = ?').get(r.conference.id)).toEqual({ status: 'in_progress' });
    expect(t.db().prepare('SELECT count(*) AS n FROM conference_summaries WHERE conference_id = ?').get(r.conference.id)).toEqual({ n: 0 });
    expect(t.db().prepare('SELECT count(*) AS n FROM conference_reviewed WHERE conference_id = ?').get(r.conference.id)).toEqual({ n: 0 });
    expect(t.db().prepare(`SELECT kind FROM course_plans WHERE id = ?`).get(seed.scenarioId)).toEqual({ kind: 'scenario' });
  });

  it('keeps what the family reviewed with the ended conference, in both languages, unchanged by later imports', async () => {
    const studentId = seed.student.id;
    let r = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'test_results', familyLanguage: 'es', attendees: [{ role: 'student', name: 'Marisol' }], locale: 'en' });
    await t.ok('wp:presentation.show', { conferenceId: r.conference.id });
    await t.ok('wp:presentation.compare', { conferenceId: r.conference.id, scenarioIds: [seed.activePlanId, seed.scenarioId] });
    const view = await t.ok<ConferenceConsoleView>('wp:conferences.open', { id: r.conference.id, locale: 'en' });
    expect(view.record.conference.comparedScenarioIds).toEqual([seed.activePlanId, seed.scenarioId]);
    r = await t.ok<ConferenceRecord>('wp:conferences.end', { id: r.conference.id, version: view.record.conference.version, summary: { goals: false, tests: true, plans: true }, locale: 'en' });
    const reviewed = (locale: string) => JSON.parse((t.db().prepare('SELECT content FROM conference_reviewed WHERE conference_id = ? AND locale = ?').get(r.conference.id, locale) as { content: string }).content);
    expect(reviewed('es')).toMatchObject({ goals: null, tests: { cards: [{ testName: 'SAT', headline: 'Alcanzó 1 de 2 puntos de referencia' }] }, plans: { scenarios: [{ name: 'Plan de cuatro años' }, { name: SHARED.scenarioName }] } });
    expect(reviewed('en')).toMatchObject({ tests: { cards: [{ headline: 'Met 1 of 2 benchmarks' }] } });
    expectNoSecrets('reviewed', [reviewed('en'), reviewed('es')]);
    // Deleting the SAT afterwards does not rewrite the record of what was reviewed.
    t.db().prepare('DELETE FROM test_results').run();
    expect(reviewed('es').tests.cards).toHaveLength(1);
  });

  it('shows the plan name the app made in the family’s language on the family screen and in the summary; a typed name stays as typed', async () => {
    const studentId = seed.student.id;
    const names = (locale: 'en' | 'es') => data(sources().scenarioComparison(studentId, [seed.activePlanId, seed.scenarioId], locale)).scenarios.map((s) => s.name);
    expect(names('en')).toEqual(['Four-year plan', SHARED.scenarioName]);
    expect(names('es')).toEqual(['Plan de cuatro años', SHARED.scenarioName]);

    let r = await t.ok<ConferenceRecord>('wp:conferences.start', { studentId, purpose: 'course_selection', familyLanguage: 'es', attendees: [{ role: 'student', name: 'Marisol' }], locale: 'en' });
    await t.ok('wp:presentation.show', { conferenceId: r.conference.id });
    await t.ok('wp:presentation.compare', { conferenceId: r.conference.id, scenarioIds: [seed.activePlanId, seed.scenarioId] });
    const screen = JSON.stringify(await t.ok('wp:family.view', undefined, 'family'));
    expect(screen).toContain('Plan de cuatro años');
    expect(screen).not.toContain('Four-year plan');
    expect(screen).toContain(SHARED.scenarioName);

    const view = await t.ok<ConferenceConsoleView>('wp:conferences.open', { id: r.conference.id, locale: 'en' });
    r = await t.ok<ConferenceRecord>('wp:conferences.end', { id: r.conference.id, version: view.record.conference.version, summary: { goals: false, tests: false, plans: true }, locale: 'en' });
    const summary = rendered.map((x) => x.html).join('\n');
    expect(summary).toContain('Resumen de la reunión');
    expect(summary).toContain('Plan de cuatro años');
    expect(summary).not.toContain('Four-year plan');

    // Renamed by the counselor: the family sees the typed name in either language.
    const ws = t.core.services.plans.workspace(studentId, seed.activePlanId);
    t.core.services.plans.updatePlan({ planId: seed.activePlanId, version: ws.plan!.version, changes: { name: 'Plan A: ingeniería' } });
    expect(names('es')[0]).toBe('Plan A: ingeniería');
    expect(names('en')[0]).toBe('Plan A: ingeniería');
  });

  it('reads the default plan name in the family’s language whichever language it was stored in', () => {
    expect(familyPlanName('Four-year plan', 'es')).toBe('Plan de cuatro años');
    expect(familyPlanName('Plan de cuatro años', 'en')).toBe('Four-year plan');
    expect(familyPlanName('Plan de cuatro años', 'es')).toBe('Plan de cuatro años');
    expect(familyPlanName('Four-year plan with summer school', 'es')).toBe('Four-year plan with summer school');
    expect(familyPlanName('four-year plan', 'es')).toBe('four-year plan');
  });

  it('maps attendee roles to the plan’s “who agreed” roles', () => {
    expect([
      agreedRole('student', null),
      agreedRole('guardian', 'Madre'),
      agreedRole('guardian', 'Father'),
      agreedRole('guardian', 'Tía'),
      agreedRole('guardian', null),
      agreedRole('interpreter', 'Spanish'),
      agreedRole('counselor', null),
      agreedRole('teacher', 'Algebra I'),
      agreedRole('other', null),
    ]).toEqual(['student', 'parent', 'parent', 'guardian', 'guardian', 'other', 'counselor', 'teacher', 'other']);
  });
});
