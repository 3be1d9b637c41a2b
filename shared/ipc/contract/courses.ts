import { z } from 'zod';
import { op } from '../define';
import { id, multilineText, none, optionalText, text } from './common';
import type { ImportCommitResult, ImportPreviewBase, ImportProblem } from './imports';
import { GRADE_LEVELS, type GradeLevel } from '../../domain/gradeLevels';
import { cleanCourseCode } from '../../domain/graduation/codes';
import { COURSE_FLAGS, ENDORSEMENTS, SUBJECT_AREAS, type CourseFlag, type EndorsementCode, type SubjectArea } from '../../domain/graduation/vocabulary';
import { ruleSetDefinition, type Localized, type RuleSetDefinition, type RuleSource } from '../../domain/graduation/ruleSet';

/** The course catalog and graduation rule sets. */

export const courseCode = z
  .string()
  .max(80)
  .transform((s, ctx) => {
    const r = cleanCourseCode(s);
    if (r.issue || !r.value) {
      ctx.addIssue({ code: 'custom', message: r.issue?.message ?? 'Required' });
      return z.NEVER;
    }
    return r.value;
  });

const tag = z.string().regex(/^!?[a-z0-9][a-z0-9-]*$/, { message: 'Use lower-case letters, digits and dashes' }).max(60);

export const courseFields = z.object({
  code: courseCode,
  title: text(160).pipe(z.string().min(1, { message: 'Required' })),
  credits: z.number().min(0).max(10).nullable(),
  subject: z.enum(SUBJECT_AREAS),
  gradeLevels: z.array(z.enum(GRADE_LEVELS)).max(GRADE_LEVELS.length).default([]),
  prerequisites: z.array(z.array(courseCode).min(1).max(8)).max(10).default([]),
  flags: z.array(z.enum(COURSE_FLAGS)).max(COURSE_FLAGS.length).default([]),
  endorsements: z.array(z.enum(ENDORSEMENTS)).max(ENDORSEMENTS.length).default([]),
  tags: z.array(tag).max(20).default([]),
  cluster: optionalText(80),
  language: optionalText(40),
  equivalents: z.array(courseCode).max(10).default([]),
  repeatable: z.boolean().default(false),
  collegeHours: z.number().min(0).max(30).nullable().default(null),
  highSchoolCredit: z.boolean().default(true),
  description: z.union([multilineText(2000), z.null()]).optional().default(null),
});
export type CourseFieldsInput = z.input<typeof courseFields>;
export type CourseFields = z.output<typeof courseFields>;

export interface CourseKindLabel {
  id: string;
  label: Localized;
  /** Set by hand in the course's tags rather than read from its title. */
  fromTag: boolean;
}

export interface CourseView {
  id: number;
  code: string;
  title: string;
  credits: number | null;
  subject: SubjectArea;
  gradeLevels: GradeLevel[];
  prerequisites: string[][];
  flags: CourseFlag[];
  endorsements: EndorsementCode[];
  tags: string[];
  cluster: string | null;
  language: string | null;
  equivalents: string[];
  repeatable: boolean;
  collegeHours: number | null;
  highSchoolCredit: boolean;
  description: string | null;
  source: 'manual' | 'csv' | 'edfi';
  version: number;
  updatedAt: string;
  /** What the course counts as under the default rule set (English I, Algebra II …). */
  kinds: CourseKindLabel[];
  /** Plan entries, transcript records and requests that use the code. */
  usedBy: number;
}

/** Codes used on transcripts, plans or requests that the catalog does not have. */
export interface MissingCourse {
  code: string;
  title: string | null;
  uses: number;
  /** A catalog code equal to it but for leading zeros ("0700" for "700"). */
  likely: string | null;
}

export interface CatalogList {
  courses: CourseView[];
  missing: MissingCourse[];
  kindsRuleSet: { ref: string; name: Localized };
}

export const saveCourseInput = z.object({
  id: id.optional(),
  version: z.number().int().positive().optional(),
  fields: courseFields,
});

/** A problem from a course, transcript or rule-set import, with what the message needs for Spanish. */
export interface CourseImportProblem extends ImportProblem {
  params?: Record<string, string | number>;
}

export interface CatalogImportRow {
  row: number | null;
  code: string;
  title: string;
  outcome: 'new' | 'updated' | 'unchanged' | 'rejected';
  /** Field names that would change ("credits", "prerequisites"). */
  changed: string[];
}

export interface CatalogImportPreview extends ImportPreviewBase {
  kind: 'catalog-csv' | 'catalog-edfi';
  problems: CourseImportProblem[];
  rows: CatalogImportRow[];
  /** Courses in the file that have no credit value (Ed-Fi does not always carry one). */
  withoutCredits: number;
}

export const tokenInput = z.object({ token: z.string().uuid() });

// ---- rule sets ------------------------------------------------------------------------

export const ruleSetRef = z.string().regex(/^(shipped:[a-z0-9-]+|vault:\d+)$/, { message: 'Unknown rule set' });

export interface RuleSetSummary {
  ref: string;
  kind: 'shipped' | 'vault';
  name: Localized;
  jurisdiction: string;
  version: string;
  template: boolean;
  basedOn: string | null;
  /** Rules our reference notes could not confirm: shown with their flag. */
  uncertainCount: number;
  /** Plans (any student, any scenario) that use it. */
  usedBy: number;
  editVersion: number | null;
  updatedAt: string | null;
}

export interface UncertainRule {
  path: string;
  label: Localized;
  note: Localized | null;
}

export interface RuleSetView extends RuleSetSummary {
  definition: RuleSetDefinition;
  uncertain: UncertainRule[];
  sources: RuleSource[];
}

export const copyRuleSetInput = z.object({ ref: ruleSetRef, name: z.object({ en: text(120), es: text(120) }).optional() });
export const updateRuleSetInput = z.object({ id, version: z.number().int().positive(), definition: ruleSetDefinition });

export const catalogContract = {
  catalog: {
    list: op<CatalogList>()(none),
    save: op<CourseView>()(saveCourseInput),
    remove: op<null>()(z.object({ id, version: z.number().int().positive() })),
    previewCsv: op<CatalogImportPreview | null>()(none),
    previewEdfi: op<CatalogImportPreview | null>()(none),
    commitImport: op<ImportCommitResult>()(tokenInput),
    cancelImport: op<null>()(tokenInput),
  },
  ruleSets: {
    list: op<RuleSetSummary[]>()(none),
    get: op<RuleSetView>()(z.object({ ref: ruleSetRef })),
    copy: op<RuleSetView>()(copyRuleSetInput),
    update: op<RuleSetView>()(updateRuleSetInput),
    remove: op<null>()(z.object({ id, version: z.number().int().positive() })),
  },
};
