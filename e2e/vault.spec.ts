import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, launchHarness, type Harness } from './harness';

const PASSPHRASE = 'orchard-lantern-velvet-42';
let dir: string;
let h: Harness | null = null;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-e2e-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

async function createVault(page: Harness['page']): Promise<string> {
  await page.getByRole('button', { name: 'Create a new vault' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat passphrase').fill(PASSPHRASE);
  await expect(page.getByText('Good enough to protect student records.')).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  expect(key).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
  const continueButton = page.getByRole('button', { name: 'I have stored my recovery key' });
  await expect(continueButton).toBeDisabled();
  await page.getByLabel(/Last group of the key/).fill(key.slice(-4).toLowerCase());
  await continueButton.click();
  await expect(page.getByRole('heading', { name: 'Caseload' })).toBeVisible();
  return key;
}

async function addStudent(page: Harness['page'], first: string, last: string, localId: string) {
  await page.getByRole('button', { name: 'Add student' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add student' });
  await dialog.getByLabel('Legal first name').fill(first);
  await dialog.getByLabel('Legal last name').fill(last);
  await dialog.getByLabel('Local ID').fill(localId);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `${first} ${last}` })).toBeVisible();
}

test('create vault → add student → lock → wrong passphrase refused → unlock → student still there', async () => {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'en' });
  const { page } = h;
  await createVault(page);
  await addStudent(page, 'Xiomara', 'Delacroix-Ybarra', '0042117');

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your caseload' })).toBeVisible();
  // Nothing of the student remains on screen once locked.
  await expect(page.getByText('Delacroix-Ybarra')).toHaveCount(0);

  await page.getByLabel('Passphrase', { exact: true }).fill('not the right passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this vault.');
  await expect(page.getByRole('alert')).toContainText('4 more tries');

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Back where the counselor was: the student's page, loaded fresh from the vault.
  await expect(page.getByRole('heading', { name: 'Xiomara Delacroix-Ybarra' })).toBeVisible();
  await page.getByRole('link', { name: 'Caseload' }).first().click();
  await page.getByLabel('Search by name or ID').fill('0042117');
  await expect(page.getByRole('link', { name: 'Delacroix-Ybarra, Xiomara' })).toBeVisible();
  expect(h.pageErrors).toEqual([]);
});

test('a restarted app remembers the vault, and the recovery key unlocks it and sets a new passphrase', async () => {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'en' });
  const key = await createVault(h.page);
  await addStudent(h.page, 'Tomasa', 'Quillfeather', 'R-7781');
  await h.close();

  // A new process: nothing in memory, only the vault folder on disk.
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'en' });
  const { page } = h;
  await expect(page.getByRole('heading', { name: 'Unlock your caseload' })).toBeVisible();
  await page.getByRole('button', { name: /Use your recovery key/ }).click();
  await page.getByLabel('Recovery key').fill(key.replace(/-/g, ' ').toLowerCase());
  await page.getByLabel('New passphrase', { exact: true }).fill('copper-meadow-harbor-19');
  await page.getByLabel('Repeat new passphrase').fill('copper-meadow-harbor-19');
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByRole('link', { name: 'Quillfeather, Tomasa' })).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('does not open this vault');
  await page.getByLabel('Passphrase', { exact: true }).fill('copper-meadow-harbor-19');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('link', { name: 'Quillfeather, Tomasa' })).toBeVisible();
});

test('a mistyped recovery key is refused with a clear message', async () => {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale: 'en' });
  const key = await createVault(h.page);
  await h.page.getByRole('button', { name: 'Lock' }).click();
  await h.page.getByRole('button', { name: /Use your recovery key/ }).click();
  const wrong = (key[0] === 'A' ? 'B' : 'A') + key.slice(1);
  await h.page.getByLabel('Recovery key').fill(wrong);
  await h.page.getByLabel('New passphrase', { exact: true }).fill('copper-meadow-harbor-19');
  await h.page.getByLabel('Repeat new passphrase').fill('copper-meadow-harbor-19');
  await h.page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(h.page.getByRole('alert')).toContainText('That recovery key does not open this vault.');
});
