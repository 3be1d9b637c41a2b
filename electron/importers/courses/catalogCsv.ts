import { GRADE_LEVELS, normalizeGradeLevel, type GradeLevel } from '../../../shared/domain/gradeLevels';
import { cleanCourseCode } from '../../../shared/domain/graduation/codes';
import { parsePrerequisites } from '../../../shared/domain/graduation/prerequisites';
import { readCourseFlag, readEndorsement, readSubjectArea, SUBJECT_AREAS, type CourseFlag, type EndorsementCode } from '../../../shared/domain/graduation/vocabulary';
import { readYesNo } from '../../../shared/domain/roster/values';
import type { CourseFields } from '../../../shared/ipc/contract/courses';
import { cell, Columns, encodingProblems, problemAt, readCsv, readNumber, splitList, type Problem, type Where } from './common';

/**
 * Course catalog CSV (code, title, credits, subject area, grade levels, prerequisites,
 * flags, endorsement areas, and optional columns). Every value stays text until it is read
 * on purpose: "0700" keeps its zero. A column that is absent, or a blank cell, means "not
 * given": the import keeps what the catalog already has rather than blanking it.
 */

/** Catalog fields a file may give; `present` lists which it gave for a row. */
export type CourseField = keyof CourseFields;

export interface ParsedCourse {
  row: number | null;
  line: number | null;
  code: string;
  fields: Partial<CourseFields>;
  present: CourseField[];
}

export interface CatalogParseResult {
  fileName: string;
  courses: ParsedCourse[];
  problems: Problem[];
  /** The file's own name for a field's column ("Prereqs"), for problems found later. */
  columnNames?: Partial<Record<CourseField, string>>;
}

const HEADERS: Record<string, string[]> = {
  code: ['code', 'course code', 'course number', 'course id', 'course', 'local course code', 'service id', 'course code local', 'codigo', 'código', 'clave', 'código del curso'],
  title: ['title', 'course title', 'course name', 'name', 'titulo', 'título', 'nombre', 'nombre del curso'],
  credits: ['credits', 'credit', 'credit value', 'credits available', 'max credits', 'creditos', 'créditos'],
  subject: ['subject', 'subject area', 'department', 'area', 'academic subject', 'materia', 'área', 'area temática', 'área temática'],
  gradeLevels: ['grade levels', 'grades', 'grade level', 'grade', 'grades offered', 'grados', 'grado'],
  prerequisites: ['prerequisites', 'prerequisite', 'prereqs', 'prereq', 'requisitos previos', 'prerrequisitos', 'prerequisitos'],
  flags: ['flags', 'course flags', 'designations', 'designation', 'course type', 'tipo', 'indicadores'],
  endorsements: ['endorsement areas', 'endorsements', 'endorsement', 'endorsement area', 'reconocimientos', 'reconocimiento'],
  tags: ['counts as', 'tags', 'requirement tags', 'cuenta como'],
  cluster: ['cluster', 'career cluster', 'discipline', 'pathway cluster', 'grupo profesional', 'disciplina'],
  language: ['language', 'idioma'],
  equivalents: ['equivalents', 'equivalent', 'equivalent courses', 'same as', 'equivalente', 'equivalentes'],
  repeatable: ['repeatable', 'may repeat', 'repeat for credit', 'repetible'],
  collegeHours: ['college hours', 'semester hours', 'college credit hours', 'horas universitarias'],
  highSchoolCredit: ['high school credit', 'hs credit', 'counts for graduation', 'credito de preparatoria', 'crédito de preparatoria'],
  description: ['description', 'course description', 'descripcion', 'descripción'],
};
/** Flags as their own yes/no columns ("AP", "Dual credit"). */
const FLAG_COLUMNS: Record<CourseFlag, string[]> = {
  ap: ['ap', 'advanced placement'],
  ib: ['ib', 'international baccalaureate'],
  'dual-credit': ['dual credit', 'dc', 'credito dual', 'crédito dual'],
  onramps: ['onramps', 'on ramps'],
  cte: ['cte', 'career and technical education'],
  advanced: ['advanced', 'avanzado'],
};

const TAG = /^!?[a-z0-9][a-z0-9-]*$/;

/** "9-12", "09, 10", "9/10/11", "Grade 9; Grade 10", "PK-5" → grade levels, or the part not understood. */
export function readGradeLevels(raw: string): { levels: GradeLevel[]; bad: string | null } {
  const out = new Set<GradeLevel>();
  for (const part of splitList(raw)) {
    const range = /^(.+?)\s*(?:-|–|to|a)\s*(.+)$/i.exec(part);
    if (range && normalizeGradeLevel(range[1]) && normalizeGradeLevel(range[2])) {
      const a = GRADE_LEVELS.indexOf(normalizeGradeLevel(range[1])!);
      const b = GRADE_LEVELS.indexOf(normalizeGradeLevel(range[2])!);
      if (a > b) return { levels: [], bad: part };
      for (let i = a; i <= b; i++) out.add(GRADE_LEVELS[i]);
      continue;
    }
    const g = normalizeGradeLevel(part);
    if (!g) return { levels: [], bad: part };
    out.add(g);
  }
  return { levels: GRADE_LEVELS.filter((g) => out.has(g)), bad: null };
}

export function parseCatalogCsv(bytes: Uint8Array, fileName: string): CatalogParseResult {
  const { table, problems } = readCsv(bytes, fileName);
  const result: CatalogParseResult = { fileName, courses: [], problems };
  if (!table) return result;
  const cols = new Columns(table);
  const col = Object.fromEntries(Object.entries(HEADERS).map(([k, names]) => [k, cols.find(...names)])) as Record<keyof typeof HEADERS, number>;
  result.columnNames = Object.fromEntries(Object.entries(col).filter(([, i]) => i >= 0).map(([k, i]) => [k, table.headers[i]])) as CatalogParseResult['columnNames'];
  const flagCols = Object.entries(FLAG_COLUMNS).map(([flag, names]) => [flag as CourseFlag, cols.find(...names)] as const).filter(([, i]) => i >= 0);
  const fileLevel = (code: string, message: string, params: Record<string, string | number> = {}) =>
    problems.push(problemAt({ fileName, row: null, column: null }, 'error', code, message, params));
  for (const [field, label] of [['code', 'course code'], ['title', 'title'], ['subject', 'subject area'], ['credits', 'credits']] as const) {
    if (col[field] < 0) {
      fileLevel('missing-column', `${fileName} has no ${label} column. Expected a header such as "${HEADERS[field][0]}" or "${HEADERS[field][1]}".`, { column: label, example: HEADERS[field][0] });
    }
  }
  if (col.code < 0 || col.title < 0 || col.subject < 0 || col.credits < 0) return result;

  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const at = (index: number): Where => ({ fileName, row: row.row, line: row.line, column: index >= 0 ? table.headers[index] : null });
    const rowProblems: Problem[] = encodingProblems(table, row);
    const err = (index: number, code: string, message: string, params: Record<string, string | number> = {}) => rowProblems.push(problemAt(at(index), 'error', code, message, params));
    const warn = (index: number, code: string, message: string, params: Record<string, string | number> = {}) => rowProblems.push(problemAt(at(index), 'warning', code, message, params));
    if (row.values.every((v) => v.trim() === '')) continue;

    const rawCode = cell(cols, row, col.code);
    const code = cleanCourseCode(rawCode);
    if (!code.value) {
      if (code.issue) err(col.code, code.issue.code, code.issue.message, { value: rawCode ?? '' });
      else err(col.code, 'code-missing', `Row ${row.row} has no course code.`, { row: row.row });
      problems.push(...rowProblems);
      continue;
    }
    const firstRow = seen.get(code.value);
    if (firstRow !== undefined) {
      err(col.code, 'code-duplicate', `Course code "${code.value}" appears twice (rows ${firstRow} and ${row.row}); each course must be listed once.`, { code: code.value, first: firstRow, row: row.row });
      problems.push(...rowProblems);
      continue;
    }
    seen.set(code.value, row.row);
    const fields: Partial<CourseFields> = { code: code.value };
    const present: CourseField[] = ['code'];
    const give = <K extends CourseField>(k: K, v: CourseFields[K]) => {
      fields[k] = v;
      present.push(k);
    };

    const title = cell(cols, row, col.title);
    if (!title) err(col.title, 'title-missing', `Course "${code.value}" has no title.`, { code: code.value });
    else if (title.length > 160) err(col.title, 'title-too-long', `The title of "${code.value}" is longer than 160 characters.`, { code: code.value, max: 160 });
    else give('title', title);

    const credits = cell(cols, row, col.credits);
    if (credits !== null) {
      const n = readNumber(credits);
      if (n === null || n > 10) err(col.credits, 'credits-invalid', `Credits for "${code.value}" must be a number from 0 to 10 (like 1 or 0.5); found "${credits}".`, { code: code.value, value: credits });
      else give('credits', n);
    } else warn(col.credits, 'credits-blank', `"${code.value}" has no credits; it will count for nothing until its credits are set.`, { code: code.value });

    const subject = cell(cols, row, col.subject);
    const area = readSubjectArea(subject);
    if (!subject) err(col.subject, 'subject-missing', `"${code.value}" has no subject area.`, { code: code.value });
    else if (!area) err(col.subject, 'subject-unknown', `"${subject}" is not a subject area Waypoint knows (${SUBJECT_AREAS.join(', ')}).`, { value: subject, allowed: SUBJECT_AREAS.join(', ') });
    else give('subject', area);

    const grades = cell(cols, row, col.gradeLevels);
    if (grades !== null) {
      const r = readGradeLevels(grades);
      if (r.bad !== null) err(col.gradeLevels, 'grade-levels-invalid', `"${r.bad}" is not a grade level (use 9–12, 09, "Grade 9" …).`, { value: r.bad });
      else give('gradeLevels', r.levels);
    }

    const prereq = cell(cols, row, col.prerequisites);
    if (prereq !== null) {
      const groups: string[][] = [];
      let ok = true;
      for (const g of parsePrerequisites(prereq)) {
        const codes: string[] = [];
        for (const c of g) {
          const cc = cleanCourseCode(c);
          if (!cc.value) {
            ok = false;
            err(col.prerequisites, cc.issue?.code ?? 'prerequisite-invalid', cc.issue?.message ?? `"${c}" is not a course code.`, { value: c });
          } else codes.push(cc.value);
        }
        if (codes.includes(code.value)) {
          ok = false;
          err(col.prerequisites, 'prerequisite-self', `"${code.value}" lists itself as its own prerequisite.`, { code: code.value });
        }
        if (codes.length) groups.push(codes);
      }
      if (ok) give('prerequisites', groups);
    }

    const flags = new Set<CourseFlag>();
    let flagsGiven = false;
    const flagText = cell(cols, row, col.flags);
    if (flagText !== null) {
      flagsGiven = true;
      for (const f of splitList(flagText)) {
        const flag = readCourseFlag(f);
        if (!flag) err(col.flags, 'flag-unknown', `"${f}" is not a course flag (AP, IB, dual credit, OnRamps, CTE, advanced).`, { value: f });
        else flags.add(flag);
      }
    }
    for (const [flag, index] of flagCols) {
      const v = cell(cols, row, index);
      if (v === null) continue;
      flagsGiven = true;
      const yn = readYesNo(v);
      if (!yn.understood) err(index, 'flag-not-yes-no', `"${v}" in the ${table.headers[index]} column is not yes or no.`, { value: v, column: table.headers[index] });
      else if (yn.value) flags.add(flag);
    }
    if (flagsGiven) give('flags', [...flags]);

    const endorsements = cell(cols, row, col.endorsements);
    if (endorsements !== null) {
      const list = new Set<EndorsementCode>();
      for (const e of splitList(endorsements)) {
        const code2 = readEndorsement(e);
        if (!code2) err(col.endorsements, 'endorsement-unknown', `"${e}" is not an endorsement area (STEM, Business & Industry, Public Services, Arts & Humanities, Multidisciplinary).`, { value: e });
        else list.add(code2);
      }
      give('endorsements', [...list]);
    }

    const tags = cell(cols, row, col.tags);
    if (tags !== null) {
      const list = splitList(tags).map((t) => t.toLowerCase().replace(/\s+/g, '-'));
      const bad = list.find((t) => !TAG.test(t));
      if (bad) err(col.tags, 'tag-invalid', `"${bad}" is not a course kind; use ids like "algebra-2" or "english-advanced".`, { value: bad });
      else give('tags', list);
    }

    const courseCode = code.value;
    const tooLong = (index: number, what: string, max: number) => err(index, 'value-too-long', `The ${what} of "${courseCode}" is longer than ${max} characters.`, { code: courseCode, what, max });
    const cluster = cell(cols, row, col.cluster);
    if (cluster !== null) {
      if (cluster.length > 80) tooLong(col.cluster, 'cluster', 80);
      else give('cluster', cluster);
    }
    const language = cell(cols, row, col.language);
    if (language !== null) {
      if (language.length > 40) tooLong(col.language, 'language', 40);
      else give('language', language);
    }

    const eq = cell(cols, row, col.equivalents);
    if (eq !== null) {
      const codes: string[] = [];
      for (const c of splitList(eq)) {
        const cc = cleanCourseCode(c);
        if (!cc.value) err(col.equivalents, cc.issue?.code ?? 'equivalent-invalid', cc.issue?.message ?? `"${c}" is not a course code.`, { value: c });
        else if (cc.value !== code.value) codes.push(cc.value);
      }
      give('equivalents', codes);
    }

    for (const [field, index] of [['repeatable', col.repeatable], ['highSchoolCredit', col.highSchoolCredit]] as const) {
      const v = cell(cols, row, index);
      if (v === null) continue;
      const yn = readYesNo(v);
      if (!yn.understood || yn.value === null) err(index, 'not-yes-no', `"${v}" in the ${table.headers[index]} column is not yes or no.`, { value: v, column: table.headers[index] });
      else give(field, yn.value);
    }

    const hours = cell(cols, row, col.collegeHours);
    if (hours !== null) {
      const n = readNumber(hours);
      if (n === null || n > 30) err(col.collegeHours, 'college-hours-invalid', `College hours for "${code.value}" must be a number from 0 to 30; found "${hours}".`, { code: code.value, value: hours });
      else give('collegeHours', n);
    }
    const description = cell(cols, row, col.description);
    if (description !== null) {
      if (description.length > 2000) tooLong(col.description, 'description', 2000);
      else give('description', description);
    }

    problems.push(...rowProblems);
    if (rowProblems.some((p) => p.severity === 'error')) continue;
    result.courses.push({ row: row.row, line: row.line, code: code.value, fields, present });
  }
  if (table.rows.length === 0) fileLevel('no-rows', `${fileName} has a header but no courses.`);
  return result;
}
