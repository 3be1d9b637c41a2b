import { describe, expect, it } from 'vitest';
import { auditPlan, type AuditEntry, type AuditOptions, type AuditResult } from './audit';
import { prepareCatalog } from './catalog';
import { shippedRuleSet } from './shipped';
import { testCatalog } from './testCatalog';
import { entry, FULL_PLAN, plan } from './testPlans';

const def = shippedRuleSet('texas-fhsp')!;
const courses = testCatalog();
const catalog = prepareCatalog(def, courses);
const creditsOf = (code: string) => courses.find((c) => c.code === code)?.credits ?? 1;
const P = (specs: string[]) => plan(specs, creditsOf);
const STEM: AuditOptions = { program: 'endorsement', endorsement: 'stem', currentGrade: '11', pgp: { endorsementChosen: true, signed: true, foundationOnlyPermitted: false } };

function audit(specs: (string | AuditEntry)[], options: Partial<AuditOptions> = {}): AuditResult {
  const entries = specs.map((s) => (typeof s === 'string' ? entry(s, {}, creditsOf) : s));
  return auditPlan(def, catalog, entries, { ...STEM, ...options });
}
const without = (...codes: string[]) => FULL_PLAN.filter((s) => !codes.includes(s.split(/\s+/)[1]));
const requirement = (r: AuditResult, id: string) => r.areas.flatMap((a) => a.requirements).find((x) => x.id === id)!;
const area = (r: AuditResult, code: string) => r.areas.find((a) => a.code === code)!;

describe('the complete plan', () => {
  const r = audit(FULL_PLAN);
  it('meets every requirement of the 26-credit program by its planned horizon', () => {
    expect(r.reasons).toEqual([]);
    expect(r.status).toBe('on-track');
    expect(r.level).toBe('planned');
    expect(r.totals).toEqual({ required: 26, earned: 15, inProgress: 6, planned: 5, missing: 0 });
    for (const a of r.areas) expect(a.missing, a.code).toBe(0);
  });
  it('reports credits by area as earned, in progress and planned', () => {
    expect(area(r, 'english')).toMatchObject({ required: 4, earned: 2, inProgress: 1, planned: 1, missing: 0 });
    expect(area(r, 'math')).toMatchObject({ required: 4, earned: 2, inProgress: 1, planned: 1 });
    expect(area(r, 'social-studies')).toMatchObject({ required: 3, earned: 1, inProgress: 1, planned: 1 });
    expect(area(r, 'electives')).toMatchObject({ required: 7, missing: 0 });
  });
  it('uses each course for one requirement only', () => {
    const used = r.areas.flatMap((a) => a.requirements.flatMap((q) => q.entryIds));
    expect(new Set(used).size).toBe(used.length);
  });
  it('meets STEM through three math credits beyond Geometry, and the Distinguished Level', () => {
    const stem = r.endorsements.find((e) => e.code === 'stem')!;
    expect(stem.coursesLevel).toBe('planned');
    expect(stem.level).toBe('planned');
    expect(stem.options.find((o) => o.id === 'stem-math')!.level).toBe('planned');
    expect(r.dla).toMatchObject({ applicable: true, level: 'planned', gaps: [] });
  });
});

describe('each foundation requirement: met, nearly met, missed', () => {
  // [requirement, courses removed from the full plan → expected credits missing for it]
  const cases: [string, string[], number][] = [
    ['english-1', ['ENG1'], 1],
    ['english-2', ['ENG2'], 1],
    ['english-3', ['ENG3'], 1],
    ['english-advanced', ['ENG4'], 1],
    ['algebra-1', ['ALG1'], 1],
    ['geometry', ['GEOM'], 1],
    ['math-4th', ['PRECAL', 'STAT'], 1],
    ['biology', ['BIO'], 1],
    ['science-4th', ['ENVSYS'], 1],
    ['world-history-or-geography', ['WGEO', 'WHIST'], 1],
    ['us-history', ['USHIST'], 1],
    ['us-government', ['GOVT'], 0.5],
    ['economics', ['ECON'], 0.5],
    ['pe', ['PEFIT', 'ATH'], 1],
    ['fine-arts', ['ART1'], 1],
  ];
  it.each(cases)('%s: met in the full plan, missed without %j', (id, removed, missing) => {
    expect(requirement(audit(FULL_PLAN), id).level).not.toBe('missing');
    const r = audit(without(...removed));
    const q = requirement(r, id);
    expect(q.level).toBe('missing');
    expect(q.missing).toBe(missing);
    expect(r.status).toBe('at-risk');
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'requirement-missing', params: expect.objectContaining({ requirement: q.label }) }));
  });

  it('math: Algebra II missing still leaves the advanced credit to Precalculus', () => {
    const r = audit(without('ALG2'));
    expect(requirement(r, 'math-advanced').level).toBe('planned');
    expect(requirement(r, 'math-4th').level).toBe('planned');
  });
  it('foundation-only math: three credits, the advanced one missed without Algebra II, Precalculus or Statistics', () => {
    const r = audit(without('ALG2', 'PRECAL', 'STAT'), { program: 'foundation', endorsement: null, pgp: { endorsementChosen: false, signed: true, foundationOnlyPermitted: true } });
    expect(area(r, 'math').required).toBe(3);
    expect(requirement(r, 'math-advanced')).toMatchObject({ level: 'missing', missing: 1 });
  });
  it('science: Biology and Chemistry alone meet two of the three science requirements, not three', () => {
    const r = audit(without('PHYS', 'ENVSYS'));
    expect(area(r, 'science')).toMatchObject({ required: 4, missing: 2 });
    expect(requirement(r, 'science-ipc-or-advanced').level).not.toBe('missing');
    expect(requirement(r, 'science-advanced').level).toBe('missing');
  });
  it('languages: two credits in two different languages nearly meet it (one credit missing)', () => {
    const r = audit([...without('SPAN2', 'CS1', 'CS2'), '10 FREN1 c']);
    expect(requirement(r, 'lote')).toMatchObject({ level: 'missing', missing: 1 });
  });
  it('languages: two computer programming credits meet it instead', () => {
    const r = audit(without('SPAN1', 'SPAN2'));
    const q = requirement(r, 'lote');
    expect(q.level).toBe('in-progress');
    expect(q.optionLabel?.en).toMatch(/computer programming/);
  });
  it('languages: LOTE courses with no language recorded are assumed to be one language, with a warning', () => {
    const r = audit([...without('SPAN1', 'SPAN2', 'CS1', 'CS2'), '09 LOTE1 c', '10 LOTE2 c']);
    expect(requirement(r, 'lote').level).toBe('earned');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'language-assumed' }));
  });
  it('electives: three credits short is reported with the count', () => {
    const r = audit(without('STAT', 'ATH', 'CS1'));
    expect(requirement(r, 'electives-endorsement').missing + requirement(r, 'electives').missing).toBe(3);
    expect(r.reasons).toContainEqual({ code: 'credits-short', params: { planned: 23, required: 26 } });
  });
  it('English: three of four credits nearly meet the area', () => {
    const r = audit(without('ENG4'));
    expect(area(r, 'english')).toMatchObject({ required: 4, missing: 1, level: 'missing' });
  });
  it('speech: missing without a speech course, met when confirmed by the counselor', () => {
    const r = audit(without('COMMAPP'));
    expect(r.checks[0]).toMatchObject({ id: 'speech', level: 'missing', uncertain: true });
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'check-missing' }));
    expect(audit(without('COMMAPP'), { confirmations: ['check:speech'] }).checks[0].level).toBe('confirmed');
    expect(audit(FULL_PLAN).checks[0].level).toBe('earned');
  });
  it('the foundation program alone needs 22 credits and no fourth math or science', () => {
    const r = audit(without('PRECAL', 'ENVSYS', 'STAT', 'ATH'), { program: 'foundation', endorsement: null, pgp: { endorsementChosen: false, signed: true, foundationOnlyPermitted: true } });
    expect(r.totals.required).toBe(22);
    expect(r.reasons).toEqual([]);
    expect(r.dla).toMatchObject({ applicable: false, gaps: ['foundation-only'] });
  });
});

describe('each course counts once', () => {
  it('a course planned again after it was earned does not count twice', () => {
    const r = audit([...FULL_PLAN, '12:summer ENG1 p']);
    expect(r.totals.planned).toBe(5);
    const again = r.entries.find((e) => e.id === 'ENG1@12:summer')!;
    expect(again).toMatchObject({ counted: false, reason: 'already-earned', duplicateOf: 'ENG1@09:year' });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'already-earned' }));
  });
  it('an equivalent course (English III Honors for English III) counts once', () => {
    const r = audit([...FULL_PLAN, '12:summer ENG3H p']);
    expect(r.totals.planned).toBe(5);
    expect(r.entries.find((e) => e.code === 'ENG3H')).toMatchObject({ counted: false, reason: 'duplicate' });
  });
  it('two completed copies of a course on a transcript earn the credit once', () => {
    const r = audit([...FULL_PLAN, '10:summer ENG1 c']);
    expect(r.totals.earned).toBe(15);
  });
  it('a failed course earns nothing; the retake counts; without a retake the student is at risk', () => {
    const failed = entry('09 ALG1 c', { id: 'fail', credits: 0, mark: '52' });
    const retake = entry('10:summer ALG1 c', { id: 'retake', credits: 1, mark: '78' });
    const rest = P(without('ALG1'));
    const ok = audit([failed, retake, ...rest]);
    expect(ok.entries.find((e) => e.id === 'fail')).toMatchObject({ counted: false, reason: 'failed' });
    expect(requirement(ok, 'algebra-1').level).toBe('earned');
    const notRetaken = audit([failed, ...rest]);
    expect(notRetaken.reasons).toContainEqual(expect.objectContaining({ code: 'failed-not-retaken', params: expect.objectContaining({ code: 'ALG1' }) }));
    expect(requirement(notRetaken, 'algebra-1').level).toBe('missing');
  });
  it('a repeatable course (athletics) earns credit each year', () => {
    const r = audit([...without('ATH'), '09:summer ATH c', '10:summer ATH c', '11 ATH i']);
    expect(r.totals.earned).toBe(17);
  });
  it('a course with no high-school credit, or with unknown credits, adds nothing and says why', () => {
    const r = audit([...FULL_PLAN, '09:summer MATH8 c', '12:summer NOCRED p']);
    expect(r.entries.find((e) => e.code === 'MATH8')).toMatchObject({ counted: false, reason: 'no-high-school-credit' });
    expect(r.entries.find((e) => e.code === 'NOCRED')).toMatchObject({ counted: false, reason: 'credits-unknown' });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'credits-unknown' }));
  });
  it('a course not in the catalog is kept, counted as an elective, and listed', () => {
    const r = audit([...without('STAT'), entry('12 XFER-MATH p', { title: 'Transfer math', credits: 1 })]);
    expect(r.entries.find((e) => e.code === 'XFER-MATH')).toMatchObject({ counted: true, inCatalog: false, requirementId: expect.stringMatching(/^electives/) });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'not-in-catalog' }));
    expect(r.reasons).toEqual([]);
  });
});

describe('one course for one requirement', () => {
  it('Chemistry cannot fill both "IPC or advanced science" and "advanced science"', () => {
    const r = audit(without('PHYS', 'ENVSYS'));
    const ids = ['science-ipc-or-advanced', 'science-advanced'].map((id) => requirement(r, id).entryIds).flat();
    expect(ids.filter((x) => x.startsWith('CHEM')).length).toBe(1);
  });
  it('a course on the endorsement list may also meet a foundation requirement (74.13(g))', () => {
    const r = audit(FULL_PLAN);
    const chem = r.entries.find((e) => e.code === 'CHEM')!;
    expect(chem.requirementId).toBe('science-ipc-or-advanced');
    expect(r.endorsements.find((e) => e.code === 'stem')!.base.find((b) => b.id === 'stem-chemistry')!.entryIds).toEqual([chem.id]);
  });
  it('swaps a course into the requirement that needs it when another course can take its place', () => {
    // IPC only fits "IPC or advanced science"; Environmental Systems must move to "advanced science".
    const r = audit([...without('CHEM', 'PHYS'), '10:summer IPC c', '11 APBIO i'], { program: 'foundation', endorsement: null, pgp: { endorsementChosen: false, signed: true, foundationOnlyPermitted: true } });
    expect(requirement(r, 'science-ipc-or-advanced').entryIds).toEqual(['IPC@10:summer']);
    expect(area(r, 'science').missing).toBe(0);
  });
});

describe('credit by examination', () => {
  it('earns credit for a requirement (Algebra I by exam)', () => {
    const r = audit([...without('ALG1'), entry('09:summer ALG1 c', { credits: 1, creditSource: 'exam' })]);
    expect(requirement(r, 'algebra-1').level).toBe('earned');
  });
  it('does not count as taking an AP, IB or dual-credit course', () => {
    const taken = ['09 APWH c', '10 APLIT c', '11 APUSH i', '12 APCALC p'];
    const r = audit([...FULL_PLAN, ...taken]);
    const md = r.endorsements.find((e) => e.code === 'multidisciplinary')!.options.find((o) => o.id === 'md-ap-ib-dc')!;
    expect(md.level).toBe('planned');
    const byExam = audit([...FULL_PLAN, ...taken.slice(0, 3), entry('12 APCALC c', { creditSource: 'exam', credits: 1, id: 'exam' })]);
    const md2 = byExam.endorsements.find((e) => e.code === 'multidisciplinary')!.options.find((o) => o.id === 'md-ap-ib-dc')!;
    expect(md2.level).toBe('missing');
    expect(md2.requirements[0]).toMatchObject({ missing: 1 });
  });
});

describe('prerequisites', () => {
  it('flags a planned course whose prerequisite is not in the plan', () => {
    const r = audit(['09 ALG1 c', '10 ALG2 p']);
    expect(r.prerequisites).toEqual([{ entryId: 'ALG2@10:year', code: 'ALG2', missing: ['GEOM'], kind: 'missing' }]);
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'prerequisite-missing', params: expect.objectContaining({ code: 'ALG2', prerequisites: 'Geometry' }) }));
  });
  it('flags a prerequisite planned for the same time or later', () => {
    const r = audit(['09 ALG1 c', '10 GEOM c', '11 ALG2 p', '11 PRECAL p']);
    expect(r.prerequisites).toEqual([{ entryId: 'PRECAL@11:year', code: 'PRECAL', missing: ['ALG2'], kind: 'too-late' }]);
    expect(audit(['09 ALG1 c', '10 GEOM c', '11:fall ALG2 p', '11:spring PRECAL p']).prerequisites).toEqual([]);
  });
  it('flags a prerequisite that was failed', () => {
    const r = audit([entry('09 ALG1 c', { credits: 0 }), entry('10 GEOM p')]);
    expect(r.prerequisites[0]).toMatchObject({ code: 'GEOM', kind: 'failed' });
  });
  it('accepts any one course of an alternative group (ESOL I for English I)', () => {
    expect(audit(['09 ESOL1 c', '10 ENG2 p']).prerequisites).toEqual([]);
  });
  it('honours a recorded waiver', () => {
    const waived = entry('10 ALG2 p', { waivedPrerequisites: ['GEOM'] });
    const r = audit([entry('09 ALG1 c', {}, creditsOf), waived]);
    expect(r.prerequisites).toEqual([]);
    expect(r.reasons.some((x) => x.code === 'prerequisite-missing')).toBe(false);
  });
});

describe('endorsements: met, nearly met, missed', () => {
  const endorsementLevel = (r: AuditResult, code: string) => r.endorsements.find((e) => e.code === code)!;
  const base = without('CS1', 'CS2', 'STAT', 'ATH');
  const cases: [string, string, string[], 'met' | 'missing'][] = [
    ['stem', 'met: Algebra II, Chemistry, Physics and math beyond Algebra II', FULL_PLAN, 'met'],
    ['stem', 'nearly: no Physics', without('PHYS'), 'missing'],
    ['stem', 'missed: no Algebra II and no Chemistry', without('ALG2', 'CHEM', 'STAT', 'PRECAL'), 'missing'],
    ['stem', 'met: four computer science credits', [...without('STAT', 'PRECAL'), '12 CS3 p', '12:summer APCSA p'], 'met'],
    ['business-industry', 'met: four CTE credits, two in one cluster, ending with an advanced course', [...base, '09:summer PBMF c', '10:summer BIM1 c', '11 ACCT1 i', '12 BUSMGT p'], 'met'],
    ['business-industry', 'nearly: no advanced course', [...base, '09:summer PBMF c', '10:summer BIM1 c', '11 ACCT1 i', '12:summer ACCT1 p'], 'missing'],
    ['business-industry', 'missed: the advanced course is in a STEM cluster', [...base, '09:summer PBMF c', '10:summer BIM1 c', '11 ACCT1 i', '12 ROBO p'], 'missing'],
    ['public-services', 'met: a health science sequence ending in a practicum', [...base, '09:summer PHS c', '10:summer MEDTERM c', '11 HSTHEORY i', '12 PRACHS p'], 'met'],
    ['public-services', 'met: four JROTC courses', [...base, '09:summer JROTC1 c', '10:summer JROTC2 c', '11 JROTC3 i', '12 JROTC4 p'], 'met'],
    ['public-services', 'nearly: three JROTC courses', [...base, '09:summer JROTC1 c', '10:summer JROTC2 c', '11 JROTC3 i'], 'missing'],
    ['arts-humanities', 'met: five and a half social studies credits', FULL_PLAN, 'met'],
    ['arts-humanities', 'nearly: three social studies credits', without('WHIST', 'PSYCH', 'SOC'), 'missing'],
    ['arts-humanities', 'met: two levels each of Spanish and French', [...without('WHIST', 'PSYCH', 'SOC'), '11:summer FREN1 c', '12:summer FREN2 p'], 'met'],
    ['arts-humanities', 'met: four levels of Spanish', [...without('WHIST', 'PSYCH', 'SOC'), '11:summer SPAN3 c', '12:summer SPAN4 p'], 'met'],
    ['arts-humanities', 'met: four fine arts credits in two disciplines', [...without('WHIST', 'PSYCH', 'SOC'), '10:summer ART2 c', '11:summer BAND1 c', '12:summer BAND2 p'], 'met'],
    ['arts-humanities', 'missed: four fine arts credits spread over three disciplines', [...without('WHIST', 'PSYCH', 'SOC'), '10:summer ART2 c', '11:summer BAND1 c', '12:summer THEA1 p'], 'missing'],
    ['multidisciplinary', 'met: four credits in each foundation area including English IV and Chemistry', FULL_PLAN, 'met'],
    ['multidisciplinary', 'nearly: no English IV', [...without('ENG4'), '12 APLIT p'], 'missing'],
    ['multidisciplinary', 'met: four AP and dual-credit credits', [...without('WHIST', 'PSYCH', 'SOC', 'ENG4'), '09:summer APWH c', '12 DCENG4 p', '12:summer DCUSH p'], 'met'],
  ];
  it.each(cases)('%s — %s', (code, _title, specs, expected) => {
    const r = audit(specs, { endorsement: code as AuditOptions['endorsement'] });
    const e = endorsementLevel(r, code);
    if (expected === 'met') {
      expect(e.coursesLevel).not.toBe('missing');
      expect(r.reasons.filter((x) => x.code === 'endorsement-not-met')).toEqual([]);
    } else {
      expect(e.coursesLevel).toBe('missing');
      expect(e.progress).toBeLessThan(1);
      expect(r.reasons).toContainEqual({ code: 'endorsement-not-met', params: { endorsement: e.label, code } });
    }
  });
  it('manual options need the counselor; a confirmation counts', () => {
    const r = audit(without('PRECAL', 'STAT'));
    const stem = r.endorsements.find((e) => e.code === 'stem')!;
    expect(stem.options.find((o) => o.id === 'stem-combined')!.level).toBe('needs-review');
    const confirmed = audit(without('PRECAL', 'STAT'), { confirmations: ['option:stem:stem-combined'] }).endorsements.find((e) => e.code === 'stem')!;
    expect(confirmed.coursesLevel).not.toBe('missing');
  });
  it('every endorsement carries its uncertainty flag from the rule set', () => {
    expect(audit(FULL_PLAN).endorsements.every((e) => e.uncertain && e.note !== null)).toBe(true);
  });
});

describe('Distinguished Level of Achievement', () => {
  it('needs Algebra II among four math credits', () => {
    const r = audit([...without('ALG2'), '12:summer AQR p']);
    expect(r.dla).toMatchObject({ level: 'missing', gaps: ['algebra-2'] });
  });
  it('needs a fourth science credit', () => {
    expect(audit(without('ENVSYS')).dla!.gaps).toContain('science-credits');
  });
  it('needs an endorsement', () => {
    const r = audit(without('PHYS', 'ALG2', 'WHIST', 'PSYCH', 'SOC'), { endorsement: 'stem' });
    expect(r.dla!.gaps).toContain('endorsement');
  });
  it('is earned once everything is completed', () => {
    const done = FULL_PLAN.map((s) => s.replace(/ [ip]$/, ' c'));
    expect(audit(done, { currentGrade: '12' }).dla).toMatchObject({ level: 'earned' });
  });
});

describe('performance acknowledgments', () => {
  const ack = (r: AuditResult, code: string) => r.acknowledgments.find((a) => a.code === code)!;
  it('dual credit: 12 college hours completed need the counselor to check the college GPA', () => {
    const r = audit([...without('ENG4', 'USHIST'), '11 DCUSH c', '12 DCENG4 c']);
    expect(ack(r, 'dual-credit')).toMatchObject({ status: 'needs-review', params: expect.objectContaining({ hours: 12 }) });
    expect(ack(audit([...without('ENG4'), '12 DCENG4 p', '12:summer DCUSH p']), 'dual-credit').status).toBe('planned');
    expect(ack(audit(FULL_PLAN), 'dual-credit').status).toBe('not-met');
  });
  it('bilingualism: English and three Spanish credits at 80 or above', () => {
    const marks = (m: string) => (s: string) => entry(s, { mark: m, credits: 1 });
    const english = ['09 ENG1 c', '10 ENG2 c', '11 ENG3 c', '12 ENG4 c'].map(marks('88'));
    const spanish = ['09 SPAN1 c', '10 SPAN2 c', '11 SPAN3 c'].map(marks('91'));
    expect(ack(audit([...english, ...spanish], { currentGrade: '12' }), 'bilingualism').status).toBe('met');
    const low = ['09 SPAN1 c', '10 SPAN2 c', '11 SPAN3 c'].map(marks('72'));
    expect(ack(audit([...english, ...low], { currentGrade: '12' }), 'bilingualism').status).toBe('needs-review');
    expect(ack(audit(FULL_PLAN), 'bilingualism').status).toBe('not-met');
  });
  it('exam and certification acknowledgments are not decided from courses', () => {
    const r = audit(FULL_PLAN);
    expect(ack(r, 'ap-ib').status).toBe('not-computable');
    expect(ack(r, 'college-readiness-exam')).toMatchObject({ status: 'not-computable', uncertain: true });
    expect(ack(audit(FULL_PLAN, { confirmations: ['pa:ap-ib'] }), 'ap-ib').status).toBe('confirmed');
  });
});

describe('on track or at risk', () => {
  it('behind on credits for the grade (local policy numbers, flagged uncertain)', () => {
    const r = audit(['09 ENG1 c', '09 ALG1 c', '09 BIO c', '09 WGEO c'], { currentGrade: '10' });
    expect(r.reasons).toContainEqual({ code: 'behind-credits', params: { earned: 4, expected: 6, grade: '09', uncertain: 1 } });
  });
  it('no endorsement chosen', () => {
    expect(audit(FULL_PLAN, { endorsement: null }).reasons).toContainEqual({ code: 'no-endorsement', params: {} });
  });
  it('foundation only without the parent’s written permission', () => {
    const r = audit(FULL_PLAN, { program: 'foundation', endorsement: null, pgp: { endorsementChosen: false, signed: true, foundationOnlyPermitted: false } });
    expect(r.reasons).toContainEqual({ code: 'foundation-only-no-permission', params: {} });
  });
  it('a Personal Graduation Plan not signed after grade 9', () => {
    expect(audit(FULL_PLAN, { pgp: { endorsementChosen: true, signed: false, foundationOnlyPermitted: false } }).reasons).toContainEqual({ code: 'pgp-not-signed', params: {} });
  });
  it('warns about a year with more credits than the schedule holds', () => {
    const r = audit([...FULL_PLAN, '12:fall CREAT p', '12 AQR p', '12 APCHEM p', '12 APBIO p']);
    expect(r.warnings).toContainEqual({ code: 'overloaded-year', params: { grade: '12', credits: 8.5, max: 8 } });
  });
  it('summary detail skips other endorsements and acknowledgments but keeps the verdict', () => {
    const full = audit(without('GOVT'));
    const summary = audit(without('GOVT'), { detail: 'summary' });
    expect(summary.endorsements.map((e) => e.code)).toEqual(['stem']);
    expect(summary.acknowledgments).toEqual([]);
    expect(summary.status).toBe(full.status);
    expect(summary.reasons).toEqual(full.reasons);
  });
});
