import { test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, REPO_ROOT } from '../harness';
import { syntheticStudents } from '../fixtures/syntheticStudents';

/**
 * Not a test: renders the screens for the README and for review, at a school laptop's
 * 1366×768 and a projector's 1920×1080, in English and Spanish.
 * Run: npm run build && npx playwright test --project=docs
 */
const OUT = process.env.SCREENSHOT_DIR ?? join(REPO_ROOT, 'docs', 'screenshots');
const PASSPHRASE = 'orchard-lantern-velvet-42';

test.afterAll(closeHarnessBrowser);

for (const locale of ['en', 'es'] as const) {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    test(`screens ${locale} ${viewport.width}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'waypoint-shots-'));
      const size = `${viewport.width}`;
      const h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, viewport, scrypt: { N: 2 ** 12, r: 8, p: 1 } });
      try {
        const { page, core } = h;
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(OUT, `welcome-${locale}-${size}.png`) });
        await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
        core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
        core.services.students.createMany(syntheticStudents(240, 7));
        await core.ctx.vault.lock('user');
        await page.reload();
        await page.getByRole('button', { name: locale === 'en' ? 'Unlock' : 'Desbloquear' }).waitFor();
        await page.screenshot({ path: join(OUT, `unlock-${locale}-${size}.png`) });
        await page.getByLabel(locale === 'en' ? 'Passphrase' : 'Frase de contraseña', { exact: true }).fill(PASSPHRASE);
        await page.keyboard.press('Enter');
        await page.getByRole('grid').waitFor();
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(OUT, `caseload-${locale}-${size}.png`) });
        await page.getByRole('grid').getByRole('link').first().click();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(OUT, `student-${locale}-${size}.png`) });
        await page.goto(`${page.url().split('#')[0]}#/settings`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(OUT, `settings-${locale}-${size}.png`), fullPage: true });
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
