import { useState } from 'react';
import { Alert, Autocomplete, Box, Button, Card, CardContent, Chip, FormControlLabel, Grid, IconButton, MenuItem, Skeleton, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import PlaylistAddCheckOutlined from '@mui/icons-material/PlaylistAddCheckOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { schoolYearLabel } from '../../../../shared/domain/graduation/vocabulary';
import type { Conflict, CourseView, PreregStudentView, StudentDetail } from '../../../../shared/ipc/contract';
import { formatIsoDate } from '../../components/format';
import { useNotify } from '../../components/Notifier';
import { courseErrorText, credits } from '../format';

export function conflictText(t: (k: string, o?: Record<string, unknown>) => string, c: Conflict): string {
  const key = c.kind === 'missing-prerequisite' && c.params.reason && c.params.reason !== 'missing' ? `courses.requests.conflicts.missing-prerequisite-${c.params.reason}` : `courses.requests.conflicts.${c.kind}`;
  return t(key, { ...c.params, grade: typeof c.params.grade === 'string' ? t(`common.grade.${c.params.grade}`) : c.params.grade });
}

/** Next year's course requests for one student, teachers' placement recommendations, and the conflicts between them. */
export function RequestsPanel({ student }: { student: StudentDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [course, setCourse] = useState<CourseView | null>(null);
  const [priority, setPriority] = useState<'primary' | 'alternate'>('primary');
  const [rec, setRec] = useState<{ teacher: string; course: CourseView | null; recommendation: 'recommended' | 'not-recommended'; note: string }>({ teacher: '', course: null, recommendation: 'recommended', note: '' });
  const [error, setError] = useState<string | null>(null);
  const view = useQuery({ queryKey: ['prereg', 'student', student.id, year ?? 'next'], queryFn: () => api.prereg.student({ studentId: student.id, schoolYear: year }) });
  const catalog = useQuery({ queryKey: ['catalog', 'list'], queryFn: () => api.catalog.list() });
  const v = view.data;
  const apply = (x: PreregStudentView) => {
    setError(null);
    qc.setQueryData(['prereg', 'student', student.id, year ?? 'next'], x);
    void qc.invalidateQueries({ queryKey: ['prereg', 'overview'] });
    void qc.invalidateQueries({ queryKey: ['coursePlans', 'workspace', student.id] });
    notify(t('courses.requests.saved'));
  };
  const run = useMutation({ mutationFn: (call: () => Promise<PreregStudentView>) => call(), onSuccess: apply, onError: (e) => setError(courseErrorText(t, e)) });
  if (!v) return <Skeleton variant="rounded" height={300} />;
  const courses = (catalog.data?.courses ?? []).filter((c) => c.highSchoolCredit);
  const tt = t as unknown as (k: string, o?: Record<string, unknown>) => string;
  const thisYear = v.schoolYear;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Card>
          <CardContent>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}>
              <Typography variant="h2" component="h3">
                {t('courses.requests.title')}
              </Typography>
              <TextField select size="small" label={t('courses.requests.schoolYear')} value={thisYear} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 160 }}>
                {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
                  <MenuItem key={y} value={y}>
                    {schoolYearLabel(y)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {v.nextGrade ? t('courses.requests.nextGrade', { grade: t(`common.grade.${v.nextGrade}`) }) : t('courses.requests.noNextGrade')} · {t('courses.requests.credits', { count: v.credits })}
            </Typography>
            {error && (
              <Alert severity="error" sx={{ mb: 2 }} onClose={() => setError(null)}>
                {error}
              </Alert>
            )}
            {v.fromPlan.length > 0 && (
              <Alert
                severity="info"
                sx={{ mb: 2 }}
                action={
                  <Button color="inherit" size="small" startIcon={<PlaylistAddCheckOutlined />} onClick={() => run.mutate(() => api.prereg.requestFromPlan({ studentId: student.id, schoolYear: thisYear }))}>
                    {t('courses.requests.fromPlan', { count: v.fromPlan.length })}
                  </Button>
                }
              >
                {t('courses.requests.fromPlanList', { courses: v.fromPlan.map((p) => p.title).join(', ') })}
              </Alert>
            )}
            {v.requests.length === 0 ? (
              <Typography color="text.secondary" sx={{ mb: 2 }}>
                {t('courses.requests.none')}
              </Typography>
            ) : (
              <Table size="small" aria-label={t('courses.requests.title')} sx={{ mb: 2 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('courses.requests.course')}</TableCell>
                    <TableCell>{t('courses.requests.priority')}</TableCell>
                    <TableCell align="right">{t('courses.catalog.columns.credits')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {v.requests.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {r.title}{' '}
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                            {r.code}
                          </Typography>
                        </Typography>
                        {r.conflicts.map((c, i) => (
                          <Stack key={i} direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'warning.main' }}>
                            <WarningAmber sx={{ fontSize: 16 }} aria-hidden />
                            <Typography variant="caption" sx={{ color: 'warning.main', fontWeight: 600 }}>
                              {conflictText(tt, c)}
                            </Typography>
                          </Stack>
                        ))}
                      </TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          label={t(`courses.requests.priorities.${r.priority}`)}
                          color={r.priority === 'primary' ? 'primary' : 'default'}
                          variant={r.priority === 'primary' ? 'filled' : 'outlined'}
                          onClick={() => run.mutate(() => api.prereg.updateRequest({ requestId: r.id, version: r.version, changes: { priority: r.priority === 'primary' ? 'alternate' : 'primary' } }))}
                          aria-label={`${t(`courses.requests.priorities.${r.priority}`)}: ${r.priority === 'primary' ? t('courses.requests.makeAlternate') : t('courses.requests.makePrimary')}`}
                        />
                      </TableCell>
                      <TableCell align="right">{credits(r.credits, i18n.language)}</TableCell>
                      <TableCell align="right">
                        <Tooltip title={t('courses.requests.remove', { course: r.title })}>
                          <IconButton aria-label={t('courses.requests.remove', { course: r.title })} onClick={() => run.mutate(() => api.prereg.removeRequest({ requestId: r.id, version: r.version }))}>
                            <DeleteOutlined />
                          </IconButton>
                        </Tooltip>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
              <Autocomplete
                sx={{ flex: 1 }}
                options={courses}
                value={course}
                onChange={(_e, c) => setCourse(c)}
                getOptionLabel={(c) => `${c.code} — ${c.title}`}
                renderInput={(p) => <TextField {...p} size="small" label={t('courses.requests.add')} />}
                autoHighlight
              />
              <TextField select size="small" label={t('courses.requests.priority')} value={priority} onChange={(e) => setPriority(e.target.value as 'primary' | 'alternate')} sx={{ width: 150 }}>
                <MenuItem value="primary">{t('courses.requests.priorities.primary')}</MenuItem>
                <MenuItem value="alternate">{t('courses.requests.priorities.alternate')}</MenuItem>
              </TextField>
              <Button
                variant="contained"
                disabled={!course || run.isPending}
                onClick={() => {
                  const c = course!;
                  setCourse(null);
                  run.mutate(() => api.prereg.addRequest({ studentId: student.id, schoolYear: thisYear, code: c.code, priority }));
                }}
              >
                {t('common.actions.add')}
              </Button>
            </Stack>
            <Box sx={{ mt: 2 }}>
              <FormControlLabel
                control={<Switch checked={v.status === 'reviewed'} onChange={(e) => run.mutate(() => api.prereg.setReviewed({ studentId: student.id, schoolYear: thisYear, reviewed: e.target.checked }))} />}
                label={v.reviewedOn ? `${t('courses.requests.reviewed')} · ${t('courses.requests.reviewedOn', { date: formatIsoDate(v.reviewedOn, i18n.language) })}` : t('courses.requests.reviewed')}
              />
            </Box>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Card>
          <CardContent>
            <Typography variant="h3" component="h3" gutterBottom>
              {t('courses.requests.recommendations')}
            </Typography>
            {v.recommendations.length === 0 ? (
              <Typography color="text.secondary" sx={{ mb: 2 }}>
                {t('courses.requests.noRecommendations')}
              </Typography>
            ) : (
              <Stack spacing={1} sx={{ mb: 2 }}>
                {v.recommendations.map((r) => (
                  <Stack key={r.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                    <Box sx={{ flex: 1 }}>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {r.title} ·{' '}
                        <Typography component="span" variant="body2" color={r.recommendation === 'recommended' ? 'success.main' : 'error.main'} sx={{ fontWeight: 600 }}>
                          {t(`courses.requests.recommendationValues.${r.recommendation}`)}
                        </Typography>
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {r.teacher}
                        {r.note ? ` — ${r.note}` : ''}
                      </Typography>
                      {r.notRequested && (
                        <Typography variant="caption" sx={{ display: 'block', color: 'warning.main', fontWeight: 600 }}>
                          {t('courses.requests.notRequested')}
                        </Typography>
                      )}
                    </Box>
                    <IconButton aria-label={t('courses.requests.removeRecommendation', { teacher: r.teacher })} onClick={() => run.mutate(() => api.prereg.removeRecommendation({ recommendationId: r.id, version: r.version }))}>
                      <DeleteOutlined />
                    </IconButton>
                  </Stack>
                ))}
              </Stack>
            )}
            <Typography variant="h4" component="h4" gutterBottom>
              {t('courses.requests.addRecommendation')}
            </Typography>
            <Stack spacing={1.5}>
              <TextField size="small" label={t('courses.requests.teacher')} value={rec.teacher} onChange={(e) => setRec((r) => ({ ...r, teacher: e.target.value }))} slotProps={{ htmlInput: { maxLength: 120 } }} />
              <Autocomplete options={courses} value={rec.course} onChange={(_e, c) => setRec((r) => ({ ...r, course: c }))} getOptionLabel={(c) => `${c.code} — ${c.title}`} renderInput={(p) => <TextField {...p} size="small" label={t('courses.requests.course')} />} />
              <TextField select size="small" label={t('courses.requests.recommendation')} value={rec.recommendation} onChange={(e) => setRec((r) => ({ ...r, recommendation: e.target.value as 'recommended' | 'not-recommended' }))}>
                <MenuItem value="recommended">{t('courses.requests.recommendationValues.recommended')}</MenuItem>
                <MenuItem value="not-recommended">{t('courses.requests.recommendationValues.not-recommended')}</MenuItem>
              </TextField>
              <TextField size="small" label={t('courses.requests.note')} value={rec.note} onChange={(e) => setRec((r) => ({ ...r, note: e.target.value }))} multiline slotProps={{ htmlInput: { maxLength: 500 } }} />
              <Box>
                <Button
                  variant="outlined"
                  disabled={!rec.teacher.trim() || !rec.course || run.isPending}
                  onClick={() => {
                    const r = rec;
                    setRec({ teacher: r.teacher, course: null, recommendation: 'recommended', note: '' });
                    run.mutate(() => api.prereg.addRecommendation({ studentId: student.id, schoolYear: thisYear, fields: { teacher: r.teacher.trim(), code: r.course!.code, recommendation: r.recommendation, note: r.note.trim() || null } }));
                  }}
                >
                  {t('common.actions.add')}
                </Button>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
