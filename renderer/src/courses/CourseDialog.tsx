import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Autocomplete, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, Grid, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { GRADE_LEVELS, type GradeLevel } from '../../../shared/domain/gradeLevels';
import { formatPrerequisites, parsePrerequisites } from '../../../shared/domain/graduation/prerequisites';
import { COURSE_FLAGS, ENDORSEMENTS, SUBJECT_AREAS, type CourseFlag, type EndorsementCode, type SubjectArea } from '../../../shared/domain/graduation/vocabulary';
import { DEFAULT_RULE_SET_REF } from '../../../shared/domain/graduation/shipped';
import type { CourseFieldsInput, CourseView } from '../../../shared/ipc/contract';
import { useNotify } from '../components/Notifier';
import { courseErrorText, pick } from './format';

interface Form {
  code: string;
  title: string;
  credits: string;
  subject: SubjectArea;
  gradeLevels: GradeLevel[];
  prerequisites: string;
  flags: CourseFlag[];
  endorsements: EndorsementCode[];
  tags: string[];
  cluster: string;
  language: string;
  equivalents: string;
  repeatable: boolean;
  highSchoolCredit: boolean;
  collegeHours: string;
  description: string;
}

function initial(c: Partial<CourseView> | undefined): Form {
  return {
    code: c?.code ?? '',
    title: c?.title ?? '',
    credits: c?.credits == null ? '' : String(c.credits),
    subject: c?.subject ?? 'elective',
    gradeLevels: c?.gradeLevels ?? ['09', '10', '11', '12'],
    prerequisites: formatPrerequisites(c?.prerequisites ?? []),
    flags: c?.flags ?? [],
    endorsements: c?.endorsements ?? [],
    tags: c?.tags ?? [],
    cluster: c?.cluster ?? '',
    language: c?.language ?? '',
    equivalents: (c?.equivalents ?? []).join('; '),
    repeatable: c?.repeatable ?? false,
    highSchoolCredit: c?.highSchoolCredit ?? true,
    collegeHours: c?.collegeHours == null ? '' : String(c.collegeHours),
    description: c?.description ?? '',
  };
}

const number = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));

/** Add or edit one catalog course. The main process checks prerequisites exist and make no cycle. */
export function CourseDialog({ course, prefill, onClose }: { course?: CourseView; prefill?: Partial<CourseView>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState<Form>(() => initial(course ?? prefill));
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<Partial<Record<keyof Form, string>>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const rules = useQuery({ queryKey: ['ruleSets', 'get', DEFAULT_RULE_SET_REF], queryFn: () => api.ruleSets.get({ ref: DEFAULT_RULE_SET_REF }), staleTime: Infinity });
  const kindOptions = useMemo(() => {
    const kinds = rules.data?.definition.courseKinds ?? {};
    return Object.keys(kinds).flatMap((k) => [k, `!${k}`]);
  }, [rules.data]);
  const kindLabel = (k: string) => {
    const neg = k.startsWith('!');
    const def = rules.data?.definition.courseKinds[neg ? k.slice(1) : k];
    const label = def ? pick(def.label, i18n.language) : k;
    return neg ? `≠ ${label}` : label;
  };
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setFieldError((e) => ({ ...e, [k]: undefined }));
  };

  const save = useMutation({
    mutationFn: (fields: CourseFieldsInput) => api.catalog.save(course ? { id: course.id, version: course.version, fields } : { fields }),
    onSuccess: async () => {
      notify(t('courses.catalog.saved'));
      await qc.invalidateQueries({ queryKey: ['catalog'] });
      await qc.invalidateQueries({ queryKey: ['coursePlans'] });
      onClose();
    },
    onError: (err) => {
      const d = isApiError(err) ? ((err.details ?? {}) as { field?: keyof Form; issues?: { path: string[]; message: string }[] }) : {};
      if (d.field) setFieldError({ [d.field]: courseErrorText(t, err) });
      else if (d.issues?.length) {
        const errs: Partial<Record<keyof Form, string>> = {};
        for (const i of d.issues) errs[(i.path[1] ?? i.path[0]) as keyof Form] = i.message;
        setFieldError(errs);
      }
      setError(courseErrorText(t, err));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.catalog.remove({ id: course!.id, version: course!.version }),
    onSuccess: async () => {
      notify(t('courses.catalog.deleted'));
      await qc.invalidateQueries({ queryKey: ['catalog'] });
      onClose();
    },
    onError: (err) => {
      setConfirmDelete(false);
      setError(courseErrorText(t, err));
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Partial<Record<keyof Form, string>> = {};
    if (!form.code.trim()) errs.code = t('student.required');
    if (!form.title.trim()) errs.title = t('student.required');
    const c = number(form.credits);
    if (c !== null && (Number.isNaN(c) || c < 0 || c > 10)) errs.credits = t('common.errors.VALIDATION');
    const h = number(form.collegeHours);
    if (h !== null && (Number.isNaN(h) || h < 0 || h > 30)) errs.collegeHours = t('common.errors.VALIDATION');
    setFieldError(errs);
    if (Object.keys(errs).length) return;
    setError(null);
    save.mutate({
      code: form.code,
      title: form.title,
      credits: c,
      subject: form.subject,
      gradeLevels: form.gradeLevels,
      prerequisites: parsePrerequisites(form.prerequisites),
      flags: form.flags,
      endorsements: form.endorsements,
      tags: form.tags,
      cluster: form.cluster || null,
      language: form.language || null,
      equivalents: form.equivalents.split(/[;,]/).map((s) => s.trim()).filter(Boolean),
      repeatable: form.repeatable,
      highSchoolCredit: form.highSchoolCredit,
      collegeHours: h,
      description: form.description.trim() || null,
    });
  }

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="course-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="course-dialog-title">{course ? t('courses.courseDialog.titleEdit', { code: course.code }) : t('courses.courseDialog.titleAdd')}</DialogTitle>
        <DialogContent dividers>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField label={t('courses.courseDialog.code')} value={form.code} onChange={(e) => set('code', e.target.value)} required autoFocus error={!!fieldError.code} helperText={fieldError.code ?? t('courses.courseDialog.codeHint')} slotProps={{ htmlInput: { maxLength: 40, spellCheck: false } }} />
            </Grid>
            <Grid size={{ xs: 12, sm: 8 }}>
              <TextField label={t('courses.courseDialog.title')} value={form.title} onChange={(e) => set('title', e.target.value)} required error={!!fieldError.title} helperText={fieldError.title} slotProps={{ htmlInput: { maxLength: 160 } }} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField label={t('courses.courseDialog.credits')} value={form.credits} onChange={(e) => set('credits', e.target.value)} error={!!fieldError.credits} helperText={fieldError.credits ?? t('courses.courseDialog.creditsHint')} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField select label={t('courses.courseDialog.subject')} value={form.subject} onChange={(e) => set('subject', e.target.value as SubjectArea)}>
                {SUBJECT_AREAS.map((s) => (
                  <MenuItem key={s} value={s}>
                    {t(`courses.subjects.${s}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <Autocomplete
                multiple
                options={[...GRADE_LEVELS]}
                value={form.gradeLevels}
                onChange={(_e, v) => set('gradeLevels', GRADE_LEVELS.filter((g) => v.includes(g)))}
                getOptionLabel={(g) => t(`common.grade.${g}`)}
                renderInput={(p) => <TextField {...p} label={t('courses.courseDialog.gradeLevels')} />}
                disableCloseOnSelect
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField label={t('courses.courseDialog.prerequisites')} value={form.prerequisites} onChange={(e) => set('prerequisites', e.target.value)} error={!!fieldError.prerequisites} helperText={fieldError.prerequisites ?? t('courses.courseDialog.prerequisitesHint')} slotProps={{ htmlInput: { spellCheck: false } }} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField label={t('courses.courseDialog.equivalents')} value={form.equivalents} onChange={(e) => set('equivalents', e.target.value)} helperText={t('courses.courseDialog.equivalentsHint')} slotProps={{ htmlInput: { spellCheck: false } }} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Autocomplete multiple options={[...COURSE_FLAGS]} value={form.flags} onChange={(_e, v) => set('flags', v)} getOptionLabel={(f) => t(`courses.flags.${f}`)} renderInput={(p) => <TextField {...p} label={t('courses.courseDialog.flags')} />} disableCloseOnSelect />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Autocomplete multiple options={[...ENDORSEMENTS]} value={form.endorsements} onChange={(_e, v) => set('endorsements', v)} getOptionLabel={(e) => t(`courses.endorsements.${e}`)} renderInput={(p) => <TextField {...p} label={t('courses.courseDialog.endorsements')} />} disableCloseOnSelect />
            </Grid>
            <Grid size={12}>
              {course && course.kinds.length > 0 && (
                <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mb: 1, alignItems: 'center' }}>
                  <Typography variant="body2" color="text.secondary">
                    {t('courses.addDialog.countsAs')}:
                  </Typography>
                  {course.kinds.map((k) => (
                    <Chip key={k.id} size="small" label={pick(k.label, i18n.language)} variant={k.fromTag ? 'filled' : 'outlined'} />
                  ))}
                </Stack>
              )}
              <Autocomplete
                multiple
                options={kindOptions}
                value={form.tags}
                onChange={(_e, v) => set('tags', v)}
                getOptionLabel={kindLabel}
                renderInput={(p) => <TextField {...p} label={t('courses.courseDialog.tags')} helperText={fieldError.tags ?? t('courses.courseDialog.tagsHint')} error={!!fieldError.tags} />}
                disableCloseOnSelect
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <TextField label={t('courses.courseDialog.cluster')} value={form.cluster} onChange={(e) => set('cluster', e.target.value)} slotProps={{ htmlInput: { maxLength: 80 } }} />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField label={t('courses.courseDialog.language')} value={form.language} onChange={(e) => set('language', e.target.value)} slotProps={{ htmlInput: { maxLength: 40 } }} />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField label={t('courses.courseDialog.collegeHours')} value={form.collegeHours} onChange={(e) => set('collegeHours', e.target.value)} error={!!fieldError.collegeHours} helperText={fieldError.collegeHours} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
            </Grid>
            <Grid size={12}>
              <Stack direction="row" spacing={3}>
                <FormControlLabel control={<Checkbox checked={form.highSchoolCredit} onChange={(e) => set('highSchoolCredit', e.target.checked)} />} label={t('courses.courseDialog.highSchoolCredit')} />
                <FormControlLabel control={<Checkbox checked={form.repeatable} onChange={(e) => set('repeatable', e.target.checked)} />} label={t('courses.courseDialog.repeatable')} />
              </Stack>
            </Grid>
            <Grid size={12}>
              <TextField label={t('courses.courseDialog.description')} value={form.description} onChange={(e) => set('description', e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 2000 } }} />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions sx={{ justifyContent: 'space-between' }}>
          <span>
            {course && (
              <Button color="error" onClick={() => setConfirmDelete(true)}>
                {t('courses.courseDialog.delete')}
              </Button>
            )}
          </span>
          <span>
            <Button onClick={onClose}>{t('common.actions.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={save.isPending} sx={{ ml: 1 }}>
              {t('common.actions.save')}
            </Button>
          </span>
        </DialogActions>
      </form>
      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} aria-labelledby="course-delete-title">
        <DialogTitle id="course-delete-title">{t('courses.courseDialog.delete')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('courses.catalog.deleteConfirm', { code: course?.code, title: course?.title })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmDelete(false)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t('common.actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Dialog>
  );
}
