import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n';
import { renderMessage, type Message } from '../../../shared/domain/scores/messages';
import type { ScoreCardView, StudentScoresView } from '../../../shared/ipc/contract/scores';
import { edfiAssessmentFiles, edfiStudents, sampleFile, scoresCore, synthetic } from './testing';
import { familyScoreSummary } from './familySummary';

/**
 * Every public sample file in ../shared/data/scores (and the Ed-Fi StudentAssessment
 * interchanges) imported into a real encrypted vault, then read back: stored values and
 * interpretations of specific students, not just counts.
 */

let h: Awaited<ReturnType<typeof scoresCore>>;
const ids = new Map<string, number>();

function importSample(files: ReturnType<typeof sampleFile>[], expect_: Parameters<typeof h.core.services.scoreImports.previewFiles>[1] = 'auto') {
  const p = h.core.services.scoreImports.previewFiles(files, expect_);
  expect(p.problems.filter((x) => x.severity === 'error'), files.map((f) => f.name).join()).toEqual([]);
  expect(p.canCommit).toBe(true);
  return { preview: p, commit: h.core.services.scoreImports.commit(p.token) };
}

const view = (local: string): StudentScoresView => h.core.services.scores.student(ids.get(local)!);
const cards = (local: string, family: string): ScoreCardView[] => view(local).groups.flatMap((g) => g.cards).filter((c) => c.family === family);
const section = (c: ScoreCardView, s: string) => c.interpretation.sections.find((x) => x.section === s)!;
const keys = (list: Message[]) => list.map((m) => m.key);

beforeAll(async () => {
  h = await scoresCore();
  const students = h.core.services.students;
  // Ed-Fi sample district: 960 students, local ID = StudentUniqueId (604821–605780).
  const edfi = edfiStudents();
  students.createMany(edfi);
  // STAAR sample: TSDS unique IDs 320–324, 330–332, 335, 336 (synthetic students, no local ID).
  students.createMany(['320', '321', '322', '323', '324', '330', '331', '332', '335', '336'].map((s, i) => synthetic({ stateId: s }, i, '03')));
  for (const r of h.db().prepare('SELECT id, coalesce(local_id, state_id) AS k FROM students').all() as { id: number; k: string }[]) ids.set(r.k, r.id);
});
afterAll(async () => {
  await h.dispose();
});

describe('SAT, PSAT/NMSQT and PSAT 10 student data files', () => {
  it('imports all three with the right tests recognised', () => {
    expect(importSample([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')]).commit.counts.new).toBe(10);
    const nmsqt = importSample([sampleFile('PSAT_SAT/sample_anonymized_file_psat_nmsqt.csv')]);
    expect(nmsqt.preview.families).toEqual(['PSAT_NMSQT']);
    expect(nmsqt.preview.notes.map((n) => n.code)).toContain('psat-type-detected');
    expect(importSample([sampleFile('PSAT_SAT/sample_anonymized_file_psat_10.csv')]).preview.families).toEqual(['PSAT_10']);
  });

  it('student 604928: four SATs on one trend line with PSAT scores, latest RW exactly at 480', () => {
    const sat = cards('604928', 'SAT');
    expect(sat.map((c) => [c.administrationDate, section(c, 'total').score])).toEqual([
      ['2024-10-12', 880],
      ['2022-10-01', 850],
      ['2022-08-27', 840],
      ['2022-05-07', 830],
    ]);
    const latest = sat[0];
    expect(section(latest, 'rw').benchmarks[0]).toMatchObject({ id: 'sat-rw-ccr', min: 480, met: true, margin: 0 });
    expect(section(latest, 'math').benchmarks[0]).toMatchObject({ id: 'sat-math-ccr', min: 530, met: false, margin: -130 });
    expect(section(latest, 'rw').percentiles).toEqual([
      { norm: 'sat-nationally-representative', value: 41 },
      { norm: 'sat-users', value: 35 },
    ]);
    expect(latest.interpretation.headline).toEqual({ key: 'scores.headline.benchmarks.partly', params: { met: 1, total: 2 } });
    expect(latest.gradeAtTesting).toBeNull(); // College Board grade code 8 is not a grade level (2 = grade 8 … 7 = grade 12)
    const suite = view('604928').groups.find((g) => g.group === 'sat-suite')!;
    expect(suite.trend?.sections).toEqual(['rw', 'math']);
    expect(suite.trend?.points.map((p) => [p.family, p.administrationDate, p.values.rw])).toEqual([
      ['PSAT_10', '2022-04-13', 500],
      ['SAT', '2022-05-07', 410],
      ['SAT', '2022-08-27', 390],
      ['SAT', '2022-10-01', 400],
      ['PSAT_NMSQT', '2022-10-12', 430],
      ['SAT', '2024-10-12', 480],
    ]);
    expect(suite.trend?.scale).toEqual({ min: 160, max: 800 });
    // TSI: ELAR met by the 2024 SAT (valid 5 years), math not yet.
    const tsi = view('604928').tsi;
    expect(tsi.elar).toMatchObject({ met: true, via: { ruleId: 'sat-2016-elar', values: { rw: 480 }, expiresOn: '2029-10-12' } });
    expect(tsi.math.met).toBe(false);
    expect(tsi.math.closest).toMatchObject({ ruleId: 'sat-2016-math', values: { math: 400 } });
  });

  it('the 2015-dated SAT keeps its scores, carries a note, and is not used for the 2016 TSI rule', () => {
    const sat = cards('604926', 'SAT')[0];
    expect(sat.administrationDate).toBe('2015-10-12');
    expect(section(sat, 'rw').score).toBe(670);
    expect(sat.flags).toContain('sat-date-before-redesign');
    expect(keys(sat.interpretation.notes)).toContain('scores.note.satBeforeRedesign');
    expect(view('604926').tsi.elar.met).toBe(false);
  });

  it('PSAT/NMSQT: grade-level benchmarks by grade; the file’s own flag where no cut is sourced; disagreements noted', () => {
    // 604927 took PSAT/NMSQT in grade 8 (code 2): no sourced grade-8 cut for this test, so the report's flag stands.
    const g8 = cards('604927', 'PSAT_NMSQT')[0];
    expect(g8.gradeAtTesting).toBe('08');
    expect(section(g8, 'rw').benchmarks[0]).toMatchObject({ basis: 'reported', met: true, min: null });
    expect(section(g8, 'selection-index').score).toBe(177);
    // 604928 in grade 11: RW 430 is below the grade-11 cut of 460, but the file says "Y".
    const g11 = cards('604928', 'PSAT_NMSQT')[0];
    expect(section(g11, 'rw').benchmarks.find((b) => b.kind === 'grade-level')).toMatchObject({ min: 460, met: false, disagrees: true });
    expect(keys(g11.interpretation.notes)).toContain('scores.note.flagDisagrees');
    // Dual-credit eligibility is labelled as such, never as a TSI exemption.
    expect(keys(g11.interpretation.notes)).toContain('scores.note.dualCreditNotMet');
  });
});

describe('ACT student record file', () => {
  it('imports 5 results; month-only test dates; "--" ELA is blank, not 0', () => {
    const r = importSample([sampleFile('ACT/sample_anonymized_file.csv')]);
    expect(r.commit.counts.new).toBe(5);
    const a = cards('605000', 'ACT')[0];
    expect(a).toMatchObject({ administrationDate: '2024-09-01', datePrecision: 'month', gradeAtTesting: '11' });
    expect(a.interpretation.sections.map((s) => s.section)).toEqual(['composite', 'english', 'math', 'reading', 'science', 'stem']);
    const b = cards('605001', 'ACT')[0];
    expect(section(b, 'ela').score).toBe(20);
    expect(section(b, 'writing').score).toBe(6);
    expect(section(b, 'composite').percentiles).toEqual([
      { norm: 'act-us', value: 66 },
      { norm: 'act-state', value: 71 },
    ]);
    const stored = h.db().prepare(`SELECT count(*) AS n FROM test_results r, json_each(r.scores) s WHERE r.student_id = ? AND json_extract(s.value, '$.section') = 'ela'`).get(ids.get('605000')) as { n: number };
    expect(stored.n).toBe(0);
  });

  it('605002: every benchmark met, TSI ready under the 2023 rule, and the performance acknowledgment', () => {
    const c = cards('605002', 'ACT')[0];
    expect(c.interpretation.status).toBe('met');
    expect(section(c, 'composite').benchmarks.find((b) => b.kind === 'performance-acknowledgment')).toMatchObject({ min: 28, met: true, margin: 0 });
    const tsi = view('605002').tsi;
    expect(tsi.ready).toBe(true);
    expect(tsi.elar.via).toMatchObject({ ruleId: 'act-2023-elar', values: { englishPlusReading: 55 }, datePrecision: 'month' });
    expect(tsi.math.via).toMatchObject({ ruleId: 'act-2023-math', values: { math: 27 } });
  });

  it('605000: below the ACT benchmarks by the right margins', () => {
    const c = cards('605000', 'ACT')[0];
    expect(section(c, 'english').benchmarks[0]).toMatchObject({ min: 18, met: false, margin: -3 });
    expect(section(c, 'reading').benchmarks[0]).toMatchObject({ min: 22, met: true, margin: 1 });
    expect(view('605000').tsi.elar.closest).toMatchObject({ values: { englishPlusReading: 38 } });
  });
});

describe('AP, IB, ASVAB, MAP Growth, CogAT, STAAR', () => {
  it('AP: each exam a result dated May; withheld scores kept as "no score"; unknown codes kept', () => {
    const r = importSample([sampleFile('AP/SAMPLE_AP_2324.csv')]);
    expect(r.commit.counts.new).toBe(13);
    const exams = cards('605001', 'AP');
    expect(exams.map((c) => [c.subject, c.administrationDate, section(c, 'exam').score])).toEqual([
      ['7', '2024-05-01', 5],
      ['10', '2023-05-01', null],
    ]);
    expect(exams[0].flags).toEqual(['ap-irregularity:39', 'ap-irregularity:40']);
    expect(exams[1].flags).toContain('score-withheld');
    expect(section(exams[0], 'exam').label).toBe('United States History');
    expect(section(exams[0], 'exam').level).toMatchObject({ code: 'ap-extremely-well-qualified', basis: 'computed' });
    expect(view('605001').ccmr.indicators.find((i) => i.id === 'ap-3')).toMatchObject({ met: true, evidence: [{ score: 5, label: 'United States History' }] });
    const unknown = cards('605003', 'AP').find((c) => c.subject === '100001')!;
    expect(section(unknown, 'exam')).toMatchObject({ score: 4, label: 'AP exam (code 100001)' });
  });

  it('IB: subject grades, TOK letter grades, the diploma total, CCMR 4+', () => {
    importSample([sampleFile('IB/sample_anonymized_file.csv')]);
    const a = cards('605000', 'IB');
    expect(a.map((c) => [c.subject, section(c, c.subject === 'diploma' ? 'total-points' : 'grade').score])).toEqual([
      ['diploma', 38],
      ['ENV. AND SOC. SL', 6],
    ]);
    expect(view('605000').ccmr.indicators.find((i) => i.id === 'ib-4')!.met).toBe(true);
    const tok = cards('605002', 'IB').find((c) => c.subject === 'THEORY KNOWL. TK')!;
    expect(section(tok, 'grade')).toMatchObject({ score: null, text: 'B' });
    const spanish = cards('605003', 'IB')[0];
    expect(section(spanish, 'grade').text).toBe('N');
    expect(spanish.flags).toContain('score-withheld');
  });

  it('ASVAB: AFQT read as a percentile with its category', () => {
    importSample([sampleFile('ASVAB/sample_anonymized_file.csv')]);
    const c = cards('605000', 'ASVAB')[0];
    expect(section(c, 'afqt')).toMatchObject({ score: 45, isPercentile: true, level: { code: 'afqt-IIIB' } });
    expect(c.interpretation.explanation.means[0]).toEqual({ key: 'scores.explain.afqt', params: { score: 45 } });
    expect(section(cards('605004', 'ASVAB')[0], 'afqt').level?.code).toBe('afqt-IVB');
  });

  it('MAP Growth: RIT with a ±1 SE band, grade-and-season percentile, goals, one line per subject', () => {
    importSample([sampleFile('MAP_Growth/sample_anonymized_file.csv')]);
    const [science] = cards('605000', 'MAP').filter((c) => c.subject === 'Science');
    expect(section(science, 'rit')).toMatchObject({ score: 208, band: { low: 204.6, high: 211.4, basis: 'sem' }, percentiles: [{ norm: 'nwea-grade-season', value: 57 }] });
    expect(section(science, 'goal:1')).toMatchObject({ label: 'Matter, Force, Motion and Energy', score: 201, band: { low: 195, high: 207, basis: 'reported' } });
    expect(science.administrationLabel).toBe('Fall 2021-2022');
    expect(cards('605000', 'MAP').map((c) => c.subject).sort()).toEqual(['Language Arts', 'Science']);
  });

  it('CogAT: Standard Age Scores with Riverside’s bounds, age and grade norms apart, stanine', () => {
    importSample([sampleFile('CogAT/sample_anonymized_file.csv')]);
    const c = cards('605331', 'COGAT')[0];
    expect(c).toMatchObject({ administrationDate: '2023-10-12', gradeAtTesting: 'KG' });
    expect(section(c, 'composite')).toMatchObject({ score: 112, stanine: 7, band: { low: 102.36, high: 120.64, basis: 'reported' }, level: { text: '6A', basis: 'reported' } });
    expect(section(c, 'composite').percentiles).toEqual([
      { norm: 'cogat-age', value: 77 },
      { norm: 'cogat-grade', value: 85 },
      { norm: 'cogat-local', value: 54 },
    ]);
    expect(keys(cards('605328', 'COGAT')[0].interpretation.notes)).toContain('scores.note.cogatVariable');
  });

  it('STAAR: the file’s own performance levels, Lexile and Quantile, percentile 0 kept', () => {
    const r = importSample([sampleFile('STAAR_Summative/sample_anonymized_file.csv')]);
    expect(r.commit.counts.new).toBe(20);
    const reading = cards('320', 'STAAR').find((c) => c.subject === 'reading')!;
    expect(reading).toMatchObject({ administrationDate: '2023-05-01', datePrecision: 'month', administrationLabel: 'May 2023', gradeAtTesting: '03' });
    expect(section(reading, 'scale')).toMatchObject({ score: 1444, raw: 26, level: { code: 'approaches', text: 'Approaches Grade Level', basis: 'reported' } });
    expect(section(reading, 'lexile').text).toBe('670L');
    expect(reading.interpretation.headline.key).toBe('scores.headline.staar.approaches');
    const low = cards('322', 'STAAR').find((c) => c.subject === 'reading')!;
    expect(section(low, 'scale')).toMatchObject({ score: 1047, level: { code: 'did-not-meet' }, percentiles: [{ norm: 'staar-texas', value: 0 }] });
    expect(keys(low.interpretation.explanation.nextSteps)).toContain('scores.next.staarSupport');
    const math = cards('320', 'STAAR').find((c) => c.subject === 'math')!;
    expect(section(math, 'quantile').text).toBe('535Q');
    // No PEIMS ID or family-portal code is stored with the source row.
    const raw = JSON.parse((h.db().prepare('SELECT raw_json FROM test_results WHERE id = ?').get(reading.resultId) as { raw_json: string }).raw_json);
    expect(raw.student_id).toBeUndefined();
    expect(raw.family_portal_unique_access_code).toBeUndefined();
    expect(raw.tx_unique_student_id).toBe('320');
  });
});

describe('Ed-Fi StudentAssessment interchanges (Grand Bend sample)', () => {
  it('groups SAT and ACT sections into sittings and reads state assessments with their own levels', () => {
    const r = importSample(edfiAssessmentFiles());
    expect(r.preview.families.sort()).toEqual(['ACT', 'SAT', 'STATE']);
    expect(r.preview.unmatched).toEqual([]);
    // Two StudentAssessment elements (student 604861) carry no score at all: listed as warnings, not written.
    expect(r.preview.problems.filter((p) => p.code === 'no-scores').map((p) => [p.fileName, p.row])).toEqual([
      ['StudentAssessment-StateAssessment.xml', 3],
      ['StudentAssessment-StateAssessment.xml', 23],
    ]);
    expect(r.commit.counts.new).toBe(112);
    const sat = cards('605472', 'SAT')[0];
    expect(section(sat, 'rw')).toMatchObject({ score: 650, percentiles: [{ norm: 'college-bound-national', value: 89 }, { norm: 'college-bound-state', value: 92 }] });
    expect(section(sat, 'essay')).toBeDefined();
    // SAT of 2021-05-01: still counts on 2026-03-01 (until 2026-05-01).
    expect(view('605472').tsi.elar.via).toMatchObject({ ruleId: 'sat-2016-elar', expiresOn: '2026-05-01' });
    const act = cards('605549', 'ACT')[0];
    expect(act.administrationDate).toBe('2021-12-01');
    expect(section(act, 'composite').score).toBe(27);
    const state = cards('604898', 'STATE').find((c) => c.subject === 'SA-2011-Mathematics-Eighth grade')!;
    expect(section(state, 'scale')).toMatchObject({ score: 691, raw: 28, level: { text: 'Did Not Meet Standard', basis: 'reported' } });
  });
});

describe('family summary (conference mode read) in English and Spanish', () => {
  it('writes every sentence in the family’s language, with no untranslated keys', () => {
    const en = familyScoreSummary(h.db(), ids.get('605002')!, 'en', { asOf: '2026-03-01' });
    const act = en.cards.find((c) => c.family === 'ACT')!;
    expect(act).toMatchObject({ testName: 'ACT', dateText: 'October 2024', status: 'met', headline: 'Met every benchmark' });
    expect(act.sections[0]).toMatchObject({ name: 'Composite', score: '28', scale: { min: 1, max: 36 } });
    expect(act.means).toContain('English: 28. That is 10 points above the benchmark of 18.');
    expect(act.means[0]).toBe('Composite, English, Math, Reading, Science, STEM, and ELA: scores go from 1 to 36.');
    expect(act.means[1]).toBe('Writing: scores go from 2 to 12.');
    expect(en.collegeReadiness).toMatchObject({ ready: true });
    expect(en.collegeReadiness!.lines[1]).toBe('Reading and writing (ELAR): Met by the ACT (October 2024): English 28, Reading 27, English + Reading 55. Counts until October 1, 2029.');
    const es = familyScoreSummary(h.db(), ids.get('605002')!, 'es', { asOf: '2026-03-01' });
    const actEs = es.cards.find((c) => c.family === 'ACT')!;
    expect(actEs).toMatchObject({ dateText: 'octubre de 2024', headline: 'Alcanzó todos los puntos de referencia' });
    expect(actEs.means).toContain('Inglés: 28. Está 10 puntos por encima del punto de referencia de 18.');
    expect(actEs.means[0]).toBe('Compuesto, Inglés, Matemáticas, Lectura, Ciencias, STEM y ELA: los puntajes van de 1 a 36.');
    expect(es.collegeReadiness!.lines[0]).toBe('Preparado en las dos.');
  });

  it('covers every sample student without an untranslated key in either language', () => {
    for (const [, id] of ids) {
      for (const locale of ['en', 'es'] as const) {
        const s = familyScoreSummary(h.db(), id, locale, { asOf: '2026-03-01' });
        const text = JSON.stringify(s);
        expect(text, `student ${id} ${locale}`).not.toMatch(/scores\.[a-zA-Z]/);
      }
    }
  });

  it('every interpretation message renders in both languages (screen path)', () => {
    const t = { en: createTranslator('en'), es: createTranslator('es') };
    let n = 0;
    for (const [, id] of [...ids].slice(0, 400)) {
      const v = h.core.services.scores.student(id);
      for (const c of v.groups.flatMap((g) => g.cards)) {
        const i = c.interpretation;
        for (const m of [i.headline, ...i.explanation.means, ...i.explanation.doesNotMean, ...i.explanation.nextSteps, ...i.notes]) {
          for (const locale of ['en', 'es'] as const) {
            const out = renderMessage(t[locale], m, { locale });
            expect(out, `${m.key} (${locale})`).not.toMatch(/scores\.[a-zA-Z]|\{\{/);
          }
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('holds only family-facing data: no source file, row, raw row or IDs', () => {
    const s = JSON.stringify(familyScoreSummary(h.db(), ids.get('320')!, 'en', { asOf: '2026-03-01' }));
    expect(s).not.toMatch(/sample_anonymized|raw_json|tx_unique|FAKE|111111111/);
  });
});
