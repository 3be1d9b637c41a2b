import type { IsoDate } from '../../../../shared/domain/dates';
import { normalizeDate, type DateOrder } from '../../../../shared/domain/roster/dates';
import { cleanValue } from '../../../../shared/domain/roster/cellText';
import { normalizeGradeLevel, type GradeLevel } from '../../../../shared/domain/gradeLevels';
import type { DatePrecision } from '../../../../shared/domain/scores/types';

/**
 * Reading score cells without losing or inventing anything: "-", "--" and "---" mean
 * "no score" (null, never 0); text in a score column is an error, not a number; ranges
 * come from sourced scales; vendor date codes (ACT "092024", STAAR "0523", AP "24") are
 * read with their real precision.
 */

/** Cells that mean "no score reported". Anything else that is not a number is refused. */
const NO_SCORE = new Set(['', '-', '--', '---', '----', 'n/a', 'na', 'null', 'none', '(blank)', '#n/a', '.', '*', '**']);

export function isNoScore(raw: string | null | undefined): boolean {
  return raw == null || NO_SCORE.has(raw.trim().toLowerCase());
}

export type NumberRead = { ok: true; value: number | null } | { ok: false; reason: 'not-a-number' | 'not-whole' | 'out-of-range'; value: null };

export interface NumberSpec {
  min?: number;
  max?: number;
  integer?: boolean;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

const PLAIN_INT = /^\d{1,9}$/;

export function readNumber(raw: string | null | undefined, spec: NumberSpec = {}): NumberRead {
  // Fast path: most score cells are plain whole numbers.
  if (raw != null && PLAIN_INT.test(raw)) {
    const n = Number(raw);
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return { ok: false, reason: 'out-of-range', value: null };
    return { ok: true, value: n };
  }
  if (isNoScore(raw)) return { ok: true, value: null };
  const s = raw!.trim().replace(/[\u200B-\u200D\uFEFF]/g, '');
  let n: number;
  if (NUMERIC.test(s)) n = Number(s);
  else if (THOUSANDS.test(s)) n = Number(s.replace(/,/g, ''));
  else return { ok: false, reason: 'not-a-number', value: null };
  if (!Number.isFinite(n)) return { ok: false, reason: 'not-a-number', value: null };
  if (spec.integer && !Number.isInteger(n)) return { ok: false, reason: 'not-whole', value: null };
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return { ok: false, reason: 'out-of-range', value: null };
  return { ok: true, value: n };
}

export function readText(raw: string | null | undefined): string | null {
  if (isNoScore(raw)) return null;
  return cleanValue(raw);
}

/** Y/N-style flags as written by College Board and TEA (Y/N, 1/0); null when blank. */
export function readFlag(raw: string | null | undefined): boolean | null | 'unreadable' {
  const v = readText(raw);
  if (v === null) return null;
  const s = v.toLowerCase();
  if (s === 'y' || s === 'yes' || s === '1' || s === 'true') return true;
  if (s === 'n' || s === 'no' || s === '0' || s === 'false') return false;
  return 'unreadable';
}

export interface DateRead {
  date: IsoDate | null;
  precision: DatePrecision;
  problem: { code: string; message: string } | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A test date is never in the future and not before the tests Waypoint knows existed. */
function checkTestDate(date: IsoDate, raw: string, today: IsoDate, precision: DatePrecision): DateRead {
  if (date > today) return { date: null, precision, problem: { code: 'date-in-future', message: `The test date "${raw}" (${date}) is after today.` } };
  if (date < '1990-01-01') return { date: null, precision, problem: { code: 'date-out-of-range', message: `The test date "${raw}" (${date}) is before 1990; check the column.` } };
  return { date, precision, problem: null };
}

export type VendorDateFormat = 'auto' | 'mmddyyyy' | 'mmyyyy' | 'yyyymmdd';

/**
 * A test date as any vendor writes it. `auto` takes ISO, M/D/YYYY (order from the whole
 * column), Excel serials and month names; the packed forms are read only when named,
 * because "01012006" could be read two ways.
 */
export function readTestDate(raw: string | null | undefined, options: { today: IsoDate; format?: VendorDateFormat; order?: DateOrder }): DateRead {
  const v = readText(raw);
  if (v === null) return { date: null, precision: 'day', problem: null };
  const s = v.trim();
  const format = options.format ?? 'auto';
  if (format === 'mmddyyyy' || format === 'yyyymmdd') {
    const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
    const y = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    const parts = format === 'mmddyyyy' ? (m ? [Number(m[3]), Number(m[1]), Number(m[2])] : null) : y ? [Number(y[1]), Number(y[2]), Number(y[3])] : null;
    if (!parts) return { date: null, precision: 'day', problem: { code: 'date-invalid', message: `"${s}" is not a date written ${format === 'mmddyyyy' ? 'MMDDYYYY' : 'YYYYMMDD'}.` } };
    const [yy, mm, dd] = parts;
    if (!validYmd(yy, mm, dd)) return { date: null, precision: 'day', problem: { code: 'date-not-a-calendar-day', message: `"${s}" is not a real calendar date.` } };
    return checkTestDate(`${yy}-${pad(mm)}-${pad(dd)}`, s, options.today, 'day');
  }
  if (format === 'mmyyyy') {
    const m = /^(\d{2})(\d{4})$/.exec(s);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return { date: null, precision: 'month', problem: { code: 'date-invalid', message: `"${s}" is not a month and year written MMYYYY (for example 092024 for September 2024).` } };
    return checkTestDate(`${m[2]}-${m[1]}-01`, s, options.today, 'month');
  }
  const r = normalizeDate(s, { today: options.today, kind: 'event', order: options.order });
  if (r.problem) return { date: null, precision: 'day', problem: { code: r.problem.code, message: r.problem.message } };
  if (!r.date) return { date: null, precision: 'day', problem: null };
  return checkTestDate(r.date, s, options.today, 'day');
}

/** College Board grade codes in SAT Suite files (2 = grade 8 … 7 = grade 12); others are "not reported". */
const CB_GRADES: Record<string, GradeLevel> = { '2': '08', '4': '09', '5': '10', '6': '11', '7': '12' };
/** AP file grade codes (3 = below grade 9, 8 = no grade level, 11 = ungraded). */
const AP_GRADES: Record<string, GradeLevel> = { '4': '09', '5': '10', '6': '11', '7': '12' };

export function collegeBoardGrade(raw: string | null | undefined): GradeLevel | null {
  const v = readText(raw);
  return v === null ? null : (CB_GRADES[String(Number(v))] ?? null);
}

export function apGrade(raw: string | null | undefined): GradeLevel | null {
  const v = readText(raw);
  return v === null ? null : (AP_GRADES[String(Number(v))] ?? null);
}

const gradeMemo = new Map<string, GradeLevel | null>();

/** Grade words and numbers ("11th Grade", "11", "03", "0" = kindergarten); a file repeats a dozen values, read each once. */
export function plainGrade(raw: string | null | undefined): GradeLevel | null {
  if (raw == null) return null;
  let g = gradeMemo.get(raw);
  if (g === undefined) {
    const v = readText(raw);
    g = v === null ? null : normalizeGradeLevel(v.replace(/\s*grade$/i, '').trim());
    if (gradeMemo.size < 2000) gradeMemo.set(raw, g);
  }
  return g;
}
