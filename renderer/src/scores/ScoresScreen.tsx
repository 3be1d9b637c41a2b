import { useDeferredValue, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Box, Button, Card, CardContent, Chip, InputAdornment, Link, Stack, Tab, Tabs, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import Search from '@mui/icons-material/Search';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api/client';
import { GRADE_LEVELS, type GradeLevel } from '../../../shared/domain/gradeLevels';
import type { TsiEvidence } from '../../../shared/domain/scores/tsi';
import type { CaseloadScoreRow, CaseloadScoreView, CaseloadScoresInput } from '../../../shared/ipc/contract/scores';
import { useGridLocale } from '../components/gridLocale';
import { formatIsoDate } from '../components/format';
import { ImportDialog } from './ImportDialog';
import { formatTestDate } from './labels';

const STATUSES: Record<CaseloadScoreView, NonNullable<CaseloadScoresInput['status']>[]> = {
  tsi: ['all', 'ready', 'elar-only', 'math-only', 'none', 'expiring'],
  'no-sat-act': [],
  ccmr: ['all', 'met', 'not-met'],
};

const COUNTS: Record<CaseloadScoreView, (keyof import('../../../shared/ipc/contract/scores').CaseloadScoresResult['counts'])[]> = {
  tsi: ['tsiReady', 'tsiElarOnly', 'tsiMathOnly', 'tsiNone', 'tsiExpiringSoon'],
  'no-sat-act': ['noSatAct'],
  ccmr: ['ccmrAny', 'ccmrTsiBoth', 'ccmrAp', 'ccmrIb'],
};

function evidence(t: TFunction, e: TsiEvidence | null, locale: string, possible: boolean): string {
  if (e) return t('scores.screen.metBy', { test: t(`scores.family.${e.family}`), date: formatTestDate(e.administrationDate, e.datePrecision, locale) });
  return possible ? t('scores.screen.possible') : t('scores.screen.none');
}

/** Test results across the caseload: import, TSI readiness, students with no SAT/ACT yet, CCMR indicator counts. */
export function ScoresScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const gridLocale = useGridLocale();
  const [importing, setImporting] = useState(false);
  const [view, setView] = useState<CaseloadScoreView>('tsi');
  const [status, setStatus] = useState<NonNullable<CaseloadScoresInput['status']>>('all');
  const [grades, setGrades] = useState<GradeLevel[]>([]);
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [paging, setPaging] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const input = { view, status, gradeLevels: grades, search: deferred, page: paging.page, pageSize: paging.pageSize };
  const list = useQuery({ queryKey: ['scores', 'caseload', input], queryFn: () => api.scores.caseload(input), placeholderData: keepPreviousData });
  const history = useQuery({ queryKey: ['scores', 'imports'], queryFn: () => api.scores.imports() });

  const yesNo = (v: boolean | undefined) => (v ? t('scores.screen.yes') : t('scores.screen.no'));
  const columns = useMemo<GridColDef<CaseloadScoreRow>[]>(() => {
    const name: GridColDef<CaseloadScoreRow> = {
      field: 'name',
      headerName: t('scores.screen.columns.student'),
      flex: 2,
      minWidth: 200,
      sortable: false,
      valueGetter: (_v, r) => `${r.lastName}, ${r.preferredName || r.firstName}`,
      renderCell: ({ row }) => (
        <Link component={RouterLink} to={`/students/${row.studentId}/tests`} underline="hover" sx={{ fontWeight: 600 }}>
          {row.lastName}, {row.preferredName || row.firstName}
        </Link>
      ),
    };
    const grade: GridColDef<CaseloadScoreRow> = { field: 'grade', headerName: t('scores.screen.columns.grade'), width: 120, sortable: false, valueGetter: (_v, r) => (r.gradeLevel ? t(`common.grade.${r.gradeLevel}`) : '—') };
    const local: GridColDef<CaseloadScoreRow> = { field: 'localId', headerName: t('scores.screen.columns.localId'), width: 130, sortable: false };
    if (view === 'tsi') {
      return [
        name,
        grade,
        local,
        { field: 'elar', headerName: t('scores.screen.columns.elar'), flex: 1.2, minWidth: 170, sortable: false, valueGetter: (_v, r) => evidence(t, r.tsi?.elar ?? null, locale, !!r.tsi?.elarPossible) },
        { field: 'math', headerName: t('scores.screen.columns.math'), flex: 1.2, minWidth: 170, sortable: false, valueGetter: (_v, r) => evidence(t, r.tsi?.math ?? null, locale, !!r.tsi?.mathPossible) },
        {
          field: 'tsi',
          headerName: t('scores.screen.columns.tsi'),
          width: 170,
          sortable: false,
          renderCell: ({ row }) => (
            <Chip size="small" color={row.tsi?.ready ? 'success' : 'default'} variant={row.tsi?.ready ? 'filled' : 'outlined'} label={row.tsi?.ready ? t('scores.screen.status.ready') : row.tsi?.elar ? t('scores.screen.status.elar-only') : row.tsi?.math ? t('scores.screen.status.math-only') : t('scores.screen.status.none')} />
          ),
        },
      ];
    }
    if (view === 'ccmr') {
      return [
        name,
        grade,
        local,
        { field: 'tsiBoth', headerName: t('scores.ccmr.indicator.tsi-both'), flex: 1, minWidth: 160, sortable: false, valueGetter: (_v, r) => yesNo(r.ccmr?.tsiBoth) },
        { field: 'ap', headerName: t('scores.screen.columns.ap'), width: 110, sortable: false, valueGetter: (_v, r) => yesNo(r.ccmr?.ap) },
        { field: 'ib', headerName: t('scores.screen.columns.ib'), width: 110, sortable: false, valueGetter: (_v, r) => yesNo(r.ccmr?.ib) },
        {
          field: 'any',
          headerName: t('scores.screen.columns.any'),
          width: 120,
          sortable: false,
          renderCell: ({ row }) => {
            const any = !!(row.ccmr?.tsiBoth || row.ccmr?.ap || row.ccmr?.ib);
            return <Chip size="small" color={any ? 'success' : 'default'} variant={any ? 'filled' : 'outlined'} label={yesNo(any)} />;
          },
        },
      ];
    }
    return [
      name,
      grade,
      local,
      {
        field: 'psat',
        headerName: t('scores.screen.columns.latestPsat'),
        flex: 1.5,
        minWidth: 220,
        sortable: false,
        valueGetter: (_v, r) => (r.latestPsat ? `${t(`scores.family.${r.latestPsat.family}`)} · ${formatTestDate(r.latestPsat.administrationDate, 'day', locale)}${r.latestPsat.total !== null ? ` · ${r.latestPsat.total}` : ''}` : '—'),
      },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- yesNo and evidence only read t and locale
  }, [t, view, locale]);

  const counts = list.data?.counts;
  const changeView = (v: CaseloadScoreView) => {
    setView(v);
    setStatus('all');
    setPaging((p) => ({ ...p, page: 0 }));
  };
  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-end' }, mb: 3 }}>
        <Box>
          <Typography variant="h1">{t('scores.screen.title')}</Typography>
          <Typography color="text.secondary">{t('scores.screen.subtitle')}</Typography>
        </Box>
        <Button variant="contained" startIcon={<UploadFileOutlined />} onClick={() => setImporting(true)}>
          {t('scores.screen.import')}
        </Button>
      </Stack>

      <Tabs value={view} onChange={(_e, v: CaseloadScoreView) => changeView(v)} aria-label={t('scores.screen.viewsLabel')} sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        {(['tsi', 'no-sat-act', 'ccmr'] as const).map((v) => (
          <Tab key={v} value={v} label={t(`scores.screen.views.${v}`)} />
        ))}
      </Tabs>

      {counts && (
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} aria-live="polite">
          {COUNTS[view].map((k) => (
            <Card key={k} sx={{ minWidth: 150 }}>
              <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
                <Typography variant="body2" color="text.secondary">
                  {t(`scores.screen.counts.${k}`)}
                </Typography>
                <Typography sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
                  {counts[k]}
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' '}
                    / {counts.students}
                  </Typography>
                </Typography>
              </CardContent>
            </Card>
          ))}
        </Stack>
      )}

      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { lg: 'center' } }}>
        <TextField
          size="small"
          label={t('scores.screen.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPaging((p) => ({ ...p, page: 0 }));
          }}
          sx={{ maxWidth: { lg: 320 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
        />
        {STATUSES[view].length > 0 && (
          <ToggleButtonGroup size="small" exclusive value={status} aria-label={t('scores.screen.status.label')} onChange={(_e, v: typeof status | null) => v && (setStatus(v), setPaging((p) => ({ ...p, page: 0 })))} sx={{ flexWrap: 'wrap' }}>
            {STATUSES[view].map((s) => (
              <ToggleButton key={s} value={s} sx={{ px: 1.5 }}>
                {t(`scores.screen.status.${s}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('scores.screen.grades')}>
        <Chip label={t('scores.screen.allGrades')} color={grades.length === 0 ? 'primary' : 'default'} variant={grades.length === 0 ? 'filled' : 'outlined'} onClick={() => setGrades([])} aria-pressed={grades.length === 0} />
        {GRADE_LEVELS.filter((g) => ['08', '09', '10', '11', '12'].includes(g)).map((g) => (
          <Chip
            key={g}
            label={t(`common.grade.${g}`)}
            color={grades.includes(g) ? 'primary' : 'default'}
            variant={grades.includes(g) ? 'filled' : 'outlined'}
            onClick={() => {
              setGrades((gs) => (gs.includes(g) ? gs.filter((x) => x !== g) : [...gs, g]));
              setPaging((p) => ({ ...p, page: 0 }));
            }}
            aria-pressed={grades.includes(g)}
          />
        ))}
      </Stack>

      <Box sx={{ bgcolor: 'background.paper', borderRadius: 2, mb: 4 }}>
        <DataGrid
          aria-label={t(`scores.screen.views.${view}`)}
          rows={list.data?.rows ?? []}
          getRowId={(r) => r.studentId}
          columns={columns}
          rowCount={list.data?.total ?? 0}
          loading={list.isFetching && !list.data}
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={setPaging}
          pageSizeOptions={[25, 50, 100]}
          disableColumnFilter
          disableColumnMenu
          disableRowSelectionOnClick
          localeText={{ ...gridLocale, noRowsLabel: t('scores.screen.noRows') }}
          autoHeight
          rowHeight={52}
          sx={{ border: 1, borderColor: 'divider', '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 650 } }}
        />
      </Box>

      <Typography variant="h2" gutterBottom>
        {t('scores.screen.history')}
      </Typography>
      {history.data && history.data.length === 0 && <Typography color="text.secondary">{t('scores.screen.historyEmpty')}</Typography>}
      <Stack component="ul" spacing={0.5} sx={{ pl: 2.5, m: 0 }}>
        {(history.data ?? []).slice(0, 10).map((b) => (
          <Typography component="li" key={b.id} variant="body2">
            {t('scores.screen.historyRow', { date: formatIsoDate(b.importedAt, locale), files: b.fileNames.join(', '), new: b.counts.new, updated: b.counts.updated, unchanged: b.counts.unchanged, unmatched: b.unmatched })}
          </Typography>
        ))}
      </Stack>

      {importing && <ImportDialog open onClose={() => setImporting(false)} />}
    </Box>
  );
}
