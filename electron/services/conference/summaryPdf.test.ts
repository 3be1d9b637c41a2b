import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdf } from '../../testing/chromiumPdf';
import { extractPdfText } from '../../testing/pdfText';
import { TEST_RESOURCES_DIR } from '../../testing/testCore';
import { buildSummaryDocument, esc, pdfPageCount } from './summaryDocument';
import { documentFontFaces } from './fonts';
import type { FamilyRecord } from './familyRecord';

/** The PDF fault kinds other tools shipped: mangled accents, fallback fonts inside a word, rows split across pages. */
const pdf = new ChromiumPdf();
afterAll(() => pdf.close());

function record(overrides: Partial<FamilyRecord> = {}): FamilyRecord {
  return {
    conference: {
      id: 1,
      studentId: 1,
      purpose: 'pgp_review',
      title: null,
      familyLanguage: 'es',
      status: 'ended',
      startedAt: '2026-10-01T15:00:00.000Z',
      endedAt: '2026-10-01T15:40:00.000Z',
      nextMeetingDate: '2027-03-04',
      nextMeetingNote: null,
    },
    // "José" with a decomposed accent (e + U+0301), as some keyboards and imports produce it.
    student: { firstName: 'Jose\u0301 María', lastName: 'Peña Ñúñez', preferredName: null, gradeLevel: '09', campusName: 'Escuela Secundaria Río Bravo' },
    attendees: [
      { id: 1, name: 'Jose\u0301 María Peña Ñúñez', role: 'student', detail: null },
      { id: 2, name: 'Señora Inés Güemes-Peña', role: 'guardian', detail: 'Abuela' },
      { id: 3, name: "Siobhán O'Brien", role: 'counselor', detail: null },
    ],
    agenda: [{ text: '¿Qué sigue? Planes después de la escuela secundaria', done: true }],
    decisions: [{ kind: 'endorsement', what: 'Endoso de Artes y Humanidades', detail: null, endorsement: 'arts_humanities', scenarioId: null, agreedBy: [{ name: 'Señora Inés Güemes-Peña', role: 'guardian', detail: 'Abuela' }] }],
    actionItems: [],
    parentNotes: [{ id: 1, body: '¡Gracias! ¿Cuándo empieza la inscripción?', at: '2026-10-01T15:20:00.000Z' }],
    acknowledgement: null,
    reviewed: null,
    ...overrides,
  };
}

async function render(r: FamilyRecord, locale: 'en' | 'es' = 'es') {
  const doc = buildSummaryDocument({ record: r, locale, now: new Date('2026-10-01T16:00:00Z'), fontFaces: documentFontFaces(TEST_RESOURCES_DIR), withAcknowledgement: !!r.acknowledgement });
  const bytes = await pdf.render(doc);
  return { bytes, text: await extractPdfText(bytes) };
}

describe('family summary PDF', () => {
  it('keeps accents, ñ and Spanish punctuation intact, composed, in Inter only', async () => {
    const { text } = await render(record());
    // (The campus line is set in capitals by CSS: the text layer carries the capital accents.)
    for (const s of ['Peña', 'José', '¿Qué sigue?', 'Ñúñez', 'Güemes-Peña', '¡Gracias!', '¿Cuándo empieza la inscripción?', 'ESCUELA SECUNDARIA RÍO BRAVO', 'Resumen de la reunión', 'Página']) {
      expect(text.all, s).toContain(s);
    }
    expect(text.all).toContain("O'Brien");
    // The decomposed input comes out as one composed letter, not e + a floating accent.
    expect(text.all).not.toContain('Jose\u0301');
    // No mojibake (UTF-8 read as Latin-1) anywhere.
    expect(text.all).not.toMatch(/Ã|Â|�/);
    // One typeface for every run of text, footer included: no fallback font mid-word.
    expect(text.fonts.length).toBeGreaterThan(0);
    for (const font of text.fonts) expect(font).toMatch(/Inter/);
  });

  it('never splits a table row across pages, and repeats the header on each page', async () => {
    const actionItems = Array.from({ length: 60 }, (_, i) => ({
      // Five lines or so: long enough that a page break could fall inside the row (widows and
      // orphans alone would not keep it together). The last word (#rN#) marks the row's end.
      text: `Tarea número ${i + 1}: revisar la solicitud de cursos y el horario con calma, en casa, antes del viernes; hablar con la maestra de matemáticas sobre la tutoría de los martes y llevar los documentos firmados a la oficina de la consejera #r${i + 1}#`,
      owner: `Persona ${i + 1}`,
      ownerRole: 'guardian' as const,
      dueDate: `2027-0${1 + (i % 9)}-1${i % 10}`,
      done: i % 7 === 0,
    }));
    const { bytes, text } = await render(record({ actionItems }));
    expect(pdfPageCount(bytes)).toBe(text.pages.length);
    expect(text.pages.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i <= 60; i++) {
      const task = text.items.filter((x) => x.text.includes(`Tarea número ${i}:`));
      const owner = text.items.filter((x) => x.text === `Persona ${i}`);
      expect(task.length, `row ${i}`).toBe(1);
      expect(owner.length, `row ${i}`).toBe(1);
      const end = text.items.filter((x) => x.text.includes(`#r${i}#`));
      expect(end.length, `row ${i} end`).toBe(1);
      // The task wraps onto a second line…
      expect(end[0].y, `row ${i} wraps`).not.toBe(task[0].y);
      // …and its first line, last line and owner cell sit on one page.
      expect([owner[0].page, end[0].page], `row ${i}`).toEqual([task[0].page, task[0].page]);
    }
    const pagesWithRows = new Set(text.items.filter((x) => x.text.startsWith('Tarea número')).map((x) => x.page));
    for (const p of pagesWithRows) expect(text.items.some((x) => x.page === p && x.text === 'Qué hay que hacer'), `header on page ${p}`).toBe(true);
  });

  it('prints the typed acknowledgement, or lines to sign on paper when there is none', async () => {
    const signed = await render(record({ acknowledgement: { names: ['Señora Inés Güemes-Peña', 'José María Peña Ñúñez'], date: '2026-10-01', createdAt: '2026-10-01T16:00:00Z' } }));
    expect(signed.text.all).toMatch(/Señora Inés Güemes-Peña y José María Peña Ñúñez/);
    expect(signed.text.all).toMatch(/1 de octubre de 2026/);
    const unsigned = await render(record(), 'en');
    expect(unsigned.text.all).toMatch(/Student\s*Parent or guardian\s*Date/);
  });

  it('escapes markup typed into any field', () => {
    expect(esc('<img src=x onerror=alert(1)> & "quotes"')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    const doc = buildSummaryDocument({ record: record({ parentNotes: [{ id: 1, body: '<script>alert(1)</script>', at: '' }] }), locale: 'en', now: new Date(), fontFaces: '', withAcknowledgement: false });
    expect(doc.html).not.toContain('<script>');
    expect(doc.html).toContain('&lt;script&gt;');
  });
});
