import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { setLanguage } from '../i18n';
import { LOCALES, type Locale } from '../../../shared/i18n/locales';

/** English / Español, saved as a preference (the only thing it stores is the choice). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Locale) => api.settings.update({ language }),
    onSuccess: (settings) => qc.setQueryData(['settings'], settings),
  });
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={i18n.language}
      aria-label={t('settings.language.label')}
      onChange={(_e, value: Locale | null) => {
        if (!value) return;
        setLanguage(value);
        save.mutate(value);
      }}
    >
      {LOCALES.map((l) => (
        <ToggleButton key={l} value={l} lang={l} sx={{ px: 1.5 }}>
          {t(`common.languageNames.${l}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
