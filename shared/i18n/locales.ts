export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}
