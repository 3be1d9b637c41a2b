import { Box, Card, CardContent, Chip, Divider, Grid, Stack, Tooltip, Typography } from '@mui/material';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { StudentScoresView, TsiSubjectView } from '../../../shared/ipc/contract/scores';
import { evidenceValues, formatTestDate } from './labels';

function TsiSubject({ label, s }: { label: string; s: TsiSubjectView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const test = (f: string) => t(`scores.family.${f}`);
  const date = (d: string, p: 'day' | 'month') => formatTestDate(d, p, locale);
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        {s.met ? <CheckCircleOutline color="success" fontSize="small" /> : <RadioButtonUnchecked color="disabled" fontSize="small" />}
        <Typography sx={{ fontWeight: 650 }}>{label}</Typography>
        <Chip size="small" color={s.met ? 'success' : 'default'} variant={s.met ? 'filled' : 'outlined'} label={s.met ? t('scores.card.met') : t('scores.tsi.notYet')} />
      </Stack>
      {s.via && (
        <Typography variant="body2">
          {t('scores.tsi.metBy', { test: test(s.via.family), date: date(s.via.administrationDate, s.via.datePrecision), values: evidenceValues(t, s.via, locale) })}.{' '}
          <Box component="span" sx={{ color: 'text.secondary' }}>
            {t('scores.tsi.expires', { date: formatTestDate(s.via.expiresOn, 'day', locale) })}.
          </Box>
        </Typography>
      )}
      {!s.met && s.closest && (
        <Typography variant="body2" color="text.secondary">
          {t('scores.tsi.closest', { test: test(s.closest.family), date: date(s.closest.administrationDate, s.closest.datePrecision), values: evidenceValues(t, s.closest, locale) })}
        </Typography>
      )}
      {s.possible.map((e) => (
        <Typography key={`${e.resultId}-${e.ruleId}`} variant="body2" color="warning.main" sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start' }}>
          <HelpOutline fontSize="inherit" sx={{ mt: 0.3 }} />
          {t(e.uncertainty === 'month-spans-rule-change' ? 'scores.tsi.possibleMonth' : 'scores.tsi.possibleCombination', { test: test(e.family), date: date(e.administrationDate, e.datePrecision), values: evidenceValues(t, e, locale) })}
        </Typography>
      ))}
      {s.expired.slice(0, 1).map((e) => (
        <Typography key={`x-${e.resultId}`} variant="body2" color="text.secondary">
          {t('scores.tsi.expired', { test: test(e.family), date: date(e.administrationDate, e.datePrecision), expires: formatTestDate(e.expiresOn, 'day', locale) })}
        </Typography>
      ))}
      {s.rule && (
        <Tooltip title={`${t('scores.card.source', { year: s.rule.year, confidence: t(`scores.card.confidence.${s.rule.confidence}`) })}: ${s.rule.source}${s.rule.note ? ` — ${s.rule.note}` : ''}`}>
          <Typography variant="caption" color="text.secondary" tabIndex={0} sx={{ display: 'block', mt: 0.5 }}>
            {t('scores.tsi.rule', { rule: t(`scores.tsiRule.${s.via?.ruleId ?? s.closest?.ruleId}`) })}
          </Typography>
        </Tooltip>
      )}
    </Box>
  );
}

export function ReadinessPanel({ view }: { view: StudentScoresView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Card sx={{ height: '100%' }}>
          <CardContent sx={{ p: 2.5 }}>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', mb: 1 }} spacing={2}>
              <Box>
                <Typography variant="h3" component="h2">
                  {t('scores.tsi.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {t('scores.tsi.subtitle')}
                </Typography>
              </Box>
              {view.tsi.ready && <Chip color="success" label={t('scores.tsi.ready')} sx={{ fontWeight: 600 }} />}
            </Stack>
            {!view.tsi.hasTsiTests ? (
              <Typography color="text.secondary">{t('scores.tsi.noTests')}</Typography>
            ) : (
              <Stack spacing={1.5} divider={<Divider flexItem />}>
                <TsiSubject label={t('scores.tsi.elar')} s={view.tsi.elar} />
                <TsiSubject label={t('scores.tsi.math')} s={view.tsi.math} />
              </Stack>
            )}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Card sx={{ height: '100%' }}>
          <CardContent sx={{ p: 2.5 }}>
            <Typography variant="h3" component="h2">
              {t('scores.ccmr.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {t('scores.ccmr.subtitle')}
            </Typography>
            <Stack spacing={1}>
              {view.ccmr.indicators.map((i) => (
                <Box key={i.id}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    {i.met ? <CheckCircleOutline color="success" fontSize="small" /> : <RadioButtonUnchecked color="disabled" fontSize="small" />}
                    <Tooltip title={`${t(`scores.ccmr.indicator.${i.id}`)} — ${t('scores.card.source', { year: i.source.year, confidence: t(`scores.card.confidence.${i.source.confidence}`) })}: ${i.source.source}`}>
                      <Typography sx={{ fontWeight: 600 }} tabIndex={0}>
                        {t(`scores.ccmr.indicator.${i.id}`)}
                      </Typography>
                    </Tooltip>
                    <Typography variant="body2" color={i.met ? 'success.main' : 'text.secondary'}>
                      {i.met ? t('scores.ccmr.met') : t('scores.ccmr.notMet')}
                    </Typography>
                  </Stack>
                  {i.met && i.evidence.length > 0 && (
                    <Typography variant="body2" color="text.secondary" sx={{ pl: 3.5 }}>
                      {t('scores.ccmr.by', {
                        what: i.evidence
                          .map((e) => `${t(`scores.family.${e.family}`)}${e.label && i.id !== 'tsi-both' ? ` ${e.label}` : ''}${e.score !== null ? ` ${e.score}` : ''} (${formatTestDate(e.administrationDate, e.datePrecision, locale)})`)
                          .join(' + '),
                      })}
                    </Typography>
                  )}
                </Box>
              ))}
            </Stack>
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1.5 }}>
              {t('scores.ccmr.notFromTests')}
            </Typography>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
