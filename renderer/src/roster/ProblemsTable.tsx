import { useMemo, useState } from 'react';
import { Box, Chip, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useGridLocale } from '../components/gridLocale';
import type { ImportProblem } from '../../../shared/ipc/contract/imports';
import { problemText } from './problemText';

type Severity = 'all' | 'error' | 'warning';

/** Every problem with file, row, line and column, filterable by severity, paged from the main process. */
export function ProblemsTable({ token, counts }: { token: string; counts: { error: number; warning: number } }) {
  const { t, i18n } = useTranslation();
  const gridLocale = useGridLocale();
  const [severity, setSeverity] = useState<Severity>(counts.error > 0 ? 'error' : 'all');
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const query = { token, severity, page: paging.page, pageSize: paging.pageSize };
  const list = useQuery({ queryKey: ['roster', 'problems', query], queryFn: () => api.roster.problems(query), placeholderData: keepPreviousData });

  const columns = useMemo<GridColDef<ImportProblem & { id: number }>[]>(
    () => [
      {
        field: 'severity',
        headerName: t('roster.problems.columns.severity'),
        width: 130,
        sortable: false,
        renderCell: ({ row }) => <Chip size="small" color={row.severity === 'error' ? 'error' : 'warning'} variant={row.severity === 'error' ? 'filled' : 'outlined'} label={t(`roster.problems.severity.${row.severity}`)} />,
      },
      { field: 'fileName', headerName: t('roster.problems.columns.file'), width: 190, sortable: false },
      { field: 'row', headerName: t('roster.problems.columns.row'), width: 80, sortable: false, valueGetter: (_v, r) => r.row ?? t('roster.problems.fileLevel') },
      { field: 'line', headerName: t('roster.problems.columns.line'), width: 80, sortable: false, valueGetter: (_v, r) => r.line ?? '' },
      { field: 'column', headerName: t('roster.problems.columns.column'), width: 190, sortable: false, valueGetter: (_v, r) => r.column ?? '' },
      {
        field: 'message',
        headerName: t('roster.problems.columns.message'),
        flex: 1,
        minWidth: 320,
        sortable: false,
        renderCell: ({ row }) => (
          <Typography variant="body2" sx={{ whiteSpace: 'normal', py: 1 }}>
            {problemText(t, i18n, row)}
          </Typography>
        ),
      },
    ],
    [t, i18n],
  );

  const rows = (list.data?.rows ?? []).map((p, i) => ({ ...p, id: paging.page * paging.pageSize + i }));
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography id="problem-filter-label">{t('roster.problems.filter')}</Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={severity}
          aria-labelledby="problem-filter-label"
          onChange={(_e, v: Severity | null) => {
            if (v) {
              setSeverity(v);
              setPaging((p) => ({ ...p, page: 0 }));
            }
          }}
        >
          <ToggleButton value="all">{t('roster.problems.all', { count: counts.error + counts.warning })}</ToggleButton>
          <ToggleButton value="error">{t('roster.problems.error', { count: counts.error })}</ToggleButton>
          <ToggleButton value="warning">{t('roster.problems.warning', { count: counts.warning })}</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ bgcolor: 'background.paper', borderRadius: 2 }}>
        <DataGrid
          aria-label={t('roster.preview.tabs.problems')}
          rows={rows}
          columns={columns}
          rowCount={list.data?.total ?? 0}
          loading={list.isFetching && !list.data}
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          getRowHeight={() => 'auto'}
          disableColumnFilter
          disableColumnMenu
          disableRowSelectionOnClick
          autoHeight
          localeText={{ ...gridLocale, noRowsLabel: t('roster.preview.noRows') }}
          sx={{ border: 1, borderColor: 'divider', '& .MuiDataGrid-cell': { alignItems: 'center', display: 'flex' }, '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 650 } }}
        />
      </Box>
    </Box>
  );
}
