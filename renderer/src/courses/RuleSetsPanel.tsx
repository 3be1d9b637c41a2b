import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Grid,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import type { RuleSetDefinition, Area } from '../../../shared/domain/graduation/ruleSet';
import { SUBJECT_AREAS, type SubjectArea } from '../../../shared/domain/graduation/vocabulary';
import type { RuleSetSummary, RuleSetView } from '../../../shared/ipc/contract';
import { useNotify } from '../components/Notifier';
import { courseErrorText, credits, pick } from './format';
import { UncertainChip } from './UncertainChip';

const LOCAL_SOURCE = { id: 'local-edit', title: 'Changed in Waypoint by the counselor (local requirement)', url: null, kind: 'local-policy' as const };

function num(s: string): number {
  return Number(s.replace(',', '.'));
}

/** View a rule set with its sources and unconfirmed rules; edit areas, credits and schedule numbers in a copy. */
function RuleSetDialog({ refId, onClose, onCopy }: { refId: string; onClose: () => void; onCopy?: (ref: string) => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const view = useQuery({ queryKey: ['ruleSets', 'get', refId], queryFn: () => api.ruleSets.get({ ref: refId }) });
  const [draft, setDraft] = useState<RuleSetDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const v = view.data;
  const def = draft ?? v?.definition ?? null;
  const editable = v?.kind === 'vault';
  const save = useMutation({
    mutationFn: (d: RuleSetDefinition) => api.ruleSets.update({ id: Number(v!.ref.slice(6)), version: v!.editVersion!, definition: d }),
    onSuccess: async (saved: RuleSetView) => {
      qc.setQueryData(['ruleSets', 'get', refId], saved);
      await qc.invalidateQueries({ queryKey: ['ruleSets', 'list'] });
      await qc.invalidateQueries({ queryKey: ['coursePlans'] });
      setDraft(null);
      setIssues([]);
      notify(t('courses.ruleSets.editor.saved'));
    },
    onError: (err) => {
      setError(courseErrorText(t, err));
      const d = isApiError(err) ? ((err.details ?? {}) as { issues?: { path: string[]; message: string }[] }) : {};
      setIssues((d.issues ?? []).map((i) => `${i.path.slice(1).join(' › ')}: ${i.message}`));
    },
  });
  const change = (f: (d: RuleSetDefinition) => void) => {
    const next = structuredClone(def!);
    f(next);
    setDraft(next);
  };
  const used = new Set<string>([...(def?.endorsementProgram?.additions.map((a) => a.area) ?? []), ...(def?.dla?.areaMinimums.map((m) => m.area) ?? [])]);
  const areaSum = def ? def.foundation.areas.reduce((s, a) => s + a.requirements.reduce((x, r) => x + r.credits, 0), 0) : 0;

  const addArea = () =>
    change((d) => {
      if (!d.sources.some((s) => s.id === LOCAL_SOURCE.id)) d.sources.push(LOCAL_SOURCE);
      const n = d.foundation.areas.length + 1;
      const meta = { sources: [LOCAL_SOURCE.id], effective: d.foundation.meta.effective };
      const code = `local-area-${n}-${Date.now() % 100000}`;
      const area: Area = {
        code,
        label: { en: `Area ${n}`, es: `Área ${n}` },
        meta,
        requirements: [{ id: code, label: { en: `Area ${n}`, es: `Área ${n}` }, credits: 1, options: [{ filter: { subjects: ['elective'] } }], meta }],
      };
      d.foundation.areas.splice(Math.max(0, d.foundation.areas.length - 1), 0, area);
    });

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="ruleset-title">
      <DialogTitle id="ruleset-title">{def ? t('courses.ruleSets.editor.title', { name: pick(def.name, i18n.language) }) : '…'}</DialogTitle>
      <DialogContent dividers>
        {!def || !v ? null : (
          <Stack spacing={3}>
            {!editable && <Alert severity="info">{t('courses.ruleSets.editor.readOnly')}</Alert>}
            {def.kind === 'template' && <Alert severity="warning">{t('courses.audit.template')}</Alert>}
            {error && <Alert severity="error">{error}{issues.length > 0 && <Box component="ul" sx={{ m: 0, pl: 2 }}>{issues.map((x) => <li key={x}>{x}</li>)}</Box>}</Alert>}
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField label={t('courses.ruleSets.editor.nameEn')} value={def.name.en} disabled={!editable} onChange={(e) => change((d) => void (d.name.en = e.target.value))} />
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField label={t('courses.ruleSets.editor.nameEs')} value={def.name.es} disabled={!editable} onChange={(e) => change((d) => void (d.name.es = e.target.value))} lang="es" />
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField label={t('courses.ruleSets.editor.jurisdiction')} value={def.jurisdiction} disabled={!editable} onChange={(e) => change((d) => void (d.jurisdiction = e.target.value))} />
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <TextField label={t('courses.ruleSets.editor.total')} value={String(def.foundation.totalCredits)} disabled={!editable} onChange={(e) => change((d) => void (d.foundation.totalCredits = num(e.target.value)))} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
              </Grid>
              {def.endorsementProgram && (
                <Grid size={{ xs: 12, md: 4 }}>
                  <TextField label={t('courses.ruleSets.editor.totalEndorsement')} value={String(def.endorsementProgram.totalCredits)} disabled={!editable} onChange={(e) => change((d) => void (d.endorsementProgram!.totalCredits = num(e.target.value)))} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
                </Grid>
              )}
              <Grid size={{ xs: 12, md: 4 }} sx={{ display: 'flex', alignItems: 'center' }}>
                <Typography color={areaSum > def.foundation.totalCredits ? 'error' : 'text.secondary'}>
                  {t('courses.ruleSets.editor.areaSum', { sum: credits(areaSum, i18n.language), total: credits(def.foundation.totalCredits, i18n.language) })}
                </Typography>
              </Grid>
            </Grid>

            <Box>
              <Typography variant="h3" component="h3" gutterBottom>
                {t('courses.ruleSets.editor.areas')}
              </Typography>
              <Table size="small" aria-label={t('courses.ruleSets.editor.areas')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('courses.ruleSets.editor.areaLabelEn')}</TableCell>
                    <TableCell>{t('courses.ruleSets.editor.areaLabelEs')}</TableCell>
                    <TableCell>{t('courses.ruleSets.editor.requirement')}</TableCell>
                    <TableCell sx={{ width: 110 }}>{t('courses.ruleSets.editor.credits')}</TableCell>
                    <TableCell sx={{ width: 60 }} />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {def.foundation.areas.map((a, ai) =>
                    a.requirements.map((r, ri) => (
                      <TableRow key={`${a.code}-${r.id}`}>
                        {ri === 0 && (
                          <>
                            <TableCell rowSpan={a.requirements.length} sx={{ verticalAlign: 'top' }}>
                              {editable ? (
                                <TextField size="small" value={a.label.en} onChange={(e) => change((d) => { const area = d.foundation.areas[ai]; area.label.en = e.target.value; if (area.requirements.length === 1) area.requirements[0].label.en = e.target.value; })} slotProps={{ htmlInput: { 'aria-label': `${t('courses.ruleSets.editor.areaLabelEn')} ${ai + 1}` } }} />
                              ) : (
                                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                                  <span>{a.label.en}</span>
                                  <UncertainChip flag={a.meta} />
                                </Stack>
                              )}
                            </TableCell>
                            <TableCell rowSpan={a.requirements.length} sx={{ verticalAlign: 'top' }} lang="es">
                              {editable ? <TextField size="small" value={a.label.es} onChange={(e) => change((d) => { const area = d.foundation.areas[ai]; area.label.es = e.target.value; if (area.requirements.length === 1) area.requirements[0].label.es = e.target.value; })} slotProps={{ htmlInput: { 'aria-label': `${t('courses.ruleSets.editor.areaLabelEs')} ${ai + 1}` } }} /> : a.label.es}
                            </TableCell>
                          </>
                        )}
                        <TableCell>
                          <Stack spacing={0.5}>
                            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                              <span>{pick(r.label, i18n.language)}</span>
                              <UncertainChip flag={r.meta} />
                            </Stack>
                            {editable && a.requirements.length === 1 && r.options.length === 1 && !r.options[0].filter.kinds?.length && (
                              <Autocomplete
                                multiple
                                size="small"
                                options={[...SUBJECT_AREAS]}
                                value={r.options[0].filter.subjects ?? []}
                                onChange={(_e, val) => change((d) => void (d.foundation.areas[ai].requirements[ri].options[0].filter.subjects = val.length ? (val as SubjectArea[]) : undefined))}
                                getOptionLabel={(s) => t(`courses.subjects.${s}`)}
                                renderInput={(p) => <TextField {...p} label={t('courses.ruleSets.editor.subjects')} />}
                              />
                            )}
                          </Stack>
                        </TableCell>
                        <TableCell>
                          {editable ? (
                            <TextField
                              size="small"
                              value={String(r.credits)}
                              onChange={(e) => change((d) => void (d.foundation.areas[ai].requirements[ri].credits = num(e.target.value)))}
                              slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-label': `${t('courses.ruleSets.editor.credits')}: ${pick(r.label, i18n.language)}` } }}
                            />
                          ) : (
                            credits(r.credits, i18n.language)
                          )}
                        </TableCell>
                        {ri === 0 && (
                          <TableCell rowSpan={a.requirements.length} sx={{ verticalAlign: 'top' }}>
                            {editable && !used.has(a.code) && (
                              <IconButton aria-label={t('courses.ruleSets.editor.removeArea', { area: pick(a.label, i18n.language) })} onClick={() => change((d) => void d.foundation.areas.splice(ai, 1))}>
                                <DeleteOutline />
                              </IconButton>
                            )}
                          </TableCell>
                        )}
                      </TableRow>
                    )),
                  )}
                </TableBody>
              </Table>
              {editable && (
                <Button startIcon={<AddOutlined />} onClick={addArea} sx={{ mt: 1 }}>
                  {t('courses.ruleSets.editor.addArea')}
                </Button>
              )}
              {editable && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  {t('courses.ruleSets.editor.advancedNote')}
                </Typography>
              )}
            </Box>

            <Box>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                <Typography variant="h3" component="h3">
                  {t('courses.ruleSets.editor.onTrack')}
                </Typography>
                <UncertainChip flag={def.onTrack.meta} />
              </Stack>
              <Grid container spacing={2}>
                {(['09', '10', '11'] as const).map((g) => (
                  <Grid key={g} size={{ xs: 12, sm: 3 }}>
                    <TextField
                      label={t('courses.ruleSets.editor.byEndOf', { grade: t(`common.grade.${g}`) })}
                      value={String(def.onTrack.creditsByEndOfGrade[g] ?? '')}
                      disabled={!editable}
                      onChange={(e) => change((d) => void (d.onTrack.creditsByEndOfGrade[g] = num(e.target.value)))}
                      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                    />
                  </Grid>
                ))}
                <Grid size={{ xs: 12, sm: 3 }}>
                  <TextField
                    label={t('courses.ruleSets.editor.maxPerYear')}
                    value={def.onTrack.maxCreditsPerYear === null ? '' : String(def.onTrack.maxCreditsPerYear)}
                    disabled={!editable}
                    onChange={(e) => change((d) => void (d.onTrack.maxCreditsPerYear = e.target.value.trim() ? num(e.target.value) : null))}
                    slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                  />
                </Grid>
              </Grid>
            </Box>

            {def.endorsements.length > 0 && (
              <Box>
                <Typography variant="h3" component="h3" gutterBottom>
                  {t('courses.ruleSets.editor.endorsements')}
                </Typography>
                <Stack spacing={0.75}>
                  {def.endorsements.map((e) => (
                    <Stack key={e.code} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Typography sx={{ fontWeight: 600 }}>{pick(e.label, i18n.language)}</Typography>
                      <Typography color="text.secondary">{t('courses.ruleSets.editor.endorsementOptions', { count: e.options.length })}</Typography>
                      <UncertainChip flag={e.meta} />
                    </Stack>
                  ))}
                </Stack>
              </Box>
            )}

            <Box>
              <Typography variant="h3" component="h3" gutterBottom>
                {t('courses.ruleSets.editor.uncertainList')}
              </Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {v.uncertain.map((u) => (
                  <li key={u.path}>
                    <Typography component="span" sx={{ fontWeight: 600 }}>
                      {pick(u.label, i18n.language)}
                    </Typography>
                    {u.note && <Typography component="span" color="text.secondary">{` — ${pick(u.note, i18n.language)}`}</Typography>}
                  </li>
                ))}
              </Box>
            </Box>
            <Box>
              <Typography variant="h3" component="h3" gutterBottom>
                {t('courses.ruleSets.editor.sourcesList')}
              </Typography>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {def.sources.map((s) => (
                  <li key={s.id}>
                    <Typography variant="body2">
                      {s.title}
                      {s.url && (
                        <Typography component="span" variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all', userSelect: 'all' }}>
                          {` — ${s.url}`}
                        </Typography>
                      )}
                    </Typography>
                    {s.note && (
                      <Typography variant="body2" color="text.secondary">
                        {s.note}
                      </Typography>
                    )}
                  </li>
                ))}
              </Box>
            </Box>
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.actions.close')}</Button>
        {v && !editable && onCopy && (
          <Button variant="outlined" onClick={() => onCopy(v.ref)}>
            {t('courses.ruleSets.copy')}
          </Button>
        )}
        {editable && (
          <Button variant="contained" disabled={!draft || save.isPending} onClick={() => draft && save.mutate(draft)}>
            {t('courses.ruleSets.editor.save')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

export function RuleSetsPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const list = useQuery({ queryKey: ['ruleSets', 'list'], queryFn: () => api.ruleSets.list() });
  const [open, setOpen] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<RuleSetSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const copy = useMutation({
    mutationFn: (ref: string) => api.ruleSets.copy({ ref }),
    onSuccess: async (v) => {
      await qc.invalidateQueries({ queryKey: ['ruleSets'] });
      notify(t('courses.ruleSets.copied'));
      setOpen(v.ref);
    },
    onError: (err) => setError(courseErrorText(t, err)),
  });
  const remove = useMutation({
    mutationFn: (r: RuleSetSummary) => api.ruleSets.remove({ id: Number(r.ref.slice(6)), version: r.editVersion! }),
    onSuccess: async () => {
      setDeleting(null);
      await qc.invalidateQueries({ queryKey: ['ruleSets'] });
      notify(t('courses.ruleSets.deleted'));
    },
    onError: (err) => {
      setDeleting(null);
      setError(courseErrorText(t, err));
    },
  });
  return (
    <Stack spacing={2}>
      <Typography color="text.secondary" sx={{ maxWidth: 900 }}>
        {t('courses.ruleSets.intro')}
      </Typography>
      {error && <Alert severity="error" onClose={() => setError(null)}>{error}</Alert>}
      <Card>
        <CardContent sx={{ p: 0, '&:last-child': { pb: 0 } }}>
          <Table aria-label={t('courses.catalog.tabs.rules')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('courses.ruleSets.columns.name')}</TableCell>
                <TableCell>{t('courses.ruleSets.columns.jurisdiction')}</TableCell>
                <TableCell>{t('courses.ruleSets.columns.version')}</TableCell>
                <TableCell>{t('courses.ruleSets.columns.uncertain')}</TableCell>
                <TableCell>{t('courses.ruleSets.columns.used')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(list.data ?? []).map((r) => (
                <TableRow key={r.ref}>
                  <TableCell>
                    <Typography sx={{ fontWeight: 600 }}>{pick(r.name, i18n.language)}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {r.kind === 'shipped' ? t('courses.ruleSets.shipped') : r.basedOn}
                    </Typography>
                  </TableCell>
                  <TableCell>{r.jurisdiction}</TableCell>
                  <TableCell>{r.version}</TableCell>
                  <TableCell>{r.uncertainCount > 0 ? <Chip size="small" color="warning" variant="outlined" label={t('courses.audit.uncertainCount', { count: r.uncertainCount })} /> : '—'}</TableCell>
                  <TableCell>{r.usedBy}</TableCell>
                  <TableCell align="right">
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                      <Button size="small" onClick={() => setOpen(r.ref)}>
                        {r.kind === 'vault' ? t('courses.ruleSets.edit') : t('courses.ruleSets.view')}
                      </Button>
                      <Button size="small" variant="outlined" onClick={() => copy.mutate(r.ref)} disabled={copy.isPending}>
                        {t('courses.ruleSets.copy')}
                      </Button>
                      {r.kind === 'vault' && (
                        <Button size="small" color="error" onClick={() => setDeleting(r)}>
                          {t('courses.ruleSets.delete')}
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      {open && <RuleSetDialog key={open} refId={open} onClose={() => setOpen(null)} onCopy={(ref) => copy.mutate(ref)} />}
      <Dialog open={!!deleting} onClose={() => setDeleting(null)} aria-labelledby="ruleset-delete-title">
        <DialogTitle id="ruleset-delete-title">{t('courses.ruleSets.delete')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('courses.ruleSets.deleteConfirm', { name: deleting ? pick(deleting.name, i18n.language) : '' })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(null)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={() => deleting && remove.mutate(deleting)}>
            {t('common.actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
