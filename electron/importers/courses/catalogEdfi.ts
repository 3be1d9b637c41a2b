import { GRADE_LEVELS, normalizeGradeLevel, type GradeLevel } from '../../../shared/domain/gradeLevels';
import { cleanCourseCode } from '../../../shared/domain/graduation/codes';
import { readSubjectArea, type CourseFlag, type SubjectArea } from '../../../shared/domain/graduation/vocabulary';
import type { CourseFields } from '../../../shared/ipc/contract/courses';
import type { RosterFile } from '../roster/common/files';
import { child, children, descriptor, readXml, textAt, textOf, topLevel, type XmlElement } from '../roster/edfi/xml';
import type { CatalogParseResult, CourseField, ParsedCourse } from './catalogCsv';
import { problemAt, readNumber, type Problem } from './common';

/**
 * Courses from an Ed-Fi EducationOrganization interchange (`Course` elements). The grade
 * levels a course is offered in come from the course itself (OfferedGradeLevel) or, when it
 * has none, from the school that offers it. Ed-Fi often carries no credit value: such courses
 * are imported with credits "not set" and counted, so the counselor can fill them in.
 */

const LEVEL_FLAGS: Record<string, CourseFlag> = {
  'advanced placement': 'ap',
  'international baccalaureate': 'ib',
  'dual credit': 'dual-credit',
  'college credit': 'dual-credit',
  'career and technical education': 'cte',
  cte: 'cte',
};

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function parseEdfiCatalog(file: RosterFile): CatalogParseResult {
  const fileName = file.name;
  const { doc, problems: xmlProblems } = readXml(file);
  const problems: Problem[] = xmlProblems.map((p) => ({ ...p, params: {} }));
  const result: CatalogParseResult = { fileName, courses: [], problems };
  if (!doc) return result;
  if (doc.rootName !== 'InterchangeEducationOrganization') {
    problems.push(
      problemAt({ fileName, row: null, column: null }, 'error', 'edfi-wrong-interchange', `${fileName} is an Ed-Fi <${doc.rootName}> file; courses come from the EducationOrganization interchange.`, { root: doc.rootName }),
    );
    return result;
  }
  const elements = topLevel(doc);
  const schoolGrades = new Map<string, GradeLevel[]>();
  for (const { name, element } of elements) {
    if (name !== 'School') continue;
    const id = textAt(element, 'SchoolId');
    if (!id) continue;
    const grades = children(element, 'GradeLevel')
      .map((g) => normalizeGradeLevel(descriptor(g)?.codeValue ?? null))
      .filter((g): g is GradeLevel => g !== null);
    schoolGrades.set(id, GRADE_LEVELS.filter((g) => grades.includes(g)));
  }

  const byCode = new Map<string, ParsedCourse & { index: number }>();
  for (const { name, element, index } of elements) {
    if (name !== 'Course') continue;
    const line = doc.lineOf(element);
    const at = (column: string | null) => ({ fileName, row: index, line, column });
    const rawCode = textAt(element, 'CourseCode');
    const code = cleanCourseCode(rawCode);
    if (!code.value) {
      problems.push(problemAt(at('CourseCode'), 'error', code.issue?.code ?? 'code-missing', code.issue?.message ?? `Course element ${index} (line ${line ?? '?'}) has no CourseCode.`, { row: index }));
      continue;
    }
    const title = textAt(element, 'CourseTitle');
    if (!title) {
      problems.push(problemAt(at('CourseTitle'), 'error', 'title-missing', `Course "${code.value}" has no CourseTitle.`, { code: code.value }));
      continue;
    }
    const subjectCode = descriptor(children(element, 'AcademicSubject')[0])?.codeValue ?? null;
    let subject: SubjectArea | null = readSubjectArea(subjectCode);
    if (!subject) {
      subject = 'elective';
      problems.push(
        problemAt(at('AcademicSubject'), 'warning', 'edfi-subject-unknown', `"${code.value}" has the academic subject "${subjectCode ?? '(none)'}", which is not a graduation area; it was imported as an elective.`, {
          code: code.value,
          value: subjectCode ?? '',
        }),
      );
    }
    const flags = new Set<CourseFlag>();
    if (subject === 'cte') flags.add('cte');
    for (const c of children(element, 'CourseLevelCharacteristic')) {
      const f = LEVEL_FLAGS[fold(descriptor(c)?.codeValue ?? '')];
      if (f) flags.add(f);
    }
    const offered = children(element, 'OfferedGradeLevel')
      .map((g) => normalizeGradeLevel(descriptor(g)?.codeValue ?? null))
      .filter((g): g is GradeLevel => g !== null);
    const orgId = textAt(element, 'EducationOrganizationReference', 'EducationOrganizationIdentity', 'EducationOrganizationId');
    const grades = offered.length ? GRADE_LEVELS.filter((g) => offered.includes(g)) : orgId ? (schoolGrades.get(orgId) ?? []) : [];
    const hsRaw = textAt(element, 'HighSchoolCourseRequirement');
    const creditsEl = child(element, 'MaximumAvailableCredits') ?? child(element, 'MinimumAvailableCredits');
    const creditsText = creditsEl ? textOf(children(creditsEl, 'Credits')[0]) : null;
    const credits = creditsText === null ? null : readNumber(creditsText);
    if (creditsText !== null && (credits === null || credits > 10)) {
      problems.push(problemAt(at('MaximumAvailableCredits/Credits'), 'error', 'credits-invalid', `Credits for "${code.value}" must be a number from 0 to 10; found "${creditsText}".`, { code: code.value, value: creditsText }));
      continue;
    }

    const fields: Partial<CourseFields> = { code: code.value, title, subject, flags: [...flags] };
    const present: CourseField[] = ['code', 'title', 'subject', 'flags'];
    if (grades.length) {
      fields.gradeLevels = grades;
      present.push('gradeLevels');
    }
    if (hsRaw !== null) {
      fields.highSchoolCredit = hsRaw === '1' || fold(hsRaw) === 'true';
      present.push('highSchoolCredit');
    }
    if (credits !== null) {
      fields.credits = credits;
      present.push('credits');
    }
    const description = textAt(element, 'CourseDescription');
    if (description && description !== title && description.length <= 2000) {
      fields.description = description;
      present.push('description');
    }
    const existing = byCode.get(code.value);
    if (existing) {
      // The same course offered by a second school: one catalog course, offered in both schools' grades.
      const merged = GRADE_LEVELS.filter((g) => (existing.fields.gradeLevels ?? []).includes(g) || grades.includes(g));
      existing.fields.gradeLevels = merged;
      if (!existing.present.includes('gradeLevels') && merged.length) existing.present.push('gradeLevels');
      if (existing.fields.title !== title) {
        problems.push(
          problemAt(at('CourseTitle'), 'warning', 'edfi-title-differs', `"${code.value}" appears twice with different titles ("${existing.fields.title}" and "${title}"); the first was kept.`, {
            code: code.value,
          }),
        );
      }
      continue;
    }
    byCode.set(code.value, { row: index, line, code: code.value, fields, present, index });
  }
  result.courses = [...byCode.values()].map(({ index: _index, ...c }) => c);
  if (result.courses.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(problemAt({ fileName, row: null, column: null }, 'error', 'edfi-no-courses', `${fileName} has no Course elements.`));
  }
  return result;
}

/** Element type guard for callers that pass elements around. */
export type { XmlElement };
