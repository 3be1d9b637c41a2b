import { useState } from 'react';
import { Alert, Box, Button, Card, FormControlLabel, Radio, RadioGroup, Stack, TablePagination, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { conflictSides } from './changeText';

export interface Choices {
  byKey: Record<string, 'mine' | 'file'>;
  /** A choice for every conflict without its own. */
  all: 'mine' | 'file' | null;
}

/** Values the counselor set that the file would change: keep mine or take the file's, one by one or all at once. */
export function ConflictsList({ token, total, choices, onChange }: { token: string; total: number; choices: Choices; onChange: (c: Choices) => void }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const list = useQuery({ queryKey: ['roster', 'conflicts', token, page, pageSize], queryFn: () => api.roster.conflicts({ token, page, pageSize }), placeholderData: keepPreviousData });

  return (
    <Box>
      <Typography variant="h3" component="h3" gutterBottom>
        {t('roster.conflicts.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 900 }}>
        {t('roster.conflicts.intro')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, mb: 2, flexWrap: 'wrap' }}>
        <Button variant={choices.all === 'mine' ? 'contained' : 'outlined'} onClick={() => onChange({ byKey: {}, all: 'mine' })} aria-pressed={choices.all === 'mine'}>
          {t('roster.conflicts.keepAllMine')}
        </Button>
        <Button variant={choices.all === 'file' ? 'contained' : 'outlined'} onClick={() => onChange({ byKey: {}, all: 'file' })} aria-pressed={choices.all === 'file'}>
          {t('roster.conflicts.takeAllFile')}
        </Button>
      </Box>
      {choices.all && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t(choices.all === 'mine' ? 'roster.conflicts.allMine' : 'roster.conflicts.allFile')}
        </Alert>
      )}
      <Stack spacing={1}>
        {(list.data?.rows ?? []).map((c) => {
          const sides = conflictSides(t, i18n.language, c.change);
          const value = choices.byKey[c.change.key] ?? choices.all ?? '';
          const label = t('roster.conflicts.choice', { field: sides.field, student: c.studentName });
          return (
            <Card key={c.change.key} sx={{ p: 2 }}>
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                <Box sx={{ minWidth: 220, flex: '1 1 220px' }}>
                  <Typography sx={{ fontWeight: 650 }}>{c.studentName}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {[c.localId, c.fileName, c.row !== null ? `${t('roster.preview.columns.row')} ${c.row}` : null].filter(Boolean).join(' · ')}
                  </Typography>
                </Box>
                <Box sx={{ minWidth: 160, flex: '1 1 160px' }}>
                  <Typography variant="body2" color="text.secondary">
                    {t('roster.conflicts.field')}
                  </Typography>
                  <Typography sx={{ fontWeight: 600 }}>{sides.field}</Typography>
                </Box>
                <RadioGroup
                  aria-label={label}
                  value={value}
                  onChange={(e) => onChange({ byKey: { ...choices.byKey, [c.change.key]: e.target.value as 'mine' | 'file' }, all: choices.all })}
                  sx={{ flex: '2 1 320px' }}
                >
                  <FormControlLabel value="mine" control={<Radio />} label={t('roster.conflicts.mine', { value: sides.mine })} />
                  <FormControlLabel value="file" control={<Radio />} label={t('roster.conflicts.file', { value: sides.file })} />
                </RadioGroup>
              </Box>
            </Card>
          );
        })}
      </Stack>
      {total > 10 && (
        <TablePagination
          component="div"
          count={total}
          page={page}
          onPageChange={(_e, p) => setPage(p)}
          rowsPerPage={pageSize}
          onRowsPerPageChange={(e) => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
          rowsPerPageOptions={[25, 50, 100]}
        />
      )}
    </Box>
  );
}
