import { useId, useState } from 'react';
import { Box, Button, Card, CardContent, Grid, IconButton, List, ListItem, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Goal, Trait } from '../../../shared/ipc/contract';
import type { TraitKind } from '../../../shared/domain/workspace/vocabulary';
import { ConfirmDialog } from './ConfirmDialog';
import { TraitDialog } from './TraitDialog';
import { VisibilityChip } from './Visibility';
import { planKey, useSave } from './hooks';

function TraitList({ kind, traits, goals, onEdit, onDelete }: { kind: TraitKind; traits: Trait[]; goals: Goal[]; onEdit: (t: Trait) => void; onDelete: (t: Trait) => void }) {
  const { t } = useTranslation();
  const goalText = new Map(goals.map((g) => [g.id, g.statement]));
  if (traits.length === 0) {
    return <Typography color="text.secondary">{t(kind === 'strength' ? 'workspace.traits.noneStrengths' : 'workspace.traits.noneWeaknesses')}</Typography>;
  }
  return (
    <List disablePadding>
      {traits.map((tr) => (
        <ListItem
          key={tr.id}
          divider
          disableGutters
          sx={{ alignItems: 'flex-start' }}
          secondaryAction={
            <Stack direction="row">
              <Tooltip title={t('workspace.traits.editTitle')}>
                <IconButton aria-label={`${t('workspace.traits.editTitle')}: ${tr.statement}`} onClick={() => onEdit(tr)}>
                  <EditOutlined fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title={t('workspace.traits.delete')}>
                <IconButton aria-label={`${t('workspace.traits.delete')}: ${tr.statement}`} onClick={() => onDelete(tr)}>
                  <DeleteOutlined fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
          }
        >
          <ListItemText
            sx={{ pr: 10 }}
            primary={tr.statement}
            slotProps={{ primary: { sx: { fontWeight: 600 } }, secondary: { component: 'div' } }}
            secondary={
              <Stack spacing={0.5} sx={{ mt: 0.5 }}>
                <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography variant="body2" component="span">
                    {t(`workspace.traits.sources.${tr.source}`)}
                    {tr.sourceNote ? ` · ${tr.sourceNote}` : ''}
                  </Typography>
                  <VisibilityChip visibility={tr.visibility} />
                </Stack>
                {tr.links.length === 0 ? (
                  <Typography variant="body2" component="span" color="text.secondary">
                    {t('workspace.traits.notLinked')}
                  </Typography>
                ) : (
                  tr.links.map((l) =>
                    goalText.has(l.goalId) ? (
                      <Typography key={l.goalId} variant="body2" component="span" sx={{ display: 'block' }}>
                        <Box component="span" sx={{ fontWeight: 700, color: l.effect === 'helps' ? 'success.main' : 'warning.main' }}>
                          {t(`workspace.traits.${l.effect}`)}:
                        </Box>{' '}
                        {goalText.get(l.goalId)}
                      </Typography>
                    ) : null,
                  )
                )}
              </Stack>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

/** Strengths and weaknesses side by side, each showing the goals it helps or hinders. */
export function TraitsPanel({ studentId, traits, goals }: { studentId: number; traits: Trait[]; goals: Goal[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState<{ kind: TraitKind; trait?: Trait } | null>(null);
  const [deleting, setDeleting] = useState<Trait | null>(null);
  const remove = useSave((tr: Trait) => api.traits.remove({ id: tr.id, version: tr.version }), { invalidate: [planKey(studentId)], success: t('workspace.traits.deleted'), onDone: () => setDeleting(null) });
  const activeGoals = goals.filter((g) => !g.archivedAt);
  return (
    <Card component="section" aria-labelledby={`${id}-title`}>
      <CardContent sx={{ p: 3 }}>
        <Typography variant="h2" id={`${id}-title`}>
          {t('workspace.traits.title')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('workspace.traits.intro')}
        </Typography>
        <Grid container spacing={3}>
          {(['strength', 'weakness'] as const).map((kind) => (
            <Grid key={kind} size={{ xs: 12, md: 6 }}>
              <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
                <Typography variant="h3">{t(kind === 'strength' ? 'workspace.traits.strengths' : 'workspace.traits.weaknesses')}</Typography>
                <Button startIcon={<AddOutlined />} onClick={() => setEditing({ kind })}>
                  {t(kind === 'strength' ? 'workspace.traits.addStrength' : 'workspace.traits.addWeakness')}
                </Button>
              </Stack>
              <TraitList kind={kind} traits={traits.filter((tr) => tr.kind === kind)} goals={goals} onEdit={(tr) => setEditing({ kind: tr.kind, trait: tr })} onDelete={setDeleting} />
            </Grid>
          ))}
        </Grid>
      </CardContent>
      {editing && <TraitDialog studentId={studentId} kind={editing.kind} trait={editing.trait} goals={activeGoals} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={!!deleting}
        title={t('workspace.traits.deleteTitle', { kind: deleting ? t(`workspace.traits.kind.${deleting.kind}`).toLowerCase() : '' })}
        body={t('workspace.traits.deleteBody')}
        confirmLabel={t('workspace.traits.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        busy={remove.isPending}
        error={remove.error}
      />
    </Card>
  );
}
