import type { CsvTable } from '../../text/csv';
import { Columns } from '../common/table';

/**
 * manifest.csv (propertyName,value): which OneRoster version and which files are present.
 * Keys are compared case-insensitively because exporters differ ("oneroster.version",
 * "OneRoster.Version").
 */
export interface OneRosterManifest {
  /** "1.1" or "1.2" when the manifest says so; the raw value otherwise. */
  version: string | null;
  /** file.<name> → bulk | delta | absent, keyed by lower-case table name ("users"). */
  files: Map<string, string>;
  properties: Map<string, string>;
}

export function readManifest(table: CsvTable): OneRosterManifest {
  const cols = new Columns(table);
  const nameCol = cols.find('propertyName', 'property', 'name');
  const valueCol = cols.find('value');
  const properties = new Map<string, string>();
  for (const row of table.rows) {
    const key = cols.value(row, nameCol >= 0 ? nameCol : 0).toLowerCase();
    if (key === '') continue;
    properties.set(key, cols.value(row, valueCol >= 0 ? valueCol : 1));
  }
  const files = new Map<string, string>();
  for (const [key, value] of properties) if (key.startsWith('file.')) files.set(key.slice(5), value.toLowerCase());
  return { version: properties.get('oneroster.version') ?? null, files, properties };
}

/** "1.1", "1.1.1", "v1.1" → "1.1"; "1.2", "1.2.1" → "1.2"; anything else → null. */
export function majorMinor(version: string | null): '1.1' | '1.2' | null {
  const m = /^v?\s*1\.(1|2)(\.\d+)?$/i.exec((version ?? '').trim());
  return m ? (`1.${m[1]}` as '1.1' | '1.2') : null;
}
