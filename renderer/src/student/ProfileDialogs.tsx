import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Grid,
  MenuItem,
  TextField,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorText } from '../components/errorText';
import { languageName } from '../components/languageName';
import { PROGRAM_CODES, type ProgramCode } from '../../../shared/domain/roster/programs';
import { FAFSA_STATUSES, RELATIONSHIPS, type FafsaStatus } from '../../../shared/domain/studentRecord/fields';
import type { Guardian, GuardianInput, StudentDetail, StudentInput } from '../../../shared/ipc/contract';
import { programLabel } from '../roster/labels';

interface Common {
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onReload: () => void;
}

/** Languages offered by name; anything else can be typed (kept as written). */
const COMMON_LANGUAGES = ['en', 'es', 'vi', 'ar', 'zh', 'ko', 'ur', 'fr', 'pt', 'hi', 'tl', 'ru', 'sw', 'ne', 'my', 'fa', 'ps', 'so', 'am', 'ht', 'de', 'ja', 'te', 'ta', 'gu', 'pa', 'bn'];

function Shell({ title, id, children, onSubmit, common }: { title: string; id: string; children: ReactNode; onSubmit: () => void; common: Common }) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!common.busy) onSubmit();
  };
  return (
    <Dialog open onClose={common.busy ? undefined : common.onClose} maxWidth="sm" fullWidth aria-labelledby={id}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={id}>{title}</DialogTitle>
        <DialogContent dividers>
          {children}
          {common.error !== null && (
            <Alert
              severity="error"
              role="alert"
              sx={{ mt: 1 }}
              action={
                isApiError(common.error, 'CONFLICT') ? (
                  <Button color="inherit" size="small" onClick={common.onReload}>
                    {t('student.profile.conflictReload')}
                  </Button>
                ) : undefined
              }
            >
              {errorText(t, common.error)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={common.onClose} disabled={common.busy}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={common.busy}>
            {t('common.actions.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** A language picker: common languages by name, or any other typed as written. */
function LanguageField({ label, value, onChange, helperText }: { label: string; value: string; onChange: (v: string) => void; helperText?: string }) {
  const { i18n } = useTranslation();
  return (
    <Autocomplete
      freeSolo
      options={COMMON_LANGUAGES}
      getOptionLabel={(o) => languageName(o, i18n.language)}
      value={value || null}
      inputValue={languageName(value, i18n.language)}
      onInputChange={(_e, v, reason) => {
        if (reason === 'input' || reason === 'clear') {
          const code = COMMON_LANGUAGES.find((c) => languageName(c, i18n.language).toLowerCase() === v.trim().toLowerCase());
          onChange(code ?? v);
        }
      }}
      onChange={(_e, v) => onChange(v ?? '')}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText ?? ' '} />}
    />
  );
}

export function LanguagesDialog({ student, onSave, ...common }: Common & { student: StudentDetail; onSave: (c: Partial<StudentInput>) => void }) {
  const { t } = useTranslation();
  const [home, setHome] = useState(student.homeLanguage ?? '');
  const initialKind = !student.familyLanguage ? '' : student.familyLanguage === 'en' || student.familyLanguage === 'es' ? student.familyLanguage : 'other';
  const [kind, setKind] = useState<'' | 'en' | 'es' | 'other'>(initialKind);
  const [other, setOther] = useState(initialKind === 'other' ? (student.familyLanguage ?? '') : '');
  return (
    <Shell
      title={t('student.profile.languagesEdit')}
      id="languages-title"
      common={common}
      onSubmit={() => onSave({ homeLanguage: home.trim() || null, familyLanguage: kind === 'other' ? other.trim() || null : kind || null })}
    >
      <LanguageField label={t('student.profile.homeLanguage')} value={home} onChange={setHome} />
      <TextField select label={t('student.profile.familyLanguage')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} helperText={t('student.profile.familyLanguageHelp')} sx={{ mb: 2 }}>
        <MenuItem value="">{t('common.notSet')}</MenuItem>
        <MenuItem value="en">{t('student.profile.languageOptions.en')}</MenuItem>
        <MenuItem value="es">{t('student.profile.languageOptions.es')}</MenuItem>
        <MenuItem value="other">{t('student.profile.languageOptions.other')}</MenuItem>
      </TextField>
      {kind === 'other' && <LanguageField label={t('student.profile.otherLanguage')} value={other} onChange={setOther} helperText={t('student.profile.otherLanguageHelp')} />}
    </Shell>
  );
}

export function FafsaDialog({ student, onSave, ...common }: Common & { student: StudentDetail; onSave: (c: Partial<StudentInput>) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FafsaStatus | ''>(student.fafsaStatus ?? '');
  const [date, setDate] = useState(student.fafsaStatusDate ?? '');
  return (
    <Shell
      title={t('student.profile.fafsaTitle')}
      id="fafsa-title"
      common={common}
      onSubmit={() => onSave({ fafsaStatus: status || null, fafsaStatusDate: status && status !== 'not-started' ? date || null : null })}
    >
      <DialogContentText sx={{ mb: 2 }}>{t('student.profile.fafsaHelp')}</DialogContentText>
      <TextField select label={t('student.profile.fafsaStatus')} value={status} onChange={(e) => setStatus(e.target.value as FafsaStatus | '')} helperText=" ">
        <MenuItem value="">{t('student.profile.fafsaStatuses.none')}</MenuItem>
        {FAFSA_STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {t(`student.profile.fafsaStatuses.${s}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        label={t('student.profile.fafsaDate')}
        value={date}
        onChange={(e) => setDate(e.target.value)}
        disabled={!status || status === 'not-started'}
        helperText={t('student.profile.fafsaDateHelp')}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Shell>
  );
}

export function ProgramsDialog({ student, name, onSave, ...common }: Common & { student: StudentDetail; name: string; onSave: (p: ProgramCode[]) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Set<ProgramCode>>(new Set(student.programs));
  const toggle = (p: ProgramCode) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(p)) next.delete(p);
      else next.add(p);
      return next;
    });
  return (
    <Shell title={t('student.profile.programsDialogTitle', { name })} id="programs-title" common={common} onSubmit={() => onSave(PROGRAM_CODES.filter((p) => selected.has(p)))}>
      <DialogContentText sx={{ mb: 1 }}>{t('student.profile.programsDialogHelp')}</DialogContentText>
      <FormGroup>
        {PROGRAM_CODES.map((p) => (
          <FormControlLabel key={p} control={<Checkbox checked={selected.has(p)} onChange={() => toggle(p)} />} label={programLabel(t, p)} />
        ))}
      </FormGroup>
    </Shell>
  );
}

type GuardianForm = Record<'firstName' | 'lastName' | 'relationOther' | 'phone' | 'email' | 'language', string> & {
  /** A vocabulary word, 'other' (then `relationOther` as written), or '' for not recorded. */
  relation: string;
  mayReceiveInformation: '' | 'yes' | 'no';
};

export function GuardianDialog({ guardian: g, onSave, ...common }: Common & { guardian: Guardian | null; onSave: (g: GuardianInput) => void }) {
  const { t } = useTranslation();
  const known = !g?.relationship || (RELATIONSHIPS as readonly string[]).includes(g.relationship);
  const [form, setForm] = useState<GuardianForm>({
    firstName: g?.firstName ?? '',
    lastName: g?.lastName ?? '',
    relation: known ? (g?.relationship ?? '') : 'other',
    relationOther: known ? '' : (g?.relationship ?? ''),
    phone: g?.phone ?? '',
    email: g?.email ?? '',
    language: g?.language ?? '',
    mayReceiveInformation: g?.mayReceiveInformation == null ? '' : g.mayReceiveInformation ? 'yes' : 'no',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof GuardianForm, string>>>({});
  const set = (k: keyof GuardianForm) => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  };
  const submit = () => {
    const e: typeof errors = {};
    if (!form.firstName.trim() && !form.lastName.trim()) e.firstName = t('student.profile.guardianNameRequired');
    if (form.phone.trim() && !/^[\d\s()+.\-x#ext]+$/i.test(form.phone.trim())) e.phone = t('student.profile.invalidPhone');
    if (form.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) e.email = t('student.profile.invalidEmail');
    setErrors(e);
    if (Object.keys(e).length) return;
    onSave({
      firstName: form.firstName.trim() || null,
      lastName: form.lastName.trim() || null,
      relationship: (form.relation === 'other' ? form.relationOther.trim() : form.relation) || null,
      phone: form.phone.trim() || null,
      email: form.email.trim() || null,
      language: form.language.trim() || null,
      mayReceiveInformation: form.mayReceiveInformation === '' ? null : form.mayReceiveInformation === 'yes',
    });
  };
  const text = (k: 'firstName' | 'lastName' | 'phone' | 'email', props: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField label={t(`student.profile.guardianFields.${k}`)} value={form[k]} onChange={(e) => set(k)(e.target.value)} error={!!errors[k]} helperText={errors[k] ?? ' '} {...props} />
  );
  return (
    <Shell title={t(g ? 'student.profile.editGuardian' : 'student.profile.addGuardian')} id="guardian-title" common={common} onSubmit={submit}>
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>{text('firstName', { autoFocus: true })}</Grid>
        <Grid size={{ xs: 12, sm: 6 }}>{text('lastName')}</Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField select label={t('student.profile.guardianFields.relationship')} value={form.relation} onChange={(e) => set('relation')(e.target.value)} helperText=" ">
            <MenuItem value="">{t('common.notSet')}</MenuItem>
            {RELATIONSHIPS.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`student.profile.relationships.${r}`)}
              </MenuItem>
            ))}
            <MenuItem value="other">{t('student.profile.relationshipOther')}</MenuItem>
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          {form.relation === 'other' && <TextField label={t('student.profile.relationshipOther')} value={form.relationOther} onChange={(e) => set('relationOther')(e.target.value)} helperText=" " />}
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>{text('phone', { slotProps: { htmlInput: { inputMode: 'tel' } } })}</Grid>
        <Grid size={{ xs: 12, sm: 6 }}>{text('email', { type: 'email' })}</Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <LanguageField label={t('student.profile.guardianFields.language')} value={form.language} onChange={set('language')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField select label={t('student.profile.guardianFields.mayReceiveInformation')} value={form.mayReceiveInformation} onChange={(e) => set('mayReceiveInformation')(e.target.value)} helperText=" ">
            <MenuItem value="">{t('student.profile.mayReceive.unknown')}</MenuItem>
            <MenuItem value="yes">{t('student.profile.mayReceive.yes')}</MenuItem>
            <MenuItem value="no">{t('student.profile.mayReceive.no')}</MenuItem>
          </TextField>
        </Grid>
      </Grid>
    </Shell>
  );
}

export function RemoveGuardianDialog({ guardian, busy, error, onClose, onReload, onConfirm }: Common & { guardian: Guardian; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="remove-guardian-title">
      <DialogTitle id="remove-guardian-title">{t('student.profile.removeGuardianTitle', { name: guardian.displayName })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('student.profile.removeGuardianBody')}</DialogContentText>
        {error !== null && (
          <Alert
            severity="error"
            sx={{ mt: 2 }}
            action={
              isApiError(error, 'CONFLICT') ? (
                <Button color="inherit" size="small" onClick={onReload}>
                  {t('student.profile.conflictReload')}
                </Button>
              ) : undefined
            }
          >
            {errorText(t, error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus disabled={busy}>
          {t('common.actions.cancel')}
        </Button>
        <Button variant="contained" color="error" onClick={onConfirm} disabled={busy}>
          {t('student.profile.removeGuardian')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
