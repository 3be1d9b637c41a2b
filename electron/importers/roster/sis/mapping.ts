import { createHash } from 'node:crypto';
import { PROGRAM_CODES, programFromText } from '../../../../shared/domain/roster/programs';
import { GENERIC_ALIASES, guardianAliasKeys, headerNorm, STUDENT_ALIASES, type SisField, type SisMapping, type SisStudentField } from './fields';

/**
 * The column-mapping step for SIS exports: suggest which header holds which field, and
 * recognise a file layout seen before by its header signature so a saved mapping can be
 * offered again.
 */

export type MatchReason = 'alias' | 'generic' | 'program' | 'guardian' | 'prefixed' | 'similar';

export interface MappingMatch {
  field: SisField;
  header: string;
  /** 1 = a known spelling of the field; lower values should be confirmed by the counselor. */
  confidence: number;
  reason: MatchReason;
}

export interface MappingSuggestion {
  mapping: SisMapping;
  matches: MappingMatch[];
  /** Headers no field was suggested for (shown as "not imported"). */
  unmappedHeaders: string[];
  /** What still has to be mapped before the file can be imported. */
  missing: ('id' | 'name')[];
}

const STRONG = new Map<string, SisStudentField>();
for (const [field, aliases] of Object.entries(STUDENT_ALIASES) as [SisStudentField, string[]][]) for (const a of aliases) STRONG.set(headerNorm(a), field);
const WEAK = new Map<string, SisStudentField>();
for (const [field, aliases] of Object.entries(GENERIC_ALIASES) as [SisStudentField, string[]][]) for (const a of aliases) WEAK.set(headerNorm(a), field);
const GUARDIAN = guardianAliasKeys();
const STRONG_KEYS = [...STRONG.keys()];

/** Edit distance of at most one (a typo or a letter's difference between versions). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function candidatesFor(header: string): { field: SisField; confidence: number; reason: MatchReason }[] {
  const out: { field: SisField; confidence: number; reason: MatchReason }[] = [];
  const keys = [headerNorm(header), headerNorm(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ''))].filter((k, i, a) => k !== '' && a.indexOf(k) === i);
  for (const key of keys) {
    const strong = STRONG.get(key);
    if (strong) out.push({ field: strong, confidence: 1, reason: 'alias' });
    const guardian = GUARDIAN.get(key);
    if (guardian) out.push({ field: guardian.field, confidence: guardian.confidence, reason: 'guardian' });
    const program = programFromText(header.replace(/[_]+/g, ' '));
    if (program) out.push({ field: `program:${program}`, confidence: 0.9, reason: 'program' });
    const weak = WEAK.get(key);
    if (weak) out.push({ field: weak, confidence: 0.6, reason: 'generic' });
    // "Stu_Grade", "Student Gender", "Grado del estudiante"
    const stripped = key.replace(/^(student|stu|estudiante|alumno)/, '').replace(/(delestudiante|delalumno|student)$/, '');
    if (stripped !== key && stripped.length >= 2) {
      const f = STRONG.get(stripped);
      if (f) out.push({ field: f, confidence: 0.9, reason: 'prefixed' });
    }
    if (key.length >= 6 && !strong) {
      const near = STRONG_KEYS.find((k) => k.length >= 6 && withinOneEdit(k, key));
      if (near) out.push({ field: STRONG.get(near)!, confidence: 0.5, reason: 'similar' });
    }
  }
  return out;
}

/** How many cells are known header spellings (exact only): cheap, for finding the header row. */
export function knownHeaderCount(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    const key = headerNorm(c);
    if (key !== '' && (STRONG.has(key) || WEAK.has(key) || GUARDIAN.has(key))) n++;
  }
  return n;
}

/**
 * Suggests a field for each header: known spellings first, then generic and similar ones.
 * Each field gets at most one header and each header at most one field (the surest wins).
 */
export function suggestMapping(headers: readonly string[]): MappingSuggestion {
  const all: MappingMatch[] = [];
  headers.forEach((header) => {
    for (const c of candidatesFor(header)) all.push({ ...c, header });
  });
  // Surest first; ties keep header order so the leftmost column wins.
  all.sort((a, b) => b.confidence - a.confidence || headers.indexOf(a.header) - headers.indexOf(b.header));
  const usedHeaders = new Set<string>();
  const mapping: SisMapping = {};
  const matches: MappingMatch[] = [];
  for (const m of all) {
    if (usedHeaders.has(m.header) || mapping[m.field] !== undefined) continue;
    mapping[m.field] = m.header;
    usedHeaders.add(m.header);
    matches.push(m);
  }
  // A full-name column is only needed when there are no separate name columns.
  if (mapping.fullName && mapping.firstName && mapping.lastName) {
    usedHeaders.delete(mapping.fullName);
    const i = matches.findIndex((m) => m.field === 'fullName');
    matches.splice(i, 1);
    delete mapping.fullName;
  }
  matches.sort((a, b) => headers.indexOf(a.header) - headers.indexOf(b.header));
  const missing: ('id' | 'name')[] = [];
  if (!mapping.localId && !mapping.stateId) missing.push('id');
  if (!mapping.fullName && !(mapping.firstName && mapping.lastName)) missing.push('name');
  return { mapping, matches, unmappedHeaders: headers.filter((h) => !usedHeaders.has(h) && h.trim() !== ''), missing };
}

/**
 * A stable fingerprint of a file layout: normalized header names, order-insensitive, so
 * next term's export with the columns shuffled or re-cased is recognised and its saved
 * mapping offered again.
 */
export function headerSignature(headers: readonly string[]): string {
  const keys = [...new Set(headers.map(headerNorm).filter((k) => k !== ''))].sort();
  return `sis1:${createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 32)}`;
}

/** Every field a program column can map to, for the mapping screen's menu. */
export const PROGRAM_FIELDS: SisField[] = PROGRAM_CODES.map((c) => `program:${c}` as const);
