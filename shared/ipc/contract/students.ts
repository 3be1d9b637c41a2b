import { z } from 'zod';
import { op } from '../define';
import { byId, id, isoDate, none, optionalIsoDate, optionalText, paging, text, type Page } from './common';
import { GRADE_LEVELS, type GradeLevel } from '../../domain/gradeLevels';
import { PROGRAM_CODES, type ProgramCode } from '../../domain/roster/programs';
import { FAFSA_STATUSES, type FafsaStatus, type RecordSource, type StudentRecordField } from '../../domain/studentRecord/fields';
import type { RosterFormat } from '../../domain/roster/types';

export type StudentStatus = 'active' | 'archived';

export interface StudentSummary {
  id: number;
  localId: string | null;
  stateId: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  gradeLevel: GradeLevel | null;
  expectedGraduationYear: number | null;
  campusName: string | null;
  status: StudentStatus;
  /** Programs the student currently participates in, in vocabulary order. */
  programs: ProgramCode[];
}

/** One program participation; `current` false means it has ended (kept as history). */
export interface ProgramParticipation {
  program: ProgramCode;
  beginDate: string | null;
  endDate: string | null;
  current: boolean;
  source: RecordSource;
}

export interface Guardian {
  id: number;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  /** A word from RELATIONSHIPS when recognised, else as the file or counselor wrote it. */
  relationship: string | null;
  phone: string | null;
  email: string | null;
  /** ISO 639-1 code when recognised, else the language as written. */
  language: string | null;
  /** Whether school information may be shared with this person; null = not recorded. */
  mayReceiveInformation: boolean | null;
  source: RecordSource;
  /** False once a later import from the same source no longer lists this person. */
  inRoster: boolean;
  /** Fields the counselor set (never overwritten by an import without asking). */
  enteredByCounselor: string[];
}

export interface StudentDetail extends StudentSummary {
  middleName: string | null;
  birthDate: string | null;
  campusId: number | null;
  homeLanguage: string | null;
  /** The language the family reads materials in (conference summaries use it): en, es or another code. */
  familyLanguage: string | null;
  fafsaStatus: FafsaStatus | null;
  fafsaStatusDate: string | null;
  /** Every participation, current first; `programs` lists the current ones. */
  programHistory: ProgramParticipation[];
  guardians: Guardian[];
  /** Record fields whose value the counselor set; the others came from a roster file (or are blank). */
  enteredByCounselor: StudentRecordField[];
  rosterSource: RosterFormat | null;
  lastImportedAt: string | null;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Campus {
  id: number;
  name: string;
}

/** IDs keep leading zeros and letters exactly as the district issues them. */
const studentIdText = optionalText(40).pipe(
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'Use letters, digits, dot, dash or underscore' })
    .nullable(),
);

/** A language as an ISO 639 code ("es") or, for a language without one we know, its name. */
const languageText = optionalText(60);

export const studentFields = z.object({
  firstName: text(100).pipe(z.string().min(1, { message: 'Required' })),
  middleName: optionalText(100),
  lastName: text(100).pipe(z.string().min(1, { message: 'Required' })),
  preferredName: optionalText(100),
  localId: studentIdText,
  stateId: studentIdText,
  birthDate: optionalIsoDate,
  // No defaults here: `.partial()` for edits would apply them and blank out saved values.
  gradeLevel: z.enum(GRADE_LEVELS).nullable().optional(),
  expectedGraduationYear: z.number().int().min(1990).max(2100).nullable().optional(),
  campusName: optionalText(120),
  homeLanguage: languageText,
  familyLanguage: languageText,
  fafsaStatus: z.enum(FAFSA_STATUSES).nullable().optional(),
  fafsaStatusDate: optionalIsoDate,
});

export type StudentInput = z.input<typeof studentFields>;

export const STUDENT_SORT_FIELDS = ['name', 'grade', 'localId', 'stateId', 'graduationYear', 'campus'] as const;

/** Grade filter values: a grade, or "none" for students whose grade is not recorded. */
export const GRADE_FILTER_VALUES = [...GRADE_LEVELS, 'none'] as const;
export type GradeFilterValue = (typeof GRADE_FILTER_VALUES)[number];

/**
 * Filters that need facts other concerns keep (a plan, the last conference, follow-ups due).
 * Each key added here needs its SQL in electron/services/caseload/facts.ts (the type checker
 * insists), so a filter is either real or absent — never a control that does nothing.
 */
export const caseloadFacts = z
  .object({
    /** Has a four-year course plan (an active plan on the Course plan tab). */
    hasCoursePlan: z.boolean().optional(),
    /** Has goals in the individual plan (at least one goal that is not archived). */
    hasGoals: z.boolean().optional(),
    /** The last conference held (in progress or ended): before or on/after a date, within the last N days, or none ever. */
    lastConference: z
      .discriminatedUnion('when', [
        z.object({ when: z.literal('before'), date: isoDate }),
        z.object({ when: z.literal('onOrAfter'), date: isoDate }),
        z.object({ when: z.literal('within'), days: z.number().int().min(1).max(3650) }),
        z.object({ when: z.literal('never') }),
      ])
      .optional(),
    /** Open conference action items: overdue (due before today) or due on or before a date. */
    followUps: z
      .discriminatedUnion('due', [z.object({ due: z.literal('overdue') }), z.object({ due: z.literal('by'), date: isoDate })])
      .optional(),
  })
  .strict();
export type CaseloadFacts = z.output<typeof caseloadFacts>;

/** Everything that narrows the caseload; also what a saved view stores (with the sort). */
export const caseloadFilters = z.object({
  search: z.string().max(200).optional().default(''),
  status: z.enum(['active', 'archived', 'all']).optional().default('active'),
  gradeLevels: z.array(z.enum(GRADE_FILTER_VALUES)).max(GRADE_FILTER_VALUES.length).optional().default([]),
  programs: z.array(z.enum(PROGRAM_CODES)).max(PROGRAM_CODES.length).optional().default([]),
  /** 'any': in at least one of `programs`; 'all': in every one of them. */
  programMatch: z.enum(['any', 'all']).optional().default('any'),
  graduationYears: z.array(z.number().int().min(1990).max(2100)).max(40).optional().default([]),
  campusIds: z.array(id).max(200).optional().default([]),
  facts: caseloadFacts.optional().default({}),
});

export const caseloadSort = z.object({
  sortBy: z.enum(STUDENT_SORT_FIELDS).optional().default('name'),
  sortDirection: z.enum(['asc', 'desc']).optional().default('asc'),
});

export const listStudentsInput = caseloadFilters.extend({ ...caseloadSort.shape, ...paging });

export type ListStudentsInput = z.input<typeof listStudentsInput>;
export type CaseloadFilters = z.input<typeof caseloadFilters>;

export interface StudentListResult extends Page<StudentSummary> {
  /** Students per grade level under every filter except the grade filter ("none" = grade not recorded). */
  gradeCounts: Partial<Record<GradeLevel | 'none', number>>;
}

/** What the caseload's filter menus offer: values present in the active caseload, with counts. */
export interface CaseloadFacets {
  graduationYears: { year: number; count: number }[];
  campuses: { id: number; name: string; count: number }[];
  programs: { program: ProgramCode; count: number }[];
}

export const updateStudentInput = z.object({
  id,
  /** The version the counselor was editing; a newer one on disk means someone else saved first. */
  version: z.number().int().positive(),
  changes: studentFields.partial(),
});

export const versionedId = z.object({ id, version: z.number().int().positive() });

export const setProgramsInput = z.object({
  id,
  version: z.number().int().positive(),
  /** The programs the student participates in now; others still current are ended (kept as history). */
  programs: z.array(z.enum(PROGRAM_CODES)).max(PROGRAM_CODES.length),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const guardianFields = z.object({
  firstName: optionalText(100),
  lastName: optionalText(100),
  relationship: optionalText(60),
  phone: optionalText(40).pipe(
    z
      .string()
      .regex(/^[\d\s()+.\-x#ext]+$/i, { message: 'Use digits, spaces, ( ) + - and an extension' })
      .nullable(),
  ),
  email: optionalText(254).pipe(z.string().regex(EMAIL, { message: 'Not an email address' }).nullable()),
  language: languageText,
  mayReceiveInformation: z.boolean().nullable().optional(),
});
export type GuardianInput = z.input<typeof guardianFields>;

const named = (g: { firstName?: string | null; lastName?: string | null }) => !!(g.firstName || g.lastName);

/** Guardian edits carry the student's version: guardians are part of the student's record. */
export const addGuardianInput = z.object({
  studentId: id,
  version: z.number().int().positive(),
  guardian: guardianFields.refine(named, { message: 'A first or last name is required', path: ['firstName'] }),
});
export const updateGuardianInput = z.object({
  studentId: id,
  version: z.number().int().positive(),
  guardianId: id,
  changes: guardianFields.partial(),
});
export const removeGuardianInput = z.object({ studentId: id, version: z.number().int().positive(), guardianId: id });

export const studentsContract = {
  students: {
    list: op<StudentListResult>()(listStudentsInput),
    facets: op<CaseloadFacets>()(none),
    get: op<StudentDetail>()(byId),
    create: op<StudentDetail>()(studentFields),
    update: op<StudentDetail>()(updateStudentInput),
    setPrograms: op<StudentDetail>()(setProgramsInput),
    archive: op<StudentDetail>()(versionedId),
    restore: op<StudentDetail>()(versionedId),
  },
  guardians: {
    add: op<StudentDetail>()(addGuardianInput),
    update: op<StudentDetail>()(updateGuardianInput),
    remove: op<StudentDetail>()(removeGuardianInput),
  },
  campuses: {
    list: op<Campus[]>()(none),
  },
};
