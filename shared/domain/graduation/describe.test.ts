import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n';
import { auditPlan } from './audit';
import { prepareCatalog } from './catalog';
import { compareTwo } from './compare';
import { differenceSentences, reasonText, summarizeReasons, type Translate } from './describe';
import { shippedRuleSet } from './shipped';
import { testCatalog } from './testCatalog';
import { entry, FULL_PLAN } from './testPlans';

const def = shippedRuleSet('texas-fhsp')!;
const courses = testCatalog();
const catalog = prepareCatalog(def, courses);
const creditsOf = (code: string) => courses.find((c) => c.code === code)?.credits ?? 1;
const titleOf = (code: string) => courses.find((c) => c.code === code)?.title ?? code;
const options = { program: 'endorsement' as const, endorsement: 'stem' as const, currentGrade: '11' as const, pgp: { endorsementChosen: true, signed: true, foundationOnlyPermitted: false } };
const audit = (specs: string[]) => auditPlan(def, catalog, specs.map((s) => entry(s, {}, creditsOf)), options);
const snap = (id: number, specs: string[]) => {
  const entries = specs.map((s) => entry(s, {}, creditsOf));
  return { id, name: `P${id}`, audit: audit(specs), courses: entries.map((e) => ({ entryId: e.id, code: e.code, title: titleOf(e.code), grade: e.grade, term: e.term, status: e.status, credits: creditsOf(e.code) ?? 0 })) };
};
const en = createTranslator('en') as unknown as Translate;
const es = createTranslator('es') as unknown as Translate;
const without = (...codes: string[]) => FULL_PLAN.filter((s) => !codes.includes(s.split(/\s+/)[1]));

describe('sentences for counselors and families', () => {
  it('a missing requirement in English and Spanish, with the plural right', () => {
    const r = audit(without('GOVT')).reasons.find((x) => x.code === 'requirement-missing')!;
    expect(reasonText(en, 'en', r)).toBe('Needs 0.5 more credits for U.S. Government (half credit) (Social studies).');
    expect(reasonText(es, 'es', r)).toBe('Le faltan 0.5 créditos para Gobierno de los EE. UU. (medio crédito) (Estudios sociales).');
    const one = audit(without('ENG4')).reasons.find((x) => x.code === 'requirement-missing')!;
    expect(reasonText(en, 'en', one)).toBe('Needs 1 more credit for One advanced English credit (English language arts).');
  });

  it('groups several missing requirements of one area into one sentence, most urgent reasons first', () => {
    const r = audit(['09 ENG1 c', '09 ALG1 c']);
    const lines = summarizeReasons(en, 'en', r.reasons);
    expect(lines[0]).toBe('Earned 2 credits by the end of Grade 10; 12 are expected to stay on schedule.');
    expect(lines.slice(1, 3)).toEqual(['The plan does not yet complete the STEM endorsement.', 'The plan reaches 2 of the 26 credits needed to graduate.']);
    expect(lines).toContain('Mathematics: still needs Geometry, One advanced mathematics credit, Fourth math credit (3 credits).');
    expect(lines.filter((l) => l.startsWith('Mathematics'))).toHaveLength(1);
    expect(summarizeReasons(es, 'es', r.reasons)).toContain('Matemáticas: aún le falta Geometría, Un crédito de matemáticas avanzadas, Cuarto crédito de matemáticas (3 créditos).');
  });

  it('describes a comparison in plain words, without planned/requested bookkeeping', () => {
    const d = compareTwo(snap(1, FULL_PLAN), snap(2, [...without('STAT').map((s) => s.replace('12 ENG4 p', '12 ENG4 r')), '12:summer APCSA p']), titleOf);
    expect(differenceSentences(en, 'en', d)).toEqual([
      'Adds AP Computer Science A in Grade 12, Summer.',
      'Removes Statistics (Grade 12).',
    ]);
    expect(d.statusChanged).toHaveLength(1);
    const lost = compareTwo(snap(1, FULL_PLAN), snap(2, without('ENVSYS')), titleOf);
    expect(differenceSentences(es, 'es', lost)).toEqual(
      expect.arrayContaining(['Con este plan ya no iría bien encaminado para graduarse.', 'Ya no alcanza el Nivel de Logro Distinguido.', 'Ya no cumple: Cuarto crédito de ciencias.', 'Ciencias: 4 → 3 de 4 créditos.']),
    );
  });
});
