import { say, type Said } from './say';

/**
 * Student and school IDs are text: leading zeros and letters are kept ("000123",
 * "713752E1"). Invisible characters and Excel's `="000123"` text wrapper are removed;
 * values that Excel already turned into numbers are refused, because the real ID is lost.
 */

export const ID_MAX_LENGTH = 40;
/** Same rule as the student form (shared/ipc/contract/students.ts), so imported IDs stay editable. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface IdIssue extends Said {
  code: 'id-scientific-notation' | 'id-decimal' | 'id-invalid-characters' | 'id-too-long';
}

export interface CleanIdResult {
  value: string | null;
  issue: IdIssue | null;
}

/** Most IDs are already clean ("000123", "S900101"): one test instead of the whole clean-up. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const DECIMAL = /^\d+\.0+$/;

export function cleanId(raw: string | null | undefined): CleanIdResult {
  if (raw == null) return { value: null, issue: null };
  if (PLAIN_ID.test(raw) && !DECIMAL.test(raw)) return { value: raw, issue: null };
  let s = raw.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/[\u00A0\u2007\u202F]/g, ' ').trim();
  // Excel "keep as text" formula: ="000123"
  const wrapped = /^="(.*)"$/.exec(s);
  if (wrapped) s = wrapped[1].trim();
  if (s === '') return { value: null, issue: null };
  if (/^\d+(\.\d+)?[eE]\+\d+$/.test(s)) {
    return {
      value: null,
      issue: { code: 'id-scientific-notation', ...say('id-scientific-notation', { id: s }) },
    };
  }
  if (/^\d+\.0+$/.test(s)) {
    return {
      value: null,
      issue: { code: 'id-decimal', ...say('id-decimal', { id: s }) },
    };
  }
  if (s.length > ID_MAX_LENGTH) return { value: null, issue: { code: 'id-too-long', ...say('id-too-long', { start: s.slice(0, 50), max: ID_MAX_LENGTH }) } };
  if (!ID_PATTERN.test(s)) {
    return {
      value: null,
      issue: { code: 'id-invalid-characters', ...say('id-invalid-characters', { id: s }) },
    };
  }
  return { value: s, issue: null };
}
