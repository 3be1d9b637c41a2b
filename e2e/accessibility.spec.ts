import { test, expect } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, type Harness } from './harness';
import { syntheticStudents } from './fixtures/syntheticStudents';

const PASSPHRASE = 'orchard-lantern-velvet-42';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
let dir: string;
let h: Harness | null = null;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-a11y-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

for (const locale of ['en', 'es'] as const) {
  test(`axe finds no serious violations on the main screens (${locale})`, async () => {
    h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, scrypt: FAST });
    const { page, core } = h;
    await page.locator('main').waitFor();
    await expectNoSeriousViolations(page, 'welcome');
    await page.getByRole('button', { name: locale === 'en' ? 'Create a new vault' : 'Crear una bóveda nueva' }).click();
    await expectNoSeriousViolations(page, 'create vault');

    await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
    core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
    core.services.students.createMany(syntheticStudents(60, 3));
    await core.ctx.vault.lock('user');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'unlock');

    await page.getByLabel(locale === 'en' ? 'Passphrase' : 'Frase de contraseña', { exact: true }).fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByRole('grid').waitFor();
    await expectNoSeriousViolations(page, 'caseload');

    await page.getByRole('button', { name: locale === 'en' ? 'Add student' : 'Agregar estudiante' }).click();
    await page.getByRole('dialog').waitFor();
    await expectNoSeriousViolations(page, 'add student dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('grid').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'student');

    await page.getByRole('link', { name: locale === 'en' ? 'Settings' : 'Configuración' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'settings');
  });
}

test('keyboard only: create a vault, add a student, find and open them, lock', async () => {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'en', scrypt: FAST });
  const { page } = h;
  const k = page.keyboard;
  // The primary action has focus on arrival.
  await expect(page.getByRole('button', { name: 'Create a new vault' })).toBeFocused();
  await k.press('Enter');
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await k.type(PASSPHRASE);
  await k.press('Tab'); // show/hide toggle
  await k.press('Tab');
  await expect(page.getByLabel('Repeat passphrase')).toBeFocused();
  await k.type(PASSPHRASE);
  await k.press('Enter');
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  await page.getByLabel(/Last group of the key/).focus();
  await k.type(key.slice(-4));
  await k.press('Tab');
  await expect(page.getByRole('button', { name: 'I have stored my recovery key' })).toBeFocused();
  await k.press('Enter');

  // From the top of the page: the first Tab stop is "Skip to content"; past the navigation,
  // "Add student" is a couple of stops away (the page's own header actions come first).
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  await k.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await k.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  const addStudent = page.getByRole('button', { name: 'Add student' });
  let stops = 0;
  while (stops < 5 && !(await addStudent.evaluate((el) => el === document.activeElement))) {
    await k.press('Tab');
    stops++;
  }
  await expect(addStudent).toBeFocused();
  expect(stops).toBeLessThanOrEqual(3);
  await k.press('Enter');
  await expect(page.getByLabel('Legal first name')).toBeFocused();
  await k.type('Keyla');
  await k.press('Tab');
  await k.press('Tab');
  await expect(page.getByLabel('Legal last name')).toBeFocused();
  await k.type('Board-Onlyson');
  await k.press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyla Board-Onlyson' })).toBeVisible();

  await k.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Unlock your caseload' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await k.type(PASSPHRASE);
  await k.press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyla Board-Onlyson' })).toBeVisible();
});

test('the whole flow works in Spanish', async () => {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'es', scrypt: FAST });
  const { page } = h;
  await page.getByRole('button', { name: 'Crear una bóveda nueva' }).click();
  await page.getByLabel('Frase de contraseña', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repita la frase de contraseña').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Crear bóveda' }).click();
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  await page.getByLabel(/Último grupo de la clave/).fill(key.slice(-4));
  await page.getByRole('button', { name: 'Ya guardé mi clave de recuperación' }).click();
  await page.getByRole('button', { name: 'Agregar estudiante' }).click();
  await page.getByLabel('Nombre legal').fill('Íñigo');
  await page.getByLabel('Apellido(s) legal(es)').fill('Ñúñez de la Peña');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { name: 'Íñigo Ñúñez de la Peña' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Estudiantes', exact: true }).click();
  await page.getByLabel('Buscar por nombre o número de identificación').fill('nunez pena inigo');
  await expect(page.getByRole('link', { name: 'Ñúñez de la Peña, Íñigo' })).toBeVisible();
  await expect(page.getByText('1 estudiante', { exact: true })).toBeVisible();
});

for (const locale of ['en', 'es'] as const) {
  test(`the left navigation, grouped, fits a 1366×768 screen without scrolling; "Skip to content" comes first (${locale})`, async () => {
    h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, scrypt: FAST, viewport: { width: 1366, height: 768 } });
    const { page, core } = h;
    await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
    core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
    core.services.students.createMany(syntheticStudents(20, 3));
    await page.reload();
    await page.getByRole('grid').waitFor();
    const nav = page.getByRole('navigation', { name: locale === 'en' ? 'Main' : 'Principal' });
    const expected =
      locale === 'en'
        ? ['Caseload', 'Follow-ups', 'Notes search', 'Import roster', 'Test results', 'Graduation report', 'Pre-registration', 'Courses & rules', 'Settings']
        : ['Estudiantes', 'Seguimientos', 'Buscar notas', 'Importar estudiantes', 'Resultados de exámenes', 'Informe de graduación', 'Preinscripción', 'Cursos y reglas', 'Configuración'];
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(expected);
    await expect(nav.getByRole('list', { name: locale === 'en' ? 'Course planning' : 'Planificación de cursos' }).getByRole('link')).toHaveCount(3);
    // Everything, Lock included, is on screen; nothing in the navigation scrolls.
    const fit = await nav.evaluate((el) => ({ bottom: el.getBoundingClientRect().bottom, height: window.innerHeight, scrolls: [el, ...el.querySelectorAll('*')].some((x) => x.scrollHeight > x.clientHeight + 1 && getComputedStyle(x).overflowY !== 'visible') }));
    expect(fit.scrolls).toBe(false);
    expect(fit.bottom).toBeLessThanOrEqual(fit.height);
    await expect(nav.getByRole('button', { name: locale === 'en' ? 'Lock' : 'Bloquear' })).toBeInViewport();

    // The first Tab stop on a freshly shown screen skips the navigation; Enter lands in the page's content.
    await page.reload();
    await page.getByRole('grid').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: locale === 'en' ? 'Skip to content' : 'Saltar al contenido' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await expectNoSeriousViolations(page, 'caseload with the skip link');
  });
}
