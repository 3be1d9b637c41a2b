import { test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, REPO_ROOT } from '../harness';
import { seedSamplePlan } from '../fixtures/samplePlan';
import { localIsoDate } from '../../shared/domain/dates';
import type { StudentDetail } from '../../shared/ipc/contract';

/**
 * Not a test: the plan workspace screens (Plan, goal detail, template picker, Decisions,
 * Notes, Referrals, notes search) at 1366×768 and 1920×1080, English and Spanish.
 * Run: npm run build && SCREENSHOT_DIR=/tmp/shots npx playwright test --project=docs workspace
 */
const OUT = process.env.SCREENSHOT_DIR ?? join(REPO_ROOT, 'docs', 'screenshots');
const PASSPHRASE = 'orchard-lantern-velvet-42';

test.afterAll(closeHarnessBrowser);

for (const locale of ['en', 'es'] as const) {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    test(`workspace ${locale} ${viewport.width}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'waypoint-shots-'));
      const size = `${viewport.width}`;
      const h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, viewport, scrypt: { N: 2 ** 12, r: 8, p: 1 } });
      const shot = (name: string, fullPage = false) => h.page.screenshot({ path: join(OUT, `${name}-${locale}-${size}.png`), fullPage });
      try {
        const { page, core } = h;
        await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
        const env = await core.dispatch('wp:students.create', { firstName: 'Ana Sofía', lastName: 'Peña Ibáñez', gradeLevel: '09', expectedGraduationYear: 2030, localId: '0700101', campusName: 'Cedar Ridge High School' }, { scope: 'console' });
        const student = (env as { value: StudentDetail }).value;
        await seedSamplePlan(core, student, locale, localIsoDate(new Date()));
        await page.reload();
        await page.goto(`${page.url().split('#')[0]}#/students/${student.id}/plan`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(500);
        await shot('ws-plan');
        await shot('ws-plan-full', true);
        await page.getByRole('button', { name: locale === 'en' ? /^Open goal: I will raise/ : /^Abrir meta: Voy a subir/ }).click();
        await page.getByTestId('progress-chart').waitFor();
        await page.waitForTimeout(400);
        await shot('ws-goal');
        await page.getByTestId('progress-chart').scrollIntoViewIfNeeded();
        await page.waitForTimeout(200);
        await shot('ws-goal-progress');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: locale === 'en' ? 'New goal' : 'Nueva meta' }).click();
        await page.waitForTimeout(300);
        await shot('ws-templates');
        await page.getByRole('button', { name: locale === 'en' ? /Recover a credit/ : /Recuperar un crédito/ }).click();
        await page.waitForTimeout(300);
        await shot('ws-goal-form');
        await page.getByRole('combobox', { name: locale === 'en' ? 'ASCA Mindsets & Behaviors' : 'Mentalidades y comportamientos de ASCA' }).click();
        await page.keyboard.type(locale === 'en' ? 'goal' : 'meta');
        await page.waitForTimeout(300);
        await shot('ws-asca');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: locale === 'en' ? /^Check in: I will raise/ : /^Revisar avance: Voy a subir/ }).click();
        await page.waitForTimeout(300);
        await shot('ws-checkin');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: locale === 'en' ? 'Add strength' : 'Agregar fortaleza' }).click();
        await page.waitForTimeout(300);
        await shot('ws-trait');
        await page.keyboard.press('Escape');
        for (const [tab, name] of [
          [locale === 'en' ? 'Decisions' : 'Decisiones', 'ws-decisions'],
          [locale === 'en' ? 'Notes' : 'Notas', 'ws-notes'],
          [locale === 'en' ? 'Referrals' : 'Derivaciones', 'ws-referrals'],
        ] as const) {
          await page.getByRole('tab', { name: tab }).click();
          await page.waitForTimeout(400);
          await shot(name);
          const add = { 'ws-decisions': locale === 'en' ? 'Log a decision' : 'Registrar una decisión', 'ws-referrals': locale === 'en' ? 'New referral' : 'Nueva derivación' }[name as string];
          if (add) {
            await page.getByRole('button', { name: add }).click();
            await page.waitForTimeout(300);
            await shot(`${name}-dialog`);
            await page.keyboard.press('Escape');
          }
        }
        await page.getByRole('tab', { name: locale === 'en' ? 'Notes' : 'Notas' }).click();
        await page.getByLabel(locale === 'en' ? 'Search this student’s notes' : 'Buscar en las notas de este estudiante').fill(locale === 'en' ? 'health' : 'salud');
        await page.waitForTimeout(400);
        await shot('ws-notes-search');
        await page.getByRole('link', { name: locale === 'en' ? 'Notes search' : 'Buscar notas' }).click();
        await page.getByLabel(locale === 'en' ? 'Search notes' : 'Buscar notas', { exact: true }).fill(locale === 'en' ? 'transition' : 'transicion');
        await page.waitForTimeout(400);
        await shot('ws-notes-caseload');
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
