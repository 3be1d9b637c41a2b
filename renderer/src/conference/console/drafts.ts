import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { subscribe } from '../../api/client';

/**
 * What the counselor is typing in the conference console and has not saved yet (a private
 * note, a parent note, an agenda item, an action item, a decision, an attendee…), kept in
 * renderer memory per conference. Presenter mode unmounts the console — private text must not
 * sit in the DOM, hidden by CSS, behind the family view — so without this a draft would be
 * lost on F5.
 *
 * Memory only: never localStorage, sessionStorage or preferences. Dropped when the vault locks
 * (like the query cache), when the conference ends (except fields still editable afterwards),
 * and when the counselor leaves a conference that is over.
 */
interface Entry {
  value: unknown;
  /** Still editable once the meeting has ended (private notes, the acknowledgement). */
  afterEnd: boolean;
}

const drafts = new Map<number, Map<string, Entry>>();
let watchingLock = false;

function watchLock(): void {
  if (watchingLock) return;
  watchingLock = true;
  subscribe('vault.locked', () => drafts.clear());
}

function same(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

export function readDraft<T>(conferenceId: number, key: string, initial: T): T {
  const entry = drafts.get(conferenceId)?.get(key);
  return entry ? (entry.value as T) : initial;
}

export function writeDraft<T>(conferenceId: number, key: string, value: T, initial: T, afterEnd = false): void {
  let forConference = drafts.get(conferenceId);
  if (same(value, initial)) {
    forConference?.delete(key);
    if (forConference?.size === 0) drafts.delete(conferenceId);
    return;
  }
  watchLock();
  if (!forConference) drafts.set(conferenceId, (forConference = new Map()));
  forConference.set(key, { value, afterEnd });
}

/** The meeting ended: drafts of fields that no longer exist go; the ones still on screen stay. */
export function endDrafts(conferenceId: number): void {
  const forConference = drafts.get(conferenceId);
  if (!forConference) return;
  for (const [key, entry] of forConference) if (!entry.afterEnd) forConference.delete(key);
  if (forConference.size === 0) drafts.delete(conferenceId);
}

export function clearDrafts(conferenceId: number): void {
  drafts.delete(conferenceId);
}

/** Keys with a draft (for tests and the end-of-meeting check); never the text itself. */
export function draftKeys(conferenceId: number): string[] {
  return [...(drafts.get(conferenceId)?.keys() ?? [])];
}

/**
 * useState that outlives the component: the value is kept under (conference, key) until it is
 * set back to `initial` (saved or cancelled) or the store is cleared.
 */
export function useDraft<T>(conferenceId: number, key: string, initial: T, options: { afterEnd?: boolean } = {}): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => readDraft(conferenceId, key, initial));
  const current = useRef(value);
  const first = useRef(initial);
  const afterEnd = options.afterEnd ?? false;
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (action) => {
      // From the latest value, not the render's: two quick changes in one event both count.
      const next = typeof action === 'function' ? (action as (p: T) => T)(current.current) : action;
      current.current = next;
      writeDraft(conferenceId, key, next, first.current, afterEnd);
      setValue(next);
    },
    [conferenceId, key, afterEnd],
  );
  return [value, set];
}
