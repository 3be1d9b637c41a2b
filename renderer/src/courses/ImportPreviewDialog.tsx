import { useState } from 'react';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import ErrorOutline from '@mui/icons-material/ErrorOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import { useTranslation } from 'react-i18next';
import type { CatalogImportPreview, CourseImportProblem, TranscriptImportPreview } from '../../../shared/ipc/contract';
import { problemText } from './format';

const LIMIT = 50;

function ShowAll<T>({ items, render, label }: { items: T[]; render: (item: T, i: number) => React.ReactNode; label: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, LIMIT);
  return (
    <>
      {shown.map(render)}
      {!all && items.length > LIMIT && (
        <Button size="small" onClick={() => setAll(true)} aria-label={`${t('courses.imports.showAll', { count: items.length })}: ${label}`}>
          {t('courses.imports.showAll', { count: items.length })}
        </Button>
      )}
    </>
  );
}

export function ProblemsTable({ problems }: { problems: CourseImportProblem[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (problems.length === 0) return <Alert severity="success">{t('courses.imports.noProblems')}</Alert>;
  const shown = all ? problems : problems.slice(0, LIMIT);
  return (
    <Box>
      <TableContainer sx={{ maxHeight: 320, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader aria-label={t('courses.imports.problems')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 110 }}>{t('courses.imports.kind')}</TableCell>
              <TableCell sx={{ width: 240 }}>{t('courses.imports.where')}</TableCell>
              <TableCell>{t('courses.imports.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((p, i) => (
              <TableRow key={i}>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: p.severity === 'error' ? 'error.main' : 'warning.main' }}>
                    {p.severity === 'error' ? <ErrorOutline fontSize="small" /> : <WarningAmber fontSize="small" />}
                    <span>{t(`courses.imports.severity.${p.severity}`)}</span>
                  </Stack>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{p.fileName}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {p.row === null ? t('courses.imports.fileOnly') : p.column ? t('courses.imports.rowCol', { row: p.row, column: p.column }) : t('courses.imports.rowOnly', { row: p.row })}
                  </Typography>
                </TableCell>
                <TableCell>{problemText(t, p)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {!all && problems.length > LIMIT && (
        <Button size="small" onClick={() => setAll(true)}>
          {t('courses.imports.showAll', { count: problems.length })}
        </Button>
      )}
    </Box>
  );
}

type Preview = ({ type: 'catalog' } & CatalogImportPreview) | ({ type: 'transcript' } & TranscriptImportPreview);

/** What a file would change, with every problem named by file, row and column, before anything is written. */
export function ImportPreviewDialog({ preview, busy, error, onCommit, onClose }: { preview: Preview; busy: boolean; error: string | null; onCommit: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const nothing = preview.counts.new + preview.counts.updated === 0;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="import-preview-title">
      <DialogTitle id="import-preview-title">{t('courses.imports.previewTitle')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          <Typography color="text.secondary">{t('courses.imports.file', { name: preview.fileNames.join(', ') })}</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-live="polite">
            {(['new', 'updated', 'unchanged', 'rejected'] as const).map((k) => (
              <Chip key={k} label={`${t(`courses.imports.counts.${k}`)}: ${preview.counts[k]}`} color={k === 'rejected' && preview.counts[k] ? 'error' : k === 'new' && preview.counts[k] ? 'primary' : 'default'} variant={preview.counts[k] ? 'filled' : 'outlined'} />
            ))}
          </Stack>
          {!preview.canCommit && <Alert severity="error">{t('courses.imports.blocked')}</Alert>}
          {preview.canCommit && nothing && <Alert severity="info">{t('courses.imports.nothingNew')}</Alert>}
          {error && <Alert severity="error">{error}</Alert>}

          {preview.type === 'transcript' && (
            <>
              <Typography>{t('courses.imports.transcriptSummary', { records: preview.records, students: preview.students })}</Typography>
              {preview.unmatched.length > 0 && (
                <Alert severity="warning">
                  <Typography>{t('courses.imports.unmatched', { count: preview.unmatched.length })}</Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    <ShowAll items={preview.unmatched} label={t('courses.imports.unmatched', { count: preview.unmatched.length })} render={(u) => <li key={u.row}>{t('courses.imports.unmatchedItem', { row: u.row, id: u.studentId })}</li>} />
                  </Box>
                </Alert>
              )}
              {preview.unknownCourses.length > 0 && (
                <Alert severity="warning">
                  <Typography>{t('courses.imports.unknownCourses')}</Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    <ShowAll
                      items={preview.unknownCourses}
                      label={t('courses.imports.unknownCourses')}
                      render={(u) => (
                        <li key={u.code}>
                          {t('courses.imports.unknownItem', { code: u.code, title: u.title ?? '—', rows: u.rows })}
                          {u.likely ? ` — ${t('courses.catalog.missingLikely', { code: u.likely })}` : ''}
                        </li>
                      )}
                    />
                  </Box>
                </Alert>
              )}
            </>
          )}

          {preview.type === 'catalog' && preview.withoutCredits > 0 && <Alert severity="warning">{t('courses.imports.withoutCredits', { count: preview.withoutCredits })}</Alert>}

          <Box>
            <Typography variant="h4" component="h3" gutterBottom>
              {t('courses.imports.problems')}
            </Typography>
            <ProblemsTable problems={preview.problems} />
          </Box>

          {preview.type === 'catalog' && preview.rows.length > 0 && (
            <Box>
              <Typography variant="h4" component="h3" gutterBottom>
                {t('courses.imports.rows')}
              </Typography>
              <TableContainer sx={{ maxHeight: 300, border: 1, borderColor: 'divider', borderRadius: 1 }}>
                <Table size="small" stickyHeader aria-label={t('courses.imports.rows')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('courses.catalog.columns.code')}</TableCell>
                      <TableCell>{t('courses.catalog.columns.title')}</TableCell>
                      <TableCell>{t('courses.imports.outcome')}</TableCell>
                      <TableCell>{t('courses.imports.changedFields')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    <ShowAll
                      items={preview.rows}
                      label={t('courses.imports.rows')}
                      render={(r) => (
                        <TableRow key={r.code}>
                          <TableCell sx={{ fontFamily: 'monospace' }}>{r.code}</TableCell>
                          <TableCell>{r.title}</TableCell>
                          <TableCell>
                            <Chip size="small" label={t(`courses.imports.outcomes.${r.outcome}`)} color={r.outcome === 'new' ? 'primary' : r.outcome === 'updated' ? 'secondary' : 'default'} variant={r.outcome === 'unchanged' ? 'outlined' : 'filled'} />
                          </TableCell>
                          <TableCell>{r.changed.map((c) => t(`courses.courseDialog.${c === 'code' ? 'code' : c}`, { defaultValue: c, code: r.code })).join(', ')}</TableCell>
                        </TableRow>
                      )}
                    />
                  </TableBody>
                </Table>
              </TableContainer>
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{nothing || !preview.canCommit ? t('common.actions.close') : t('common.actions.cancel')}</Button>
        {preview.canCommit && !nothing && (
          <Button variant="contained" onClick={onCommit} disabled={busy}>
            {t('courses.imports.commit')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

export type { Preview as ImportPreview };
