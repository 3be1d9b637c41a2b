/**
 * Course codes are text: "0700" keeps its zero, "03220100" (a Texas state course number)
 * keeps all eight digits. Excel's ="0700" wrapper and invisible characters are removed;
 * codes a spreadsheet already turned into numbers (7.0E+3, 700.0) are refused with the
 * reason, because the original code is lost.
 */
export const COURSE_CODE_MAX = 20;
export const COURSE_CODE_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 ._/&+-]*[A-Za-z0-9._+-])?$/;

export interface CourseCodeIssue {
  code: 'code-scientific-notation' | 'code-decimal' | 'code-invalid-characters' | 'code-too-long';
  message: string;
}

export function cleanCourseCode(raw: string | null | undefined): { value: string | null; issue: CourseCodeIssue | null } {
  if (raw == null) return { value: null, issue: null };
  let s = raw.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/[\u00A0\u2007\u202F]/g, ' ').trim();
  const wrapped = /^="(.*)"$/.exec(s);
  if (wrapped) s = wrapped[1].trim();
  s = s.replace(/\s+/g, ' ');
  if (s === '') return { value: null, issue: null };
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(s)) {
    return { value: null, issue: { code: 'code-scientific-notation', message: `"${s}" is a course code that a spreadsheet turned into scientific notation; the original code is lost. Export the code column as text.` } };
  }
  if (/^\d+\.\d+$/.test(s)) {
    return { value: null, issue: { code: 'code-decimal', message: `"${s}" looks like a course code converted to a decimal number (leading zeros may be lost too). Export the code column as text.` } };
  }
  if (s.length > COURSE_CODE_MAX) return { value: null, issue: { code: 'code-too-long', message: `The course code "${s.slice(0, 30)}…" is longer than ${COURSE_CODE_MAX} characters.` } };
  if (!COURSE_CODE_PATTERN.test(s)) {
    return { value: null, issue: { code: 'code-invalid-characters', message: `"${s}" is not a usable course code: use letters, digits, spaces, and . _ / & + -` } };
  }
  return { value: s, issue: null };
}

/** A code that differs from a known one only by leading zeros ("700" for "0700"): a likely spreadsheet loss. */
export function leadingZeroTwin(code: string, known: Iterable<string>): string | null {
  if (!/^\d+$/.test(code)) return null;
  for (const k of known) if (k !== code && /^0+\d+$/.test(k) && k.replace(/^0+/, '') === code.replace(/^0+/, '')) return k;
  return null;
}
