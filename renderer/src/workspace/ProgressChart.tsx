import { Box, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslation } from 'react-i18next';
import type { GoalCheckIn } from '../../../shared/ipc/contract';
import { sortCheckIns } from '../../../shared/domain/workspace/progress';
import { formatIsoDate } from '../components/format';

const DAY = 86_400_000;
const toDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
};

/** Ratings (1–5) over time, on a real time axis so gaps between check-ins show as gaps. */
export function ProgressChart({ checkIns, height = 220 }: { checkIns: GoalCheckIn[]; height?: number }) {
  const { t, i18n } = useTranslation();
  const sorted = sortCheckIns(checkIns);
  if (sorted.length === 0) {
    return (
      <Typography color="text.secondary" variant="body2">
        {t('workspace.checkIns.chartEmpty')}
      </Typography>
    );
  }
  const dates = sorted.map((c) => toDate(c.checkedOn));
  const first = dates[0].getTime();
  const last = dates[dates.length - 1].getTime();
  // A single check-in still gets a readable axis: a week either side.
  const pad = last - first < 14 * DAY ? 7 * DAY : (last - first) * 0.05;
  const latest = sorted[sorted.length - 1];
  const fmt = (d: Date) => new Intl.DateTimeFormat(i18n.language === 'es' ? 'es-US' : 'en-US', { month: 'short', day: 'numeric' }).format(d);
  return (
    <Box
      component="figure"
      aria-label={t('workspace.checkIns.chartLabel', { count: sorted.length, latest: t(`workspace.rating.${latest.rating}`) })}
      sx={{ m: 0 }}
      data-testid="progress-chart"
    >
      <LineChart
        height={height}
        skipAnimation
        hideLegend
        margin={{ left: 8, right: 16, top: 12, bottom: 8 }}
        xAxis={[{ data: dates, scaleType: 'time', min: new Date(first - pad), max: new Date(last + pad), valueFormatter: (d: Date) => fmt(d), tickNumber: 5 }]}
        yAxis={[{ min: 1, max: 5, tickInterval: [1, 2, 3, 4, 5], width: 28 }]}
        series={[
          {
            data: sorted.map((c) => c.rating),
            curve: 'linear',
            showMark: true,
            label: t('workspace.rating.label'),
            valueFormatter: (v) => (v == null ? '' : t(`workspace.rating.${v}`)),
          },
        ]}
      />
      <Typography component="figcaption" variant="caption" color="text.secondary">
        {t('workspace.checkIns.scale')} · {formatIsoDate(sorted[0].checkedOn, i18n.language)} – {formatIsoDate(latest.checkedOn, i18n.language)}
      </Typography>
    </Box>
  );
}
