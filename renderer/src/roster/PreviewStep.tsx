import { useState } from 'react';
import { Alert, Box, Button, Card, CardActionArea, CircularProgress, Grid, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { errorText } from '../components/errorText';
import type { RosterCommitResult, RosterPreview, SisMappingStep } from '../../../shared/ipc/contract/roster';
import { programLabel } from './labels';
import { RowsTable } from './RowsTable';
import { ProblemsTable } from './ProblemsTable';
import { ConflictsList, type Choices } from './ConflictsList';
import { SummaryPanel } from './SummaryPanel';
import { formatNumber } from '../../../shared/i18n/locales';

type TabId = 'updated' | 'new' | 'unchanged' | 'rejected' | 'problems' | 'conflicts' | 'summary';

/** The preview: counts, notes on what the file does and does not cover, paged lists, conflict choices, commit. */
export function PreviewStep({
  preview: p,
  sis,
  onPreview,
  onBackToMapping,
  onRestart,
  onDone,
}: {
  preview: RosterPreview;
  sis: boolean;
  onPreview: (p: RosterPreview) => void;
  onBackToMapping: (m: SisMappingStep) => void;
  onRestart: () => void;
  onDone: (r: RosterCommitResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => formatNumber(n, i18n.language);
  const errors = p.problemCounts.error;
  const firstTab: TabId = errors > 0 ? 'problems' : p.conflicts > 0 ? 'conflicts' : p.counts.updated > 0 ? 'updated' : p.counts.new > 0 ? 'new' : 'unchanged';
  const [tab, setTab] = useState<TabId>(firstTab);
  const [choices, setChoices] = useState<Choices>({ byKey: {}, all: null });
  const open = choices.all ? 0 : p.conflicts - Object.keys(choices.byKey).length;

  const commit = useMutation({
    mutationFn: () =>
      api.roster.commit({
        token: p.token,
        ...(choices.all ? { conflictDefault: choices.all } : {}),
        choices: Object.entries(choices.byKey).map(([key, choice]) => ({ key, choice })),
      }),
    onSuccess: onDone,
  });
  const refresh = useMutation({ mutationFn: () => api.roster.refresh({ token: p.token }), onSuccess: onPreview });
  const back = useMutation({ mutationFn: () => api.roster.mapping({ token: p.token }), onSuccess: onBackToMapping });
  const stale = commit.isError && isApiError(commit.error, 'CONFLICT');

  const changes = p.counts.new + p.counts.updated;
  const tabs: { id: TabId; label: string; show: boolean }[] = [
    { id: 'conflicts', label: `${t('roster.preview.tabs.conflicts')} (${num(p.conflicts)})`, show: p.conflicts > 0 },
    { id: 'updated', label: `${t('roster.preview.tabs.updated')} (${num(p.counts.updated)})`, show: true },
    { id: 'new', label: `${t('roster.preview.tabs.new')} (${num(p.counts.new)})`, show: true },
    { id: 'unchanged', label: `${t('roster.preview.tabs.unchanged')} (${num(p.counts.unchanged)})`, show: true },
    { id: 'rejected', label: `${t('roster.preview.tabs.rejected')} (${num(p.counts.rejected)})`, show: p.counts.rejected > 0 },
    { id: 'problems', label: `${t('roster.preview.tabs.problems')} (${num(errors + p.problemCounts.warning)})`, show: true },
    { id: 'summary', label: t('roster.preview.tabs.summary'), show: true },
  ];

  const count = (key: 'new' | 'updated' | 'unchanged' | 'rejected' | 'conflicts', value: number, target: TabId, tone?: 'error' | 'warning') => (
    <Grid size={{ xs: 6, sm: 4, md: 'grow' }}>
      <Card sx={{ height: '100%', borderColor: tone && value > 0 ? `${tone}.main` : undefined, bgcolor: tab === target ? 'action.selected' : undefined }}>
        <CardActionArea onClick={() => setTab(target)} sx={{ height: '100%', px: 2, py: 1.25 }} aria-label={`${t(`roster.preview.counts.${key}`)}: ${value}`}>
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
            <Typography sx={{ fontSize: '1.5rem', fontWeight: 700, lineHeight: 1.2, color: tone && value > 0 ? `${tone}.main` : 'text.primary' }}>{num(value)}</Typography>
            <Typography sx={{ fontWeight: 650 }}>{t(`roster.preview.counts.${key}`)}</Typography>
          </Box>
          <Typography variant="body2" color="text.secondary">
            {t(`roster.preview.countsHelp.${key}`)}
          </Typography>
        </CardActionArea>
      </Card>
    </Grid>
  );

  const notes: string[] = [];
  if (p.notInFile > 0) notes.push(t('roster.preview.notInFile', { count: p.notInFile }));
  if (p.notStored.length) notes.push(t('roster.preview.notStored', { fields: p.notStored.map((f) => t(`roster.preview.notStoredFields.${f}`)).join(', ') }));
  if (errors === 0) {
    notes.push(p.covers.programs.length ? t('roster.preview.covers.programsAll', { programs: p.covers.programs.map((x) => programLabel(t, x)).join(', ') }) : t('roster.preview.covers.programsNone'));
    notes.push(t(p.covers.guardians ? 'roster.preview.covers.guardians' : 'roster.preview.covers.guardiansNone'));
    if (p.mapping) notes.push(t(p.mapping.remembered ? 'roster.preview.mappingRemembered' : 'roster.preview.mappingNew'));
  }

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h2">{t('roster.preview.title')}</Typography>
        <Typography color="text.secondary">{t('roster.preview.source', { format: t(`roster.formats.${p.format}`), version: p.version ?? '', source: p.sourceName })}</Typography>
      </Box>

      <Box aria-live="polite">
        {errors > 0 && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {t('roster.preview.errorsBlock', { count: errors })}
          </Alert>
        )}
        {p.nothingToChange && (
          <Alert severity="success" sx={{ mb: 1 }}>
            {t('roster.preview.nothingToChange')}
          </Alert>
        )}
        {stale && (
          <Alert
            severity="warning"
            sx={{ mb: 1 }}
            action={
              <Button color="inherit" size="small" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
                {t('roster.preview.refresh')}
              </Button>
            }
          >
            {t('roster.preview.changedSinceNote')}
          </Alert>
        )}
        {commit.isError && !stale && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {errorText(t, commit.error)}
          </Alert>
        )}
      </Box>

      <Grid container spacing={1.5}>
        {count('new', p.counts.new, 'new')}
        {count('updated', p.counts.updated, 'updated')}
        {count('unchanged', p.counts.unchanged, 'unchanged')}
        {count('rejected', p.counts.rejected, p.counts.rejected ? 'rejected' : 'problems', 'error')}
        {p.conflicts > 0 && count('conflicts', p.conflicts, 'conflicts', 'warning')}
      </Grid>

      {p.gradeNotRecorded > 0 && (
        <Alert severity="warning" variant="outlined">
          {t('roster.preview.gradeNotRecorded', { count: p.gradeNotRecorded })}
        </Alert>
      )}
      {notes.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 3, color: 'text.secondary', '& li': { mb: 0.25 } }}>
          {notes.map((n, i) => (
            <Typography component="li" variant="body2" key={i}>
              {n}
            </Typography>
          ))}
        </Box>
      )}

      <Box>
        <Tabs value={tab} onChange={(_e, v: TabId) => setTab(v)} aria-label={t('roster.preview.tabs.label')} variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
          {tabs
            .filter((x) => x.show)
            .map((x) => (
              <Tab key={x.id} value={x.id} label={x.label} id={`import-tab-${x.id}`} aria-controls={`import-panel-${x.id}`} />
            ))}
        </Tabs>
        <Box role="tabpanel" id={`import-panel-${tab}`} aria-labelledby={`import-tab-${tab}`}>
          {(tab === 'updated' || tab === 'new' || tab === 'unchanged' || tab === 'rejected') && <RowsTable key={tab} token={p.token} outcome={tab} total={p.counts[tab]} />}
          {tab === 'problems' && <ProblemsTable token={p.token} counts={p.problemCounts} />}
          {tab === 'conflicts' && <ConflictsList token={p.token} total={p.conflicts} choices={choices} onChange={setChoices} />}
          {tab === 'summary' && <SummaryPanel preview={p} />}
        </Box>
      </Box>

      <Box sx={{ position: 'sticky', bottom: 0, bgcolor: 'background.default', py: 2, borderTop: 1, borderColor: 'divider', zIndex: 2 }}>
        {open > 0 && errors === 0 && (
          <Typography color="warning.main" sx={{ mb: 1, fontWeight: 600 }} aria-live="polite">
            {t('roster.preview.conflictsOpen', { count: open })}
          </Typography>
        )}
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <Button variant="contained" size="large" disabled={!p.canCommit || open > 0 || commit.isPending || stale} onClick={() => commit.mutate()}>
            {commit.isPending ? (
              <>
                <CircularProgress size={18} color="inherit" sx={{ mr: 1 }} aria-hidden />
                {t('roster.preview.committing')}
              </>
            ) : changes > 0 ? (
              t('roster.preview.commit', { count: changes })
            ) : (
              t('roster.preview.commitCampuses')
            )}
          </Button>
          {sis && (
            <Button onClick={() => back.mutate()} disabled={back.isPending}>
              {t('roster.preview.backToMapping')}
            </Button>
          )}
          <Button onClick={onRestart}>{t('roster.preview.chooseAnother')}</Button>
        </Box>
      </Box>
    </Stack>
  );
}
