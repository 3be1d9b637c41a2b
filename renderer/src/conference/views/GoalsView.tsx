import { Box, LinearProgress, Stack } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import type { TFunction } from 'i18next';
import type { FamilyGoal } from '../../../../shared/ipc/contract';
import type { Locale } from '../../../../shared/i18n/locales';
import { formatDate } from '../../../../shared/domain/conference/format';

const TONE: Record<FamilyGoal['tone'], { bg: string; fg: string }> = {
  not_started: { bg: '#eef1f4', fg: '#3b4552' },
  active: { bg: '#e3eef6', fg: '#17506b' },
  achieved: { bg: '#e4f2e8', fg: '#1e6b3a' },
  stopped: { bg: '#f4ece1', fg: '#7a4a0b' },
};

/** Family-visible goals with steps and latest progress. Sizes in em: the container sets the scale. */
export function GoalsView({ goals, t, locale }: { goals: FamilyGoal[]; t: TFunction; locale: Locale }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: goals.length > 1 ? '1fr 1fr' : '1fr' }, gap: '0.8em' }}>
      {goals.map((g) => (
        <Box key={g.id} sx={{ border: 1, borderColor: 'divider', borderRadius: '0.5em', p: '0.8em', bgcolor: 'background.paper' }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: '0.5em', flexWrap: 'wrap' }}>
            <Box sx={{ fontSize: '0.75em', fontWeight: 600, letterSpacing: '0.04em', textTransform: 'uppercase', color: 'text.secondary' }}>{g.area}</Box>
            <Box sx={{ fontSize: '0.75em', fontWeight: 700, px: '0.6em', py: '0.15em', borderRadius: '1em', bgcolor: TONE[g.tone].bg, color: TONE[g.tone].fg }}>{g.status}</Box>
          </Stack>
          <Box sx={{ fontWeight: 650, fontSize: '1.1em', my: '0.3em', lineHeight: 1.3 }}>{g.statement}</Box>
          {g.targetDate && <Box sx={{ fontSize: '0.85em', color: 'text.secondary' }}>{t('conference.family.goalTarget', { date: formatDate(g.targetDate, locale) })}</Box>}
          {g.measureOfSuccess && <Box sx={{ fontSize: '0.85em', color: 'text.secondary' }}>{t('conference.family.goalMeasure', { text: g.measureOfSuccess })}</Box>}
          {g.progress && (
            <Box sx={{ mt: '0.5em' }}>
              <Box sx={{ fontSize: '0.85em' }}>{t('conference.family.goalProgress', { label: g.progress.label })}</Box>
              {g.progress.percent !== null && (
                <LinearProgress variant="determinate" value={Math.max(0, Math.min(100, g.progress.percent))} aria-label={g.progress.label} sx={{ height: '0.45em', borderRadius: '0.3em', mt: '0.25em' }} />
              )}
            </Box>
          )}
          {g.helpedBy.length > 0 && <Box sx={{ fontSize: '0.85em', mt: '0.3em' }}>{t('conference.family.goalHelps', { list: g.helpedBy.join('; ') })}</Box>}
          {g.hinderedBy.length > 0 && <Box sx={{ fontSize: '0.85em', mt: '0.3em' }}>{t('conference.family.goalHinders', { list: g.hinderedBy.join('; ') })}</Box>}
          {g.steps.length > 0 && (
            <Box component="ul" aria-label={t('conference.family.goalSteps')} sx={{ listStyle: 'none', p: 0, m: '0.5em 0 0' }}>
              {g.steps.map((s, i) => (
                <Box component="li" key={i} sx={{ display: 'flex', gap: '0.4em', alignItems: 'flex-start', fontSize: '0.9em', mb: '0.2em' }}>
                  {s.done ? <CheckCircle sx={{ fontSize: '1.1em', color: 'success.main', mt: '0.1em' }} aria-label={t('conference.family.done')} /> : <RadioButtonUnchecked sx={{ fontSize: '1.1em', color: 'text.secondary', mt: '0.1em' }} aria-hidden />}
                  <span>
                    {s.text}
                    {(s.owner || s.dueDate) && (
                      <Box component="span" sx={{ color: 'text.secondary' }}>
                        {' — '}
                        {[s.owner, s.dueDate ? formatDate(s.dueDate, locale, 'medium') : null].filter(Boolean).join(', ')}
                      </Box>
                    )}
                  </span>
                </Box>
              ))}
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}
