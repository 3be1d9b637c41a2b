import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Grid, Link, Skeleton, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import SchoolOutlined from '@mui/icons-material/SchoolOutlined';
import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Decision, LinkedDecision, StudentDetail } from '../../../shared/ipc/contract';
import { errorText } from '../components/errorText';
import { formatIsoDate } from '../components/format';
import { ConfirmDialog } from './ConfirmDialog';
import { DecisionDialog } from './DecisionDialog';
import { VisibilityChip } from './Visibility';
import { usePlan, useSave } from './hooks';

/**
 * A decision held elsewhere — taken in a conference, or a plan chosen on the Course plan tab —
 * shown in the log read-only, with a link to where it lives (it is never copied here).
 */
function LinkedDecisionCard({ d, studentId }: { d: LinkedDecision; studentId: number }) {
  const { t, i18n } = useTranslation();
  const role = (r: string) => t(d.source === 'conference' ? `conference.roles.${r}` : `courses.choose.roles.${r}`);
  const title = d.source === 'course-plan' ? t('workspace.decisions.linked.planChosen', { name: d.decision }) : d.decision;
  return (
    <Card component="li" aria-label={title} variant="outlined" sx={{ bgcolor: 'background.default' }}>
      <CardContent sx={{ p: 2.5, '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            {formatIsoDate(d.decidedOn, i18n.language)}
          </Typography>
          <Chip
            size="small"
            variant="outlined"
            icon={d.source === 'conference' ? <EventNoteOutlined /> : <SchoolOutlined />}
            label={d.source === 'conference' ? t('workspace.decisions.linked.fromConference', { date: formatIsoDate(d.decidedOn, i18n.language) }) : t('workspace.decisions.linked.fromCoursePlan')}
          />
          {d.source === 'conference' && <Chip size="small" label={t(`conference.decisionKinds.${d.kind}`)} />}
          {d.planMadeActive && d.source === 'conference' && <Chip size="small" color="success" variant="outlined" label={t('workspace.decisions.linked.madeActive')} />}
        </Stack>
        <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
          {title}
        </Typography>
        {d.endorsement && (
          <Typography variant="body2">
            {t('conference.decisions.endorsement')}: {t(`conference.endorsements.${d.endorsement}`)}
          </Typography>
        )}
        {d.source === 'conference' && d.planName && <Typography variant="body2">{t('workspace.decisions.linked.planChosen', { name: d.planName })}</Typography>}
        {d.detail && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
            {d.detail}
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {d.agreedBy.length ? t('workspace.decisions.linked.agreedBy', { list: d.agreedBy.map((a) => `${a.name} (${role(a.role)})`).join(', ') }) : t('workspace.decisions.linked.nobodyAgreed')}
        </Typography>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ mt: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          {d.conference ? (
            <Link component={RouterLink} to={`/conferences/${d.conference.id}`}>
              {t('workspace.decisions.linked.openConference')}
            </Link>
          ) : (
            <Link component={RouterLink} to={`/students/${studentId}/course-plan`}>
              {t('workspace.decisions.linked.openCoursePlan')}
            </Link>
          )}
          <Typography variant="caption" color="text.secondary">
            {t('workspace.decisions.linked.readOnly')}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** One of the log's own entries, with edit and delete. */
function OwnDecisionCard({ d, goalText, onEdit, onDelete }: { d: Decision; goalText: Map<number, string>; onEdit: (d: Decision) => void; onDelete: (d: Decision) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card component="li" aria-label={d.decision}>
      <CardContent sx={{ p: 2.5, '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            {formatIsoDate(d.decidedOn, i18n.language)}
          </Typography>
          <VisibilityChip visibility={d.visibility} />
          <Typography variant="body2" color="text.secondary">
            {t('workspace.decisions.decidedBy', { list: d.deciders.map((x) => t(`workspace.decisions.decider.${x}`)).join(', ') })}
          </Typography>
        </Stack>
        <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
          {d.decision}
        </Typography>
        <Grid container spacing={2}>
          {d.options.length > 0 && (
            <Grid size={{ xs: 12, md: 5 }}>
              <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
                {t('workspace.decisions.options')}
              </Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {d.options.map((o, i) => (
                  <li key={i}>
                    <Typography variant="body2">{o}</Typography>
                  </li>
                ))}
              </Box>
            </Grid>
          )}
          {d.rationale && (
            <Grid size={{ xs: 12, md: d.options.length ? 7 : 12 }}>
              <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
                {t('workspace.decisions.rationale')}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {d.rationale}
              </Typography>
            </Grid>
          )}
        </Grid>
        {d.goalId !== null && goalText.has(d.goalId) && (
          <Chip size="small" variant="outlined" sx={{ mt: 1.5, maxWidth: '100%' }} label={`${t('workspace.decisions.goal')}: ${goalText.get(d.goalId)}`} />
        )}
        <Stack direction="row" spacing={0.5} sx={{ mt: 1.5 }}>
          <Button size="small" startIcon={<EditOutlined />} onClick={() => onEdit(d)} aria-label={`${t('common.actions.edit')}: ${d.decision}`}>
            {t('common.actions.edit')}
          </Button>
          <Button size="small" color="error" startIcon={<DeleteOutlined />} onClick={() => onDelete(d)} aria-label={`${t('workspace.decisions.delete')}: ${d.decision}`}>
            {t('common.actions.delete')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The decisions log, newest first: what was decided, the options, why, who decided — including decisions taken in conferences and plans chosen. */
export function DecisionsTab({ student }: { student: StudentDetail }) {
  const { t } = useTranslation();
  const decisions = useQuery({ queryKey: ['decisions', student.id], queryFn: () => api.decisions.list({ studentId: student.id }) });
  const linked = useQuery({ queryKey: ['decisions', student.id, 'linked'], queryFn: () => api.decisions.linked({ studentId: student.id }) });
  const plan = usePlan(student.id, false);
  const [editing, setEditing] = useState<Decision | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Decision | null>(null);
  const remove = useSave((d: Decision) => api.decisions.remove({ id: d.id, version: d.version }), { invalidate: [['decisions', student.id]], success: t('workspace.decisions.deleted'), onDone: () => setDeleting(null) });
  const goals = plan.data?.goals ?? [];
  const goalText = new Map(goals.map((g) => [g.id, g.statement]));

  return (
    <Stack spacing={3}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
        <Box>
          <Typography variant="h2">{t('workspace.decisions.title')}</Typography>
          <Typography color="text.secondary">{t('workspace.decisions.intro')}</Typography>
        </Box>
        <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')} sx={{ flexShrink: 0 }}>
          {t('workspace.decisions.add')}
        </Button>
      </Stack>
      {decisions.isError && <Alert severity="error">{errorText(t, decisions.error)}</Alert>}
      {!decisions.data && !decisions.isError && <Skeleton variant="rounded" height={160} />}
      {decisions.data?.length === 0 && linked.data?.length === 0 && <Alert severity="info">{t('workspace.decisions.none')}</Alert>}
      <Stack spacing={2} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {merge(decisions.data ?? [], linked.data ?? []).map((entry) =>
          'key' in entry ? (
            <LinkedDecisionCard key={entry.key} d={entry} studentId={student.id} />
          ) : (
            <OwnDecisionCard key={entry.id} d={entry} goalText={goalText} onEdit={setEditing} onDelete={setDeleting} />
          ),
        )}
      </Stack>
      {editing && <DecisionDialog studentId={student.id} decision={editing === 'new' ? undefined : editing} goals={goals.filter((g) => !g.archivedAt)} onClose={() => setEditing(null)} />}
      <ConfirmDialog open={!!deleting} title={t('workspace.decisions.deleteTitle')} body={t('workspace.decisions.deleteBody')} confirmLabel={t('workspace.decisions.delete')} onClose={() => setDeleting(null)} onConfirm={() => deleting && remove.mutate(deleting)} busy={remove.isPending} error={remove.error} />
    </Stack>
  );
}

/** The log's own entries and the linked ones, newest first (same day: the log's own first). */
function merge(own: Decision[], linked: LinkedDecision[]): (Decision | LinkedDecision)[] {
  const all: (Decision | LinkedDecision)[] = [...own, ...linked];
  return all
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.decidedOn < b.e.decidedOn ? 1 : a.e.decidedOn > b.e.decidedOn ? -1 : a.i - b.i))
    .map((x) => x.e);
}
