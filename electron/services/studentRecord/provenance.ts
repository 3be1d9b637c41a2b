import type { RawDatabase } from '../../vault/database';
import type { FieldValue, StoredField } from '../../../shared/domain/roster/merge';

/**
 * Per-field provenance. A row in student_field_overrides / guardian_field_overrides means the
 * counselor set the field's current value; `file_value` keeps what a roster file said last
 * (JSON, null = never from a file). No row means the value came from a file, or is blank.
 */

export type OverrideTable = 'student_field_overrides' | 'guardian_field_overrides';
const OWNER: Record<OverrideTable, string> = { student_field_overrides: 'student_id', guardian_field_overrides: 'guardian_id' };

export function encodeFileValue(value: FieldValue | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

export function decodeFileValue(text: string | null): FieldValue | null {
  if (text === null) return null;
  const v = JSON.parse(text) as unknown;
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

/** Overrides of one record: field → what the file said last. */
export function readOverrides(db: RawDatabase, table: OverrideTable, ownerId: number): Map<string, FieldValue | null> {
  const rows = db.prepare(`SELECT field, file_value FROM ${table} WHERE ${OWNER[table]} = ?`).all(ownerId) as { field: string; file_value: string | null }[];
  return new Map(rows.map((r) => [r.field, decodeFileValue(r.file_value)]));
}

/** Overrides of every record in a table, for an import preview (one query). */
export function readAllOverrides(db: RawDatabase, table: OverrideTable): Map<number, Map<string, FieldValue | null>> {
  const out = new Map<number, Map<string, FieldValue | null>>();
  const rows = db.prepare(`SELECT ${OWNER[table]} AS owner, field, file_value FROM ${table}`).all() as { owner: number; field: string; file_value: string | null }[];
  for (const r of rows) {
    let m = out.get(r.owner);
    if (!m) out.set(r.owner, (m = new Map()));
    m.set(r.field, decodeFileValue(r.file_value));
  }
  return out;
}

export function storedField<V extends FieldValue>(value: V | null, overrides: Map<string, FieldValue | null> | undefined, field: string): StoredField<V> {
  return { value, override: overrides?.has(field) ? { fileValue: overrides.get(field) as V | null } : null };
}

/**
 * The counselor changed `field`. The first time, what was stored before came from a file (no
 * override yet), so it is remembered as the file's value; later edits keep that memory.
 */
export function markCounselorSet(db: RawDatabase, table: OverrideTable, ownerId: number, field: string, previous: FieldValue | null, at: Date): void {
  db.prepare(
    `INSERT INTO ${table} (${OWNER[table]}, field, file_value, entered_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (${OWNER[table]}, field) DO UPDATE SET entered_at = excluded.entered_at`,
  ).run(ownerId, field, encodeFileValue(previous), at.toISOString());
}

/** A record the counselor typed from scratch: every value it has is theirs, none from a file. */
export function markCreatedByCounselor(db: RawDatabase, table: OverrideTable, ownerId: number, fields: string[], at: Date): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (${OWNER[table]}, field, file_value, entered_at) VALUES (?, ?, NULL, ?)`);
  for (const f of fields) insert.run(ownerId, f, at.toISOString());
}
