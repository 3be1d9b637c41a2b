import type { TestFamily } from './types';

/**
 * Column mapping for score files Waypoint has no built-in layout for (TSIA2 exports, a
 * district's own spreadsheet): which test the file holds, which columns hold the IDs, the
 * date and each section's score and percentile. Shared by the mapping dialog and the
 * importer; header suggestions are by name only and always shown for the counselor to check.
 */

export const MAPPABLE_FAMILIES = ['TSIA2', 'TSIA1', 'SAT', 'PSAT_NMSQT', 'PSAT_10', 'PSAT_89', 'ACT', 'PREACT', 'AP', 'IB', 'STAAR_EOC', 'STAAR', 'OTHER'] as const satisfies readonly TestFamily[];
export type MappableFamily = (typeof MAPPABLE_FAMILIES)[number];

export const MAPPABLE_SECTIONS: Record<MappableFamily, string[]> = {
  TSIA2: ['elar-crc', 'elar-diagnostic', 'essay', 'math-crc', 'math-diagnostic'],
  TSIA1: ['reading', 'writing', 'essay', 'abe-diagnostic', 'math'],
  SAT: ['total', 'rw', 'math'],
  PSAT_NMSQT: ['total', 'rw', 'math'],
  PSAT_10: ['total', 'rw', 'math'],
  PSAT_89: ['total', 'rw', 'math'],
  ACT: ['composite', 'english', 'math', 'reading', 'science', 'stem', 'writing', 'ela'],
  PREACT: ['composite', 'english', 'math', 'reading', 'science', 'stem'],
  AP: ['exam'],
  IB: ['grade'],
  STAAR_EOC: ['scale'],
  STAAR: ['scale'],
  OTHER: ['score'],
};

/** Families whose results are per subject and so need a subject column (AP exam, IB subject, EOC course, STAAR subject). */
export const NEEDS_SUBJECT: ReadonlySet<MappableFamily> = new Set(['AP', 'IB', 'STAAR_EOC', 'STAAR']);
/** Families where a performance-level column may be mapped (the file's own level is used, never a computed one). */
export const LEVEL_FAMILIES: ReadonlySet<MappableFamily> = new Set(['STAAR_EOC', 'STAAR', 'OTHER']);

export interface ColumnMapping {
  family: MappableFamily;
  /** For OTHER: the test's name as the counselor types it. */
  testName?: string | null;
  localId?: string | null;
  stateId?: string | null;
  date: string;
  dateFormat?: 'auto' | 'mmddyyyy' | 'yyyymmdd';
  grade?: string | null;
  subject?: string | null;
  level?: string | null;
  /** Section → columns. */
  sections: Record<string, { score?: string | null; percentile?: string | null }>;
}

function key(h: string): string {
  return h.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

const ID_LOCAL = ['student id', 'local id', 'local student id', 'studentid', 'district id', 'district student id', 'student number', 'id estudiante', 'numero de estudiante', 'campus id'];
const ID_STATE = ['state id', 'state student id', 'tsds', 'tsds unique id', 'unique id', 'tx unique id', 'tx unique student id', 'texas unique id', 'state assigned id'];
const DATE = ['test date', 'date', 'date tested', 'administration date', 'test administration date', 'fecha', 'fecha de examen', 'tested on'];
const GRADE = ['grade', 'grade level', 'grado', 'grade tested', 'enrolled grade'];
const SUBJECT = ['subject', 'exam', 'course', 'exam name', 'exam code', 'materia', 'curso', 'end of course', 'eoc'];
const LEVEL = ['performance level', 'level', 'nivel', 'achievement level'];

const SECTION_ALIASES: Record<string, string[]> = {
  'elar-crc': ['elar crc', 'elar score', 'elar college readiness classification', 'ela crc', 'reading writing crc', 'elar', 'tsia2 elar'],
  'elar-diagnostic': ['elar diagnostic', 'elar diagnostic level', 'ela diagnostic', 'elar diag'],
  essay: ['essay', 'essay score', 'tsia2 essay', 'writeplacer'],
  'math-crc': ['math crc', 'mathematics crc', 'math score', 'math college readiness classification', 'tsia2 math'],
  'math-diagnostic': ['math diagnostic', 'math diagnostic level', 'mathematics diagnostic', 'math diag'],
  reading: ['reading', 'reading score', 'rdg'],
  writing: ['writing', 'writing score', 'writing placement'],
  'abe-diagnostic': ['abe diagnostic', 'abe'],
  math: ['math', 'mathematics', 'math score', 'mth', 'math section'],
  total: ['total', 'total score', 'sat total', 'psat total'],
  rw: ['ebrw', 'erw', 'reading and writing', 'evidence based reading and writing', 'rw'],
  composite: ['composite', 'composite score', 'act composite'],
  english: ['english', 'eng'],
  science: ['science', 'sci'],
  stem: ['stem'],
  ela: ['ela'],
  exam: ['score', 'exam score', 'exam grade', 'ap score'],
  grade: ['grade', 'subject grade', 'ib grade', 'score'],
  scale: ['scale score', 'scale', 'score'],
  score: ['score', 'scale score', 'result'],
};

function find(headers: string[], names: string[], taken: Set<string>): string | null {
  const wanted = names.map(key);
  for (const w of wanted) {
    const h = headers.find((x) => key(x) === w && !taken.has(x));
    if (h) return h;
  }
  return null;
}

/** A starting mapping from header names; the counselor confirms or changes every field. */
export function suggestMapping(headers: string[], family: MappableFamily): ColumnMapping {
  const taken = new Set<string>();
  const pick = (names: string[]) => {
    const h = find(headers, names, taken);
    if (h) taken.add(h);
    return h;
  };
  const localId = pick(ID_LOCAL);
  const stateId = pick(ID_STATE);
  const date = pick(DATE) ?? '';
  const subject = NEEDS_SUBJECT.has(family) ? pick(SUBJECT) : null;
  const level = LEVEL_FAMILIES.has(family) ? pick(LEVEL) : null;
  const grade = pick(GRADE);
  const sections: ColumnMapping['sections'] = {};
  for (const s of MAPPABLE_SECTIONS[family]) {
    const score = pick(SECTION_ALIASES[s] ?? [s]);
    const percentile = pick([`${s} percentile`, `${s} pr`, ...(SECTION_ALIASES[s] ?? []).map((a) => `${a} percentile`)]);
    if (score || percentile) sections[s] = { score, percentile };
  }
  return { family, localId, stateId, date, grade, subject, level, sections };
}

/** What is missing before a mapping can be used; empty when complete. */
export function mappingGaps(m: ColumnMapping, headers: string[]): string[] {
  const gaps: string[] = [];
  const known = new Set(headers);
  if (!m.localId && !m.stateId) gaps.push('student-id');
  if (!m.date) gaps.push('date');
  if (NEEDS_SUBJECT.has(m.family) && !m.subject) gaps.push('subject');
  if (m.family === 'OTHER' && !m.testName?.trim()) gaps.push('test-name');
  if (!Object.values(m.sections).some((s) => s.score || s.percentile)) gaps.push('scores');
  for (const c of [m.localId, m.stateId, m.date, m.grade, m.subject, m.level, ...Object.values(m.sections).flatMap((s) => [s.score, s.percentile])]) {
    if (c && !known.has(c)) gaps.push(`unknown-column:${c}`);
  }
  return gaps;
}
