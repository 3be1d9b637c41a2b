import { useId, useState } from 'react';
import { Box, Button, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Goal, Trait } from '../../../shared/ipc/contract';
import type { LinkEffect } from '../../../shared/domain/workspace/vocabulary';
import { VisibilityChip } from './Visibility';
import { errorsFrom } from './forms';
import { planKey, useSave } from './hooks';

/** On a goal: the strengths that help it and the weaknesses that hinder it; change or add links. */
export function GoalLinksSection({ goal, traits }: { goal: Goal; traits: Trait[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [pick, setPick] = useState<number | ''>('');
  const [effect, setEffect] = useState<LinkEffect>('helps');
  const link = useSave((v: { traitId: number; effect: LinkEffect | null }) => api.traits.link({ goalId: goal.id, traitId: v.traitId, effect: v.effect }), {
    invalidate: [planKey(goal.studentId)],
    onDone: () => setPick(''),
  });
  const byId = new Map(traits.map((tr) => [tr.id, tr]));
  const linked = goal.links.map((l) => ({ link: l, trait: byId.get(l.traitId) })).filter((x): x is { link: typeof x.link; trait: Trait } => !!x.trait);
  const unlinked = traits.filter((tr) => !goal.links.some((l) => l.traitId === tr.id));
  const errors = errorsFrom(t, link.error);
  return (
    <Box component="section" aria-labelledby={`${id}-title`}>
      <Typography variant="h3" id={`${id}-title`} sx={{ mb: 1 }}>
        {t('workspace.traits.onGoal')}
      </Typography>
      {linked.length > 0 && (
        <List disablePadding sx={{ mb: 1.5 }}>
          {linked.map(({ link: l, trait }) => (
            <ListItem key={trait.id} divider disableGutters secondaryAction={
              <TextField
                select
                size="small"
                label={t('workspace.traits.links')}
                value={l.effect}
                onChange={(e) => link.mutate({ traitId: trait.id, effect: e.target.value === 'none' ? null : (e.target.value as LinkEffect) })}
                sx={{ width: 170 }}
                slotProps={{ select: { inputProps: { 'aria-label': `${trait.statement}: ${t('workspace.traits.links')}` } } }}
              >
                <MenuItem value="helps">{t('workspace.traits.effect.helps')}</MenuItem>
                <MenuItem value="hinders">{t('workspace.traits.effect.hinders')}</MenuItem>
                <MenuItem value="none">{t('workspace.traits.unlink')}</MenuItem>
              </TextField>
            }>
              <ListItemText
                sx={{ pr: 24 }}
                primary={trait.statement}
                secondary={
                  <Stack direction="row" spacing={1} component="span" useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
                    <Typography component="span" variant="body2" sx={{ fontWeight: 600, color: l.effect === 'helps' ? 'success.main' : 'warning.main' }}>
                      {t(`workspace.traits.kind.${trait.kind}`)} · {t(l.effect === 'helps' ? 'workspace.traits.helpsGoal' : 'workspace.traits.hindersGoal')}
                    </Typography>
                    <VisibilityChip visibility={trait.visibility} />
                  </Stack>
                }
                slotProps={{ secondary: { component: 'span' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
      {traits.length === 0 ? (
        <Typography color="text.secondary">{t('workspace.traits.noneToLink')}</Typography>
      ) : unlinked.length > 0 ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
          <TextField select size="small" label={t('workspace.traits.linkExisting')} value={pick} onChange={(e) => {
              const tr = byId.get(Number(e.target.value));
              setPick(Number(e.target.value));
              setEffect(tr?.kind === 'weakness' ? 'hinders' : 'helps');
            }} sx={{ flex: 1 }}>
            {unlinked.map((tr) => (
              <MenuItem key={tr.id} value={tr.id}>
                {t(`workspace.traits.kind.${tr.kind}`)}: {tr.statement}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={t('workspace.traits.links')} value={effect} onChange={(e) => setEffect(e.target.value as LinkEffect)} sx={{ width: { sm: 160 } }}>
            <MenuItem value="helps">{t('workspace.traits.effect.helps')}</MenuItem>
            <MenuItem value="hinders">{t('workspace.traits.effect.hinders')}</MenuItem>
          </TextField>
          <Button variant="outlined" disabled={pick === '' || link.isPending} onClick={() => pick !== '' && link.mutate({ traitId: pick, effect })}>
            {t('common.actions.add')}
          </Button>
        </Stack>
      ) : null}
      {errors.form && <Typography color="error">{errors.form}</Typography>}
    </Box>
  );
}
