import { parseCsvBytes, type CsvRow, type CsvTable } from '../text/csv';
import { Columns } from '../roster/common/table';
import { cleanValue, textIssues } from '../../../shared/domain/roster/cellText';
import type { CourseImportProblem } from '../../../shared/ipc/contract/courses';

/**
 * What the course, catalog and transcript readers share: CSV reading with problems in the
 * import-preview shape, column lookup by any of several header spellings, and cell readers
 * that say what they expected when a value cannot be read.
 */
export type Problem = CourseImportProblem;

export interface Where {
  fileName: string;
  row: number | null;
  line?: number | null;
  column: string | null;
}

export function problemAt(at: Where, severity: Problem['severity'], code: string, message: string, params: Record<string, string | number> = {}): Problem {
  const p: Problem = { fileName: at.fileName, row: at.row, column: at.column, severity, code, message, params };
  if (at.line != null) p.line = at.line;
  return p;
}

export function readCsv(bytes: Uint8Array, fileName: string): { table: CsvTable | null; problems: Problem[] } {
  const { table, problems } = parseCsvBytes(bytes, fileName);
  return {
    table,
    problems: problems.map((p) =>
      problemAt({ fileName: p.fileName, row: p.row, line: p.line, column: p.column }, p.code === 'empty-header' ? 'warning' : 'error', `csv-${p.code}`, p.message),
    ),
  };
}

/** Cells that mean "nothing recorded": read as blank, never as 0 or "no". */
const PLACEHOLDERS = new Set(['-', '--', '---', 'n/a', 'na', 'none', 'null', '(blank)', '#n/a', 'ninguno']);

/** A cleaned cell (entities restored, NFC), or null when blank or a placeholder. */
export function cell(cols: Columns, row: CsvRow, index: number): string | null {
  if (index < 0) return null;
  const v = cleanValue(row.values[index] ?? '');
  if (v === null || PLACEHOLDERS.has(v.toLowerCase())) return null;
  return v;
}

/** Encoding damage in any cell of the row ("Espa�ol", "PeÃ±a"): an error, the row is not read. */
export function encodingProblems(table: CsvTable, row: CsvRow): Problem[] {
  const out: Problem[] = [];
  row.values.forEach((raw, i) => {
    for (const issue of textIssues(raw)) {
      if (issue.severity !== 'error') continue;
      out.push(problemAt({ fileName: table.fileName, row: row.row, line: row.line, column: table.headers[i] ?? null }, 'error', issue.code, issue.message));
    }
  });
  return out;
}

/** "1", "0.5", ".5", "1,0" (a comma decimal from Spanish Excel); null when not a number. */
export function readNumber(raw: string): number | null {
  const s = raw.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/** Split a list cell on ; , | /: "AP; CTE", "STEM, B&I" ("Arts and Humanities" stays one item). */
export function splitList(raw: string): string[] {
  return raw
    .split(/\s*[;,|/]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export { Columns };
