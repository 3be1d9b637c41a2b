import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Paper, Skeleton, Stack, Typography } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { useTranslation } from 'react-i18next';
import type { Goal, StudentDetail } from '../../../shared/ipc/contract';
import { GOAL_DOMAINS, GOAL_HORIZONS, type GoalDomain, type GoalHorizon } from '../../../shared/domain/workspace/vocabulary';
import { summarizeProgress, summarizeSteps } from '../../../shared/domain/workspace/progress';
import { gradeBand } from '../../../shared/domain/workspace/templates';
import { errorText } from '../components/errorText';
import { CheckInDialog } from './CheckInDialog';
import { GoalCard } from './GoalCard';
import { GoalDetailDialog } from './GoalDetailDialog';
import { GoalDialog } from './GoalDialog';
import { TraitsPanel } from './TraitsPanel';
import { todayIso } from './forms';
import { usePlan } from './hooks';

/**
 * The Plan tab: goals laid out by domain (rows) and horizon (columns), each cell with its
 * goals or a one-click start; strengths and weaknesses below.
 */
export function PlanTab({ student }: { student: StudentDetail }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const plan = usePlan(student.id, showArchived);
  const [creating, setCreating] = useState<{ domain?: GoalDomain; horizon?: GoalHorizon } | null>(null);
  const [openGoalId, setOpenGoalId] = useState<number | null>(null);
  const [checkInGoal, setCheckInGoal] = useState<Goal | null>(null);

  if (plan.isError) return <Alert severity="error">{errorText(t, plan.error)}</Alert>;
  if (!plan.data) return <Skeleton variant="rounded" height={320} />;
  const { goals, traits, archivedGoalCount } = plan.data;
  const today = todayIso();
  const active = goals.filter((g) => !g.archivedAt);
  const openGoal = goals.find((g) => g.id === openGoalId) ?? null;
  const due = active.filter((g) => summarizeProgress(g.checkIns, g.status, today).checkInDue).length;
  const overdueSteps = active.reduce((n, g) => n + summarizeSteps(g.steps, today).overdue, 0);
  const band = gradeBand(student.gradeLevel);

  return (
    <Stack spacing={3}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
        <Box>
          <Typography variant="h2">{t('workspace.plan.title')}</Typography>
          <Typography color="text.secondary">{t('workspace.plan.intro')}</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }} aria-live="polite">
            <Chip label={t('workspace.plan.summary.goals', { count: active.length })} />
            <Chip variant="outlined" label={t('workspace.plan.summary.inProgress', { count: active.filter((g) => g.status === 'in-progress').length })} />
            <Chip variant="outlined" color="success" label={t('workspace.plan.summary.achieved', { count: active.filter((g) => g.status === 'achieved').length })} />
            {due > 0 && <Chip variant="outlined" color="warning" label={t('workspace.plan.summary.checkInDue', { count: due })} />}
            {overdueSteps > 0 && <Chip variant="outlined" color="warning" label={t('workspace.plan.summary.overdueSteps', { count: overdueSteps })} />}
          </Stack>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          {(archivedGoalCount > 0 || showArchived) && (
            <Button onClick={() => setShowArchived((v) => !v)}>{showArchived ? t('workspace.plan.hideArchived') : t('workspace.plan.showArchived', { count: archivedGoalCount })}</Button>
          )}
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating({})}>
            {t('workspace.plan.newGoal')}
          </Button>
        </Stack>
      </Stack>

      {goals.length === 0 && (
        <Alert severity="info">
          {t('workspace.plan.emptyAll', { band: t(`workspace.band.${band ?? 'all'}`) })}
        </Alert>
      )}

      {GOAL_DOMAINS.map((domain) => (
        <Paper key={domain} component="section" aria-label={t('workspace.plan.gridLabel', { domain: t(`workspace.domain.${domain}`) })} variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h3" sx={{ mb: 1.5 }}>
            {t(`workspace.domain.${domain}`)}
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } }}>
            {GOAL_HORIZONS.map((horizon) => {
              const cell = goals.filter((g) => g.domain === domain && g.horizon === horizon);
              return (
                <Box key={horizon} sx={{ minWidth: 0 }}>
                  <Typography variant="h4" component="h4">
                    {t(`workspace.horizon.${horizon}`)}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 1 }}>
                    {t(`workspace.horizonHint.${horizon}`)}
                  </Typography>
                  <Stack spacing={1.5}>
                    {cell.map((g) => (
                      <GoalCard key={g.id} goal={g} onOpen={() => setOpenGoalId(g.id)} onCheckIn={() => setCheckInGoal(g)} />
                    ))}
                    {cell.length === 0 && (
                      <Card variant="outlined" sx={{ borderStyle: 'dashed', bgcolor: 'transparent' }}>
                        <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
                          <Typography variant="body2" color="text.secondary">
                            {t('workspace.plan.emptyCell')}
                          </Typography>
                        </CardContent>
                      </Card>
                    )}
                    <Button
                      size="small"
                      startIcon={<AddOutlined />}
                      onClick={() => setCreating({ domain, horizon })}
                      aria-label={t('workspace.plan.addHere', { domain: t(`workspace.domain.${domain}`), horizon: t(`workspace.horizon.${horizon}`) })}
                      sx={{ alignSelf: 'flex-start' }}
                    >
                      {t('common.actions.add')}
                    </Button>
                  </Stack>
                </Box>
              );
            })}
          </Box>
        </Paper>
      ))}

      <TraitsPanel studentId={student.id} traits={traits} goals={goals} />

      {creating && <GoalDialog student={student} preset={creating} onClose={() => setCreating(null)} onSaved={(g) => setOpenGoalId(g.id)} />}
      {openGoal && <GoalDetailDialog student={student} goal={openGoal} traits={traits} onClose={() => setOpenGoalId(null)} />}
      {checkInGoal && <CheckInDialog studentId={student.id} goalId={checkInGoal.id} goalStatement={checkInGoal.statement} onClose={() => setCheckInGoal(null)} />}
    </Stack>
  );
}
