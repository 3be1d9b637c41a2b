/**
 * A stored language (an ISO 639 code such as "vi", or a name kept as written such as "Mam")
 * in the counselor's language, through the browser's own language names.
 */
/** `inSentence`: Spanish writes language names in lower case mid-sentence ("materiales en inglés"). */
export function languageName(value: string | null | undefined, locale: string, options: { inSentence?: boolean } = {}): string {
  if (!value) return '';
  if (!/^[a-z]{2,3}$/.test(value)) return value;
  try {
    const name = new Intl.DisplayNames([locale === 'es' ? 'es' : 'en'], { type: 'language', fallback: 'none' }).of(value);
    if (!name) return value;
    return options.inSentence && locale === 'es' ? name : name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return value;
  }
}
