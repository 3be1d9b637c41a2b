import { describe, expect, it } from 'vitest';
import texas from '../../../resources/graduation/texas-fhsp.json';
import { ruleSetDefinition, uncertainRules } from './ruleSet';
import { shippedRuleSet, shippedRuleSets } from './shipped';

describe('shipped rule sets', () => {
  it('parse, and every rule names a source and the school years it applies to', () => {
    for (const def of shippedRuleSets().values()) {
      expect(def.sources.length).toBeGreaterThan(0);
      const sourceIds = new Set(def.sources.map((s) => s.id));
      const metas = [
        def.foundation.meta,
        ...def.foundation.areas.flatMap((a) => [a.meta, ...a.requirements.map((r) => r.meta)]),
        ...def.endorsements.flatMap((e) => [e.meta, ...e.base.map((r) => r.meta), ...e.options.flatMap((o) => [o.meta, ...o.requirements.map((r) => r.meta)])]),
        ...def.performanceAcknowledgments.map((p) => p.meta),
      ];
      for (const m of metas) {
        expect(m.sources.every((s) => sourceIds.has(s))).toBe(true);
        expect(m.effective.from).toMatch(/^\d{4}-\d{2}$/);
      }
    }
  });

  it('Texas: 22 foundation credits by area, 26 with an endorsement, five endorsements', () => {
    const tx = shippedRuleSet('texas-fhsp')!;
    const byArea = Object.fromEntries(tx.foundation.areas.map((a) => [a.code, a.requirements.reduce((s, r) => s + r.credits, 0)]));
    expect(byArea).toEqual({ english: 4, math: 3, science: 3, 'social-studies': 3, lote: 2, pe: 1, 'fine-arts': 1, electives: 5 });
    expect(tx.foundation.totalCredits).toBe(22);
    expect(tx.endorsementProgram!.totalCredits).toBe(26);
    expect(tx.endorsements.map((e) => e.code)).toEqual(['stem', 'business-industry', 'public-services', 'arts-humanities', 'multidisciplinary']);
  });

  it('Texas: the items our reference notes could not confirm are flagged, each with a note', () => {
    const flagged = uncertainRules(shippedRuleSet('texas-fhsp')!).map((u) => u.path);
    for (const path of ['check:speech', 'requirement:science-4th', 'requirement:electives-endorsement', 'pa:college-readiness-exam', 'option:business-industry:bi-designated-program', 'requirement:ah-english-credits', 'onTrack', 'appliesTo', 'endorsement:stem']) {
      expect(flagged).toContain(path);
    }
    // Confirmed from rule text: not flagged.
    expect(flagged).not.toContain('requirement:english-1');
    expect(flagged).not.toContain('requirement:math-4th');
    expect(flagged).not.toContain('pa:dual-credit');
    expect(uncertainRules(shippedRuleSet('texas-fhsp')!).every((u) => u.note !== null)).toBe(true);
  });

  it('refuses a definition with an unknown source, an unknown course kind, or areas above the total', () => {
    const broken = structuredClone(texas) as typeof texas;
    broken.foundation.areas[0].requirements[0].meta.sources = ['nowhere'];
    (broken.foundation.areas[1].requirements[0].options[0].filter as { kinds: string[] }).kinds = ['no-such-kind'];
    broken.foundation.totalCredits = 10;
    const r = ruleSetDefinition.safeParse(broken);
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['Unknown source "nowhere"', 'Unknown course kind "no-such-kind"', 'The areas add up to 22 credits, more than the total of 10']));
  });
});
