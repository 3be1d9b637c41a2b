import { useDeferredValue, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Box, Chip, InputAdornment, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import Search from '@mui/icons-material/Search';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { GRADE_LEVELS, type GradeLevel } from '../../../shared/domain/gradeLevels';
import { summarizeReasons } from '../../../shared/domain/graduation/describe';
import type { OffTrackRow } from '../../../shared/ipc/contract';
import { useGridLocale } from '../components/gridLocale';
import { credits, useT } from './format';

const STATUSES = ['at-risk', 'no-plan', 'on-track', 'all'] as const;

/** Left-nav screen: every high-school student's active plan audited; who needs attention and why. */
export function GraduationReportScreen() {
  const { t, i18n } = useTranslation();
  const tt = useT(t);
  const gridLocale = useGridLocale();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('at-risk');
  const [grades, setGrades] = useState<GradeLevel[]>([]);
  const [reason, setReason] = useState('');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const query = { search: deferred, status, gradeLevels: grades, reason: reason || undefined, page: paging.page, pageSize: paging.pageSize };
  const report = useQuery({ queryKey: ['coursePlans', 'offTrack', query], queryFn: () => api.coursePlans.offTrack(query), placeholderData: keepPreviousData });
  const columns = useMemo<GridColDef<OffTrackRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('courses.report.columns.name'),
        flex: 1.1,
        minWidth: 170,
        sortable: false,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/students/${row.studentId}/course-plan`} underline="hover" sx={{ fontWeight: 600 }}>
            {row.lastName}, {row.preferredName || row.firstName}
          </Link>
        ),
      },
      { field: 'gradeLevel', headerName: t('courses.report.columns.grade'), width: 100, sortable: false, valueGetter: (_v, row) => (row.gradeLevel ? t(`common.grade.${row.gradeLevel}`) : '—') },
      {
        field: 'credits',
        headerName: t('courses.report.columns.credits'),
        // Sized for the Spanish header ("Obtenidos / planeados / necesarios"); the row must fit 1366 px.
        width: 280,
        sortable: false,
        valueGetter: (_v, row) => (row.status === 'no-plan' ? '—' : `${credits(row.credits.earned, i18n.language)} / ${credits(row.credits.reached, i18n.language)} / ${credits(row.credits.required, i18n.language)}`),
      },
      { field: 'endorsement', headerName: t('courses.report.columns.endorsement'), width: 150, sortable: false, valueGetter: (_v, row) => (row.endorsement ? t(`courses.endorsements.${row.endorsement}`) : '—') },
      {
        field: 'reasons',
        headerName: t('courses.report.columns.reasons'),
        flex: 3,
        minWidth: 300,
        sortable: false,
        renderCell: ({ row }) =>
          row.status === 'no-plan' ? (
            <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
              {t('courses.report.noPlan')}
            </Typography>
          ) : row.status === 'on-track' ? (
            <Chip size="small" color="success" label={t('courses.report.statuses.on-track')} />
          ) : (
            <Box sx={{ py: 0.75, whiteSpace: 'normal', lineHeight: 1.35 }}>
              {(() => {
                const lines = summarizeReasons(tt, i18n.language, row.reasons);
                return (
                  <>
                    {lines.slice(0, 2).map((r, i) => (
                      <Typography key={i} variant="body2">
                        {r}
                      </Typography>
                    ))}
                    {lines.length > 2 && (
                      <Typography variant="caption" color="text.secondary">
                        {t('courses.report.more', { count: lines.length - 2 })}
                      </Typography>
                    )}
                  </>
                );
              })()}
            </Box>
          ),
      },
    ],
    [t, i18n.language, tt],
  );
  const counts = report.data?.counts;
  const reasonCodes = Object.entries(report.data?.reasonCounts ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Box sx={{ mb: 3 }}>
        <Typography variant="h1">{t('courses.report.title')}</Typography>
        <Typography color="text.secondary">{t('courses.report.subtitle')}</Typography>
      </Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' }, flexWrap: 'wrap' }} useFlexGap>
        <TextField
          label={t('caseload.searchLabel')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          sx={{ maxWidth: { md: 360 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
        />
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label={t('courses.preregScreen.columns.status')}>
          {STATUSES.map((s) => (
            <Chip
              key={s}
              label={s === 'all' ? t('courses.report.statuses.all') : `${t(`courses.report.statuses.${s}`)} · ${counts?.[s] ?? 0}`}
              color={status === s ? (s === 'at-risk' ? 'warning' : 'primary') : 'default'}
              variant={status === s ? 'filled' : 'outlined'}
              onClick={() => {
                setStatus(s);
                setPaging((p) => ({ ...p, page: 0 }));
              }}
              aria-pressed={status === s}
            />
          ))}
        </Stack>
        <TextField select size="small" fullWidth={false} label={t('courses.report.reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ minWidth: 260 }}>
          <MenuItem value="">{t('courses.report.anyReason')}</MenuItem>
          {reasonCodes.map(([code, n]) => (
            <MenuItem key={code} value={code}>
              {t(`courses.reasonNames.${code}`, { defaultValue: code })} · {n}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('caseload.grades.label')}>
        {GRADE_LEVELS.filter((g) => ['09', '10', '11', '12'].includes(g)).map((g) => (
          <Chip
            key={g}
            label={t(`common.grade.${g}`)}
            color={grades.includes(g) ? 'primary' : 'default'}
            variant={grades.includes(g) ? 'filled' : 'outlined'}
            onClick={() => setGrades((x) => (x.includes(g) ? x.filter((y) => y !== g) : [...x, g]))}
            aria-pressed={grades.includes(g)}
          />
        ))}
      </Stack>
      <Box sx={{ bgcolor: 'background.paper', borderRadius: 2 }}>
        <DataGrid
          aria-label={t('courses.report.title')}
          rows={report.data?.rows ?? []}
          getRowId={(r) => r.studentId}
          columns={columns}
          rowCount={report.data?.total ?? 0}
          loading={report.isFetching && !report.data}
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          disableColumnMenu
          disableColumnFilter
          disableRowSelectionOnClick
          getRowHeight={() => 'auto'}
          localeText={{ ...gridLocale, noRowsLabel: t('courses.report.empty') }}
          autoHeight
          sx={{ border: 1, borderColor: 'divider', '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 650 }, '& .MuiDataGrid-cell': { alignItems: 'center', display: 'flex' } }}
        />
      </Box>
    </Box>
  );
}
