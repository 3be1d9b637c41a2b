import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Grid, Stack, Tooltip, Typography } from '@mui/material';
import EditOutlined from '@mui/icons-material/EditOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import type { Guardian, StudentDetail } from '../../../shared/ipc/contract';
import type { StudentRecordField } from '../../../shared/domain/studentRecord/fields';
import { errorText } from '../components/errorText';
import { displayName, formatIsoDate } from '../components/format';
import { languageName } from '../components/languageName';
import { useNotify } from '../components/Notifier';
import { programLabel } from '../roster/labels';
import { FafsaDialog, GuardianDialog, LanguagesDialog, ProgramsDialog, RemoveGuardianDialog } from './ProfileDialogs';

/** One label/value pair: a grid cell that is itself the <div> grouping a <dt> and <dd>. */
export function Field({ label, value, typed }: { label: string; value: string | null | undefined; typed?: boolean }) {
  const { t } = useTranslation();
  return (
    <Grid size={{ xs: 12, sm: 6, md: 3 }} sx={{ mb: 2 }}>
      <Typography variant="body2" color="text.secondary" component="dt" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        {label}
        {typed && (
          <Tooltip title={t('student.enteredByYou')}>
            <EditNoteOutlined sx={{ fontSize: 16 }} aria-label={t('student.enteredByYou')} role="img" />
          </Tooltip>
        )}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500, color: value ? 'text.primary' : 'text.secondary' }}>
        {value || t('common.notSet')}
      </Typography>
    </Grid>
  );
}

type Dialog = { kind: 'languages' } | { kind: 'fafsa' } | { kind: 'programs' } | { kind: 'guardian'; guardian: Guardian | null } | { kind: 'remove'; guardian: Guardian } | null;

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent sx={{ p: 3 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
          <Typography variant="h2">{title}</Typography>
          {action}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

/** The full student record: names and IDs, languages, programs, guardians and FAFSA/TASFA status, each editable. */
export function ProfileTab({ student: s }: { student: StudentDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<unknown>(null);
  const locale = i18n.language;
  const typed = (f: StudentRecordField) => s.rosterSource !== null && s.enteredByCounselor.includes(f);

  /** Every edit carries the version on screen; a newer one on disk is a CONFLICT the counselor reloads from. */
  const save = useMutation({
    mutationFn: (run: () => Promise<StudentDetail>) => run(),
    onSuccess: (next) => {
      qc.setQueryData(['students', 'get', next.id], next);
      void qc.invalidateQueries({ queryKey: ['students', 'list'] });
      void qc.invalidateQueries({ queryKey: ['students', 'facets'] });
      setDialog(null);
      setError(null);
      notify(t('student.saved'));
    },
    onError: (err) => setError(err),
  });
  const run = (fn: () => Promise<StudentDetail>) => save.mutateAsync(fn).then(
    () => undefined,
    () => undefined, // shown in the dialog (or above the record for a CONFLICT once it closes)
  );
  const close = () => {
    setDialog(null);
    setError(null);
  };
  const reload = () => void qc.invalidateQueries({ queryKey: ['students', 'get', s.id] }).then(close);
  const common = { busy: save.isPending, error, onClose: close, onReload: reload };

  const materials = s.familyLanguage
    ? s.familyLanguage === 'en' || s.familyLanguage === 'es'
      ? t('student.profile.materialsIn', { language: languageName(s.familyLanguage, locale, { inSentence: true }) })
      : t('student.profile.materialsInterpreter', { language: languageName(s.familyLanguage, locale, { inSentence: true }) })
    : null;
  const ended = s.programHistory.filter((h) => !h.current);
  const editButton = (label: string, onClick: () => void) => (
    <Button size="small" variant="outlined" startIcon={<EditOutlined />} onClick={onClick}>
      {label}
    </Button>
  );

  return (
    <Stack spacing={2}>
      {error !== null && dialog === null && (
        <Alert
          severity="error"
          action={
            isApiError(error, 'CONFLICT') ? (
              <Button color="inherit" size="small" onClick={() => void qc.invalidateQueries({ queryKey: ['students', 'get', s.id] }).then(() => setError(null))}>
                {t('student.profile.conflictReload')}
              </Button>
            ) : undefined
          }
        >
          {errorText(t, error)}
        </Alert>
      )}

      <Section title={t('student.record')}>
        <Grid container component="dl" columnSpacing={3} sx={{ m: 0 }}>
          <Field label={t('student.fields.firstName')} value={s.firstName} typed={typed('firstName')} />
          <Field label={t('student.fields.middleName')} value={s.middleName} typed={typed('middleName')} />
          <Field label={t('student.fields.lastName')} value={s.lastName} typed={typed('lastName')} />
          <Field label={t('student.fields.preferredName')} value={s.preferredName} typed={typed('preferredName')} />
          <Field label={t('student.fields.localId')} value={s.localId} typed={typed('localId')} />
          <Field label={t('student.fields.stateId')} value={s.stateId} typed={typed('stateId')} />
          <Field label={t('student.fields.birthDate')} value={formatIsoDate(s.birthDate, locale)} typed={typed('birthDate')} />
          <Field label={t('student.fields.gradeLevel')} value={s.gradeLevel ? t(`common.grade.${s.gradeLevel}`) : null} typed={typed('gradeLevel')} />
          <Field label={t('student.fields.expectedGraduationYear')} value={s.expectedGraduationYear ? String(s.expectedGraduationYear) : null} typed={typed('expectedGraduationYear')} />
          <Field label={t('student.fields.campusName')} value={s.campusName} typed={typed('campus')} />
        </Grid>
        <Typography variant="body2" color="text.secondary">
          {t('student.lastUpdated', { date: formatIsoDate(s.updatedAt, locale) })}
          {s.lastImportedAt ? ` · ${t('student.lastImported', { date: formatIsoDate(s.lastImportedAt, locale) })}` : ''}
        </Typography>
      </Section>

      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Stack spacing={2} sx={{ height: '100%' }}>
            <Section title={t('student.profile.languagesTitle')} action={editButton(t('student.profile.languagesEdit'), () => setDialog({ kind: 'languages' }))}>
              <Grid container component="dl" columnSpacing={3} sx={{ m: 0 }}>
                <Grid size={{ xs: 12, sm: 6 }}>
                  <Typography variant="body2" color="text.secondary" component="dt">
                    {t('student.profile.homeLanguage')}
                  </Typography>
                  <Typography component="dd" sx={{ m: 0, mb: 1.5, fontWeight: 500 }}>
                    {languageName(s.homeLanguage, locale) || t('common.notSet')}
                  </Typography>
                </Grid>
                <Grid size={{ xs: 12, sm: 6 }}>
                  <Typography variant="body2" color="text.secondary" component="dt">
                    {t('student.profile.familyLanguage')}
                  </Typography>
                  <Typography component="dd" sx={{ m: 0, mb: 1.5, fontWeight: 500 }}>
                    {languageName(s.familyLanguage, locale) || t('common.notSet')}
                  </Typography>
                </Grid>
              </Grid>
              {materials && (
                <Alert severity={s.familyLanguage === 'en' || s.familyLanguage === 'es' ? 'info' : 'warning'} variant="outlined">
                  {materials}
                </Alert>
              )}
            </Section>
            <Section title={t('student.profile.fafsaTitle')} action={editButton(t('student.profile.fafsaEdit'), () => setDialog({ kind: 'fafsa' }))}>
              <Typography sx={{ fontWeight: 600 }}>
                {t(`student.profile.fafsaStatuses.${s.fafsaStatus ?? 'none'}`)}
                {s.fafsaStatusDate ? ` · ${formatIsoDate(s.fafsaStatusDate, locale)}` : ''}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('student.profile.fafsaHelp')}
              </Typography>
            </Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('student.profile.programsTitle')} action={editButton(t('student.profile.programsEdit'), () => setDialog({ kind: 'programs' }))}>
            {s.programs.length === 0 ? (
              <Typography color="text.secondary">{t('student.profile.programsNone')}</Typography>
            ) : (
              <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, p: 0, m: 0, listStyle: 'none' }}>
                {s.programHistory
                  .filter((h) => h.current)
                  .map((h) => (
                    <li key={`${h.program}-${h.beginDate}`}>
                      <Tooltip title={`${t(`student.profile.source.${h.source}`)}${h.beginDate ? ` · ${t('student.profile.programSince', { date: formatIsoDate(h.beginDate, locale) })}` : ''}`}>
                        <Chip color="primary" variant="outlined" label={programLabel(t, h.program)} tabIndex={0} />
                      </Tooltip>
                    </li>
                  ))}
              </Box>
            )}
            {ended.length > 0 && (
              <Box sx={{ mt: 2 }}>
                <Typography variant="h4" component="h3" sx={{ mb: 0.5 }}>
                  {t('student.profile.programsHistory')}
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {ended.map((h, i) => (
                    <Typography component="li" variant="body2" key={i}>
                      {programLabel(t, h.program)} —{' '}
                      {h.beginDate || h.endDate
                        ? t('student.profile.programSpan', { begin: formatIsoDate(h.beginDate, locale) || '…', end: formatIsoDate(h.endDate, locale) || t('student.profile.programEnded') })
                        : t('student.profile.programEnded')}{' '}
                      ({t(`student.profile.source.${h.source}`)})
                    </Typography>
                  ))}
                </Box>
              </Box>
            )}
          </Section>
        </Grid>
      </Grid>

      <Section
        title={t('student.profile.guardiansTitle')}
        action={
          <Button size="small" variant="outlined" startIcon={<PersonAddAlt1Outlined />} onClick={() => setDialog({ kind: 'guardian', guardian: null })}>
            {t('student.profile.addGuardian')}
          </Button>
        }
      >
        {s.guardians.length === 0 ? (
          <Typography color="text.secondary">{t('student.profile.guardiansNone')}</Typography>
        ) : (
          <Grid container spacing={2} component="ul" sx={{ p: 0, m: 0, listStyle: 'none' }}>
            {s.guardians.map((g) => (
              <Grid size={{ xs: 12, md: 6, xl: 4 }} key={g.id} component="li">
                <Card variant="outlined" sx={{ p: 2, height: '100%', borderColor: g.inRoster ? 'divider' : 'warning.main' }}>
                  <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, alignItems: 'flex-start' }}>
                    <Box>
                      <Typography variant="h3" component="h3">
                        {g.displayName}
                      </Typography>
                      <Typography variant="body2" color="text.secondary">
                        {[g.relationship ? t(`student.profile.relationships.${g.relationship}`, { defaultValue: g.relationship }) : null, t(`student.profile.source.${g.source}`)].filter(Boolean).join(' · ')}
                      </Typography>
                    </Box>
                    <Box sx={{ display: 'flex', gap: 0.5 }}>
                      <Button size="small" onClick={() => setDialog({ kind: 'guardian', guardian: g })} aria-label={`${t('student.profile.editGuardian')}: ${g.displayName}`}>
                        {t('common.actions.edit')}
                      </Button>
                      <Button size="small" color="inherit" onClick={() => setDialog({ kind: 'remove', guardian: g })} aria-label={`${t('student.profile.removeGuardian')}: ${g.displayName}`}>
                        {t('student.profile.removeGuardian')}
                      </Button>
                    </Box>
                  </Box>
                  {!g.inRoster && (
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, color: 'warning.main', mt: 1 }}>
                      <WarningAmberOutlined fontSize="small" aria-hidden />
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {t('student.profile.guardianNotInRoster')}
                      </Typography>
                    </Box>
                  )}
                  <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, mt: 1.5, mb: 0 }}>
                    {(
                      [
                        ['phone', g.phone],
                        ['email', g.email],
                        ['language', languageName(g.language, locale)],
                        ['mayReceiveInformation', t(`student.profile.mayReceive.${g.mayReceiveInformation === null ? 'unknown' : g.mayReceiveInformation ? 'yes' : 'no'}`)],
                      ] as const
                    ).map(([k, v]) => (
                      <Box key={k} sx={{ display: 'contents' }}>
                        <Typography component="dt" variant="body2" color="text.secondary">
                          {t(`student.profile.guardianFields.${k}`)}
                        </Typography>
                        <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 500, wordBreak: 'break-word' }}>
                          {v || t('common.notSet')}
                        </Typography>
                      </Box>
                    ))}
                  </Box>
                </Card>
              </Grid>
            ))}
          </Grid>
        )}
      </Section>

      {dialog?.kind === 'languages' && (
        <LanguagesDialog student={s} {...common} onSave={(changes) => run(() => api.students.update({ id: s.id, version: s.version, changes }))} />
      )}
      {dialog?.kind === 'fafsa' && (
        <FafsaDialog student={s} {...common} onSave={(changes) => run(() => api.students.update({ id: s.id, version: s.version, changes }))} />
      )}
      {dialog?.kind === 'programs' && (
        <ProgramsDialog
          student={s}
          name={displayName(s)}
          {...common}
          onSave={(programs) => run(() => api.students.setPrograms({ id: s.id, version: s.version, programs }))}
        />
      )}
      {dialog?.kind === 'guardian' && (
        <GuardianDialog
          guardian={dialog.guardian}
          {...common}
          onSave={(guardian) =>
            run(() =>
              dialog.guardian
                ? api.guardians.update({ studentId: s.id, version: s.version, guardianId: dialog.guardian.id, changes: guardian })
                : api.guardians.add({ studentId: s.id, version: s.version, guardian }),
            )
          }
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveGuardianDialog
          guardian={dialog.guardian}
          {...common}
          onConfirm={() => run(() => api.guardians.remove({ studentId: s.id, version: s.version, guardianId: dialog.guardian.id }))}
        />
      )}
    </Stack>
  );
}
