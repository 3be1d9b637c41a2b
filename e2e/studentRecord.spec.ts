import { test, expect } from '@playwright/test';
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
  dir = mkdtempSync(join(tmpdir(), 'waypoint-record-e2e-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

async function openVault(): Promise<Harness> {
  const harness = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'en', scrypt: FAST });
  await harness.core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
  harness.core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
  harness.core.services.students.createMany(syntheticStudents(40, 4));
  await harness.core.ctx.vault.lock('user');
  await harness.page.reload();
  await harness.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await harness.page.keyboard.press('Enter');
  await harness.page.getByRole('grid').waitFor();
  return harness;
}

test('the profile edits languages, programs, guardians and FAFSA status, and refuses a stale edit', async () => {
  h = await openVault();
  const { page, core } = h;
  const db = core.ctx.vault.session().db;
  const first = db.prepare('SELECT id, first_name, last_name FROM students ORDER BY id LIMIT 1').get() as { id: number; first_name: string; last_name: string };
  await page.goto(`${page.url().split('#')[0]}#/students/${first.id}`);
  await expect(page.getByRole('heading', { name: 'Programs' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit languages' }).click();
  const languages = page.getByRole('dialog', { name: 'Edit languages' });
  await languages.getByLabel('Home language').fill('Vietnamese');
  await page.keyboard.press('Tab');
  await languages.getByLabel('Family’s language for materials').click();
  await page.getByRole('option', { name: 'Spanish' }).click();
  await languages.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Materials in Spanish')).toBeVisible();

  await page.getByRole('button', { name: 'Edit programs' }).click();
  const programs = page.getByRole('dialog', { name: /Programs .* takes part in now/ });
  await programs.getByLabel('Section 504').check();
  await programs.getByLabel('Gifted and talented').check();
  await programs.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Section 504' }).or(page.getByText('Section 504', { exact: true }))).toBeVisible();

  await page.getByRole('button', { name: 'Add guardian' }).click();
  const guardian = page.getByRole('dialog', { name: 'Add guardian' });
  await guardian.getByLabel('First name').fill('Rosa');
  await guardian.getByLabel('Last name').fill('Treviño');
  await guardian.getByLabel('Relationship').click();
  await page.getByRole('option', { name: 'Mother' }).click();
  await guardian.getByLabel('Email').fill('not an email');
  await guardian.getByRole('button', { name: 'Save' }).click();
  await expect(guardian.getByText('Enter an email address like name@example.org.')).toBeVisible();
  await guardian.getByLabel('Email').fill('rosa@example.org');
  await guardian.getByLabel('May receive school information').click();
  await page.getByRole('option', { name: 'Yes' }).click();
  await guardian.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Rosa Treviño' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit status' }).click();
  const fafsa = page.getByRole('dialog', { name: 'FAFSA / TASFA' });
  await fafsa.getByLabel('Status').click();
  await page.getByRole('option', { name: 'Submitted' }).click();
  await fafsa.getByLabel('Date').fill('2025-11-03');
  await fafsa.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Submitted · Nov 3, 2025')).toBeVisible();

  const stored = db.prepare('SELECT home_language, family_language, fafsa_status, fafsa_status_date, version FROM students WHERE id = ?').get(first.id) as Record<string, unknown>;
  expect(stored).toMatchObject({ home_language: 'vi', family_language: 'es', fafsa_status: 'submitted', fafsa_status_date: '2025-11-03' });
  expect((db.prepare('SELECT program FROM student_programs WHERE student_id = ? AND current = 1 ORDER BY program').all(first.id) as { program: string }[]).map((r) => r.program)).toEqual(['gifted-talented', 'section-504']);
  expect(db.prepare('SELECT display_name, relationship, email, may_receive_information FROM guardians WHERE student_id = ?').all(first.id)).toEqual([
    { display_name: 'Rosa Treviño', relationship: 'mother', email: 'rosa@example.org', may_receive_information: 1 },
  ]);

  // Someone else saves first (another window): the edit on screen is refused, not merged.
  core.services.students.update({ id: first.id, version: stored.version as number, changes: { preferredName: 'Changed elsewhere' } });
  await page.getByRole('button', { name: 'Remove: Rosa Treviño' }).click();
  await page.getByRole('dialog', { name: 'Remove Rosa Treviño?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('This record was changed since you opened it.', { exact: false })).toBeVisible();
  expect(db.prepare('SELECT count(*) AS n FROM guardians WHERE student_id = ?').get(first.id)).toEqual({ n: 1 });
  await page.getByRole('button', { name: 'Reload the latest version' }).click();
  await expect(page.getByText('Changed elsewhere', { exact: true })).toBeVisible();
});

test('caseload filters can be saved as a view, picked again and deleted', async () => {
  h = await openVault();
  const { page } = h;
  const grid = page.getByRole('grid', { name: 'Caseload' });
  await page.getByRole('button', { name: /^Grade 9 ·/ }).click();
  const nine = await page.getByText(/^\d+ students?$/).innerText();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await page.getByRole('menuitem', { name: 'Save view…' }).click();
  await page.getByRole('dialog').getByLabel('View name').fill('Ninth grade');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`${nine} · View: Ninth grade`)).toBeVisible();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('40 students')).toBeVisible();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await page.getByRole('menuitem', { name: 'Ninth grade' }).click();
  await expect(page.getByText(`${nine} · View: Ninth grade`)).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toContainText('Grade 9');

  await page.getByRole('button', { name: 'Saved views' }).click();
  await page.getByRole('button', { name: 'Delete view “Ninth grade”' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await expect(page.getByRole('menuitem', { name: 'No saved views yet' })).toBeVisible();
});
