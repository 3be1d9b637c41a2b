import type { Locale } from '../../i18n/locales';

function intlLocale(locale: Locale): string {
  return locale === 'es' ? 'es-US' : 'en-US';
}

/**
 * A calendar date (YYYY-MM-DD) or an instant (ISO with time), as a family reads it. Calendar
 * dates are built from their parts, never parsed as UTC midnight (which shows a day early in
 * US time zones).
 */
export function formatDate(value: string | null | undefined, locale: Locale, style: 'long' | 'medium' = 'long'): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style }).format(d);
}

/** Local wall-clock time of an instant, e.g. "3:05 PM" / "3:05 p. m.". */
export function formatTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' }).format(d);
}

/** A planned meeting's local time 'YYYY-MM-DDTHH:mm' (no time zone: it is a calendar entry). */
export function formatLocalDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return value;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "Ana García" — the name the student goes by, then the family name. */
export function studentDisplayName(s: { firstName: string; lastName: string; preferredName?: string | null }): string {
  return `${s.preferredName || s.firstName} ${s.lastName}`;
}

/** A list of names joined the way each language joins them ("Ana, Luis and Rosa" / "Ana, Luis y Rosa"). */
export function joinNames(names: string[], locale: Locale): string {
  if (names.length === 0) return '';
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(names);
}
