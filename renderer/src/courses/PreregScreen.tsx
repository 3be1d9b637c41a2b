import { useDeferredValue, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Box, Button, Chip, InputAdornment, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import Search from '@mui/icons-material/Search';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { GRADE_LEVELS, type GradeLevel } from '../../../shared/domain/gradeLevels';
import { schoolYearLabel } from '../../../shared/domain/graduation/vocabulary';
import type { PreregRow, PreregStatus } from '../../../shared/ipc/contract';
import { useGridLocale } from '../components/gridLocale';
import { useNotify } from '../components/Notifier';
import { courseErrorText, credits } from './format';

const STATUSES = ['all', 'none', 'entered', 'conflicts', 'reviewed'] as const;
const STATUS_COLOR: Record<PreregStatus, 'default' | 'primary' | 'warning' | 'success'> = { none: 'default', entered: 'primary', conflicts: 'warning', reviewed: 'success' };

/** Caseload-wide pre-registration: who has requests, who has conflicts, who is reviewed; export for the SIS. */
export function PreregScreen() {
  const { t, i18n } = useTranslation();
  const gridLocale = useGridLocale();
  const notify = useNotify();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('all');
  const [grades, setGrades] = useState<GradeLevel[]>([]);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const query = { search: deferred, status, gradeLevels: grades, schoolYear: year, page: paging.page, pageSize: paging.pageSize };
  const overview = useQuery({ queryKey: ['prereg', 'overview', query], queryFn: () => api.prereg.overview(query), placeholderData: keepPreviousData });
  const schoolYear = overview.data?.schoolYear ?? year ?? new Date().getFullYear();
  const exportCsv = useMutation({
    mutationFn: () => api.prereg.exportCsv({ schoolYear }),
    onSuccess: (r) => {
      if (r.saved) notify(r.rows === 0 ? t('courses.preregScreen.nothingToExport') : t('courses.preregScreen.exported', { count: r.rows }), r.rows === 0 ? 'info' : 'success');
    },
    onError: (e) => notify(courseErrorText(t, e), 'error'),
  });
  const columns = useMemo<GridColDef<PreregRow>[]>(
    () => [
      {
        field: 'name',
        headerName: t('courses.preregScreen.columns.name'),
        flex: 2,
        minWidth: 180,
        sortable: false,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/students/${row.studentId}/course-plan?view=requests`} underline="hover" sx={{ fontWeight: 600 }}>
            {row.lastName}, {row.preferredName || row.firstName}
          </Link>
        ),
      },
      { field: 'localId', headerName: t('caseload.columns.localId'), width: 100, sortable: false },
      { field: 'gradeLevel', headerName: t('courses.preregScreen.columns.grade'), width: 110, sortable: false, valueGetter: (_v, row) => (row.gradeLevel ? t(`common.grade.${row.gradeLevel}`) : '—') },
      { field: 'requests', headerName: t('courses.preregScreen.columns.requests'), width: 96, type: 'number', sortable: false },
      { field: 'alternates', headerName: t('courses.preregScreen.columns.alternates'), width: 100, type: 'number', sortable: false },
      { field: 'credits', headerName: t('courses.preregScreen.columns.credits'), width: 84, type: 'number', sortable: false, valueFormatter: (v: number) => credits(v, i18n.language) },
      { field: 'recommendations', headerName: t('courses.preregScreen.columns.recommendations'), width: 120, type: 'number', sortable: false },
      {
        field: 'conflicts',
        headerName: t('courses.preregScreen.columns.conflicts'),
        width: 96,
        type: 'number',
        sortable: false,
        renderCell: ({ row }) => (row.conflicts ? <Typography sx={{ color: 'warning.main', fontWeight: 700, lineHeight: '48px' }}>{row.conflicts}</Typography> : '0'),
      },
      {
        field: 'status',
        headerName: t('courses.preregScreen.columns.status'),
        width: 140,
        sortable: false,
        renderCell: ({ row }) => <Chip size="small" color={STATUS_COLOR[row.status]} variant={row.status === 'none' ? 'outlined' : 'filled'} label={t(`courses.preregScreen.statuses.${row.status}`)} />,
      },
    ],
    [t, i18n.language],
  );
  const counts = overview.data?.counts;
  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-end' }, mb: 3 }}>
        <Box>
          <Typography variant="h1">{t('courses.preregScreen.title')}</Typography>
          <Typography color="text.secondary">{t('courses.preregScreen.subtitle', { year: schoolYearLabel(schoolYear) })}</Typography>
        </Box>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <TextField select size="small" label={t('courses.requests.schoolYear')} value={schoolYear} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 150 }}>
            {[schoolYear - 1, schoolYear, schoolYear + 1].map((y) => (
              <MenuItem key={y} value={y}>
                {schoolYearLabel(y)}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" startIcon={<DownloadOutlined />} onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
            {t('courses.preregScreen.export')}
          </Button>
        </Stack>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <TextField
          label={t('courses.preregScreen.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          sx={{ maxWidth: { md: 380 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
        />
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label={t('courses.preregScreen.columns.status')}>
          {STATUSES.map((s) => (
            <Chip
              key={s}
              label={s === 'all' ? t('courses.preregScreen.statuses.all') : `${t(`courses.preregScreen.statuses.${s}`)} · ${counts?.[s] ?? 0}`}
              color={status === s ? 'primary' : 'default'}
              variant={status === s ? 'filled' : 'outlined'}
              onClick={() => {
                setStatus(s);
                setPaging((p) => ({ ...p, page: 0 }));
              }}
              aria-pressed={status === s}
            />
          ))}
        </Stack>
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('caseload.grades.label')}>
        {GRADE_LEVELS.filter((g) => ['08', '09', '10', '11'].includes(g)).map((g) => (
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
          aria-label={t('courses.preregScreen.title')}
          rows={overview.data?.rows ?? []}
          getRowId={(r) => r.studentId}
          columns={columns}
          rowCount={overview.data?.total ?? 0}
          loading={overview.isFetching && !overview.data}
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          disableColumnMenu
          disableColumnFilter
          disableRowSelectionOnClick
          localeText={{ ...gridLocale, noRowsLabel: t('courses.preregScreen.empty') }}
          autoHeight
          rowHeight={48}
          sx={{ border: 1, borderColor: 'divider', '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 650 } }}
        />
      </Box>
    </Box>
  );
}
