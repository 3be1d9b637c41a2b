/**
 * One-key controls for the family screen. Function keys work even while the counselor is
 * typing in a note (letters would type). F5 is the "start slide show" key counselors know.
 */
export const PRESENTER_KEY = 'F5';
export const HIDE_KEY = 'F6';

export function isKey(e: KeyboardEvent, key: string): boolean {
  return e.key === key && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
}
