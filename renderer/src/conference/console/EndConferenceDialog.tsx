import { useState, type FormEvent } from 'react';
import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConferenceRecord } from '../../../../shared/ipc/contract';
import type { useRecordChange } from '../useConference';

type Run = ReturnType<typeof useRecordChange>['run'];

/** Ends the meeting: next meeting, then the family summary is made in the family's language. */
export function EndConferenceDialog({ record, run, onClose, onEnded }: { record: ConferenceRecord; run: Run; onClose: () => void; onEnded: () => void }) {
  const { t } = useTranslation();
  const c = record.conference;
  const [date, setDate] = useState(c.nextMeetingDate ?? '');
  const [note, setNote] = useState(c.nextMeetingNote ?? '');
  const [busy, setBusy] = useState(false);
  const undone = record.agenda.filter((a) => a.visibility === 'family' && !a.done).length;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const ok = await run((locale) => api.conferences.end({ id: c.id, version: c.version, nextMeetingDate: date || null, nextMeetingNote: note || null, locale }));
    setBusy(false);
    if (ok) onEnded();
  }
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="end-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="end-title">{t('conference.end.title')}</DialogTitle>
        <DialogContent dividers>
          <DialogContentText sx={{ mb: 2 }}>{t('conference.end.body', { language: t(`conference.languageNames.${c.familyLanguage}`) })}</DialogContentText>
          {undone > 0 && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('conference.end.undoneItems', { count: undone })}
            </Alert>
          )}
          <Stack spacing={2}>
            <TextField type="date" label={t('conference.end.nextMeetingDate')} value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ maxWidth: 240 }} autoFocus />
            <TextField label={t('conference.end.nextMeetingNote')} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 300 } }} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}>
            {t(busy ? 'conference.end.working' : 'conference.end.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
