export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}

/** The Intl locale for numbers and dates: US Spanish, as Texas families read it (50,000, not 50.000). */
export function intlLocale(lng: string | undefined): string {
  return lng?.startsWith('es') ? 'es-US' : 'en-US';
}

/** `{{n, number}}` in translations formats with intlLocale. */
export function formatNumber(value: unknown, lng: string | undefined, options?: Intl.NumberFormatOptions): string {
  return typeof value === 'number' ? new Intl.NumberFormat(intlLocale(lng), options).format(value) : String(value);
}
