/**
 * A stored language (an ISO 639 code such as "vi", or a name kept as written such as "Mam")
 * in the counselor's language, through the browser's own language names.
 */
export function languageName(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  if (!/^[a-z]{2,3}$/.test(value)) return value;
  try {
    const name = new Intl.DisplayNames([locale === 'es' ? 'es' : 'en'], { type: 'language', fallback: 'none' }).of(value);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : value;
  } catch {
    return value;
  }
}
