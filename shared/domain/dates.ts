import { isValid, parse } from 'date-fns';

/** A calendar date as YYYY-MM-DD; never a Date at UTC midnight (which shows a day early in US time zones). */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && Number(m[1]) >= 1900 && Number(m[1]) <= 2200;
}

/** Today's date in the local time zone, as YYYY-MM-DD. */
export function localIsoDate(now: Date): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
