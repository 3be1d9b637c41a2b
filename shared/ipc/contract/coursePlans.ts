import { z } from 'zod';
import { op } from '../define';
import { id, isoDate, multilineText, none, optionalIsoDate, optionalText, paging, text, type Page } from './common';
import type { ImportCommitResult, ImportPreviewBase } from './imports';
import { courseCode, ruleSetRef, tokenInput, type CourseImportProblem, type UncertainRule } from './courses';
import { GRADE_LEVELS, type GradeLevel } from '../../domain/gradeLevels';
import type { AuditResult, Reason } from '../../domain/graduation/audit';
import type { ScenarioComparison } from '../../domain/graduation/compare';
import type { Localized } from '../../domain/graduation/ruleSet';
import { CREDIT_SOURCES, ENDORSEMENTS, PLAN_GRADES, TERMS, type CreditSource, type EndorsementCode, type EntryStatus, type PlanGrade, type Term } from '../../domain/graduation/vocabulary';

/** Four-year plans, scenarios, the transcript, the Personal Graduation Plan and pre-registration. */

const version = z.number().int().positive();
const grade = z.enum(PLAN_GRADES);
const term = z.enum(TERMS);
const endorsement = z.enum(ENDORSEMENTS);
const program = z.enum(['foundation', 'endorsement']);

export const waiver = z.object({
  code: courseCode,
  reason: text(300).pipe(z.string().min(1, { message: 'Say why the prerequisite is waived' })),
  by: text(120).pipe(z.string().min(1, { message: 'Who approved the waiver' })),
  date: isoDate,
});
export type Waiver = z.output<typeof waiver>;

export interface PlanCell {
  /** "e12" for a plan entry, "r5" for a transcript record. */
  id: string;
  source: 'plan' | 'record';
  /** Row id in plan_entries or course_records. */
  rowId: number;
  code: string;
  title: string;
  inCatalog: boolean;
  credits: number;
  grade: PlanGrade;
  term: Term;
  status: EntryStatus;
  mark: string | null;
  creditSource: CreditSource;
  schoolYear: number | null;
  waivers: Waiver[];
  note: string | null;
  /** Record version, for edits of transcript rows. */
  version: number | null;
}

export interface PlanSummary {
  id: number;
  name: string;
  kind: 'active' | 'scenario' | 'previous';
  program: 'foundation' | 'endorsement';
  endorsement: EndorsementCode | null;
  basedOnPlanId: number | null;
  status: AuditResult['status'];
  updatedAt: string;
}

export interface PlanView extends PlanSummary {
  ruleSetRef: string;
  note: string | null;
  confirmations: string[];
  version: number;
  cells: PlanCell[];
}

export interface PlanDecisionView {
  id: number;
  planId: number | null;
  planName: string;
  previousPlanId: number | null;
  agreedBy: { name: string; role: AgreedRole }[];
  decidedOn: string;
  recordedAt: string;
  note: string | null;
  /** Set when the plan was agreed in a conference (conference mode records it when the conference ends). */
  conferenceId: number | null;
}

export interface RuleSetBrief {
  ref: string;
  name: Localized;
  template: boolean;
  uncertain: UncertainRule[];
  /** Course kinds by id, for labels (English I, Algebra II …). */
  kindLabels: Record<string, Localized>;
}

export interface PlanWorkspace {
  studentId: number;
  gradeLevel: GradeLevel | null;
  /** School years as their start year (2026 = 2026–27). */
  currentSchoolYear: number;
  plans: PlanSummary[];
  plan: PlanView | null;
  audit: AuditResult | null;
  ruleSet: RuleSetBrief | null;
  decisions: PlanDecisionView[];
  pgp: { endorsement: EndorsementCode | null; signed: boolean; foundationOnly: boolean } | null;
}

export const AGREED_ROLES = ['student', 'parent', 'guardian', 'counselor', 'teacher', 'other'] as const;
export type AgreedRole = (typeof AGREED_ROLES)[number];

const planRef = z.object({ planId: id, version });

export const startPlanInput = z.object({
  studentId: id,
  ruleSetRef: ruleSetRef.optional(),
  program: program.optional(),
  endorsement: endorsement.nullable().optional(),
});

export const addEntryInput = planRef.extend({
  code: courseCode,
  grade,
  term,
  status: z.enum(['planned', 'requested']).default('planned'),
});
export const moveEntryInput = planRef.extend({ entryId: id, grade, term });
export const updateEntryInput = planRef.extend({
  entryId: id,
  changes: z.object({
    status: z.enum(['planned', 'requested']).optional(),
    credits: z.number().min(0).max(10).nullable().optional(),
    note: z.union([multilineText(1000), z.null()]).optional(),
    waivers: z.array(waiver).max(8).optional(),
  }),
});
export const removeEntryInput = planRef.extend({ entryId: id });
export const updatePlanInput = planRef.extend({
  changes: z.object({
    name: text(80).pipe(z.string().min(1, { message: 'Required' })).optional(),
    program: program.optional(),
    endorsement: endorsement.nullable().optional(),
    ruleSetRef: ruleSetRef.optional(),
    note: z.union([multilineText(2000), z.null()]).optional(),
    confirmations: z.array(z.string().regex(/^(check|option|pa):[a-z0-9:-]+$/).max(120)).max(40).optional(),
  }),
});
export const createScenarioInput = z.object({ fromPlanId: id, name: text(80).pipe(z.string().min(1, { message: 'Required' })) });
export const compareInput = z.object({ studentId: id, planIds: z.array(id).min(2).max(3) });
export const chooseInput = planRef.extend({
  agreedBy: z
    .array(z.object({ name: text(120).pipe(z.string().min(1, { message: 'Required' })), role: z.enum(AGREED_ROLES) }))
    .min(1, { message: 'Record who agreed' })
    .max(10),
  decidedOn: isoDate,
  note: z.union([multilineText(1000), z.null()]).optional(),
});

export const recordFields = z.object({
  code: courseCode,
  title: optionalText(160),
  grade,
  term,
  schoolYear: z.number().int().min(1990).max(2100).nullable().default(null),
  status: z.enum(['completed', 'in-progress']),
  mark: optionalText(12),
  credits: z.number().min(0).max(10).nullable(),
  creditSource: z.enum(CREDIT_SOURCES).default('course'),
});
export const addRecordInput = z.object({ studentId: id, planId: id.optional(), fields: recordFields });
export const updateRecordInput = z.object({ recordId: id, version, planId: id.optional(), fields: recordFields });
export const removeRecordInput = z.object({ recordId: id, version, planId: id.optional() });

export interface ComparedScenario {
  id: number;
  name: string;
  /** The plan's version, to choose it without reloading. */
  version: number;
  kind: PlanSummary['kind'];
  program: 'foundation' | 'endorsement';
  endorsement: EndorsementCode | null;
  cells: PlanCell[];
  audit: AuditResult;
}

export interface PlanComparisonView {
  scenarios: ComparedScenario[];
  comparison: ScenarioComparison;
}

export interface TranscriptImportPreview extends ImportPreviewBase {
  problems: CourseImportProblem[];
  students: number;
  records: number;
  /** Rows whose student ID matches no one in the caseload: listed, not imported. */
  unmatched: { row: number; studentId: string }[];
  /** Codes the catalog does not have: imported and listed, never dropped. */
  unknownCourses: { code: string; title: string | null; rows: number; likely: string | null }[];
}

export const offTrackInput = z.object({
  search: z.string().max(200).optional().default(''),
  gradeLevels: z.array(z.enum(GRADE_LEVELS)).max(GRADE_LEVELS.length).optional().default([]),
  status: z.enum(['at-risk', 'on-track', 'no-plan', 'all']).optional().default('at-risk'),
  reason: z.string().max(60).optional(),
  ...paging,
});

export interface OffTrackRow {
  studentId: number;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  localId: string | null;
  gradeLevel: GradeLevel | null;
  status: 'on-track' | 'at-risk' | 'no-plan';
  reasons: Reason[];
  credits: { earned: number; reached: number; required: number };
  endorsement: EndorsementCode | null;
}

export interface OffTrackReport extends Page<OffTrackRow> {
  counts: { 'at-risk': number; 'on-track': number; 'no-plan': number };
  /** Reason codes with how many at-risk students have each. */
  reasonCounts: Record<string, number>;
}

// ---- Personal Graduation Plan ------------------------------------------------------------

export const POSTSECONDARY_GOALS = ['four-year-college', 'two-year-college', 'certificate', 'military', 'workforce', 'undecided'] as const;

export const pgpFields = z.object({
  enteredGrade9Year: z.number().int().min(1990).max(2100).nullable().default(null),
  endorsement: endorsement.nullable().default(null),
  endorsementChosenOn: optionalIsoDate,
  postsecondaryGoal: z.enum(POSTSECONDARY_GOALS).nullable().default(null),
  dlaIntended: z.boolean().default(false),
  reviewedBy: optionalText(120),
  reviewedOn: optionalIsoDate,
  studentAckName: optionalText(120),
  studentAckDate: optionalIsoDate,
  parentAckName: optionalText(120),
  parentAckDate: optionalIsoDate,
  foundationOnly: z.boolean().default(false),
  foundationOnlyAdvisedOn: optionalIsoDate,
  foundationOnlyParentName: optionalText(120),
  foundationOnlyPermissionDate: optionalIsoDate,
});
export type PgpFields = z.output<typeof pgpFields>;

export interface PgpEventView {
  kind: string;
  detail: Record<string, string | null>;
  onDate: string | null;
  recordedAt: string;
}

export interface PgpView {
  studentId: number;
  gradeLevel: GradeLevel | null;
  fields: PgpFields;
  version: number | null;
  signed: boolean;
  /** Foundation-only graduation may be chosen only after grade 10 (19 TAC 74.11, via district pages). */
  foundationOnlyAllowed: boolean;
  events: PgpEventView[];
  /** The active plan's endorsement when it differs from the one chosen here. */
  planEndorsement: EndorsementCode | null;
  updatedAt: string | null;
}

export const savePgpInput = z.object({ studentId: id, version: version.nullable(), fields: pgpFields });

// ---- pre-registration ------------------------------------------------------------------------

export type ConflictKind = 'missing-prerequisite' | 'against-recommendation' | 'already-earned' | 'not-in-catalog' | 'not-offered-for-grade';
export interface Conflict {
  kind: ConflictKind;
  code: string;
  params: Record<string, string | number>;
}

export interface RequestView {
  id: number;
  code: string;
  title: string;
  credits: number | null;
  priority: 'primary' | 'alternate';
  note: string | null;
  waivers: Waiver[];
  version: number;
  conflicts: Conflict[];
}

export interface RecommendationView {
  id: number;
  teacher: string;
  code: string;
  title: string;
  recommendation: 'recommended' | 'not-recommended';
  note: string | null;
  version: number;
  /** A recommended course the student has not requested. */
  notRequested: boolean;
}

export type PreregStatus = 'none' | 'entered' | 'conflicts' | 'reviewed';

export interface PreregStudentView {
  studentId: number;
  schoolYear: number;
  nextGrade: GradeLevel | null;
  requests: RequestView[];
  recommendations: RecommendationView[];
  credits: number;
  status: PreregStatus;
  reviewedOn: string | null;
  /** Courses the active plan has for next year that are not requested yet. */
  fromPlan: { code: string; title: string }[];
}

export interface PreregRow {
  studentId: number;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  localId: string | null;
  gradeLevel: GradeLevel | null;
  requests: number;
  alternates: number;
  credits: number;
  recommendations: number;
  conflicts: number;
  status: PreregStatus;
}

export interface PreregOverview extends Page<PreregRow> {
  schoolYear: number;
  counts: Record<PreregStatus, number>;
}

const schoolYear = z.number().int().min(1990).max(2100);
export const preregOverviewInput = z.object({
  schoolYear: schoolYear.optional(),
  search: z.string().max(200).optional().default(''),
  gradeLevels: z.array(z.enum(GRADE_LEVELS)).max(GRADE_LEVELS.length).optional().default([]),
  status: z.enum(['none', 'entered', 'conflicts', 'reviewed', 'all']).optional().default('all'),
  ...paging,
});
export const preregStudentInput = z.object({ studentId: id, schoolYear: schoolYear.optional() });
export const addRequestInput = z.object({
  studentId: id,
  schoolYear,
  code: courseCode,
  priority: z.enum(['primary', 'alternate']).default('primary'),
  note: z.union([multilineText(500), z.null()]).optional().default(null),
});
export const updateRequestInput = z.object({
  requestId: id,
  version,
  changes: z.object({
    priority: z.enum(['primary', 'alternate']).optional(),
    note: z.union([multilineText(500), z.null()]).optional(),
    waivers: z.array(waiver).max(8).optional(),
  }),
});
export const recommendationFields = z.object({
  teacher: text(120).pipe(z.string().min(1, { message: 'Required' })),
  code: courseCode,
  recommendation: z.enum(['recommended', 'not-recommended']),
  note: z.union([multilineText(500), z.null()]).optional().default(null),
});
export const addRecommendationInput = z.object({ studentId: id, schoolYear, fields: recommendationFields });
export const updateRecommendationInput = z.object({ recommendationId: id, version, fields: recommendationFields });
export const reviewedInput = z.object({ studentId: id, schoolYear, reviewed: z.boolean(), reviewedOn: optionalIsoDate });

export const coursePlansContract = {
  coursePlans: {
    workspace: op<PlanWorkspace>()(z.object({ studentId: id, planId: id.optional() })),
    start: op<PlanWorkspace>()(startPlanInput),
    addEntry: op<PlanWorkspace>()(addEntryInput),
    moveEntry: op<PlanWorkspace>()(moveEntryInput),
    updateEntry: op<PlanWorkspace>()(updateEntryInput),
    removeEntry: op<PlanWorkspace>()(removeEntryInput),
    updatePlan: op<PlanWorkspace>()(updatePlanInput),
    createScenario: op<PlanWorkspace>()(createScenarioInput),
    deleteScenario: op<PlanWorkspace>()(planRef),
    compare: op<PlanComparisonView>()(compareInput),
    choose: op<PlanWorkspace>()(chooseInput),
    addRecord: op<PlanWorkspace>()(addRecordInput),
    updateRecord: op<PlanWorkspace>()(updateRecordInput),
    removeRecord: op<PlanWorkspace>()(removeRecordInput),
    previewTranscript: op<TranscriptImportPreview | null>()(none),
    commitTranscript: op<ImportCommitResult>()(tokenInput),
    offTrack: op<OffTrackReport>()(offTrackInput),
  },
  pgp: {
    get: op<PgpView>()(z.object({ studentId: id })),
    save: op<PgpView>()(savePgpInput),
  },
  prereg: {
    overview: op<PreregOverview>()(preregOverviewInput),
    student: op<PreregStudentView>()(preregStudentInput),
    addRequest: op<PreregStudentView>()(addRequestInput),
    updateRequest: op<PreregStudentView>()(updateRequestInput),
    removeRequest: op<PreregStudentView>()(z.object({ requestId: id, version })),
    requestFromPlan: op<PreregStudentView>()(preregStudentInput.required()),
    addRecommendation: op<PreregStudentView>()(addRecommendationInput),
    updateRecommendation: op<PreregStudentView>()(updateRecommendationInput),
    removeRecommendation: op<PreregStudentView>()(z.object({ recommendationId: id, version })),
    setReviewed: op<PreregStudentView>()(reviewedInput),
    exportCsv: op<{ saved: boolean; rows: number }>()(z.object({ schoolYear })),
  },
};
