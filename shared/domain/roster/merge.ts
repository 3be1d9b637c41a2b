/**
 * How one field of an existing record meets the value a roster file gives for it. The rules
 * (table-tested in merge.test.ts):
 * - a field the file does not carry, or a blank cell, never changes or erases a stored value;
 * - the same value is unchanged (nothing is written);
 * - a value the file gave before may be replaced by the file's new value;
 * - a value the counselor set is never replaced silently: when the file still says what it said
 *   when the counselor changed it, the counselor's value stands ("kept"); when the file now says
 *   something new, it is a conflict the counselor decides.
 */

export type FieldValue = string | number;

export type FieldDecision =
  /** The file has no such column or element. */
  | 'absent'
  /** The file's cell is blank: the stored value stays. */
  | 'blank'
  | 'same'
  /** The counselor's value stays: the file has not changed since the counselor set it. */
  | 'kept'
  /** The stored value was blank and not cleared by the counselor: the file's value fills it. */
  | 'fill'
  /** The stored value came from a file; the file's new value replaces it. */
  | 'update'
  /** The counselor set this value and the file now says something else: ask. */
  | 'conflict';

export interface StoredField<V extends FieldValue = FieldValue> {
  value: V | null;
  /** Present when the counselor set the field; `fileValue` is what a roster file said last (null = never). */
  override: { fileValue: V | null } | null;
}

/** Text compares in composed form (a decomposed "José" typed on a Mac is the same name). */
export function sameValue(a: FieldValue | null, b: FieldValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a === b || a.normalize('NFC') === b.normalize('NFC');
  return a === b;
}

/** `file`: undefined when the file does not carry the field, null when its cell is blank. */
export function decideField<V extends FieldValue>(stored: StoredField<V>, file: V | null | undefined): FieldDecision {
  if (file === undefined) return 'absent';
  if (file === null) return 'blank';
  if (sameValue(stored.value, file)) return 'same';
  if (stored.override) {
    if (stored.override.fileValue !== null && sameValue(stored.override.fileValue, file)) return 'kept';
    return 'conflict';
  }
  return stored.value === null ? 'fill' : 'update';
}

/** Decisions that write the file's value. */
export function writesFileValue(d: FieldDecision): boolean {
  return d === 'fill' || d === 'update';
}
