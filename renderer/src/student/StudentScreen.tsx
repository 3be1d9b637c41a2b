import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Grid, Link, Skeleton, Stack, Typography } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ArchiveOutlined from '@mui/icons-material/ArchiveOutlined';
import UnarchiveOutlined from '@mui/icons-material/UnarchiveOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { StudentDetail } from '../../../shared/ipc/contract';
import { errorText } from '../components/errorText';
import { displayName, formatIsoDate } from '../components/format';
import { useNotify } from '../components/Notifier';
import { StudentDialog } from '../caseload/StudentDialog';

/** One label/value pair: a grid cell that is itself the <div> grouping a <dt> and <dd>. */
function Field({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Grid size={{ xs: 12, sm: 6, md: 3 }} sx={{ mb: 2 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500, color: value ? 'text.primary' : 'text.secondary' }}>
        {value || t('common.notSet')}
      </Typography>
    </Grid>
  );
}

export function StudentScreen() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const studentId = Number(id);
  const qc = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const student = useQuery({ queryKey: ['students', 'get', studentId], queryFn: () => api.students.get({ id: studentId }), enabled: Number.isInteger(studentId) && studentId > 0 });

  const saved = (s: StudentDetail, message: string) => {
    qc.setQueryData(['students', 'get', s.id], s);
    void qc.invalidateQueries({ queryKey: ['students', 'list'] });
    notify(message);
  };
  const archive = useMutation({
    mutationFn: (s: StudentDetail) => (s.status === 'archived' ? api.students.restore({ id: s.id, version: s.version }) : api.students.archive({ id: s.id, version: s.version })),
    onSuccess: (s) => {
      setConfirmArchive(false);
      saved(s, t(s.status === 'archived' ? 'student.archived' : 'student.restored'));
    },
  });

  const back = (
    <Link component={RouterLink} to="/caseload" underline="hover" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 2 }}>
      <ArrowBack fontSize="small" /> {t('student.backToCaseload')}
    </Link>
  );

  if (student.isError) {
    return (
      <Box sx={{ p: 4 }}>
        {back}
        <Alert severity="error">{errorText(t, student.error)}</Alert>
      </Box>
    );
  }
  const s = student.data;
  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1400, mx: 'auto' }}>
      {back}
      {!s ? (
        <Skeleton variant="rounded" height={160} />
      ) : (
        <Stack spacing={3}>
          {s.status === 'archived' && (
            <Alert severity="info">{t('student.archivedBanner', { date: formatIsoDate(s.archivedAt, i18n.language) })}</Alert>
          )}
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
            <Box>
              <Typography variant="h1">{displayName(s)}</Typography>
              {s.preferredName && s.preferredName !== s.firstName && (
                <Typography color="text.secondary">
                  {[s.firstName, s.middleName, s.lastName].filter(Boolean).join(' ')}
                </Typography>
              )}
              <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
                {s.gradeLevel && <Chip color="primary" label={t(`common.grade.${s.gradeLevel}`)} />}
                {s.expectedGraduationYear && <Chip variant="outlined" label={`${t('student.fields.expectedGraduationYear')}: ${s.expectedGraduationYear}`} />}
                {s.localId && <Chip variant="outlined" label={`${t('student.fields.localId')}: ${s.localId}`} />}
                {s.campusName && <Chip variant="outlined" label={s.campusName} />}
              </Stack>
            </Box>
            <Stack direction="row" spacing={1}>
              <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.actions.edit')}
              </Button>
              <Button
                variant="outlined"
                color={s.status === 'archived' ? 'primary' : 'inherit'}
                startIcon={s.status === 'archived' ? <UnarchiveOutlined /> : <ArchiveOutlined />}
                onClick={() => (s.status === 'archived' ? archive.mutate(s) : setConfirmArchive(true))}
              >
                {t(s.status === 'archived' ? 'common.actions.restore' : 'common.actions.archive')}
              </Button>
            </Stack>
          </Stack>
          {archive.isError && <Alert severity="error">{errorText(t, archive.error)}</Alert>}

          <Card>
            <CardContent sx={{ p: 3 }}>
              <Typography variant="h2" gutterBottom>
                {t('student.record')}
              </Typography>
              <Grid container component="dl" columnSpacing={3} sx={{ m: 0 }}>
                <Field label={t('student.fields.firstName')} value={s.firstName} />
                <Field label={t('student.fields.middleName')} value={s.middleName} />
                <Field label={t('student.fields.lastName')} value={s.lastName} />
                <Field label={t('student.fields.preferredName')} value={s.preferredName} />
                <Field label={t('student.fields.localId')} value={s.localId} />
                <Field label={t('student.fields.stateId')} value={s.stateId} />
                <Field label={t('student.fields.birthDate')} value={formatIsoDate(s.birthDate, i18n.language)} />
                <Field label={t('student.fields.campusName')} value={s.campusName} />
              </Grid>
              <Typography variant="body2" color="text.secondary">
                {t('student.lastUpdated', { date: formatIsoDate(s.updatedAt, i18n.language) })}
              </Typography>
            </CardContent>
          </Card>
        </Stack>
      )}

      {editing && s && (
        <StudentDialog
          open
          student={s}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            saved(next, t('student.saved'));
          }}
        />
      )}
      <Dialog open={confirmArchive} onClose={() => setConfirmArchive(false)} aria-labelledby="archive-title">
        <DialogTitle id="archive-title">{t('student.archiveConfirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('student.archiveConfirmBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmArchive(false)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button variant="contained" onClick={() => s && archive.mutate(s)} disabled={archive.isPending}>
            {t('common.actions.archive')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
