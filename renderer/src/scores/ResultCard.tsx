import { useState } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
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
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import ExpandMore from '@mui/icons-material/ExpandMore';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import HelpOutline from '@mui/icons-material/HelpOutlineOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BenchmarkCheck, HeadlineStatus, SectionView } from '../../../shared/domain/scores/interpret';
import type { ScoreCardView } from '../../../shared/ipc/contract/scores';
import { ScaleBar } from './ScaleBar';
import { formatNumber, formatTestDate, say, sectionName, testTitle } from './labels';

export const STATUS_COLOR: Record<HeadlineStatus, 'success' | 'warning' | 'error' | 'default'> = { met: 'success', partly: 'warning', 'not-met': 'warning', info: 'default' };

function BenchmarkChip({ c, t, locale }: { c: BenchmarkCheck; t: TFunction; locale: string }) {
  const n = (v: number) => formatNumber(v, locale);
  const label = [
    c.min !== null ? t(`scores.card.kind.${c.kind}`, { cut: n(c.min) }) : null,
    t(c.met ? 'scores.card.met' : 'scores.card.notMet'),
    c.margin !== null && c.margin !== 0 ? t(c.margin > 0 ? 'scores.card.metBy' : 'scores.card.missedBy', { margin: n(Math.abs(c.margin)) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const help = [
    t(c.basis === 'reported' ? 'scores.card.reportedFlag' : 'scores.card.computedFlag'),
    c.source ? `${t('scores.card.source', { year: c.source.year, confidence: t(`scores.card.confidence.${c.source.confidence}`) })}: ${c.source.source}` : null,
    c.source?.note ?? null,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Tooltip title={help}>
        <Chip
          size="small"
          variant={c.met ? 'filled' : 'outlined'}
          color={c.met ? 'success' : 'warning'}
          icon={c.met ? <CheckCircleOutline /> : <ErrorOutline />}
          label={label}
          tabIndex={0}
        />
      </Tooltip>
      {c.disagrees && <Chip size="small" color="warning" variant="outlined" label={t('scores.card.disagrees')} />}
      {c.source?.uncertain && (
        <Tooltip title={`${t('scores.card.unconfirmedHelp')} ${c.source.note ?? ''}`}>
          <Chip size="small" color="warning" variant="outlined" icon={<HelpOutline />} label={t('scores.card.unconfirmed')} tabIndex={0} />
        </Tooltip>
      )}
    </Stack>
  );
}

function levelText(t: TFunction, v: SectionView): string | null {
  if (!v.level) return null;
  if (v.level.code && ['did-not-meet', 'approaches', 'meets', 'masters', 'meets-or-above'].includes(String(v.level.code))) return t(`scores.level.${v.level.code}`);
  if (v.level.basis === 'computed' && v.level.code) return t(`scores.level.${v.level.code}`, { defaultValue: String(v.level.code) });
  return v.level.text;
}

function MainSection({ card, v }: { card: ScoreCardView; v: SectionView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const name = sectionName(t, card.family, card.subject, v, locale);
  const level = levelText(t, v);
  // An acknowledgment not (yet) earned is not a shortfall worth a chip; dual-credit notes are in the card notes.
  const readiness = v.benchmarks.filter((b) => b.kind !== 'dual-credit-eligibility' && (b.kind !== 'performance-acknowledgment' || b.met));
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
        {name}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }} useFlexGap>
        <Typography component="p" sx={{ fontSize: '1.75rem', fontWeight: 700, lineHeight: 1.2 }}>
          {v.score !== null ? formatNumber(v.score, locale) : (v.text ?? '—')}
        </Typography>
        {level && (
          <Tooltip title={t(v.level?.basis === 'reported' ? 'scores.card.levelReported' : 'scores.card.levelComputed')}>
            <Chip size="small" variant="outlined" label={level} tabIndex={0} />
          </Tooltip>
        )}
      </Stack>
      <ScaleBar view={v} name={name} />
      <Stack spacing={0.5}>
        {readiness.map((c) => (
          <BenchmarkChip key={c.id} c={c} t={t} locale={locale} />
        ))}
        {v.band && (
          <Typography variant="body2" color="text.secondary">
            {t(v.band.basis === 'sem' ? 'scores.card.band' : 'scores.card.bandReported', { low: formatNumber(v.band.low, locale), high: formatNumber(v.band.high, locale), confidence: v.band.confidence })}
          </Typography>
        )}
        {v.isPercentile && (
          <Typography variant="body2" color="text.secondary">
            {t('scores.card.percentileAfqt')}
          </Typography>
        )}
        {v.percentiles.map((p) => (
          <Typography key={p.norm} variant="body2" color="text.secondary">
            {t('scores.card.percentile', { value: p.value, norm: t(`scores.normShort.${p.norm}`) })}
          </Typography>
        ))}
        {v.stanine !== null && (
          <Typography variant="body2" color="text.secondary">
            {t('scores.card.stanine', { stanine: v.stanine })}
          </Typography>
        )}
        {v.raw !== null && (
          <Typography variant="body2" color="text.secondary">
            {t('scores.card.raw', { raw: formatNumber(v.raw, locale) })}
          </Typography>
        )}
      </Stack>
    </Box>
  );
}

export function Explanation({ card, explainLanguage }: { card: ScoreCardView; explainLanguage: 'en' | 'es' }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(explainLanguage);
  const e = card.interpretation.explanation;
  const block = (title: string, list: typeof e.means) =>
    list.length > 0 && (
      <Box>
        <Typography variant="h4" component="h4" sx={{ mb: 0.5 }}>
          {title}
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 2.5, '& li': { mb: 0.5, lineHeight: 1.55 } }}>
          {list.map((m, i) => (
            <li key={i}>{say(t, m, explainLanguage)}</li>
          ))}
        </Box>
      </Box>
    );
  return (
    <Stack spacing={2} lang={explainLanguage} data-testid="family-explanation">
      {block(t('scores.card.means'), e.means)}
      {block(t('scores.card.doesNotMean'), e.doesNotMean)}
      {block(t('scores.card.nextSteps'), e.nextSteps)}
    </Stack>
  );
}

export function ResultCard({ card, explainLanguage, expanded = true, onDelete }: { card: ScoreCardView; explainLanguage: 'en' | 'es'; expanded?: boolean; onDelete?: (card: ScoreCardView) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [confirm, setConfirm] = useState(false);
  const i = card.interpretation;
  const mains = i.sections.filter((v) => v.main && (v.score !== null || v.text !== null));
  const details = i.sections.filter((v) => !v.main && (v.score !== null || v.text !== null || v.level !== null || v.raw !== null));
  const title = testTitle(t, card.family, card.subject, locale, i.sections[0]?.label);
  const sub = [
    t('scores.card.taken', { date: card.administrationLabel && card.datePrecision === 'month' ? card.administrationLabel : formatTestDate(card.administrationDate, card.datePrecision, locale) }),
    card.gradeAtTesting ? t('scores.card.grade', { grade: t(`common.gradeShort.${card.gradeAtTesting}`) }) : null,
    card.form ? t('scores.card.form', { form: card.form }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card data-testid="score-card" data-family={card.family} sx={{ height: '100%' }}>
      <CardContent sx={{ p: 2.5 }}>
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', alignItems: 'flex-start', mb: 2 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h3" component="h3">
              {title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {sub}
            </Typography>
          </Box>
          <Chip color={STATUS_COLOR[i.status]} variant={i.status === 'info' ? 'outlined' : 'filled'} label={say(t, i.headline, locale)} sx={{ flexShrink: 0, fontWeight: 600 }} />
        </Stack>
        {mains.length === 0 && <Typography color="text.secondary">{t('scores.card.noScore')}</Typography>}
        <Grid container spacing={3}>
          {mains.map((v) => (
            <Grid key={v.section} size={{ xs: 12, sm: mains.length > 1 ? 6 : 12, lg: mains.length > 2 ? 4 : mains.length > 1 ? 6 : 12 }}>
              <MainSection card={card} v={v} />
            </Grid>
          ))}
        </Grid>
        {i.notes.length > 0 && (
          <Stack spacing={1} sx={{ mt: 2 }}>
            {i.notes.map((n, k) => (
              <Alert key={k} severity="info" variant="outlined" sx={{ py: 0 }}>
                {say(t, n, locale)}
              </Alert>
            ))}
          </Stack>
        )}
        {details.length > 0 && (
          <Accordion disableGutters variant="outlined" sx={{ mt: 2, '&:before': { display: 'none' } }}>
            <AccordionSummary expandIcon={<ExpandMore />}>
              <Typography sx={{ fontWeight: 600 }}>{t('scores.card.details')}</Typography>
            </AccordionSummary>
            <AccordionDetails>
              <Table size="small">
                <TableBody>
                  {details.map((v) => (
                    <TableRow key={v.section}>
                      <TableCell component="th" scope="row">
                        {sectionName(t, card.family, card.subject, v, locale)}
                      </TableCell>
                      <TableCell>{v.score !== null ? formatNumber(v.score, locale) : (v.text ?? (v.raw !== null ? formatNumber(v.raw, locale) : '—'))}</TableCell>
                      <TableCell>{[levelText(t, v), ...v.percentiles.map((p) => t('scores.card.percentile', { value: p.value, norm: t(`scores.normShort.${p.norm}`) }))].filter(Boolean).join(' · ')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </AccordionDetails>
          </Accordion>
        )}
        <Accordion defaultExpanded={expanded} disableGutters variant="outlined" sx={{ mt: 2, '&:before': { display: 'none' } }}>
          <AccordionSummary expandIcon={<ExpandMore />}>
            <Typography sx={{ fontWeight: 600 }}>{t('scores.card.explanation')}</Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Explanation card={card} explainLanguage={explainLanguage} />
          </AccordionDetails>
        </Accordion>
        <Stack direction="row" sx={{ mt: 1.5, justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="caption" color="text.secondary">
            {card.provenance.fileName ? t('scores.card.provenance', { file: card.provenance.fileName, row: card.provenance.row ?? '—' }) : ''}
          </Typography>
          {onDelete && (
            <Button size="small" color="inherit" startIcon={<DeleteOutline />} onClick={() => setConfirm(true)}>
              {t('scores.card.deleteResult')}
            </Button>
          )}
        </Stack>
      </CardContent>
      <Dialog open={confirm} onClose={() => setConfirm(false)} aria-labelledby={`delete-${card.resultId}`}>
        <DialogTitle id={`delete-${card.resultId}`}>{t('scores.card.deleteTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('scores.card.deleteBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button
            variant="contained"
            color="error"
            onClick={() => {
              setConfirm(false);
              onDelete?.(card);
            }}
          >
            {t('common.actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}

/** One line per earlier administration, expandable into its full card. */
export function HistoryTable({ cards, explainLanguage, onDelete }: { cards: ScoreCardView[]; explainLanguage: 'en' | 'es'; onDelete?: (card: ScoreCardView) => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const locale = i18n.language;
  if (cards.length === 0) return null;
  return (
    <Accordion disableGutters variant="outlined" sx={{ '&:before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Typography sx={{ fontWeight: 600 }}>
          {t('scores.card.history')} ({cards.length})
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('scores.trend.date')}</TableCell>
              <TableCell>{t('scores.trend.test')}</TableCell>
              <TableCell>{t('scores.importDialog.sampleColumns.scores')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {cards.map((c) => {
              const mains = c.interpretation.sections.filter((v) => v.main && (v.score !== null || v.text !== null));
              return [
                <TableRow key={c.resultId} hover>
                  <TableCell>{formatTestDate(c.administrationDate, c.datePrecision, locale)}</TableCell>
                  <TableCell>{testTitle(t, c.family, c.subject, locale, c.interpretation.sections[0]?.label)}</TableCell>
                  <TableCell>{mains.map((v) => `${sectionName(t, c.family, c.subject, v, locale)} ${v.score !== null ? formatNumber(v.score, locale) : (v.text ?? '')}`).join(' · ')}</TableCell>
                  <TableCell align="right">
                    <Button size="small" onClick={() => setOpen(open === c.resultId ? null : c.resultId)} aria-expanded={open === c.resultId}>
                      {say(t, c.interpretation.headline, locale)}
                    </Button>
                  </TableCell>
                </TableRow>,
                open === c.resultId ? (
                  <TableRow key={`${c.resultId}-card`}>
                    <TableCell colSpan={4} sx={{ p: 1.5 }}>
                      <ResultCard card={c} explainLanguage={explainLanguage} expanded={false} onDelete={onDelete} />
                    </TableCell>
                  </TableRow>
                ) : null,
              ];
            })}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
}
