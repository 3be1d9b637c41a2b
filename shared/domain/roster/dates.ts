import type { IsoDate } from '../dates';
import { say, type Said } from './say';

/**
 * Reads the dates district exports actually contain — ISO, US M/D/YYYY, day-first when the
 * whole column says so, Excel serial numbers, month names in English or Spanish, trailing
 * times — into YYYY-MM-DD. It never returns an invalid date, never shifts a date through a
 * time zone, and never swaps day and month on its own: it returns a problem instead.
 */

export type DateOrder = 'mdy' | 'dmy';
export type DateKind = 'birth' | 'event';

export type DateProblemCode =
  | 'date-invalid'
  | 'date-ambiguous-order'
  | 'date-not-a-calendar-day'
  | 'date-out-of-range'
  | 'date-future-birth'
  | 'date-unknown-placeholder'
  | 'date-year-only';

export interface DateProblem extends Said {
  code: DateProblemCode;
  severity: 'error' | 'warning';
}

export interface DateResult {
  /** Null for a blank cell, a placeholder such as 1900-01-01, or a value that could not be read. */
  date: IsoDate | null;
  problem: DateProblem | null;
}

export interface NormalizeDateOptions {
  /** Birth dates may not be in the future and two-digit years resolve into the past. */
  kind?: DateKind;
  /** Order for slashed dates like 03/04/2010; US month-first unless the column shows otherwise. */
  order?: DateOrder;
  /** "Today" for future checks and two-digit years (local calendar date). */
  today: IsoDate;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, ene: 1, enero: 1,
  feb: 2, february: 2, febrero: 2,
  mar: 3, march: 3, marzo: 3,
  apr: 4, april: 4, abr: 4, abril: 4,
  may: 5, mayo: 5,
  jun: 6, june: 6, junio: 6,
  jul: 7, july: 7, julio: 7,
  aug: 8, august: 8, ago: 8, agosto: 8,
  sep: 9, sept: 9, september: 9, septiembre: 9, setiembre: 9,
  oct: 10, october: 10, octubre: 10,
  nov: 11, november: 11, noviembre: 11,
  dec: 12, december: 12, dic: 12, diciembre: 12,
};

/** Cells that mean "no date": blank and common placeholders. */
const BLANKS = new Set(['', '-', '--', '---', 'n/a', 'na', 'null', 'none', 'unknown', 'desconocido', '0', '00/00/0000', '0/0/0000', '0000-00-00', '00000000']);

/** Dates SIS software writes when the real date is unknown. */
const UNKNOWN_DATES = new Set(['1900-01-01', '1899-12-30', '1899-12-31']);

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function ok(date: IsoDate): DateResult {
  return { date, problem: null };
}

function fail(code: DateProblemCode, said: Said, severity: 'error' | 'warning' = 'error'): DateResult {
  return { date: null, problem: { code, severity, ...said } };
}

/** Excel's serial day numbers (1900 system, with its phantom 1900-02-29 = serial 60). */
function fromExcelSerial(serial: number): { y: number; m: number; d: number } | null {
  if (serial === 60) return null;
  const base = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const t = new Date(base + serial * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function resolveTwoDigitYear(yy: number, kind: DateKind, today: IsoDate): number {
  const thisYear = Number(today.slice(0, 4));
  const century = Math.floor(thisYear / 100) * 100;
  const candidate = century + yy;
  if (kind === 'birth') return candidate > thisYear ? candidate - 100 : candidate;
  // Event dates (entry, exit, test dates): up to 20 years ahead stays in this century.
  return candidate > thisYear + 20 ? candidate - 100 : candidate;
}

function build(y: number, m: number, d: number, raw: string, opts: NormalizeDateOptions): DateResult {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return fail('date-not-a-calendar-day', say('date-not-a-calendar-day', { raw, year: y, month: m, day: d }));
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return fail('date-out-of-range', say('date-out-of-range', { raw, year: y, min: MIN_YEAR, max: MAX_YEAR }));
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (UNKNOWN_DATES.has(iso)) {
    return fail('date-unknown-placeholder', say('date-unknown-placeholder', { raw, iso }), 'warning');
  }
  if ((opts.kind ?? 'event') === 'birth' && iso > opts.today) {
    return fail('date-future-birth', say('date-future-birth', { raw, iso }));
  }
  return ok(iso);
}

const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const TEXT_DMY = /^(\d{1,2})[\s/.-]*(?:de\s+)?([a-z]+)\.?[\s/.,-]*(?:de(?:l)?\s+)?(\d{2}|\d{4})$/;
const TEXT_MDY = /^([a-z]+)\.?[\s/.-]*(\d{1,2})(?:st|nd|rd|th)?,?[\s/.-]*(\d{2}|\d{4})$/;

export function normalizeDate(raw: string | null | undefined, opts: NormalizeDateOptions): DateResult {
  if (raw == null) return { date: null, problem: null };
  const kind = opts.kind ?? 'event';
  let s = raw.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\u00A0/g, ' ').trim();
  if (BLANKS.has(s.toLowerCase())) return { date: null, problem: null };
  // A time after the date ("2010-05-03T00:00:00Z", "5/3/2010 12:00:00 AM") is dropped, not
  // converted: the calendar day written in the file is the date, whatever the time zone.
  s = s.replace(/[T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|[+-]\d{2}:?\d{2})?$/i, '').trim();

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), raw, opts);

  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m && Number(m[1]) >= MIN_YEAR && Number(m[1]) <= MAX_YEAR) return build(Number(m[1]), Number(m[2]), Number(m[3]), raw, opts);

  if (/^\d{4}$/.test(s)) {
    return fail('date-year-only', say('date-year-only', { raw }));
  }

  m = /^(\d{5})(\.\d+)?$/.exec(s);
  if (m) {
    const parts = fromExcelSerial(Number(m[1]));
    if (!parts) return fail('date-not-a-calendar-day', say('date-not-a-calendar-day~excel', { raw }));
    return build(parts.y, parts.m, parts.d, raw, opts);
  }

  m = NUMERIC.exec(s);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[1].length === 4) return build(a, b, c, raw, opts);
    if (m[3].length === 3 || m[3].length === 1) return fail('date-invalid', say('date-invalid~year', { raw }));
    const year = m[3].length === 2 ? resolveTwoDigitYear(c, kind, opts.today) : c;
    const order = opts.order ?? 'mdy';
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    if (month > 12 && day <= 12) {
      return fail('date-ambiguous-order', say(`date-ambiguous-order~${order}`, { raw, month }));
    }
    return build(year, month, day, raw, opts);
  }

  const lower = s.toLowerCase();
  m = TEXT_DMY.exec(lower);
  if (m && m[2] in MONTHS) {
    const year = m[3].length === 2 ? resolveTwoDigitYear(Number(m[3]), kind, opts.today) : Number(m[3]);
    return build(year, MONTHS[m[2]], Number(m[1]), raw, opts);
  }
  m = TEXT_MDY.exec(lower);
  if (m && m[1] in MONTHS) {
    const year = m[3].length === 2 ? resolveTwoDigitYear(Number(m[3]), kind, opts.today) : Number(m[3]);
    return build(year, MONTHS[m[1]], Number(m[2]), raw, opts);
  }

  return fail('date-invalid', say('date-invalid', { raw }));
}

/**
 * Decides the order of slashed dates for a whole column. A value whose first part is over
 * 12 proves day-first; one whose second part is over 12 proves month-first; a column with
 * both is inconsistent; a column with neither stays month-first (US exports).
 */
export interface DateOrderEvidence {
  order: DateOrder;
  evidence: 'mdy' | 'dmy' | 'none' | 'mixed';
  /** Values that can only be day-first (e.g. 25/12/2010) and slashed values looked at. */
  dayFirstCount: number;
  slashedCount: number;
  /** Position (in `values`) and text of the first value that can only be day-first. */
  firstDayFirst: { index: number; value: string } | null;
}

/**
 * In a column that really is day-first, about 19 dates in 31 have a day over 12. With this many
 * slashed values, fewer than MIN_DAY_FIRST_SHARE of them can only be day-first are stray rows
 * (typos) in a month-first column, not a day-first export: reading the whole column day-first
 * would swap every other date.
 */
const TRUST_SHARE_FROM = 20;
const MIN_DAY_FIRST_SHARE = 0.15;

export function detectDateOrder(values: Iterable<string>): DateOrderEvidence {
  let dayFirstCount = 0;
  let monthFirst = false;
  let slashedCount = 0;
  let firstDayFirst: DateOrderEvidence['firstDayFirst'] = null;
  let index = -1;
  for (const v of values) {
    index++;
    const m = NUMERIC.exec(v.trim().split(/[T\s]/)[0]);
    if (!m || m[1].length === 4) continue;
    slashedCount++;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) {
      dayFirstCount++;
      firstDayFirst ??= { index, value: v.trim() };
    }
    if (b > 12 && a <= 12) monthFirst = true;
  }
  const base = { dayFirstCount, slashedCount, firstDayFirst };
  const stray = slashedCount >= TRUST_SHARE_FROM && dayFirstCount / slashedCount < MIN_DAY_FIRST_SHARE;
  if (dayFirstCount > 0 && (monthFirst || stray)) return { order: 'mdy', evidence: 'mixed', ...base };
  if (dayFirstCount > 0) return { order: 'dmy', evidence: 'dmy', ...base };
  return { order: 'mdy', evidence: monthFirst ? 'mdy' : 'none', ...base };
}

/** Age in whole years on `today`, for plausibility checks. */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const by = Number(birthDate.slice(0, 4));
  const bm = Number(birthDate.slice(5, 7));
  const bd = Number(birthDate.slice(8, 10));
  const ty = Number(today.slice(0, 4));
  const tm = Number(today.slice(5, 7));
  const td = Number(today.slice(8, 10));
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
