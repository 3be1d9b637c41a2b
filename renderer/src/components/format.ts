/** Dates as the counselor reads them. ISO calendar dates are never shifted by time zone. */
export function formatIsoDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = iso.length > 10 ? new Date(iso) : new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium' }).format(d);
}

export function displayName(s: { firstName: string; lastName: string; preferredName?: string | null }): string {
  return `${s.preferredName || s.firstName} ${s.lastName}`;
}
