import { useDeferredValue, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Box, Button, Chip, InputAdornment, Link, Stack, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import Search from '@mui/icons-material/Search';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import FilterAltOffOutlined from '@mui/icons-material/FilterAltOffOutlined';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { GRADE_LEVELS, type GradeLevel } from '../../../shared/domain/gradeLevels';
import type { ProgramCode } from '../../../shared/domain/roster/programs';
import type { CaseloadFacts, CaseloadViewQuery, GradeFilterValue, StudentSummary } from '../../../shared/ipc/contract';
import { STUDENT_SORT_FIELDS } from '../../../shared/ipc/contract';
import { useGridLocale } from '../components/gridLocale';
import { useNotify } from '../components/Notifier';
import { programLabel } from '../roster/labels';
import { StudentDialog } from './StudentDialog';
import { MultiSelect } from './MultiSelect';
import { SavedViews } from './SavedViews';
import { FactFilters } from './FactFilters';

type SortField = (typeof STUDENT_SORT_FIELDS)[number];
type Status = 'active' | 'archived' | 'all';

export interface Filters {
  search: string;
  status: Status;
  gradeLevels: GradeFilterValue[];
  programs: ProgramCode[];
  programMatch: 'any' | 'all';
  graduationYears: number[];
  campusIds: number[];
  /** Course plan, goals, last conference, follow-ups (see FactFilters). */
  facts: CaseloadFacts;
}

const NO_FILTERS: Filters = { search: '', status: 'active', gradeLevels: [], programs: [], programMatch: 'any', graduationYears: [], campusIds: [], facts: {} };
const DEFAULT_SORT: GridSortModel = [{ field: 'name', sort: 'asc' }];

/**
 * The caseload: search, filters and sorting run in the main process, one page at a time,
 * so the screen stays fast at 10,000 students. Filter sets can be saved as named views.
 */
export function CaseloadScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const qc = useQueryClient();
  const gridLocale = useGridLocale();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const deferredSearch = useDeferredValue(filters.search);
  const [sort, setSort] = useState<GridSortModel>(DEFAULT_SORT);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [activeView, setActiveView] = useState<{ id: number; name: string } | null>(null);
  const [adding, setAdding] = useState(false);

  const sortBy = (sort[0]?.field ?? 'name') as SortField;
  const sortDirection = sort[0]?.sort ?? 'asc';
  const query = { ...filters, search: deferredSearch, sortBy, sortDirection, page: paging.page, pageSize: paging.pageSize } as const;
  const list = useQuery({ queryKey: ['students', 'list', query], queryFn: () => api.students.list(query), placeholderData: keepPreviousData });
  const facets = useQuery({ queryKey: ['students', 'facets'], queryFn: () => api.students.facets() });

  const update = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 0 }));
    setActiveView(null);
  };

  const columns = useMemo<GridColDef<StudentSummary>[]>(
    () => [
      {
        field: 'name',
        headerName: t('caseload.columns.name'),
        flex: 2,
        minWidth: 200,
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
      { field: 'localId', headerName: t('caseload.columns.localId'), flex: 0.8, minWidth: 100 },
      { field: 'stateId', headerName: t('caseload.columns.stateId'), flex: 0.9, minWidth: 115 },
      {
        field: 'grade',
        headerName: t('caseload.columns.grade'),
        width: 115,
        valueGetter: (_v, row) => (row.gradeLevel ? t(`common.grade.${row.gradeLevel}`) : '—'),
      },
      { field: 'graduationYear', headerName: t('caseload.columns.graduationYear'), width: 165, valueGetter: (_v, row) => row.expectedGraduationYear ?? '—' },
      { field: 'campus', headerName: t('caseload.columns.campus'), flex: 2.2, minWidth: 225, valueGetter: (_v, row) => row.campusName ?? '—' },
      {
        field: 'programs',
        headerName: t('caseload.columns.programs'),
        flex: 1.2,
        minWidth: 140,
        sortable: false,
        renderCell: ({ row }) => {
          if (row.programs.length === 0) return null;
          const labels = row.programs.map((p) => programLabel(t, p));
          return (
            <Tooltip title={labels.join(', ')}>
              <Box sx={{ display: 'flex', alignItems: 'center', height: '100%', gap: 0.5, overflow: 'hidden' }} aria-label={labels.join(', ')} role="img">
                {row.programs.slice(0, 3).map((p) => (
                  <Chip key={p} size="small" variant="outlined" label={t(`roster.programsShort.${p}`)} aria-hidden />
                ))}
                {row.programs.length > 3 && <Chip size="small" label={`+${row.programs.length - 3}`} aria-hidden />}
              </Box>
            </Tooltip>
          );
        },
      },
    ],
    [t],
  );

  const counts = list.data?.gradeCounts ?? {};
  const presentGrades = GRADE_LEVELS.filter((g) => counts[g] || filters.gradeLevels.includes(g));
  const total = list.data?.total ?? 0;
  const filtered = JSON.stringify({ ...filters, search: filters.search.trim() }) !== JSON.stringify(NO_FILTERS);
  const nothingAtAll = !list.isFetching && total === 0 && !filtered;

  const toggleGrade = (g: GradeLevel | 'none') => update({ gradeLevels: filters.gradeLevels.includes(g) ? filters.gradeLevels.filter((x) => x !== g) : [...filters.gradeLevels, g] });

  const viewQuery: CaseloadViewQuery = { ...filters, search: filters.search.trim(), sortBy, sortDirection };
  const applyView = (v: { id: number; name: string; query: CaseloadViewQuery }) => {
    const q = v.query;
    setFilters({ search: q.search, status: q.status, gradeLevels: q.gradeLevels, programs: q.programs, programMatch: q.programMatch, graduationYears: q.graduationYears, campusIds: q.campusIds, facts: q.facts ?? {} });
    setSort([{ field: q.sortBy, sort: q.sortDirection }]);
    setPaging((p) => ({ ...p, page: 0 }));
    setActiveView({ id: v.id, name: v.name });
  };

  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Stack direction="row" sx={{ alignItems: 'flex-end', justifyContent: 'space-between', mb: 3, gap: 2, flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h1">{t('caseload.title')}</Typography>
          <Typography color="text.secondary" aria-live="polite">
            {t('caseload.count', { count: total })}
            {activeView ? ` · ${t('caseload.views.active', { name: activeView.name })}` : ''}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1}>
          <SavedViews current={viewQuery} active={activeView} onApply={applyView} onSaved={(v) => setActiveView({ id: v.id, name: v.name })} onRemoved={(id) => activeView?.id === id && setActiveView(null)} />
          <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} onClick={() => setAdding(true)}>
            {t('caseload.addStudent')}
          </Button>
        </Stack>
      </Stack>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <TextField
          label={t('caseload.searchLabel')}
          value={filters.search}
          onChange={(e) => update({ search: e.target.value })}
          sx={{ maxWidth: { md: 420 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
        />
        <ToggleButtonGroup exclusive size="small" value={filters.status} aria-label={t('caseload.status.label')} onChange={(_e, v: Status | null) => v && update({ status: v })}>
          {(['active', 'archived', 'all'] as const).map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 2 }}>
              {t(`caseload.status.${s}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>

      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('caseload.grades.label')}>
        <Chip label={t('caseload.grades.all')} color={filters.gradeLevels.length === 0 ? 'primary' : 'default'} variant={filters.gradeLevels.length === 0 ? 'filled' : 'outlined'} onClick={() => update({ gradeLevels: [] })} aria-pressed={filters.gradeLevels.length === 0} />
        {presentGrades.map((g) => (
          <Chip
            key={g}
            label={`${t(`common.grade.${g}`)} · ${counts[g] ?? 0}`}
            color={filters.gradeLevels.includes(g) ? 'primary' : 'default'}
            variant={filters.gradeLevels.includes(g) ? 'filled' : 'outlined'}
            onClick={() => toggleGrade(g)}
            aria-pressed={filters.gradeLevels.includes(g)}
          />
        ))}
        {(counts.none || filters.gradeLevels.includes('none')) && (
          <Chip
            label={`${t('common.grade.none')} · ${counts.none ?? 0}`}
            color={filters.gradeLevels.includes('none') ? 'primary' : 'default'}
            variant={filters.gradeLevels.includes('none') ? 'filled' : 'outlined'}
            onClick={() => toggleGrade('none')}
            aria-pressed={filters.gradeLevels.includes('none')}
          />
        )}
      </Stack>

      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', mb: 2, alignItems: 'center' }} role="group" aria-label={t('caseload.filters.label')}>
        <MultiSelect
          label={t('caseload.filters.programs')}
          options={(facets.data?.programs ?? []).map((p) => ({ value: p.program, label: `${programLabel(t, p.program)} · ${p.count}` }))}
          selected={filters.programs}
          onChange={(programs) => update({ programs })}
          width={260}
        />
        {filters.programs.length > 1 && (
          <ToggleButtonGroup exclusive size="small" value={filters.programMatch} aria-label={t('caseload.filters.programMatch.label')} onChange={(_e, v: 'any' | 'all' | null) => v && update({ programMatch: v })}>
            <ToggleButton value="any">{t('caseload.filters.programMatch.any')}</ToggleButton>
            <ToggleButton value="all">{t('caseload.filters.programMatch.all')}</ToggleButton>
          </ToggleButtonGroup>
        )}
        <MultiSelect
          label={t('caseload.filters.graduationYears')}
          options={(facets.data?.graduationYears ?? []).map((y) => ({ value: y.year, label: `${y.year} · ${y.count}` }))}
          selected={filters.graduationYears}
          onChange={(graduationYears) => update({ graduationYears })}
          width={200}
        />
        <MultiSelect
          label={t('caseload.filters.campuses')}
          options={(facets.data?.campuses ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.count}` }))}
          selected={filters.campusIds}
          onChange={(campusIds) => update({ campusIds })}
          width={260}
        />
        <FactFilters facts={filters.facts} onChange={(facts) => update({ facts })} />
        {filtered && (
          <Button
            startIcon={<FilterAltOffOutlined />}
            onClick={() => {
              update(NO_FILTERS);
              setSort(DEFAULT_SORT);
            }}
          >
            {t('caseload.filters.clear')}
          </Button>
        )}
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
            setSort(m.length ? m : DEFAULT_SORT);
            setPaging((p) => ({ ...p, page: 0 }));
            setActiveView(null);
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
