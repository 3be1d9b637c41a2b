import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeHarnessBrowser, launchHarness, type Harness } from './harness';

const PASSPHRASE = 'orchard-lantern-velvet-42';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
// Public test data beside the repo (../shared/data), read in place.
const EDFI = resolve(__dirname, '../..', 'shared/data/edfi');
let dir: string;
let h: Harness | null = null;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-roster-e2e-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

async function openVault(locale: 'en' | 'es' = 'en'): Promise<Harness> {
  const harness = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, scrypt: FAST });
  await harness.core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
  harness.core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
  await harness.core.ctx.vault.lock('user');
  await harness.page.reload();
  await harness.page.getByLabel(locale === 'en' ? 'Passphrase' : 'Frase de contraseña', { exact: true }).fill(PASSPHRASE);
  await harness.page.keyboard.press('Enter');
  await harness.page.getByRole('grid').waitFor();
  return harness;
}

async function noSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

const studentCount = (harness: Harness) => (harness.core.ctx.vault.session().db.prepare('SELECT count(*) AS n FROM students').get() as { n: number }).n;

test('imports the Ed-Fi sample through the UI, then finds a known student by name and by ID', async () => {
  h = await openVault();
  const { page, dialogs } = h;
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import a roster' })).toBeVisible();
  await noSeriousViolations(page, 'import source');

  dialogs.openFiles.import = [[EDFI]];
  await page.getByRole('button', { name: 'Choose a folder…' }).click();
  await expect(page.getByRole('heading', { name: 'Review before importing' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New: 960' })).toBeVisible();
  // Grades are never guessed: the preview says so and counts them.
  await expect(page.getByText('960 students in the file have no grade level.', { exact: false })).toBeVisible();
  await noSeriousViolations(page, 'import preview');

  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByRole('grid', { name: 'Problems' }).getByText('No grade level: an Ed-Fi Student record does not carry one', { exact: false }).first()).toBeVisible();
  await page.getByRole('tab', { name: /Schools, programs, guardians/ }).click();
  await expect(page.getByRole('cell', { name: 'Grand Bend High School' })).toBeVisible();

  await page.getByRole('button', { name: 'Import 960 changes' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByText('Students added: 960 · updated: 0 · unchanged: 0.')).toBeVisible();
  expect(studentCount(h)).toBe(960);

  await page.getByRole('link', { name: 'Go to the caseload' }).click();
  const search = page.getByLabel('Search by name or ID');
  await search.fill('Tyrone Dyer');
  const grid = page.getByRole('grid', { name: 'Caseload' });
  await expect(grid.getByRole('link', { name: 'Dyer, Tyrone' })).toBeVisible();
  await expect(grid.getByText('604821')).toBeVisible();
  await search.fill('604821');
  await expect(grid.getByRole('link', { name: 'Dyer, Tyrone' })).toBeVisible();
  await expect(page.getByText('1 student', { exact: true })).toBeVisible();

  // Filter by program (from StudentProgram.xml), then open the student's profile.
  await search.fill('');
  await page.getByRole('button', { name: /No grade · 960/ }).click();
  await expect(page.getByText('960 students', { exact: true })).toBeVisible();
  await grid.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Programs' })).toBeVisible();
  await noSeriousViolations(page, 'student profile');
});

test('a bad file gives a message per row, the import stays disabled, and nothing is written', async () => {
  h = await openVault();
  const { page, dialogs } = h;
  const file = join(dir, 'students.csv');
  writeFileSync(
    file,
    [
      'Student ID,Last Name,First Name,Grade',
      '1001,Ruiz,Ana,9',
      '1002,"Lee, Min",Min,10,extra', // a stray comma: too many fields
      '1001,Ruiz,Anna,9', // duplicate ID
      '1003,PeÃ±a,José,11', // garbled by a wrong encoding
    ].join('\r\n'),
  );
  await page.getByRole('link', { name: 'Import' }).click();
  dialogs.openFiles.import = [[file]];
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
  await noSeriousViolations(page, 'column mapping');
  await page.getByRole('button', { name: 'Review the import' }).click();

  await expect(page.getByText(/The file has 3 problems that must be fixed/)).toBeVisible();
  await expect(page.getByRole('button', { name: /Import \d+ change/ })).toBeDisabled();
  const problems = page.getByRole('grid', { name: 'Problems' });
  await expect(problems.getByText('Row 2 (line 3) has 5 fields; the header has 4.', { exact: false })).toBeVisible();
  await expect(problems.getByText('The student ID 1001 already appears on row 1', { exact: false })).toBeVisible();
  await expect(problems.getByText('looks garbled by a wrong encoding (probably "Peña")', { exact: false })).toBeVisible();

  await page.getByRole('tab', { name: /Rejected rows/ }).click();
  await expect(page.getByRole('grid', { name: 'Rejected rows' }).getByRole('row')).toHaveCount(4); // header + 3
  expect(studentCount(h)).toBe(0);
});

test('Spanish: a SIS export mapped, reviewed with a conflict decided, and the choice kept', async () => {
  h = await openVault('es');
  const { page, dialogs, core } = h;
  const file = join(dir, 'lista.csv');
  const rows = (grade: string) => ['Número de estudiante,Apellidos,Nombre,Grado,SPED,Tutor 1 Nombre,Tutor 1 Parentesco', `2001,Peña Treviño,Ana Sofía,${grade},Y,"Treviño, Rosa",Madre`].join('\r\n');
  writeFileSync(file, rows('9'));
  await page.getByRole('link', { name: 'Importar' }).click();
  dialogs.openFiles.import = [[file]];
  await page.getByRole('button', { name: 'Elegir archivos…' }).click();
  await expect(page.getByRole('heading', { name: 'Relacione las columnas' })).toBeVisible();
  await page.getByRole('button', { name: 'Revisar la importación' }).click();
  await page.getByRole('button', { name: 'Importar 1 cambio' }).click();
  await expect(page.getByRole('heading', { name: 'Importación terminada' })).toBeVisible();

  // The counselor corrects the grade; next term's file says 10.
  const id = (core.ctx.vault.session().db.prepare(`SELECT id, version FROM students WHERE local_id = '2001'`).get() as { id: number; version: number });
  core.services.students.update({ id: id.id, version: id.version, changes: { gradeLevel: '11' } });
  writeFileSync(file, rows('10'));
  await page.getByRole('button', { name: 'Importar otro archivo' }).click();
  dialogs.openFiles.import = [[file]];
  await page.getByRole('button', { name: 'Elegir archivos…' }).click();
  // The same columns: the mapping is remembered.
  await expect(page.getByText('Son las opciones que usted eligió la última vez')).toBeVisible();
  await page.getByRole('button', { name: 'Revisar la importación' }).click();
  await expect(page.getByRole('button', { name: 'Requieren su decisión: 1' })).toBeVisible();
  const commit = page.getByRole('button', { name: 'Importar 1 cambio' });
  await expect(commit).toBeDisabled();
  await noSeriousViolations(page, 'conflicts (es)');
  await page.getByRole('radio', { name: 'Conservar el mío: 11.º grado' }).check();
  await commit.click();
  await expect(page.getByText('De los valores que usted había ingresado, conservó 1 y tomó 0 del archivo.')).toBeVisible();
  expect((core.ctx.vault.session().db.prepare(`SELECT grade_level FROM students WHERE id = ?`).get(id.id) as { grade_level: string }).grade_level).toBe('11');
});
