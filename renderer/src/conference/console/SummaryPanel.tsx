import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Divider, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConferenceRecord } from '../../../../shared/ipc/contract';
import { formatDate, formatTime, joinNames } from '../../../../shared/domain/conference/format';
import { localIsoDate } from '../../../../shared/domain/dates';
import { useNotify } from '../../components/Notifier';
import { conferenceErrorText } from '../errors';
import type { useRecordChange } from '../useConference';
import { useUiLocale } from '../useConference';
import { Section } from './Section';
import { useDraft } from './drafts';

type Run = ReturnType<typeof useRecordChange>['run'];

function AcknowledgeForm({ record, run }: { record: ConferenceRecord; run: Run }) {
  const { t } = useTranslation();
  const [names, setNames] = useDraft<string[]>(record.conference.id, 'ack:names', [''], { afterEnd: true });
  const [date, setDate] = useDraft(record.conference.id, 'ack:date', localIsoDate(new Date()), { afterEnd: true });
  const [busy, setBusy] = useState(false);
  const filled = names.map((n) => n.trim()).filter(Boolean);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!filled.length || !date || busy) return;
    setBusy(true);
    const ok = await run((locale) => api.conferences.acknowledge({ conferenceId: record.conference.id, names: filled, date, locale }));
    setBusy(false);
    if (ok) {
      setNames(['']);
      setDate(localIsoDate(new Date()));
    }
  }
  return (
    <Box component="form" onSubmit={submit} aria-labelledby="ack-title">
      <Typography id="ack-title" variant="h4" component="h3">
        {t('conference.ack.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('conference.ack.help')}
      </Typography>
      <Stack spacing={1}>
        {names.map((n, i) => (
          <Stack direction="row" spacing={1} key={i}>
            <TextField size="small" label={t('conference.ack.name', { n: i + 1 })} value={n} onChange={(e) => setNames(names.map((x, j) => (j === i ? e.target.value : x)))} slotProps={{ htmlInput: { maxLength: 120 } }} />
            {names.length > 1 && (
              <Tooltip title={t('common.actions.delete')}>
                <IconButton aria-label={`${t('common.actions.delete')} ${t('conference.ack.name', { n: i + 1 })}`} onClick={() => setNames(names.filter((_x, j) => j !== i))}>
                  <DeleteOutline />
                </IconButton>
              </Tooltip>
            )}
          </Stack>
        ))}
        <Box>
          <Button size="small" onClick={() => setNames([...names, ''])} disabled={names.length >= 10}>
            {t('conference.ack.addName')}
          </Button>
        </Box>
        <TextField size="small" type="date" label={t('conference.ack.date')} value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ maxWidth: 220 }} />
        <Box>
          <Button type="submit" variant="contained" disabled={!filled.length || !date || busy}>
            {t('conference.ack.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

/** The stored family summaries (save as PDF, a copy in the other language) and the acknowledgement. */
export function SummaryPanel({ record, run }: { record: ConferenceRecord; run: Run }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const notify = useNotify();
  const c = record.conference;
  const other = c.familyLanguage === 'es' ? 'en' : 'es';
  const hasOther = record.summaries.some((s) => s.locale === other);
  const save = async (id: number) => {
    try {
      const r = await api.conferences.saveSummary({ id });
      if (r.saved) notify(t('conference.summaryCard.saved'));
    } catch (err) {
      notify(conferenceErrorText(t, err), 'error');
    }
  };
  // Newest copy per language first; older copies stay listed (nothing is thrown away).
  return (
    <Section id="summary" title={t('conference.summaryCard.title')}>
      {record.summaries.length === 0 ? (
        <Typography color="text.secondary">{t('conference.summaryCard.none')}</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {record.summaries.map((s) => (
            <Box component="li" key={s.id} sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 0.75 }}>
              <PictureAsPdfOutlined color="error" aria-hidden />
              <Typography variant="body2" sx={{ flex: 1 }}>
                {t('conference.summaryCard.made', { language: t(`conference.languageNames.${s.locale}`), pages: s.pages, time: `${formatDate(s.createdAt, locale, 'medium')} ${formatTime(s.createdAt, locale)}` })}
                {s.includesAcknowledgement ? ` · ${t('conference.summaryCard.withAck')}` : ''}
              </Typography>
              <Button size="small" variant="outlined" onClick={() => void save(s.id)} aria-label={`${t('conference.summaryCard.save')} (${t(`conference.languageNames.${s.locale}`)}, ${formatTime(s.createdAt, locale)})`}>
                {t('conference.summaryCard.save')}
              </Button>
            </Box>
          ))}
        </Box>
      )}
      {record.summaries.length > 0 && !hasOther && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => void run((l) => api.conferences.summaryCopy({ conferenceId: c.id, summaryLocale: other, locale: l }))}>
          {t('conference.summaryCard.copy', { language: t(`conference.languageNames.${other}`) })}
        </Button>
      )}
      <Divider sx={{ my: 2 }} />
      {record.acknowledgement ? (
        <Alert severity="success">{t('conference.ack.done', { names: joinNames(record.acknowledgement.names, locale), date: formatDate(record.acknowledgement.date, locale) })}</Alert>
      ) : (
        <AcknowledgeForm record={record} run={run} />
      )}
    </Section>
  );
}
