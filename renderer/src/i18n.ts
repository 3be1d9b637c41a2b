import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../shared/i18n';
import { formatNumber, type Locale } from '../../shared/i18n/locales';

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});
i18next.services.formatter?.add('number', formatNumber);

export function setLanguage(locale: Locale): void {
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export default i18next;
