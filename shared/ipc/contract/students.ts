import { z } from 'zod';
import { op } from '../define';
import { byId, id, none, optionalIsoDate, optionalText, paging, text, type Page } from './common';
import { GRADE_LEVELS, type GradeLevel } from '../../domain/gradeLevels';

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
}

export interface StudentDetail extends StudentSummary {
  middleName: string | null;
  birthDate: string | null;
  campusId: number | null;
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
});

export type StudentInput = z.input<typeof studentFields>;

export const STUDENT_SORT_FIELDS = ['name', 'grade', 'localId', 'graduationYear', 'campus'] as const;

export const listStudentsInput = z.object({
  search: z.string().max(200).optional().default(''),
  gradeLevels: z.array(z.enum(GRADE_LEVELS)).max(GRADE_LEVELS.length).optional().default([]),
  status: z.enum(['active', 'archived', 'all']).optional().default('active'),
  sortBy: z.enum(STUDENT_SORT_FIELDS).optional().default('name'),
  sortDirection: z.enum(['asc', 'desc']).optional().default('asc'),
  ...paging,
});

export type ListStudentsInput = z.input<typeof listStudentsInput>;

export interface StudentListResult extends Page<StudentSummary> {
  /** Active students per grade level, for the caseload header ("none" = grade not recorded). */
  gradeCounts: Partial<Record<GradeLevel | 'none', number>>;
}

export const updateStudentInput = z.object({
  id,
  /** The version the counselor was editing; a newer one on disk means someone else saved first. */
  version: z.number().int().positive(),
  changes: studentFields.partial(),
});

export const versionedId = z.object({ id, version: z.number().int().positive() });

export const studentsContract = {
  students: {
    list: op<StudentListResult>()(listStudentsInput),
    get: op<StudentDetail>()(byId),
    create: op<StudentDetail>()(studentFields),
    update: op<StudentDetail>()(updateStudentInput),
    archive: op<StudentDetail>()(versionedId),
    restore: op<StudentDetail>()(versionedId),
  },
  campuses: {
    list: op<Campus[]>()(none),
  },
};
