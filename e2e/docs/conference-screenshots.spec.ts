import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { closeHarnessBrowser, findChromium, launchHarness, REPO_ROOT } from '../harness';
import { syntheticStudents } from '../fixtures/syntheticStudents';
import { useSampleSources } from '../fixtures/conferenceSources';
import { renderPdfPages } from '../../electron/testing/pdfRender';
import type { ConferenceRecord } from '../../shared/ipc/contract';

/**
 * Not a test: conference mode for review and the README — console, family view on a laptop
 * (1366×768) and a 1080p projector, presenter mode, the hidden screen, the summary PDF, the
 * follow-ups list — in English and Spanish. Panels fed by other concerns show sample data
 * (e2e/fixtures/conferenceSources.ts).
 * Run: npm run build && SCREENSHOT_DIR=/tmp/shots npx playwright test --project=docs conference
 */
const OUT = process.env.SCREENSHOT_DIR ?? join(REPO_ROOT, 'docs', 'screenshots');
const PASSPHRASE = 'orchard-lantern-velvet-42';

test.afterAll(closeHarnessBrowser);

for (const locale of ['en', 'es'] as const) {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    test(`conference ${locale} ${viewport.width}`, async () => {
      test.setTimeout(180_000);
      mkdirSync(OUT, { recursive: true });
      const dir = mkdtempSync(join(tmpdir(), 'waypoint-conf-shots-'));
      const size = `${viewport.width}`;
      const shot = (name: string) => join(OUT, `conference-${name}-${locale}-${size}.png`);
      const h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, viewport, scrypt: { N: 2 ** 12, r: 8, p: 1 }, displays: 2, familyViewport: viewport });
      try {
        const { page, core } = h;
        await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
        core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
        core.services.students.createMany(syntheticStudents(40, 7));
        const student = core.services.students.create({ firstName: 'Ana Sofía', lastName: 'Peña Ibáñez', preferredName: 'Sofi', localId: '0090001', gradeLevel: '09', campusName: 'Cedar Ridge High School', middleName: null, stateId: null, birthDate: '2011-03-02', expectedGraduationYear: 2030 });
        useSampleSources(core.services.conferenceSources);
        const call = async <T,>(ch: string, input: object) => {
          const env = (await core.dispatch(`wp:conferences.${ch}`, { ...input, locale: 'en' }, { scope: 'console' })) as { ok: boolean; value: T; error?: unknown };
          if (!env.ok) throw new Error(`${ch}: ${JSON.stringify(env.error)}`);
          return env.value;
        };
        const es = locale === 'es';
        let r = await call<ConferenceRecord>('start', {
          studentId: student.id,
          purpose: 'pgp_review',
          familyLanguage: locale,
          attendees: [
            { role: 'student', name: 'Sofi Peña Ibáñez' },
            { role: 'guardian', name: 'José Peña', detail: es ? 'Padre' : 'Father', guardianId: 501 },
            { role: 'guardian', name: 'Lucía Ibáñez de Peña', detail: es ? 'Madre' : 'Mother', guardianId: 502 },
            { role: 'teacher', name: 'Mr. Okafor', detail: es ? 'Álgebra I' : 'Algebra I' },
            { role: 'counselor', name: 'Dana Whitfield' },
          ],
        });
        const id = r.conference.id;
        for (const a of r.agenda.slice(0, 5)) await call('updateAgendaItem', { id: a.id, changes: { done: true } });
        await call('addNote', { conferenceId: id, kind: 'general', body: 'Dad mentioned a schedule change at work — check in about transportation to tutoring.' });
        r = await call<ConferenceRecord>('addNote', { conferenceId: id, kind: 'parent', visibility: 'family', body: es ? '¿Puede tomar Álgebra I en línea durante el verano?' : 'Can she take Algebra I online over the summer?' });
        await call('addNote', { conferenceId: id, kind: 'parent', body: es ? 'Preocupación por el horario del autobús.' : 'Worried about the bus schedule.' });
        await call('addDecision', { conferenceId: id, decision: { kind: 'endorsement', what: es ? 'Sofi seguirá el endoso STEM' : 'Sofi will pursue the STEM endorsement', endorsement: 'stem', agreedBy: [r.attendees[0].id, r.attendees[1].id, r.attendees[2].id] } });
        await call('addActionItem', { conferenceId: id, item: { text: es ? 'Firmar el Plan Personal de Graduación' : 'Sign the Personal Graduation Plan', ownerAttendeeId: r.attendees[1].id, dueDate: '2026-10-15' } });
        await call('addActionItem', { conferenceId: id, item: { text: es ? 'Inscribirse en tutorías de matemáticas' : 'Sign up for math tutoring', ownerAttendeeId: r.attendees[0].id, dueDate: '2026-10-08' } });
        await call('addActionItem', { conferenceId: id, item: { text: 'Ask the registrar about credit by exam', ownerName: 'Dana Whitfield', visibility: 'private' } });
        await core.ctx.vault.lock('user');

        await page.reload();
        await page.getByLabel(es ? 'Frase de contraseña' : 'Passphrase', { exact: true }).fill(PASSPHRASE);
        await page.keyboard.press('Enter');
        await page.getByRole('grid').waitFor();
        await page.goto(`${page.url().split('#')[0]}#/students/${student.id}/conferences`);
        await page.getByRole('table').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot('history') });
        await page.goto(`${page.url().split('#')[0]}#/students/1`);
        await page.getByRole('button', { name: es ? 'Iniciar una reunión' : 'Start a conference' }).click();
        await page.getByRole('dialog').getByText(es ? 'La agenda empezará con' : 'The agenda will start with').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot('start') });
        await page.keyboard.press('Escape');

        await page.goto(`${page.url().split('#')[0]}#/conferences/${id}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(400);
        await page.screenshot({ path: shot('console'), fullPage: true });
        await page.getByRole('tab', { name: es ? 'Planes de cursos' : 'Plan scenarios' }).click();
        await page.getByRole('checkbox', { name: /Current plan|Plan actual|Business/ }).first().check();
        await page.getByRole('checkbox').filter({ hasText: '' }).first().waitFor();
        const boxes = page.getByRole('tabpanel').getByRole('checkbox');
        for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
        await page.getByRole('button', { name: es ? 'Mostrar lado a lado' : 'Show side by side' }).click();
        await page.waitForTimeout(400);
        await page.screenshot({ path: shot('console-plan'), fullPage: true });

        // The family window on the "second display".
        await page.getByRole('button', { name: es ? 'Abrir en la segunda pantalla' : 'Open on second display' }).click();
        await expect.poll(() => !!h.family()).toBe(true);
        const fam = h.family()!.page;
        await fam.getByTestId('family-live').waitFor();
        for (const [panel, label] of [
          ['overview', es ? 'Agenda' : 'Agenda'],
          ['goals', es ? 'Metas' : 'Goals'],
          ['plan', es ? 'Planes de cursos' : 'Plan scenarios'],
          ['tests', es ? 'Resultados de exámenes' : 'Test results'],
          ['notes', es ? 'Notas de los padres' : 'Parent notes'],
          ['next_steps', es ? 'Decisiones y próximos pasos' : 'Decisions & next steps'],
        ] as const) {
          await page.getByRole('group', { name: es ? 'La pantalla de la familia muestra' : 'The family screen shows' }).getByRole('button', { name: label, exact: true }).click();
          await fam.waitForTimeout(500);
          await fam.screenshot({ path: shot(`family-${panel}`) });
        }
        await page.keyboard.press('F6');
        await fam.getByTestId('family-hidden').waitFor();
        await fam.screenshot({ path: shot('family-hidden') });
        await page.screenshot({ path: shot('console-hidden') });
        await page.keyboard.press('F6');
        await page.getByRole('button', { name: es ? 'Cerrar la ventana de la familia' : 'Close family window' }).click();

        // Presenter mode on this screen.
        await page.getByRole('group', { name: es ? 'La pantalla de la familia muestra' : 'The family screen shows' }).getByRole('button', { name: 'Agenda', exact: true }).click();
        await page.keyboard.press('F5');
        await page.getByTestId('family-live').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot('presenter') });
        await page.keyboard.press('F6');
        await page.getByTestId('family-hidden').waitFor();
        await page.screenshot({ path: shot('presenter-hidden') });
        await page.keyboard.press('F6');
        await page.keyboard.press('F5');
        await page.getByRole('button', { name: es ? 'Terminar la reunión' : 'End conference' }).click();
        await page.getByLabel(es ? 'Próxima reunión (opcional)' : 'Next meeting (optional)', { exact: true }).fill('2027-03-04');
        await page.getByRole('button', { name: es ? 'Terminar y crear el resumen' : 'End and make the summary' }).click();
        await page.getByRole('heading', { name: es ? 'Resumen para la familia' : 'Family summary' }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot('ended'), fullPage: true });

        await page.goto(`${page.url().split('#')[0]}#/follow-ups`);
        await page.getByRole('table').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot('follow-ups') });

        const planned = await call<ConferenceRecord>('start', { studentId: 2, purpose: 'transition', familyLanguage: locale, scheduledFor: '2027-05-12T15:30', attendees: [{ role: 'student', name: 'Student Two' }, { role: 'counselor', name: 'Dana Whitfield' }] });
        await page.goto(`${page.url().split('#')[0]}#/conferences/${planned.conference.id}`);
        await page.getByRole('button', { name: es ? 'Empezar ahora' : 'Begin now' }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: shot('scheduled') });

        if (viewport.width === 1366) {
          const row = core.ctx.vault.session().db.prepare('SELECT pdf FROM conference_summaries ORDER BY id DESC LIMIT 1').get() as { pdf: Buffer };
          writeFileSync(join(OUT, `conference-summary-${locale}.pdf`), row.pdf);
          const b = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
          try {
            const pngs = await renderPdfPages(b, row.pdf, { scale: 1.4 });
            pngs.forEach((png, i) => writeFileSync(join(OUT, `conference-summary-${locale}-p${i + 1}.png`), png));
          } finally {
            await b.close();
          }
        }
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
