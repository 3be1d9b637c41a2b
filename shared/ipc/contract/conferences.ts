import { z } from 'zod';
import { op } from '../define';
import { byId, id, isoDate, multilineText, none, optionalIsoDate, optionalText, paging, text, type Page } from './common';
import { LOCALES, type Locale } from '../../i18n/locales';
import type { GradeLevel } from '../../domain/gradeLevels';
import type { FamilyGoal, FamilyScoreCards, PlanScenarioOption, ScenarioComparison, SourceGuardian, SourceResult } from './conferenceSources';

export const CONFERENCE_PURPOSES = ['pgp_review', 'course_selection', 'test_results', 'transition', 'financial_aid', 'other'] as const;
export type ConferencePurpose = (typeof CONFERENCE_PURPOSES)[number];

export const CONFERENCE_STATUSES = ['scheduled', 'in_progress', 'ended', 'cancelled'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

export const ATTENDEE_ROLES = ['student', 'guardian', 'teacher', 'interpreter', 'counselor', 'other'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const DECISION_KINDS = ['scenario', 'endorsement', 'course_requests', 'other'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Texas endorsements (19 TAC 74.13(f)); codes only, labels come from i18n. */
export const ENDORSEMENTS = ['stem', 'business_industry', 'public_services', 'arts_humanities', 'multidisciplinary'] as const;
export type Endorsement = (typeof ENDORSEMENTS)[number];

/** What may be shown to the family. Conference items are either shared or the counselor's own. */
export const ITEM_VISIBILITIES = ['family', 'private'] as const;
export type ItemVisibility = (typeof ITEM_VISIBILITIES)[number];

/** 'general' = the counselor's private notes; 'parent' = what the family said or asked. */
export const CONFERENCE_NOTE_KINDS = ['general', 'parent'] as const;
export type ConferenceNoteKind = (typeof CONFERENCE_NOTE_KINDS)[number];

/** Which panel the family screen shows. */
export const FAMILY_PANELS = ['overview', 'goals', 'plan', 'tests', 'notes', 'next_steps', 'summary'] as const;
export type FamilyPanel = (typeof FAMILY_PANELS)[number];

export const FOLLOW_UP_BUCKETS = ['overdue', 'week', 'open', 'done'] as const;
export type FollowUpBucket = (typeof FOLLOW_UP_BUCKETS)[number];

// ---------------------------------------------------------------------------
// Results

export interface ConferenceStudent {
  id: number;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  gradeLevel: GradeLevel | null;
  localId: string | null;
  campusName: string | null;
}

export interface Conference {
  id: number;
  studentId: number;
  purpose: ConferencePurpose;
  /** Short title; required for purpose 'other', optional otherwise. */
  title: string | null;
  familyLanguage: Locale;
  status: ConferenceStatus;
  /** Local wall-clock time 'YYYY-MM-DDTHH:mm' for a meeting planned ahead. */
  scheduledFor: string | null;
  startedAt: string | null;
  endedAt: string | null;
  nextMeetingDate: string | null;
  nextMeetingNote: string | null;
  agendaTemplateId: string | null;
  /** The plans last put side by side on the family screen in this conference (course_plans ids). */
  comparedScenarioIds: number[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Attendee {
  id: number;
  role: AttendeeRole;
  name: string;
  /** Relationship, subject taught, interpreter's language… */
  detail: string | null;
  /** The guardian record this attendee came from (student record concern), when known. */
  guardianId: number | null;
  position: number;
}

export interface AgendaItem {
  id: number;
  /** In the language asked for (template items exist in English and Spanish). */
  text: string;
  visibility: ItemVisibility;
  done: boolean;
  doneAt: string | null;
  /** Template item key, or null for an item the counselor added. */
  templateKey: string | null;
  /** Set when the template marks this item's source as uncertain. */
  uncertain: string | null;
  /** Citation of the rule behind the item, when the template gives one. */
  source: string | null;
  position: number;
}

export interface ConferenceNote {
  id: number;
  kind: ConferenceNoteKind;
  visibility: ItemVisibility;
  body: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ConferenceDecision {
  id: number;
  kind: DecisionKind;
  what: string;
  detail: string | null;
  scenarioId: number | null;
  endorsement: Endorsement | null;
  /** Attendee ids of everyone who agreed. */
  agreedBy: number[];
  version: number;
  createdAt: string;
}

export interface ActionItem {
  id: number;
  text: string;
  ownerAttendeeId: number | null;
  /** The owner's name (the attendee's, or typed for someone who was not there). */
  ownerName: string | null;
  ownerRole: AttendeeRole | null;
  dueDate: string | null;
  done: boolean;
  doneAt: string | null;
  visibility: ItemVisibility;
  version: number;
}

export interface SummaryInfo {
  id: number;
  locale: Locale;
  bytes: number;
  pages: number;
  /** True when this PDF carries the acknowledgement. */
  includesAcknowledgement: boolean;
  createdAt: string;
}

export interface Acknowledgement {
  names: string[];
  date: string;
  createdAt: string;
}

/** A conference's own record: what mutations return. */
export interface ConferenceRecord {
  conference: Conference;
  attendees: Attendee[];
  agenda: AgendaItem[];
  notes: ConferenceNote[];
  decisions: ConferenceDecision[];
  actionItems: ActionItem[];
  summaries: SummaryInfo[];
  acknowledgement: Acknowledgement | null;
}

export interface PresentationState {
  /** The conference the family screen shows, or null (family screen idle). */
  conferenceId: number | null;
  focus: FamilyPanel;
  hidden: boolean;
  /** Scenarios shown side by side on the 'plan' panel. */
  scenarioIds: number[];
  familyWindow: 'open' | 'closed';
  displays: number;
  /** The console window is showing the family view full screen (one display). */
  presenter: boolean;
}

/** Everything the conference screen needs, in one call. */
export interface ConferenceConsoleView {
  record: ConferenceRecord;
  student: ConferenceStudent;
  sources: {
    guardians: SourceResult<SourceGuardian[]>;
    goals: SourceResult<FamilyGoal[]>;
    tests: SourceResult<FamilyScoreCards>;
    scenarios: SourceResult<PlanScenarioOption[]>;
    /** The comparison currently chosen for the family screen, in the counselor's language. */
    comparison: SourceResult<ScenarioComparison> | null;
  };
  presentation: PresentationState;
}

export interface ConferenceHistoryRow {
  id: number;
  purpose: ConferencePurpose;
  title: string | null;
  status: ConferenceStatus;
  familyLanguage: Locale;
  scheduledFor: string | null;
  startedAt: string | null;
  endedAt: string | null;
  attendeeNames: string[];
  decisions: number;
  openActionItems: number;
  nextMeetingDate: string | null;
  hasSummary: boolean;
  acknowledged: boolean;
}

export interface StartOptions {
  student: ConferenceStudent;
  guardians: SourceResult<SourceGuardian[]>;
  /** The family's language for materials on the student record, when the record has one. */
  familyLanguage: SourceResult<string | null>;
  /** The counselor's name as typed at their last conference (the vault remembers it, preferences do not). */
  lastCounselorName: string | null;
  /** The agenda each purpose would start with for this student, in the requested locale. */
  agendas: { purpose: ConferencePurpose; templateId: string; title: string; items: { text: string; visibility: ItemVisibility; uncertain: string | null }[] }[];
  /** An in-progress conference for this student, if one is already open. */
  inProgressId: number | null;
}

export interface FollowUpRow {
  id: number;
  version: number;
  text: string;
  dueDate: string | null;
  done: boolean;
  doneAt: string | null;
  visibility: ItemVisibility;
  ownerName: string | null;
  ownerRole: AttendeeRole | null;
  student: { id: number; firstName: string; lastName: string; preferredName: string | null; gradeLevel: GradeLevel | null };
  conference: { id: number; purpose: ConferencePurpose; title: string | null; date: string | null };
}

export interface FollowUpList extends Page<FollowUpRow> {
  counts: Record<FollowUpBucket, number>;
  /** The local date the buckets were computed for. */
  today: string;
}

// ---------------------------------------------------------------------------
// The family view: built in the main process from family-visible data only.

export type FamilyPanelData =
  | { kind: 'overview' }
  | { kind: 'goals'; goals: SourceResult<FamilyGoal[]> }
  | { kind: 'plan'; comparison: SourceResult<ScenarioComparison> | null }
  | { kind: 'tests'; tests: SourceResult<FamilyScoreCards> }
  | { kind: 'notes'; notes: { id: number; body: string; at: string }[] }
  | { kind: 'next_steps' }
  | { kind: 'summary'; acknowledgement: Acknowledgement | null; summaryReady: boolean };

export interface FamilyLiveView {
  locale: Locale;
  studentName: string;
  gradeLevel: GradeLevel | null;
  purpose: ConferencePurpose;
  title: string | null;
  startedAt: string | null;
  status: 'in_progress' | 'ended';
  attendees: { name: string; role: AttendeeRole; detail: string | null }[];
  agenda: { text: string; done: boolean }[];
  decisions: { kind: DecisionKind; what: string; detail: string | null; agreedBy: string[] }[];
  actionItems: { text: string; owner: string | null; dueDate: string | null; done: boolean }[];
  nextMeeting: { date: string | null; note: string | null } | null;
  panel: FamilyPanelData;
}

export type FamilySnapshot =
  | { state: 'idle'; revision: number }
  | { state: 'hidden'; revision: number }
  | { state: 'live'; revision: number; view: FamilyLiveView };

// ---------------------------------------------------------------------------
// Inputs

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Expected a date and time as YYYY-MM-DDTHH:mm' })
  .refine((s) => !Number.isNaN(new Date(s).getTime()), { message: 'Expected a real date and time' });

const locale = z.enum(LOCALES);
const version = z.number().int().positive();

export const attendeeInput = z.object({
  role: z.enum(ATTENDEE_ROLES),
  name: text(120).pipe(z.string().min(1, { message: 'Required' })),
  detail: optionalText(120),
  guardianId: id.nullable().optional(),
});

export const startConferenceInput = z
  .object({
    studentId: id,
    purpose: z.enum(CONFERENCE_PURPOSES),
    title: optionalText(120),
    familyLanguage: locale,
    attendees: z.array(attendeeInput).min(1, { message: 'Add at least one attendee' }).max(20),
    /** Absent: the conference starts now. Present: it is planned for that local time. */
    scheduledFor: localDateTime.nullable().optional(),
    locale,
  })
  .refine((v) => v.purpose !== 'other' || !!v.title, { message: 'Give the conference a title', path: ['title'] });

export const openConferenceInput = z.object({ id, locale });

export const updateConferenceInput = z.object({
  id,
  version,
  changes: z
    .object({
      title: optionalText(120),
      familyLanguage: locale,
      scheduledFor: localDateTime.nullable(),
      nextMeetingDate: optionalIsoDate,
      nextMeetingNote: optionalText(300),
    })
    .partial(),
  locale,
});

export const versionedConference = z.object({ id, version, locale });

/** What the family summary shows besides the meeting's own record (each part only when there is something to show). */
export const summaryContents = z.object({
  goals: z.boolean(),
  tests: z.boolean(),
  plans: z.boolean(),
});
export type SummaryContents = z.output<typeof summaryContents>;

export const endConferenceInput = z.object({
  id,
  version,
  nextMeetingDate: optionalIsoDate,
  nextMeetingNote: optionalText(300),
  /** Goals, test results and the plan comparison in the summary; all of them when left out. */
  summary: summaryContents.optional(),
  locale,
});

export const addAttendeeInput = z.object({ conferenceId: id, attendee: attendeeInput, locale });
export const updateAttendeeInput = z.object({
  id,
  changes: z.object({ role: z.enum(ATTENDEE_ROLES), name: text(120).pipe(z.string().min(1, { message: 'Required' })), detail: optionalText(120) }).partial(),
  locale,
});
export const itemById = z.object({ id, locale });

export const addAgendaItemInput = z.object({
  conferenceId: id,
  text: text(300).pipe(z.string().min(1, { message: 'Required' })),
  visibility: z.enum(ITEM_VISIBILITIES).default('family'),
  locale,
});
export const updateAgendaItemInput = z.object({
  id,
  changes: z
    .object({ text: text(300).pipe(z.string().min(1, { message: 'Required' })), visibility: z.enum(ITEM_VISIBILITIES), done: z.boolean() })
    .partial(),
  locale,
});

export const addNoteInput = z.object({
  conferenceId: id,
  kind: z.enum(CONFERENCE_NOTE_KINDS),
  /** Private unless the counselor switches a parent note to 'family'. */
  visibility: z.enum(ITEM_VISIBILITIES).default('private'),
  body: multilineText(20_000).pipe(z.string().min(1, { message: 'Required' })),
  locale,
});
export const updateConferenceNoteInput = z.object({
  id,
  version,
  changes: z.object({ body: multilineText(20_000).pipe(z.string().min(1, { message: 'Required' })), visibility: z.enum(ITEM_VISIBILITIES) }).partial(),
  locale,
});
export const versionedItem = z.object({ id, version, locale });

const decisionFields = z.object({
  kind: z.enum(DECISION_KINDS),
  what: text(500).pipe(z.string().min(1, { message: 'Required' })),
  detail: z.union([multilineText(2000), z.null()]).optional(),
  scenarioId: id.nullable().optional(),
  endorsement: z.enum(ENDORSEMENTS).nullable().optional(),
  agreedBy: z.array(id).max(20),
});
// No defaults in the shared fields: `.partial()` for edits would apply them and wipe saved values.
export const addDecisionInput = z.object({ conferenceId: id, decision: decisionFields.extend({ agreedBy: z.array(id).max(20).default([]) }), locale });
export const updateConferenceDecisionInput = z.object({ id, version, changes: decisionFields.partial(), locale });

const actionFields = z.object({
  text: text(500).pipe(z.string().min(1, { message: 'Required' })),
  ownerAttendeeId: id.nullable().optional(),
  ownerName: optionalText(120),
  dueDate: optionalIsoDate,
  /** Action items are shared with the family unless the counselor keeps one private. */
  visibility: z.enum(ITEM_VISIBILITIES).default('family'),
});
export const addActionItemInput = z.object({ conferenceId: id, item: actionFields, locale });
export const updateActionItemInput = z.object({
  id,
  version,
  changes: z
    .object({
      text: text(500).pipe(z.string().min(1, { message: 'Required' })),
      ownerAttendeeId: id.nullable(),
      ownerName: optionalText(120),
      dueDate: optionalIsoDate,
      visibility: z.enum(ITEM_VISIBILITIES),
      done: z.boolean(),
    })
    .partial(),
  locale,
});

export const acknowledgeInput = z.object({
  conferenceId: id,
  names: z.array(text(120).pipe(z.string().min(1, { message: 'Required' }))).min(1, { message: 'Type at least one name' }).max(10),
  date: isoDate,
  locale,
});

export const summaryCopyInput = z.object({ conferenceId: id, summaryLocale: locale, locale });

export const followUpsInput = z.object({
  bucket: z.enum(FOLLOW_UP_BUCKETS).default('open'),
  search: z.string().max(200).optional().default(''),
  ...paging,
});

export const startOptionsInput = z.object({ studentId: id, locale });
export const historyInput = z.object({ studentId: id });

export const showInput = z.object({ conferenceId: id });
export const focusInput = z.object({ conferenceId: id, focus: z.enum(FAMILY_PANELS) });
export const presentationCompareInput = z.object({
  conferenceId: id,
  scenarioIds: z
    .array(id)
    .max(3)
    .refine((ids) => ids.length !== 1, { message: 'Choose two or three scenarios, or none' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each scenario once' }),
});

export const conferencesContract = {
  conferences: {
    startOptions: op<StartOptions>()(startOptionsInput),
    start: op<ConferenceRecord>()(startConferenceInput),
    open: op<ConferenceConsoleView>()(openConferenceInput),
    history: op<ConferenceHistoryRow[]>()(historyInput),
    update: op<ConferenceRecord>()(updateConferenceInput),
    begin: op<ConferenceRecord>()(versionedConference),
    cancel: op<ConferenceRecord>()(versionedConference),
    remove: op<void>()(versionedConference),
    end: op<ConferenceRecord>()(endConferenceInput),
    addAttendee: op<ConferenceRecord>()(addAttendeeInput),
    updateAttendee: op<ConferenceRecord>()(updateAttendeeInput),
    removeAttendee: op<ConferenceRecord>()(itemById),
    addAgendaItem: op<ConferenceRecord>()(addAgendaItemInput),
    updateAgendaItem: op<ConferenceRecord>()(updateAgendaItemInput),
    removeAgendaItem: op<ConferenceRecord>()(itemById),
    addNote: op<ConferenceRecord>()(addNoteInput),
    updateNote: op<ConferenceRecord>()(updateConferenceNoteInput),
    removeNote: op<ConferenceRecord>()(versionedItem),
    addDecision: op<ConferenceRecord>()(addDecisionInput),
    updateDecision: op<ConferenceRecord>()(updateConferenceDecisionInput),
    removeDecision: op<ConferenceRecord>()(versionedItem),
    addActionItem: op<ConferenceRecord>()(addActionItemInput),
    updateActionItem: op<ConferenceRecord>()(updateActionItemInput),
    removeActionItem: op<ConferenceRecord>()(versionedItem),
    acknowledge: op<ConferenceRecord>()(acknowledgeInput),
    /** Another copy of the summary, e.g. in English for the school file when the family reads Spanish. */
    summaryCopy: op<ConferenceRecord>()(summaryCopyInput),
    /** Save dialog in the main process; the renderer never sends a path. */
    saveSummary: op<{ saved: boolean; path: string | null }>()(byId),
    followUps: op<FollowUpList>()(followUpsInput),
  },
  presentation: {
    state: op<PresentationState>()(none),
    /** Put this conference on the family screen (the console calls it when it opens one). */
    show: op<PresentationState>()(showInput),
    /** The family screen goes back to its idle picture. */
    clear: op<PresentationState>()(none),
    focus: op<PresentationState>()(focusInput),
    compare: op<PresentationState>()(presentationCompareInput),
    setHidden: op<PresentationState>()(z.object({ hidden: z.boolean() })),
    openFamilyWindow: op<PresentationState>()(none),
    closeFamilyWindow: op<PresentationState>()(none),
    setPresenter: op<PresentationState>()(z.object({ on: z.boolean() })),
  },
  /** The only conference operations the family window may call. */
  family: {
    view: op<FamilySnapshot>()(none, 'family'),
    /** The family window may blank itself (never un-blank: that is the counselor's call). */
    hide: op<void>()(none, 'family'),
  },
};
