import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Link, Skeleton, Stack, Tab, Tabs, Typography } from '@mui/material';
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
import { STUDENT_HEADER_ACTIONS, STUDENT_TABS } from './studentTabs';

export function StudentScreen() {
  const { t, i18n } = useTranslation();
  const { id, tab: tabId } = useParams();
  const tab = STUDENT_TABS.find((x) => x.id === tabId) ?? STUDENT_TABS[0];
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
              {STUDENT_HEADER_ACTIONS.map((a) => (
                <Box key={a.id}>{a.render(s)}</Box>
              ))}
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

          <Box>
            <Tabs value={tab.id} aria-label={t('student.tabs.label')} variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
              {STUDENT_TABS.map((x) => (
                <Tab key={x.id} value={x.id} label={t(x.labelKey)} component={RouterLink} to={`/students/${s.id}/${x.id}`} id={`tab-${x.id}`} aria-controls={`tabpanel-${x.id}`} />
              ))}
            </Tabs>
            <Box role="tabpanel" id={`tabpanel-${tab.id}`} aria-labelledby={`tab-${tab.id}`}>
              {tab.render(s)}
            </Box>
          </Box>
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
