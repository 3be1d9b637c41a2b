import { Box, Stack } from '@mui/material';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import type { TFunction } from 'i18next';
import type { FamilyScoreCard, FamilyScoreSection } from '../../../../shared/ipc/contract';
import type { Locale } from '../../../../shared/i18n/locales';
import { formatDate } from '../../../../shared/domain/conference/format';

function pct(value: number, s: FamilyScoreSection): number {
  const span = s.scaleMax - s.scaleMin;
  return span <= 0 ? 0 : Math.max(0, Math.min(100, ((value - s.scaleMin) / span) * 100));
}

/** A score on its scale: the likely range shaded, the benchmark as a tick, the score as a dot. */
function ScaleBar({ s, t }: { s: FamilyScoreSection; t: TFunction }) {
  const label = s.score === null ? t('conference.family.noScore') : t('conference.family.scoreOf', { score: s.score, min: s.scaleMin, max: s.scaleMax });
  return (
    <Box role="img" aria-label={label} sx={{ position: 'relative', height: '1.6em', mt: '0.3em' }}>
      <Box sx={{ position: 'absolute', left: 0, right: 0, top: '0.65em', height: '0.3em', borderRadius: '0.2em', bgcolor: '#dde3ea' }} />
      {s.band && <Box sx={{ position: 'absolute', top: '0.5em', height: '0.6em', borderRadius: '0.3em', bgcolor: 'rgba(23,80,107,0.25)', left: `${pct(s.band.low, s)}%`, width: `${pct(s.band.high, s) - pct(s.band.low, s)}%` }} />}
      {s.benchmark && <Box sx={{ position: 'absolute', top: '0.15em', height: '1.3em', width: '0.15em', bgcolor: '#1b2430', left: `calc(${pct(s.benchmark.score, s)}% - 0.075em)` }} />}
      {s.score !== null && (
        <Box sx={{ position: 'absolute', top: '0.35em', width: '0.9em', height: '0.9em', borderRadius: '50%', border: '0.15em solid #fff', bgcolor: s.benchmark ? (s.benchmark.met ? 'success.main' : 'warning.main') : 'primary.main', left: `calc(${pct(s.score, s)}% - 0.45em)` }} />
      )}
    </Box>
  );
}

/** Test result cards with the parent-facing interpretation. */
export function ScoreCardsView({ cards, t, locale }: { cards: FamilyScoreCard[]; t: TFunction; locale: Locale }) {
  return (
    <Stack spacing="0.8em">
      {cards.map((c) => (
        <Box key={c.id} sx={{ border: 1, borderColor: 'divider', borderRadius: '0.5em', p: '0.8em', bgcolor: 'background.paper' }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: '0.5em' }}>
            <Box sx={{ fontWeight: 700, fontSize: '1.15em' }}>{c.testName}</Box>
            {c.administeredOn && <Box sx={{ fontSize: '0.85em', color: 'text.secondary' }}>{t('conference.family.takenOn', { date: formatDate(c.administeredOn, locale) })}</Box>}
          </Stack>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: c.sections.length > 1 ? '1fr 1fr' : '1fr' }, gap: '0.6em 1.2em', mt: '0.4em' }}>
            {c.sections.map((s) => (
              <Box key={s.name}>
                <Stack direction="row" sx={{ justifyContent: 'space-between', gap: '0.5em', flexWrap: 'wrap' }}>
                  <Box sx={{ fontWeight: 600 }}>{s.name}</Box>
                  <Box sx={{ fontWeight: 700 }}>{s.score ?? '—'}</Box>
                </Stack>
                <ScaleBar s={s} t={t} />
                <Box sx={{ fontSize: '0.8em', color: 'text.secondary' }}>
                  {[
                    s.benchmark ? `${t('conference.family.benchmark', { score: s.benchmark.score })} · ${t(s.benchmark.met ? 'conference.family.benchmarkMet' : 'conference.family.benchmarkNotMet')}` : null,
                    s.band ? t('conference.family.band', { low: s.band.low, high: s.band.high }) : null,
                    s.performanceLevel,
                    s.percentile ? t('conference.family.percentile', { value: s.percentile.value, group: s.percentile.normGroup }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Box>
              </Box>
            ))}
          </Box>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' }, gap: '0.8em', mt: '0.6em' }}>
            {(
              [
                ['means', c.explanation.means],
                ['doesNotMean', c.explanation.doesNotMean],
                ['nextStepsTest', c.explanation.nextSteps],
              ] as const
            ).map(([k, text]) => (
              <Box key={k}>
                <Box sx={{ fontWeight: 700, fontSize: '0.85em', color: 'primary.main' }}>{t(`conference.family.${k}`)}</Box>
                <Box sx={{ fontSize: '0.9em' }}>{text}</Box>
              </Box>
            ))}
          </Box>
          {c.uncertain && (
            <Stack direction="row" spacing="0.3em" sx={{ mt: '0.5em', fontSize: '0.8em', color: 'warning.main', alignItems: 'center' }}>
              <InfoOutlined sx={{ fontSize: '1.2em' }} aria-hidden />
              <span>{t('conference.family.uncertain', { note: c.uncertain.note })}</span>
            </Stack>
          )}
          {c.source && <Box sx={{ fontSize: '0.7em', color: 'text.secondary', mt: '0.3em' }}>{c.source}</Box>}
        </Box>
      ))}
    </Stack>
  );
}
