import { useDeferredValue, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Box, Checkbox, Chip, InputAdornment, Link, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TablePagination, TableRow, TextField, ToggleButton, ToggleButtonGroup, Typography, Paper } from '@mui/material';
import Search from '@mui/icons-material/Search';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { FOLLOW_UP_BUCKETS, type FollowUpBucket, type FollowUpRow } from '../../../shared/ipc/contract';
import { dueStatus, type DueStatus } from '../../../shared/domain/conference/followUps';
import { formatDate, studentDisplayName } from '../../../shared/domain/conference/format';
import { useNotify } from '../components/Notifier';
import { conferenceErrorText } from './errors';
import { useUiLocale } from './useConference';
import { useOptimisticChecks } from './console/useOptimistic';

const STATUS_COLOR: Record<DueStatus, 'error' | 'warning' | 'info' | 'default' | 'success'> = { overdue: 'error', today: 'warning', soon: 'warning', later: 'info', no_date: 'default', done: 'success' };

/** Action items from conferences across the caseload: overdue, due this week, all open, done. */
export function FollowUpsScreen() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const qc = useQueryClient();
  const notify = useNotify();
  const [bucket, setBucket] = useState<FollowUpBucket>('week');
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const input = { bucket, search: deferred, page, pageSize };
  const list = useQuery({ queryKey: ['conferences', 'followUps', input], queryFn: () => api.conferences.followUps(input), placeholderData: keepPreviousData });
  const data = list.data;

  const checks = useOptimisticChecks();
  const toggle = (row: FollowUpRow, done: boolean) =>
    checks.toggle(row.id, done, async () => {
      try {
        await api.conferences.updateActionItem({ id: row.id, version: row.version, changes: { done }, locale });
        await qc.invalidateQueries({ queryKey: ['conferences'] });
      } catch (err) {
        notify(conferenceErrorText(t, err), 'error');
      }
    });

  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Typography variant="h1">{t('conference.followUps.title')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('conference.followUps.subtitle')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={bucket}
          aria-label={t('conference.followUps.bucketLabel')}
          onChange={(_e, v: FollowUpBucket | null) => {
            if (v) {
              setBucket(v);
              setPage(0);
            }
          }}
        >
          {FOLLOW_UP_BUCKETS.map((b) => (
            <ToggleButton key={b} value={b} sx={{ px: 1.75 }}>
              {t(`conference.followUps.buckets.${b}`)}
              {data && (
                <Chip size="small" label={data.counts[b]} color={b === 'overdue' && data.counts.overdue > 0 ? 'error' : 'default'} sx={{ ml: 1, height: 20 }} />
              )}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          size="small"
          label={t('conference.followUps.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(0);
          }}
          sx={{ maxWidth: { md: 420 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
        />
      </Stack>
      {list.isError && <Alert severity="error">{conferenceErrorText(t, list.error)}</Alert>}
      <Paper variant="outlined">
        <TableContainer>
          <Table size="small" aria-label={t('conference.followUps.table')}>
            <TableHead>
              <TableRow>
                {(['done', 'due', 'task', 'owner', 'student', 'conference'] as const).map((c) => (
                  <TableCell key={c}>{t(`conference.followUps.columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data?.rows.map((r) => {
                const status = dueStatus(r, data.today);
                return (
                  <TableRow key={r.id} hover>
                    <TableCell padding="checkbox">
                      <Checkbox checked={checks.checked(r.id, r.done)} onChange={(e) => void toggle(r, e.target.checked)} slotProps={{ input: { 'aria-label': t('conference.actions.markDone', { text: r.text }) } }} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                        <span>{r.dueDate ? formatDate(r.dueDate, locale, 'medium') : '—'}</span>
                        <Chip size="small" color={STATUS_COLOR[status]} variant={status === 'later' || status === 'no_date' ? 'outlined' : 'filled'} label={status === 'done' && r.doneAt ? t('conference.followUps.doneOn', { date: formatDate(r.doneAt, locale, 'medium') }) : t(`conference.followUps.status.${status}`)} />
                      </Stack>
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 600, textDecoration: r.done ? 'line-through' : 'none' }}>
                        {r.text}
                      </Typography>
                      {r.visibility === 'private' && <Chip size="small" icon={<LockOutlined />} label={t('conference.followUps.private')} sx={{ height: 20, mt: 0.5 }} />}
                    </TableCell>
                    <TableCell>
                      {r.ownerName ?? t('conference.actions.ownerNone')}
                      {r.ownerRole && (
                        <Typography variant="body2" color="text.secondary">
                          {t(`conference.roles.${r.ownerRole}`)}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Link component={RouterLink} to={`/students/${r.student.id}/conferences`} underline="hover" sx={{ fontWeight: 600 }}>
                        {studentDisplayName(r.student)}
                      </Link>
                      {r.student.gradeLevel && (
                        <Typography variant="body2" color="text.secondary">
                          {t(`common.grade.${r.student.gradeLevel}`)}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Link component={RouterLink} to={`/conferences/${r.conference.id}`} underline="hover">
                        {r.conference.title ?? t(`conference.purposes.${r.conference.purpose}`)}
                      </Link>
                      {r.conference.date && (
                        <Typography variant="body2" color="text.secondary">
                          {formatDate(r.conference.date, locale, 'medium')}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
              {data && data.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>
                    <Typography color="text.secondary" sx={{ py: 2 }}>
                      {t(`conference.followUps.empty.${bucket}`)}
                    </Typography>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination
          component="div"
          count={data?.total ?? 0}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_e, p) => setPage(p)}
          onRowsPerPageChange={(e) => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
          labelRowsPerPage={t('conference.followUps.rowsPerPage')}
          labelDisplayedRows={({ from, to, count }) => t('conference.followUps.displayedRows', { from, to, count })}
          getItemAriaLabel={(type) => t(`conference.followUps.page.${type}`)}
        />
      </Paper>
    </Box>
  );
}
