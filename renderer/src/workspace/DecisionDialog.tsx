import { useId, useState, type FormEvent } from 'react';
import { Button, Checkbox, Dialog, DialogContent, DialogTitle, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Grid, IconButton, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Decision, Goal } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import { DECIDERS, DEFAULT_DECISION_VISIBILITY, type Decider } from '../../../shared/domain/workspace/vocabulary';
import { VisibilityField } from './Visibility';
import { errorsFrom, todayIso } from './forms';
import { FormError, SaveCancelActions } from './SaveCancelActions';
import { lengthHint, useSave } from './hooks';

/** Log or edit a decision: what, the options weighed, why, who decided, when, and who may see it. */
export function DecisionDialog({ studentId, decision, goals, onClose }: { studentId: number; decision?: Decision; goals: Goal[]; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [decidedOn, setDecidedOn] = useState(decision?.decidedOn ?? todayIso());
  const [text, setText] = useState(decision?.decision ?? '');
  const [options, setOptions] = useState<string[]>(decision?.options.length ? decision.options : ['', '']);
  const [rationale, setRationale] = useState(decision?.rationale ?? '');
  const [deciders, setDeciders] = useState<Decider[]>(decision?.deciders ?? ['student', 'counselor']);
  const [goalId, setGoalId] = useState<number | ''>(decision?.goalId ?? '');
  const [visibility, setVisibility] = useState<NoteVisibility>(decision?.visibility ?? DEFAULT_DECISION_VISIBILITY);
  const [local, setLocal] = useState<{ decision?: boolean; deciders?: boolean }>({});
  const save = useSave(
    () => {
      const fields = { decidedOn, decision: text, options: options.map((o) => o.trim()).filter(Boolean), rationale: rationale || null, deciders, goalId: goalId === '' ? null : goalId, visibility };
      return decision ? api.decisions.update({ id: decision.id, version: decision.version, changes: fields }) : api.decisions.create({ studentId, ...fields });
    },
    { invalidate: [['decisions', studentId]], success: t('workspace.decisions.saved'), onDone: onClose },
  );
  const errors = errorsFrom(t, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = { decision: !text.trim(), deciders: deciders.length === 0 };
    setLocal(problems);
    if (problems.decision || problems.deciders) return;
    save.mutate(undefined);
  };
  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} maxWidth="md" fullWidth scroll="paper" aria-labelledby={`${id}-title`}>
      <form onSubmit={submit} noValidate style={{ display: 'contents' }}>
        <DialogTitle id={`${id}-title`}>{t(decision ? 'workspace.decisions.editTitle' : 'workspace.decisions.newTitle')}</DialogTitle>
        <DialogContent dividers>
          <Grid container spacing={3}>
            <Grid size={{ xs: 12, md: 7 }}>
              <Stack spacing={2}>
                <TextField
                  label={t('workspace.decisions.decision')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  required
                  autoFocus
                  multiline
                  error={!!local.decision || !!errors.fields.decision}
                  helperText={(local.decision ? t('workspace.common.required') : errors.fields.decision) ?? lengthHint(text, 500) ?? ' '}
                />
                <TextField type="date" label={t('workspace.decisions.date')} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} error={!!errors.fields.decidedOn} helperText={errors.fields.decidedOn ?? ' '} sx={{ maxWidth: 240 }} />
                <FormControl component="fieldset">
                  <FormLabel component="legend" sx={{ fontWeight: 600, mb: 1 }}>
                    {t('workspace.decisions.options')}
                  </FormLabel>
                  <Stack spacing={1}>
                    {options.map((o, i) => (
                      <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                        <TextField size="small" label={t('workspace.decisions.option', { n: i + 1 })} value={o} onChange={(e) => setOptions((list) => list.map((x, j) => (j === i ? e.target.value : x)))} />
                        <Tooltip title={t('workspace.decisions.removeOption', { n: i + 1 })}>
                          <IconButton aria-label={t('workspace.decisions.removeOption', { n: i + 1 })} onClick={() => setOptions((list) => list.filter((_x, j) => j !== i))}>
                            <CloseOutlined fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      </Stack>
                    ))}
                    {options.length < 12 && (
                      <Button startIcon={<AddOutlined />} onClick={() => setOptions((list) => [...list, ''])} sx={{ alignSelf: 'flex-start' }}>
                        {t('workspace.decisions.addOption')}
                      </Button>
                    )}
                  </Stack>
                  {errors.fields.options && <FormHelperText error>{errors.fields.options}</FormHelperText>}
                </FormControl>
                <TextField label={t('workspace.decisions.rationale')} value={rationale} onChange={(e) => setRationale(e.target.value)} multiline minRows={3} error={!!errors.fields.rationale} helperText={errors.fields.rationale ?? lengthHint(rationale, 4000) ?? ' '} />
                <FormControl component="fieldset" error={!!local.deciders || !!errors.fields.deciders}>
                  <FormLabel component="legend" sx={{ fontWeight: 600 }}>
                    {t('workspace.decisions.deciders')}
                  </FormLabel>
                  <FormGroup row>
                    {DECIDERS.map((d) => (
                      <FormControlLabel
                        key={d}
                        control={<Checkbox checked={deciders.includes(d)} onChange={(e) => setDeciders(e.target.checked ? DECIDERS.filter((x) => x === d || deciders.includes(x)) : deciders.filter((x) => x !== d))} />}
                        label={t(`workspace.decisions.decider.${d}`)}
                      />
                    ))}
                  </FormGroup>
                  {(local.deciders || errors.fields.deciders) && <FormHelperText>{t('workspace.decisions.needDecider')}</FormHelperText>}
                </FormControl>
                <TextField select label={t('workspace.decisions.goal')} value={goalId} onChange={(e) => setGoalId(e.target.value === '' ? '' : Number(e.target.value))}>
                  <MenuItem value="">{t('workspace.decisions.noGoal')}</MenuItem>
                  {goals.map((g) => (
                    <MenuItem key={g.id} value={g.id} sx={{ whiteSpace: 'normal' }}>
                      {t(`workspace.domain.${g.domain}`)}: {g.statement}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
            </Grid>
            <Grid size={{ xs: 12, md: 5 }}>
              <VisibilityField value={visibility} onChange={setVisibility} />
            </Grid>
          </Grid>
          <FormError message={errors.form} />
        </DialogContent>
        <SaveCancelActions onCancel={onClose} busy={save.isPending} />
      </form>
    </Dialog>
  );
}
