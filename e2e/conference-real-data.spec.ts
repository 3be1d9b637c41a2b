import { test, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeHarnessBrowser, launchHarness, type Harness } from './harness';
import { CATALOG_CSV } from './fixtures/coursePlanSeed';
import { extractPdfText } from '../electron/testing/pdfText';

/**
 * Conference mode end to end on real input, through the UI only: the Ed-Fi sample district,
 * the SAT and ACT sample files and the Ed-Fi course catalog (plus the district's catalog CSV
 * with credits) are imported; a student who has results gets a four-year plan and a
 * scenario; a conference compares them, takes a family note and a private one, records the
 * plan chosen, ends, and the family summary PDF is saved and read back — once in English,
 * once in Spanish. Public data files are read in place (../shared/data).
 */
const PASSPHRASE = 'orchard-lantern-velvet-42';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const DATA = resolve(__dirname, '../..', 'shared/data');
const EDFI = join(DATA, 'edfi');
const SAT = join(DATA, 'scores/PSAT_SAT/sample_anonymized_file_sat.csv');
const ACT = join(DATA, 'scores/ACT/sample_anonymized_file.csv');
const EDFI_EDORG = join(EDFI, 'EducationOrganization.xml');

let dir: string;
let h: Harness | null = null;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waypoint-real-e2e-'));
});
test.afterEach(async () => {
  await h?.close();
  h = null;
  rmSync(dir, { recursive: true, force: true });
});
test.afterAll(closeHarnessBrowser);
// A step that cannot happen fails in seconds rather than at the test's timeout.
test.use({ actionTimeout: 30_000 });

interface Run {
  locale: 'en' | 'es';
  /** The Ed-Fi sample's student with results: local ID, name, and what the summary must say about the results. */
  student: { id: string; first: string; last: string };
  interpretation: string;
  otherLanguageInterpretation: string;
  scenario: string;
  decision: string;
  familyNote: string;
  privateNote: string;
  guardian: { name: string; detail: string };
}

const RUNS: Run[] = [
  {
    locale: 'en',
    // The ACT sample file's second row: English 21, Math 18, Reading 23, Science 22.
    student: { id: '605001', first: 'Alana', last: 'Rice' },
    interpretation: 'Math: 18. That is 4 points below the benchmark of 22.',
    otherLanguageInterpretation: 'punto de referencia',
    scenario: 'Environmental Systems instead of Physics',
    decision: 'Alana takes Environmental Systems instead of Physics in grade 11',
    familyNote: 'Can Alana still take Physics in grade 12 if she wants to?',
    privateNote: 'Zanzibar private counselor note 4417 about home',
    guardian: { name: 'Marcus Rice', detail: 'Father' },
  },
  {
    locale: 'es',
    // The SAT sample file's second row, April 2022: Reading and Writing 420, Math 370.
    student: { id: '604927', first: 'Larry', last: 'Mahoney' },
    interpretation: 'Matemáticas: 370. Está 160 puntos por debajo del punto de referencia de 530.',
    otherLanguageInterpretation: 'benchmark',
    scenario: 'Sistemas ambientales en lugar de Física',
    decision: 'Larry tomará Sistemas Ambientales en lugar de Física en el grado 11',
    familyNote: '¿Puede Larry tomar Física en el grado 12 si quiere?',
    privateNote: 'Quetzaltenango nota privada 5528 sobre la casa',
    guardian: { name: 'Rosa Mahoney', detail: 'Madre' },
  },
];

const flat = (s: string) => s.replace(/\s+/g, ' ');

async function importCourses(page: Page, harness: Harness, L: (en: string, es: string) => string, button: string, file: string, expected: RegExp) {
  harness.dialogs.openFiles.import = [[file]];
  await page.getByRole('button', { name: button }).click();
  const preview = page.getByRole('dialog', { name: L('Check the file before importing', 'Revise el archivo antes de importarlo') });
  await expect(preview.getByText(expected).first()).toBeVisible();
  await preview.getByRole('button', { name: L('Import', 'Importar'), exact: true }).click();
  await expect(page.getByText(L('Imported:', 'Importado:'), { exact: false }).first()).toBeVisible();
}

async function addCourse(page: Page, L: (en: string, es: string) => string, grade: string, search: string, option: RegExp) {
  await page.getByRole('button', { name: L(`Add a course to ${grade}`, `Agregar un curso a ${grade}`) }).click();
  const dialog = page.getByRole('dialog', { name: L('Add a course', 'Agregar un curso') });
  await dialog.getByLabel(L('Course', 'Curso')).fill(search);
  await page.getByRole('option', { name: option }).click();
  await expect(dialog.getByText(L('Prerequisites', 'Requisitos previos'), { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: L('Add', 'Agregar'), exact: true }).click();
  await expect(dialog).toBeHidden();
}

for (const run of RUNS) {
  test(`real data, ${run.locale === 'en' ? 'English' : 'Spanish'}: Ed-Fi district, SAT and ACT files, Ed-Fi catalog → plan and scenario → conference → family summary PDF`, async () => {
    test.setTimeout(150_000);
    const { locale } = run;
    const L = (en: string, es: string) => (locale === 'en' ? en : es);
    h = await launchHarness({ vaultDir: join(dir, 'Vault'), locale, scrypt: FAST, displays: 1 });
    const harness = h;
    const { page, core } = harness;
    await core.ctx.vault.create(join(dir, 'Vault'), PASSPHRASE);
    core.prefs.set({ lastVaultPath: join(dir, 'Vault') });
    await core.ctx.vault.lock('user');
    await page.reload();
    await page.getByLabel(L('Passphrase', 'Frase de contraseña'), { exact: true }).fill(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByRole('grid').waitFor();
    const nav = page.getByRole('navigation');

    // --- The district's roster: the Ed-Fi sample (960 students).
    await nav.getByRole('link', { name: L('Import roster', 'Importar estudiantes') }).click();
    harness.dialogs.openFiles.import = [[EDFI]];
    await page.getByRole('button', { name: L('Choose a folder…', 'Elegir una carpeta…') }).click();
    await page.getByRole('button', { name: L('Import 960 changes', 'Importar 960 cambios') }).click();
    await expect(page.getByRole('heading', { name: L('Import finished', 'Importación terminada') })).toBeVisible();

    // --- Test results: the SAT and ACT sample files (their IDs are the district's).
    await nav.getByRole('link', { name: L('Test results', 'Resultados de exámenes') }).click();
    await page.getByRole('button', { name: L('Import test results', 'Importar resultados de exámenes') }).click();
    const scores = page.getByRole('dialog', { name: L('Import test results', 'Importar resultados de exámenes') });
    harness.dialogs.openFiles.import = [[SAT]];
    await scores.getByRole('button', { name: L('Choose file…', 'Elegir archivo…') }).click();
    await scores.getByRole('button', { name: L('Import 10 results', 'Importar 10 resultados') }).click();
    await expect(scores.getByText(L('Imported 10 new and 0 updated results.', 'Se importaron 10 resultados nuevos y 0 actualizados.'))).toBeVisible();
    harness.dialogs.openFiles.import = [[ACT]];
    await scores.getByRole('button', { name: L('Import another file', 'Importar otro archivo') }).click();
    await scores.getByRole('button', { name: L('Import 5 results', 'Importar 5 resultados') }).click();
    await expect(scores.getByText(L('Imported 5 new and 0 updated results.', 'Se importaron 5 resultados nuevos y 0 actualizados.'))).toBeVisible();
    await scores.getByRole('button', { name: L('Close', 'Cerrar') }).click();

    // --- The course catalog: the district's Ed-Fi courses, then its CSV with credits and prerequisites.
    await nav.getByRole('link', { name: L('Courses & rules', 'Cursos y reglas') }).click();
    await importCourses(page, harness, L, L('Import Ed-Fi courses (XML)', 'Importar cursos de Ed-Fi (XML)'), EDFI_EDORG, new RegExp(L('New: 84', 'Nuevos: 84')));
    await importCourses(page, harness, L, L('Import catalog (CSV)', 'Importar catálogo (CSV)'), CATALOG_CSV, new RegExp(L('Changed: 28', 'Con cambios: 28')));

    // --- The student, found by ID; a four-year plan and a scenario.
    await nav.getByRole('link', { name: L('Caseload', 'Estudiantes'), exact: true }).click();
    await page.getByLabel(L('Search by name or ID', 'Buscar por nombre o número de identificación')).fill(run.student.id);
    await page.getByRole('grid').getByRole('link', { name: `${run.student.last}, ${run.student.first}` }).click();
    const fullName = `${run.student.first} ${run.student.last}`;
    await expect(page.getByRole('heading', { name: fullName, level: 1 })).toBeVisible();
    await page.getByRole('tab', { name: L('Course plan', 'Plan de cursos') }).click();
    await page.getByRole('combobox', { name: L('Endorsement', 'Reconocimiento') }).click();
    await page.getByRole('option', { name: 'STEM' }).click();
    await page.getByRole('button', { name: L('Start a four-year plan', 'Crear un plan de cuatro años') }).click();
    await expect(page.getByText(L('Four-year plan started.', 'Plan de cuatro años creado.'))).toBeVisible();
    const g = (n: string) => L(`Grade ${Number(n)}`, `${Number(n)}.º grado`);
    await addCourse(page, L, g('09'), 'ENG-1', /English I\b/);
    await addCourse(page, L, g('09'), 'ALG-1', /Algebra I\b/);
    await addCourse(page, L, g('10'), 'GEOM', /Geometry/);
    await addCourse(page, L, g('10'), 'CHEM', /Chemistry/);
    await addCourse(page, L, g('11'), 'ALG-2', /Algebra II/);
    await addCourse(page, L, g('11'), 'PHYSICS', /^Physics PHYSICS/);
    await page.getByRole('button', { name: L('New scenario', 'Nuevo escenario') }).click();
    const nameDialog = page.getByRole('dialog', { name: L('New scenario', 'Nuevo escenario') });
    await nameDialog.getByLabel(L('Scenario name (families see it)', 'Nombre del escenario (lo ven las familias)')).fill(run.scenario);
    await nameDialog.getByRole('button', { name: L('Save', 'Guardar') }).click();
    await expect(page.getByRole('combobox', { name: L('Plan shown', 'Plan que se muestra') })).toContainText(run.scenario);
    const grid = page.getByRole('region', { name: L('Four-year plan: courses by grade and term', 'Plan de cuatro años: cursos por grado y período') });
    await grid.getByRole('region', { name: g('11') }).getByRole('button', { name: /^Physics, PHYSICS/ }).click();
    await page.getByRole('menuitem', { name: L('Remove from plan', 'Quitar del plan') }).click();
    await expect(page.getByText(L('Physics removed from the plan.', 'Physics se quitó del plan.'))).toBeVisible();
    await addCourse(page, L, g('11'), 'ENVIRSYS', /Environmental Systems/);

    // --- The conference: course selection, in the family's language.
    await page.getByRole('button', { name: L('Start a conference', 'Iniciar una reunión') }).first().click();
    const start = page.getByRole('dialog', { name: L('Start a conference', 'Iniciar una reunión') });
    await start.getByLabel(L('Purpose', 'Propósito')).click();
    await page.getByRole('option', { name: L('Course selection', 'Selección de cursos') }).click();
    await start.getByRole('button', { name: L('English', 'Español'), exact: true }).click();
    await start.getByTestId('attendee-name-1').fill(run.guardian.name);
    await start.getByLabel(L('Detail', 'Detalle')).nth(1).fill(run.guardian.detail);
    await start.getByTestId('attendee-name-2').fill('Dana Whitfield');
    await start.getByRole('button', { name: L('Start conference', 'Iniciar la reunión') }).click();
    await expect(page.getByRole('heading', { name: fullName, level: 1 })).toBeVisible();
    await expect(page.getByText(L('In progress', 'En curso'))).toBeVisible();

    // The results, as the family will hear them.
    await page.getByRole('tab', { name: L('Test results', 'Resultados de exámenes') }).click();
    await expect(page.getByTestId('family-score-card').first()).toBeVisible();

    // Both plans side by side on the family screen.
    await page.getByRole('tab', { name: L('Plan scenarios', 'Planes de cursos') }).click();
    await page.getByRole('checkbox', { name: new RegExp(L('Four-year plan', 'Plan de cuatro años')) }).check();
    await page.getByRole('checkbox', { name: run.scenario }).check();
    await page.getByRole('button', { name: L('Show side by side', 'Mostrar lado a lado') }).click();
    await expect(page.getByRole('table', { name: L('Courses year by year', 'Cursos año por año') })).toBeVisible();

    // Parent notes: one shared with the family, one kept private; a private counselor note.
    await page.getByRole('tab', { name: new RegExp(L('Private notes', 'Notas privadas')) }).click();
    const parentNotes = page.getByRole('region', { name: L('Parent notes', 'Notas de los padres') });
    await parentNotes.getByLabel(L('Add a parent note', 'Agregar una nota de los padres')).fill(run.familyNote);
    await parentNotes.getByLabel(L('Share with family', 'Compartir con la familia')).check();
    await parentNotes.getByRole('button', { name: L('Add note', 'Agregar nota') }).click();
    await expect(parentNotes.getByText(run.familyNote)).toBeVisible();
    await parentNotes.getByLabel(L('Add a parent note', 'Agregar una nota de los padres')).fill(`${run.privateNote} (parent)`);
    await parentNotes.getByRole('button', { name: L('Add note', 'Agregar nota') }).click();
    const privateNotes = page.getByRole('region', { name: L('Private notes', 'Notas privadas') });
    await privateNotes.getByLabel(L('Add a private note', 'Agregar una nota privada')).fill(run.privateNote);
    await privateNotes.getByRole('button', { name: L('Add note', 'Agregar nota') }).click();
    await expect(privateNotes.getByText(run.privateNote)).toBeVisible();

    // The decision: the scenario, agreed by the student and the parent.
    await page.getByRole('button', { name: L('Record a decision', 'Registrar una decisión') }).click();
    const decision = page.getByRole('dialog', { name: L('Record a decision', 'Registrar una decisión') });
    await decision.getByLabel(L('Kind', 'Tipo')).click();
    await page.getByRole('option', { name: L('Course plan', 'Plan de cursos') }).click();
    await decision.getByLabel(L('Plan scenario', 'Escenario del plan')).click();
    await page.getByRole('option', { name: run.scenario }).click();
    await decision.getByLabel(L('What was decided', 'Qué se decidió')).fill(run.decision);
    await decision.getByLabel(`${fullName} (${L('Student', 'Estudiante')})`).check();
    await decision.getByLabel(`${run.guardian.name} (${L('Parent or guardian', 'Padre, madre o tutor')})`).check();
    await decision.getByRole('button', { name: L('Save decision', 'Guardar la decisión') }).click();
    await expect(page.getByText(run.decision)).toBeVisible();

    // End: the summary carries the results and the compared plans.
    await page.getByRole('button', { name: L('End conference', 'Terminar la reunión') }).click();
    const end = page.getByRole('dialog', { name: L('End the conference', 'Terminar la reunión') });
    await expect(end.getByRole('checkbox', { name: new RegExp(L('test result', 'resultado')) })).toBeChecked();
    await expect(end.getByRole('checkbox', { name: new RegExp(run.scenario) })).toBeChecked();
    await end.getByRole('button', { name: L('End and make the summary', 'Terminar y crear el resumen') }).click();
    await expect(page.getByRole('heading', { name: L('Family summary', 'Resumen para la familia') })).toBeVisible();
    const target = join(dir, 'summary.pdf');
    harness.dialogs.saveFiles['export-pdf'] = [target];
    await page.getByRole('button', { name: L('Save PDF…', 'Guardar PDF…') }).first().click();
    await expect(page.getByText(L('Saved the PDF.', 'Se guardó el PDF.'))).toBeVisible();
    expect(existsSync(target)).toBe(true);

    const pdf = await extractPdfText(readFileSync(target));
    const text = flat(pdf.all);
    for (const s of [L('Conference summary', 'Resumen de la reunión'), fullName, run.decision, run.interpretation, run.familyNote, run.scenario, L('Course plans we compared', 'Planes de cursos que comparamos')]) {
      expect(text, s).toContain(flat(s));
    }
    expect(text).not.toContain(run.otherLanguageInterpretation);
    expect(text).not.toContain(run.privateNote);
    for (const font of pdf.fonts) expect(font).toMatch(/Inter/);

    // The plan agreed on is now the student's active plan, and the decision is in the record.
    await page.getByRole('link', { name: L(`Back to ${fullName}`, `Volver a ${fullName}`) }).click();
    await page.getByRole('tab', { name: L('Course plan', 'Plan de cursos') }).click();
    await expect(page.getByRole('combobox', { name: L('Plan shown', 'Plan que se muestra') })).toContainText(`${run.scenario} · ${L('Active plan', 'Plan activo')}`);
    await expect(page.getByRole('link', { name: L('Agreed in a conference', 'Acordado en una reunión') })).toBeVisible();
    await page.getByRole('tab', { name: L('Decisions', 'Decisiones') }).click();
    const logged = page.getByRole('listitem', { name: run.decision });
    await expect(logged.getByText(L('Made the active plan', 'Pasó a ser el plan activo'))).toBeVisible();
    expect(harness.pageErrors).toEqual([]);
  });
}
