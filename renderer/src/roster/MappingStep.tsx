import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  ListSubheader,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../components/errorText';
import type { SisField } from '../../../shared/domain/roster/sisFields';
import type { RosterPreview, SisMappingStep } from '../../../shared/ipc/contract/roster';
import { sisFieldGroups, sisFieldLabel } from './labels';

type Assignment = Record<string, SisField | ''>;

function invert(mapping: SisMappingStep['mapping'], headers: string[]): Assignment {
  const out: Assignment = Object.fromEntries(headers.map((h) => [h, '']));
  for (const [field, header] of Object.entries(mapping) as [SisField, string][]) if (header in out) out[header] = field;
  return out;
}

function toMapping(a: Assignment): Partial<Record<SisField, string>> {
  const out: Partial<Record<SisField, string>> = {};
  for (const [header, field] of Object.entries(a)) if (field) out[field] = header;
  return out;
}

/**
 * SIS CSV column mapping: one row per column with sample values and the field it feeds.
 * Suggestions and remembered choices arrive from the main process; the counselor decides.
 */
export function MappingStep({ step, onPreview, onCancel }: { step: SisMappingStep; onPreview: (p: RosterPreview) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const headers = step.columns.map((c) => c.header);
  const [assignment, setAssignment] = useState<Assignment>(() => invert(step.mapping, headers));
  const [moved, setMoved] = useState<{ field: SisField; from: string } | null>(null);
  const groups = useMemo(() => sisFieldGroups(), []);
  const suggestion = useMemo(() => new Map(step.suggestions.map((s) => [s.header, s])), [step.suggestions]);
  const mapping = toMapping(assignment);
  const missing: ('id' | 'name')[] = [];
  if (!mapping.localId && !mapping.stateId) missing.push('id');
  if (!mapping.fullName && !(mapping.firstName && mapping.lastName)) missing.push('name');

  const submit = useMutation({ mutationFn: () => api.roster.map({ token: step.token, mapping }), onSuccess: onPreview });

  const assign = (header: string, field: SisField | '') => {
    setAssignment((a) => {
      const next = { ...a };
      setMoved(null);
      if (field) {
        for (const [h, f] of Object.entries(next)) {
          if (f === field && h !== header) {
            next[h] = '';
            setMoved({ field, from: h });
          }
        }
      }
      next[header] = field;
      return next;
    });
  };

  const options = [
    <MenuItem key="" value="">
      <em>{t('roster.mapping.notImported')}</em>
    </MenuItem>,
    ...groups.flatMap((g) => [
      <ListSubheader key={`h-${g.group}`}>{t(`roster.mapping.groups.${g.group}`)}</ListSubheader>,
      ...g.fields.map((f) => (
        <MenuItem key={f} value={f}>
          {sisFieldLabel(t, f)}
        </MenuItem>
      )),
    ]),
  ];

  return (
    <Card>
      <CardContent sx={{ p: 3 }}>
        <Typography variant="h2" gutterBottom>
          {t('roster.mapping.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t('roster.mapping.intro')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 0.5 }}>
          {t('roster.mapping.fileInfo', { file: step.fileName, rows: t('roster.mapping.rowCount', { count: step.rowCount }), encoding: step.encoding.toUpperCase(), delimiter: t(`roster.mapping.delimiters.${step.delimiter}`) })}
        </Typography>
        {step.headerLine > 1 && (
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t('roster.mapping.headerLine', { line: step.headerLine })}
          </Typography>
        )}
        <Stack spacing={1} sx={{ my: 2 }}>
          <Alert severity="info">{t(step.source === 'saved' ? 'roster.mapping.savedNote' : 'roster.mapping.suggestedNote')}</Alert>
          {step.fileProblems.error + step.fileProblems.warning > 0 && (
            <Alert severity={step.fileProblems.error ? 'warning' : 'info'}>{t('roster.mapping.fileProblems', { count: step.fileProblems.error + step.fileProblems.warning })}</Alert>
          )}
        </Stack>
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 2, maxHeight: 'calc(100vh - 360px)', minHeight: 280 }}>
          <Table size="small" stickyHeader aria-label={t('roster.mapping.title')}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ fontWeight: 650, width: '26%' }}>{t('roster.mapping.columns.column')}</TableCell>
                <TableCell sx={{ fontWeight: 650 }}>{t('roster.mapping.columns.samples')}</TableCell>
                <TableCell sx={{ fontWeight: 650, width: '34%' }}>{t('roster.mapping.columns.field')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {step.columns.map((c, i) => {
                const s = suggestion.get(c.header);
                const field = assignment[c.header];
                const fromSuggestion = s && s.field === field && step.source === 'suggested';
                return (
                  <TableRow key={`${i}-${c.header}`} hover>
                    <TableCell>
                      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                        <Typography sx={{ fontWeight: 600 }}>{c.header}</Typography>
                        {fromSuggestion && s.confidence < 0.9 && <Chip size="small" variant="outlined" color="warning" label={t('roster.mapping.check')} />}
                      </Box>
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                        {c.samples.join(' · ') || '—'}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <TextField
                        select
                        size="small"
                        value={field}
                        onChange={(e) => assign(c.header, e.target.value as SisField | '')}
                        slotProps={{ htmlInput: { 'aria-label': `${t('roster.mapping.columns.field')}: ${c.header}` }, select: { displayEmpty: true, MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } } }}
                      >
                        {options}
                      </TextField>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
        <Box aria-live="polite" sx={{ mt: 2 }}>
          {moved && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {t('roster.mapping.usedTwice', { field: sisFieldLabel(t, moved.field), column: moved.from })}
            </Alert>
          )}
          {missing.map((m) => (
            <Alert key={m} severity="warning" sx={{ mb: 1 }}>
              {t(`roster.mapping.missing.${m}`)}
            </Alert>
          ))}
          {submit.isError && <Alert severity="error">{errorText(t, submit.error)}</Alert>}
        </Box>
        <Box sx={{ display: 'flex', gap: 1.5, mt: 2, flexWrap: 'wrap' }}>
          <Button variant="contained" disabled={missing.length > 0 || submit.isPending} onClick={() => submit.mutate()}>
            {t('roster.mapping.submit')}
          </Button>
          <Button onClick={onCancel}>{t('roster.preview.chooseAnother')}</Button>
        </Box>
      </CardContent>
    </Card>
  );
}
