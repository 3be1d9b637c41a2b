import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, type Harness } from './harness';
import { seedSamplePlan } from './fixtures/samplePlan';
import { familyGoals, familyNotes } from '../electron/services/workspace/familyRead';
import { localIsoDate } from '../shared/domain/dates';
import type { StudentDetail } from '../shared/ipc/contract';

const PASSPHRASE = 'orchard-lantern-velvet-42';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
let dir: string;
let h: Harness | null = null;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-ws-e2e-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

/** An unlocked vault with one invented ninth grader, the page on their given tab. */
async function openStudent(locale: 'en' | 'es', tab: string, seed = false): Promise<{ page: Page; student: StudentDetail }> {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, scrypt: FAST });
  const { page, core } = h;
  await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
  const env = await core.dispatch('wp:students.create', { firstName: 'Ximena', lastName: 'Castillo Ruiz', gradeLevel: '09', expectedGraduationYear: 2030, localId: '0900417' }, { scope: 'console' });
  const student = (env as { ok: true; value: StudentDetail }).value;
  if (seed) await seedSamplePlan(core, student, locale, localIsoDate(new Date()));
  // The page loaded before the vault existed: reload so the app sees it unlocked.
  await page.goto(`http://waypoint.test/index.html#/students/${student.id}/${tab}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Ximena Castillo Ruiz' }).waitFor();
  return { page, student };
}

test('a goal from a template with a step, a linked strength and check-ins; notes with visibility; a decision', async () => {
  const { page, student } = await openStudent('en', 'plan');
  const db = () => h!.core.ctx.vault.session().db;

  // Goal from a high-school template, blanks filled once for the whole goal.
  await page.getByRole('button', { name: 'New goal' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Based on the student’s grade (Grade 9).')).toBeVisible();
  await dialog.getByRole('button', { name: /Raise a grade this grading period/ }).click();
  await dialog.getByLabel('Replace [course]').fill('Algebra I');
  // Saving with a blank still in the goal is stopped, and focus goes to that blank.
  await dialog.getByRole('button', { name: 'Save goal' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Still to fill in: [current grade], [target grade]');
  await expect(dialog.getByLabel('Replace [current grade]')).toBeFocused();
  await dialog.getByLabel('Replace [current grade]').fill('68');
  await dialog.getByLabel('Replace [target grade]').fill('78');
  await expect(dialog.getByLabel('Goal statement')).toHaveValue('I will raise my grade in Algebra I from 68 to at least 78 by the end of this grading period.');
  await expect(dialog.getByLabel('Step 2', { exact: true })).toHaveValue('Turn in all missing work for Algebra I within two weeks.');
  await expect(dialog.getByText('Still to fill in')).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: /Shared with family/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save goal' }).click();

  // The new goal opens: add a step.
  const goal = page.getByRole('dialog');
  await expect(goal.getByRole('heading', { name: /I will raise my grade in Algebra I from 68/ })).toBeVisible();
  await goal.getByLabel('Step', { exact: true }).fill('Ask Ms. Okafor for the unit 3 study guide');
  await goal.getByLabel('Who').last().click();
  await page.getByRole('option', { name: 'Teacher' }).click();
  await goal.getByRole('button', { name: 'Add step' }).click();
  await expect(goal.getByText('Ask Ms. Okafor for the unit 3 study guide')).toBeVisible();
  await expect(goal.getByRole('checkbox', { name: /Mark “.*” done/ })).toHaveCount(6);
  await goal.getByRole('checkbox', { name: 'Mark “Check the grade portal with me every week.” done' }).check();
  await expect(goal.getByText(/Done /)).toBeVisible();
  await goal.getByRole('button', { name: 'Close' }).click();

  // A strength that helps the goal.
  await page.getByRole('button', { name: 'Add strength' }).click();
  const trait = page.getByRole('dialog');
  await trait.getByLabel('Description').fill('Keeps a planner and uses it every day');
  await trait.getByLabel('Source', { exact: true }).click();
  await page.getByRole('option', { name: 'Teacher' }).click();
  await trait.getByLabel(/I will raise my grade in Algebra I/).click();
  await page.getByRole('option', { name: 'Helps' }).click();
  await trait.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const card = page.getByRole('article', { name: /I will raise my grade in Algebra I/ });
  await expect(card.getByText('Helps: 1')).toBeVisible();
  await expect(page.getByText(/Helps:.*I will raise my grade in Algebra I/)).toBeVisible();

  // Two check-ins, then the chart.
  const twoWeeksAgo = localIsoDate(new Date(Date.now() - 14 * 86_400_000));
  for (const [date, rating, evidence] of [
    [twoWeeksAgo, '2 · Getting started', 'Missing 4 assignments; started tutoring.'],
    [localIsoDate(new Date()), '3 · Making progress', 'Quiz average 75.'],
  ] as const) {
    await card.getByRole('button', { name: /^Check in/ }).click();
    const ci = page.getByRole('dialog');
    await ci.getByLabel('Date', { exact: true }).fill(date);
    await ci.getByRole('radio', { name: rating }).check();
    await ci.getByLabel('Evidence').fill(evidence);
    await ci.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await expect(card.getByText('Latest: 3 · Making progress')).toBeVisible();
  await expect(card.getByText('Rising')).toBeVisible();
  await card.getByRole('button', { name: /^Open goal/ }).click();
  const chart = page.getByTestId('progress-chart');
  await expect(chart).toHaveAttribute('aria-label', 'Progress over time: 2 check-ins, latest 3 · Making progress.');
  await expect(chart.locator('path.MuiLineChart-line')).toBeVisible();
  await expect(chart.locator('.MuiLineChart-mark')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Check-in history' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('dialog').getByText('Keeps a planner and uses it every day')).toBeVisible();
  await expect(page.getByRole('dialog').getByText('Strength · Helps this goal')).toBeVisible();
  await page.keyboard.press('Escape');

  // Notes: private unless chosen, the visibility written on each note.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Worried about money at home.\nDo not raise with family yet.');
  await expect(page.getByRole('radio', { name: /Private — only you/ })).toBeChecked();
  await page.getByRole('button', { name: 'Save note' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Mom asked about the Health Science course.');
  await page.getByRole('radio', { name: /Shared with family/ }).check();
  await page.getByLabel('Note', { exact: true }).press('Control+Enter');
  const privateNote = page.getByRole('article').filter({ hasText: 'Worried about money at home.' });
  const familyNote = page.getByRole('article').filter({ hasText: 'Mom asked about the Health Science course.' });
  await expect(privateNote.getByText('Private — only you')).toBeVisible();
  await expect(familyNote.getByText('Shared with family')).toBeVisible();
  await expect(privateNote.getByText('Do not raise with family yet.')).toBeVisible();
  // The family read functions (what conference mode shows the family) see only the family note.
  expect(familyNotes(db(), student.id).map((n) => n.body)).toEqual(['Mom asked about the Health Science course.']);
  expect(familyGoals(db(), student.id).map((g) => g.statement)).toEqual(['I will raise my grade in Algebra I from 68 to at least 78 by the end of this grading period.']);
  // Search finds words without accents or capitals.
  await page.getByLabel('Search this student’s notes').fill('HEALTH');
  await expect(page.getByText('1 note matches')).toBeVisible();
  await expect(page.locator('mark', { hasText: 'Health' })).toBeVisible();

  // A decision, with its options and who decided.
  await page.getByRole('tab', { name: 'Decisions' }).click();
  await page.getByRole('button', { name: 'Log a decision' }).click();
  const dd = page.getByRole('dialog');
  await dd.getByLabel('What was decided').fill('Stay in Algebra I and add Tuesday tutoring');
  await dd.getByLabel('Option 1', { exact: true }).fill('Stay in Algebra I with tutoring');
  await dd.getByLabel('Option 2', { exact: true }).fill('Move to a support section');
  await dd.getByLabel('Why (rationale)').fill('Grades are rising since tutoring started.');
  await dd.getByRole('checkbox', { name: 'Parent or guardian' }).check();
  await dd.getByLabel('Related goal').click();
  await page.getByRole('option', { name: /I will raise my grade in Algebra I/ }).click();
  await dd.getByRole('button', { name: 'Save' }).click();
  const entry = page.getByRole('listitem', { name: 'Stay in Algebra I and add Tuesday tutoring' });
  await expect(entry.getByText('Decided by Student, Parent or guardian, Counselor')).toBeVisible();
  await expect(entry.getByText('Move to a support section')).toBeVisible();
  await expect(entry.getByText('Shared with family')).toBeVisible();

  const actions = (db().prepare('SELECT action FROM audit_events ORDER BY id').all() as { action: string }[]).map((r) => r.action);
  expect(actions).toEqual(expect.arrayContaining(['goal.create', 'goal_step.create', 'goal_step.update', 'trait.create', 'goal_check_in.create', 'note.create', 'decision.create']));
  expect(h!.pageErrors).toEqual([]);
});

test('deleting a goal asks first and removes it with its steps; archive and restore keep it', async () => {
  const { page } = await openStudent('en', 'plan', true);
  const card = () => page.getByRole('article', { name: /I will earn the Certified Nursing Assistant/ });
  await card().getByRole('button', { name: /^Open goal/ }).click();
  await page.getByRole('button', { name: 'Archive goal' }).click();
  await expect(page.getByText('Goal archived.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card()).toHaveCount(0);
  await page.getByRole('button', { name: 'Show archived goals (1)' }).click();
  await card().getByRole('button', { name: /^Open goal/ }).click();
  await page.getByRole('button', { name: 'Restore goal' }).click();
  await page.getByRole('button', { name: 'Delete goal' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this goal for good?' });
  await expect(confirm.getByText(/its 3 steps, 0 check-ins and 1 links/)).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete goal' }).click();
  await expect(page.getByText('Goal deleted.')).toBeVisible();
  await expect(card()).toHaveCount(0);
  const db = h!.core.ctx.vault.session().db;
  expect(db.prepare(`SELECT count(*) AS n FROM goals WHERE statement LIKE '%Nursing Assistant%'`).get()).toEqual({ n: 0 });
  expect((db.prepare(`SELECT summary FROM audit_events WHERE action = 'goal.delete'`).get() as { summary: string }).summary).toBe('3 steps, 0 check-ins, 1 links removed');
});

test('keyboard only: a goal from a template, a step, a check-in and a note', async () => {
  const { page } = await openStudent('en', 'plan');
  const k = page.keyboard;
  await page.getByRole('button', { name: 'New goal' }).focus();
  await k.press('Enter');
  // Tab from "Write my own goal" through the filters to the first template.
  const first = page.getByRole('button', { name: /Raise a grade this grading period/ });
  for (let i = 0; i < 15 && !(await first.evaluate((el) => el === document.activeElement)); i++) await k.press('Tab');
  await expect(first).toBeFocused();
  await k.press('Enter');
  await expect(page.getByLabel('Replace [course]')).toBeFocused();
  await k.type('Biology');
  await k.press('Tab');
  await k.type('71');
  await k.press('Tab');
  await k.type('80');
  await k.press('Enter'); // submits the form
  const goal = page.getByRole('dialog');
  await expect(goal.getByRole('heading', { name: /I will raise my grade in Biology from 71 to at least 80/ })).toBeVisible();
  await goal.getByLabel('Step', { exact: true }).focus();
  await k.type('Make flash cards for each unit');
  await k.press('Enter');
  await expect(goal.getByText('Make flash cards for each unit')).toBeVisible();
  await goal.getByRole('button', { name: 'Add check-in' }).focus();
  await k.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Progress check-in' }).getByLabel('Date', { exact: true })).toBeFocused();
  // Through the date's month/day/year parts to the ratings.
  for (let i = 0; i < 5 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')); i++) await k.press('Tab');
  await k.press('Space'); // first rating: 1 · No progress yet
  await k.press('ArrowDown'); // 2 · Getting started
  await expect(page.getByRole('radio', { name: '2 · Getting started' })).toBeChecked();
  await k.press('Tab');
  await k.type('First quiz: 72.');
  await k.press('Tab');
  await k.press('Tab');
  await k.press('Enter');
  await expect(page.getByRole('table', { name: 'Check-in history' }).getByText('First quiz: 72.')).toBeVisible();
  await k.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Notes' }).focus();
  await k.press('Enter');
  await page.getByLabel('Note', { exact: true }).focus();
  await k.type('Prefers morning meetings.');
  await k.press('Control+Enter');
  await expect(page.getByRole('article').filter({ hasText: 'Prefers morning meetings.' }).getByText('Private — only you')).toBeVisible();
});

for (const locale of ['en', 'es'] as const) {
  test(`axe finds no serious violations on the workspace tabs and dialogs (${locale})`, async () => {
    const { page } = await openStudent(locale, 'plan', true);
    const L = locale === 'en'
      ? { open: /^Open goal: I will raise/, newGoal: 'New goal', template: /Recover a credit/, decisions: 'Decisions', notes: 'Notes', referrals: 'Referrals', log: 'Log a decision', referral: 'New referral', search: 'Search this student’s notes', strength: 'Add strength', checkIn: /^Check in: I will raise/ }
      : { open: /^Abrir meta: Voy a subir/, newGoal: 'Nueva meta', template: /Recuperar un crédito/, decisions: 'Decisiones', notes: 'Notas', referrals: 'Derivaciones', log: 'Registrar una decisión', referral: 'Nueva derivación', search: 'Buscar en las notas de este estudiante', strength: 'Agregar fortaleza', checkIn: /^Revisar avance: Voy a subir/ };
    await page.getByTestId('progress-chart').or(page.getByRole('article').first()).first().waitFor();
    await expectNoSeriousViolations(page, 'plan');
    await page.getByRole('button', { name: L.open }).click();
    await page.getByTestId('progress-chart').waitFor();
    await expectNoSeriousViolations(page, 'goal detail');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: L.checkIn }).click();
    await expectNoSeriousViolations(page, 'check-in');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: L.newGoal }).click();
    await expectNoSeriousViolations(page, 'templates');
    await page.getByRole('button', { name: L.template }).click();
    await expectNoSeriousViolations(page, 'goal form');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: L.strength }).click();
    await expectNoSeriousViolations(page, 'strength');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: L.decisions }).click();
    await page.getByRole('listitem').first().waitFor();
    await expectNoSeriousViolations(page, 'decisions');
    await page.getByRole('button', { name: L.log }).click();
    await expectNoSeriousViolations(page, 'decision dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: L.notes }).click();
    await page.getByRole('article').first().waitFor();
    await expectNoSeriousViolations(page, 'notes');
    await page.getByLabel(L.search).fill(locale === 'en' ? 'transition' : 'transicion');
    await page.locator('mark').first().waitFor();
    await expectNoSeriousViolations(page, 'notes search');
    await page.getByRole('tab', { name: L.referrals }).click();
    await page.getByRole('listitem').first().waitFor();
    await expectNoSeriousViolations(page, 'referrals');
    await page.getByRole('button', { name: L.referral }).click();
    await expectNoSeriousViolations(page, 'referral dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: locale === 'en' ? 'Notes search' : 'Buscar notas' }).click();
    await page.getByLabel(locale === 'en' ? 'Search notes' : 'Buscar notas', { exact: true }).fill(locale === 'en' ? 'health' : 'salud');
    await page.locator('mark').first().waitFor();
    await expectNoSeriousViolations(page, 'caseload notes search');
    expect(h!.pageErrors).toEqual([]);
  });
}
