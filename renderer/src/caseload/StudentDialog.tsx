import { useState, type FormEvent } from 'react';
import { Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import { GRADE_LEVELS } from '../../../shared/domain/gradeLevels';
import type { StudentDetail, StudentInput } from '../../../shared/ipc/contract';
import { errorText } from '../components/errorText';

type FormState = Record<'firstName' | 'middleName' | 'lastName' | 'preferredName' | 'localId' | 'stateId' | 'birthDate' | 'gradeLevel' | 'expectedGraduationYear' | 'campusName', string>;

function initial(s?: StudentDetail): FormState {
  return {
    firstName: s?.firstName ?? '',
    middleName: s?.middleName ?? '',
    lastName: s?.lastName ?? '',
    preferredName: s?.preferredName ?? '',
    localId: s?.localId ?? '',
    stateId: s?.stateId ?? '',
    birthDate: s?.birthDate ?? '',
    gradeLevel: s?.gradeLevel ?? '',
    expectedGraduationYear: s?.expectedGraduationYear ? String(s.expectedGraduationYear) : '',
    campusName: s?.campusName ?? '',
  };
}

function toInput(f: FormState): StudentInput {
  return {
    firstName: f.firstName,
    middleName: f.middleName || null,
    lastName: f.lastName,
    preferredName: f.preferredName || null,
    localId: f.localId || null,
    stateId: f.stateId || null,
    birthDate: f.birthDate || null,
    gradeLevel: (f.gradeLevel || null) as StudentInput['gradeLevel'],
    expectedGraduationYear: f.expectedGraduationYear ? Number(f.expectedGraduationYear) : null,
    campusName: f.campusName || null,
  };
}

/** Add or edit a student. Field errors come from the main process's validation, shown beside each field. */
export function StudentDialog({ open, student, onClose, onSaved }: { open: boolean; student?: StudentDetail; onClose: () => void; onSaved: (s: StudentDetail) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() => initial(student));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof FormState, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const campuses = useQuery({ queryKey: ['campuses'], queryFn: () => api.campuses.list(), enabled: open });

  const set = (key: keyof FormState) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setFieldErrors((e) => ({ ...e, [key]: undefined }));
  };

  function localValidate(): boolean {
    const errs: typeof fieldErrors = {};
    if (!form.firstName.trim()) errs.firstName = t('student.required');
    if (!form.lastName.trim()) errs.lastName = t('student.required');
    for (const k of ['localId', 'stateId'] as const) {
      if (form[k].trim() && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(form[k].trim())) errs[k] = t('student.invalidId');
    }
    const y = form.expectedGraduationYear.trim();
    if (y && (!/^\d{4}$/.test(y) || Number(y) < 1990 || Number(y) > 2100)) errs.expectedGraduationYear = t('student.invalidYear');
    setFieldErrors(errs);
    return Object.keys(errs).length === 0;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !localValidate()) return;
    setBusy(true);
    setError(null);
    try {
      const input = toInput(form);
      const saved = student ? await api.students.update({ id: student.id, version: student.version, changes: input }) : await api.students.create(input);
      onSaved(saved);
    } catch (err) {
      if (isApiError(err, 'DUPLICATE')) {
        const field = (err.details as { field?: 'localId' | 'stateId' })?.field;
        if (field) setFieldErrors({ [field]: t(field === 'localId' ? 'student.duplicateLocalId' : 'student.duplicateStateId') });
        else setError(err);
      } else if (isApiError(err, 'VALIDATION')) {
        const issues = (err.details as { issues?: { path: string[] }[] })?.issues ?? [];
        const errs: typeof fieldErrors = {};
        for (const issue of issues) {
          const key = (issue.path[issue.path.length - 1] ?? '') as keyof FormState;
          if (key in form) errs[key] = key === 'birthDate' ? t('student.invalidDate') : t('common.errors.VALIDATION');
        }
        setFieldErrors(errs);
        if (Object.keys(errs).length === 0) setError(err);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof FormState, props: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField
      label={t(`student.fields.${key}`)}
      value={form[key]}
      onChange={(e) => set(key)(e.target.value)}
      error={!!fieldErrors[key]}
      helperText={fieldErrors[key] ?? props.helperText ?? ' '}
      {...props}
    />
  );

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="student-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="student-dialog-title">{t(student ? 'student.dialog.editTitle' : 'student.dialog.addTitle')}</DialogTitle>
        <DialogContent dividers>
          <Grid container columnSpacing={2} rowSpacing={0.5}>
            <Grid size={{ xs: 12, sm: 4 }}>{field('firstName', { required: true, autoFocus: true })}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{field('middleName')}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{field('lastName', { required: true })}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{field('preferredName')}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{field('localId', { helperText: t('student.help.localId') })}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{field('stateId', { helperText: t('student.help.stateId') })}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{field('birthDate', { type: 'date', slotProps: { inputLabel: { shrink: true } } })}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              {field('gradeLevel', {
                select: true,
                children: [
                  <MenuItem key="" value="">
                    {t('common.grade.none')}
                  </MenuItem>,
                  ...GRADE_LEVELS.map((g) => (
                    <MenuItem key={g} value={g}>
                      {t(`common.grade.${g}`)}
                    </MenuItem>
                  )),
                ],
              })}
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{field('expectedGraduationYear', { slotProps: { htmlInput: { inputMode: 'numeric', maxLength: 4 } } })}</Grid>
            <Grid size={{ xs: 12 }}>
              <Autocomplete
                freeSolo
                options={(campuses.data ?? []).map((c) => c.name)}
                inputValue={form.campusName}
                onInputChange={(_e, v) => set('campusName')(v)}
                renderInput={(params) => <TextField {...params} label={t('student.fields.campusName')} helperText=" " />}
              />
            </Grid>
          </Grid>
          {error !== null && (
            <Alert severity="error" role="alert">
              {errorText(t, error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('common.actions.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
