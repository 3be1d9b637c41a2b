/**
 * Grade levels as stored: PK, KG, 01–12 (two digits so they sort), plus 13 for a
 * fifth-year/post-graduate student. Imports arrive as "Kindergarten", "K", "0", "G1",
 * "Grade 1", "1st", "01", "Ninth grade" or Ed-Fi descriptor URIs; `normalizeGradeLevel`
 * maps them all, and returns null rather than guessing when it cannot.
 */
export const GRADE_LEVELS = ['PK', 'KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'] as const;
export type GradeLevel = (typeof GRADE_LEVELS)[number];

const WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12,
  primero: 1, segundo: 2, tercero: 3, cuarto: 4, quinto: 5, sexto: 6, septimo: 7, octavo: 8,
  noveno: 9, decimo: 10, undecimo: 11, duodecimo: 12,
};

export function isGradeLevel(value: unknown): value is GradeLevel {
  return typeof value === 'string' && (GRADE_LEVELS as readonly string[]).includes(value);
}

export function normalizeGradeLevel(raw: string | null | undefined): GradeLevel | null {
  if (raw == null) return null;
  // Ed-Fi descriptors: uri://ed-fi.org/GradeLevelDescriptor#Ninth grade
  let s = raw.includes('#') ? raw.slice(raw.lastIndexOf('#') + 1) : raw;
  s = s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (s === '') return null;
  if (['pk', 'ppk', 'pre-k', 'prek', 'pre-kindergarten', 'prekindergarten', 'preschool', 'early education', 'infant/toddler', 'tk', 'transitional kindergarten'].includes(s)) return 'PK';
  if (['k', 'kg', 'kinder', 'kindergarten', 'kindergarten (k)', 'kínder', '0', '00'].includes(s)) return 'KG';
  if (['postsecondary', 'post-secondary', 'adult education', 'grade 13', '13', 'ps'].includes(s)) return '13';
  const stripped = s.replace(/^(grade|gr\.?|g|grado)\s*/, '').replace(/\s*(grade|grado)$/, '').trim();
  let n: number | undefined;
  const numeric = stripped.match(/^0*(\d{1,2})(st|nd|rd|th|o|º|°)?$/);
  if (numeric) n = Number(numeric[1]);
  else if (stripped in WORDS) n = WORDS[stripped];
  if (n === undefined || n < 1 || n > 13) return null;
  return String(n).padStart(2, '0') as GradeLevel;
}

/** Sort key: PK before KG before 01. */
export function gradeOrder(level: GradeLevel | null): number {
  return level === null ? 99 : GRADE_LEVELS.indexOf(level);
}
