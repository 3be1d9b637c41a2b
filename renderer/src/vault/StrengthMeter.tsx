import { useEffect, useState } from 'react';
import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../../shared/domain/passphrase';
import type { Locale } from '../../../shared/i18n/locales';

type Assess = (p: string, locale: Locale) => PassphraseStrength;

/** Live strength feedback. The dictionaries are large, so they load only on the create screens. */
export function useStrength(passphrase: string): PassphraseStrength | null {
  const { i18n } = useTranslation();
  const [assess, setAssess] = useState<Assess | null>(null);
  useEffect(() => {
    let alive = true;
    void import('../../../shared/domain/passphrase').then((m) => {
      if (alive) setAssess(() => m.assessPassphrase);
    });
    return () => {
      alive = false;
    };
  }, []);
  if (!assess || passphrase === '') return null;
  return assess(passphrase, i18n.language === 'es' ? 'es' : 'en');
}

const COLORS = ['error', 'error', 'warning', 'success', 'success'] as const;

export function StrengthMeter({ strength, id }: { strength: PassphraseStrength | null; id: string }) {
  const { t } = useTranslation();
  const levels = t('vault.strength.levels', { returnObjects: true }) as string[];
  if (!strength) return <Box id={id} sx={{ minHeight: 48 }} />;
  const level = strength.tooShort ? t('vault.strength.tooShort') : levels[strength.score];
  return (
    <Box id={id} sx={{ minHeight: 48 }} aria-live="polite">
      <LinearProgress
        variant="determinate"
        value={strength.tooShort ? 5 : (strength.score + 1) * 20}
        color={strength.tooShort ? 'error' : COLORS[strength.score]}
        aria-label={t('vault.strength.label', { level })}
        sx={{ height: 6, borderRadius: 3, mb: 0.5 }}
      />
      <Typography variant="body2" color={strength.acceptable ? 'success.main' : 'text.secondary'}>
        {t('vault.strength.label', { level })} — {strength.acceptable ? t('vault.strength.acceptable') : strength.warning || t('vault.strength.notAcceptable')}
      </Typography>
      {!strength.acceptable && strength.suggestions.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {strength.suggestions.join(' ')}
        </Typography>
      )}
    </Box>
  );
}
