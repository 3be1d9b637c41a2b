/**
 * The small vocabularies of course planning: subject areas, flags, endorsements, terms,
 * entry statuses and plan grades, with the spellings district files use for them (English
 * and Spanish). Readers return null rather than guessing when a value is not recognised.
 */

export const SUBJECT_AREAS = [
  'english',
  'math',
  'science',
  'social-studies',
  'lote',
  'pe',
  'fine-arts',
  'cte',
  'technology',
  'health',
  'speech',
  'jrotc',
  'elective',
] as const;
export type SubjectArea = (typeof SUBJECT_AREAS)[number];

export const COURSE_FLAGS = ['ap', 'ib', 'dual-credit', 'onramps', 'cte', 'advanced'] as const;
export type CourseFlag = (typeof COURSE_FLAGS)[number];

export const ENDORSEMENTS = ['stem', 'business-industry', 'public-services', 'arts-humanities', 'multidisciplinary'] as const;
export type EndorsementCode = (typeof ENDORSEMENTS)[number];

/** Terms in the order they happen within a school year. */
export const TERMS = ['year', 'fall', 'spring', 'summer'] as const;
export type Term = (typeof TERMS)[number];

/** Grades a high-school plan holds: 7 and 8 for high-school credit earned in middle school. */
export const PLAN_GRADES = ['07', '08', '09', '10', '11', '12'] as const;
export type PlanGrade = (typeof PLAN_GRADES)[number];
export const HIGH_SCHOOL_GRADES = ['09', '10', '11', '12'] as const;

export const ENTRY_STATUSES = ['completed', 'in-progress', 'requested', 'planned'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const CREDIT_SOURCES = ['course', 'exam'] as const;
/** 'exam': credit by examination — credit without taking the course. */
export type CreditSource = (typeof CREDIT_SOURCES)[number];

export function isPlanGrade(v: unknown): v is PlanGrade {
  return typeof v === 'string' && (PLAN_GRADES as readonly string[]).includes(v);
}

function fold(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function table<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [code, aliases] of Object.entries(entries) as [T, string[]][]) {
    m.set(fold(code), code);
    for (const a of aliases) m.set(fold(a), code);
  }
  return m;
}

const SUBJECTS = table<SubjectArea>({
  english: ['ela', 'english language arts', 'english language arts and reading', 'language arts', 'reading', 'ingles', 'artes del lenguaje', 'english language and literature'],
  math: ['mathematics', 'maths', 'matematicas', 'mate'],
  science: ['sciences', 'life and physical sciences', 'physical science', 'life science', 'ciencias', 'ciencia'],
  'social-studies': ['social studies', 'social sciences', 'social sciences and history', 'history', 'ss', 'estudios sociales', 'ciencias sociales'],
  lote: ['languages other than english', 'world languages', 'world language', 'foreign language', 'foreign languages', 'foreign language and literature', 'languages', 'idiomas', 'lenguas extranjeras', 'idiomas distintos del ingles'],
  pe: ['physical education', 'physical health and safety education', 'p e', 'athletics', 'educacion fisica'],
  'fine-arts': ['fine arts', 'fine and performing arts', 'arts', 'art', 'music', 'theatre', 'theater', 'dance', 'bellas artes', 'artes'],
  cte: ['career and technical education', 'career and technology education', 'career technical', 'career and technical', 'educacion tecnica y profesional', 'cte'],
  technology: ['technology applications', 'computer science', 'computer technology', 'tecnologia', 'informatica'],
  health: ['health education', 'health', 'salud'],
  speech: ['communication applications', 'communications', 'comunicacion'],
  jrotc: ['junior reserve officer training corps', 'rotc', 'military science'],
  elective: ['electives', 'other', 'general', 'optativa', 'optativas', 'electiva', 'electivas'],
});

/** A subject area from a file's spelling ("Mathematics", "ELA", "Ciencias"), or null. */
export function readSubjectArea(raw: string | null | undefined): SubjectArea | null {
  if (raw == null) return null;
  const s = raw.includes('#') ? raw.slice(raw.lastIndexOf('#') + 1) : raw;
  return SUBJECTS.get(fold(s)) ?? null;
}

const FLAGS = table<CourseFlag>({
  ap: ['advanced placement', 'pre ap ap'],
  ib: ['international baccalaureate'],
  'dual-credit': ['dual credit', 'dc', 'dual enrollment', 'credito dual', 'doble credito'],
  onramps: ['on ramps', 'ut onramps'],
  cte: ['career and technical education', 'career tech'],
  advanced: ['adv', 'advanced course', 'avanzado'],
});

export function readCourseFlag(raw: string): CourseFlag | null {
  return FLAGS.get(fold(raw)) ?? null;
}

const ENDORSEMENT_NAMES = table<EndorsementCode>({
  stem: ['science technology engineering and mathematics', 'ctim', 'science technology engineering mathematics'],
  'business-industry': ['bi', 'b and i', 'business and industry', 'business industry', 'negocios e industria', 'business'],
  'public-services': ['ps', 'public service', 'public services', 'servicios publicos'],
  'arts-humanities': ['ah', 'a and h', 'arts and humanities', 'arts humanities', 'artes y humanidades'],
  multidisciplinary: ['md', 'mds', 'multidisciplinary studies', 'multi disciplinary', 'multi disciplinary studies', 'estudios multidisciplinarios', 'multidisciplinario'],
});

export function readEndorsement(raw: string): EndorsementCode | null {
  return ENDORSEMENT_NAMES.get(fold(raw)) ?? null;
}

const TERM_NAMES = table<Term>({
  year: ['full year', 'fy', 'y', 'yr', 'yearlong', 'year long', 'annual', 'all year', 's1 s2', 's1s2', 'sem 1 2', 'ano', 'ano completo', 'anual', 'todo el ano'],
  fall: ['fall semester', 'autumn', 's1', 'sem 1', 'semester 1', '1st semester', 'first semester', 't1', 'otono', 'primer semestre', 'semestre 1'],
  spring: ['spring semester', 's2', 'sem 2', 'semester 2', '2nd semester', 'second semester', 't2', 'primavera', 'segundo semestre', 'semestre 2'],
  summer: ['summer school', 'su', 'ss', 'verano', 'escuela de verano'],
});

export function readTerm(raw: string | null | undefined): Term | null {
  if (raw == null) return null;
  return TERM_NAMES.get(fold(raw)) ?? null;
}

/** Position of a term inside the year: 'year' starts in fall and ends in spring. */
export function termStart(term: Term): number {
  return term === 'spring' ? 1 : term === 'summer' ? 2 : 0;
}
export function termEnd(term: Term): number {
  return term === 'fall' ? 0 : term === 'summer' ? 2 : 1;
}

/** Comparable time points: grade × 10 + position in the year. */
export function startPoint(grade: PlanGrade, term: Term): number {
  return Number(grade) * 10 + termStart(term);
}
export function endPoint(grade: PlanGrade, term: Term): number {
  return Number(grade) * 10 + termEnd(term);
}

/** Language of a LOTE course from its title ("Spanish II", "Français I"), or null. */
const LANGUAGE_WORDS: Record<string, string> = {
  spanish: 'spanish', espanol: 'spanish', french: 'french', frances: 'french', francais: 'french', german: 'german', aleman: 'german',
  latin: 'latin', chinese: 'chinese', mandarin: 'chinese', chino: 'chinese', japanese: 'japanese', japones: 'japanese',
  arabic: 'arabic', arabe: 'arabic', russian: 'russian', ruso: 'russian', italian: 'italian', italiano: 'italian', korean: 'korean',
  coreano: 'korean', portuguese: 'portuguese', portugues: 'portuguese', vietnamese: 'vietnamese', hindi: 'hindi', hebrew: 'hebrew',
  'american sign language': 'asl', asl: 'asl', 'lengua de senas americana': 'asl',
};

export function languageFromTitle(title: string): string | null {
  const t = fold(title);
  for (const phrase of ['american sign language', 'lengua de senas americana']) if (t.includes(phrase)) return 'asl';
  for (const word of t.split(' ')) {
    const hit = LANGUAGE_WORDS[word];
    if (hit) return hit;
  }
  return null;
}

/** A language name as a stable group key ("Spanish" → "spanish"). */
export function normalizeLanguage(raw: string | null | undefined): string | null {
  if (raw == null || raw.trim() === '') return null;
  const t = fold(raw);
  return LANGUAGE_WORDS[t] ?? languageFromTitle(raw) ?? t;
}

/** School year label like "2026-27" from a start year. */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** "2024-2025", "2024-25", "2024–25", "24-25" or "2025" (the spring year) → start year, or null. */
export function readSchoolYear(raw: string | null | undefined): number | null {
  if (raw == null) return null;
  const s = raw.trim().replace(/[–—/]/g, '-');
  let m = /^(\d{4})\s*-\s*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = m[2].length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
    const bFixed = b < a ? b + 100 : b;
    return bFixed === a + 1 && a >= 1990 && a <= 2100 ? a : null;
  }
  m = /^(\d{2})\s*-\s*(\d{2})$/.exec(s);
  if (m) {
    const a = 2000 + Number(m[1]);
    return (Number(m[2]) === (Number(m[1]) + 1) % 100) ? a : null;
  }
  m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return y >= 1991 && y <= 2101 ? y - 1 : null;
  }
  return null;
}
