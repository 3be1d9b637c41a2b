import { useDeferredValue, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Box, Card, CardContent, FormControlLabel, InputAdornment, Link, Skeleton, Stack, Switch, TextField, Typography } from '@mui/material';
import Search from '@mui/icons-material/Search';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../components/errorText';
import { displayName, formatIsoDate } from '../components/format';
import { MarkedText } from './MarkedText';
import { VisibilityChip } from './Visibility';

/** Caseload-wide notes search (full-text, in the main process): newest matches first, each linked to its student. */
export function NotesSearchScreen() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const q = useDeferredValue(query.trim());
  const result = useQuery({
    queryKey: ['notesSearch', q, includeArchived],
    queryFn: () => api.notes.search({ query: q, status: includeArchived ? 'all' : 'active', limit: 100 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  const data = q ? result.data : undefined;
  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1100, mx: 'auto' }}>
      <Typography variant="h1">{t('workspace.notesSearch.title')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('workspace.notesSearch.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
        <TextField
          type="search"
          label={t('workspace.notesSearch.query')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
          sx={{ maxWidth: { md: 520 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> } }}
        />
        <FormControlLabel control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />} label={t('workspace.notesSearch.includeArchived')} />
      </Stack>
      <Typography role="status" aria-live="polite" color="text.secondary" sx={{ mb: 2 }}>
        {!q
          ? t('workspace.notesSearch.start')
          : data
            ? data.total === 0
              ? t('workspace.notesSearch.none', { query: q })
              : data.capped
                ? t('workspace.notesSearch.resultsCapped', { count: data.total })
                : `${t('workspace.notesSearch.results', { count: data.total })}${data.total > data.hits.length ? ` ${t('workspace.notesSearch.showing', { count: data.hits.length })}` : ''}`
            : ''}
      </Typography>
      {result.isError && <Alert severity="error">{errorText(t, result.error)}</Alert>}
      {q && !data && !result.isError && <Skeleton variant="rounded" height={120} />}
      <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {data?.hits.map((h) => (
          <Card key={h.note.id} component="li">
            <CardContent sx={{ p: 2, '&:last-child': { pb: 2 } }}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.75 }}>
                <Link component={RouterLink} to={`/students/${h.student.id}/notes`} sx={{ fontWeight: 700 }} aria-label={t('workspace.notesSearch.openStudent', { name: displayName(h.student) })}>
                  {displayName(h.student)}
                </Link>
                <VisibilityChip visibility={h.note.visibility} />
                <Typography variant="body2" color="text.secondary" sx={{ ml: 'auto' }}>
                  {formatIsoDate(h.note.createdAt, i18n.language)}
                </Typography>
              </Stack>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <MarkedText text={h.marked} />
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Box>
  );
}
