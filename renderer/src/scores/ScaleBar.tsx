import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SectionView } from '../../../shared/domain/scores/interpret';
import { formatNumber } from './labels';

/**
 * A score on its scale: the filled bar up to the score, the likely range (±1 SEM or the
 * vendor's band) shaded, and a marker for each benchmark. One text description carries the
 * same facts for screen readers; the drawing itself is decorative.
 */
export function ScaleBar({ view, name }: { view: SectionView; name: string }) {
  const { t, i18n } = useTranslation();
  const scale = view.scale;
  if (!scale || view.score === null || view.position === null) return null;
  const span = scale.max - scale.min;
  const at = (v: number) => `${Math.min(100, Math.max(0, ((v - scale.min) / span) * 100))}%`;
  const cuts = view.benchmarks.filter((b) => b.min !== null && (b.kind === 'college-readiness' || b.kind === 'grade-level' || b.kind === 'ccmr' || b.kind === 'enlistment-floor' || b.kind === 'diploma-minimum'));
  const met = cuts.length === 0 ? null : cuts.every((c) => c.met);
  const n = (v: number) => formatNumber(v, i18n.language);
  const description = [
    t('scores.card.scaleBar', { section: name, score: n(view.score), min: n(scale.min), max: n(scale.max) }),
    ...cuts.map((c) => `${t('scores.card.benchmarkMarker', { cut: n(c.min!) })}: ${t(c.met ? 'scores.card.met' : 'scores.card.notMet')}`),
    view.band ? t(view.band.basis === 'sem' ? 'scores.card.band' : 'scores.card.bandReported', { low: n(view.band.low), high: n(view.band.high), confidence: view.band.confidence }) : null,
  ]
    .filter(Boolean)
    .join('. ');
  return (
    <Box role="img" aria-label={description} sx={{ mt: 1, mb: cuts.length ? 2.5 : 1 }}>
      <Box aria-hidden sx={{ position: 'relative', height: 14, borderRadius: 7, bgcolor: 'action.hover', border: 1, borderColor: 'divider' }}>
        {view.band && (
          <Box sx={{ position: 'absolute', top: -3, bottom: -3, left: at(view.band.low), width: `calc(${at(view.band.high)} - ${at(view.band.low)})`, bgcolor: 'primary.main', opacity: 0.18, borderRadius: 1 }} />
        )}
        <Box
          sx={{
            position: 'absolute',
            left: 0,
            top: 0,
            bottom: 0,
            width: `${view.position * 100}%`,
            borderRadius: 7,
            bgcolor: met === null ? 'primary.main' : met ? 'success.main' : 'warning.main',
          }}
        />
        {cuts.map((c) => (
          <Box key={c.id} sx={{ position: 'absolute', left: at(c.min!), top: -6, bottom: -6, width: 3, ml: '-1.5px', bgcolor: 'text.primary', borderRadius: 1 }}>
            <Typography variant="caption" sx={{ position: 'absolute', top: 22, left: '50%', transform: 'translateX(-50%)', whiteSpace: 'nowrap', color: 'text.secondary', fontWeight: 600 }}>
              {n(c.min!)}
            </Typography>
          </Box>
        ))}
      </Box>
      <Box aria-hidden sx={{ display: 'flex', justifyContent: 'space-between', mt: cuts.length ? 0.25 : 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          {n(scale.min)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {n(scale.max)}
        </Typography>
      </Box>
    </Box>
  );
}
