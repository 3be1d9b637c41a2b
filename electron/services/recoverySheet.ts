import { createTranslator, type Locale } from '../../shared/i18n';

/** The text of the saved recovery-key file, in the counselor's language. */
export function recoverySheetText(formattedKey: string, folder: string, now: Date, locale: Locale): string {
  const t = createTranslator(locale);
  const date = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long' }).format(now);
  return [
    t('recoverySheet.title'),
    '',
    formattedKey,
    '',
    t('recoverySheet.created', { date }),
    t('recoverySheet.folder', { folder }),
    '',
    t('recoverySheet.warning'),
    '',
    t('recoverySheet.useInApp'),
    '',
    t('recoverySheet.itTitle'),
    t('recoverySheet.itSteps'),
    '',
  ].join('\r\n');
}
