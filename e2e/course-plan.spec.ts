import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, REPO_ROOT, type Harness } from './harness';
import { CAMILA, CATALOG_CSV, EDFI_EDORG, MATEO, TRANSCRIPT_CSV } from './fixtures/coursePlanSeed';

const PASSPHRASE = 'orchard-lantern-velvet-42';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PROBLEMS_CSV = join(REPO_ROOT, 'e2e', 'fixtures', 'catalog-with-problems.csv');
let dir: string;
let h: Harness | null = null;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-e2e-courses-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

async function importFile(page: Page, button: string, file: string) {
  h!.dialogs.openFiles.import = [[file]];
  await page.getByRole('button', { name: button }).click();
  return page.getByRole('dialog', { name: 'Check the file before importing' });
}

async function addCourse(page: Page, grade: string, search: string, option: RegExp) {
  await page.getByRole('button', { name: `Add a course to ${grade}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a course' });
  await dialog.getByLabel('Course').fill(search);
  await page.getByRole('option', { name: option }).click();
  await expect(dialog.getByText('Prerequisites', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
}

const column = (page: Page, grade: string) => page.getByRole('region', { name: 'Four-year plan: courses by grade and term' }).getByRole('region', { name: grade });

test('import a catalog and transcripts, build a plan, make a scenario, compare side by side and choose it', async () => {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'en', scrypt: FAST, now: () => new Date('2026-02-10T15:00:00Z') });
  const { page, core } = h;
  await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
  core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
  core.services.students.createMany([CAMILA, MATEO]);
  await core.ctx.vault.lock('user');
  await page.reload();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.getByRole('grid').waitFor();
  const db = () => core.ctx.vault.session().db;

  // --- the catalog: public Ed-Fi courses, then the district's CSV with credits and prerequisites
  await page.getByRole('navigation').getByRole('link', { name: 'Courses & rules' }).click();
  await expect(page.getByText('The catalog is empty.', { exact: false }).first()).toBeVisible();
  let preview = await importFile(page, 'Import Ed-Fi courses (XML)', EDFI_EDORG);
  await expect(preview.getByText('New: 84')).toBeVisible();
  await expect(preview.getByText('28 courses have no credit value: set them in the catalog afterwards.')).toBeVisible();
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported: 84 new, 0 changed.')).toBeVisible();

  preview = await importFile(page, 'Import catalog (CSV)', CATALOG_CSV);
  await expect(preview.getByText('New: 12')).toBeVisible();
  await expect(preview.getByText('Changed: 28')).toBeVisible();
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported: 12 new, 28 changed.')).toBeVisible();
  expect(db().prepare('SELECT credits, prerequisites FROM courses WHERE code = ?').get('ALG-2')).toEqual({ credits: 1, prerequisites: '[["ALG-1"],["GEOM"]]' });

  // A catalog with a prerequisite cycle and an unknown code is refused, naming them, and changes nothing.
  preview = await importFile(page, 'Import catalog (CSV)', PROBLEMS_CSV);
  await expect(preview.getByText('The prerequisites form a cycle: ROBO-2 → ROBO-3 → ROBO-2. No student could take these courses in order.')).toBeVisible();
  await expect(preview.getByText('“FORENS” needs “CHEM-H”, which is neither in this file nor in the catalog.', { exact: false })).toBeVisible();
  await expect(preview.getByText('Row 2, Prerequisites')).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await preview.getByRole('button', { name: 'Close' }).click();
  expect((db().prepare(`SELECT count(*) AS n FROM courses WHERE code LIKE 'ROBO%'`).get() as { n: number }).n).toBe(0);

  // Transcripts: matched by student ID; the unmatched row and unknown codes are listed, not dropped.
  preview = await importFile(page, 'Import transcripts (CSV)', TRANSCRIPT_CSV);
  await expect(preview.getByText('18 course records for 2 students.')).toBeVisible();
  await expect(preview.getByText('1 row names a student who is not in the caseload; it is not imported.')).toBeVisible();
  await expect(preview.getByText('700 (Professional Communications): 1 rows — probably 0700 without its leading zero')).toBeVisible();
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported: 18 new, 0 changed.')).toBeVisible();
  await expect(page.getByText('700 (Professional Communications): used once', { exact: false })).toBeVisible();
  await expectNoSeriousViolations(page, 'courses');

  // --- a four-year plan for Camila, built on her transcript
  await page.getByRole('navigation').getByRole('link', { name: 'Caseload' }).click();
  await page.getByRole('link', { name: 'Peña Rodríguez, Camila' }).click();
  await page.getByRole('tab', { name: 'Course plan' }).click();
  await page.getByRole('combobox', { name: 'Endorsement' }).click();
  await page.getByRole('option', { name: 'STEM' }).click();
  await page.getByRole('button', { name: 'Start a four-year plan' }).click();
  await expect(page.getByText('Four-year plan started.')).toBeVisible();
  await expect(column(page, 'Grade 9').getByRole('button', { name: /^English I, ENG-1, 1 credit, Completed/ })).toBeVisible();
  await expect(column(page, 'Grade 10').getByRole('button', { name: /^Chemistry, CHEM, 1 credit, In progress/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Needs attention' })).toBeVisible();

  await addCourse(page, 'Grade 11', 'English III', /English III/);
  await expect(page.getByText('English III added to Grade 11.')).toBeVisible();
  await addCourse(page, 'Grade 11', 'ALG-2', /Algebra II/);
  await addCourse(page, 'Grade 12', 'Physics', /^Physics/);
  await addCourse(page, 'Grade 12', 'ENG-4', /^English IV\b/);
  await expect(column(page, 'Grade 12').getByRole('button', { name: /^Physics, PHYSICS/ })).toBeVisible();

  // Keyboard: Alt+← moves a course a grade earlier.
  await column(page, 'Grade 12').getByRole('button', { name: /^Physics, PHYSICS/ }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByText('Physics moved to Grade 11.')).toBeVisible();
  await expect(column(page, 'Grade 11').getByRole('button', { name: /^Physics, PHYSICS/ })).toBeVisible();
  // A prerequisite problem shows on the course: English IV needs English III first — planned in grade 11, so fine.
  await expect(column(page, 'Grade 12').getByRole('button', { name: /^English IV, ENG-4/ })).not.toContainText('Prerequisite');
  await expectNoSeriousViolations(page, 'course plan');

  // --- a scenario: switch to Business & Industry, take Accounting instead of Algebra II
  await page.getByRole('button', { name: 'New scenario' }).click();
  const nameDialog = page.getByRole('dialog', { name: 'New scenario' });
  await nameDialog.getByLabel('Scenario name (families see it)').fill('Business & Industry');
  await nameDialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Scenario created from “Four-year plan”.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Plan shown' })).toContainText('Business & Industry · Scenario');
  await page.getByRole('combobox', { name: 'Endorsement' }).click();
  await page.getByRole('option', { name: 'Business & Industry' }).click();
  await expect(page.getByText('Plan saved.')).toBeVisible();
  await addCourse(page, 'Grade 11', 'ACCT-1', /Accounting I\b/);
  await column(page, 'Grade 11').getByRole('button', { name: /^Algebra II, ALG-2/ }).click();
  await page.getByRole('menuitem', { name: /Remove from plan/ }).click();
  await expect(page.getByText('Algebra II removed from the plan.')).toBeVisible();

  // --- compare side by side
  await page.getByRole('button', { name: 'Compare scenarios' }).click();
  await expect(page.getByRole('checkbox', { name: 'Four-year plan · Active plan' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Business & Industry · Scenario' })).toBeChecked();
  const areas = page.getByRole('table', { name: 'Credits by area' });
  await expect(areas.getByRole('columnheader', { name: 'Four-year plan' })).toBeVisible();
  await expect(areas.getByRole('columnheader', { name: 'Business & Industry' })).toBeVisible();
  const diff = page.getByRole('region', { name: 'Business & Industry — Compared with Four-year plan' });
  await expect(diff.getByText('Endorsement: STEM → Business & Industry.')).toBeVisible();
  await expect(diff.getByText('Adds Accounting I in Grade 11.')).toBeVisible();
  await expect(diff.getByText('Removes Algebra II (Grade 11).')).toBeVisible();
  await expect(diff.getByText('Mathematics: 3 → 2 of 4 credits.')).toBeVisible();
  await expectNoSeriousViolations(page, 'compare');

  // --- choose the scenario, recording who agreed
  await page.getByRole('button', { name: 'Choose this plan' }).click();
  const choose = page.getByRole('dialog', { name: 'Make “Business & Industry” the active plan' });
  await choose.getByLabel('Name 1').fill('Camila Peña Rodríguez');
  await choose.getByLabel('Name 2').fill('Rosa Rodríguez');
  await choose.getByLabel('Date agreed').fill('2026-02-10');
  await choose.getByRole('button', { name: 'Make active' }).click();
  await expect(page.getByText('“Business & Industry” is now the active plan.')).toBeVisible();
  await page.getByRole('tab', { name: 'Four-year plan' }).click();
  await expect(page.getByRole('combobox', { name: 'Plan shown' })).toContainText('Business & Industry · Active plan');
  await expect(page.getByText(/“Business & Industry” chosen, agreed by Camila Peña Rodríguez \(Student\), Rosa Rodríguez \(Parent\)\./)).toBeVisible();

  // Keyboard only: add a course through the dialog, then remove it with Delete.
  await page.getByRole('button', { name: 'Add a course to Grade 12' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Add a course' }).getByLabel('Course')).toBeFocused();
  await page.keyboard.type('Statistics');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Statistics added to Grade 12.')).toBeVisible();
  await column(page, 'Grade 12').getByRole('button', { name: /^Statistics, STATS/ }).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByText('Statistics removed from the plan.')).toBeVisible();
  await expect(column(page, 'Grade 12').getByRole('button', { name: /^Statistics, STATS/ })).toHaveCount(0);

  const plans = db().prepare('SELECT name, kind FROM course_plans ORDER BY id').all();
  expect(plans).toEqual([{ name: 'Four-year plan', kind: 'previous' }, { name: 'Business & Industry', kind: 'active' }]);
  expect(db().prepare('SELECT plan_name, agreed_by, decided_on FROM plan_decisions').all()).toEqual([
    { plan_name: 'Business & Industry', agreed_by: JSON.stringify([{ name: 'Camila Peña Rodríguez', role: 'student' }, { name: 'Rosa Rodríguez', role: 'parent' }]), decided_on: '2026-02-10' },
  ]);
  expect(h.pageErrors).toEqual([]);
});

test('pre-registration: request from the plan, see the conflict, export for the SIS (formula-safe), all in Spanish', async () => {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'es', scrypt: FAST, now: () => new Date('2026-02-10T15:00:00Z') });
  const { page, core } = h;
  await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
  core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
  const [camilaId] = core.services.students.createMany([CAMILA, { ...MATEO, firstName: '=1+2', lastName: '@SUM(A1)' }]);
  const { importCatalogAndTranscripts, seedPlans } = await import('./fixtures/coursePlanSeed');
  importCatalogAndTranscripts(core.services);
  seedPlans(core, camilaId);
  core.services.prereg.addRequest({ studentId: 2, schoolYear: 2026, code: 'PSYCH', priority: 'primary', note: null });
  await core.ctx.vault.lock('user');
  await page.reload();
  await page.getByLabel('Frase de contraseña', { exact: true }).fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.getByRole('grid').waitFor();

  await page.goto(`${page.url().split('#')[0]}#/students/${camilaId}/course-plan?view=requests`);
  await expect(page.getByRole('heading', { name: 'Solicitudes de cursos para el próximo año' })).toBeVisible();
  await page.getByRole('button', { name: /Solicitar los 8 cursos planeados para el próximo año/ }).click();
  await expect(page.getByText('Guardado.')).toBeVisible();
  await page.getByLabel('Maestro').fill('Sr. Halvorsen');
  await page.getByLabel('Curso', { exact: true }).fill('Physics');
  await page.getByRole('option', { name: /PHYSICS — Physics/ }).click();
  await page.getByRole('combobox', { name: 'Recomendación' }).click();
  await page.getByRole('option', { name: 'No recomendado' }).click();
  await page.getByRole('button', { name: 'Agregar' }).last().click();
  await expect(page.getByText('En contra de la recomendación de Sr. Halvorsen')).toBeVisible();
  await expectNoSeriousViolations(page, 'requests (es)');

  await page.getByRole('navigation').getByRole('link', { name: 'Preinscripción' }).click();
  await expect(page.getByRole('heading', { name: 'Preinscripción' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Con conflictos · 1' })).toBeVisible();
  await expectNoSeriousViolations(page, 'pre-registration (es)');
  const out = join(dir, 'solicitudes.csv');
  h.dialogs.saveFiles['export-csv'] = [out];
  await page.getByRole('button', { name: 'Exportar solicitudes (CSV)' }).click();
  await expect(page.getByText('Se exportaron 9 solicitudes.')).toBeVisible();
  const text = readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
  expect(text.split('\r\n')[0]).toBe('Student ID,State ID,Last Name,First Name,Grade Next Year,School Year,Course Code,Course Title,Credits,Priority');
  expect(text).toContain(`0420002,S420002,'@SUM(A1),'=1+2,10,2026-27,PSYCH,Psychology,0.5,primary`);
  expect(text).toContain('0420001,S420001,Peña Rodríguez,Camila,11,2026-27,ENG-3,English III,1,primary');

  await page.getByRole('navigation').getByRole('link', { name: 'Informe de graduación' }).click();
  await expect(page.getByRole('heading', { name: 'Informe de graduación' })).toBeVisible();
  await expectNoSeriousViolations(page, 'graduation report (es)');
  expect(h.pageErrors).toEqual([]);
});
