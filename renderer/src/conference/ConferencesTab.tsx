import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Card, CardContent, Chip, Link, Skeleton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ConferenceHistoryRow, StudentDetail } from '../../../shared/ipc/contract';
import { formatDate, formatLocalDateTime } from '../../../shared/domain/conference/format';
import { errorText } from '../components/errorText';
import { StartConferenceDialog } from './StartConferenceDialog';
import { useUiLocale } from './useConference';

const STATUS_COLOR: Record<ConferenceHistoryRow['status'], 'success' | 'default' | 'info' | 'warning'> = { in_progress: 'success', ended: 'default', scheduled: 'info', cancelled: 'warning' };

/** "Start a conference" (or return to the one in progress) — on the student page header and in the tab. */
export function StartConferenceButton({ student, variant = 'contained' }: { student: StudentDetail; variant?: 'contained' | 'outlined' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useQuery({ queryKey: ['conferences', 'history', student.id], queryFn: () => api.conferences.history({ studentId: student.id }) });
  const current = history.data?.find((r) => r.status === 'in_progress');
  if (current) {
    return (
      <Button variant={variant} component={RouterLink} to={`/conferences/${current.id}`} startIcon={<EventNoteOutlined />}>
        {t('conference.start.resume')}
      </Button>
    );
  }
  return (
    <>
      <Button variant={variant} startIcon={<EventNoteOutlined />} onClick={() => setOpen(true)} disabled={student.status === 'archived'}>
        {t('conference.start.button')}
      </Button>
      {open && <StartConferenceDialog student={student} open onClose={() => setOpen(false)} />}
    </>
  );
}

/** The student's conference history, newest first. */
export function ConferencesTab({ student }: { student: StudentDetail }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const history = useQuery({ queryKey: ['conferences', 'history', student.id], queryFn: () => api.conferences.history({ studentId: student.id }) });
  return (
    <Card>
      <CardContent sx={{ p: 3 }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
          <Typography variant="h2">{t('conference.history.title')}</Typography>
          <StartConferenceButton student={student} variant="outlined" />
        </Stack>
        {history.isError && <Alert severity="error">{errorText(t, history.error)}</Alert>}
        {history.isLoading && <Skeleton variant="rounded" height={120} />}
        {history.data && history.data.length === 0 && <Typography color="text.secondary">{t('conference.history.empty')}</Typography>}
        {history.data && history.data.length > 0 && (
          <TableContainer>
            <Table size="small" aria-label={t('conference.history.title')}>
              <TableHead>
                <TableRow>
                  {(['date', 'purpose', 'status', 'attendees', 'decisions', 'actions', 'summary'] as const).map((c) => (
                    <TableCell key={c}>{t(`conference.history.columns.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {history.data.map((r) => (
                  <TableRow key={r.id} hover>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Link component={RouterLink} to={`/conferences/${r.id}`} underline="hover" sx={{ fontWeight: 600 }}>
                        {r.startedAt ? formatDate(r.startedAt, locale, 'medium') : formatLocalDateTime(r.scheduledFor, locale)}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {r.title ?? t(`conference.purposes.${r.purpose}`)}
                      {r.nextMeetingDate && (
                        <Typography variant="body2" color="text.secondary">
                          {t('conference.history.nextMeeting', { date: formatDate(r.nextMeetingDate, locale, 'medium') })}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Chip size="small" color={STATUS_COLOR[r.status]} label={t(`conference.statuses.${r.status}`)} />
                    </TableCell>
                    <TableCell sx={{ maxWidth: 260 }}>{r.attendeeNames.join(', ')}</TableCell>
                    <TableCell>{r.decisions}</TableCell>
                    <TableCell>{r.openActionItems}</TableCell>
                    <TableCell>{r.hasSummary ? (r.acknowledged ? t('conference.history.acknowledged') : t('conference.history.summaryReady')) : t('conference.history.noSummary')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
