import { Box, Stack } from '@mui/material';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import CheckCircle from '@mui/icons-material/CheckCircle';
import type { TFunction } from 'i18next';
import type { FamilyScoreCard, FamilyScoreCards, FamilyScoreSection } from '../../../../shared/ipc/contract';

const STATUS: Record<FamilyScoreCard['status'], { bg: string; fg: string }> = {
  met: { bg: '#e4f2e8', fg: '#1e6b3a' },
  partly: { bg: '#fdf0d9', fg: '#7a4a0b' },
  'not-met': { bg: '#fbe4e2', fg: '#9c1f17' },
  info: { bg: '#eef1f4', fg: '#3b4552' },
};

/** A score on its scale: the score as a dot, the benchmark as a tick. The text label carries the same facts. */
function ScaleBar({ s, t }: { s: FamilyScoreSection; t: TFunction }) {
  if (!s.scale) return null;
  const label = [
    t('conference.family.scoreOf', { score: s.score, min: s.scale.min, max: s.scale.max }),
    s.benchmark ? `${t('conference.family.benchmark', { score: s.benchmark.value })}: ${t(s.benchmark.met ? 'conference.family.benchmarkMet' : 'conference.family.benchmarkNotMet')}` : null,
  ]
    .filter(Boolean)
    .join('. ');
  const pct = (p: number) => `${Math.max(0, Math.min(100, p * 100))}%`;
  return (
    <Box role="img" aria-label={label} sx={{ position: 'relative', height: '1.6em', mt: '0.3em' }}>
      <Box sx={{ position: 'absolute', left: 0, right: 0, top: '0.65em', height: '0.3em', borderRadius: '0.2em', bgcolor: '#dde3ea' }} />
      {s.benchmark?.position != null && <Box sx={{ position: 'absolute', top: '0.15em', height: '1.3em', width: '0.15em', bgcolor: '#1b2430', left: `calc(${pct(s.benchmark.position)} - 0.075em)` }} />}
      <Box
        sx={{
          position: 'absolute',
          top: '0.35em',
          width: '0.9em',
          height: '0.9em',
          borderRadius: '50%',
          border: '0.15em solid #fff',
          bgcolor: s.benchmark ? (s.benchmark.met ? 'success.main' : 'warning.main') : 'primary.main',
          left: `calc(${pct(s.scale.position)} - 0.45em)`,
        }}
      />
    </Box>
  );
}

/** Test result cards with the parent-facing interpretation, and Texas college readiness (TSI) when it applies. */
export function ScoreCardsView({ results, t }: { results: FamilyScoreCards; t: TFunction }) {
  const ready = results.collegeReadiness;
  return (
    <Stack spacing="0.8em">
      {ready && (
        <Box sx={{ border: 1, borderColor: ready.ready ? 'success.main' : 'divider', borderRadius: '0.5em', p: '0.8em', bgcolor: 'background.paper' }}>
          <Stack direction="row" spacing="0.4em" sx={{ alignItems: 'center', fontWeight: 700, fontSize: '1.05em' }}>
            {ready.ready && <CheckCircle sx={{ color: 'success.main', fontSize: '1.1em' }} aria-hidden />}
            <span>{ready.title}</span>
          </Stack>
          {ready.lines.map((l, i) => (
            <Box key={i} sx={{ fontSize: '0.9em', mt: '0.2em' }}>
              {l}
            </Box>
          ))}
        </Box>
      )}
      {results.cards.map((c) => (
        <Box key={c.id} data-testid="family-score-card" sx={{ border: 1, borderColor: 'divider', borderRadius: '0.5em', p: '0.8em', bgcolor: 'background.paper' }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: '0.5em' }}>
            <Box sx={{ fontWeight: 700, fontSize: '1.15em' }}>{c.testName}</Box>
            <Box sx={{ fontSize: '0.85em', color: 'text.secondary' }}>{t('conference.family.takenOn', { date: c.dateText })}</Box>
          </Stack>
          <Box sx={{ display: 'inline-block', mt: '0.3em', fontSize: '0.85em', fontWeight: 700, px: '0.6em', py: '0.15em', borderRadius: '1em', bgcolor: STATUS[c.status].bg, color: STATUS[c.status].fg }}>{c.headline}</Box>
          {c.sections.length > 0 && (
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: c.sections.length > 1 ? '1fr 1fr' : '1fr' }, gap: '0.6em 1.2em', mt: '0.4em' }}>
              {c.sections.map((s) => (
                <Box key={s.name}>
                  <Stack direction="row" sx={{ justifyContent: 'space-between', gap: '0.5em', flexWrap: 'wrap' }}>
                    <Box sx={{ fontWeight: 600 }}>{s.name}</Box>
                    <Box sx={{ fontWeight: 700 }}>{s.score}</Box>
                  </Stack>
                  <ScaleBar s={s} t={t} />
                  <Box sx={{ fontSize: '0.8em', color: 'text.secondary' }}>
                    {[s.benchmark ? `${t('conference.family.benchmark', { score: s.benchmark.value })} · ${t(s.benchmark.met ? 'conference.family.benchmarkMet' : 'conference.family.benchmarkNotMet')}` : null, s.level].filter(Boolean).join(' · ')}
                  </Box>
                </Box>
              ))}
            </Box>
          )}
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' }, gap: '0.8em', mt: '0.6em' }}>
            {(
              [
                ['means', c.means],
                ['doesNotMean', c.doesNotMean],
                ['nextStepsTest', c.nextSteps],
              ] as const
            ).map(([k, lines]) => (
              <Box key={k}>
                <Box sx={{ fontWeight: 700, fontSize: '0.85em', color: 'primary.main' }}>{t(`conference.family.${k}`)}</Box>
                {lines.map((line, i) => (
                  <Box key={i} sx={{ fontSize: '0.9em', mb: '0.2em' }}>
                    {line}
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
          {c.notes.map((n, i) => (
            <Stack key={i} direction="row" spacing="0.3em" sx={{ mt: '0.5em', fontSize: '0.8em', color: 'text.secondary', alignItems: 'center' }}>
              <InfoOutlined sx={{ fontSize: '1.2em' }} aria-hidden />
              <span>{n}</span>
            </Stack>
          ))}
        </Box>
      ))}
    </Stack>
  );
}
