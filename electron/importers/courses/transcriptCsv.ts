import { normalizeGradeLevel } from '../../../shared/domain/gradeLevels';
import { cleanCourseCode } from '../../../shared/domain/graduation/codes';
import { isPlanGrade, readSchoolYear, readTerm, type CreditSource, type PlanGrade, type Term } from '../../../shared/domain/graduation/vocabulary';
import { cleanId } from '../../../shared/domain/roster/ids';
import { cell, Columns, encodingProblems, problemAt, readCsv, readNumber, type Problem, type Where } from './common';

/**
 * Transcript CSV: one row per course a student took or is taking (student ID, course code,
 * grade level, term, school year, mark, credits earned). Rows are matched to students by ID
 * in the service; codes the catalog does not know are kept and listed, never dropped.
 */
export interface TranscriptRow {
  row: number;
  line: number;
  studentId: string;
  code: string;
  title: string | null;
  grade: PlanGrade;
  term: Term;
  schoolYear: number | null;
  status: 'completed' | 'in-progress';
  mark: string | null;
  credits: number | null;
  creditSource: CreditSource;
}

export interface TranscriptParseResult {
  fileName: string;
  rows: TranscriptRow[];
  problems: Problem[];
}

const HEADERS = {
  studentId: ['student id', 'studentid', 'student number', 'student unique id', 'local id', 'local student id', 'id', 'student', 'state id', 'id del estudiante', 'numero de estudiante', 'número de estudiante'],
  code: ['course code', 'course number', 'course id', 'code', 'course', 'codigo', 'código', 'código del curso'],
  title: ['course title', 'course name', 'title', 'titulo', 'título', 'nombre del curso'],
  grade: ['grade level', 'grade', 'grade when taken', 'gradelevel', 'grado'],
  term: ['term', 'semester', 'session', 'periodo', 'período', 'semestre'],
  schoolYear: ['school year', 'year', 'schoolyear', 'ciclo escolar', 'año escolar', 'ano escolar'],
  mark: ['mark', 'final mark', 'final grade', 'grade earned', 'letter grade', 'score', 'calificacion', 'calificación', 'nota'],
  credits: ['credits earned', 'credits', 'earned credits', 'credit earned', 'creditos', 'créditos', 'créditos obtenidos'],
  creditSource: ['credit type', 'credit method', 'method', 'tipo de credito', 'tipo de crédito'],
  status: ['status', 'course status', 'estado'],
};

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}
const COMPLETED = new Set(['completed', 'complete', 'c', 'final', 'earned', 'done', 'completado', 'terminado', 'aprobado', 'reprobado', 'failed']);
const IN_PROGRESS = new Set(['in progress', 'ip', 'current', 'enrolled', 'in session', 'en curso', 'cursando', 'actual']);
const EXAM = new Set(['exam', 'cbe', 'credit by exam', 'credit by examination', 'examination', 'examen', 'credito por examen']);
const COURSE = new Set(['course', 'class', 'regular', 'curso', 'clase']);

export function parseTranscriptCsv(bytes: Uint8Array, fileName: string): TranscriptParseResult {
  const { table, problems } = readCsv(bytes, fileName);
  const result: TranscriptParseResult = { fileName, rows: [], problems };
  if (!table) return result;
  const cols = new Columns(table);
  const col = Object.fromEntries(Object.entries(HEADERS).map(([k, names]) => [k, cols.find(...names)])) as Record<keyof typeof HEADERS, number>;
  for (const [field, label] of [['studentId', 'student ID'], ['code', 'course code'], ['grade', 'grade level'], ['credits', 'credits earned']] as const) {
    if (col[field] < 0) {
      problems.push(problemAt({ fileName, row: null, column: null }, 'error', 'missing-column', `${fileName} has no ${label} column. Expected a header such as "${HEADERS[field][0]}".`, { column: label, example: HEADERS[field][0] }));
    }
  }
  if (col.studentId < 0 || col.code < 0 || col.grade < 0 || col.credits < 0) return result;
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.values.every((v) => v.trim() === '')) continue;
    const at = (index: number): Where => ({ fileName, row: row.row, line: row.line, column: index >= 0 ? table.headers[index] : null });
    const rowProblems = encodingProblems(table, row);
    const err = (index: number, code: string, message: string, params: Record<string, string | number> = {}) => rowProblems.push(problemAt(at(index), 'error', code, message, params));

    const rawId = cell(cols, row, col.studentId);
    const sid = cleanId(rawId);
    if (!sid.value) err(col.studentId, sid.issue?.code ?? 'student-id-missing', sid.issue?.message ?? `Row ${row.row} has no student ID.`, { row: row.row, value: rawId ?? '' });
    const rawCode = cell(cols, row, col.code);
    const code = cleanCourseCode(rawCode);
    if (!code.value) err(col.code, code.issue?.code ?? 'code-missing', code.issue?.message ?? `Row ${row.row} has no course code.`, { row: row.row, value: rawCode ?? '' });
    const rawGrade = cell(cols, row, col.grade);
    const g = normalizeGradeLevel(rawGrade);
    if (!rawGrade) err(col.grade, 'grade-missing', `Row ${row.row} has no grade level.`, { row: row.row });
    else if (!g || !isPlanGrade(g)) err(col.grade, 'grade-invalid', `"${rawGrade}" is not a grade from 7 to 12 (courses for high-school credit).`, { value: rawGrade });
    const rawTerm = cell(cols, row, col.term);
    const term = rawTerm === null ? 'year' : readTerm(rawTerm);
    if (term === null) err(col.term, 'term-invalid', `"${rawTerm}" is not a term (Fall, Spring, Summer, Full year, S1, S2 …).`, { value: rawTerm ?? '' });
    const rawYear = cell(cols, row, col.schoolYear);
    const schoolYear = rawYear === null ? null : readSchoolYear(rawYear);
    if (rawYear !== null && schoolYear === null) err(col.schoolYear, 'school-year-invalid', `"${rawYear}" is not a school year (2024-25, 2024-2025 or 2025).`, { value: rawYear });
    const mark = cell(cols, row, col.mark);
    if (mark !== null && mark.length > 12) err(col.mark, 'mark-too-long', `The mark "${mark.slice(0, 20)}…" is longer than 12 characters.`, { max: 12 });
    const rawCredits = cell(cols, row, col.credits);
    const credits = rawCredits === null ? null : readNumber(rawCredits);
    if (rawCredits !== null && (credits === null || credits > 10)) err(col.credits, 'credits-invalid', `Credits must be a number from 0 to 10 (like 1 or 0.5); found "${rawCredits}".`, { value: rawCredits });
    const rawStatus = cell(cols, row, col.status);
    let status: TranscriptRow['status'] | null = null;
    if (rawStatus !== null) {
      const s = fold(rawStatus);
      status = COMPLETED.has(s) ? 'completed' : IN_PROGRESS.has(s) ? 'in-progress' : null;
      if (!status) err(col.status, 'status-invalid', `"${rawStatus}" is not a course status (completed or in progress).`, { value: rawStatus });
    } else if (rawCredits !== null) status = 'completed';
    else err(col.credits, 'credits-missing', `Row ${row.row} has no credits and no status: say whether the course was completed (with the credits earned, 0 if none) or is in progress.`, { row: row.row });
    if (status === 'completed' && rawCredits === null) err(col.credits, 'credits-missing-completed', `Row ${row.row} is a completed course without credits earned (write 0 if no credit was earned).`, { row: row.row });
    const rawSource = cell(cols, row, col.creditSource);
    let creditSource: CreditSource = 'course';
    if (rawSource !== null) {
      const s = fold(rawSource);
      if (EXAM.has(s)) creditSource = 'exam';
      else if (!COURSE.has(s)) err(col.creditSource, 'credit-type-invalid', `"${rawSource}" is not a credit type (course, or credit by exam).`, { value: rawSource });
    }
    const title = cell(cols, row, col.title);
    if (title !== null && title.length > 160) err(col.title, 'title-too-long', `The course title in row ${row.row} is longer than 160 characters.`, { row: row.row, max: 160 });

    if (!rowProblems.some((p) => p.severity === 'error') && sid.value && code.value && g && isPlanGrade(g) && term && status) {
      const key = [sid.value, code.value, g, term, schoolYear ?? ''].join('\u0000');
      const first = seen.get(key);
      if (first !== undefined) {
        err(col.code, 'row-duplicate', `Row ${row.row} repeats row ${first} (same student, course, grade, term and year).`, { row: row.row, first });
      } else {
        seen.set(key, row.row);
        result.rows.push({ row: row.row, line: row.line, studentId: sid.value, code: code.value, title, grade: g, term, schoolYear, status, mark, credits, creditSource });
      }
    }
    problems.push(...rowProblems);
  }
  if (table.rows.length === 0) problems.push(problemAt({ fileName, row: null, column: null }, 'error', 'no-rows', `${fileName} has a header but no rows.`));
  return result;
}
