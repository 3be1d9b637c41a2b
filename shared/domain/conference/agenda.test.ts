import { describe, expect, it } from 'vitest';
import agendaData from '../../../resources/conference/agendas.json';
import { AGENDA_TEMPLATES, agendaTemplateFor, templateItem } from './agenda';
import { CONFERENCE_PURPOSES } from '../../ipc/contract/conferences';
import { GRADE_LEVELS } from '../gradeLevels';

describe('agendaTemplateFor', () => {
  it.each([
    ['pgp_review', '08', 'pgp-grade9'],
    ['pgp_review', '09', 'pgp-grade9'],
    ['pgp_review', '10', 'pgp-annual'],
    ['pgp_review', '11', 'pgp-annual'],
    ['pgp_review', '12', 'pgp-senior'],
    ['pgp_review', '06', 'pgp-middle'],
    ['pgp_review', '03', 'plan-review-general'],
    ['pgp_review', null, 'pgp-annual'],
    ['course_selection', '09', 'course-selection'],
    ['test_results', null, 'test-results'],
    ['transition', '08', 'transition'],
    ['financial_aid', '12', 'financial-aid'],
    ['other', '05', 'other'],
  ] as const)('%s, grade %s → %s', (purpose, grade, id) => {
    expect(agendaTemplateFor(purpose, grade).id).toBe(id);
  });

  it('has a template for every purpose and every grade', () => {
    for (const purpose of CONFERENCE_PURPOSES) {
      for (const grade of [...GRADE_LEVELS, null]) expect(agendaTemplateFor(purpose, grade).purpose).toBe(purpose);
    }
  });
});

describe('agenda templates (resources/conference/agendas.json)', () => {
  it('give every item real text in English and Spanish, and known sources', () => {
    for (const t of AGENDA_TEMPLATES) {
      expect(t.title.en && t.title.es && t.title.en !== t.title.es, t.id).toBeTruthy();
      for (const item of t.items) {
        expect(item.text.en.length, item.key).toBeGreaterThan(5);
        expect(item.text.es.length, item.key).toBeGreaterThan(5);
        expect(item.text.es, `${item.key} is not translated`).not.toBe(item.text.en);
      }
    }
  });

  it('keeps item keys unique and resolvable', () => {
    const keys = AGENDA_TEMPLATES.flatMap((t) => t.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(templateItem('pgp-grade9/choose_endorsement')?.source?.citation).toMatch(/74\.13/);
    expect(templateItem('nope/nothing')).toBeNull();
  });

  it('follows the grade-9 review in TEC 28.02121 and 19 TAC 74.13: endorsements, DLA, written choice, signatures', () => {
    const t = agendaTemplateFor('pgp_review', '09');
    const en = t.items.map((i) => i.text.en).join('\n');
    expect(en).toMatch(/22 credits/);
    expect(en).toMatch(/at least 26 credits/);
    expect(en).toMatch(/in writing on entering grade 9/);
    expect(en).toMatch(/Distinguished Level of Achievement/);
    expect(en).toMatch(/confirm and sign/);
    // The language check is the counselor's own prep item, never shown to the family.
    expect(t.items.find((i) => i.key === 'pgp-grade9/language_access')?.visibility).toBe('private');
  });

  it('marks the district-sourced foundation-only rule as uncertain', () => {
    const item = templateItem('pgp-annual/foundation_only');
    expect(item?.uncertain).toMatch(/district summary/);
    // Every uncertain item says why.
    for (const t of AGENDA_TEMPLATES) for (const i of t.items) if (i.uncertain) expect(i.uncertain.length).toBeGreaterThan(20);
  });

  it('states its year and cites a URL for every source', () => {
    expect(agendaData.year).toBeGreaterThanOrEqual(2024);
    for (const s of Object.values(agendaData.sources)) expect(s.url).toMatch(/^https?:\/\//);
  });
});
