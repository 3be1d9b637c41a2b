import i18next, { type i18n, type TFunction } from 'i18next';
import { en } from './en';
import { es } from './es';
import { formatNumber, type Locale } from './locales';

export { LOCALES, isLocale, type Locale } from './locales';

export const resources = { en: { translation: en }, es: { translation: es } } as const;

/** A stand-alone translator for the main process (PDFs, menus, saved files). */
export function createTranslator(locale: Locale): TFunction {
  const instance: i18n = i18next.createInstance();
  void instance.init({ lng: locale, fallbackLng: 'en', resources, initAsync: false, interpolation: { escapeValue: false }, returnObjects: false });
  instance.services.formatter?.add('number', formatNumber);
  return instance.t.bind(instance) as TFunction;
}
