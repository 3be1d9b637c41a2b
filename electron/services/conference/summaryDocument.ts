import { createTranslator } from '../../../shared/i18n';
import type { Locale } from '../../../shared/i18n/locales';
import { formatDate, formatTime, joinNames, studentDisplayName } from '../../../shared/domain/conference/format';
import type { FamilyRecord } from './familyRecord';
import { DOCUMENT_FONT_FAMILY } from './fonts';

/**
 * The family summary as one self-contained HTML document (no scripts, no network, fonts
 * inline) in the family's language, built only from a FamilyRecord — i.e. only from what
 * the family may see. Rendered to PDF by the PdfPort.
 */
export interface SummaryInput {
  record: FamilyRecord;
  locale: Locale;
  /** When the document is made (shown in its footer). */
  now: Date;
  fontFaces: string;
  /** Whether to print the typed acknowledgement (present once the family acknowledged). */
  withAcknowledgement: boolean;
}

/** NFC first (a decomposed accent would need a glyph from another font), then HTML-escape. */
export function esc(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
@page { size: Letter; margin: 0.75in 0.75in 0.85in 0.75in; }
* { box-sizing: border-box; }
html { font-family: '${DOCUMENT_FONT_FAMILY}'; font-size: 11pt; color: #1b2430; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; font-synthesis: none; }
body { margin: 0; }
header { border-bottom: 2pt solid #17506b; padding-bottom: 10pt; margin-bottom: 14pt; }
.campus { font-size: 9.5pt; letter-spacing: 0.06em; text-transform: uppercase; color: #4a5666; font-weight: 600; margin: 0 0 4pt; }
h1 { font-size: 20pt; font-weight: 700; margin: 0 0 2pt; color: #17506b; letter-spacing: -0.01em; }
.subtitle { font-size: 13pt; font-weight: 600; margin: 0 0 6pt; }
.meta { display: flex; flex-wrap: wrap; gap: 4pt 18pt; font-size: 10pt; color: #4a5666; margin: 0; }
.meta b { color: #1b2430; font-weight: 600; }
section { margin: 0 0 14pt; }
h2 { font-size: 13pt; font-weight: 700; color: #17506b; margin: 0 0 6pt; break-after: avoid; page-break-after: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
ul { margin: 0; padding-left: 16pt; }
li { margin: 0 0 3pt; }
ul.checks { list-style: none; padding-left: 0; }
ul.checks li { padding-left: 18pt; position: relative; break-inside: avoid; }
/* Check marks drawn with CSS: a ✓ character would come from a fallback font (not in Inter's Latin subsets). */
ul.checks li::before { content: ''; position: absolute; left: 3pt; top: 2.5pt; width: 4pt; height: 8pt; border: solid #1e6b3a; border-width: 0 2pt 2pt 0; transform: rotate(45deg); }
ul.open li::before, ul.checks li.todo::before { left: 1pt; top: 4pt; width: 7pt; height: 7pt; border: 1pt solid #4a5666; border-radius: 50%; transform: none; }
.badge { display: inline-block; font-size: 8.5pt; font-weight: 600; color: #1e6b3a; border: 0.75pt solid #1e6b3a; border-radius: 3pt; padding: 0 3pt; margin-left: 4pt; }
.muted { color: #4a5666; }
.decision { border-left: 3pt solid #17506b; padding: 4pt 0 4pt 10pt; margin: 0 0 8pt; break-inside: avoid; page-break-inside: avoid; }
.decision .what { font-weight: 700; }
.decision .kind { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; color: #4a5666; font-weight: 600; }
.pre { white-space: pre-wrap; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-weight: 600; font-size: 9.5pt; color: #4a5666; border-bottom: 1pt solid #b8c2cc; padding: 4pt 6pt; }
td { border-bottom: 0.5pt solid #dde3ea; padding: 5pt 6pt; vertical-align: top; }
td.when { white-space: nowrap; width: 1%; }
td.who { width: 28%; }
.note { background: #f4f6f8; border-radius: 4pt; padding: 6pt 8pt; margin: 0 0 6pt; break-inside: avoid; page-break-inside: avoid; }
.ack { border: 1pt solid #b8c2cc; border-radius: 4pt; padding: 8pt 10pt; break-inside: avoid; page-break-inside: avoid; }
.sign { display: flex; gap: 18pt; margin-top: 16pt; }
.sign div { flex: 1; border-top: 0.75pt solid #1b2430; padding-top: 3pt; font-size: 9pt; color: #4a5666; }
.contact { font-size: 10pt; color: #4a5666; margin-top: 6pt; }
.item { border: 0.75pt solid #dde3ea; border-radius: 4pt; padding: 6pt 9pt; margin: 0 0 8pt; }
.item h3 { font-size: 11.5pt; margin: 0 0 2pt; font-weight: 700; }
.item .sub { font-size: 9.5pt; color: #4a5666; margin: 0 0 4pt; }
.item p { margin: 2pt 0; }
.item .label { font-weight: 600; font-size: 9.5pt; color: #17506b; margin: 5pt 0 1pt; break-after: avoid; page-break-after: avoid; }
.scores { margin: 3pt 0; padding-left: 14pt; }
.plans { display: flex; gap: 8pt; margin: 0 0 8pt; }
.plans .item { flex: 1; margin: 0; }
`;

export function buildSummaryDocument(input: SummaryInput): { html: string; footerHtml: string } {
  const { record: r, locale } = input;
  const t = createTranslator(locale);
  const k = (key: string, options?: Record<string, unknown>) => t(`conference.summary.${key}`, options ?? {});
  const student = studentDisplayName(r.student);
  const date = formatDate(r.conference.startedAt ?? r.conference.endedAt, locale);
  const times = [formatTime(r.conference.startedAt, locale), formatTime(r.conference.endedAt, locale)].filter(Boolean).join(' – ');
  const purpose = r.conference.title ?? t(`conference.purposesFamily.${r.conference.purpose}`);
  // A guardian's relationship ("Madre") says more than the role; others keep both ("Interpreter, Spanish").
  const role = (a: { role: string; detail: string | null }) => (a.role === 'guardian' && a.detail ? a.detail : [t(`conference.roles.${a.role}`), a.detail].filter(Boolean).join(', '));
  const counselors = r.attendees.filter((a) => a.role === 'counselor').map((a) => a.name);

  const parts: string[] = [];
  parts.push(`<header>
    ${r.student.campusName ? `<p class="campus">${esc(r.student.campusName)}</p>` : ''}
    <h1>${esc(k('title'))}</h1>
    <p class="subtitle">${esc(student)}${r.student.gradeLevel ? ` · ${esc(t(`common.grade.${r.student.gradeLevel}`))}` : ''}</p>
    <p class="meta"><span><b>${esc(k('purpose'))}:</b> ${esc(purpose)}</span><span><b>${esc(k('date'))}:</b> ${esc(date)}${times ? ` (${esc(times)})` : ''}</span></p>
  </header>`);

  parts.push(`<section class="keep"><h2>${esc(k('attendees'))}</h2><ul>${r.attendees.map((a) => `<li><b>${esc(a.name)}</b> — ${esc(role(a))}</li>`).join('')}</ul></section>`);

  const reviewed = r.agenda.filter((a) => a.done);
  const notCovered = r.agenda.filter((a) => !a.done);
  parts.push(`<section><h2>${esc(k('reviewed'))}</h2>${
    reviewed.length ? `<ul class="checks">${reviewed.map((a) => `<li>${esc(a.text)}</li>`).join('')}</ul>` : `<p class="muted">${esc(k('nothingReviewed'))}</p>`
  }${
    notCovered.length
      ? `<p class="muted" style="margin:8pt 0 3pt">${esc(k('notCovered'))}</p><ul class="checks open">${notCovered.map((a) => `<li>${esc(a.text)}</li>`).join('')}</ul>`
      : ''
  }</section>`);

  parts.push(`<section><h2>${esc(k('decisions'))}</h2>${
    r.decisions.length
      ? r.decisions
          .map((d) => {
            const agreed = d.agreedBy.map((a) => a.name);
            return `<div class="decision"><div class="kind">${esc(t(`conference.decisionKinds.${d.kind}`))}</div>
              <div class="what">${esc(d.what)}</div>
              ${d.endorsement ? `<div>${esc(k('endorsement'))}: ${esc(t(`conference.endorsements.${d.endorsement}`))}</div>` : ''}
              ${d.detail ? `<div class="pre">${esc(d.detail)}</div>` : ''}
              <div class="muted">${esc(agreed.length ? k('agreedBy', { names: joinNames(agreed, locale) }) : k('agreedByNobody'))}</div></div>`;
          })
          .join('')
      : `<p class="muted">${esc(k('noDecisions'))}</p>`
  }</section>`);

  parts.push(`<section><h2>${esc(k('actions'))}</h2>${
    r.actionItems.length
      ? `<table><thead><tr><th>${esc(k('task'))}</th><th>${esc(k('who'))}</th><th>${esc(k('byWhen'))}</th></tr></thead><tbody>${r.actionItems
          .map(
            (a) =>
              `<tr><td>${esc(a.text)}${a.done ? `<span class="badge">${esc(k('done'))}</span>` : ''}</td><td class="who">${esc(a.owner ?? k('ownerNotSet'))}${
                a.ownerRole && a.owner ? `<br><span class="muted">${esc(t(`conference.roles.${a.ownerRole}`))}</span>` : ''
              }</td><td class="when">${esc(a.dueDate ? formatDate(a.dueDate, locale, 'medium') : k('noDueDate'))}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : `<p class="muted">${esc(k('noActions'))}</p>`
  }</section>`);

  const rv = r.reviewed;
  if (rv?.tests) {
    const list = (label: string, lines: string[]) => (lines.length ? `<div class="label">${esc(label)}</div>${lines.map((l) => `<p>${esc(l)}</p>`).join('')}` : '');
    parts.push(`<section><h2>${esc(k('testsTitle'))}</h2>${
      rv.tests.collegeReadiness ? `<div class="item"><h3>${esc(rv.tests.collegeReadiness.title)}</h3>${rv.tests.collegeReadiness.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>` : ''
    }${rv.tests.cards
      .map(
        (c) => `<div class="item"><h3>${esc(c.testName)}</h3><p class="sub">${esc(k('testTaken', { date: c.dateText }))} · ${esc(c.headline)}</p>
        ${c.sections.length ? `<ul class="scores">${c.sections.map((x) => `<li><b>${esc(x.name)}:</b> ${esc(x.score)}${x.benchmark ? ` (${esc(k(x.benchmark.met ? 'benchmarkMet' : 'benchmarkNotMet', { value: x.benchmark.value }))})` : ''}${x.level ? ` · ${esc(x.level)}` : ''}</li>`).join('')}</ul>` : ''}
        ${list(k('means'), c.means)}${list(k('doesNotMean'), c.doesNotMean)}${list(k('testNextSteps'), c.nextSteps)}${c.notes.map((n) => `<p class="muted">${esc(n)}</p>`).join('')}</div>`,
      )
      .join('')}</section>`);
  }

  if (rv?.goals) {
    parts.push(`<section><h2>${esc(k('goalsTitle'))}</h2>${rv.goals
      .map(
        (g) => `<div class="item keep"><p class="sub">${esc(g.area)} · ${esc(g.status)}</p><h3>${esc(g.statement)}</h3>
        ${g.targetDate ? `<p>${esc(k('goalTarget', { date: formatDate(g.targetDate, locale) }))}</p>` : ''}
        ${g.measureOfSuccess ? `<p>${esc(k('goalMeasure', { text: g.measureOfSuccess }))}</p>` : ''}
        ${g.progress ? `<p>${esc(k('goalProgress', { date: formatDate(g.progress.date, locale, 'medium'), label: g.progress.label }))}</p>` : ''}
        ${g.helpedBy.length ? `<p>${esc(k('goalHelps', { list: g.helpedBy.join('; ') }))}</p>` : ''}
        ${g.hinderedBy.length ? `<p>${esc(k('goalHinders', { list: g.hinderedBy.join('; ') }))}</p>` : ''}
        ${g.steps.length ? `<ul class="checks">${g.steps.map((x) => `<li${x.done ? '' : ' class="todo"'}>${esc(x.text)}${x.owner || x.dueDate ? ` <span class="muted">— ${esc([x.owner, x.dueDate ? formatDate(x.dueDate, locale, 'medium') : null].filter(Boolean).join(', '))}</span>` : ''}${x.done ? `<span class="badge">${esc(k('done'))}</span>` : ''}</li>`).join('')}</ul>` : ''}</div>`,
      )
      .join('')}</section>`);
  }

  if (rv?.plans) {
    const p = rv.plans;
    const byId = new Map(p.scenarios.map((x) => [x.id, x]));
    parts.push(`<section><h2>${esc(k('plansTitle'))}</h2><div class="plans">${p.scenarios
      .map(
        (x) => `<div class="item"><h3>${esc(x.name)}${x.isActive ? ` <span class="muted">(${esc(k('planCurrent'))})</span>` : ''}</h3>
        <p class="sub">${esc(x.programLabel)}${x.endorsement ? ` · ${esc(x.endorsement.label)}` : ''}</p>
        <p><b>${esc(x.statusLabel)}</b> · ${esc(k('planCredits', { credits: x.credits.earned + x.credits.inProgress + x.credits.planned, required: x.credits.required }))}</p>
        ${x.reasons.slice(0, 4).map((reason) => `<p class="muted">${esc(reason)}</p>`).join('')}</div>`,
      )
      .join('')}</div>${p.differences
      .map((d) => {
        const base = byId.get(d.comparedWithId);
        const other = byId.get(d.scenarioId);
        return `<div class="keep"><div class="label">${esc(other?.name ?? '')} — ${esc(k('planChanges', { name: base?.name ?? '' }))}</div><ul>${d.sentences.map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>`;
      })
      .join('')}${p.ruleSet.uncertainNote ? `<p class="muted">${esc(p.ruleSet.uncertainNote)}</p>` : ''}</section>`);
  }

  if (r.parentNotes.length) {
    parts.push(`<section><h2>${esc(k('familyNotes'))}</h2>${r.parentNotes.map((n) => `<div class="note pre">${esc(n.body)}</div>`).join('')}</section>`);
  }

  const next = r.conference.nextMeetingDate ? formatDate(r.conference.nextMeetingDate, locale) : k('nextMeetingNone');
  parts.push(`<section class="keep"><h2>${esc(k('nextMeeting'))}</h2><p style="margin:0"><b>${esc(next)}</b>${
    r.conference.nextMeetingNote ? ` — ${esc(r.conference.nextMeetingNote)}` : ''
  }</p>${counselors.length ? `<p class="contact">${esc(k('contact', { names: joinNames(counselors, locale) }))}</p>` : ''}</section>`);

  const ack = r.acknowledgement;
  if (input.withAcknowledgement && ack) {
    parts.push(`<section class="ack"><h2>${esc(k('acknowledgement'))}</h2><p style="margin:0 0 4pt">${esc(k('acknowledgedText'))}</p>
      <p style="margin:0"><b>${esc(joinNames(ack.names, locale))}</b></p>
      <p class="muted" style="margin:2pt 0 0">${esc(k('acknowledgedOn', { date: formatDate(ack.date, locale) }))} · ${esc(k('typedNames'))}</p></section>`);
  } else {
    parts.push(`<section class="ack"><h2>${esc(k('acknowledgement'))}</h2><p style="margin:0">${esc(k('signHere'))}</p>
      <div class="sign"><div>${esc(k('signatureStudent'))}</div><div>${esc(k('signatureParent'))}</div><div>${esc(k('signatureDate'))}</div></div></section>`);
  }

  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(k('title'))}</title><style>${input.fontFaces}${STYLE}</style></head><body>${parts.join('\n')}</body></html>`;
  // Chromium fills .pageNumber/.totalPages. The footer is its own document: it needs the font too.
  const footerHtml = `<div style="width:100%;font-family:'${DOCUMENT_FONT_FAMILY}';font-size:8pt;color:#4a5666;padding:0 0.75in;display:flex;justify-content:space-between;"><style>${input.fontFaces}</style><span>${esc(
    k('footer', { name: student, date: formatDate(input.now.toISOString(), locale, 'medium') }),
  )}</span><span>${esc(k('page'))} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
  return { html, footerHtml };
}

/** Pages in a PDF that Chromium wrote (page objects are plain dictionaries there). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
