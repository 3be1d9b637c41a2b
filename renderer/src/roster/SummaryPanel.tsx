import { Card, CardContent, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RosterPreview } from '../../../shared/ipc/contract/roster';
import { programLabel } from './labels';

/** Schools, programs and guardians in the file, and what the import does with them. */
export function SummaryPanel({ preview: p }: { preview: RosterPreview }) {
  const { t } = useTranslation();
  const head = { fontWeight: 650 };
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Card>
          <CardContent>
            <Typography variant="h3" component="h3" gutterBottom>
              {t('roster.preview.campuses.title')}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell sx={head}>{t('roster.preview.campuses.name')}</TableCell>
                  <TableCell sx={head}>{t('roster.preview.campuses.id')}</TableCell>
                  <TableCell sx={head} align="right">
                    {t('roster.preview.campuses.students')}
                  </TableCell>
                  <TableCell sx={head}>{t('roster.preview.campuses.outcome')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {p.campuses.map((c) => (
                  <TableRow key={`${c.sourceId}-${c.name}`}>
                    <TableCell>
                      {c.name}
                      {c.beforeName && (
                        <Typography variant="body2" color="text.secondary">
                          {t('roster.preview.campuses.renamed', { name: c.beforeName })}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{c.sourceId ?? '—'}</TableCell>
                    <TableCell align="right">{c.students}</TableCell>
                    <TableCell>{t(`roster.preview.outcome.${c.outcome}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Card sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="h3" component="h3" gutterBottom>
              {t('roster.preview.programs.title')}
            </Typography>
            {p.programs.length === 0 ? (
              <Typography color="text.secondary">{t('roster.preview.programs.none')}</Typography>
            ) : (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell sx={head}>{t('roster.preview.programs.program')}</TableCell>
                    <TableCell sx={head} align="right">
                      {t('roster.preview.programs.current')}
                    </TableCell>
                    <TableCell sx={head} align="right">
                      {t('roster.preview.programs.added')}
                    </TableCell>
                    <TableCell sx={head} align="right">
                      {t('roster.preview.programs.ended')}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {p.programs.map((x) => (
                    <TableRow key={x.program}>
                      <TableCell>{programLabel(t, x.program)}</TableCell>
                      <TableCell align="right">{x.current}</TableCell>
                      <TableCell align="right">{x.added}</TableCell>
                      <TableCell align="right">{x.ended}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="h3" component="h3" gutterBottom>
              {t('roster.preview.guardians.title')}
            </Typography>
            <Table size="small">
              <TableBody>
                {(['inFile', 'added', 'updated', 'notInRoster'] as const).map((k) => (
                  <TableRow key={k}>
                    <TableCell>{t(`roster.preview.guardians.${k}`)}</TableCell>
                    <TableCell align="right">{p.guardians[k]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
