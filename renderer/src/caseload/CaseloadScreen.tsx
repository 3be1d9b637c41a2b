import { useDeferredValue, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Box, Button, Chip, InputAdornment, Link, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import Search from '@mui/icons-material/Search';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { GRADE_LEVELS, type GradeLevel } from '../../../shared/domain/gradeLevels';
import type { StudentSummary } from '../../../shared/ipc/contract';
import { STUDENT_SORT_FIELDS } from '../../../shared/ipc/contract';
import { useGridLocale } from '../components/gridLocale';
import { useNotify } from '../components/Notifier';
import { StudentDialog } from './StudentDialog';

type SortField = (typeof STUDENT_SORT_FIELDS)[number];
type Status = 'active' | 'archived' | 'all';

/**
 * The caseload: search, filters and sorting run in the main process, one page at a time,
 * so the screen stays fast at 10,000 students.
 */
export function CaseloadScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const qc = useQueryClient();
  const gridLocale = useGridLocale();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [status, setStatus] = useState<Status>('active');
  const [grades, setGrades] = useState<GradeLevel[]>([]);
  const [sort, setSort] = useState<GridSortModel>([{ field: 'name', sort: 'asc' }]);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [adding, setAdding] = useState(false);

  const sortBy = (sort[0]?.field ?? 'name') as SortField;
  const query = {
    search: deferredSearch,
    status,
    gradeLevels: grades,
    sortBy,
    sortDirection: sort[0]?.sort ?? 'asc',
    page: paging.page,
    pageSize: paging.pageSize,
  } as const;
  const list = useQuery({ queryKey: ['students', 'list', query], queryFn: () => api.students.list(query), placeholderData: keepPreviousData });

  const columns = useMemo<GridColDef<StudentSummary>[]>(
    () => [
      {
        field: 'name',
        headerName: t('caseload.columns.name'),
        flex: 2,
        minWidth: 220,
        valueGetter: (_v, row) => `${row.lastName}, ${row.firstName}`,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%', flexWrap: 'wrap', columnGap: 0.5 }}>
            <Link component={RouterLink} to={`/students/${row.id}`} underline="hover" sx={{ fontWeight: 600 }}>
              {row.lastName}, {row.firstName}
            </Link>
            {row.preferredName && row.preferredName !== row.firstName && (
              <Typography component="span" variant="body2" color="text.secondary">
                {' '}
                ({t('caseload.preferredAs', { name: row.preferredName })})
              </Typography>
            )}
            {row.status === 'archived' && <Chip size="small" label={t('caseload.archivedTag')} sx={{ ml: 1 }} />}
          </Box>
        ),
      },
      { field: 'localId', headerName: t('caseload.columns.localId'), flex: 1, minWidth: 110 },
      { field: 'stateId', headerName: t('caseload.columns.stateId'), flex: 1, minWidth: 120, sortable: false },
      {
        field: 'grade',
        headerName: t('caseload.columns.grade'),
        width: 130,
        valueGetter: (_v, row) => (row.gradeLevel ? t(`common.grade.${row.gradeLevel}`) : '—'),
      },
      { field: 'graduationYear', headerName: t('caseload.columns.graduationYear'), width: 160, valueGetter: (_v, row) => row.expectedGraduationYear ?? '—' },
      { field: 'campus', headerName: t('caseload.columns.campus'), flex: 1.5, minWidth: 160, valueGetter: (_v, row) => row.campusName ?? '—' },
    ],
    [t],
  );

  const counts = list.data?.gradeCounts ?? {};
  const presentGrades = GRADE_LEVELS.filter((g) => counts[g]);
  const total = list.data?.total ?? 0;
  const nothingAtAll = !list.isFetching && total === 0 && !deferredSearch && grades.length === 0 && status === 'active';

  const toggleGrade = (g: GradeLevel) => {
    setGrades((gs) => (gs.includes(g) ? gs.filter((x) => x !== g) : [...gs, g]));
    setPaging((p) => ({ ...p, page: 0 }));
  };

  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Stack direction="row" sx={{ alignItems: 'flex-end', justifyContent: 'space-between', mb: 3 }}>
        <Box>
          <Typography variant="h1">{t('caseload.title')}</Typography>
          <Typography color="text.secondary" aria-live="polite">
            {t('caseload.count', { count: total })}
          </Typography>
        </Box>
        <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} onClick={() => setAdding(true)}>
          {t('caseload.addStudent')}
        </Button>
      </Stack>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <TextField
          label={t('caseload.searchLabel')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          sx={{ maxWidth: { md: 420 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
        />
        <ToggleButtonGroup
          exclusive
          size="small"
          value={status}
          aria-label={t('caseload.status.label')}
          onChange={(_e, v: Status | null) => {
            if (v) {
              setStatus(v);
              setPaging((p) => ({ ...p, page: 0 }));
            }
          }}
        >
          {(['active', 'archived', 'all'] as const).map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 2 }}>
              {t(`caseload.status.${s}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>

      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('caseload.grades.label')}>
        <Chip label={t('caseload.grades.all')} color={grades.length === 0 ? 'primary' : 'default'} variant={grades.length === 0 ? 'filled' : 'outlined'} onClick={() => setGrades([])} aria-pressed={grades.length === 0} />
        {presentGrades.map((g) => (
          <Chip
            key={g}
            label={`${t(`common.grade.${g}`)} · ${counts[g]}`}
            color={grades.includes(g) ? 'primary' : 'default'}
            variant={grades.includes(g) ? 'filled' : 'outlined'}
            onClick={() => toggleGrade(g)}
            aria-pressed={grades.includes(g)}
          />
        ))}
        {counts.none ? <Chip label={`${t('common.grade.none')} · ${counts.none}`} variant="outlined" disabled /> : null}
      </Stack>

      <Box sx={{ bgcolor: 'background.paper', borderRadius: 2 }}>
        <DataGrid
          aria-label={t('caseload.title')}
          rows={list.data?.rows ?? []}
          columns={columns}
          rowCount={total}
          loading={list.isFetching && !list.data}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          sortModel={sort}
          onSortModelChange={(m) => {
            setSort(m.length ? m : [{ field: 'name', sort: 'asc' }]);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          disableColumnFilter
          disableColumnMenu
          disableRowSelectionOnClick
          onRowClick={({ row }) => navigate(`/students/${row.id}`)}
          onCellKeyDown={(params, event) => {
            if (event.key === 'Enter') navigate(`/students/${params.row.id}`);
          }}
          localeText={{ ...gridLocale, noRowsLabel: nothingAtAll ? t('caseload.empty') : t('caseload.noMatch') }}
          autoHeight
          rowHeight={56}
          sx={{ border: 1, borderColor: 'divider', '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 650 } }}
        />
      </Box>

      {adding && (
        <StudentDialog
          open
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false);
            void qc.invalidateQueries({ queryKey: ['students'] });
            notify(t('student.created'));
            navigate(`/students/${s.id}`);
          }}
        />
      )}
    </Box>
  );
}
