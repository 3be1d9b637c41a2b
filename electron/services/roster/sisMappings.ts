import { isSisField, type SisMapping } from '../../../shared/domain/roster/sisFields';
import type { RawDatabase } from '../../vault/database';

/**
 * Column mappings remembered per header signature (order- and case-insensitive header names),
 * so next term's export from the same SIS report maps itself. Headers are column names, not
 * student data; they are kept inside the vault all the same.
 */
export function loadSisMapping(db: RawDatabase, signature: string): SisMapping | null {
  const row = db.prepare('SELECT mapping FROM sis_column_mappings WHERE signature = ?').get(signature) as { mapping: string } | undefined;
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.mapping) as Record<string, unknown>;
    const out: SisMapping = {};
    for (const [field, header] of Object.entries(parsed)) if (isSisField(field) && typeof header === 'string') out[field] = header;
    return out;
  } catch {
    return null;
  }
}

function canonical(m: SisMapping): string {
  return JSON.stringify(Object.fromEntries(Object.entries(m).filter(([, h]) => h).sort(([a], [b]) => a.localeCompare(b))));
}

/** Saves the mapping unless the same one is already stored (a repeat import writes nothing). */
export function saveSisMapping(db: RawDatabase, signature: string, mapping: SisMapping, now: Date): void {
  const json = canonical(mapping);
  const existing = db.prepare('SELECT mapping FROM sis_column_mappings WHERE signature = ?').get(signature) as { mapping: string } | undefined;
  if (existing?.mapping === json) return;
  const ts = now.toISOString();
  db.prepare(
    `INSERT INTO sis_column_mappings (signature, mapping, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(signature, json, ts, ts);
}
