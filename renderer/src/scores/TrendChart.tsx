import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { useTranslation } from 'react-i18next';
import { BENCHMARKS } from '../../../shared/domain/scores/reference';
import type { ScoreGroupView, ScoreTrendView } from '../../../shared/ipc/contract/scores';
import { formatNumber, formatTestDate } from './labels';

const SAT_CUTS = BENCHMARKS.filter((b) => b.family === 'SAT' && b.kind === 'college-readiness');

/**
 * Scores across administrations (MUI X line chart) with the same numbers in a table below
 * it: the chart is for the eye, the table for screen readers and exact values.
 */
export function TrendChart({ group, trend }: { group: ScoreGroupView['group']; trend: ScoreTrendView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const label = (s: string) => (group === 'map' ? s : t(`scores.section.${s}`));
  const dates = trend.points.map((p) => formatTestDate(p.administrationDate, p.datePrecision, locale));
  const tests = trend.points.map((p) => t(`scores.family.${p.family}`));
  const series = trend.sections.map((s) => ({
    id: s,
    label: label(s),
    data: trend.points.map((p) => p.values[s] ?? null),
    connectNulls: true,
    curve: 'linear' as const,
    showMark: true,
    valueFormatter: (v: number | null) => (v === null ? '—' : formatNumber(v, locale)),
  }));
  const title = t(`scores.group.${group}`);
  return (
    <Box>
      <Typography variant="h4" component="h4" sx={{ mb: 1 }}>
        {t('scores.trend.title')}
      </Typography>
      <Box role="img" aria-label={t('scores.trend.aria', { group: title })}>
        <LineChart
          height={260}
          series={series}
          xAxis={[{ scaleType: 'point', data: trend.points.map((_p, i) => i), valueFormatter: (i: number, ctx) => (ctx.location === 'tick' ? dates[i] : `${dates[i]} · ${tests[i]}`), tickLabelStyle: { fontSize: 11 } }]}
          yAxis={[trend.scale ? { min: trend.scale.min, max: trend.scale.max, width: 48 } : { width: 48 }]}
          margin={{ left: 8, right: 40, top: 16, bottom: 8 }}
          skipAnimation
          grid={{ horizontal: true }}
        >
          {group === 'sat-suite' &&
            SAT_CUTS.map((b) => (
              <ChartsReferenceLine key={b.id} y={b.min!} label={`${t(`scores.section.${b.section}`)} ${b.min}`} labelAlign="end" lineStyle={{ strokeDasharray: '4 4' }} labelStyle={{ fontSize: 11 }} />
            ))}
        </LineChart>
      </Box>
      <Table size="small" aria-label={t('scores.trend.table')} sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('scores.trend.date')}</TableCell>
            <TableCell>{t('scores.trend.test')}</TableCell>
            {trend.sections.map((s) => (
              <TableCell key={s} align="right">
                {label(s)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {trend.points.map((p, i) => (
            <TableRow key={p.resultId}>
              <TableCell>{dates[i]}</TableCell>
              <TableCell>{tests[i]}</TableCell>
              {trend.sections.map((s) => (
                <TableCell key={s} align="right">
                  {p.values[s] === null ? '—' : formatNumber(p.values[s]!, locale)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
