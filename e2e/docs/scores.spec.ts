import { test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, REPO_ROOT } from '../harness';
import { edfiAssessmentFiles, edfiStudents, sampleFile, SCORES_DATA, synthetic } from '../../electron/services/scores/testing';

/**
 * Not a test: renders the test-results screens for review — the Tests tab (cards, trend
 * chart, family explanation in English and Spanish), the import preview and the caseload
 * views — at 1366×768 and 1920×1080. Run: npm run build && npx playwright test --project=docs e2e/docs/scores.spec.ts
 */
const OUT = process.env.SCREENSHOT_DIR ?? join(REPO_ROOT, 'docs', 'screenshots');
const PASSPHRASE = 'orchard-lantern-velvet-42';
const SAMPLES = [
  'PSAT_SAT/sample_anonymized_file_sat.csv',
  'PSAT_SAT/sample_anonymized_file_psat_nmsqt.csv',
  'PSAT_SAT/sample_anonymized_file_psat_10.csv',
  'ACT/sample_anonymized_file.csv',
  'AP/SAMPLE_AP_2324.csv',
  'IB/sample_anonymized_file.csv',
  'ASVAB/sample_anonymized_file.csv',
  'MAP_Growth/sample_anonymized_file.csv',
  'CogAT/sample_anonymized_file.csv',
  'STAAR_Summative/sample_anonymized_file.csv',
];

test.afterAll(closeHarnessBrowser);

for (const locale of ['en', 'es'] as const) {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    test(`scores screens ${locale} ${viewport.width}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'waypoint-shots-'));
      const size = `${viewport.width}`;
      const h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, viewport, scrypt: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date('2026-03-01T15:00:00Z') });
      try {
        const { page, core } = h;
        await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
        core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
        core.services.students.createMany(edfiStudents().map((s) => ({ ...s, gradeLevel: s.gradeLevel ?? '11' })));
        core.services.students.createMany(['320', '321', '322', '323', '324', '330', '331', '332', '335', '336'].map((s, i) => synthetic({ stateId: s }, i, '03')));
        const imp = core.services.scoreImports;
        for (const f of SAMPLES.slice(1)) imp.commit(imp.previewFiles([sampleFile(f)]).token);
        imp.commit(imp.previewFiles(edfiAssessmentFiles()).token);
        await page.reload();
        await page.getByRole('heading', { level: 1 }).waitFor();

        const id = (local: string) => (core.ctx.vault.session().db.prepare('SELECT id FROM students WHERE local_id = ?').get(local) as { id: number }).id;
        const base = page.url().split('#')[0];
        // Import preview of the SAT file through the real dialog path.
        await page.goto(`${base}#/scores`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        h.dialogs.openFiles.import = [[join(SCORES_DATA, SAMPLES[0])]];
        await page.getByRole('button', { name: locale === 'en' ? 'Import test results' : 'Importar resultados de exámenes' }).first().click();
        await page.getByRole('button', { name: locale === 'en' ? 'Choose file…' : 'Elegir archivo…' }).click();
        await page.getByRole('button', { name: /^(Import|Importar) 10/ }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(OUT, `scores-import-preview-${locale}-${size}.png`) });
        await page.getByRole('button', { name: /^(Import|Importar) 10/ }).click();
        await page.getByRole('button', { name: locale === 'en' ? 'Close' : 'Cerrar' }).click();

        for (const [view, tab] of [
          ['tsi', locale === 'en' ? 'TSI readiness' : 'Preparación TSI'],
          ['no-sat-act', locale === 'en' ? 'No SAT or ACT yet' : 'Sin SAT ni ACT todavía'],
          ['ccmr', locale === 'en' ? 'CCMR indicators' : 'Indicadores CCMR'],
        ] as const) {
          await page.getByRole('tab', { name: tab }).click();
          if (view === 'tsi') await page.getByRole('button', { name: locale === 'en' ? 'ELAR only' : 'Solo ELAR' }).click();
          await page.waitForTimeout(400);
          await page.screenshot({ path: join(OUT, `scores-caseload-${view}-${locale}-${size}.png`) });
        }

        for (const [who, name] of [
          ['604928', 'sat'],
          ['605002', 'act'],
          ['605000', 'mixed'],
        ] as const) {
          await page.goto(`${base}#/students/${id(who)}/tests`);
          await page.getByTestId('score-card').first().waitFor();
          await page.waitForTimeout(500);
          await page.screenshot({ path: join(OUT, `scores-tests-${name}-${locale}-${size}.png`) });
          await page.screenshot({ path: join(OUT, `scores-tests-${name}-full-${locale}-${size}.png`), fullPage: true });
          await page.getByTestId('score-card').first().screenshot({ path: join(OUT, `scores-card-${name}-${locale}-${size}.png`) });
          const trend = page.getByTestId('trend-chart').first();
          if (await trend.count()) await trend.screenshot({ path: join(OUT, `scores-trend-${name}-${locale}-${size}.png`) });
        }
        await page.getByRole('button', { name: locale === 'en' ? 'Español' : 'English' }).click();
        await page.waitForTimeout(200);
        await page.getByTestId('family-explanation').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(OUT, `scores-tests-explain-other-${locale}-${size}.png`) });
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
