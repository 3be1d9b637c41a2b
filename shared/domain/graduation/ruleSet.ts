import { z } from 'zod';
import { COURSE_FLAGS, ENDORSEMENTS, SUBJECT_AREAS } from './vocabulary';

/**
 * A graduation rule set as data: the shipped Texas rules (resources/graduation/) and the
 * counselor's editable copies share this shape. Every rule carries its sources, the school
 * years it applies to, and — where our reference notes could not confirm it — `uncertain`
 * with a note, which the app shows next to the rule.
 */

const ident = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'Use lower-case letters, digits and dashes' }).max(60);
const schoolYear = z.string().regex(/^\d{4}-\d{2}$/, { message: 'Expected a school year like 2014-15' });

export const localized = z.object({ en: z.string().trim().min(1).max(400), es: z.string().trim().min(1).max(400) });
export type Localized = z.infer<typeof localized>;
/** Notes and descriptions: longer than a label. */
const localizedText = z.object({ en: z.string().trim().min(1).max(1200), es: z.string().trim().min(1).max(1200) });

export const ruleMeta = z.object({
  sources: z.array(ident).min(1),
  effective: z.object({ from: schoolYear, to: schoolYear.nullable() }),
  /** How directly the source states the rule: rule text read (high) … a single secondary page (low). */
  confidence: z.enum(['high', 'medium', 'low']).optional(),
  uncertain: z.boolean().optional(),
  /** Why the rule is uncertain, or how the app reads it. */
  note: localizedText.optional(),
});
export type RuleMeta = z.infer<typeof ruleMeta>;

/**
 * Which courses a requirement may use. `kinds` and `subjects` are alternatives (a course
 * with one of the kinds OR in one of the subjects); every other field narrows further.
 * No kinds and no subjects: any course with high-school credit.
 */
export const courseFilter = z.object({
  kinds: z.array(ident).optional(),
  subjects: z.array(z.enum(SUBJECT_AREAS)).optional(),
  /** All of these flags. */
  flags: z.array(z.enum(COURSE_FLAGS)).optional(),
  /** At least one of these flags. */
  anyFlags: z.array(z.enum(COURSE_FLAGS)).optional(),
  clusters: z.array(ident).optional(),
  excludeKinds: z.array(ident).optional(),
  /** Only courses that have a course of this kind among their (transitive) prerequisites. */
  prerequisiteKind: ident.optional(),
  /** Credit by examination may count here (default yes); rules about taking courses say no. */
  allowExamCredit: z.boolean().optional(),
});
export type CourseFilter = z.infer<typeof courseFilter>;

const groupAttribute = z.enum(['language', 'cluster']);

export const requirementRule = z.object({
  label: localized.optional(),
  filter: courseFilter,
  /** Each of these must be among the courses used (e.g. English IV within four English credits). */
  mustInclude: z.array(z.object({ label: localized, filter: courseFilter })).optional(),
  /** All courses share one value (two credits in the same language). */
  sameGroup: groupAttribute.optional(),
  /** `count` different values with `creditsEach` credits each (two levels of one language + two of another). */
  groups: z.object({ attribute: groupAttribute, count: z.number().int().min(2).max(4), creditsEach: z.number().positive() }).optional(),
  /** At most `count` different values (fine-arts credits from one or two disciplines). */
  maxGroups: z.object({ attribute: groupAttribute, count: z.number().int().min(1).max(4) }).optional(),
  /** A coherent CTE sequence: courses in one cluster, advanced courses, and where the last course must be. */
  sequence: z
    .object({ minSameCluster: z.number().int().min(0).max(6), minAdvanced: z.number().int().min(0).max(6), finalClusters: z.array(ident).optional() })
    .optional(),
});
export type RequirementRule = z.infer<typeof requirementRule>;

export const requirement = z.object({
  id: ident,
  label: localized,
  credits: z.number().positive().max(40),
  /** Ways to meet it; the audit uses the one the student's courses satisfy best. */
  options: z.array(requirementRule).min(1).max(8),
  meta: ruleMeta,
});
export type Requirement = z.infer<typeof requirement>;

export const area = z.object({
  code: ident,
  label: localized,
  requirements: z.array(requirement).min(1).max(12),
  meta: ruleMeta,
});
export type Area = z.infer<typeof area>;

/** A condition met by having taken a course of a kind, or by the counselor's confirmation (speech proficiency). */
export const check = z.object({ id: ident, label: localized, kinds: z.array(ident), meta: ruleMeta });
export type Check = z.infer<typeof check>;

export const endorsementOption = z.object({
  id: ident,
  label: localized,
  requirements: z.array(requirement).max(8),
  /** The audit cannot decide it from courses alone: the counselor confirms it. */
  manual: z.boolean().optional(),
  meta: ruleMeta,
});
export type EndorsementOption = z.infer<typeof endorsementOption>;

export const endorsement = z.object({
  code: z.enum(ENDORSEMENTS),
  label: localized,
  /** Courses every option needs (STEM: Algebra II, Chemistry, Physics). */
  base: z.array(requirement).max(8).default([]),
  options: z.array(endorsementOption).min(1).max(10),
  meta: ruleMeta,
});
export type Endorsement = z.infer<typeof endorsement>;

export const performanceAcknowledgment = z.object({
  code: ident,
  label: localized,
  description: localizedText,
  /** How the audit evaluates it; 'exam-scores' and 'certification' need records this concern does not hold. */
  method: z.enum(['dual-credit-hours', 'bilingual-biliteracy', 'exam-scores', 'certification']),
  thresholds: z.record(z.string(), z.number()).default({}),
  meta: ruleMeta,
});
export type PerformanceAcknowledgment = z.infer<typeof performanceAcknowledgment>;

export const courseKind = z.object({
  label: localized,
  /** Normalized title phrases that identify the kind (see classify.ts); "=phrase" means the whole title. */
  titles: z.array(z.string().min(1).max(120)).max(80),
  excludeTitles: z.array(z.string().min(1).max(120)).max(40).optional(),
  /** The title must also be in one of these subjects (so "Art I" is not "ART I" in another area). */
  subjects: z.array(z.enum(SUBJECT_AREAS)).optional(),
});
export type CourseKind = z.infer<typeof courseKind>;

export const ruleSource = z.object({
  id: ident,
  title: z.string().min(1).max(300),
  url: z.string().max(500).nullable(),
  kind: z.enum(['rule-text', 'statute', 'official', 'secondary', 'local-policy', 'template']),
  note: z.string().max(600).optional(),
});
export type RuleSource = z.infer<typeof ruleSource>;

export const ruleSetDefinition = z
  .object({
    schema: z.literal(1),
    id: ident,
    version: z.string().min(1).max(40),
    kind: z.enum(['state', 'template', 'local']),
    name: localized,
    jurisdiction: z.string().min(1).max(80),
    /** Which students it applies to, by the school year they entered grade 9. */
    appliesTo: z.object({ enteredGrade9From: schoolYear.nullable(), enteredGrade9To: schoolYear.nullable(), meta: ruleMeta }),
    sources: z.array(ruleSource).min(1),
    courseKinds: z.record(ident, courseKind).default({}),
    clusters: z.record(ident, z.object({ label: localized, aliases: z.array(z.string().max(120)) })).default({}),
    foundation: z.object({
      label: localized,
      totalCredits: z.number().positive().max(60),
      areas: z.array(area).min(1).max(20),
      checks: z.array(check).default([]),
      meta: ruleMeta,
    }),
    /** The larger program with an endorsement (Texas: 26 credits, a 4th math and science). */
    endorsementProgram: z
      .object({
        label: localized,
        totalCredits: z.number().positive().max(60),
        additions: z.array(z.object({ area: ident, requirement })).max(10),
        meta: ruleMeta,
      })
      .nullable()
      .default(null),
    endorsements: z.array(endorsement).default([]),
    dla: z
      .object({
        label: localized,
        description: localizedText,
        endorsementsRequired: z.number().int().min(0).max(5),
        areaMinimums: z.array(z.object({ area: ident, credits: z.number().positive(), mustIncludeKinds: z.array(ident).default([]) })),
        meta: ruleMeta,
      })
      .nullable()
      .default(null),
    performanceAcknowledgments: z.array(performanceAcknowledgment).default([]),
    onTrack: z.object({
      /** Credits earned by the end of each grade to stay on schedule (local policy in Texas). */
      creditsByEndOfGrade: z.record(z.enum(['09', '10', '11']), z.number().min(0).max(40)),
      maxCreditsPerYear: z.number().positive().max(20).nullable(),
      meta: ruleMeta,
    }),
  })
  .superRefine((def, ctx) => {
    const sources = new Set(def.sources.map((s) => s.id));
    const kinds = new Set(Object.keys(def.courseKinds));
    const clusters = new Set(Object.keys(def.clusters));
    const areaCodes = new Set<string>();
    const requirementIds = new Set<string>();
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const checkMeta = (meta: RuleMeta, path: (string | number)[]) => {
      meta.sources.forEach((s, i) => {
        if (!sources.has(s)) issue([...path, 'meta', 'sources', i], `Unknown source "${s}"`);
      });
    };
    const checkFilter = (f: CourseFilter, path: (string | number)[]) => {
      for (const k of [...(f.kinds ?? []), ...(f.excludeKinds ?? []), ...(f.prerequisiteKind ? [f.prerequisiteKind] : [])]) {
        if (!kinds.has(k)) issue(path, `Unknown course kind "${k}"`);
      }
      for (const c of f.clusters ?? []) if (!clusters.has(c)) issue(path, `Unknown cluster "${c}"`);
    };
    const checkRequirement = (r: Requirement, path: (string | number)[]) => {
      if (requirementIds.has(r.id)) issue([...path, 'id'], `Requirement id "${r.id}" is used twice`);
      requirementIds.add(r.id);
      checkMeta(r.meta, path);
      r.options.forEach((o, i) => {
        checkFilter(o.filter, [...path, 'options', i, 'filter']);
        o.mustInclude?.forEach((m, j) => checkFilter(m.filter, [...path, 'options', i, 'mustInclude', j]));
        o.sequence?.finalClusters?.forEach((c) => {
          if (!clusters.has(c)) issue([...path, 'options', i, 'sequence'], `Unknown cluster "${c}"`);
        });
      });
    };
    checkMeta(def.appliesTo.meta, ['appliesTo']);
    checkMeta(def.foundation.meta, ['foundation']);
    checkMeta(def.onTrack.meta, ['onTrack']);
    def.foundation.areas.forEach((a, i) => {
      if (areaCodes.has(a.code)) issue(['foundation', 'areas', i, 'code'], `Area "${a.code}" appears twice`);
      areaCodes.add(a.code);
      checkMeta(a.meta, ['foundation', 'areas', i]);
      a.requirements.forEach((r, j) => checkRequirement(r, ['foundation', 'areas', i, 'requirements', j]));
    });
    def.foundation.checks.forEach((c, i) => {
      checkMeta(c.meta, ['foundation', 'checks', i]);
      for (const k of c.kinds) if (!kinds.has(k)) issue(['foundation', 'checks', i], `Unknown course kind "${k}"`);
    });
    const areaSum = def.foundation.areas.reduce((s, a) => s + a.requirements.reduce((t, r) => t + r.credits, 0), 0);
    if (areaSum > def.foundation.totalCredits + 1e-9) {
      issue(['foundation', 'totalCredits'], `The areas add up to ${areaSum} credits, more than the total of ${def.foundation.totalCredits}`);
    }
    if (def.endorsementProgram) {
      checkMeta(def.endorsementProgram.meta, ['endorsementProgram']);
      def.endorsementProgram.additions.forEach((a, i) => {
        if (!areaCodes.has(a.area)) issue(['endorsementProgram', 'additions', i, 'area'], `Unknown area "${a.area}"`);
        checkRequirement(a.requirement, ['endorsementProgram', 'additions', i, 'requirement']);
      });
      if (def.endorsementProgram.totalCredits < def.foundation.totalCredits) {
        issue(['endorsementProgram', 'totalCredits'], 'The endorsement program cannot need fewer credits than the foundation program');
      }
    }
    const seenEndorsements = new Set<string>();
    def.endorsements.forEach((e, i) => {
      if (seenEndorsements.has(e.code)) issue(['endorsements', i, 'code'], `Endorsement "${e.code}" appears twice`);
      seenEndorsements.add(e.code);
      checkMeta(e.meta, ['endorsements', i]);
      e.base.forEach((r, j) => checkRequirement(r, ['endorsements', i, 'base', j]));
      e.options.forEach((o, j) => {
        checkMeta(o.meta, ['endorsements', i, 'options', j]);
        o.requirements.forEach((r, k) => checkRequirement(r, ['endorsements', i, 'options', j, 'requirements', k]));
        if (!o.manual && o.requirements.length === 0) issue(['endorsements', i, 'options', j], 'An option needs requirements or must be marked manual');
      });
    });
    if (def.dla) {
      checkMeta(def.dla.meta, ['dla']);
      def.dla.areaMinimums.forEach((m, i) => {
        if (!areaCodes.has(m.area)) issue(['dla', 'areaMinimums', i, 'area'], `Unknown area "${m.area}"`);
        for (const k of m.mustIncludeKinds) if (!kinds.has(k)) issue(['dla', 'areaMinimums', i], `Unknown course kind "${k}"`);
      });
    }
    def.performanceAcknowledgments.forEach((p, i) => checkMeta(p.meta, ['performanceAcknowledgments', i]));
  });

export type RuleSetDefinition = z.output<typeof ruleSetDefinition>;
export type RuleSetInput = z.input<typeof ruleSetDefinition>;

/** Every rule with an `uncertain` flag, for the rule-set screen and the family view's footnote. */
export function uncertainRules(def: RuleSetDefinition): { path: string; label: Localized; note: Localized | null }[] {
  const out: { path: string; label: Localized; note: Localized | null }[] = [];
  const add = (path: string, label: Localized, meta: RuleMeta) => {
    if (meta.uncertain) out.push({ path, label, note: meta.note ?? null });
  };
  add('appliesTo', def.name, def.appliesTo.meta);
  for (const a of def.foundation.areas) {
    add(`area:${a.code}`, a.label, a.meta);
    for (const r of a.requirements) add(`requirement:${r.id}`, r.label, r.meta);
  }
  for (const c of def.foundation.checks) add(`check:${c.id}`, c.label, c.meta);
  if (def.endorsementProgram) {
    add('endorsementProgram', def.endorsementProgram.label, def.endorsementProgram.meta);
    for (const a of def.endorsementProgram.additions) add(`requirement:${a.requirement.id}`, a.requirement.label, a.requirement.meta);
  }
  for (const e of def.endorsements) {
    add(`endorsement:${e.code}`, e.label, e.meta);
    for (const r of e.base) add(`requirement:${r.id}`, r.label, r.meta);
    for (const o of e.options) {
      add(`option:${e.code}:${o.id}`, o.label, o.meta);
      for (const r of o.requirements) add(`requirement:${r.id}`, r.label, r.meta);
    }
  }
  if (def.dla) add('dla', def.dla.label, def.dla.meta);
  for (const p of def.performanceAcknowledgments) add(`pa:${p.code}`, p.label, p.meta);
  add('onTrack', { en: 'Credits expected by the end of each grade', es: 'Créditos esperados al final de cada grado' }, def.onTrack.meta);
  return out;
}
