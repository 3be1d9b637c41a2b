import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, Divider, FormControlLabel, Grid, MenuItem, Skeleton, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client';
import { ENDORSEMENTS, schoolYearLabel } from '../../../../shared/domain/graduation/vocabulary';
import { POSTSECONDARY_GOALS, type PgpFields, type PgpView, type StudentDetail } from '../../../../shared/ipc/contract';
import { formatIsoDate } from '../../components/format';
import { useNotify } from '../../components/Notifier';
import { courseErrorText } from '../format';

type Form = { [K in keyof PgpFields]: PgpFields[K] extends boolean ? boolean : string };

function toForm(f: PgpFields): Form {
  const out = {} as Record<string, string | boolean>;
  for (const [k, v] of Object.entries(f)) out[k] = typeof v === 'boolean' ? v : v == null ? '' : String(v);
  return out as Form;
}

function fromForm(f: Form): PgpFields {
  const s = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    enteredGrade9Year: f.enteredGrade9Year ? Number(f.enteredGrade9Year) : null,
    endorsement: (s(f.endorsement) as PgpFields['endorsement']) ?? null,
    endorsementChosenOn: s(f.endorsementChosenOn),
    postsecondaryGoal: (s(f.postsecondaryGoal) as PgpFields['postsecondaryGoal']) ?? null,
    dlaIntended: f.dlaIntended,
    reviewedBy: s(f.reviewedBy),
    reviewedOn: s(f.reviewedOn),
    studentAckName: s(f.studentAckName),
    studentAckDate: s(f.studentAckDate),
    parentAckName: s(f.parentAckName),
    parentAckDate: s(f.parentAckDate),
    foundationOnly: f.foundationOnly,
    foundationOnlyAdvisedOn: s(f.foundationOnlyAdvisedOn),
    foundationOnlyParentName: s(f.foundationOnlyParentName),
    foundationOnlyPermissionDate: s(f.foundationOnlyPermissionDate),
  };
}

function PgpForm({ pgp, student }: { pgp: PgpView; student: StudentDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState<Form>(() => toForm(pgp.fields));
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<Partial<Record<keyof Form, string>>>({});
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setFieldError((e) => ({ ...e, [k]: undefined }));
  };
  const save = useMutation({
    mutationFn: () => api.pgp.save({ studentId: student.id, version: pgp.version, fields: fromForm(form) }),
    onSuccess: (v) => {
      qc.setQueryData(['pgp', student.id], v);
      void qc.invalidateQueries({ queryKey: ['coursePlans', 'workspace', student.id] });
      setError(null);
      notify(t('courses.pgp.saved'));
    },
    onError: (e) => {
      const field = isApiError(e) ? ((e.details ?? {}) as { field?: keyof Form }).field : undefined;
      if (field) setFieldError({ [field]: courseErrorText(t, e) });
      setError(courseErrorText(t, e));
    },
  });
  const year = new Date().getFullYear();
  const years = Array.from({ length: 9 }, (_, i) => year - 6 + i);
  const date = (k: keyof Form, label: string, disabled = false) => (
    <TextField type="date" label={label} value={form[k] as string} disabled={disabled} onChange={(e) => set(k, e.target.value as never)} error={!!fieldError[k]} helperText={fieldError[k]} slotProps={{ inputLabel: { shrink: true } }} />
  );
  const text = (k: keyof Form, label: string, disabled = false) => (
    <TextField label={label} value={form[k] as string} disabled={disabled} onChange={(e) => set(k, e.target.value as never)} error={!!fieldError[k]} helperText={fieldError[k]} slotProps={{ htmlInput: { maxLength: 120 } }} />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const eventText = (kind: string, detail: Record<string, string | null>) =>
    t(`courses.pgp.events.${kind}`, {
      from: detail.from ? t(`courses.endorsements.${detail.from}`) : t('courses.endorsements.none'),
      to: detail.to ? t(`courses.endorsements.${detail.to}`) : t('courses.endorsements.none'),
    });
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <Card component="form" onSubmit={submit} noValidate>
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
              <Typography variant="h2" component="h3">
                {t('courses.pgp.title')}
              </Typography>
              <Chip color={pgp.signed ? 'success' : 'warning'} label={pgp.signed ? t('courses.pgp.signed') : t('courses.pgp.notSigned')} />
            </Stack>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {t('courses.pgp.intro')}
            </Typography>
            {error && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {error}
              </Alert>
            )}
            {pgp.planEndorsement && <Alert severity="warning" sx={{ mb: 2 }}>{t('courses.pgp.mismatch', { plan: t(`courses.endorsements.${pgp.planEndorsement}`), pgp: pgp.fields.endorsement ? t(`courses.endorsements.${pgp.fields.endorsement}`) : t('courses.endorsements.none') })}</Alert>}
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField select label={t('courses.pgp.enteredGrade9Year')} value={form.enteredGrade9Year} onChange={(e) => set('enteredGrade9Year', e.target.value)}>
                  <MenuItem value="">—</MenuItem>
                  {years.map((y) => (
                    <MenuItem key={y} value={String(y)}>
                      {schoolYearLabel(y)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField select label={t('courses.pgp.endorsement')} value={form.endorsement} disabled={form.foundationOnly} onChange={(e) => set('endorsement', e.target.value)} error={!!fieldError.endorsement} helperText={fieldError.endorsement}>
                  <MenuItem value="">{t('courses.endorsements.none')}</MenuItem>
                  {ENDORSEMENTS.map((x) => (
                    <MenuItem key={x} value={x}>
                      {t(`courses.endorsements.${x}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>{date('endorsementChosenOn', t('courses.pgp.endorsementChosenOn'), form.foundationOnly)}</Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField select label={t('courses.pgp.postsecondaryGoal')} value={form.postsecondaryGoal} onChange={(e) => set('postsecondaryGoal', e.target.value)}>
                  <MenuItem value="">—</MenuItem>
                  {POSTSECONDARY_GOALS.map((g) => (
                    <MenuItem key={g} value={g}>
                      {t(`courses.pgp.goals.${g}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }} sx={{ display: 'flex', alignItems: 'center' }}>
                <FormControlLabel control={<Checkbox checked={form.dlaIntended} onChange={(e) => set('dlaIntended', e.target.checked)} disabled={form.foundationOnly} />} label={t('courses.pgp.dlaIntended')} />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>{text('reviewedBy', t('courses.pgp.reviewedBy'))}</Grid>
              <Grid size={{ xs: 12, sm: 6 }}>{date('reviewedOn', t('courses.pgp.reviewedOn'))}</Grid>
            </Grid>
            <Divider sx={{ my: 2 }} />
            <Grid container spacing={2}>
              <Grid size={12}>
                <Typography variant="h4" component="h4">
                  {t('courses.pgp.studentAck')}
                </Typography>
              </Grid>
              <Grid size={{ xs: 12, sm: 7 }}>{text('studentAckName', `${t('courses.pgp.ackName')} (${t('courses.pgp.studentAck')})`)}</Grid>
              <Grid size={{ xs: 12, sm: 5 }}>{date('studentAckDate', `${t('courses.pgp.ackDate')} (${t('courses.pgp.studentAck')})`)}</Grid>
              <Grid size={12}>
                <Typography variant="h4" component="h4">
                  {t('courses.pgp.parentAck')}
                </Typography>
              </Grid>
              <Grid size={{ xs: 12, sm: 7 }}>{text('parentAckName', `${t('courses.pgp.ackName')} (${t('courses.pgp.parentAck')})`)}</Grid>
              <Grid size={{ xs: 12, sm: 5 }}>{date('parentAckDate', `${t('courses.pgp.ackDate')} (${t('courses.pgp.parentAck')})`)}</Grid>
            </Grid>
            <Divider sx={{ my: 2 }} />
            <Typography variant="h4" component="h4" gutterBottom>
              {t('courses.pgp.foundationOnly')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('courses.pgp.foundationOnlyRule')}
            </Typography>
            {!pgp.foundationOnlyAllowed && !form.foundationOnly ? (
              <Alert severity="info">{t('courses.pgp.foundationOnlyTooEarly')}</Alert>
            ) : (
              <Grid container spacing={2}>
                <Grid size={12}>
                  <FormControlLabel
                    control={<Checkbox checked={form.foundationOnly} onChange={(e) => setForm((f) => ({ ...f, foundationOnly: e.target.checked, ...(e.target.checked ? { endorsement: '', endorsementChosenOn: '', dlaIntended: false } : {}) }))} />}
                    label={t('courses.pgp.foundationOnlyChoose')}
                  />
                </Grid>
                {form.foundationOnly && (
                  <>
                    <Grid size={{ xs: 12, sm: 4 }}>{date('foundationOnlyAdvisedOn', t('courses.pgp.advisedOn'))}</Grid>
                    <Grid size={{ xs: 12, sm: 4 }}>{text('foundationOnlyParentName', t('courses.pgp.parentName'))}</Grid>
                    <Grid size={{ xs: 12, sm: 4 }}>{date('foundationOnlyPermissionDate', t('courses.pgp.permissionDate'))}</Grid>
                  </>
                )}
              </Grid>
            )}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {t('courses.pgp.amendNote')}
            </Typography>
            <Box sx={{ mt: 2, display: 'flex', justifyContent: 'flex-end' }}>
              <Button type="submit" variant="contained" disabled={save.isPending}>
                {t('common.actions.save')}
              </Button>
            </Box>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <Card>
          <CardContent>
            <Typography variant="h3" component="h3" gutterBottom>
              {t('courses.pgp.history')}
            </Typography>
            {pgp.events.length === 0 ? (
              <Typography color="text.secondary">{t('courses.pgp.noHistory')}</Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 2.25 }}>
                {pgp.events.map((e, i) => (
                  <li key={i}>
                    <Typography variant="body2">{t('courses.pgp.eventOn', { event: eventText(e.kind, e.detail), date: formatIsoDate(e.onDate ?? e.recordedAt, i18n.language) })}</Typography>
                  </li>
                ))}
              </Box>
            )}
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

/** The Texas Personal Graduation Plan record for one student. */
export function PgpPanel({ student }: { student: StudentDetail }) {
  const pgp = useQuery({ queryKey: ['pgp', student.id], queryFn: () => api.pgp.get({ studentId: student.id }) });
  if (!pgp.data) return <Skeleton variant="rounded" height={360} />;
  return <PgpForm key={pgp.data.version ?? 0} pgp={pgp.data} student={student} />;
}
