import { test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, REPO_ROOT } from '../harness';
import { seedCaseload } from '../fixtures/coursePlanSeed';

/**
 * Not a test: the course-planning screens for review and the README — plan grid and audit,
 * scenario comparison, PGP, requests, pre-registration, graduation report, catalog and an
 * import preview — at 1366×768 and 1920×1080, in English and Spanish.
 * Run: npm run build && npx playwright test --project=docs course-plan
 */
const OUT = process.env.SCREENSHOT_DIR ?? join(REPO_ROOT, 'docs', 'screenshots');
/** The README keeps the plan grid, the audit, the comparison and pre-registration; a review directory gets every screen. */
const DOCS = new Set(['course-plan', 'course-audit', 'course-compare', 'prereg']);
const EVERY = !!process.env.SCREENSHOT_DIR;
const PASSPHRASE = 'orchard-lantern-velvet-42';

test.afterAll(closeHarnessBrowser);

for (const locale of ['en', 'es'] as const) {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    test(`course planning screens ${locale} ${viewport.width}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'waypoint-shots-'));
      const size = `${viewport.width}`;
      const shot = async (name: string, fullPage = true) => {
        if (EVERY || DOCS.has(name)) await h.page.screenshot({ path: join(OUT, `${name}-${locale}-${size}.png`), fullPage });
      };
      const h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, viewport, scrypt: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date('2026-02-10T15:00:00Z') });
      try {
        const { page, core } = h;
        await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
        core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
        const { camilaId } = seedCaseload(core);
        const base = page.url().split('#')[0];
        await core.ctx.vault.lock('user');
        await page.reload();
        await page.getByLabel(locale === 'en' ? 'Passphrase' : 'Frase de contraseña', { exact: true }).fill(PASSPHRASE);
        await page.keyboard.press('Enter');
        await page.getByRole('grid').waitFor();

        await page.goto(`${base}#/students/${camilaId}/course-plan`);
        await page.getByRole('region', { name: locale === 'en' ? 'Four-year plan: courses by grade and term' : 'Plan de cuatro años: cursos por grado y período' }).waitFor();
        await page.waitForTimeout(400);
        await shot('course-plan', false);
        await shot('course-audit');

        await page.goto(`${base}#/students/${camilaId}/course-plan?view=compare`);
        await page.getByRole('table', { name: locale === 'en' ? 'Credits by area' : 'Créditos por área' }).waitFor();
        await page.waitForTimeout(300);
        await shot('course-compare');

        await page.goto(`${base}#/students/${camilaId}/course-plan?view=pgp`);
        await page.waitForTimeout(500);
        await shot('course-pgp');

        await page.goto(`${base}#/students/${camilaId}/course-plan?view=requests`);
        await page.waitForTimeout(500);
        await shot('course-requests');

        await page.goto(`${base}#/prereg`);
        await page.getByRole('grid').waitFor();
        await page.waitForTimeout(400);
        await shot('prereg');

        await page.goto(`${base}#/graduation`);
        await page.getByRole('grid').waitFor();
        await page.waitForTimeout(400);
        await shot('graduation-report');

        await page.goto(`${base}#/courses`);
        await page.getByRole('grid').waitFor();
        await page.waitForTimeout(400);
        await shot('catalog', false);

        h.dialogs.openFiles.import = [[join(REPO_ROOT, 'e2e', 'fixtures', 'catalog-with-problems.csv')]];
        await page.getByRole('button', { name: locale === 'en' ? 'Import catalog (CSV)' : 'Importar catálogo (CSV)' }).click();
        await page.getByRole('dialog').waitFor();
        await page.waitForTimeout(300);
        await shot('catalog-import-preview', false);
        await page.keyboard.press('Escape');

        await page.goto(`${base}#/courses?tab=rules`);
        await page.getByRole('table').first().waitFor();
        await page.getByRole('button', { name: locale === 'en' ? 'View' : 'Ver' }).first().click();
        await page.getByRole('dialog').waitFor();
        await page.waitForTimeout(300);
        await shot('rule-set', false);
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
