import { useId, useState } from 'react';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Grid, MenuItem, Stack, TextField, Typography } from '@mui/material';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ArchiveOutlined from '@mui/icons-material/ArchiveOutlined';
import UnarchiveOutlined from '@mui/icons-material/UnarchiveOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Goal, StudentDetail, Trait } from '../../../shared/ipc/contract';
import { GOAL_STATUSES, OPEN_GOAL_STATUSES, type GoalStatus } from '../../../shared/domain/workspace/vocabulary';
import { isGoalOverdue, summarizeProgress } from '../../../shared/domain/workspace/progress';
import { formatIsoDate } from '../components/format';
import { AscaChip } from './Asca';
import { CheckInsSection } from './CheckInsSection';
import { ConfirmDialog } from './ConfirmDialog';
import { GoalDialog } from './GoalDialog';
import { GoalLinksSection } from './GoalLinksSection';
import { StepsSection } from './StepsSection';
import { VisibilityChip } from './Visibility';
import { errorsFrom, todayIso } from './forms';
import { planKey, useSave } from './hooks';

/** Everything about one goal: details, status, steps, progress history, linked strengths and weaknesses. */
export function GoalDetailDialog({ student, goal, traits, onClose }: { student: StudentDetail; goal: Goal; traits: Trait[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const key = planKey(student.id);
  const status = useSave((s: GoalStatus) => api.goals.update({ id: goal.id, version: goal.version, changes: { status: s } }), { invalidate: [key], success: t('workspace.goalForm.saved') });
  const archive = useSave(() => (goal.archivedAt ? api.goals.restore({ id: goal.id, version: goal.version }) : api.goals.archive({ id: goal.id, version: goal.version })), {
    invalidate: [key],
    success: (g) => t(g.archivedAt ? 'workspace.goal.archived' : 'workspace.goal.restored'),
    // An archived goal leaves the plan (unless archived goals are shown): close with it.
    onDone: (g) => {
      if (g.archivedAt) onClose();
    },
  });
  const remove = useSave(() => api.goals.remove({ id: goal.id, version: goal.version }), { invalidate: [key, ['decisions', student.id]], success: t('workspace.goal.deleted'), onDone: onClose });
  const today = todayIso();
  const progress = summarizeProgress(goal.checkIns, goal.status, today);
  const date = (d: string) => formatIsoDate(d, i18n.language);
  const actionError = errorsFrom(t, status.error ?? archive.error).form;

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth scroll="paper" aria-labelledby={`${id}-title`}>
      <DialogTitle id={`${id}-title`} sx={{ pb: 1 }}>
        <Typography variant="overline" component="span" color="text.secondary" sx={{ display: 'block' }}>
          {t(`workspace.domain.${goal.domain}`)} · {t(`workspace.horizon.${goal.horizon}`)}
        </Typography>
        <Typography variant="h2" component="span" sx={{ display: 'block' }}>
          {goal.statement}
        </Typography>
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={3}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField select size="small" label={t('workspace.goalForm.status')} value={goal.status} onChange={(e) => status.mutate(e.target.value as GoalStatus)} disabled={status.isPending} sx={{ width: 200 }}>
              {GOAL_STATUSES.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`workspace.status.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            <VisibilityChip visibility={goal.visibility} size="medium" />
            {goal.archivedAt && <Chip label={t('workspace.plan.archivedLabel')} />}
            {isGoalOverdue(goal, today) && <Chip color="warning" variant="outlined" label={t('workspace.plan.overdue')} />}
            {progress.checkInDue && <Chip color="warning" variant="outlined" label={t('workspace.plan.checkInDue')} />}
          </Stack>
          {actionError && <Alert severity="error">{actionError}</Alert>}
          {progress.latestRating === 5 && OPEN_GOAL_STATUSES.includes(goal.status) && (
            <Alert severity="success" action={<Button color="inherit" onClick={() => status.mutate('achieved')}>{t('workspace.goal.markAchievedAction')}</Button>}>
              {t('workspace.goal.markAchieved')}
            </Alert>
          )}
          <Grid container spacing={3} component="dl" sx={{ m: 0 }}>
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {t('workspace.goal.measure')}
              </Typography>
              <Typography component="dd" sx={{ m: 0, mb: 2 }}>
                {goal.successMeasure || t('common.notSet')}
              </Typography>
              <Typography component="dt" variant="body2" color="text.secondary">
                {t('workspace.goal.target')}
              </Typography>
              <Typography component="dd" sx={{ m: 0, mb: 2 }}>
                {goal.targetDate ? date(goal.targetDate) : t('workspace.plan.noTarget')}
              </Typography>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {t('workspace.goal.basedOn')}
              </Typography>
              <Typography component="dd" sx={{ m: 0, mb: 2 }}>
                {[...goal.basedOn.map((b) => t(`workspace.basis.${b}`)), goal.basedOnNote].filter(Boolean).join(' · ') || t('common.notSet')}
              </Typography>
              <Typography component="dt" variant="body2" color="text.secondary">
                {t('workspace.goal.asca')}
              </Typography>
              <Box component="dd" sx={{ m: 0, mb: 2, display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                {goal.ascaCodes.length ? goal.ascaCodes.map((c) => <AscaChip key={c} code={c} />) : <Typography color="text.secondary">{t('common.notSet')}</Typography>}
              </Box>
            </Grid>
          </Grid>
          <Typography variant="body2" color="text.secondary" sx={{ mt: -2 }}>
            {t('workspace.goal.created', { date: date(goal.createdAt) })}
            {goal.templateId ? ` · ${t('workspace.goal.template')}` : ''} · {t('workspace.goal.stepsAndCheckInsShare')}
          </Typography>
          <Divider />
          <StepsSection goal={goal} />
          <Divider />
          <CheckInsSection goal={goal} />
          <Divider />
          <GoalLinksSection goal={goal} traits={traits} />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button startIcon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('workspace.goal.edit')}
        </Button>
        <Button startIcon={goal.archivedAt ? <UnarchiveOutlined /> : <ArchiveOutlined />} onClick={() => archive.mutate(undefined)} disabled={archive.isPending}>
          {t(goal.archivedAt ? 'workspace.goal.restore' : 'workspace.goal.archive')}
        </Button>
        <Button color="error" startIcon={<DeleteOutlined />} onClick={() => setConfirmDelete(true)}>
          {t('workspace.goal.delete')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" onClick={onClose}>
          {t('common.actions.close')}
        </Button>
      </DialogActions>
      {editing && <GoalDialog student={student} goal={goal} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        open={confirmDelete}
        title={t('workspace.goal.deleteTitle')}
        body={t('workspace.goal.deleteBody', { steps: goal.steps.length, checkIns: goal.checkIns.length, links: goal.links.length })}
        confirmLabel={t('workspace.goal.delete')}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate(undefined)}
        busy={remove.isPending}
        error={remove.error}
      />
    </Dialog>
  );
}
