import { normalizeGradeLevel, type GradeLevel } from '../gradeLevels';
import { cleanValue } from './cellText';
import type { RaceCode, RosterGender } from './types';

/**
 * Small vocabularies for roster fields. Each reader says whether it understood the value;
 * callers turn "not understood" into a warning rather than dropping or guessing.
 */

export interface Read<T> {
  value: T | null;
  /** False when the cell had text we could not interpret (the value is then null). */
  understood: boolean;
}

/**
 * Roster columns repeat a handful of values thousands of times (grades, Y/N, languages);
 * remembering each distinct cell's reading keeps a 10,000-row import fast. Bounded so a
 * column of unique values cannot grow it without limit. Results are shared: never mutate them.
 */
function memo<R>(read: (raw: string | null | undefined) => R): (raw: string | null | undefined) => R {
  const cache = new Map<string, R>();
  return (raw) => {
    if (raw == null) return read(raw);
    let hit = cache.get(raw);
    if (hit === undefined) {
      hit = read(raw);
      if (cache.size >= 2000) cache.clear();
      cache.set(raw, hit);
    }
    return hit;
  };
}

const blank = <T>(): Read<T> => ({ value: null, understood: true });

/** Cells that mean "nothing recorded" in any column: read as blank, never as 0 or "no". */
const PLACEHOLDERS = new Set(['-', '--', '---', 'n/a', 'na', 'none', 'null', '(blank)', '#n/a']);
function isPlaceholder(v: string): boolean {
  return PLACEHOLDERS.has(v.toLowerCase());
}
const unread = <T>(): Read<T> => ({ value: null, understood: false });

function fold(raw: string): string {
  return raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const YES = new Set(['y', 'yes', 'true', 'x', 'si', 'sí', '✓', '✔', 'checked']);
const NO = new Set(['n', 'no', 'false', 'unchecked']);

/**
 * Yes/no flags. "T"/"F" are not read: Texas PEIMS uses "F" for a first-year monitored
 * emergent bilingual student, which is not a "no".
 */
export const readYesNo = memo(function readYesNo(raw: string | null | undefined): Read<boolean> {
  const v = cleanValue(raw);
  if (v === null || isPlaceholder(v)) return blank();
  const s = fold(v);
  if (YES.has(s) || /^0*1$/.test(s)) return { value: true, understood: true };
  if (NO.has(s) || /^0+$/.test(s)) return { value: false, understood: true };
  return unread();
});

export const readGender = memo(function readGender(raw: string | null | undefined): Read<RosterGender> {
  const v = cleanValue(raw);
  if (v === null || isPlaceholder(v)) return blank();
  const s = fold(v);
  if (['f', 'female', 'femenino', 'femenina', 'mujer', 'girl', 'woman'].includes(s)) return { value: 'female', understood: true };
  if (['m', 'male', 'masculino', 'hombre', 'boy', 'man'].includes(s)) return { value: 'male', understood: true };
  if (['x', 'nonbinary', 'non-binary', 'non binary', 'no binario'].includes(s)) return { value: 'nonbinary', understood: true };
  if (['u', 'unknown', 'unspecified', 'not selected', 'decline', 'declined', 'desconocido'].includes(s)) return blank();
  return unread();
});

const LANGUAGES: Record<string, string[]> = {
  en: ['english', 'eng', 'ingles'],
  es: ['spanish', 'espanol', 'spa', 'sp', 'castellano', 'spanish/espanol'],
  vi: ['vietnamese', 'vie', 'vietnamita'],
  ar: ['arabic', 'ara', 'arabe'],
  zh: ['chinese', 'mandarin', 'cantonese', 'zho', 'chi', 'chino', 'mandarin chinese'],
  ko: ['korean', 'kor', 'coreano'],
  ur: ['urdu', 'urd'],
  fr: ['french', 'fre', 'fra', 'frances'],
  pt: ['portuguese', 'por', 'portugues'],
  hi: ['hindi', 'hin'],
  tl: ['tagalog', 'tgl', 'filipino', 'fil'],
  ru: ['russian', 'rus', 'ruso'],
  sw: ['swahili', 'swa', 'suajili'],
  ne: ['nepali', 'nep'],
  my: ['burmese', 'bur', 'mya', 'birmano'],
  fa: ['farsi', 'persian', 'per', 'fas', 'persa'],
  ps: ['pashto', 'pus', 'pastun'],
  de: ['german', 'ger', 'deu', 'aleman'],
  ja: ['japanese', 'jpn', 'japones'],
  te: ['telugu', 'tel'],
  ta: ['tamil', 'tam'],
  gu: ['gujarati', 'guj'],
  pa: ['punjabi', 'panjabi', 'pan'],
  bn: ['bengali', 'bangla', 'ben'],
  so: ['somali', 'som'],
  am: ['amharic', 'amh'],
  ht: ['haitian creole', 'haitian', 'hat', 'creole', 'criollo haitiano'],
};
const LANGUAGE_BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(LANGUAGES)) {
  LANGUAGE_BY_NAME.set(code, code);
  for (const n of names) LANGUAGE_BY_NAME.set(n, code);
}

/**
 * A language as an ISO 639-1 code when recognised ("Español", "spa", Ed-Fi
 * `uri://ed-fi.org/LanguageDescriptor#spa` → "es"); otherwise the name as written, so a
 * language we have no code for ("Mam", "K'iche'") is kept rather than lost.
 */
export const readLanguage = memo(function readLanguage(raw: string | null | undefined): Read<string> & { code: string | null } {
  let v = cleanValue(raw);
  if (v === null) return { value: null, understood: true, code: null };
  if (v.includes('#')) v = v.slice(v.lastIndexOf('#') + 1).trim();
  const code = LANGUAGE_BY_NAME.get(fold(v)) ?? null;
  return { value: code ?? v, understood: true, code };
});

const RELATIONSHIPS: Record<string, string[]> = {
  mother: ['mother', 'mom', 'mama', 'madre', 'mami'],
  father: ['father', 'dad', 'papa', 'padre', 'papi'],
  parent: ['parent', 'padre o madre', 'padre/madre', 'parents'],
  stepparent: ['stepmother', 'stepfather', 'step-mother', 'step-father', 'step mother', 'step father', 'stepparent', 'step-parent', 'madrastra', 'padrastro'],
  guardian: ['guardian', 'legal guardian', 'tutor', 'tutora', 'tutor legal', 'tutor/a legal'],
  grandparent: ['grandmother', 'grandfather', 'grandparent', 'grandma', 'grandpa', 'abuela', 'abuelo', 'abuelos'],
  'foster-parent': ['foster parent', 'foster mother', 'foster father', 'madre de crianza', 'padre de crianza', 'padre de acogida', 'madre de acogida'],
  relative: ['relative', 'aunt', 'uncle', 'sibling', 'brother', 'sister', 'cousin', 'tia', 'tio', 'hermano', 'hermana', 'primo', 'prima', 'pariente', 'familiar'],
};
const RELATIONSHIP_BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(RELATIONSHIPS)) for (const n of names) RELATIONSHIP_BY_NAME.set(n, code);

/** A relationship as a small vocabulary word when recognised, else as written. */
export const readRelationship = memo(function readRelationship(raw: string | null | undefined): Read<string> {
  const v = cleanValue(raw);
  if (v === null) return blank();
  return { value: RELATIONSHIP_BY_NAME.get(fold(v)) ?? v, understood: true };
});

/** "2027", "Class of 2027", "2026-2027" (the spring of the school year) → 2027. */
export const readGraduationYear = memo(function readGraduationYear(raw: string | null | undefined): Read<number> {
  const v = cleanValue(raw);
  if (v === null || isPlaceholder(v)) return blank();
  const s = fold(v);
  let m = /^(?:class of |clase de |generacion )?(\d{4})$/.exec(s);
  if (!m) {
    const span = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(s);
    if (span) {
      const end = span[2].length === 2 ? Number(span[1].slice(0, 2) + span[2]) : Number(span[2]);
      if (end === Number(span[1]) + 1) m = [s, String(end)] as unknown as RegExpExecArray;
    }
  }
  if (!m) return unread();
  const year = Number(m[1]);
  return year >= 1990 && year <= 2100 ? { value: year, understood: true } : unread();
});

/**
 * A grade level, with PowerSchool's numeric codes for pre-kindergarten (-1 = PK4,
 * -2 = PK3) added to what `normalizeGradeLevel` reads.
 */
export const readGradeLevel = memo(function readGradeLevel(raw: string | null | undefined): Read<GradeLevel> {
  const v = cleanValue(raw);
  if (v === null || isPlaceholder(v)) return blank();
  if (v === '-1' || v === '-2') return { value: 'PK', understood: true };
  const level = normalizeGradeLevel(v);
  return level ? { value: level, understood: true } : unread();
});

const RACES: Record<RaceCode, string[]> = {
  'american-indian-alaska-native': ['american indian or alaska native', 'american indian/alaska native', 'american indian', 'alaska native', 'native american', 'indigena', 'indio americano', 'nativo de alaska', 'ai/an'],
  asian: ['asian', 'asiatico'],
  'black-african-american': ['black or african american', 'black/african american', 'black', 'african american', 'negro', 'afroamericano'],
  'native-hawaiian-pacific-islander': ['native hawaiian or other pacific islander', 'native hawaiian/pacific islander', 'native hawaiian', 'pacific islander', 'nativo de hawai', 'isleno del pacifico'],
  white: ['white', 'blanco', 'blanca', 'caucasian'],
  'two-or-more': ['two or more races', 'two or more', 'multiracial', 'multi-racial', 'dos o mas razas', 'multirracial'],
};
const RACE_BY_NAME = new Map<string, RaceCode>();
for (const [code, names] of Object.entries(RACES) as [RaceCode, string[]][]) for (const n of names) RACE_BY_NAME.set(n, code);

/** One or more races ("White; Asian"); unrecognised entries are returned for a warning. */
export function readRaces(raw: string | null | undefined): { value: RaceCode[]; unknown: string[] } {
  const v = cleanValue(raw);
  if (v === null) return { value: [], unknown: [] };
  const parts = RACE_BY_NAME.has(fold(v)) ? [v] : v.split(/\s*[;|,]\s*/);
  const value = new Set<RaceCode>();
  const unknown: string[] = [];
  for (const p of parts) {
    if (p.trim() === '') continue;
    const code = RACE_BY_NAME.get(fold(p));
    if (code) value.add(code);
    else unknown.push(p);
  }
  return { value: [...value], unknown };
}

/** Hispanic/Latino as yes/no, or as a word ("Hispanic or Latino", "Not Hispanic"). */
export const readHispanic = memo(function readHispanic(raw: string | null | undefined): Read<boolean> {
  const yn = readYesNo(raw);
  if (yn.understood) return yn;
  const s = fold(cleanValue(raw) ?? '');
  if (/^(not|non)[ -]?(hispanic|latino)/.test(s) || /^no (hispano|latino)/.test(s)) return { value: false, understood: true };
  if (/^(hispanic|latino|latina|latinx|hispano|hispana)/.test(s)) return { value: true, understood: true };
  return unread();
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readEmail(raw: string | null | undefined): Read<string> {
  const v = cleanValue(raw);
  if (v === null) return blank();
  return EMAIL.test(v) ? { value: v, understood: true } : unread();
}

/** Phone numbers are kept as written (extensions, country codes); only obvious junk is refused. */
export function readPhone(raw: string | null | undefined): Read<string> {
  const v = cleanValue(raw);
  if (v === null) return blank();
  const digits = v.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && /^[\d\s()+.\-x#ext]+$/i.test(v) ? { value: v, understood: true } : unread();
}
