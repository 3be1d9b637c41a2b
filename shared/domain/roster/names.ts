import { cleanValue, textIssues, type TextIssue } from './cellText';
import { say, type Said } from './say';

/**
 * Person names as the district wrote them: compound and two-part surnames ("De la Garza",
 * "García Márquez", "Da Silva"), hyphens, particles and apostrophes ("O'Brien", "D’Angelo")
 * are kept exactly — no re-casing, no splitting on spaces. Only invisible characters,
 * doubled spaces and decomposed accents (NFD → NFC) are cleaned.
 */

export const NAME_MAX_LENGTH = 100;

export interface NameIssue extends Said {
  code: TextIssue['code'] | 'name-too-long' | 'name-no-letters';
  severity: 'error' | 'warning';
}

export interface CleanNameResult {
  value: string | null;
  issues: NameIssue[];
}

/** Cells that mean "no name" rather than a name. */
const PLACEHOLDERS = new Set(['-', '--', '---', '.', '?', 'n/a', 'null', 'none']);
/** "No middle name / initial" markers from SIS software. */
const NO_MIDDLE = new Set(['nmn', 'nmi', 'n.m.n.', 'n.m.i.']);

// Names repeat across a roster (first names, family surnames): each distinct cell is read once.
// Bounded, and results are shared: callers must not mutate them.
const nameCache = new Map<string, CleanNameResult>();

export function cleanName(raw: string | null | undefined, options: { middle?: boolean } = {}): CleanNameResult {
  if (raw == null) return { value: null, issues: [] };
  const key = options.middle ? `m\u0000${raw}` : raw;
  let hit = nameCache.get(key);
  if (hit === undefined) {
    hit = readName(raw, options);
    if (nameCache.size >= 5000) nameCache.clear();
    nameCache.set(key, hit);
  }
  return hit;
}

function readName(raw: string, options: { middle?: boolean }): CleanNameResult {
  const issues: NameIssue[] = textIssues(raw);
  const value = cleanValue(raw);
  if (value === null) return { value: null, issues };
  const lower = value.toLowerCase();
  if (PLACEHOLDERS.has(lower) || (options.middle && NO_MIDDLE.has(lower))) return { value: null, issues };
  if (!/\p{L}/u.test(value)) {
    issues.push({ code: 'name-no-letters', severity: 'error', ...say('name-no-letters', { value: JSON.stringify(value) }) });
    return { value: null, issues };
  }
  if (value.length > NAME_MAX_LENGTH) {
    issues.push({ code: 'name-too-long', severity: 'error', ...say('name-too-long', { length: value.length, max: NAME_MAX_LENGTH }) });
    return { value: null, issues };
  }
  return { value, issues };
}

/**
 * Splits "Last, First Middle" — the only full-name form that says where the surname ends.
 * Everything before the comma is the surname (so "De la Garza Treviño" stays whole) and
 * everything after it the given name(s). "First Last" without a comma returns null: the
 * caller must ask for separate columns rather than guess ("María de los Ángeles Da Silva").
 */
export function splitLastFirst(full: string): { lastName: string; firstName: string } | null {
  const value = cleanValue(full);
  if (value === null) return null;
  const parts = value.split(',');
  if (parts.length !== 2) return null;
  const lastName = parts[0].trim();
  const firstName = parts[1].trim();
  if (lastName === '' || firstName === '') return null;
  return { lastName, firstName };
}

/** "First Last" for lists and messages. */
export function displayName(firstName: string | null, lastName: string | null, fallback = ''): string {
  return [firstName, lastName].filter((s): s is string => !!s).join(' ') || fallback;
}
