import { useId, useState, type FormEvent } from 'react';
import { Dialog, DialogContent, DialogTitle, Grid, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Goal, Trait } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import { defaultTraitVisibility, TRAIT_KINDS, TRAIT_SOURCES, type LinkEffect, type TraitKind, type TraitSource } from '../../../shared/domain/workspace/vocabulary';
import { VisibilityField } from './Visibility';
import { errorsFrom } from './forms';
import { FormError, SaveCancelActions } from './SaveCancelActions';
import { lengthHint, planKey, useSave } from './hooks';

type Effect = LinkEffect | 'none';

/** Add or edit a strength or weakness, and say for each goal whether it helps, hinders or neither. */
export function TraitDialog({ studentId, kind: initialKind, trait, goals, onClose }: { studentId: number; kind: TraitKind; trait?: Trait; goals: Goal[]; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<TraitKind>(trait?.kind ?? initialKind);
  const [statement, setStatement] = useState(trait?.statement ?? '');
  const [source, setSource] = useState<TraitSource>(trait?.source ?? 'counselor');
  const [sourceNote, setSourceNote] = useState(trait?.sourceNote ?? '');
  const [visibility, setVisibility] = useState<NoteVisibility>(trait?.visibility ?? defaultTraitVisibility(initialKind));
  const [touched, setTouched] = useState(!!trait);
  const [missing, setMissing] = useState(false);
  const initialLinks = Object.fromEntries(goals.map((g) => [g.id, (trait?.links.find((l) => l.goalId === g.id)?.effect ?? 'none') as Effect]));
  const [links, setLinks] = useState<Record<number, Effect>>(initialLinks);

  const save = useSave(
    async () => {
      const fields = { kind, statement, source, sourceNote: sourceNote || null, visibility };
      if (!trait) {
        const chosen = Object.entries(links).filter(([, e]) => e !== 'none').map(([goalId, e]) => ({ goalId: Number(goalId), effect: e as LinkEffect }));
        return api.traits.create({ studentId, ...fields, links: chosen });
      }
      const saved = await api.traits.update({ id: trait.id, version: trait.version, changes: fields });
      // Each link change is its own small, idempotent call.
      for (const g of goals) {
        if (links[g.id] !== initialLinks[g.id]) await api.traits.link({ goalId: g.id, traitId: trait.id, effect: links[g.id] === 'none' ? null : (links[g.id] as LinkEffect) });
      }
      return saved;
    },
    { invalidate: [planKey(studentId)], success: t('workspace.traits.saved'), onDone: onClose },
  );
  const errors = errorsFrom(t, save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!statement.trim()) {
      setMissing(true);
      return;
    }
    save.mutate(undefined);
  };

  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby={`${id}-title`} scroll="paper">
      <form onSubmit={submit} noValidate style={{ display: 'contents' }}>
        <DialogTitle id={`${id}-title`}>{trait ? `${t('workspace.traits.editTitle')}: ${t(`workspace.traits.kind.${kind}`)}` : t(`workspace.traits.newTitle.${kind}`)}</DialogTitle>
        <DialogContent dividers>
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, md: 7 }}>
              <Stack spacing={2}>
                <TextField
                  select
                  label={t('workspace.traits.kindLabel')}
                  value={kind}
                  onChange={(e) => {
                    const k = e.target.value as TraitKind;
                    setKind(k);
                    if (!touched) setVisibility(defaultTraitVisibility(k));
                  }}
                >
                  {TRAIT_KINDS.map((k) => (
                    <MenuItem key={k} value={k}>
                      {t(`workspace.traits.kind.${k}`)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  label={t('workspace.traits.statement')}
                  value={statement}
                  onChange={(e) => {
                    setMissing(false);
                    setStatement(e.target.value);
                  }}
                  required
                  autoFocus
                  multiline
                  error={missing || !!errors.fields.statement}
                  helperText={(missing ? t('workspace.common.required') : errors.fields.statement) ?? lengthHint(statement, 300) ?? ' '}
                />
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <TextField select label={t('workspace.traits.source')} value={source} onChange={(e) => setSource(e.target.value as TraitSource)}>
                    {TRAIT_SOURCES.map((s) => (
                      <MenuItem key={s} value={s}>
                        {t(`workspace.traits.sources.${s}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField label={t('workspace.traits.sourceNote')} value={sourceNote} onChange={(e) => setSourceNote(e.target.value)} error={!!errors.fields.sourceNote} helperText={errors.fields.sourceNote ?? t('workspace.traits.sourceNoteHelp')} />
                </Stack>
                <Typography variant="h4" component="h3">
                  {t('workspace.traits.links')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mt: '4px !important' }}>
                  {t('workspace.traits.linksHelp')}
                </Typography>
                {goals.length === 0 ? (
                  <Typography color="text.secondary">{t('workspace.plan.emptyCell')}</Typography>
                ) : (
                  goals.map((g) => (
                    <TextField
                      key={g.id}
                      select
                      size="small"
                      label={g.statement}
                      value={links[g.id]}
                      onChange={(e) => setLinks((l) => ({ ...l, [g.id]: e.target.value as Effect }))}
                      slotProps={{ inputLabel: { sx: { maxWidth: 'calc(100% - 40px)', overflow: 'hidden', textOverflow: 'ellipsis' } } }}
                    >
                      <MenuItem value="none">{t('workspace.traits.effect.none')}</MenuItem>
                      <MenuItem value="helps">{t('workspace.traits.effect.helps')}</MenuItem>
                      <MenuItem value="hinders">{t('workspace.traits.effect.hinders')}</MenuItem>
                    </TextField>
                  ))
                )}
              </Stack>
            </Grid>
            <Grid size={{ xs: 12, md: 5 }}>
              <VisibilityField
                value={visibility}
                onChange={(v) => {
                  setTouched(true);
                  setVisibility(v);
                }}
              />
            </Grid>
          </Grid>
          <FormError message={errors.form} />
        </DialogContent>
        <SaveCancelActions onCancel={onClose} busy={save.isPending} />
      </form>
    </Dialog>
  );
}
