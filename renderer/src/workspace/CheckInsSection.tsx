import { useId, useState } from 'react';
import { Box, Button, IconButton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Goal, GoalCheckIn } from '../../../shared/ipc/contract';
import { sortCheckIns } from '../../../shared/domain/workspace/progress';
import { formatIsoDate } from '../components/format';
import { CheckInDialog } from './CheckInDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { ProgressChart } from './ProgressChart';
import { planKey, useSave } from './hooks';

/** Progress history: the chart, and the same data as a table (readable without the chart). */
export function CheckInsSection({ goal }: { goal: Goal }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState<GoalCheckIn | 'new' | null>(null);
  const [deleting, setDeleting] = useState<GoalCheckIn | null>(null);
  const remove = useSave((c: GoalCheckIn) => api.goalCheckIns.remove({ id: c.id, version: c.version }), {
    invalidate: [planKey(goal.studentId)],
    success: t('workspace.checkIns.deleted'),
    onDone: () => setDeleting(null),
  });
  const newestFirst = [...sortCheckIns(goal.checkIns)].reverse();
  return (
    <Box component="section" aria-labelledby={`${id}-title`}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h3" id={`${id}-title`}>
          {t('workspace.checkIns.title')}
        </Typography>
        <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
          {t('workspace.checkIns.add')}
        </Button>
      </Stack>
      {goal.checkIns.length === 0 ? (
        <Typography color="text.secondary">{t('workspace.checkIns.none')}</Typography>
      ) : (
        <Stack spacing={2}>
          <ProgressChart checkIns={goal.checkIns} />
          <TableContainer>
            <Table size="small" aria-label={t('workspace.checkIns.table')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('workspace.checkIns.date')}</TableCell>
                  <TableCell>{t('workspace.rating.label')}</TableCell>
                  <TableCell>{t('workspace.checkIns.evidence')}</TableCell>
                  <TableCell align="right">
                    <Box component="span" sx={visuallyHidden}>
                      {t('workspace.common.more')}
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {newestFirst.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatIsoDate(c.checkedOn, i18n.language)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top', fontWeight: 600 }}>{t(`workspace.rating.${c.rating}`)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>{c.evidence}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      <Tooltip title={t('workspace.checkIns.editTitle')}>
                        <IconButton size="small" aria-label={`${t('workspace.checkIns.editTitle')}: ${formatIsoDate(c.checkedOn, i18n.language)}`} onClick={() => setEditing(c)}>
                          <EditOutlined fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title={t('workspace.checkIns.delete')}>
                        <IconButton size="small" aria-label={`${t('workspace.checkIns.delete')}: ${formatIsoDate(c.checkedOn, i18n.language)}`} onClick={() => setDeleting(c)}>
                          <DeleteOutlined fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Stack>
      )}
      {editing && <CheckInDialog studentId={goal.studentId} goalId={goal.id} goalStatement={goal.statement} checkIn={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={!!deleting}
        title={t('workspace.checkIns.deleteTitle')}
        body={t('workspace.checkIns.deleteBody', { date: deleting ? formatIsoDate(deleting.checkedOn, i18n.language) : '' })}
        confirmLabel={t('workspace.checkIns.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        busy={remove.isPending}
        error={remove.error}
      />
    </Box>
  );
}

export const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;
