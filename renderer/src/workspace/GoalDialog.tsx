import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormGroup, FormLabel, Grid, IconButton,
  List, ListItem, ListItemIcon, ListItemText, MenuItem, Paper, Stack, TextField, Tooltip, Typography,
} from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import AddOutlined from '@mui/icons-material/AddOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Goal, StudentDetail } from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import {
  defaultGoalVisibility, GOAL_BASES, GOAL_DOMAINS, GOAL_HORIZONS, GOAL_STATUSES, STEP_OWNERS,
  type GoalBasis, type GoalDomain, type GoalHorizon, type GoalStatus, type StepOwner,
} from '../../../shared/domain/workspace/vocabulary';
import { draftFromTemplate, placeholders, suggestTargetDate, type GoalTemplate } from '../../../shared/domain/workspace/templates';
import { goalChecklist, GOAL_CHECKS } from '../../../shared/domain/workspace/goalChecklist';
import type { Locale } from '../../../shared/i18n/locales';
import { formatIsoDate } from '../components/format';
import { AscaField } from './Asca';
import { TemplatePicker } from './TemplatePicker';
import { VisibilityField } from './Visibility';
import { errorsFrom, todayIso } from './forms';
import { lengthHint, planKey, useSave } from './hooks';

interface StepRow {
  key: number;
  include: boolean;
  text: string;
  /** The template's wording (with blanks), kept so blanks can still be filled in it. */
  original: string | null;
  edited: boolean;
  owner: StepOwner;
  dueDate: string;
}

interface FormState {
  domain: GoalDomain;
  horizon: GoalHorizon;
  statement: string;
  successMeasure: string;
  basedOnNote: string;
  targetDate: string;
  status: GoalStatus;
  basedOn: GoalBasis[];
  ascaCodes: string[];
  visibility: NoteVisibility;
}

type TextKey = 'statement' | 'successMeasure' | 'basedOnNote';

const fill = (text: string, values: Record<string, string>) => text.replace(/\[[^\]\n]{1,60}\]/g, (m) => values[m]?.trim() || m);

let stepKeys = 0;

/** New goal (template or blank) or edit an existing one; the checklist beside the form says what a good goal still lacks. */
export function GoalDialog({ student, goal, preset, onClose, onSaved }: {
  student: StudentDetail;
  goal?: Goal;
  preset?: { domain?: GoalDomain; horizon?: GoalHorizon };
  onClose: () => void;
  onSaved?: (g: Goal) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [stage, setStage] = useState<'choose' | 'form'>(goal ? 'form' : 'choose');
  const [template, setTemplate] = useState<{ tpl: GoalTemplate; locale: Locale } | null>(null);
  const [originals, setOriginals] = useState<Partial<Record<TextKey, string>>>({});
  const [edited, setEdited] = useState<Partial<Record<TextKey, boolean>>>({});
  const [blanks, setBlanks] = useState<Record<string, string>>({});
  const [visibilityTouched, setVisibilityTouched] = useState(!!goal);
  const [steps, setSteps] = useState<StepRow[]>([]);
  const [form, setForm] = useState<FormState>(() => ({
    domain: goal?.domain ?? preset?.domain ?? 'educational',
    horizon: goal?.horizon ?? preset?.horizon ?? 'short',
    statement: goal?.statement ?? '',
    successMeasure: goal?.successMeasure ?? '',
    basedOnNote: goal?.basedOnNote ?? '',
    targetDate: goal?.targetDate ?? '',
    status: goal?.status ?? 'not-started',
    basedOn: goal?.basedOn ?? [],
    ascaCodes: goal?.ascaCodes ?? [],
    visibility: goal?.visibility ?? defaultGoalVisibility(goal?.domain ?? preset?.domain ?? 'educational'),
  }));
  const [statementMissing, setStatementMissing] = useState(false);
  const [blanksLeft, setBlanksLeft] = useState<string[]>([]);
  const blankInputs = useRef<Record<string, HTMLInputElement | null>>({});
  const today = todayIso();
  const suggested = suggestTargetDate(form.horizon, today, student);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'domain' && !visibilityTouched) next.visibility = defaultGoalVisibility(value as GoalDomain);
      return next;
    });

  function startFrom(tpl: GoalTemplate, locale: Locale) {
    const d = draftFromTemplate(tpl, locale, today, student);
    setTemplate({ tpl, locale });
    setOriginals({ statement: d.statement, successMeasure: d.successMeasure, basedOnNote: d.basedOnNote ?? '' });
    setEdited({});
    setBlanks({});
    setForm({
      domain: d.domain,
      horizon: d.horizon,
      statement: d.statement,
      successMeasure: d.successMeasure,
      basedOnNote: d.basedOnNote ?? '',
      targetDate: d.targetDate,
      status: 'not-started',
      basedOn: d.basedOn,
      ascaCodes: d.ascaCodes,
      visibility: defaultGoalVisibility(d.domain),
    });
    setVisibilityTouched(false);
    setSteps(d.steps.map((s) => ({ key: ++stepKeys, include: true, text: s.text, original: s.text, edited: false, owner: s.owner, dueDate: s.dueDate })));
    setStage('form');
  }

  function startBlank() {
    setTemplate(null);
    setOriginals({});
    setSteps([]);
    setForm((f) => ({ ...f, targetDate: suggestTargetDate(f.horizon, today, student) }));
    setStage('form');
  }

  /** Every blank of the template, in order of first appearance. */
  const blankList = useMemo(() => {
    const texts = [originals.statement ?? '', originals.successMeasure ?? '', originals.basedOnNote ?? '', ...steps.map((s) => s.original ?? '')];
    return [...new Set(texts.flatMap(placeholders))];
  }, [originals, steps]);

  function setBlank(blank: string, value: string) {
    const values = { ...blanks, [blank]: value };
    setBlanks(values);
    setForm((f) => {
      const next = { ...f };
      for (const k of ['statement', 'successMeasure', 'basedOnNote'] as const) if (originals[k] !== undefined && !edited[k]) next[k] = fill(originals[k]!, values);
      return next;
    });
    setSteps((rows) => rows.map((r) => (r.original && !r.edited ? { ...r, text: fill(r.original, values) } : r)));
  }

  function editText(key: TextKey, value: string) {
    setEdited((e) => ({ ...e, [key]: true }));
    set(key, value);
  }

  const includedSteps = steps.filter((s) => s.include && s.text.trim());
  const check = goalChecklist({
    statement: form.statement,
    successMeasure: form.successMeasure,
    targetDate: form.targetDate || null,
    basedOn: form.basedOn,
    basedOnNote: form.basedOnNote,
    stepCount: goal ? goal.steps.length : includedSteps.length,
  });

  const save = useSave(
    async () => {
      const fields = {
        domain: form.domain,
        horizon: form.horizon,
        statement: form.statement,
        successMeasure: form.successMeasure || null,
        basedOnNote: form.basedOnNote || null,
        targetDate: form.targetDate || null,
        status: form.status,
        basedOn: form.basedOn,
        ascaCodes: form.ascaCodes,
        visibility: form.visibility,
      };
      return goal
        ? api.goals.update({ id: goal.id, version: goal.version, changes: fields })
        : api.goals.create({
            studentId: student.id,
            ...fields,
            templateId: template?.tpl.id ?? null,
            steps: includedSteps.map((s) => ({ text: s.text, owner: s.owner, dueDate: s.dueDate || null })),
          });
    },
    {
      invalidate: [planKey(student.id)],
      success: t(goal ? 'workspace.goalForm.saved' : 'workspace.goalForm.created'),
      onDone: (g) => {
        onSaved?.(g);
        onClose();
      },
    },
  );
  const errors = errorsFrom(t, save.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.statement.trim()) {
      setStatementMissing(true);
      return;
    }
    // A template blank left in the goal ("[course]") is never meant to be saved.
    const left = check.unfilled.filter((b) => blankList.includes(b));
    setBlanksLeft(left);
    if (left.length) {
      blankInputs.current[left[0]]?.focus();
      return;
    }
    save.mutate(undefined);
  }

  const fieldError = (k: string) => errors.fields[k];
  const dateLabel = (iso: string) => formatIsoDate(iso, i18n.language);

  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} maxWidth="lg" fullWidth aria-labelledby={`${id}-title`} scroll="paper">
      <form onSubmit={submit} noValidate style={{ display: 'contents' }}>
        <DialogTitle id={`${id}-title`}>
          {t(goal ? 'workspace.goalForm.editTitle' : stage === 'choose' ? 'workspace.template.title' : 'workspace.goalForm.createTitle')}
          {template && stage === 'form' && (
            <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
              {t('workspace.goalForm.fromTemplate', { title: template.tpl.title[template.locale] })}
            </Typography>
          )}
        </DialogTitle>
        <DialogContent dividers>
          {stage === 'choose' ? (
            <TemplatePicker student={student} domain={preset?.domain} onPick={startFrom} onBlank={startBlank} />
          ) : (
            <Grid container spacing={3}>
              <Grid size={{ xs: 12, md: 8 }}>
                <Stack spacing={2}>
                  {blankList.length > 0 && (
                    <Paper variant="outlined" sx={{ p: 2, bgcolor: 'action.hover' }} component="section" aria-labelledby={`${id}-blanks`}>
                      <Typography variant="h4" component="h3" id={`${id}-blanks`}>
                        {t('workspace.goalForm.blanks')}
                      </Typography>
                      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
                        {t('workspace.goalForm.blanksHelp')}
                      </Typography>
                      <Grid container spacing={1.5}>
                        {blankList.map((b, i) => (
                          <Grid key={b} size={{ xs: 12, sm: 6, md: 4 }}>
                            <TextField
                              size="small"
                              label={b}
                              value={blanks[b] ?? ''}
                              onChange={(e) => {
                                setBlank(b, e.target.value);
                                setBlanksLeft([]);
                              }}
                              autoFocus={i === 0}
                              inputRef={(el: HTMLInputElement | null) => {
                                blankInputs.current[b] = el;
                              }}
                              slotProps={{ htmlInput: { 'aria-label': t('workspace.goalForm.blankLabel', { blank: b }), lang: template?.locale } }}
                            />
                          </Grid>
                        ))}
                      </Grid>
                    </Paper>
                  )}
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                    <TextField select label={t('workspace.goalForm.domain')} value={form.domain} onChange={(e) => set('domain', e.target.value as GoalDomain)}>
                      {GOAL_DOMAINS.map((d) => (
                        <MenuItem key={d} value={d}>
                          {t(`workspace.domain.${d}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                    <TextField select label={t('workspace.goalForm.horizon')} value={form.horizon} onChange={(e) => set('horizon', e.target.value as GoalHorizon)} helperText={t(`workspace.horizonHint.${form.horizon}`)}>
                      {GOAL_HORIZONS.map((h) => (
                        <MenuItem key={h} value={h}>
                          {t(`workspace.horizon.${h}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                    <TextField select label={t('workspace.goalForm.status')} value={form.status} onChange={(e) => set('status', e.target.value as GoalStatus)}>
                      {GOAL_STATUSES.map((s) => (
                        <MenuItem key={s} value={s}>
                          {t(`workspace.status.${s}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                  </Stack>
                  <TextField
                    label={t('workspace.goalForm.statement')}
                    value={form.statement}
                    onChange={(e) => {
                      setStatementMissing(false);
                      editText('statement', e.target.value);
                    }}
                    multiline
                    minRows={2}
                    required
                    autoFocus={blankList.length === 0}
                    error={statementMissing || !!fieldError('statement')}
                    helperText={(statementMissing ? t('workspace.common.required') : fieldError('statement')) ?? lengthHint(form.statement, 600) ?? t('workspace.goalForm.statementHelp')}
                    slotProps={{ htmlInput: { lang: template?.locale } }}
                  />
                  <TextField
                    label={t('workspace.goalForm.measure')}
                    value={form.successMeasure}
                    onChange={(e) => editText('successMeasure', e.target.value)}
                    multiline
                    minRows={2}
                    error={!!fieldError('successMeasure')}
                    helperText={fieldError('successMeasure') ?? lengthHint(form.successMeasure, 600) ?? t('workspace.goalForm.measureHelp')}
                    slotProps={{ htmlInput: { lang: template?.locale } }}
                  />
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
                    <TextField
                      type="date"
                      label={t('workspace.goalForm.targetDate')}
                      value={form.targetDate}
                      onChange={(e) => set('targetDate', e.target.value)}
                      slotProps={{ inputLabel: { shrink: true } }}
                      error={!!fieldError('targetDate')}
                      helperText={fieldError('targetDate') ?? t('workspace.goalForm.suggested', { horizon: t(`workspace.horizon.${form.horizon}`), date: dateLabel(suggested) })}
                      sx={{ maxWidth: { sm: 300 } }}
                    />
                    {form.targetDate !== suggested && (
                      <Button onClick={() => set('targetDate', suggested)} sx={{ mt: { sm: 1 } }}>
                        {t('workspace.goalForm.useSuggested', { date: dateLabel(suggested) })}
                      </Button>
                    )}
                  </Stack>
                  <FormControl component="fieldset">
                    <FormLabel component="legend" sx={{ fontWeight: 600 }}>
                      {t('workspace.goalForm.basedOn')}
                    </FormLabel>
                    <FormGroup row>
                      {GOAL_BASES.map((b) => (
                        <FormControlLabel
                          key={b}
                          control={
                            <Checkbox
                              checked={form.basedOn.includes(b)}
                              onChange={(e) => set('basedOn', e.target.checked ? GOAL_BASES.filter((x) => x === b || form.basedOn.includes(x)) : form.basedOn.filter((x) => x !== b))}
                            />
                          }
                          label={t(`workspace.basis.${b}`)}
                        />
                      ))}
                    </FormGroup>
                  </FormControl>
                  <TextField
                    label={t('workspace.goalForm.basedOnNote')}
                    value={form.basedOnNote}
                    onChange={(e) => editText('basedOnNote', e.target.value)}
                    error={!!fieldError('basedOnNote')}
                    helperText={fieldError('basedOnNote') ?? lengthHint(form.basedOnNote, 400) ?? t('workspace.goalForm.basedOnNoteHelp')}
                  />
                  <AscaField value={form.ascaCodes} onChange={(codes) => set('ascaCodes', codes)} error={fieldError('ascaCodes')} />
                  {!goal && (
                    <Box component="section" aria-labelledby={`${id}-steps`}>
                      <Typography variant="h4" component="h3" id={`${id}-steps`}>
                        {t('workspace.goalForm.steps')}
                      </Typography>
                      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                        {t('workspace.goalForm.stepsHelp')}
                      </Typography>
                      <Stack spacing={1}>
                        {steps.map((s, i) => (
                          <Stack key={s.key} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' } }}>
                            <Checkbox
                              checked={s.include}
                              onChange={(e) => setSteps((rows) => rows.map((r) => (r.key === s.key ? { ...r, include: e.target.checked } : r)))}
                              slotProps={{ input: { 'aria-label': `${t('workspace.goalForm.include')} ${i + 1}` } }}
                            />
                            <TextField
                              size="small"
                              label={`${t('workspace.goalForm.stepText')} ${i + 1}`}
                              value={s.text}
                              onChange={(e) => setSteps((rows) => rows.map((r) => (r.key === s.key ? { ...r, text: e.target.value, edited: true } : r)))}
                              disabled={!s.include}
                              sx={{ flex: 1 }}
                              slotProps={{ htmlInput: { lang: template?.locale } }}
                            />
                            <TextField size="small" select label={t('workspace.goalForm.owner')} value={s.owner} disabled={!s.include} onChange={(e) => setSteps((rows) => rows.map((r) => (r.key === s.key ? { ...r, owner: e.target.value as StepOwner } : r)))} sx={{ width: { md: 190 } }}>
                              {STEP_OWNERS.map((o) => (
                                <MenuItem key={o} value={o}>
                                  {t(`workspace.owner.${o}`)}
                                </MenuItem>
                              ))}
                            </TextField>
                            <TextField size="small" type="date" label={t('workspace.goalForm.due')} value={s.dueDate} disabled={!s.include} onChange={(e) => setSteps((rows) => rows.map((r) => (r.key === s.key ? { ...r, dueDate: e.target.value } : r)))} slotProps={{ inputLabel: { shrink: true } }} sx={{ width: { md: 170 } }} />
                            <Tooltip title={t('workspace.goalForm.removeStep')}>
                              <IconButton aria-label={`${t('workspace.goalForm.removeStep')} ${i + 1}`} onClick={() => setSteps((rows) => rows.filter((r) => r.key !== s.key))}>
                                <CloseOutlined fontSize="small" />
                              </IconButton>
                            </Tooltip>
                          </Stack>
                        ))}
                        <Button
                          startIcon={<AddOutlined />}
                          onClick={() => setSteps((rows) => [...rows, { key: ++stepKeys, include: true, text: '', original: null, edited: true, owner: 'student', dueDate: '' }])}
                          sx={{ alignSelf: 'flex-start' }}
                        >
                          {t('workspace.goalForm.addStep')}
                        </Button>
                      </Stack>
                    </Box>
                  )}
                </Stack>
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <Stack spacing={2} sx={{ position: { md: 'sticky' }, top: 0 }}>
                  <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={`${id}-check`}>
                    <Typography variant="h4" component="h3" id={`${id}-check`} sx={{ mb: 1 }}>
                      {t('workspace.goalForm.checklist')}
                    </Typography>
                    <List dense disablePadding>
                      {GOAL_CHECKS.map((c) => {
                        const ok = check.passed.includes(c);
                        return (
                          <ListItem key={c} disableGutters>
                            <ListItemIcon sx={{ minWidth: 32 }}>{ok ? <CheckCircle color="success" fontSize="small" /> : <RadioButtonUnchecked color="disabled" fontSize="small" />}</ListItemIcon>
                            <ListItemText primary={t(`workspace.goalForm.checks.${c}`)} slotProps={{ primary: { color: ok ? 'text.primary' : 'text.secondary' } }} />
                          </ListItem>
                        );
                      })}
                    </List>
                    {check.unfilled.length > 0 && (
                      <Typography variant="body2" color="warning.main" sx={{ mt: 1, fontWeight: 600 }}>
                        {t('workspace.goalForm.unfilled', { list: check.unfilled.join(', ') })}
                      </Typography>
                    )}
                  </Paper>
                  <Paper variant="outlined" sx={{ p: 2 }}>
                    <VisibilityField
                      value={form.visibility}
                      onChange={(v) => {
                        setVisibilityTouched(true);
                        set('visibility', v);
                      }}
                      note={t('workspace.goalForm.visibilityDefault', { domain: t(`workspace.domain.${form.domain}`), visibility: t(`workspace.visibility.${defaultGoalVisibility(form.domain)}`) })}
                    />
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                      {t('workspace.goal.stepsAndCheckInsShare')}
                    </Typography>
                  </Paper>
                </Stack>
              </Grid>
            </Grid>
          )}
          {blanksLeft.length > 0 && (
            <Alert severity="warning" sx={{ mt: 2 }} role="alert">
              {t('workspace.goalForm.unfilled', { list: blanksLeft.join(', ') })}
            </Alert>
          )}
          {errors.form && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {errors.form}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          {!goal && stage === 'form' && (
            <Button startIcon={<ArrowBack />} onClick={() => setStage('choose')} sx={{ mr: 'auto' }} disabled={save.isPending}>
              {t('workspace.goalForm.back')}
            </Button>
          )}
          <Button onClick={onClose} disabled={save.isPending}>
            {t('common.actions.cancel')}
          </Button>
          {stage === 'form' && (
            <Button type="submit" variant="contained" disabled={save.isPending}>
              {t('workspace.goalForm.save')}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
