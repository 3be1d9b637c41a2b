import { useId, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Checkbox, IconButton, List, ListItem, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Goal, GoalStep } from '../../../shared/ipc/contract';
import { STEP_OWNERS, type StepOwner } from '../../../shared/domain/workspace/vocabulary';
import { formatIsoDate } from '../components/format';
import { ConfirmDialog } from './ConfirmDialog';
import { errorsFrom, todayIso } from './forms';
import { planKey, useSave } from './hooks';

function StepEditor({ initial, onSubmit, onCancel, busy, error, submitLabel }: {
  initial: { text: string; owner: StepOwner; dueDate: string };
  onSubmit: (v: { text: string; owner: StepOwner; dueDate: string }) => void;
  onCancel?: () => void;
  busy: boolean;
  error: unknown;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const [missing, setMissing] = useState(false);
  const errors = errorsFrom(t, error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!v.text.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(v);
  };
  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ width: '100%' }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'flex-start' } }}>
        <TextField
          size="small"
          label={t('workspace.goalForm.stepText')}
          value={v.text}
          onChange={(e) => {
            setMissing(false);
            setV({ ...v, text: e.target.value });
          }}
          error={missing || !!errors.fields.text}
          helperText={missing ? t('workspace.common.required') : errors.fields.text}
          sx={{ flex: 1 }}
          autoFocus={!!onCancel}
        />
        <TextField size="small" select label={t('workspace.goalForm.owner')} value={v.owner} onChange={(e) => setV({ ...v, owner: e.target.value as StepOwner })} sx={{ width: { md: 190 } }}>
          {STEP_OWNERS.map((o) => (
            <MenuItem key={o} value={o}>
              {t(`workspace.owner.${o}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" type="date" label={t('workspace.goalForm.due')} value={v.dueDate} onChange={(e) => setV({ ...v, dueDate: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: { md: 170 } }} error={!!errors.fields.dueDate} helperText={errors.fields.dueDate} />
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="outlined" disabled={busy} startIcon={onCancel ? undefined : <AddOutlined />}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button onClick={onCancel} disabled={busy}>
              {t('common.actions.cancel')}
            </Button>
          )}
        </Stack>
      </Stack>
      {errors.form && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {errors.form}
        </Alert>
      )}
    </Box>
  );
}

function StepItem({ step, studentId }: { step: GoalStep; studentId: number }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const toggle = useSave(() => api.goalSteps.update({ id: step.id, version: step.version, changes: { done: !step.done } }), { invalidate: [planKey(studentId)] });
  const update = useSave((v: { text: string; owner: StepOwner; dueDate: string }) => api.goalSteps.update({ id: step.id, version: step.version, changes: { text: v.text, owner: v.owner, dueDate: v.dueDate || null } }), {
    invalidate: [planKey(studentId)],
    success: t('workspace.steps.saved'),
    onDone: () => setEditing(false),
  });
  const remove = useSave(() => api.goalSteps.remove({ id: step.id, version: step.version }), { invalidate: [planKey(studentId)], success: t('workspace.steps.deleted') });
  const overdue = !step.done && step.dueDate && step.dueDate < todayIso();
  const date = (d: string) => formatIsoDate(d, i18n.language);

  if (editing) {
    return (
      <ListItem divider sx={{ py: 1.5 }}>
        <StepEditor initial={{ text: step.text, owner: step.owner, dueDate: step.dueDate ?? '' }} onSubmit={(v) => update.mutate(v)} onCancel={() => setEditing(false)} busy={update.isPending} error={update.error} submitLabel={t('common.actions.save')} />
      </ListItem>
    );
  }
  return (
    <ListItem
      divider
      sx={{ alignItems: 'flex-start', pl: 0 }}
      secondaryAction={
        <Stack direction="row">
          <Tooltip title={t('workspace.steps.edit')}>
            <IconButton aria-label={`${t('workspace.steps.edit')}: ${step.text}`} onClick={() => setEditing(true)}>
              <EditOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={t('workspace.steps.delete')}>
            <IconButton aria-label={`${t('workspace.steps.delete')}: ${step.text}`} onClick={() => setConfirm(true)}>
              <DeleteOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      }
    >
      <Checkbox checked={toggle.isPending ? !step.done : step.done} onChange={() => !toggle.isPending && toggle.mutate(undefined)} slotProps={{ input: { 'aria-label': t('workspace.steps.markDone', { text: step.text }) } }} sx={{ mt: -0.5 }} />
      <Box sx={{ pr: 10 }}>
        <Typography sx={{ textDecoration: step.done ? 'line-through' : 'none', color: step.done ? 'text.secondary' : 'text.primary' }}>{step.text}</Typography>
        <Typography variant="body2" color={overdue ? 'error.main' : 'text.secondary'} sx={{ fontWeight: overdue ? 600 : 400 }}>
          {t(`workspace.owner.${step.owner}`)}
          {step.done && step.doneOn ? ` · ${t('workspace.steps.doneOn', { date: date(step.doneOn) })}` : step.dueDate ? ` · ${t(overdue ? 'workspace.steps.overdue' : 'workspace.steps.due', { date: date(step.dueDate) })}` : ''}
        </Typography>
        {toggle.isError && <Alert severity="error">{errorsFrom(t, toggle.error).form}</Alert>}
      </Box>
      <ConfirmDialog
        open={confirm}
        title={t('workspace.steps.deleteTitle')}
        body={t('workspace.steps.deleteBody')}
        confirmLabel={t('workspace.steps.delete')}
        onClose={() => setConfirm(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirm(false) })}
        busy={remove.isPending}
        error={remove.error}
      />
    </ListItem>
  );
}

/** A goal's action steps: tick off, edit, delete, add (who does what by when). */
export function StepsSection({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const id = useId();
  const [formKey, setFormKey] = useState(0);
  const add = useSave((v: { text: string; owner: StepOwner; dueDate: string }) => api.goalSteps.create({ goalId: goal.id, text: v.text, owner: v.owner, dueDate: v.dueDate || null }), {
    invalidate: [planKey(goal.studentId)],
    success: t('workspace.steps.saved'),
    onDone: () => setFormKey((k) => k + 1),
  });
  return (
    <Box component="section" aria-labelledby={`${id}-title`}>
      <Typography variant="h3" id={`${id}-title`} sx={{ mb: 1 }}>
        {t('workspace.steps.title')}
      </Typography>
      {goal.steps.length === 0 ? (
        <Typography color="text.secondary" sx={{ mb: 1 }}>
          {t('workspace.steps.none')}
        </Typography>
      ) : (
        <List disablePadding sx={{ mb: 1.5 }}>
          {goal.steps.map((s) => (
            <StepItem key={s.id} step={s} studentId={goal.studentId} />
          ))}
        </List>
      )}
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 1 }}>
        {t('workspace.steps.new')}
      </Typography>
      <StepEditor key={formKey} initial={{ text: '', owner: 'student', dueDate: '' }} onSubmit={(v) => add.mutate(v)} busy={add.isPending} error={add.error} submitLabel={t('workspace.steps.add')} />
    </Box>
  );
}
