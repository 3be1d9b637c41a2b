import type { ImportProblem } from '../../../../shared/ipc/contract/imports';
import type { IsoDate } from '../../../../shared/domain/dates';
import { detectDateOrder, type DateOrder } from '../../../../shared/domain/roster/dates';
import { cleanId } from '../../../../shared/domain/roster/ids';
import { quote } from '../../../../shared/domain/roster/problems';
import { headerKey, type CsvProblem, type CsvRow, type CsvRowReader } from '../../text/csv';
import { scaleFor } from '../../../../shared/domain/scores/reference';
import type { ParsedScoreRow, TestFamily } from '../../../../shared/domain/scores/types';
import type { ScoreRowSink } from '../types';
import { jsonString } from '../../text/json';
import { readFlag, readNumber, readTestDate, readText, type NumberSpec, type VendorDateFormat } from './values';

/**
 * A score CSV as the vendor readers see it: its rows streamed from the shared CSV reader one
 * at a time, with the CSV problems and row count of the first full pass kept for the summary.
 */
export class ScoreTable {
  private pass: { problems: CsvProblem[]; rows: number } | null = null;

  constructor(readonly source: CsvRowReader) {}

  get fileName(): string {
    return this.source.fileName;
  }

  get headers(): string[] {
    return this.source.headers;
  }

  /** Every row in file order; `onRow` returning `false` stops the pass. */
  eachRow(onRow: (row: CsvRow) => void | boolean): void {
    let rows = 0;
    let stopped = false;
    const problems = this.source.eachRow((row) => {
      rows++;
      if (onRow(row) === false) {
        stopped = true;
        return false;
      }
    });
    if (!stopped) this.pass ??= { problems, rows };
  }

  private fullPass(): { problems: CsvProblem[]; rows: number } {
    if (!this.pass) this.eachRow(() => {});
    return this.pass!;
  }

  /** Rows that fit the header (the old table's `rows.length`). */
  get rowCount(): number {
    return this.fullPass().rows;
  }

  /** Field-count and quoting problems of the rows. */
  get rowProblems(): CsvProblem[] {
    return this.fullPass().problems;
  }

  columnValues(columns: readonly number[]): string[][] {
    return this.source.columnValues(columns);
  }
}

/** Where a reader puts its results: handed on one at a time, counted, families noted in order. */
export class ScoreRows {
  length = 0;
  readonly families = new Set<TestFamily>();

  constructor(private readonly sink: ScoreRowSink) {}

  push(row: ParsedScoreRow): void {
    this.length++;
    this.families.add(row.result.family);
    this.sink(row);
  }
}

/**
 * Column access for one vendor CSV: remembers which columns were read (the rest are listed
 * as "not used" in the preview), and turns every unreadable cell into a problem that names
 * the file, row, line and column.
 */
const PLAIN_INT = /^\d{1,9}$/;

export class TableReader {
  readonly problems: ImportProblem[] = [];
  private readonly index = new Map<string, number>();
  private readonly used = new Set<number>();
  private readonly dateOrders = new Map<number, DateOrder>();

  constructor(
    readonly table: ScoreTable,
    readonly today: IsoDate,
  ) {
    table.headers.forEach((h, i) => {
      const k = headerKey(h);
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }

  get fileName(): string {
    return this.table.fileName;
  }

  /** Index of the first named column present (marked as used), or -1. */
  col(...names: string[]): number {
    for (const n of names) {
      const i = this.index.get(headerKey(n));
      if (i !== undefined) {
        this.used.add(i);
        return i;
      }
    }
    return -1;
  }

  has(...names: string[]): boolean {
    return names.some((n) => this.index.has(headerKey(n)));
  }

  header(i: number): string {
    return this.table.headers[i];
  }

  cell(row: CsvRow, i: number): string {
    return i < 0 ? '' : (row.values[i] ?? '');
  }

  problem(row: CsvRow | null, column: number | string | null, severity: ImportProblem['severity'], code: string, message: string): void {
    const p: ImportProblem = {
      fileName: this.fileName,
      row: row?.row ?? null,
      column: typeof column === 'number' ? (column >= 0 ? this.header(column) : null) : column,
      severity,
      code,
      message,
    };
    if (row?.line != null) p.line = row.line;
    this.problems.push(p);
  }

  text(row: CsvRow, i: number): string | null {
    return i < 0 ? null : readText(this.cell(row, i));
  }

  /** A score; `range` names the sourced scale it must lie on (hard error outside it). */
  /** Resolved bounds per column, reused while the column is read with the same spec (the usual case). */
  private readonly boundsByColumn = new Map<number, { spec: NumberSpec & { range?: [TestFamily, string] }; scale: ReturnType<typeof scaleFor>; bounds: NumberSpec }>();

  number(row: CsvRow, i: number, spec: NumberSpec & { range?: [TestFamily, string]; what?: string } = {}): number | null {
    if (i < 0) return null;
    const raw = this.cell(row, i);
    let resolved = this.boundsByColumn.get(i);
    const same =
      resolved &&
      resolved.spec.min === spec.min &&
      resolved.spec.max === spec.max &&
      resolved.spec.integer === spec.integer &&
      resolved.spec.range?.[0] === spec.range?.[0] &&
      resolved.spec.range?.[1] === spec.range?.[1];
    if (!resolved || !same) {
      const sc = spec.range ? scaleFor(spec.range[0], spec.range[1]) : undefined;
      const hard = sc && !sc.uncertain;
      resolved = { spec, scale: sc, bounds: { integer: spec.integer, min: spec.min ?? (hard ? sc.min : undefined), max: spec.max ?? (hard ? sc.max : undefined) } };
      this.boundsByColumn.set(i, resolved);
    }
    const { scale, bounds } = resolved;
    // Most score cells are plain whole numbers within bounds: read without a result object
    // (readNumber's own fast path, then the same checks as below).
    if (PLAIN_INT.test(raw)) {
      const n = Number(raw);
      if (!((bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max))) {
        if (scale?.uncertain && (n < scale.min || n > scale.max)) {
          this.problem(row, i, 'warning', 'score-unusual', `${quote(raw.trim())} is outside the usual range ${scale.min}–${scale.max}; it was kept as written.`);
        }
        return n;
      }
    }
    const r = readNumber(raw, bounds);
    if (r.ok) {
      if (r.value !== null && scale?.uncertain && (r.value < scale.min || r.value > scale.max)) {
        this.problem(row, i, 'warning', 'score-unusual', `${quote(raw.trim())} is outside the usual range ${scale.min}–${scale.max}; it was kept as written.`);
      }
      return r.value;
    }
    const what = spec.what ?? this.header(i);
    if (r.reason === 'not-a-number') {
      this.problem(row, i, 'error', 'score-not-a-number', `${what}: ${quote(raw.trim())} is not a score. Expected a number, or a blank or "-" for no score.`);
    } else if (r.reason === 'not-whole') {
      this.problem(row, i, 'error', 'score-not-whole', `${what}: ${quote(raw.trim())} should be a whole number.`);
    } else {
      const lo = bounds.min ?? '';
      const hi = bounds.max ?? '';
      const src = scale ? ` (${scale.source})` : '';
      this.problem(row, i, 'error', 'score-out-of-range', `${what}: ${quote(raw.trim())} is outside the range ${lo}–${hi}${src}. The columns may be shifted, or this is a different test.`);
    }
    return null;
  }

  flag(row: CsvRow, i: number): boolean | null {
    if (i < 0) return null;
    const f = readFlag(this.cell(row, i));
    if (f === 'unreadable') {
      this.problem(row, i, 'warning', 'flag-unreadable', `${quote(this.cell(row, i))} is not Y or N; read as not reported.`);
      return null;
    }
    return f;
  }

  /** Date order for a column of slashed dates, decided from all its values (day-first only when the column proves it). */
  private orderOf(i: number): DateOrder {
    let o = this.dateOrders.get(i);
    if (!o) {
      const found = detectDateOrder(this.table.columnValues([i])[0]);
      o = found.order;
      this.dateOrders.set(i, o);
      if (found.evidence === 'mixed') {
        this.problem(null, i, 'error', 'date-order-mixed', `The column "${this.header(i)}" mixes month-first and day-first dates (some values only work one way, some only the other), so no date in it can be trusted.`);
      }
    }
    return o;
  }

  /** Test dates repeat thousands of times in a file (one administration): read each distinct text once, per column and format. */
  private readonly dateMemo = new Map<string, Map<string, ReturnType<typeof readTestDate>>>();
  private dateMemoSize = 0;

  date(row: CsvRow, i: number, format: VendorDateFormat = 'auto'): { date: IsoDate | null; precision: 'day' | 'month' } {
    if (i < 0) return { date: null, precision: 'day' };
    const cell = this.cell(row, i);
    const columnKey = `${i}\u0000${format}`;
    let memo = this.dateMemo.get(columnKey);
    if (!memo) this.dateMemo.set(columnKey, (memo = new Map()));
    let r = memo.get(cell);
    if (!r) {
      r = readTestDate(cell, { today: this.today, format, order: format === 'auto' ? this.orderOf(i) : undefined });
      if (this.dateMemoSize < 5000) {
        memo.set(cell, r);
        this.dateMemoSize++;
      }
    }
    if (r.problem) this.problem(row, i, 'error', r.problem.code, `${this.header(i)}: ${r.problem.message}`);
    return { date: r.date, precision: r.precision };
  }

  id(row: CsvRow, i: number): string | null {
    if (i < 0) return null;
    const r = cleanId(this.cell(row, i));
    if (r.issue) this.problem(row, i, 'error', r.issue.code, r.issue.message);
    return r.value;
  }

  private headerJson: string[] | null = null;

  /** Non-empty cells of the row as JSON, by header; `redact` columns are left out (sensitive, not needed). */
  raw(row: CsvRow, redact: number[] = []): string {
    this.headerJson ??= this.table.headers.map((h) => `${JSON.stringify(h)}:`);
    // Parts joined once into one flat string: built with `+=`, each row's JSON stayed a tree
    // of dozens of string pieces until the commit, and 200,000 of them swamped the collector.
    const parts: string[] = [];
    for (let i = 0; i < this.headerJson.length; i++) {
      if (redact.length && redact.includes(i)) continue;
      const v = row.values[i];
      if (v === undefined) continue;
      const t = v.trim();
      if (t === '') continue;
      parts.push(this.headerJson[i] + jsonString(t));
    }
    return `{${parts.join(',')}}`;
  }

  /** Columns never read by the parser, for the preview's "not used" list. */
  ignoredColumns(): string[] {
    return this.table.headers.filter((_h, i) => !this.used.has(i));
  }
}
