import { useDeferredValue, useMemo, useState } from 'react';
import { Box, Chip, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import Search from '@mui/icons-material/Search';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useGridLocale } from '../components/gridLocale';
import type { RosterOutcome, RosterPreviewRow } from '../../../shared/ipc/contract/roster';
import { changeText } from './changeText';
import { problemText } from './problemText';
import { programLabel } from './labels';

/** One outcome's rows, a page at a time from the main process (10,000-row files stay responsive). */
export function RowsTable({ token, outcome, total }: { token: string; outcome: RosterOutcome; total: number }) {
  const { t, i18n } = useTranslation();
  const gridLocale = useGridLocale();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const query = { token, outcome, search: deferred, page: paging.page, pageSize: paging.pageSize };
  const rows = useQuery({ queryKey: ['roster', 'rows', query], queryFn: () => api.roster.rows(query), placeholderData: keepPreviousData });
  const locale = i18n.language;

  const columns = useMemo<GridColDef<RosterPreviewRow>[]>(() => {
    const where: GridColDef<RosterPreviewRow> = {
      field: 'row',
      headerName: t('roster.preview.columns.row'),
      width: 150,
      sortable: false,
      valueGetter: (_v, r) => `${r.fileName} · ${r.row ?? '—'}`,
    };
    const name: GridColDef<RosterPreviewRow> = {
      field: 'name',
      headerName: t('roster.preview.columns.name'),
      flex: 1.3,
      minWidth: 190,
      sortable: false,
      renderCell: ({ row: r }) => (
        <Box sx={{ py: 1 }}>
          <Typography sx={{ fontWeight: 600 }}>{r.lastName ? `${r.lastName}, ${r.firstName}` : '—'}</Typography>
          {r.preferredName && r.preferredName !== r.firstName && (
            <Typography variant="body2" color="text.secondary">
              {t('caseload.preferredAs', { name: r.preferredName })}
            </Typography>
          )}
          {r.archived && <Chip size="small" label={t('roster.preview.archived')} sx={{ mt: 0.5 }} />}
        </Box>
      ),
    };
    const ids: GridColDef<RosterPreviewRow> = {
      field: 'ids',
      headerName: t('roster.preview.columns.ids'),
      flex: 0.9,
      minWidth: 150,
      sortable: false,
      renderCell: ({ row: r }) => (
        <Box sx={{ py: 1 }}>
          <Typography variant="body2">{r.localId ?? '—'}</Typography>
          <Typography variant="body2" color="text.secondary">
            {r.stateId ?? ''}
          </Typography>
        </Box>
      ),
    };
    if (outcome === 'rejected') {
      return [
        where,
        name,
        {
          field: 'problems',
          headerName: t('roster.preview.columns.problems'),
          flex: 3,
          minWidth: 320,
          sortable: false,
          renderCell: ({ row: r }) => (
            <Stack component="ul" spacing={0.5} sx={{ m: 0, py: 1, pl: 2 }}>
              {r.problems
                .filter((p) => p.severity === 'error')
                .map((p, i) => (
                  <Typography component="li" variant="body2" key={i} sx={{ whiteSpace: 'normal' }}>
                    {p.column ? <strong>{p.column}: </strong> : null}
                    {problemText(t, i18n, p)}
                  </Typography>
                ))}
            </Stack>
          ),
        },
      ];
    }
    if (outcome === 'updated') {
      return [
        where,
        name,
        ids,
        { field: 'matchedBy', headerName: t('roster.preview.columns.matchedBy'), width: 130, sortable: false, valueGetter: (_v, r) => (r.matchedBy ? t(`roster.preview.matchedBy.${r.matchedBy}`) : '') },
        {
          field: 'changes',
          headerName: t('roster.preview.columns.changes'),
          flex: 3,
          minWidth: 340,
          sortable: false,
          renderCell: ({ row: r }) => (
            <Stack component="ul" spacing={0.5} sx={{ m: 0, py: 1, pl: 2 }}>
              {r.changes.map((c) => (
                <Typography component="li" variant="body2" key={c.key} sx={{ whiteSpace: 'normal' }}>
                  {changeText(t, locale, c)}
                  {c.conflict && <Chip size="small" color="warning" variant="outlined" label={t('roster.change.conflictTag')} sx={{ ml: 1, height: 20 }} />}
                </Typography>
              ))}
            </Stack>
          ),
        },
      ];
    }
    return [
      where,
      name,
      ids,
      { field: 'grade', headerName: t('roster.preview.columns.grade'), width: 130, sortable: false, valueGetter: (_v, r) => (r.gradeLevel ? t(`common.grade.${r.gradeLevel}`) : t('common.grade.none')) },
      {
        field: 'programs',
        headerName: t('roster.preview.columns.programs'),
        flex: 1.6,
        minWidth: 200,
        sortable: false,
        renderCell: ({ row: r }) => (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, py: 1 }}>
            {r.programs.map((p) => (
              <Chip key={p} size="small" label={programLabel(t, p)} />
            ))}
          </Box>
        ),
      },
      { field: 'guardians', headerName: t('roster.preview.columns.guardians'), width: 110, sortable: false, type: 'number' },
    ];
  }, [t, i18n, outcome, locale]);

  return (
    <Box>
      {total > 0 && (
        <TextField
          size="small"
          label={t('roster.preview.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          sx={{ maxWidth: 380, mb: 1.5 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
        />
      )}
      <Box sx={{ bgcolor: 'background.paper', borderRadius: 2 }}>
        <DataGrid
          aria-label={t(`roster.preview.tabs.${outcome}`)}
          rows={rows.data?.rows ?? []}
          getRowId={(r) => r.key}
          columns={columns}
          rowCount={rows.data?.total ?? 0}
          loading={rows.isFetching && !rows.data}
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
          sx={{ border: 1, borderColor: 'divider', '& .MuiDataGrid-cell': { alignItems: 'flex-start', display: 'flex' }, '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 650 } }}
        />
      </Box>
    </Box>
  );
}
