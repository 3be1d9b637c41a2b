import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, type Harness } from './harness';
import { SCORES_DATA, synthetic } from '../electron/services/scores/testing';

const PASSPHRASE = 'orchard-lantern-velvet-42';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const SAT = join(SCORES_DATA, 'PSAT_SAT/sample_anonymized_file_sat.csv');
const ACT = join(SCORES_DATA, 'ACT/sample_anonymized_file.csv');
let dir: string;
let h: Harness | null = null;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-scores-e2e-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

/** A vault whose students carry the sample files' IDs (invented names), opened at the caseload. */
async function open(locale: 'en' | 'es') {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, scrypt: FAST, now: () => new Date('2026-03-01T15:00:00Z') });
  await h.core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
  h.core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
  const ids = ['604926', '604927', '604928', '604929', '604930', '605000', '605001', '605002', '605003', '605004'];
  h.core.services.students.createMany(ids.map((id, i) => ({ ...synthetic({ localId: id }, i), firstName: ['Xiomara', 'Tomás', 'Renée', 'Amara', 'Diego', 'Lucía', 'Jun', 'Priya', 'Óscar', 'Nia'][i] })));
  await h.page.reload();
  await h.page.getByRole('heading', { level: 1 }).waitFor();
  return h;
}

async function importThroughUi(page: Page, harness: Harness, file: string, labels: { choose: RegExp; commit: RegExp; expected: RegExp }) {
  harness.dialogs.openFiles.import = [[file]];
  await page.getByRole('button', { name: labels.choose }).click();
  const commit = page.getByRole('button', { name: labels.commit });
  await expect(commit).toBeEnabled();
  await expect(page.getByText(labels.expected)).toBeVisible();
  await commit.click();
}

test('imports the SAT and ACT samples through the UI and explains a card in English and Spanish', async () => {
  const harness = await open('en');
  const { page } = harness;
  await page.getByRole('link', { name: 'Test results' }).click();
  await expect(page.getByRole('heading', { name: 'Test results', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Import test results' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import test results' });
  await importThroughUi(page, harness, SAT, { choose: /Choose file/, commit: /^Import 10 results$/, expected: /Recognised as SAT/ });
  await expect(dialog.getByText('Imported 10 new and 0 updated results.')).toBeVisible();
  await importThroughUi(page, harness, ACT, { choose: /Import another file/, commit: /^Import 5 results$/, expected: /Recognised as ACT/ });
  await expect(dialog.getByText('Imported 5 new and 0 updated results.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectNoSeriousViolations(page, 'test results screen');

  // The TSI view lists the ACT student who met both subjects.
  await page.getByRole('button', { name: 'TSI ready', exact: true }).click();
  await page.getByRole('link', { name: /Priya/ }).click();
  await expect(page.getByRole('tab', { name: 'Tests', selected: true })).toBeVisible();
  const card = page.getByTestId('score-card').filter({ hasText: 'ACT' }).first();
  await expect(card.getByText('Met every benchmark')).toBeVisible();
  await expect(card.getByRole('img', { name: /English: 28 on a scale from 1 to 36\. Benchmark 18: Met/ })).toBeVisible();
  const explanation = card.getByTestId('family-explanation');
  await expect(explanation.getByText('English: 28. That is 10 points above the benchmark of 18.')).toBeVisible();
  await expect(page.getByText(/Met by the ACT \(Oct 2024\): English 28, Reading 27, English \+ Reading 55/)).toBeVisible();

  // The family's language can differ from the counselor's: the explanation switches, the screen does not.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(explanation.getByText('Inglés: 28. Está 10 puntos por encima del punto de referencia de 18.')).toBeVisible();
  await expect(explanation.getByRole('heading', { name: 'Qué significa este puntaje' })).toBeVisible();
  await expect(card.getByText('Met every benchmark')).toBeVisible();
  await expectNoSeriousViolations(page, 'tests tab');
  expect(harness.pageErrors).toEqual([]);
});

test('the Spanish screens show an SAT card, the readiness panel and the trend table in Spanish', async () => {
  const harness = await open('es');
  const { page } = harness;
  await page.getByRole('link', { name: 'Resultados de exámenes' }).click();
  await page.getByRole('button', { name: 'Importar resultados de exámenes' }).click();
  await importThroughUi(page, harness, SAT, { choose: /Elegir archivo/, commit: /^Importar 10 resultados$/, expected: /Reconocido como SAT/ });
  await page.getByRole('button', { name: 'Cerrar' }).click();
  const id = (harness.core.ctx.vault.session().db.prepare(`SELECT id FROM students WHERE local_id = '604928'`).get() as { id: number }).id;
  await page.goto(`${page.url().split('#')[0]}#/students/${id}/tests`);
  const card = page.getByTestId('score-card').first();
  await expect(card.getByText('Alcanzó 1 de 2 puntos de referencia')).toBeVisible();
  await expect(card.getByTestId('family-explanation').getByText('Lectura y Escritura: 480. Está justo en el punto de referencia de 480, así que lo alcanza.')).toBeVisible();
  await expect(card.getByTestId('family-explanation').getByText('Matemáticas: 400. Está 130 puntos por debajo del punto de referencia de 530.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Preparación universitaria de Texas (TSI)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Puntajes por fecha' }).getByRole('row')).toHaveCount(5);
  await expectNoSeriousViolations(page, 'tests tab es');
  expect(harness.pageErrors).toEqual([]);
});

test('an ACT file chosen as SAT is refused in the preview and nothing is written', async () => {
  const harness = await open('en');
  const { page } = harness;
  await page.getByRole('link', { name: 'Test results' }).click();
  await page.getByRole('button', { name: 'Import test results' }).click();
  await page.getByLabel('Which test is in the file?').click();
  await page.getByRole('option', { name: 'SAT', exact: true }).click();
  harness.dialogs.openFiles.import = [[ACT]];
  await page.getByRole('button', { name: /Choose file/ }).click();
  await expect(page.getByText(/You chose SAT, but sample_anonymized_file\.csv is an ACT student record file/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ results$/ })).toBeDisabled();
  await expectNoSeriousViolations(page, 'import preview');
  expect((harness.core.ctx.vault.session().db.prepare('SELECT count(*) AS n FROM test_results').get() as { n: number }).n).toBe(0);
});
