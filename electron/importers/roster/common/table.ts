import { headerKey, parseCsvBytes, type CsvProblem, type CsvRow, type CsvTable, type ParseCsvOptions } from '../../text/csv';
import type { RawCell } from '../../../../shared/domain/roster/normalizeStudent';
import type { RosterProblem, RosterSeverity } from '../../../../shared/domain/roster/types';

/** CSV structure problems in roster terms. A row that could not be split is an error: it is not imported. */
export function fromCsvProblems(problems: CsvProblem[], severityFor: (p: CsvProblem) => RosterSeverity = defaultSeverity): RosterProblem[] {
  return problems.map((p) => {
    const out: RosterProblem = { fileName: p.fileName, row: p.row, column: p.column, severity: severityFor(p), code: `csv-${p.code}`, message: p.message };
    if (p.line != null) out.line = p.line;
    if (p.params) out.params = p.params;
    // A tab is named in words, not shown between quotes.
    if (p.code === 'too-many-fields' && p.params?.delimiter === 'tab') out.template = 'csv-too-many-fields~tab';
    return out;
  });
}

function defaultSeverity(p: CsvProblem): RosterSeverity {
  // An unnamed column's values are not read; everything else loses or misplaces data.
  return p.code === 'empty-header' ? 'warning' : 'error';
}

export interface ReadTable {
  table: CsvTable | null;
  problems: RosterProblem[];
}

export function readCsvTable(bytes: Uint8Array, fileName: string, options: ParseCsvOptions = {}): ReadTable {
  const { table, problems } = parseCsvBytes(bytes, fileName, options);
  return { table, problems: fromCsvProblems(problems) };
}

/**
 * Column access by name, tolerant of case, spaces and underscores ("sourcedId",
 * "SourcedID", "sourced_id"), with aliases for the variants real exports use.
 */
export class Columns {
  private readonly index = new Map<string, number>();

  constructor(readonly table: CsvTable) {
    table.headers.forEach((h, i) => {
      const key = headerKey(h);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  /** Index of the first of `names` present, or -1. */
  find(...names: string[]): number {
    for (const n of names) {
      const i = this.index.get(headerKey(n));
      if (i !== undefined) return i;
    }
    return -1;
  }

  has(...names: string[]): boolean {
    return this.find(...names) >= 0;
  }

  header(i: number): string {
    return this.table.headers[i];
  }

  /** The cell at column `i` (undefined when the column is absent). */
  cell(row: CsvRow, i: number): RawCell | undefined {
    return i < 0 ? undefined : { value: row.values[i] ?? '', column: this.table.headers[i] };
  }

  value(row: CsvRow, i: number): string {
    return i < 0 ? '' : (row.values[i] ?? '').trim();
  }
}
