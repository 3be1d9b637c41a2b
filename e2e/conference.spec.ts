import { test, expect, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarnessBrowser, HARNESS_ORIGIN, launchHarness, type Harness } from './harness';
import { syntheticStudents } from './fixtures/syntheticStudents';
import { useSampleSources } from './fixtures/conferenceSources';
import { extractPdfText } from '../electron/testing/pdfText';

const PASSPHRASE = 'orchard-lantern-velvet-42';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
/** Text that must never reach the family: not its screen, not its payloads, not the summary. */
const SECRET = {
  note: 'Quetzalmemo custody worry 4471',
  parentNote: 'Marisolprivate said about work 8823',
  agenda: 'Check504paperwork quietly 5519',
  action: 'Callcaseworker privately 7702',
};
const FAMILY_CHANNELS = new Set(['wp:family.view', 'wp:family.hide', 'wp:settings.get', 'wp:app.info', 'wp:app.activity', 'event:family.changed', 'event:vault.locked']);

let dir: string;
let h: Harness | null = null;

test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-conf-e2e-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);

async function seed(locale: 'en' | 'es', displays = 1) {
  h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, scrypt: FAST, displays });
  const { core, page } = h;
  await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
  core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
  core.services.students.createMany(syntheticStudents(30, 5));
  const student = core.services.students.create({
    firstName: 'Ana Sofía', middleName: null, lastName: 'Peña Ibáñez', preferredName: 'Sofi', localId: '0090001', stateId: null,
    birthDate: '2011-03-02', gradeLevel: '09', expectedGraduationYear: 2030, campusName: 'Cedar Ridge High School',
  });
  await core.ctx.vault.lock('user');
  await page.reload();
  await page.getByLabel(locale === 'en' ? 'Passphrase' : 'Frase de contraseña', { exact: true }).fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.getByRole('grid').waitFor();
  await page.goto(`${HARNESS_ORIGIN}/index.html#/students/${student.id}`);
  await expect(page.getByRole('heading', { name: 'Sofi Peña Ibáñez' })).toBeVisible();
  return { h, page, student };
}

function expectNoSecrets(where: string, text: string) {
  for (const [what, secret] of Object.entries(SECRET)) expect(text.includes(secret), `${what} in ${where}`).toBe(false);
}

async function expectFamilyPageClean(family: { page: Page; received: { channel: string; payload: unknown }[] }, when: string) {
  expectNoSecrets(`family DOM ${when}`, await family.page.locator('html').innerHTML());
  expectNoSecrets(`family payloads ${when}`, JSON.stringify(family.received));
  for (const r of family.received) expect(FAMILY_CHANNELS.has(r.channel), `family page received ${r.channel}`).toBe(true);
}

test('a full conference in English: family window on a second display, private text never reaches the family, summary PDF kept and saved', async () => {
  const { page } = await seed('en', 2);

  await page.getByRole('button', { name: 'Start a conference' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Start a conference' });
  await expect(dialog.getByText('Personal Graduation Plan review — entering grade 9')).toBeVisible();
  await dialog.getByRole('button', { name: 'English', exact: true }).click();
  await dialog.getByTestId('attendee-name-1').fill('José Peña');
  await dialog.getByLabel('Detail').nth(1).fill('Father');
  await dialog.getByTestId('attendee-name-2').fill('Dana Whitfield');
  await dialog.getByRole('button', { name: 'Teacher', exact: true }).click();
  await dialog.getByTestId('attendee-name-3').fill('Mr. Okafor');
  await dialog.getByRole('button', { name: 'Start conference' }).click();

  await expect(page.getByRole('heading', { name: 'Sofi Peña Ibáñez', level: 1 })).toBeVisible();
  await expect(page.getByText('In progress')).toBeVisible();
  for (const item of [/^Welcome and introductions/, /^Your student's goals/, /^The Foundation High School Program/]) {
    const box = page.getByRole('checkbox', { name: item });
    await box.click();
    await expect(box).toBeChecked();
  }
  await expect(page.getByText('3 of 13 covered')).toBeVisible();
  await page.getByLabel('New agenda item').fill(SECRET.agenda);
  await page.getByRole('region', { name: 'Agenda' }).getByRole('checkbox', { name: 'Keep private', exact: true }).check();
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  await expect(page.getByText(SECRET.agenda)).toBeVisible();

  const privateNotes = page.getByRole('region', { name: 'Private notes' });
  await privateNotes.getByLabel('Add a private note').fill(SECRET.note);
  await privateNotes.getByRole('button', { name: 'Add note' }).click();
  const parentNotes = page.getByRole('region', { name: 'Parent notes' });
  await parentNotes.getByLabel('Add a parent note').fill('Can she take Algebra I online over the summer?');
  await parentNotes.getByLabel('Share with family').check();
  await parentNotes.getByRole('button', { name: 'Add note' }).click();
  await parentNotes.getByLabel('Add a parent note').fill(SECRET.parentNote);
  await parentNotes.getByRole('button', { name: 'Add note' }).click();
  await expect(parentNotes.getByText(SECRET.parentNote)).toBeVisible();

  await page.getByRole('button', { name: 'Record a decision' }).click();
  const decision = page.getByRole('dialog', { name: 'Record a decision' });
  await decision.getByLabel('Kind').click();
  await page.getByRole('option', { name: 'Endorsement' }).click();
  await decision.getByLabel('Endorsement', { exact: true }).click();
  await page.getByRole('option', { name: /^STEM/ }).click();
  await decision.getByLabel('What was decided').fill('Sofi will pursue the STEM endorsement');
  await decision.getByLabel('Sofi Peña Ibáñez (Student)').check();
  await decision.getByLabel('José Peña (Parent or guardian)').check();
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText('Agreed: Sofi Peña Ibáñez, José Peña')).toBeVisible();

  const actions = page.getByRole('region', { name: 'Action items' });
  await actions.getByLabel('What needs to happen').fill('Sign the Personal Graduation Plan');
  await actions.getByLabel('Who').click();
  await page.getByRole('option', { name: 'José Peña' }).click();
  await actions.getByLabel('Due by').fill('2026-10-15');
  await actions.getByRole('button', { name: 'Add action item' }).click();
  await actions.getByLabel('What needs to happen').fill(SECRET.action);
  await actions.getByLabel('Keep private (counselor follow-up)').check();
  await actions.getByRole('button', { name: 'Add action item' }).click();
  await expect(actions.getByText(SECRET.action)).toBeVisible();

  // The family window on the second display: only family-visible data, only family operations.
  await page.getByRole('button', { name: 'Open on second display' }).click();
  await expect.poll(() => !!h!.family()).toBe(true);
  const family = h!.family()!;
  await expect(family.page.getByRole('heading', { name: 'Sofi Peña Ibáñez’s conference' })).toBeVisible();
  await expect(family.page.getByRole('heading', { name: 'Who is here' })).toBeVisible();
  await expect(family.page.getByText('Mr. Okafor', { exact: true })).toBeVisible();
  await expectFamilyPageClean(family, 'overview');
  const shows = page.getByRole('group', { name: 'The family screen shows' });
  await shows.getByRole('button', { name: 'Parent notes' }).click();
  await expect(family.page.getByText('Can she take Algebra I online over the summer?')).toBeVisible();
  await expectFamilyPageClean(family, 'parent notes');
  await shows.getByRole('button', { name: 'Decisions & next steps' }).click();
  await expect(family.page.getByText('Sofi will pursue the STEM endorsement', { exact: true })).toBeVisible();
  await expect(family.page.getByText('Sign the Personal Graduation Plan', { exact: true })).toBeVisible();
  await expectFamilyPageClean(family, 'next steps');
  // Sofi has no goals, compared plans or test results in the vault: each panel says so plainly.
  for (const [panel, empty] of [
    ['Goals', 'No goals shared with the family yet.'],
    ['Plan scenarios', 'The counselor has not chosen plans to compare yet.'],
    ['Test results', 'No test results for this student yet.'],
  ] as const) {
    await shows.getByRole('button', { name: panel, exact: true }).click();
    await expect(family.page.getByText(empty, { exact: true })).toBeVisible();
  }

  // F6 blanks the family screen at once, from the console, even while typing in a note.
  await privateNotes.getByLabel('Add a private note').click();
  await page.keyboard.press('F6');
  await expect(family.page.getByTestId('family-hidden')).toBeVisible();
  await expect(family.page.getByText('Sofi Peña Ibáñez’s conference')).toHaveCount(0);
  await expect(page.getByText('The family screen is blank. Press F6 to show it again.')).toBeVisible();
  await page.keyboard.press('F6');
  await expect(family.page.getByTestId('family-live')).toBeVisible();
  await expectFamilyPageClean(family, 'after hide');

  await page.getByRole('button', { name: 'End conference' }).click();
  const end = page.getByRole('dialog', { name: 'End the conference' });
  await expect(end.getByText('10 agenda items are not checked off')).toBeVisible();
  await end.getByLabel('Next meeting (optional)', { exact: true }).fill('2027-03-04');
  await end.getByLabel('About the next meeting (optional)').fill('Review course requests');
  await end.getByRole('button', { name: 'End and make the summary' }).click();
  await expect(page.getByRole('heading', { name: 'Family summary' })).toBeVisible();
  await expect(page.getByText('This conference has ended.')).toBeVisible();
  await expect(family.page.getByRole('heading', { name: 'Summary of today’s meeting' })).toBeVisible();

  await page.getByLabel('Name 1', { exact: true }).fill('José Peña');
  await page.getByRole('button', { name: 'Add another name' }).click();
  await page.getByLabel('Name 2', { exact: true }).fill('Sofi Peña Ibáñez');
  await page.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(page.getByText(/Acknowledged by José Peña and Sofi Peña Ibáñez on/)).toBeVisible();
  await expect(family.page.getByText(/Thank you\. Acknowledged by José Peña and Sofi Peña Ibáñez/)).toBeVisible();
  await expectFamilyPageClean(family, 'summary');

  // Save the newest copy (with the acknowledgement) through the save dialog and read it back.
  const target = join(dir, 'saved-summary.pdf');
  h!.dialogs.saveFiles['export-pdf'] = [target];
  await page.getByRole('button', { name: /^Save PDF…/ }).first().click();
  await expect(page.getByText('Saved the PDF.')).toBeVisible();
  expect(existsSync(target)).toBe(true);
  const pdf = await extractPdfText(readFileSync(target));
  for (const s of ['Conference summary', 'Sofi Peña Ibáñez', 'José Peña — Father', 'Sofi will pursue the STEM endorsement', 'Sign the Personal Graduation Plan', 'Can she take Algebra I online over the summer?', 'March 4, 2027', 'Review course requests', 'José Peña and Sofi Peña Ibáñez']) {
    expect(pdf.all, s).toContain(s);
  }
  expectNoSecrets('summary PDF', pdf.all);
  for (const font of pdf.fonts) expect(font).toMatch(/Inter/);
  // The console itself did show the private text (so the checks above could have failed).
  expect(await page.locator('html').innerHTML()).toContain(SECRET.note);

  await page.getByRole('link', { name: 'Back to Sofi Peña Ibáñez' }).click();
  await expect(page.getByRole('tab', { name: 'Conferences', selected: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Conferences' }).getByText('Acknowledged')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Follow-ups' }).click();
  await page.getByRole('button', { name: /All open/ }).click();
  await expect(page.getByRole('table', { name: 'Action items' }).getByText('Sign the Personal Graduation Plan', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Mark “Sign the Personal Graduation Plan” done' }).click();
  // Done items leave the open list and show under Done.
  await expect(page.getByRole('table', { name: 'Action items' }).getByText('Sign the Personal Graduation Plan', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: /^Done/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Mark “Sign the Personal Graduation Plan” done' })).toBeChecked();
  expect(h!.pageErrors).toEqual([]);
});

test('a full conference in Spanish on one screen: presenter mode (F5), hide key (F6), summary in Spanish', async () => {
  const { page } = await seed('es', 1);
  await page.getByRole('button', { name: 'Iniciar una reunión' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Iniciar una reunión' });
  await dialog.getByLabel('Propósito').click();
  await page.getByRole('option', { name: 'Selección de cursos' }).click();
  await expect(dialog.getByText('Selección de cursos para el próximo año')).toBeVisible();
  await dialog.getByRole('button', { name: 'Español', exact: true }).click();
  await dialog.getByTestId('attendee-name-1').fill('Lucía Ibáñez de Peña');
  await dialog.getByLabel('Detalle').nth(1).fill('Madre');
  await dialog.getByTestId('attendee-name-2').fill('Dana Whitfield');
  await dialog.getByRole('button', { name: 'Iniciar la reunión' }).click();
  await expect(page.getByText('En curso')).toBeVisible();
  await expect(page.getByText('Una sola pantalla: use el modo presentación')).toBeVisible();
  for (const item of [/^Bienvenida y presentaciones/, /^Solicitudes de cursos para el próximo año/]) {
    const box = page.getByRole('checkbox', { name: item });
    await box.click();
    await expect(box).toBeChecked();
  }
  const privateNotes = page.getByRole('region', { name: 'Notas privadas' });
  await privateNotes.getByLabel('Agregar una nota privada').fill(SECRET.note);
  await privateNotes.getByLabel('Agregar una nota privada').press('Control+Enter');
  await expect(privateNotes.getByText(SECRET.note)).toBeVisible();
  const parentNotes = page.getByRole('region', { name: 'Notas de los padres' });
  await parentNotes.getByLabel('Agregar una nota de los padres').fill('¿Qué sigue si no aprueba Álgebra I?');
  await parentNotes.getByLabel('Compartir con la familia').check();
  await parentNotes.getByRole('button', { name: 'Agregar nota' }).click();
  await page.getByRole('button', { name: 'Registrar una decisión' }).click();
  const decision = page.getByRole('dialog', { name: 'Registrar una decisión' });
  await decision.getByLabel('Qué se decidió').fill('Solicitar Álgebra I y Biología para el grado 9');
  await decision.getByLabel('Lucía Ibáñez de Peña (Padre, madre o tutor)').check();
  await decision.getByRole('button', { name: 'Guardar la decisión' }).click();

  // Presenter mode: this screen shows the family view (built by the main process), in Spanish.
  await page.keyboard.press('F5');
  await expect(page.getByRole('heading', { name: 'Reunión de Sofi Peña Ibáñez' })).toBeVisible();
  await expect(page.getByText('Lo que vamos a tratar hoy')).toBeVisible();
  await expect(page.getByText('Teclas: F5 modo presentación · F6 ocultar o mostrar la pantalla de la familia')).toBeVisible();
  expectNoSecrets('presenter DOM', await page.locator('html').innerHTML());
  await page.keyboard.press('F6');
  await expect(page.getByTestId('family-hidden')).toBeVisible();
  await expect(page.getByText('La pantalla está en pausa.')).toBeVisible();
  await expect(page.getByText('Reunión de Sofi Peña Ibáñez')).toHaveCount(0);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('family-live')).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByRole('button', { name: 'Terminar la reunión' })).toBeVisible();

  await page.getByRole('button', { name: 'Terminar la reunión' }).click();
  await page.getByRole('dialog', { name: 'Terminar la reunión' }).getByRole('button', { name: 'Terminar y crear el resumen' }).click();
  await expect(page.getByRole('heading', { name: 'Resumen para la familia' })).toBeVisible();
  await page.getByRole('button', { name: 'Crear una copia en inglés' }).click();
  await expect(page.getByText(/inglés · \d+ página/)).toBeVisible();
  const rows = h!.core.ctx.vault.session().db.prepare('SELECT locale, pdf FROM conference_summaries ORDER BY id').all() as { locale: string; pdf: Buffer }[];
  expect(rows.map((r) => r.locale)).toEqual(['es', 'en']);
  const es = await extractPdfText(rows[0].pdf);
  for (const s of ['Resumen de la reunión', 'Elegir los cursos del próximo año', 'Lucía Ibáñez de Peña — Madre', 'Solicitar Álgebra I y Biología para el grado 9', '¿Qué sigue?', '¿Qué sigue si no aprueba Álgebra I?', 'Por programar']) {
    expect(es.all, s).toContain(s);
  }
  expectNoSecrets('Spanish summary', es.all);
  const en = await extractPdfText(rows[1].pdf);
  // (Chromium's text layer maps Inter's ’ glyph to the look-alike U+02BC, so match either.)
  expect(en.all).toMatch(/Conference summary[\s\S]*Choosing next year[’ʼ]s courses/);
  expect(h!.pageErrors).toEqual([]);
});

test('keyboard only: start a conference, take a note, present, hide, end', async () => {
  const { page } = await seed('en', 1);
  const k = page.keyboard;
  await page.getByRole('button', { name: 'Start a conference' }).first().focus();
  await k.press('Enter');
  await expect(page.getByLabel('Purpose')).toBeFocused();
  await page.getByTestId('attendee-name-1').focus();
  await k.type('José Peña');
  for (let i = 0; i < 40 && !(await page.getByRole('button', { name: 'Start conference' }).evaluate((el) => el === document.activeElement)); i++) await k.press('Tab');
  await expect(page.getByRole('button', { name: 'Start conference' })).toBeFocused();
  await k.press('Enter');
  await expect(page.getByText('In progress')).toBeVisible();

  // Tab to the first agenda checkbox and check it with Space.
  const first = page.getByRole('checkbox', { name: /^Welcome and introductions/ });
  for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) await k.press('Tab');
  await expect(first).toBeFocused();
  await k.press('Space');
  await expect(first).toBeChecked();

  const note = page.getByLabel('Add a private note');
  for (let i = 0; i < 120 && !(await note.evaluate((el) => el === document.activeElement)); i++) await k.press('Tab');
  await expect(note).toBeFocused();
  await k.type('Typed without a mouse');
  await k.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Private notes' }).getByText('Typed without a mouse')).toBeVisible();

  await k.press('F5');
  await expect(page.getByTestId('family-live')).toBeVisible();
  await k.press('F6');
  await expect(page.getByTestId('family-hidden')).toBeVisible();
  await k.press('F6');
  await k.press('F5');
  const endButton = page.getByRole('button', { name: 'End conference' });
  await endButton.focus();
  await k.press('Enter');
  await expect(page.getByLabel('Next meeting (optional)', { exact: true })).toBeFocused();
  for (let i = 0; i < 6 && !(await page.getByRole('button', { name: 'End and make the summary' }).evaluate((el) => el === document.activeElement)); i++) await k.press('Tab');
  await k.press('Enter');
  await expect(page.getByRole('heading', { name: 'Family summary' })).toBeVisible();
});

test('drafts survive presenter mode (F5 twice) and F6; while presenting no draft is in the DOM; focus comes back to the field', async () => {
  const { page } = await seed('en', 1);
  await page.getByRole('button', { name: 'Start a conference' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Start a conference' });
  await dialog.getByTestId('attendee-name-1').fill('José Peña');
  await dialog.getByRole('button', { name: 'Start conference' }).click();
  await expect(page.getByText('In progress')).toBeVisible();

  const DRAFT = {
    note: 'Draftprivate housing worry 6611',
    parent: 'Draftparent asked about bus 3390',
    agenda: 'Draftagenda item 4128',
    action: 'Draftaction call caseworker 5530',
    decision: 'Draftdecision take Algebra 7719',
  };
  const privateNote = page.getByRole('region', { name: 'Private notes' }).getByLabel('Add a private note');
  const parentNote = page.getByRole('region', { name: 'Parent notes' }).getByLabel('Add a parent note');
  const agenda = page.getByLabel('New agenda item');
  const action = page.getByLabel('What needs to happen');
  await parentNote.fill(DRAFT.parent);
  await agenda.fill(DRAFT.agenda);
  await action.fill(DRAFT.action);
  await privateNote.fill(DRAFT.note);
  await expect(privateNote).toBeFocused();

  const expectNoDrafts = async (when: string) => {
    const html = await page.locator('html').innerHTML();
    for (const [what, text] of Object.entries(DRAFT)) expect(html.includes(text), `${what} draft in the DOM ${when}`).toBe(false);
  };
  await page.keyboard.press('F5');
  await expect(page.getByTestId('family-live')).toBeVisible();
  await expectNoDrafts('while presenting');
  // No console behind the family view: nothing private is merely hidden.
  await expect(page.getByLabel('Add a private note')).toHaveCount(0);
  // Keyboard: Tab reaches the exit control, not the navigation behind the presenter view.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Exit presenter mode (F5)' })).toBeFocused();
  await page.keyboard.press('F5');
  await expect(privateNote).toHaveValue(DRAFT.note);
  await expect(privateNote).toBeFocused();
  await expect(parentNote).toHaveValue(DRAFT.parent);
  await expect(agenda).toHaveValue(DRAFT.agenda);
  await expect(action).toHaveValue(DRAFT.action);

  // F6 (hide) in the console and in presenter mode changes nothing either; Escape also leaves presenter mode.
  await page.keyboard.press('F6');
  await expect(page.getByText('The family screen is blank. Press F6 to show it again.')).toBeVisible();
  await page.keyboard.press('F6');
  await page.keyboard.press('F5');
  await expect(page.getByTestId('family-live')).toBeVisible();
  await page.keyboard.press('F6');
  await expect(page.getByTestId('family-hidden')).toBeVisible();
  await page.keyboard.press('F6');
  await expect(page.getByTestId('family-live')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(privateNote).toHaveValue(DRAFT.note);
  await expect(privateNote).toBeFocused();

  // A decision half written in its dialog: the dialog comes back with it, focus in the same field.
  await page.getByRole('button', { name: 'Record a decision' }).click();
  const decision = page.getByRole('dialog', { name: 'Record a decision' });
  await decision.getByLabel('What was decided').fill(DRAFT.decision);
  await page.keyboard.press('F5');
  await expect(page.getByTestId('family-live')).toBeVisible();
  await expectNoDrafts('while presenting with a dialog open');
  await page.keyboard.press('F5');
  await expect(decision.getByLabel('What was decided')).toHaveValue(DRAFT.decision);
  await expect(decision.getByLabel('What was decided')).toBeFocused();
  await decision.getByRole('button', { name: 'Cancel' }).click();

  // Added: the draft is done with, and presenter mode does not bring it back.
  await privateNote.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Private notes' }).getByText(DRAFT.note)).toBeVisible();
  await expect(privateNote).toHaveValue('');
  await page.getByRole('button', { name: 'Record a decision' }).click();
  await expect(decision.getByLabel('What was decided')).toHaveValue('');
  await decision.getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('family-live')).toBeVisible();
  await page.keyboard.press('F5');
  await expect(privateNote).toHaveValue('');
  await expect(parentNote).toHaveValue(DRAFT.parent);
  expect(h!.pageErrors).toEqual([]);
});

for (const locale of ['en', 'es'] as const) {
  test(`axe finds no serious violations in conference mode (${locale}), panels render the other concerns' data shapes`, async () => {
    const { page, h: harness } = await seed(locale, 2);
    useSampleSources(harness.core.services.conferenceSources);
    const L = (en: string, es: string) => (locale === 'en' ? en : es);
    await page.getByRole('button', { name: L('Start a conference', 'Iniciar una reunión') }).first().click();
    const dialog = page.getByRole('dialog');
    // Guardians now come from the (sample) student record.
    await dialog.getByLabel('José Peña (Padre)').check();
    // The record says Spanish: the family language starts there; the counselor may change it.
    await expect(dialog.getByRole('button', { name: 'Español', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await dialog.getByRole('button', { name: L('English', 'Español'), exact: true }).click();
    await expectNoSeriousViolations(page, 'start dialog');
    await dialog.getByRole('button', { name: L('Start conference', 'Iniciar la reunión') }).click();
    await expect(page.getByText(L('In progress', 'En curso'))).toBeVisible();
    await expectNoSeriousViolations(page, 'console');
    for (const tab of [L('Goals', 'Metas'), L('Plan scenarios', 'Planes de cursos'), L('Test results', 'Resultados de exámenes')]) {
      await page.getByRole('tab', { name: tab }).click();
      await expectNoSeriousViolations(page, `console ${tab}`);
    }
    await page.getByRole('button', { name: L('Open on second display', 'Abrir en la segunda pantalla') }).click();
    await expect.poll(() => !!harness.family()).toBe(true);
    const fam = harness.family()!.page;
    const shows = page.getByRole('group', { name: L('The family screen shows', 'La pantalla de la familia muestra') });
    await expect(fam.getByTestId('family-live')).toBeVisible();
    await expectNoSeriousViolations(fam, 'family overview');
    await shows.getByRole('button', { name: L('Goals', 'Metas'), exact: true }).click();
    await expect(fam.getByText(L('Graduate with the STEM endorsement and the Distinguished Level of Achievement', 'Graduarse con el reconocimiento STEM y el Nivel de Logro Distinguido'))).toBeVisible();
    await expectNoSeriousViolations(fam, 'family goals');
    await shows.getByRole('button', { name: L('Test results', 'Resultados de exámenes'), exact: true }).click();
    await expect(fam.getByText(L('What it does not mean', 'Qué no significa'))).toBeVisible();
    await expect(fam.getByRole('img', { name: L('400 on a scale of 120–720', '400 en una escala de 120 a 720') })).toBeVisible();
    await expectNoSeriousViolations(fam, 'family tests');
    await page.getByRole('tab', { name: L('Plan scenarios', 'Planes de cursos') }).click();
    const boxes = page.getByRole('tabpanel').getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await page.getByRole('button', { name: L('Show side by side', 'Mostrar lado a lado') }).click();
    await expect(fam.getByText(L('1 CTE credit short', 'Falta 1 crédito de CTE'))).toBeVisible();
    await expect(fam.getByText(L('Accounting I needs Principles of Business first', 'Contabilidad I necesita Principios de negocios antes'))).toBeVisible();
    await expectNoSeriousViolations(fam, 'family plan comparison');
    await page.keyboard.press('F6');
    await expect(fam.getByTestId('family-hidden')).toBeVisible();
    await expectNoSeriousViolations(fam, 'family hidden');
    await expectNoSeriousViolations(page, 'console while hidden');
    await page.keyboard.press('F6');
    await page.getByRole('button', { name: L('Close family window', 'Cerrar la ventana de la familia') }).click();
    await page.keyboard.press('F5');
    await expect(page.getByTestId('family-live')).toBeVisible();
    await expectNoSeriousViolations(page, 'presenter');
    await page.keyboard.press('F5');
    await page.getByRole('button', { name: L('End conference', 'Terminar la reunión') }).click();
    await expectNoSeriousViolations(page, 'end dialog');
    await page.getByRole('button', { name: L('End and make the summary', 'Terminar y crear el resumen') }).click();
    await expect(page.getByRole('heading', { name: L('Family summary', 'Resumen para la familia') })).toBeVisible();
    await expectNoSeriousViolations(page, 'ended console');
    await page.getByRole('link', { name: new RegExp(L('Back to', 'Volver a')) }).click();
    // The ended console has tables of its own: wait for the student's conference history.
    await expect(page.getByRole('table', { name: L('Conferences', 'Reuniones'), exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'conferences tab');
    await page.getByRole('navigation').getByRole('link', { name: L('Follow-ups', 'Seguimientos') }).click();
    await expect(page.getByRole('heading', { name: L('Follow-ups', 'Seguimientos') })).toBeVisible();
    await expectNoSeriousViolations(page, 'follow-ups');
  });
}
