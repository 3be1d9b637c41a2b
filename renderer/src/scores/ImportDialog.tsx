import { useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ExpandMore from '@mui/icons-material/ExpandMore';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { TEST_FAMILIES, type TestFamily } from '../../../shared/domain/scores/types';
import { LEVEL_FAMILIES, MAPPABLE_FAMILIES, MAPPABLE_SECTIONS, mappingGaps, NEEDS_SUBJECT, type ColumnMapping, type MappableFamily } from '../../../shared/domain/scores/mapping';
import type { ScoresImportCommitResult, ScoresImportPreview } from '../../../shared/ipc/contract/scores';
import { errorText } from '../components/errorText';
import { useNotify } from '../components/Notifier';
import { formatTestDate, subjectName } from './labels';

const CHOOSABLE = TEST_FAMILIES.filter((f) => f !== 'STATE' && f !== 'OTHER' && f !== 'SAT_LEGACY');

function ColumnSelect({ label, value, headers, onChange, sample }: { label: string; value: string | null | undefined; headers: string[]; onChange: (v: string | null) => void; sample?: (h: string) => string }) {
  const { t } = useTranslation();
  const id = `map-${label.replace(/\W+/g, '-')}`;
  return (
    <FormControl fullWidth size="small">
      <InputLabel id={id}>{label}</InputLabel>
      <Select labelId={id} label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : String(e.target.value))}>
        <MenuItem value="">
          <em>{t('scores.importDialog.mapping.none')}</em>
        </MenuItem>
        {headers.map((h) => (
          <MenuItem key={h} value={h}>
            {h}
            {sample && sample(h) ? (
              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                {sample(h)}
              </Typography>
            ) : null}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

function MappingStep({ preview, onSubmit, busy }: { preview: ScoresImportPreview; onSubmit: (m: ColumnMapping) => void; busy: boolean }) {
  const { t } = useTranslation();
  const info = preview.mapping!;
  const [m, setM] = useState<ColumnMapping>(info.suggestion);
  const headers = info.headers;
  const sample = (h: string) => {
    const i = headers.indexOf(h);
    return info.sampleRows.map((r) => r[i]).filter(Boolean).slice(0, 3).join(', ');
  };
  const setFamily = (family: MappableFamily) => setM((cur) => ({ ...cur, family, sections: Object.fromEntries(Object.entries(cur.sections).filter(([k]) => MAPPABLE_SECTIONS[family].includes(k))) }));
  const gaps = mappingGaps(m, headers);
  const sectionLabel = (s: string) => t(`scores.section.${s}`);
  return (
    <Stack spacing={2}>
      <Alert severity="info">{t('scores.importDialog.mapping.help')}</Alert>
      <Typography variant="body2" color="text.secondary">
        {info.fileName}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <FormControl fullWidth size="small">
            <InputLabel id="map-family">{t('scores.importDialog.mapping.test')}</InputLabel>
            <Select labelId="map-family" label={t('scores.importDialog.mapping.test')} value={m.family} onChange={(e) => setFamily(e.target.value as MappableFamily)}>
              {MAPPABLE_FAMILIES.map((f) => (
                <MenuItem key={f} value={f}>
                  {t(`scores.family.${f}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Grid>
        {m.family === 'OTHER' && (
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField size="small" label={t('scores.importDialog.mapping.testName')} value={m.testName ?? ''} onChange={(e) => setM({ ...m, testName: e.target.value })} slotProps={{ htmlInput: { maxLength: 80 } }} />
          </Grid>
        )}
        <Grid size={{ xs: 12, md: 6 }}>
          <ColumnSelect label={t('scores.importDialog.mapping.localId')} value={m.localId} headers={headers} onChange={(v) => setM({ ...m, localId: v })} sample={sample} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ColumnSelect label={t('scores.importDialog.mapping.stateId')} value={m.stateId} headers={headers} onChange={(v) => setM({ ...m, stateId: v })} sample={sample} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ColumnSelect label={t('scores.importDialog.mapping.date')} value={m.date} headers={headers} onChange={(v) => setM({ ...m, date: v ?? '' })} sample={sample} />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <FormControl fullWidth size="small">
            <InputLabel id="map-date-format">{t('scores.importDialog.mapping.dateFormat')}</InputLabel>
            <Select labelId="map-date-format" label={t('scores.importDialog.mapping.dateFormat')} value={m.dateFormat ?? 'auto'} onChange={(e) => setM({ ...m, dateFormat: e.target.value as ColumnMapping['dateFormat'] })}>
              {(['auto', 'mmddyyyy', 'yyyymmdd'] as const).map((f) => (
                <MenuItem key={f} value={f}>
                  {t(`scores.importDialog.mapping.dateFormats.${f}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ColumnSelect label={t('scores.importDialog.mapping.grade')} value={m.grade} headers={headers} onChange={(v) => setM({ ...m, grade: v })} sample={sample} />
        </Grid>
        {NEEDS_SUBJECT.has(m.family) && (
          <Grid size={{ xs: 12, md: 6 }}>
            <ColumnSelect label={t('scores.importDialog.mapping.subject')} value={m.subject} headers={headers} onChange={(v) => setM({ ...m, subject: v })} sample={sample} />
          </Grid>
        )}
        {LEVEL_FAMILIES.has(m.family) && (
          <Grid size={{ xs: 12, md: 6 }}>
            <ColumnSelect label={t('scores.importDialog.mapping.level')} value={m.level} headers={headers} onChange={(v) => setM({ ...m, level: v })} sample={sample} />
          </Grid>
        )}
        {MAPPABLE_SECTIONS[m.family].map((s) => (
          <Grid key={s} size={{ xs: 12, md: 6 }}>
            <Stack direction="row" spacing={1}>
              <ColumnSelect label={t('scores.importDialog.mapping.score', { section: sectionLabel(s) })} value={m.sections[s]?.score} headers={headers} onChange={(v) => setM({ ...m, sections: { ...m.sections, [s]: { ...m.sections[s], score: v } } })} sample={sample} />
              <ColumnSelect label={t('scores.importDialog.mapping.percentile', { section: sectionLabel(s) })} value={m.sections[s]?.percentile} headers={headers} onChange={(v) => setM({ ...m, sections: { ...m.sections, [s]: { ...m.sections[s], percentile: v } } })} />
            </Stack>
          </Grid>
        ))}
      </Grid>
      {gaps.length > 0 && <Alert severity="warning">{t('scores.importDialog.mapping.missing')}</Alert>}
      <Box>
        <Button variant="contained" disabled={gaps.length > 0 || busy} onClick={() => onSubmit(m)}>
          {t('scores.importDialog.mapping.preview')}
        </Button>
      </Box>
    </Stack>
  );
}

function PreviewStep({ p }: { p: ScoresImportPreview }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const errors = p.problems.filter((x) => x.severity === 'error').length;
  const testName = (f: TestFamily) => t(`scores.family.${f}`);
  return (
    <Stack spacing={2.5}>
      <Typography>
        {t('scores.importDialog.detected', { families: p.families.map(testName).join(', ') || '—', records: p.sourceRecords, files: p.fileNames.join(', ') })}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label={t('scores.importDialog.sample')}>
        <Chip color="primary" label={`${t('scores.importDialog.counts.new')}: ${p.counts.new}`} />
        <Chip color="primary" variant="outlined" label={`${t('scores.importDialog.counts.updated')}: ${p.counts.updated}`} />
        <Chip variant="outlined" label={`${t('scores.importDialog.counts.unchanged')}: ${p.counts.unchanged}`} />
        <Chip color={p.counts.rejected ? 'error' : 'default'} variant="outlined" label={`${t('scores.importDialog.counts.rejected')}: ${p.counts.rejected}`} />
        <Chip color={p.unmatched.length ? 'warning' : 'default'} variant="outlined" label={`${t('scores.importDialog.counts.unmatched')}: ${p.unmatched.length}`} />
      </Stack>
      <Typography color="text.secondary">{t('scores.importDialog.matched', { results: t('scores.importDialog.resultCount', { count: p.counts.new + p.counts.updated + p.counts.unchanged }), students: t('scores.importDialog.studentCount', { count: p.matchedStudents }) })}</Typography>
      {errors > 0 && <Alert severity="error">{t('scores.importDialog.blocked')}</Alert>}
      {errors === 0 && p.counts.new + p.counts.updated === 0 && p.results > 0 && <Alert severity="info">{t('scores.importDialog.nothingNew')}</Alert>}
      {p.problems.length > 0 && (
        <Box>
          <Typography variant="h3" component="h3" gutterBottom>
            {t('scores.importDialog.problems')} ({p.problems.length})
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('scores.importDialog.problemsHelp')} {i18n.language === 'es' ? t('scores.importDialog.detailsInEnglish') : ''}
          </Typography>
          <TableContainer sx={{ maxHeight: 280, border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <Table size="small" stickyHeader>
              <TableHead>
                <TableRow>
                  <TableCell>{t('scores.importDialog.columns.severity')}</TableCell>
                  <TableCell>{t('scores.importDialog.columns.row')}</TableCell>
                  <TableCell>{t('scores.importDialog.columns.column')}</TableCell>
                  <TableCell>{t('scores.importDialog.columns.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {p.problems.slice(0, 500).map((x, i) => (
                  <TableRow key={i}>
                    <TableCell>
                      <Chip size="small" color={x.severity === 'error' ? 'error' : 'warning'} label={t(`scores.importDialog.severity.${x.severity}`)} />
                    </TableCell>
                    <TableCell>{x.row ?? '—'}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-word' }}>{x.column ?? '—'}</TableCell>
                    <TableCell>
                      {t(`scores.importDialog.problemCode.${x.code}`, { defaultValue: '' }) && (
                        <Typography variant="body2" sx={{ fontWeight: 650 }}>
                          {t(`scores.importDialog.problemCode.${x.code}`)}
                        </Typography>
                      )}
                      <Typography variant="body2" lang="en">
                        {x.message}
                      </Typography>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      )}
      {p.unmatched.length > 0 && (
        <Accordion disableGutters variant="outlined">
          <AccordionSummary expandIcon={<ExpandMore />}>
            <Typography sx={{ fontWeight: 600 }}>{t('scores.importDialog.unmatched', { count: p.unmatched.length })}</Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('scores.importDialog.unmatchedHelp')}
            </Typography>
            <TableContainer sx={{ maxHeight: 240 }}>
              <Table size="small" stickyHeader>
                <TableHead>
                  <TableRow>
                    {(['row', 'localId', 'stateId', 'name', 'test'] as const).map((c) => (
                      <TableCell key={c}>{t(`scores.importDialog.unmatchedColumns.${c}`)}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {p.unmatched.slice(0, 500).map((u, i) => (
                    <TableRow key={i}>
                      <TableCell>{u.row}</TableCell>
                      <TableCell>{u.localId ?? '—'}</TableCell>
                      <TableCell>{u.stateId ?? '—'}</TableCell>
                      <TableCell>{u.name ?? '—'}</TableCell>
                      <TableCell>{testName(u.family)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </AccordionDetails>
        </Accordion>
      )}
      {p.notes.length > 0 && (
        <Stack spacing={1}>
          {p.notes.map((n) => (
            <Alert key={n.code + n.message} severity="info" variant="outlined">
              {t(`scores.importDialog.noteCode.${n.code}`, { defaultValue: '' }) && <strong>{t(`scores.importDialog.noteCode.${n.code}`)}: </strong>}
              <span lang="en">{n.message}</span>
            </Alert>
          ))}
        </Stack>
      )}
      {p.ignoredColumns.length > 0 && (
        <Accordion disableGutters variant="outlined">
          <AccordionSummary expandIcon={<ExpandMore />}>
            <Typography sx={{ fontWeight: 600 }}>{t('scores.importDialog.ignored', { count: p.ignoredColumns.length })}</Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('scores.importDialog.ignoredHelp')}
            </Typography>
            <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
              {p.ignoredColumns.join(', ')}
            </Typography>
          </AccordionDetails>
        </Accordion>
      )}
      {p.sample.length > 0 && (
        <Box>
          <Typography variant="h3" component="h3" gutterBottom>
            {t('scores.importDialog.sample')}
          </Typography>
          <TableContainer sx={{ maxHeight: 320, border: 1, borderColor: 'divider', borderRadius: 1 }}>
            <Table size="small" stickyHeader>
              <TableHead>
                <TableRow>
                  {(['student', 'test', 'date', 'scores', 'outcome'] as const).map((c) => (
                    <TableCell key={c}>{t(`scores.importDialog.sampleColumns.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {p.sample.map((s, i) => (
                  <TableRow key={i}>
                    <TableCell>{s.studentName}</TableCell>
                    <TableCell>{[testName(s.family), subjectName(t, s.family, s.subject, locale, s.summary[0]?.label)].filter(Boolean).join(' · ')}</TableCell>
                    <TableCell>{formatTestDate(s.administrationDate, s.datePrecision, locale)}</TableCell>
                    <TableCell>{s.summary.map((x) => `${x.label && x.section.includes(':') ? x.label : t(`scores.section.${x.section.split(':')[0]}`, { defaultValue: x.section })} ${x.value}`).join(' · ')}</TableCell>
                    <TableCell>
                      <Chip size="small" variant={s.outcome === 'unchanged' ? 'outlined' : 'filled'} color={s.outcome === 'new' ? 'primary' : 'default'} label={t(`scores.importDialog.outcome.${s.outcome}`)} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      )}
    </Stack>
  );
}

/**
 * Import score files: choose (main-process dialog) → map columns if needed → preview →
 * all-or-nothing commit. Mounted only while open, so every opening starts fresh.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [expect, setExpect] = useState<TestFamily | 'auto'>('auto');
  const [preview, setPreview] = useState<ScoresImportPreview | null>(null);
  const [done, setDone] = useState<ScoresImportCommitResult | null>(null);
  const choose = useMutation({
    mutationFn: () => api.scores.importChoose({ expect }),
    onSuccess: (p) => {
      setDone(null);
      if (p) setPreview(p);
    },
  });
  const map = useMutation({ mutationFn: (m: ColumnMapping) => api.scores.importMap({ token: preview!.token, mapping: m }), onSuccess: setPreview });
  const commit = useMutation({
    mutationFn: () => api.scores.importCommit({ token: preview!.token }),
    onSuccess: (r) => {
      setDone(r);
      setPreview(null);
      void qc.invalidateQueries({ queryKey: ['scores'] });
      notify(t('scores.importDialog.done', { new: r.counts.new, updated: r.counts.updated }));
    },
  });
  const close = () => {
    if (preview) void api.scores.importCancel({ token: preview.token }).catch(() => undefined);
    onClose();
  };
  const error = choose.error ?? map.error ?? commit.error;
  const busy = choose.isPending || map.isPending || commit.isPending;
  const ready = preview?.status === 'ready';
  return (
    <Dialog open={open} onClose={close} maxWidth="lg" fullWidth aria-labelledby="score-import-title">
      <DialogTitle id="score-import-title">{t('scores.importDialog.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          {error && <Alert severity="error">{errorText(t, error)}</Alert>}
          {done && (
            <Alert severity="success">
              {t('scores.importDialog.done', { new: done.counts.new, updated: done.counts.updated })} {done.unmatched > 0 ? t('scores.importDialog.doneUnmatched', { count: done.unmatched }) : ''}
            </Alert>
          )}
          {!preview && (
            <Stack spacing={2}>
              <Typography color="text.secondary">{t('scores.importDialog.formats')}</Typography>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
                <FormControl sx={{ minWidth: 280 }} size="small">
                  <InputLabel id="expect-test">{t('scores.importDialog.expect')}</InputLabel>
                  <Select labelId="expect-test" label={t('scores.importDialog.expect')} value={expect} onChange={(e) => setExpect(e.target.value as TestFamily | 'auto')}>
                    <MenuItem value="auto">{t('scores.importDialog.auto')}</MenuItem>
                    {CHOOSABLE.map((f) => (
                      <MenuItem key={f} value={f}>
                        {t(`scores.family.${f}`)}
                      </MenuItem>
                    ))}
                  </Select>
                </FormControl>
                <Button variant="contained" startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <UploadFileOutlined />} onClick={() => choose.mutate()} disabled={busy}>
                  {busy ? t('scores.importDialog.reading') : done ? t('scores.importDialog.another') : t('scores.importDialog.choose')}
                </Button>
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {t('scores.importDialog.expectHelp')}
              </Typography>
            </Stack>
          )}
          {preview?.status === 'needs-mapping' && <MappingStep preview={preview} onSubmit={(m) => map.mutate(m)} busy={busy} />}
          {ready && <PreviewStep p={preview} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {preview && (
          <Button
            onClick={() => {
              void api.scores.importCancel({ token: preview.token }).catch(() => undefined);
              setPreview(null);
            }}
          >
            {t('common.actions.back')}
          </Button>
        )}
        <Button onClick={close}>{t('common.actions.close')}</Button>
        {ready && (
          <Button variant="contained" disabled={!preview.canCommit || busy} onClick={() => commit.mutate()}>
            {t('scores.importDialog.commit', { count: preview.counts.new + preview.counts.updated })}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
