import { Box, Button, Card, CardContent, Chip, LinearProgress, Link, Stack, Typography } from '@mui/material';
import TrendingUp from '@mui/icons-material/TrendingUp';
import TrendingDown from '@mui/icons-material/TrendingDown';
import TrendingFlat from '@mui/icons-material/TrendingFlat';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../shared/ipc/contract';
import { isGoalOverdue, summarizeProgress, summarizeSteps } from '../../../shared/domain/workspace/progress';
import { formatIsoDate } from '../components/format';
import { VisibilityChip } from './Visibility';
import { todayIso } from './forms';

const TREND = { up: TrendingUp, down: TrendingDown, flat: TrendingFlat };

/** One goal in the plan grid: status, who sees it, progress and steps at a glance. */
export function GoalCard({ goal, onOpen, onCheckIn }: { goal: Goal; onOpen: () => void; onCheckIn: () => void }) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  const progress = summarizeProgress(goal.checkIns, goal.status, today);
  const steps = summarizeSteps(goal.steps, today);
  const overdue = isGoalOverdue(goal, today);
  const Trend = progress.trend ? TREND[progress.trend] : null;
  const helps = goal.links.filter((l) => l.effect === 'helps').length;
  const hinders = goal.links.filter((l) => l.effect === 'hinders').length;
  return (
    <Card component="article" aria-label={goal.statement} sx={{ opacity: goal.archivedAt ? 0.75 : 1, borderColor: overdue ? 'warning.main' : undefined }}>
      <CardContent sx={{ p: 2, '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={0.75} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          <Chip size="small" label={t(`workspace.status.${goal.status}`)} color={goal.status === 'achieved' ? 'success' : goal.status === 'in-progress' ? 'primary' : 'default'} variant={goal.status === 'in-progress' ? 'outlined' : 'filled'} />
          <VisibilityChip visibility={goal.visibility} />
          {goal.archivedAt && <Chip size="small" label={t('workspace.plan.archivedLabel')} />}
        </Stack>
        <Link component="button" type="button" onClick={onOpen} underline="hover" sx={{ textAlign: 'left', fontWeight: 600, fontSize: '0.95rem', color: 'text.primary', display: 'block', mb: 1 }}>
          {goal.statement}
        </Link>
        <Typography variant="body2" color={overdue ? 'warning.main' : 'text.secondary'} sx={{ fontWeight: overdue ? 600 : 400 }}>
          {goal.targetDate ? t('workspace.plan.target', { date: formatIsoDate(goal.targetDate, i18n.language) }) : t('workspace.plan.noTarget')}
          {overdue ? ` · ${t('workspace.plan.overdue')}` : ''}
        </Typography>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', mt: 0.5 }}>
          {progress.latestRating ? (
            <>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t('workspace.plan.latest', { rating: t(`workspace.rating.${progress.latestRating}`) })}
              </Typography>
              {Trend && progress.trend && (
                <Box component="span" title={t(`workspace.trend.${progress.trend}`)} sx={{ display: 'inline-flex', alignItems: 'center', color: progress.trend === 'down' ? 'warning.main' : progress.trend === 'up' ? 'success.main' : 'text.secondary' }}>
                  <Trend fontSize="small" aria-hidden />
                  <Typography variant="caption" sx={{ ml: 0.25 }}>
                    {t(`workspace.trend.${progress.trend}`)}
                  </Typography>
                </Box>
              )}
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('workspace.plan.noCheckIns')}
            </Typography>
          )}
          {progress.checkInDue && <Chip size="small" color="warning" variant="outlined" label={t('workspace.plan.checkInDue')} />}
        </Stack>
        {steps.total > 0 ? (
          <Box sx={{ mt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {t('workspace.plan.steps', { done: steps.done, total: steps.total })}
              {steps.overdue > 0 ? ` · ${t('workspace.plan.summary.overdueSteps', { count: steps.overdue })}` : ''}
            </Typography>
            <LinearProgress variant="determinate" value={(steps.done / steps.total) * 100} aria-hidden sx={{ mt: 0.5, height: 6, borderRadius: 3 }} />
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('workspace.plan.noSteps')}
          </Typography>
        )}
        {(helps > 0 || hinders > 0) && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.75 }}>
            {[helps ? `${t('workspace.traits.helps')}: ${helps}` : null, hinders ? `${t('workspace.traits.hinders')}: ${hinders}` : null].filter(Boolean).join(' · ')}
          </Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
          <Button size="small" variant="outlined" onClick={onCheckIn} aria-label={`${t('workspace.plan.checkIn')}: ${goal.statement}`}>
            {t('workspace.plan.checkIn')}
          </Button>
          <Button size="small" onClick={onOpen} aria-label={`${t('workspace.plan.open')}: ${goal.statement}`}>
            {t('workspace.plan.open')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
