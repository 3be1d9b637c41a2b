import type { RosterFormat } from '../../../shared/domain/roster/types';
import { baseName, type RosterFileSet } from './common/files';
import { sniffRoot } from './edfi/edfi';

/**
 * Roster importers: OneRoster CSV bundles, Ed-Fi XML interchanges and SIS CSV exports.
 * Each returns a RosterParseResult (normalized students and campuses plus problems);
 * comparing against the vault and committing is the import service's job.
 */
export { readRosterFolder, unzipRosterFiles, type RosterFile, type RosterFileSet } from './common/files';
export { parseOneRoster, parseOneRosterFolder, parseOneRosterZip, type OneRosterOptions } from './oneroster/oneroster';
export { parseEdFi, parseEdFiFiles, parseEdFiFolder, parseEdFiZip, type EdFiOptions } from './edfi/edfi';
export { parseSisCsv, parseSisCsvBytes, readSisTable, type SisParseOptions, type SisTableRead } from './sis/sis';
export { headerSignature, suggestMapping, type MappingMatch, type MappingSuggestion } from './sis/mapping';
export { SIS_FIELDS, isSisField, type SisField, type SisMapping } from './sis/fields';

/**
 * Which importer a chosen folder or zip is for: a users.csv means OneRoster, an Ed-Fi
 * interchange root means Ed-Fi, a single other CSV/TXT is a SIS export. Null when unclear,
 * so the counselor is asked rather than the file misread.
 */
export function detectRosterFormat(set: RosterFileSet): RosterFormat | null {
  const names = set.files.map((f) => baseName(f.name).toLowerCase());
  if (names.includes('users.csv')) return 'oneroster';
  if (set.files.some((f) => /\.xml$/i.test(f.name) && sniffRoot(f.bytes) !== null)) return 'edfi';
  const tables = names.filter((n) => /\.(csv|txt|tsv)$/.test(n));
  return tables.length === 1 && set.files.length === 1 ? 'sis-csv' : null;
}
