import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, Box, Button, Chip, FormControlLabel, InputAdornment, Link, Stack, Switch, Tab, Tabs, TextField, Tooltip, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Search from '@mui/icons-material/Search';
import AddOutlined from '@mui/icons-material/AddOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { GRADE_LEVELS, type GradeLevel } from '../../../shared/domain/gradeLevels';
import { formatPrerequisites } from '../../../shared/domain/graduation/prerequisites';
import { fold } from '../../../shared/domain/text';
import type { CourseView, MissingCourse } from '../../../shared/ipc/contract';
import { useGridLocale } from '../components/gridLocale';
import { CourseDialog } from './CourseDialog';
import { credits, pick } from './format';
import { RuleSetsPanel } from './RuleSetsPanel';
import { useImport } from './useImport';

/** Contiguous grade runs as short text: 09–12 → "9–12", KG,01,02 → "K–2". */
export function gradeRange(levels: readonly GradeLevel[], short: (g: GradeLevel) => string): string {
  const idx = levels.map((g) => GRADE_LEVELS.indexOf(g)).sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
    runs.push(i === j ? short(GRADE_LEVELS[idx[i]]) : `${short(GRADE_LEVELS[idx[i]])}–${short(GRADE_LEVELS[idx[j]])}`);
    i = j + 1;
  }
  return runs.join(', ');
}

function CatalogPanel() {
  const { t, i18n } = useTranslation();
  const gridLocale = useGridLocale();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [hsOnly, setHsOnly] = useState(true);
  const [editing, setEditing] = useState<{ course?: CourseView; prefill?: Partial<CourseView> } | null>(null);
  const list = useQuery({ queryKey: ['catalog', 'list'], queryFn: () => api.catalog.list() });
  const imports = useImport();

  const rows = useMemo(() => {
    const q = fold(deferred);
    return (list.data?.courses ?? []).filter((c) => (!hsOnly || c.highSchoolCredit) && (!q || fold(`${c.code} ${c.title}`).includes(q)));
  }, [list.data, deferred, hsOnly]);

  const columns = useMemo<GridColDef<CourseView>[]>(
    () => [
      {
        field: 'code',
        headerName: t('courses.catalog.columns.code'),
        width: 104,
        renderCell: ({ row }) => (
          <Link component="button" type="button" underline="hover" onClick={() => setEditing({ course: row })} sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
            {row.code}
          </Link>
        ),
      },
      { field: 'title', headerName: t('courses.catalog.columns.title'), flex: 2, minWidth: 170 },
      {
        field: 'credits',
        headerName: t('courses.catalog.columns.credits'),
        width: 84,
        renderCell: ({ row }) => (row.credits === null ? <Chip size="small" color="warning" variant="outlined" label={t('courses.catalog.creditsNotSet')} /> : credits(row.credits, i18n.language)),
      },
      { field: 'subject', headerName: t('courses.catalog.columns.subject'), flex: 1, minWidth: 120, valueGetter: (_v, row) => t(`courses.subjects.${row.subject}`) },
      { field: 'grades', headerName: t('courses.catalog.columns.grades'), width: 76, valueGetter: (_v, row) => gradeRange(row.gradeLevels, (g) => t(`common.gradeShort.${g}`)) },
      { field: 'prerequisites', headerName: t('courses.catalog.columns.prerequisites'), width: 130, sortable: false, valueGetter: (_v, row) => formatPrerequisites(row.prerequisites) },
      {
        field: 'kinds',
        headerName: t('courses.catalog.columns.kinds'),
        flex: 1.5,
        minWidth: 150,
        sortable: false,
        valueGetter: (_v, row) => [...row.flags.map((f) => t(`courses.flags.${f}`)), ...row.kinds.map((k) => pick(k.label, i18n.language))].join(' · '),
      },
      { field: 'endorsements', headerName: t('courses.catalog.columns.endorsements'), width: 130, sortable: false, valueGetter: (_v, row) => row.endorsements.map((e) => t(`courses.endorsements.${e}`)).join(', ') },
      { field: 'usedBy', headerName: t('courses.catalog.columns.used'), width: 70, type: 'number' },
    ],
    [t, i18n.language],
  );

  const missing = list.data?.missing ?? [];
  const empty = list.data && list.data.courses.length === 0;
  return (
    <Stack spacing={2}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            label={t('courses.catalog.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            sx={{ maxWidth: 380 }}
            size="small"
            slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> }, htmlInput: { type: 'search' } }}
          />
          <FormControlLabel control={<Switch checked={hsOnly} onChange={(e) => setHsOnly(e.target.checked)} />} label={t('courses.catalog.hsOnly')} />
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => void imports.start('catalog-csv')} disabled={imports.busy}>
            {t('courses.catalog.importCsv')}
          </Button>
          <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => void imports.start('catalog-edfi')} disabled={imports.busy}>
            {t('courses.catalog.importEdfi')}
          </Button>
          <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => void imports.start('transcript')} disabled={imports.busy}>
            {t('courses.catalog.importTranscripts')}
          </Button>
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing({})}>
            {t('courses.catalog.add')}
          </Button>
        </Stack>
      </Stack>
      {missing.length > 0 && (
        <Alert severity="warning">
          <Typography sx={{ fontWeight: 600 }}>{t('courses.catalog.missing')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {missing.slice(0, 12).map((m: MissingCourse) => (
              <li key={m.code}>
                {t('courses.catalog.missingItem', { code: m.code, title: m.title ?? '—', count: m.uses })}
                {m.likely && ` (${t('courses.catalog.missingLikely', { code: m.likely })})`}{' '}
                <Link component="button" type="button" onClick={() => setEditing({ prefill: { code: m.code, title: m.title ?? '' } })}>
                  {t('courses.catalog.addMissing', { code: m.code })}
                </Link>
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {empty && <Alert severity="info">{t('courses.catalog.empty')}</Alert>}
      <Typography color="text.secondary" aria-live="polite">
        {t('courses.catalog.count', { count: rows.length })}
        {list.data && (
          <Tooltip title={t('courses.catalog.kindsFrom', { name: pick(list.data.kindsRuleSet.name, i18n.language) })}>
            <span> · {t('courses.catalog.kindsFrom', { name: pick(list.data.kindsRuleSet.name, i18n.language) })}</span>
          </Tooltip>
        )}
      </Typography>
      <Box sx={{ bgcolor: 'background.paper', borderRadius: 2 }}>
        <DataGrid
          aria-label={t('courses.catalog.tabs.catalog')}
          rows={rows}
          columns={columns}
          loading={list.isFetching && !list.data}
          disableColumnMenu
          disableRowSelectionOnClick
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
          onCellKeyDown={(params, event) => {
            if (event.key === 'Enter') setEditing({ course: params.row });
          }}
          localeText={{ ...gridLocale, noRowsLabel: t('courses.catalog.empty') }}
          autoHeight
          rowHeight={48}
          sx={{ border: 1, borderColor: 'divider', '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 650 } }}
        />
      </Box>
      {editing && <CourseDialog course={editing.course} prefill={editing.prefill} onClose={() => setEditing(null)} />}
      {imports.dialog}
    </Stack>
  );
}

/** Left-nav screen: the course catalog (with imports) and the graduation rule sets. */
export function CoursesScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'rules' ? 'rules' : 'catalog';
  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600, mx: 'auto' }}>
      <Typography variant="h1" sx={{ mb: 2 }}>
        {t('courses.catalog.title')}
      </Typography>
      <Tabs value={tab} onChange={(_e, v: string) => setParams(v === 'rules' ? { tab: 'rules' } : {})} aria-label={t('courses.catalog.title')} sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tab value="catalog" label={t('courses.catalog.tabs.catalog')} id="courses-tab-catalog" aria-controls="courses-panel" />
        <Tab value="rules" label={t('courses.catalog.tabs.rules')} id="courses-tab-rules" aria-controls="courses-panel" />
      </Tabs>
      <Box role="tabpanel" id="courses-panel" aria-labelledby={`courses-tab-${tab}`}>
        {tab === 'catalog' ? <CatalogPanel /> : <RuleSetsPanel />}
      </Box>
    </Box>
  );
}
