import { test } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeHarnessBrowser, launchHarness, REPO_ROOT } from '../harness';
import { SYNTHETIC_SIS_HEADERS, syntheticSisCsv, syntheticSisRows } from '../fixtures/syntheticRoster';

/**
 * Not a test: renders the roster import steps, the student profile and the filtered caseload
 * for review, at 1366×768 and 1920×1080, in English and Spanish.
 * Run: npm run build && SCREENSHOT_DIR=/tmp/shots npx playwright test --project=docs e2e/docs/rosterScreens.spec.ts
 */
const OUT = process.env.SCREENSHOT_DIR ?? join(REPO_ROOT, 'docs', 'screenshots');
const PASSPHRASE = 'orchard-lantern-velvet-42';
const EDFI = resolve(REPO_ROOT, '..', 'shared/data/edfi');

test.afterAll(closeHarnessBrowser);

const L = {
  en: { pass: 'Passphrase', nav: 'Import', files: 'Choose files…', review: 'Review the import', problems: /^Problems/, another: 'Choose another file', programs: 'Programs', conflicts: /^Your choices/ },
  es: { pass: 'Frase de contraseña', nav: 'Importar', files: 'Elegir archivos…', review: 'Revisar la importación', problems: /^Problemas/, another: 'Elegir otro archivo', programs: 'Programas', conflicts: /^Sus decisiones/ },
};

for (const locale of ['en', 'es'] as const) {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    test(`roster screens ${locale} ${viewport.width}`, async () => {
      test.setTimeout(240_000);
      const dir = mkdtempSync(join(tmpdir(), 'waypoint-roster-shots-'));
      const size = `${viewport.width}`;
      const shot = (name: string, fullPage = false) => h.page.screenshot({ path: join(OUT, `${name}-${locale}-${size}.png`), fullPage });
      const h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, viewport, scrypt: { N: 2 ** 12, r: 8, p: 1 } });
      try {
        const { page, core, dialogs } = h;
        const l = L[locale];
        await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
        core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
        const sis = join(dir, 'district-export.csv');
        writeFileSync(sis, syntheticSisCsv(400, 5));
        // A first import through the service, so the caseload and profile have real-looking records.
        dialogs.openFiles.import = [[sis]];
        const first = await core.dispatch('wp:roster.choose', { kind: 'files' }, { scope: 'console' });
        const step = (first as { ok: true; value: { mapping: { token: string; mapping: unknown } } }).value.mapping;
        const preview = (await core.dispatch('wp:roster.map', { token: step.token, mapping: step.mapping }, { scope: 'console' })) as { ok: true; value: { token: string } };
        await core.dispatch('wp:roster.commit', { token: preview.value.token }, { scope: 'console' });
        await core.ctx.vault.lock('user');
        await page.reload();
        await page.getByLabel(l.pass, { exact: true }).fill(PASSPHRASE);
        await page.keyboard.press('Enter');
        await page.getByRole('grid').waitFor();

        await page.getByRole('link', { name: l.nav }).click();
        await page.waitForTimeout(300);
        await shot('import-source');

        // Mapping step of a SIS export with a renamed header the suggestions cannot be sure of.
        const rows = syntheticSisRows(60, 9, 700000);
        const headers = SYNTHETIC_SIS_HEADERS.map((x) => (x === 'Nickname' ? 'Goes By' : x === 'Parent Language' ? 'Lang Pref' : x));
        const bad = join(dir, 'spring-export.csv');
        rows[3][0] = rows[1][0];
        rows[7][2] = 'PeÃ±a';
        writeFileSync(bad, [headers, ...rows].map((r) => r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\nTotal: 60,,,\r\n');
        dialogs.openFiles.import = [[bad]];
        await page.getByRole('button', { name: l.files }).click();
        await page.getByRole('button', { name: l.review }).waitFor();
        await page.waitForTimeout(300);
        await shot('import-mapping');
        await page.getByRole('button', { name: l.review }).click();
        await page.getByRole('tab', { name: l.problems }).waitFor();
        await page.waitForTimeout(400);
        await shot('import-problems');
        await page.getByRole('button', { name: l.another }).click();

        // Ed-Fi sample against the caseload, plus a changed SIS export with a conflict.
        const changed = syntheticSisRows(400, 5);
        changed[0][7] = String(Number(changed[0][7]) + 1);
        changed[1][5] = 'Nico';
        core.services.students.update({
          id: (core.ctx.vault.session().db.prepare('SELECT id FROM students WHERE local_id = ?').get(changed[1][0]) as { id: number }).id,
          version: (core.ctx.vault.session().db.prepare('SELECT version FROM students WHERE local_id = ?').get(changed[1][0]) as { version: number }).version,
          changes: { preferredName: 'Nicolás' },
        });
        const next = join(dir, 'district-export-2.csv');
        writeFileSync(next, [SYNTHETIC_SIS_HEADERS, ...changed].map((r) => r.map((v) => (/[",]/.test(v) ? `"${v}"` : v)).join(',')).join('\r\n'));
        dialogs.openFiles.import = [[next]];
        await page.getByRole('button', { name: l.files }).click();
        await page.getByRole('button', { name: l.review }).click();
        await page.getByRole('tab', { name: l.conflicts }).waitFor();
        await page.waitForTimeout(400);
        await shot('import-conflicts');
        await page.getByRole('button', { name: l.another }).click();

        dialogs.openFiles.import = [[EDFI]];
        await page.getByRole('button', { name: locale === 'en' ? 'Choose a folder…' : 'Elegir una carpeta…' }).click();
        await page.getByRole('tab', { name: l.problems }).waitFor();
        await page.waitForTimeout(400);
        await shot('import-preview');

        // Profile of a student with programs and guardians.
        const withPrograms = core.ctx.vault.session().db.prepare(`SELECT s.id FROM students s JOIN student_programs p ON p.student_id = s.id WHERE p.current = 1 GROUP BY s.id HAVING count(*) >= 2 LIMIT 1`).get() as { id: number };
        await page.goto(`${page.url().split('#')[0]}#/students/${withPrograms.id}`);
        await page.getByRole('heading', { name: l.programs }).waitFor();
        await page.waitForTimeout(400);
        await shot('student-profile', true);

        // Caseload filtered by a program and a grade.
        await page.goto(`${page.url().split('#')[0]}#/caseload`);
        await page.getByRole('grid').waitFor();
        await page.getByLabel(l.programs).click();
        await page.getByRole('option').nth(1).click();
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: locale === 'en' ? /^Grade 9 ·/ : /^9\.º grado ·/ }).click();
        await page.waitForTimeout(500);
        await shot('caseload-filters');
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
