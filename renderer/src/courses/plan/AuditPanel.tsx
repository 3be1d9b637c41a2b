import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Collapse, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import HourglassEmptyOutlined from '@mui/icons-material/HourglassEmptyOutlined';
import ExpandMore from '@mui/icons-material/ExpandMore';
import ExpandLess from '@mui/icons-material/ExpandLess';
import { useTranslation } from 'react-i18next';
import type { AuditResult, RequirementResult } from '../../../../shared/domain/graduation/audit';
import { reasonText, summarizeReasons } from '../../../../shared/domain/graduation/describe';
import type { RuleSetBrief } from '../../../../shared/ipc/contract';
import { credits, pick, useT } from '../format';
import { UncertainChip } from '../UncertainChip';

type AnyLevel = 'earned' | 'in-progress' | 'planned' | 'missing' | 'confirmed' | 'needs-review';

export function LevelIcon({ level }: { level: AnyLevel }) {
  const { t } = useTranslation();
  const label = t(`courses.levels.${level}`);
  if (level === 'earned' || level === 'confirmed') return <CheckCircle color="success" fontSize="small" titleAccess={label} />;
  if (level === 'in-progress' || level === 'planned') return <HourglassEmptyOutlined color={level === 'in-progress' ? 'info' : 'action'} fontSize="small" titleAccess={label} />;
  return <RadioButtonUnchecked color={level === 'needs-review' ? 'warning' : 'error'} fontSize="small" titleAccess={label} />;
}

/** Earned / in progress / planned / missing as one bar, with the numbers beside it for screen readers and print. */
export function CreditBar({ earned, inProgress, planned, required }: { earned: number; inProgress: number; planned: number; required: number }) {
  const pct = (n: number) => (required > 0 ? `${Math.min(100, (n / required) * 100)}%` : '0%');
  return (
    <Box aria-hidden sx={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', bgcolor: 'action.disabledBackground', minWidth: 60 }}>
      <Box sx={{ width: pct(earned), bgcolor: 'success.main' }} />
      <Box sx={{ width: pct(inProgress), bgcolor: 'info.main' }} />
      <Box sx={{ width: pct(planned), bgcolor: 'primary.light', opacity: 0.6 }} />
    </Box>
  );
}

/** What the test results say about an exam acknowledgment (AP/IB, PSAT/SAT/ACT). */
function ExamDetail({ a }: { a: AuditResult['acknowledgments'][number] }) {
  const { t, i18n } = useTranslation();
  const p = a.params;
  const e = a.evidence;
  let text: string;
  if (a.status === 'met' && e) {
    const month = new Intl.DateTimeFormat(i18n.language === 'es' ? 'es-US' : 'en-US', { month: 'short', year: 'numeric' }).format(new Date(`${e.date}T12:00:00`));
    const test = t(`courses.audit.ackDetail.examTest.${e.test}`, { name: e.label ? pick(e.label, i18n.language) : (e.subject ?? '') });
    text = t('courses.audit.ackDetail.examMet', { test, score: e.score, date: month, threshold: e.threshold });
  } else if (a.status === 'needs-review') text = t('courses.audit.ackDetail.examReview', p);
  else if (a.status === 'planned') text = t('courses.audit.ackDetail.examPlanned');
  else text = t(p.ap !== undefined || p.ib !== undefined ? 'courses.audit.ackDetail.examNotMetApIb' : 'courses.audit.ackDetail.examNotMetCollege', p);
  return (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.25 }}>
      {text}
    </Typography>
  );
}

function RequirementLine({ r, ruleSet }: { r: RequirementResult; ruleSet: RuleSetBrief | null }) {
  const { i18n } = useTranslation();
  void ruleSet;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.25 }}>
      <LevelIcon level={r.level} />
      <Typography variant="body2" sx={{ flex: 1 }}>
        {pick(r.label, i18n.language)}
        {r.optionLabel && (
          <Typography component="span" variant="body2" color="text.secondary">
            {` — ${pick(r.optionLabel, i18n.language)}`}
          </Typography>
        )}
        {r.missingParts.length > 0 && (
          <Typography component="span" variant="body2" color="error.main">
            {` (${r.missingParts.map((p) => pick(p, i18n.language)).join(', ')})`}
          </Typography>
        )}
      </Typography>
      <UncertainChip flag={r} />
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {credits(r.earned + r.inProgress + r.planned, i18n.language)}/{credits(r.required, i18n.language)}
      </Typography>
    </Stack>
  );
}

/** The live graduation audit beside the plan: verdict with reasons, credits by area, endorsement, DLA, acknowledgments. */
export function AuditPanel({ audit, ruleSet, confirmations, onToggleConfirmation, readOnly }: {
  audit: AuditResult;
  ruleSet: RuleSetBrief | null;
  confirmations: string[];
  onToggleConfirmation: (key: string) => void;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const tt = useT(t);
  const [open, setOpen] = useState<string | null>(null);
  const totals = audit.totals;
  const reached = totals.earned + totals.inProgress + totals.planned;
  const chosen = audit.endorsements.find((e) => e.chosen) ?? null;
  const others = audit.endorsements.filter((e) => !e.chosen);
  const confirmButton = (key: string) =>
    readOnly ? null : (
      <Button size="small" onClick={() => onToggleConfirmation(key)}>
        {confirmations.includes(key) ? t('courses.audit.unconfirm') : t('courses.audit.confirm')}
      </Button>
    );
  return (
    <Stack spacing={2} component="section" aria-label={t('courses.audit.title')}>
      <Alert severity={audit.status === 'on-track' ? 'success' : 'warning'} variant="outlined" sx={{ bgcolor: 'background.paper' }}>
        <Typography sx={{ fontWeight: 700 }} role="status">
          {t(audit.status === 'on-track' ? 'courses.audit.onTrack' : 'courses.audit.atRisk')}
        </Typography>
        {audit.reasons.length === 0 ? (
          <Typography variant="body2">{t('courses.audit.allGood')}</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.25 }} aria-label={t('courses.audit.why')}>
            {summarizeReasons(tt, i18n.language, audit.reasons).map((r, i) => (
              <li key={i}>
                <Typography variant="body2">{r}</Typography>
              </li>
            ))}
          </Box>
        )}
      </Alert>

      <Card>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
            <Typography variant="h3" component="h3">
              {t('courses.audit.title')}
            </Typography>
            <Typography sx={{ fontWeight: 700 }}>{t('courses.audit.totals', { reached: credits(reached, i18n.language), required: credits(totals.required, i18n.language) })}</Typography>
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {pick(audit.programLabel, i18n.language)}
            {ruleSet && ` · ${t('courses.audit.ruleSetNote', { name: pick(ruleSet.name, i18n.language) })}`}
          </Typography>
          <CreditBar earned={totals.earned} inProgress={totals.inProgress} planned={totals.planned} required={totals.required} />
          <Typography variant="body2" sx={{ mt: 0.75 }}>
            {t('courses.audit.totalsDetail', {
              earned: credits(totals.earned, i18n.language),
              inProgress: credits(totals.inProgress, i18n.language),
              planned: credits(totals.planned, i18n.language),
              missing: credits(totals.missing, i18n.language),
            })}
          </Typography>
          {ruleSet?.template && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {t('courses.audit.template')}
            </Alert>
          )}

          <Box component="ul" aria-label={t('courses.compare.areas')} sx={{ listStyle: 'none', m: 0, mt: 1.5, p: 0 }}>
            {audit.areas.map((a) => {
              const expanded = open === a.code;
              const uncertain = a.uncertain || a.requirements.some((r) => r.uncertain);
              const reachedArea = a.earned + a.inProgress + a.planned;
              const detail = t('courses.audit.totalsDetail', {
                earned: credits(a.earned, i18n.language),
                inProgress: credits(a.inProgress, i18n.language),
                planned: credits(a.planned, i18n.language),
                missing: credits(a.missing, i18n.language),
              });
              return (
                <Box component="li" key={a.code} sx={{ borderTop: 1, borderColor: 'divider', py: 0.5 }}>
                  <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                    <IconButton size="small" onClick={() => setOpen(expanded ? null : a.code)} aria-expanded={expanded} aria-label={t('courses.audit.requirementsOf', { area: pick(a.label, i18n.language) })}>
                      {expanded ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />}
                    </IconButton>
                    <LevelIcon level={a.level} />
                    <Box sx={{ flex: 1, minWidth: 0 }}>
                      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {pick(a.label, i18n.language)}
                        </Typography>
                        {uncertain && (
                          <Tooltip title={t('courses.uncertain.tooltip')}>
                            <Typography component="span" color="warning.main" aria-label={t('courses.uncertain.chip')} tabIndex={0} sx={{ fontWeight: 700 }}>
                              *
                            </Typography>
                          </Tooltip>
                        )}
                      </Stack>
                      <CreditBar earned={a.earned} inProgress={a.inProgress} planned={a.planned} required={a.required} />
                    </Box>
                    <Box sx={{ textAlign: 'right', minWidth: 64 }}>
                      <Typography variant="body2" sx={{ fontWeight: 600 }} aria-label={`${pick(a.label, i18n.language)}: ${detail}`}>
                        {credits(reachedArea, i18n.language)}/{credits(a.required, i18n.language)}
                      </Typography>
                      {a.missing > 0 && (
                        <Typography variant="caption" sx={{ color: 'error.main', fontWeight: 700 }}>
                          {t('courses.audit.missing')} {credits(a.missing, i18n.language)}
                        </Typography>
                      )}
                    </Box>
                  </Stack>
                  <Collapse in={expanded} unmountOnExit>
                    <Box sx={{ pl: 5, pb: 0.5 }}>
                      <Typography variant="caption" color="text.secondary">
                        {detail}
                      </Typography>
                      {a.requirements.map((r) => (
                        <RequirementLine key={r.id} r={r} ruleSet={ruleSet} />
                      ))}
                    </Box>
                  </Collapse>
                </Box>
              );
            })}
          </Box>

          {audit.checks.length > 0 && (
            <Box sx={{ mt: 1.5 }}>
              <Typography variant="h4" component="h4" gutterBottom>
                {t('courses.audit.checks')}
              </Typography>
              {audit.checks.map((c) => (
                <Stack key={c.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <LevelIcon level={c.level} />
                  <Typography variant="body2" sx={{ flex: 1 }}>
                    {pick(c.label, i18n.language)}
                    {c.level === 'confirmed' && <Typography component="span" variant="body2" color="text.secondary">{` — ${t('courses.audit.confirmedByYou')}`}</Typography>}
                  </Typography>
                  <UncertainChip flag={c} />
                  {(c.level === 'missing' || c.level === 'confirmed') && confirmButton(`check:${c.id}`)}
                </Stack>
              ))}
            </Box>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h3" component="h3" gutterBottom>
            {t('courses.audit.endorsement')}
          </Typography>
          {!chosen ? (
            <Typography color="text.secondary">{audit.program === 'endorsement' ? t('courses.audit.endorsementNone') : t('courses.program.foundation')}</Typography>
          ) : (
            <Box>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                <LevelIcon level={chosen.coursesLevel} />
                <Box sx={{ flex: 1 }}>
                  <Typography sx={{ fontWeight: 700 }}>{t(`courses.endorsements.${chosen.code}`)}</Typography>
                  {pick(chosen.label, i18n.language) !== t(`courses.endorsements.${chosen.code}`) && (
                    <Typography variant="caption" color="text.secondary">
                      {pick(chosen.label, i18n.language)}
                    </Typography>
                  )}
                </Box>
                <UncertainChip flag={chosen} />
              </Stack>
              <LinearProgress variant="determinate" value={chosen.progress * 100} aria-label={pick(chosen.label, i18n.language)} sx={{ mb: 1 }} />
              {chosen.base.length > 0 && (
                <Box sx={{ mb: 1 }}>
                  <Typography variant="body2" color="text.secondary">
                    {t('courses.audit.base')}
                  </Typography>
                  {chosen.base.map((r) => (
                    <RequirementLine key={r.id} r={r} ruleSet={ruleSet} />
                  ))}
                </Box>
              )}
              <Typography variant="body2" color="text.secondary">
                {t('courses.audit.options')}
              </Typography>
              {chosen.options.map((o) => (
                <Stack key={o.id} direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.25 }}>
                  <LevelIcon level={o.level} />
                  <Typography variant="body2" sx={{ flex: 1, fontWeight: chosen.bestOption === o.id ? 700 : 400 }}>
                    {pick(o.label, i18n.language)}
                  </Typography>
                  <UncertainChip flag={o} />
                  {o.manual && confirmButton(`option:${chosen.code}:${o.id}`)}
                </Stack>
              ))}
            </Box>
          )}
          {others.length > 0 && (
            <Box sx={{ mt: 2 }}>
              <Typography variant="h4" component="h4" gutterBottom>
                {t('courses.audit.otherEndorsements')}
              </Typography>
              {others.map((e) => (
                <Stack key={e.code} direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.25 }}>
                  <Typography variant="body2" sx={{ width: '45%' }}>
                    {t(`courses.endorsements.${e.code}`)}
                  </Typography>
                  <LinearProgress variant="determinate" value={e.progress * 100} sx={{ flex: 1 }} aria-label={pick(e.label, i18n.language)} color={e.coursesLevel !== 'missing' ? 'success' : 'primary'} />
                  <Typography variant="body2" color="text.secondary" sx={{ width: 40, textAlign: 'right' }}>
                    {Math.round(e.progress * 100)}%
                  </Typography>
                </Stack>
              ))}
            </Box>
          )}
        </CardContent>
      </Card>

      {audit.dla && (
        <Card>
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <LevelIcon level={audit.dla.level} />
              <Typography variant="h3" component="h3" sx={{ flex: 1 }}>
                {pick(audit.dla.label, i18n.language)}
              </Typography>
              <UncertainChip flag={audit.dla} />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {pick(audit.dla.description, i18n.language)}
            </Typography>
            {audit.dla.gaps.length > 0 && (
              <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.25 }}>
                {audit.dla.gaps.map((g) => (
                  <li key={g}>
                    <Typography variant="body2">{t(`courses.audit.dlaGaps.${g}`)}</Typography>
                  </li>
                ))}
              </Box>
            )}
          </CardContent>
        </Card>
      )}

      {audit.acknowledgments.length > 0 && (
        <Card>
          <CardContent>
            <Typography variant="h3" component="h3" gutterBottom>
              {t('courses.audit.acknowledgments')}
            </Typography>
            {audit.acknowledgments.map((a) => (
              <Box key={a.code} sx={{ py: 0.75, borderTop: 1, borderColor: 'divider' }}>
                <Tooltip title={pick(a.description, i18n.language)}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }} tabIndex={0}>
                    {pick(a.label, i18n.language)}
                  </Typography>
                </Tooltip>
                <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
                  <Chip size="small" label={t(`courses.audit.ackStatus.${a.status}`)} color={a.status === 'met' || a.status === 'confirmed' ? 'success' : a.status === 'needs-review' ? 'warning' : 'default'} variant={a.status === 'met' || a.status === 'confirmed' ? 'filled' : 'outlined'} />
                  <UncertainChip flag={a} />
                  {(a.status === 'not-computable' || a.status === 'needs-review' || a.status === 'confirmed' || (a.method === 'exam-scores' && a.status !== 'met')) && confirmButton(`pa:${a.code}`)}
                </Stack>
                {a.method === 'exam-scores' && a.status !== 'confirmed' && a.status !== 'not-computable' && <ExamDetail a={a} />}
                {a.method === 'dual-credit-hours' && a.status !== 'confirmed' && (
                  <Typography variant="caption" color="text.secondary">
                    {t('courses.audit.ackDetail.dual-credit', { hours: credits(a.params.hours, i18n.language), plannedHours: credits(a.params.plannedHours, i18n.language), need: a.params.need })}
                  </Typography>
                )}
              </Box>
            ))}
          </CardContent>
        </Card>
      )}

      {audit.warnings.length > 0 && (
        <Alert severity="info" variant="outlined" sx={{ bgcolor: 'background.paper' }}>
          <Typography sx={{ fontWeight: 600 }}>{t('courses.audit.warnings')}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.25 }}>
            {audit.warnings.map((w, i) => (
              <li key={i}>
                <Typography variant="body2">{reasonText(tt, i18n.language, w)}</Typography>
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </Stack>
  );
}
