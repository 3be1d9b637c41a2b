/**
 * CSV for other programs (the SIS, Excel). A cell a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so a
 * name like "=HYPERLINK(…)" or "@SUM(…)" stays text — but a negative number such as "-0.5"
 * is left alone, because prefixing it would break the number.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

export function neutralizeCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value)) return `'${value}`;
  return value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows to CSV text: CRLF line ends, RFC 4180 quoting, every cell neutralized. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map((c) => quote(neutralizeCell(c))).join(',')).join('\r\n') + '\r\n';
}

/** UTF-8 with a byte-order mark, so Excel on Windows reads accents (Peña) correctly. */
export function csvBytes(rows: readonly (readonly CsvValue[])[]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(rows), 'utf8')]);
}
