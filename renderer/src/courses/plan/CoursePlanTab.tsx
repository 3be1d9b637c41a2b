import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Grid, Link, MenuItem, Skeleton, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import CompareArrows from '@mui/icons-material/CompareArrows';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import SchoolOutlined from '@mui/icons-material/SchoolOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ENDORSEMENTS, type EndorsementCode, type PlanGrade, type Term } from '../../../../shared/domain/graduation/vocabulary';
import type { PlanCell, PlanWorkspace, StudentDetail, Waiver } from '../../../../shared/ipc/contract';
import { formatIsoDate } from '../../components/format';
import { useNotify } from '../../components/Notifier';
import { courseErrorText, pick } from '../format';
import { UncertainChip } from '../UncertainChip';
import { AuditPanel } from './AuditPanel';
import { AddCourseDialog, ChooseDialog, MoveDialog, NameDialog, RecordDialog, WaiverDialog, type RecordForm } from './dialogs';
import { PlanGrid, type GridActions } from './PlanGrid';
import { PgpPanel } from './PgpPanel';
import { RequestsPanel } from './RequestsPanel';
import { ScenarioCompare } from './ScenarioCompare';

type Dialogs =
  | { kind: 'add'; grade: PlanGrade }
  | { kind: 'move'; cell: PlanCell }
  | { kind: 'waive'; cell: PlanCell }
  | { kind: 'record'; cell?: PlanCell }
  | { kind: 'scenario' }
  | { kind: 'rename' }
  | { kind: 'choose' }
  | { kind: 'delete' }
  | null;

const VIEWS = ['plan', 'compare', 'pgp', 'requests'] as const;
type View = (typeof VIEWS)[number];

function Empty({ studentId, onStarted }: { studentId: number; onStarted: (w: PlanWorkspace) => void }) {
  const { t, i18n } = useTranslation();
  const rules = useQuery({ queryKey: ['ruleSets', 'list'], queryFn: () => api.ruleSets.list() });
  const [ref, setRef] = useState('shipped:texas-fhsp');
  // Empty: the endorsement recorded in the PGP, if any (the main process fills it in).
  const [endorsement, setEndorsement] = useState<EndorsementCode | ''>('');
  const [error, setError] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api.coursePlans.start({ studentId, ruleSetRef: ref, ...(endorsement ? { endorsement } : {}) }),
    onSuccess: onStarted,
    onError: (e) => setError(courseErrorText(t, e)),
  });
  return (
    <Card>
      <CardContent sx={{ p: 4, textAlign: 'center' }}>
        <SchoolOutlined color="primary" sx={{ fontSize: 48 }} aria-hidden />
        <Typography variant="h2" gutterBottom>
          {t('courses.plan.empty')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3, maxWidth: 560, mx: 'auto' }}>
          {t('courses.plan.emptyHint')}
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 2, textAlign: 'left' }}>
            {error}
          </Alert>
        )}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ justifyContent: 'center', alignItems: 'center' }}>
          <TextField select label={t('courses.plan.endorsement')} value={endorsement} onChange={(e) => setEndorsement(e.target.value as EndorsementCode | '')} sx={{ maxWidth: 280 }} helperText={t('courses.plan.endorsementFromPgp')}>
            <MenuItem value="">{t('courses.endorsements.none')}</MenuItem>
            {ENDORSEMENTS.map((x) => (
              <MenuItem key={x} value={x}>
                {t(`courses.endorsements.${x}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={t('courses.plan.ruleSet')} value={ref} onChange={(e) => setRef(e.target.value)} sx={{ maxWidth: 420 }} helperText=" ">
            {(rules.data ?? []).map((r) => (
              <MenuItem key={r.ref} value={r.ref}>
                {pick(r.name, i18n.language)}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" size="large" onClick={() => start.mutate()} disabled={start.isPending}>
            {t('courses.plan.start')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Student tab "Course plan": the four-year plan with its live audit, scenarios, the PGP record and next year's requests. */
export function CoursePlanTab({ student }: { student: StudentDetail }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'plan';
  const [planId, setPlanId] = useState<number | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [error, setError] = useState<string | null>(null);
  const key = ['coursePlans', 'workspace', student.id, planId ?? 'active'];
  const ws = useQuery({ queryKey: key, queryFn: () => api.coursePlans.workspace({ studentId: student.id, planId }) });
  const catalog = useQuery({ queryKey: ['catalog', 'list'], queryFn: () => api.catalog.list() });
  const rules = useQuery({ queryKey: ['ruleSets', 'list'], queryFn: () => api.ruleSets.list() });
  const titles = useMemo(() => {
    const m = new Map((catalog.data?.courses ?? []).map((c) => [c.code, c.title]));
    return (code: string) => m.get(code) ?? code;
  }, [catalog.data]);

  const applied = (w: PlanWorkspace, message?: string) => {
    setError(null);
    setDialog(null);
    const id = w.plan?.id;
    setPlanId(w.plan && w.plan.kind !== 'active' ? id : undefined);
    qc.setQueryData(['coursePlans', 'workspace', student.id, w.plan && w.plan.kind !== 'active' ? id : 'active'], w);
    void qc.invalidateQueries({ queryKey: ['coursePlans', 'workspace', student.id], refetchType: 'none' });
    void qc.invalidateQueries({ queryKey: ['prereg'] });
    void qc.invalidateQueries({ queryKey: ['catalog'] });
    if (message) notify(message);
  };
  const run = useMutation({
    mutationFn: async ({ call }: { call: () => Promise<PlanWorkspace>; message?: string }) => call(),
    onSuccess: (w, v) => applied(w, v.message),
    onError: (e) => {
      setError(courseErrorText(t, e));
      void qc.invalidateQueries({ queryKey: key });
    },
  });

  const w = ws.data;
  const plan = w?.plan ?? null;
  const readOnly = !plan || plan.kind === 'previous';
  const ref = plan ? { planId: plan.id, version: plan.version } : null;
  const setView = (v: View) => setParams(v === 'plan' ? {} : { view: v }, { replace: true });

  const actions: GridActions = {
    add: (grade) => setDialog({ kind: 'add', grade }),
    move: (cell, grade, term) =>
      ref &&
      run.mutate({
        call: () => api.coursePlans.moveEntry({ ...ref, entryId: cell.rowId, grade, term }),
        message: t('courses.plan.moved', { course: cell.title, when: term === 'year' ? t(`common.grade.${grade}`) : t('courses.when', { grade: t(`common.grade.${grade}`), term: t(`courses.terms.${term}`) }) }),
      }),
    moveDialog: (cell) => setDialog({ kind: 'move', cell }),
    remove: (cell) => ref && run.mutate({ call: () => api.coursePlans.removeEntry({ ...ref, entryId: cell.rowId }), message: t('courses.plan.removed', { course: cell.title }) }),
    setStatus: (cell, status) => ref && run.mutate({ call: () => api.coursePlans.updateEntry({ ...ref, entryId: cell.rowId, changes: { status } }), message: t('courses.plan.saved') }),
    waive: (cell) => setDialog({ kind: 'waive', cell }),
    editRecord: (cell) => setDialog({ kind: 'record', cell }),
  };
  const updatePlan = (changes: Parameters<typeof api.coursePlans.updatePlan>[0]['changes']) => ref && run.mutate({ call: () => api.coursePlans.updatePlan({ ...ref, changes }), message: t('courses.plan.saved') });
  const toggleConfirmation = (k: string) => {
    if (!plan) return;
    const next = plan.confirmations.includes(k) ? plan.confirmations.filter((x) => x !== k) : [...plan.confirmations, k];
    updatePlan({ confirmations: next });
  };
  const saveRecord = (f: RecordForm, cell?: PlanCell) => {
    const fields = {
      code: f.code,
      title: f.title || null,
      grade: f.grade,
      term: f.term,
      schoolYear: f.schoolYear.trim() ? Number(f.schoolYear) : null,
      status: f.status,
      mark: f.mark || null,
      credits: f.credits.trim() === '' ? null : Number(f.credits.replace(',', '.')),
      creditSource: f.creditSource,
    };
    run.mutate({
      call: () => (cell ? api.coursePlans.updateRecord({ recordId: cell.rowId, version: cell.version!, planId: plan?.id, fields }) : api.coursePlans.addRecord({ studentId: student.id, planId: plan?.id, fields })),
      message: t('courses.plan.saved'),
    });
  };

  const tabs = (
    <Tabs value={view} onChange={(_e, v: View) => setView(v)} aria-label={t('courses.plan.tab')} sx={{ mb: 2, minHeight: 40, '& .MuiTab-root': { minHeight: 40 } }}>
      {VIEWS.map((v) => (
        <Tab key={v} value={v} label={t(`courses.plan.views.${v}`)} id={`plan-view-${v}`} aria-controls="plan-view-panel" />
      ))}
    </Tabs>
  );

  let body: React.ReactNode;
  if (view === 'pgp') body = <PgpPanel student={student} />;
  else if (view === 'requests') body = <RequestsPanel student={student} />;
  else if (!w) body = <Skeleton variant="rounded" height={320} />;
  else if (!plan) body = <Empty studentId={student.id} onStarted={(x) => applied(x, t('courses.plan.started'))} />;
  else if (view === 'compare') body = <ScenarioCompare workspace={w} student={student} onChosen={(x) => applied(x, t('courses.choose.done', { name: x.plan?.name ?? '' }))} />;
  else {
    const scenarios = w.plans;
    body = (
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <TextField select size="small" label={t('courses.plan.select')} value={plan.id} onChange={(e) => setPlanId(Number(e.target.value) === scenarios.find((p) => p.kind === 'active')?.id ? undefined : Number(e.target.value))} sx={{ minWidth: 300 }}>
              {scenarios.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name} · {t(`courses.plan.kinds.${p.kind}`)}
                  {p.status === 'at-risk' ? ` · ${t('courses.audit.atRisk')}` : ''}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {!readOnly && (
              <Button variant="text" startIcon={<EditOutlined />} onClick={() => setDialog({ kind: 'rename' })}>
                {t('courses.plan.rename')}
              </Button>
            )}
            <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setDialog({ kind: 'scenario' })}>
              {t('courses.plan.newScenario')}
            </Button>
            <Button variant="outlined" startIcon={<CompareArrows />} onClick={() => setView('compare')}>
              {t('courses.compare.title')}
            </Button>
            {plan.kind !== 'active' && (
              <Button variant="contained" startIcon={<TaskAltOutlined />} onClick={() => setDialog({ kind: 'choose' })}>
                {t('courses.plan.makeActive')}
              </Button>
            )}
            {plan.kind === 'scenario' && (
              <Button color="error" startIcon={<DeleteOutlined />} onClick={() => setDialog({ kind: 'delete' })}>
                {t('courses.plan.deleteScenario')}
              </Button>
            )}
          </Stack>
        </Stack>
        {error && (
          <Alert severity="error" onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        {plan.kind === 'previous' && <Alert severity="info">{t('courses.plan.previousReadOnly')}</Alert>}
        {w.pgp?.endorsement && plan.kind === 'active' && plan.endorsement !== w.pgp.endorsement && (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" size="small" onClick={() => updatePlan({ endorsement: w.pgp!.endorsement, program: 'endorsement' })}>
                {t('courses.pgp.usePgp')}
              </Button>
            }
          >
            {t('courses.pgp.mismatch', { plan: plan.endorsement ? t(`courses.endorsements.${plan.endorsement}`) : t('courses.endorsements.none'), pgp: t(`courses.endorsements.${w.pgp.endorsement}`) })}
          </Alert>
        )}

        <Card>
          <CardContent sx={{ pb: '16px !important' }}>
            <Grid container spacing={2} sx={{ alignItems: 'center' }}>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField select size="small" label={t('courses.plan.program')} value={plan.program} disabled={readOnly} onChange={(e) => updatePlan({ program: e.target.value as 'foundation' | 'endorsement' })}>
                  <MenuItem value="endorsement">{t('courses.programShort.endorsement')}</MenuItem>
                  <MenuItem value="foundation">{t('courses.programShort.foundation')}</MenuItem>
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <TextField select size="small" label={t('courses.plan.endorsement')} value={plan.endorsement ?? ''} disabled={readOnly || plan.program === 'foundation'} onChange={(e) => updatePlan({ endorsement: (e.target.value || null) as EndorsementCode | null })}>
                  <MenuItem value="">{t('courses.endorsements.none')}</MenuItem>
                  {ENDORSEMENTS.map((x) => (
                    <MenuItem key={x} value={x}>
                      {t(`courses.endorsements.${x}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <TextField select size="small" label={t('courses.plan.ruleSet')} value={plan.ruleSetRef} disabled={readOnly} onChange={(e) => updatePlan({ ruleSetRef: e.target.value })}>
                    {(rules.data ?? []).map((r) => (
                      <MenuItem key={r.ref} value={r.ref}>
                        {pick(r.name, i18n.language)}
                      </MenuItem>
                    ))}
                  </TextField>
                  {(w.ruleSet?.uncertain.length ?? 0) > 0 && <UncertainChip flag={{ uncertain: true, note: { en: t('courses.audit.uncertainCount', { count: w.ruleSet!.uncertain.length, lng: 'en' }), es: t('courses.audit.uncertainCount', { count: w.ruleSet!.uncertain.length, lng: 'es' }) } }} />}
                </Stack>
              </Grid>
              <Grid size={12}>
                <TextField
                  size="small"
                  label={t('courses.plan.note')}
                  defaultValue={plan.note ?? ''}
                  key={`${plan.id}-${plan.version}`}
                  disabled={readOnly}
                  multiline
                  maxRows={4}
                  onBlur={(e) => (e.target.value.trim() || null) !== plan.note && updatePlan({ note: e.target.value.trim() || null })}
                  slotProps={{ htmlInput: { maxLength: 2000 } }}
                />
              </Grid>
            </Grid>
          </CardContent>
        </Card>

        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <PlanGrid cells={plan.cells} audit={w.audit} actions={actions} readOnly={readOnly} currentSchoolYear={w.currentSchoolYear} gradeLevel={w.gradeLevel} titles={titles} />
            <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
              <Button size="small" startIcon={<AddOutlined />} onClick={() => setDialog({ kind: 'record' })}>
                {t('courses.plan.addRecord')}
              </Button>
            </Stack>
            <Box sx={{ mt: 3 }}>
              <Typography variant="h3" component="h3" gutterBottom>
                {t('courses.choose.history')}
              </Typography>
              {w.decisions.length === 0 ? (
                <Typography color="text.secondary">{t('courses.choose.noHistory')}</Typography>
              ) : (
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {w.decisions.map((d) => (
                    <li key={d.id}>
                      <Typography variant="body2">
                        {t('courses.choose.historyItem', {
                          date: formatIsoDate(d.decidedOn, i18n.language),
                          name: d.planName,
                          people: d.agreedBy.map((p) => `${p.name} (${t(`courses.choose.roles.${p.role}`)})`).join(', '),
                        })}
                        {d.conferenceId !== null && (
                          <>
                            {' '}
                            <Link component={RouterLink} to={`/conferences/${d.conferenceId}`}>
                              {t('courses.choose.inConference')}
                            </Link>
                          </>
                        )}
                      </Typography>
                    </li>
                  ))}
                </Box>
              )}
            </Box>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>{w.audit && <AuditPanel audit={w.audit} ruleSet={w.ruleSet} confirmations={plan.confirmations} onToggleConfirmation={toggleConfirmation} readOnly={readOnly} />}</Grid>
        </Grid>
      </Stack>
    );
  }

  const cellCourse = (cell: PlanCell) => catalog.data?.courses.find((c) => c.code === cell.code);
  return (
    <Box>
      {tabs}
      <Box role="tabpanel" id="plan-view-panel" aria-labelledby={`plan-view-${view}`}>
        {body}
      </Box>
      {plan && dialog?.kind === 'add' && (
        <AddCourseDialog
          grade={dialog.grade}
          courses={catalog.data?.courses ?? []}
          cells={plan.cells}
          titles={titles}
          busy={run.isPending}
          error={error}
          onClose={() => setDialog(null)}
          onAdd={(v) => ref && run.mutate({ call: () => api.coursePlans.addEntry({ ...ref, ...v }), message: t('courses.plan.added', { course: titles(v.code), grade: t(`common.grade.${v.grade}`) }) })}
        />
      )}
      {plan && dialog?.kind === 'move' && <MoveDialog cell={dialog.cell} onClose={() => setDialog(null)} onMove={(grade: PlanGrade, term: Term) => actions.move(dialog.cell, grade, term)} />}
      {plan && dialog?.kind === 'waive' && (
        <WaiverDialog
          cell={dialog.cell}
          course={cellCourse(dialog.cell)}
          titles={titles}
          error={error}
          onClose={() => setDialog(null)}
          onSave={(waivers: Waiver[]) => ref && run.mutate({ call: () => api.coursePlans.updateEntry({ ...ref, entryId: dialog.cell.rowId, changes: { waivers } }), message: t('courses.plan.saved') })}
        />
      )}
      {dialog?.kind === 'record' && (
        <RecordDialog
          cell={dialog.cell}
          courses={catalog.data?.courses ?? []}
          error={error}
          busy={run.isPending}
          onClose={() => setDialog(null)}
          onSave={(f) => saveRecord(f, dialog.cell)}
          onDelete={dialog.cell ? () => run.mutate({ call: () => api.coursePlans.removeRecord({ recordId: dialog.cell!.rowId, version: dialog.cell!.version!, planId: plan?.id }), message: t('courses.plan.saved') }) : undefined}
        />
      )}
      {plan && dialog?.kind === 'scenario' && (
        <NameDialog
          title={t('courses.plan.newScenario')}
          label={t('courses.plan.scenarioName')}
          hint={t('courses.plan.scenarioNameHint')}
          initial=""
          busy={run.isPending}
          error={error}
          onClose={() => setDialog(null)}
          onSave={(name) => run.mutate({ call: () => api.coursePlans.createScenario({ fromPlanId: plan.id, name }), message: t('courses.plan.scenarioCreated', { name: plan.name }) })}
        />
      )}
      {plan && dialog?.kind === 'rename' && (
        <NameDialog title={t('courses.plan.name')} label={t('courses.plan.name')} initial={plan.name} busy={run.isPending} error={error} onClose={() => setDialog(null)} onSave={(name) => updatePlan({ name })} />
      )}
      {plan && dialog?.kind === 'choose' && (
        <ChooseDialog
          name={plan.name}
          busy={run.isPending}
          error={error}
          onClose={() => setDialog(null)}
          onChoose={(v) => ref && run.mutate({ call: () => api.coursePlans.choose({ ...ref, ...v }), message: t('courses.choose.done', { name: plan.name }) })}
        />
      )}
      {plan && dialog?.kind === 'delete' && (
        <NameDialogConfirm
          text={t('courses.plan.deleteConfirm', { name: plan.name })}
          onClose={() => setDialog(null)}
          onConfirm={() => ref && run.mutate({ call: () => api.coursePlans.deleteScenario(ref), message: t('courses.plan.deleted') })}
        />
      )}
    </Box>
  );
}

function NameDialogConfirm({ text, onClose, onConfirm }: { text: string; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog title={t('courses.plan.deleteScenario')} text={text} confirm={t('common.actions.delete')} onClose={onClose} onConfirm={onConfirm} />
  );
}

export function ConfirmDialog({ title, text, confirm, onClose, onConfirm }: { title: string; text: string; confirm: string; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} aria-labelledby="confirm-title">
      <DialogTitle id="confirm-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('common.actions.cancel')}
        </Button>
        <Button color="error" variant="contained" onClick={onConfirm}>
          {confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
