import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, FormGroup, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConferenceConsoleView, ConferenceRecord, SummaryContents } from '../../../../shared/ipc/contract';
import type { useRecordChange } from '../useConference';
import { useDraft } from './drafts';

type Run = ReturnType<typeof useRecordChange>['run'];

/** What the summary can carry besides the meeting's record, and how much there is of each. */
function summaryParts(view: ConferenceConsoleView, record: ConferenceRecord) {
  const s = view.sources;
  const goals = s.goals.status === 'available' ? s.goals.data.length : 0;
  const tests = s.tests.status === 'available' ? s.tests.data.cards.length : 0;
  const scenarios = s.scenarios.status === 'available' ? s.scenarios.data : [];
  const compared = record.conference.comparedScenarioIds.filter((id) => scenarios.some((x) => x.id === id));
  const decided = record.decisions.some((d) => d.kind === 'scenario' && d.scenarioId && !scenarios.find((x) => x.id === d.scenarioId)?.isActive);
  const planNames = compared.length >= 2 ? compared.map((id) => scenarios.find((x) => x.id === id)!.name) : [];
  return { goals, tests, plans: compared.length >= 2 || decided, planNames };
}

/** Ends the meeting: next meeting, what goes in the summary, then the family summary is made in the family's language. */
export function EndConferenceDialog({ view, record, run, onClose, onEnded }: { view: ConferenceConsoleView; record: ConferenceRecord; run: Run; onClose: () => void; onEnded: () => void }) {
  const { t } = useTranslation();
  const c = record.conference;
  const [date, setDate] = useDraft(c.id, 'end:date', c.nextMeetingDate ?? '');
  const [note, setNote] = useDraft(c.id, 'end:note', c.nextMeetingNote ?? '');
  const [busy, setBusy] = useState(false);
  const parts = summaryParts(view, record);
  const [include, setInclude] = useDraft<SummaryContents>(c.id, 'end:include', { goals: parts.goals > 0, tests: parts.tests > 0, plans: parts.plans });
  const cancel = () => {
    setDate(c.nextMeetingDate ?? '');
    setNote(c.nextMeetingNote ?? '');
    setInclude({ goals: parts.goals > 0, tests: parts.tests > 0, plans: parts.plans });
    onClose();
  };
  const undone = record.agenda.filter((a) => a.visibility === 'family' && !a.done).length;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const ok = await run((locale) => api.conferences.end({ id: c.id, version: c.version, nextMeetingDate: date || null, nextMeetingNote: note || null, summary: include, locale }));
    setBusy(false);
    if (ok) onEnded();
  }
  return (
    <Dialog open onClose={busy ? undefined : cancel} maxWidth="sm" fullWidth aria-labelledby="end-title">
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
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="body2" sx={{ fontWeight: 600 }}>
                {t('conference.end.includeTitle')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('conference.end.includeHelp')}
              </Typography>
              <FormGroup>
                <FormControlLabel
                  disabled={parts.tests === 0}
                  control={<Checkbox checked={include.tests && parts.tests > 0} onChange={(e) => setInclude({ ...include, tests: e.target.checked })} />}
                  label={parts.tests ? t('conference.end.includeTests', { count: parts.tests }) : t('conference.end.includeTestsNone')}
                />
                <FormControlLabel
                  disabled={parts.goals === 0}
                  control={<Checkbox checked={include.goals && parts.goals > 0} onChange={(e) => setInclude({ ...include, goals: e.target.checked })} />}
                  label={parts.goals ? t('conference.end.includeGoals', { count: parts.goals }) : t('conference.end.includeGoalsNone')}
                />
                <FormControlLabel
                  disabled={!parts.plans}
                  control={<Checkbox checked={include.plans && parts.plans} onChange={(e) => setInclude({ ...include, plans: e.target.checked })} />}
                  label={parts.planNames.length ? t('conference.end.includePlans', { names: parts.planNames.join(' · ') }) : parts.plans ? t('conference.end.includePlanDecided') : t('conference.end.includePlansNone')}
                />
              </FormGroup>
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={cancel} disabled={busy}>
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
