import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Checkbox, Chip, FormControlLabel, FormGroup, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { differenceSentences, summarizeReasons, whenLabel } from '../../../../shared/domain/graduation/describe';
import type { ScenarioDifference } from '../../../../shared/domain/graduation/compare';
import type { ComparedScenario, PlanWorkspace, StudentDetail } from '../../../../shared/ipc/contract';
import { courseErrorText, credits, pick, useT } from '../format';
import { ChooseDialog } from './dialogs';
import { LevelIcon } from './AuditPanel';

function defaultSelection(w: PlanWorkspace): number[] {
  const active = w.plans.filter((p) => p.kind === 'active').map((p) => p.id);
  const scenarios = w.plans.filter((p) => p.kind === 'scenario').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((p) => p.id);
  const preferred = w.plan && w.plan.kind !== 'active' ? [w.plan.id] : [];
  return [...new Set([...active, ...preferred, ...scenarios])].slice(0, 3);
}

function DiffList({ title, items, tone }: { title: string; items: string[]; tone: 'success' | 'error' | 'info' }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ mb: 1.5 }}>
      <Typography variant="body2" sx={{ fontWeight: 700, color: tone === 'info' ? 'text.primary' : `${tone}.main` }}>
        {title}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('courses.compare.nothing')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.25 }}>
          {items.map((x, i) => (
            <li key={i}>
              <Typography variant="body2">{x}</Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Two or three plans side by side: credits, requirements met or lost, courses added/removed/moved, prerequisites — in plain words too. */
export function ScenarioCompare({ workspace, student, onChosen }: { workspace: PlanWorkspace; student: StudentDetail; onChosen: (w: PlanWorkspace) => void }) {
  const { t, i18n } = useTranslation();
  const tt = useT(t);
  const [selected, setSelected] = useState<number[]>(() => defaultSelection(workspace));
  const [choosing, setChoosing] = useState<ComparedScenario | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ordered = useMemo(() => workspace.plans.filter((p) => selected.includes(p.id)).map((p) => p.id), [workspace.plans, selected]);
  const cmp = useQuery({
    queryKey: ['coursePlans', 'compare', student.id, ordered, workspace.plans.map((p) => p.updatedAt).join()],
    queryFn: () => api.coursePlans.compare({ studentId: student.id, planIds: ordered }),
    enabled: ordered.length >= 2,
  });
  const choose = useMutation({
    mutationFn: (v: Parameters<typeof api.coursePlans.choose>[0]) => api.coursePlans.choose(v),
    onSuccess: (w) => {
      setChoosing(null);
      onChosen(w);
    },
    onError: (e) => setError(courseErrorText(t, e)),
  });
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 3 ? s : [...s, id]));

  const data = cmp.data;
  const diffOf = (id: number): ScenarioDifference | undefined => data?.comparison.differences.find((d) => d.otherId === id);
  const areaCodes = data ? [...new Set(data.scenarios.flatMap((s) => s.audit.areas.map((a) => a.code)))] : [];
  const cols = data ? data.scenarios.length : 0;

  return (
    <Stack spacing={2}>
      <Card>
        <CardContent>
          <Typography variant="h4" component="h3" id="compare-pick">
            {t('courses.compare.pick')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('courses.compare.pickHint')}
          </Typography>
          <FormGroup row aria-labelledby="compare-pick">
            {workspace.plans.map((p) => (
              <FormControlLabel
                key={p.id}
                control={<Checkbox checked={selected.includes(p.id)} onChange={() => toggle(p.id)} disabled={!selected.includes(p.id) && selected.length >= 3} />}
                label={`${p.name} · ${t(`courses.plan.kinds.${p.kind}`)}`}
              />
            ))}
          </FormGroup>
        </CardContent>
      </Card>
      {ordered.length < 2 && <Alert severity="info">{t('courses.compare.needTwo')}</Alert>}
      {error && <Alert severity="error">{error}</Alert>}
      {ordered.length >= 2 && !data && <Skeleton variant="rounded" height={300} />}
      {data && (
        <>
          <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gap: 1.5 }}>
            {data.scenarios.map((s, i) => {
              const reached = s.audit.totals.earned + s.audit.totals.inProgress + s.audit.totals.planned;
              const chosen = s.audit.endorsements.find((e) => e.chosen);
              return (
                <Card key={s.id} sx={{ borderColor: i === 0 ? 'primary.main' : 'divider', borderWidth: i === 0 ? 2 : 1 }} component="section" aria-label={s.name}>
                  <CardContent>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                      <Typography variant="h3" component="h3" sx={{ overflowWrap: 'anywhere' }}>
                        {s.name}
                      </Typography>
                      <Chip size="small" label={s.kind === 'active' ? t('courses.compare.activeBadge') : t(`courses.plan.kinds.${s.kind}`)} color={s.kind === 'active' ? 'primary' : 'default'} />
                    </Stack>
                    {i === 0 && data.scenarios.length > 1 && (
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {t('courses.compare.baseOf')}
                      </Typography>
                    )}
                    <Chip
                      sx={{ mt: 1, display: 'flex', width: 'fit-content' }}
                      color={s.audit.status === 'on-track' ? 'success' : 'warning'}
                      label={t(s.audit.status === 'on-track' ? 'courses.audit.onTrack' : 'courses.audit.atRisk')}
                    />
                    <Typography sx={{ mt: 1, fontWeight: 700 }}>{t('courses.audit.totals', { reached: credits(reached, i18n.language), required: credits(s.audit.totals.required, i18n.language) })}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {t(`courses.program.${s.program}`)}
                    </Typography>
                    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', mt: 0.5 }}>
                      {chosen && <LevelIcon level={chosen.coursesLevel} />}
                      <Typography variant="body2">{s.endorsement ? t(`courses.endorsements.${s.endorsement}`) : t('courses.endorsements.none')}</Typography>
                    </Stack>
                    {s.audit.dla && (
                      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                        <LevelIcon level={s.audit.dla.level} />
                        <Typography variant="body2">{pick(s.audit.dla.label, i18n.language)}</Typography>
                      </Stack>
                    )}
                    {s.audit.reasons.length > 0 && (
                      <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.25 }}>
                        {summarizeReasons(tt, i18n.language, s.audit.reasons).slice(0, 4).map((r, k) => (
                          <li key={k}>
                            <Typography variant="body2">{r}</Typography>
                          </li>
                        ))}
                      </Box>
                    )}
                    {s.kind !== 'active' && (
                      <Button variant="contained" startIcon={<TaskAltOutlined />} sx={{ mt: 1.5 }} onClick={() => setChoosing(s)}>
                        {t('courses.compare.choose')}
                      </Button>
                    )}
                  </CardContent>
                </Card>
              );
            })}
          </Box>

          <Card>
            <CardContent>
              <Typography variant="h3" component="h3" gutterBottom>
                {t('courses.compare.areas')}
              </Typography>
              <Table size="small" aria-label={t('courses.compare.areas')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('courses.audit.area')}</TableCell>
                    {data.scenarios.map((s) => (
                      <TableCell key={s.id} align="right">
                        {s.name}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {areaCodes.map((code) => {
                    const base = data.scenarios[0].audit.areas.find((a) => a.code === code);
                    const label = (data.scenarios.find((s) => s.audit.areas.some((a) => a.code === code))!.audit.areas.find((a) => a.code === code))!.label;
                    return (
                      <TableRow key={code}>
                        <TableCell>{pick(label, i18n.language)}</TableCell>
                        {data.scenarios.map((s, i) => {
                          const a = s.audit.areas.find((x) => x.code === code);
                          const value = a ? a.earned + a.inProgress + a.planned : 0;
                          const baseValue = base ? base.earned + base.inProgress + base.planned : 0;
                          const differs = i > 0 && (value !== baseValue || (a?.level === 'missing') !== (base?.level === 'missing') || a?.required !== base?.required);
                          const up = value > baseValue;
                          const met = a ? a.level !== 'missing' : true;
                          return (
                            <TableCell key={s.id} align="right" sx={{ bgcolor: differs ? (met ? 'rgba(30,107,58,0.10)' : 'rgba(179,38,30,0.10)') : undefined, fontWeight: differs ? 700 : 400, color: met ? undefined : 'error.main' }}>
                              <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
                                {differs && value !== baseValue && (up ? <ArrowUpward fontSize="inherit" titleAccess={t('courses.compare.higher')} /> : <ArrowDownward fontSize="inherit" titleAccess={t('courses.compare.lower')} />)}
                                <span>
                                  {credits(value, i18n.language)} / {credits(a?.required ?? 0, i18n.language)}
                                </span>
                              </Stack>
                            </TableCell>
                          );
                        })}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </CardContent>
          </Card>

          {data.scenarios.slice(1).map((s) => {
            const d = diffOf(s.id);
            if (!d) return null;
            return (
              <Card key={s.id} component="section" aria-label={`${s.name} — ${t('courses.compare.base')} ${data.scenarios[0].name}`}>
                <CardContent>
                  <Typography variant="h3" component="h3" gutterBottom>
                    {s.name}
                    <Typography component="span" color="text.secondary">{` · ${t('courses.compare.base')} ${data.scenarios[0].name}`}</Typography>
                  </Typography>
                  <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, gap: 2 }}>
                    <Box>
                      <Typography variant="h4" component="h4" gutterBottom>
                        {t('courses.compare.summary')}
                      </Typography>
                      <Box component="ul" sx={{ m: 0, pl: 2.25 }}>
                        {differenceSentences(tt, i18n.language, d).map((x, i) => (
                          <li key={i}>
                            <Typography variant="body2">{x}</Typography>
                          </li>
                        ))}
                      </Box>
                    </Box>
                    <Box>
                      <Typography variant="h4" component="h4" gutterBottom>
                        {t('courses.compare.requirements')}
                      </Typography>
                      <DiffList title={t('courses.compare.lost')} tone="error" items={d.requirementsLost.map((r) => pick(r.label, i18n.language))} />
                      <DiffList title={t('courses.compare.gained')} tone="success" items={d.requirementsGained.map((r) => pick(r.label, i18n.language))} />
                      <Typography variant="h4" component="h4" gutterBottom>
                        {t('courses.compare.prerequisites')}
                      </Typography>
                      <DiffList title={t('courses.compare.broken')} tone="error" items={d.prerequisitesBroken.map((p) => t('courses.compare.sentences.prerequisiteBroken', { course: p.title, prerequisites: p.missingTitles.join(' / ') }))} />
                      <DiffList title={t('courses.compare.fixed')} tone="success" items={d.prerequisitesFixed.map((p) => t('courses.compare.sentences.prerequisiteFixed', { course: p.title, prerequisites: p.missingTitles.join(' / ') }))} />
                    </Box>
                    <Box>
                      <Typography variant="h4" component="h4" gutterBottom>
                        {t('courses.compare.courses')}
                      </Typography>
                      <DiffList title={t('courses.compare.added')} tone="success" items={d.added.map((c) => `${c.title} — ${whenLabel(tt, c.grade, c.term)}`)} />
                      <DiffList title={t('courses.compare.removed')} tone="error" items={d.removed.map((c) => `${c.title} — ${whenLabel(tt, c.grade, c.term)}`)} />
                      <DiffList title={t('courses.compare.moved')} tone="info" items={d.moved.map((c) => `${c.title}: ${whenLabel(tt, c.fromGrade, c.fromTerm)} → ${whenLabel(tt, c.grade, c.term)}`)} />
                    </Box>
                  </Box>
                </CardContent>
              </Card>
            );
          })}
        </>
      )}
      {choosing && (
        <ChooseDialog
          name={choosing.name}
          busy={choose.isPending}
          error={error}
          onClose={() => setChoosing(null)}
          onChoose={(v) => choose.mutate({ planId: choosing.id, version: choosing.version, ...v })}
        />
      )}
    </Stack>
  );
}
