import type { Said } from './say';
import type { RosterProblem, RosterSeverity } from './types';

/** Where a value sits in its file, for problem messages. */
export interface CellRef {
  fileName: string;
  row: number | null;
  line?: number | null;
  column: string | null;
}

/** `text`: what `say()` built (translatable), or plain English for a message without a template. */
export function problem(at: CellRef, severity: RosterSeverity, code: string, text: string | Said): RosterProblem {
  const said = typeof text === 'string' ? { message: text } : text;
  const p: RosterProblem = { fileName: at.fileName, row: at.row, column: at.column, severity, code, message: said.message };
  if (at.line != null) p.line = at.line;
  if (said.params) p.params = said.params;
  if (said.template && said.template !== code) p.template = said.template;
  return p;
}

/** Errors block the whole import (all-or-nothing); warnings are only shown in the preview. */
export function hasBlockingProblems(problems: readonly RosterProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Number of distinct rows with at least one error, for the preview's "rejected" count. */
export function rejectedRowCount(problems: readonly RosterProblem[]): number {
  const rows = new Set<string>();
  for (const p of problems) if (p.severity === 'error' && p.row !== null) rows.add(`${p.fileName}\u0000${p.row}`);
  return rows.size;
}

/** File order, then row order (file-level first), then errors before warnings. */
export function sortProblems(problems: readonly RosterProblem[]): RosterProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.fileName.localeCompare(b.fileName) ||
      (a.row ?? -1) - (b.row ?? -1) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Where text appears in a message: quoted, control characters made visible, long values cut. */
export function quote(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be made visible
  const shown = value.replace(/[\u0000-\u001f]/g, (c) => (c === '\n' ? '⏎' : '·'));
  return `"${shown.length > max ? `${shown.slice(0, max)}…` : shown}"`;
}
