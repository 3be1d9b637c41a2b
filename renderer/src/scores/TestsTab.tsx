import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Box, Button, Card, CardContent, Grid, Skeleton, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { StudentDetail } from '../../../shared/ipc/contract';
import type { ScoreCardView, ScoreGroupView } from '../../../shared/ipc/contract/scores';
import { errorText } from '../components/errorText';
import { formatIsoDate } from '../components/format';
import { useNotify } from '../components/Notifier';
import { HistoryTable, ResultCard } from './ResultCard';
import { ReadinessPanel } from './ReadinessPanel';
import { TrendChart } from './TrendChart';
import { lang } from './labels';

/** Tests with one result per subject (AP exams, STAAR subjects, MAP subjects): the latest of each is a card. */
const PER_SUBJECT = new Set<ScoreGroupView['group']>(['ap', 'ib', 'staar', 'staar-eoc', 'map', 'tsia', 'state', 'other']);

function split(g: ScoreGroupView): { current: ScoreCardView[]; earlier: ScoreCardView[] } {
  if (!PER_SUBJECT.has(g.group)) return { current: g.cards.slice(0, 1), earlier: g.cards.slice(1) };
  const seen = new Set<string>();
  const current: ScoreCardView[] = [];
  const earlier: ScoreCardView[] = [];
  for (const c of g.cards) {
    const k = `${c.family}|${c.subject ?? ''}`;
    if (seen.has(k)) earlier.push(c);
    else {
      seen.add(k);
      current.push(c);
    }
  }
  return { current, earlier };
}

function Group({ g, explainLanguage, onDelete }: { g: ScoreGroupView; explainLanguage: 'en' | 'es'; onDelete: (c: ScoreCardView) => void }) {
  const { t } = useTranslation();
  const { current, earlier } = split(g);
  const wide = current.length === 1;
  return (
    <Box component="section" aria-labelledby={`group-${g.group}`}>
      <Typography variant="h2" id={`group-${g.group}`} sx={{ mb: 1.5 }}>
        {t(`scores.group.${g.group}`)}
      </Typography>
      <Grid container spacing={2}>
        {current.map((c, i) => (
          <Grid key={c.resultId} size={{ xs: 12, xl: wide ? 12 : 6 }}>
            <ResultCard card={c} explainLanguage={explainLanguage} expanded={i === 0} onDelete={onDelete} />
          </Grid>
        ))}
        {g.trend && (
          <Grid size={12}>
            <Card data-testid="trend-chart">
              <CardContent sx={{ p: 2.5 }}>
                <TrendChart group={g.group} trend={g.trend} />
              </CardContent>
            </Card>
          </Grid>
        )}
        {earlier.length > 0 && (
          <Grid size={12}>
            <HistoryTable cards={earlier} explainLanguage={explainLanguage} onDelete={onDelete} />
          </Grid>
        )}
      </Grid>
    </Box>
  );
}

/** The student's test results: readiness, a card per test, trends and family explanations (en/es). */
export function TestsTab({ student }: { student: StudentDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [explainLanguage, setExplainLanguage] = useState<'en' | 'es'>(lang(i18n.language));
  const query = useQuery({ queryKey: ['scores', 'student', student.id], queryFn: () => api.scores.student({ studentId: student.id }) });
  const remove = useMutation({
    mutationFn: (c: ScoreCardView) => api.scores.deleteResult({ id: c.resultId, version: c.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['scores'] });
      notify(t('scores.card.deleted'));
    },
  });

  if (query.isError) return <Alert severity="error">{errorText(t, query.error)}</Alert>;
  const v = query.data;
  if (!v) return <Skeleton variant="rounded" height={240} />;
  if (v.groups.length === 0) {
    return (
      <Card>
        <CardContent sx={{ p: 4, textAlign: 'center' }}>
          <Typography variant="h3" component="p" gutterBottom>
            {t('scores.tabView.empty')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 640, mx: 'auto' }}>
            {t('scores.tabView.emptyHelp')}
          </Typography>
          <Button variant="contained" component={RouterLink} to="/scores" startIcon={<UploadFileOutlined />}>
            {t('scores.tabView.goImport')}
          </Button>
        </CardContent>
      </Card>
    );
  }
  return (
    <Stack spacing={3}>
      {remove.isError && <Alert severity="error">{errorText(t, remove.error)}</Alert>}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
        <Typography color="text.secondary">{t('scores.tabView.asOf', { date: formatIsoDate(v.asOf, i18n.language) })}</Typography>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Typography id="explain-in" variant="body2" sx={{ fontWeight: 600 }}>
            {t('scores.card.explainIn')}
          </Typography>
          <ToggleButtonGroup size="small" exclusive value={explainLanguage} onChange={(_e, val: 'en' | 'es' | null) => val && setExplainLanguage(val)} aria-labelledby="explain-in">
            <ToggleButton value="en" lang="en">
              English
            </ToggleButton>
            <ToggleButton value="es" lang="es">
              Español
            </ToggleButton>
          </ToggleButtonGroup>
        </Stack>
      </Stack>
      <ReadinessPanel view={v} />
      {v.groups.map((g) => (
        <Group key={g.group} g={g} explainLanguage={explainLanguage} onDelete={(c) => remove.mutate(c)} />
      ))}
    </Stack>
  );
}
