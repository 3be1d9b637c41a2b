import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { Alert, Box, Button, Card, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Link, Skeleton, Stack, Tab, Tabs, Typography } from '@mui/material';
import ArrowBack from '@mui/icons-material/ArrowBack';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, subscribe } from '../api/client';
import type { ConferenceConsoleView, FamilyPanel } from '../../../shared/ipc/contract';
import { formatLocalDateTime, formatTime, studentDisplayName } from '../../../shared/domain/conference/format';
import { useNotify } from '../components/Notifier';
import { conferenceErrorText } from './errors';
import { HIDE_KEY, PRESENTER_KEY, isKey } from './keys';
import { conferenceKey, useConference, usePresentationChange, useRecordChange, useUiLocale } from './useConference';
import { FamilyView } from './family/FamilyView';
import { useFamilySnapshot } from './family/useFamilySnapshot';
import FocusTrap from '@mui/material/Unstable_TrapFocus';
import { FamilyScreenBar, PRESENTER_BUTTON_ID } from './console/FamilyScreenBar';
import { clearDrafts, endDrafts } from './console/drafts';
import { focusSpot, restoreFocus, type FocusSpot } from './console/focusReturn';
import { AgendaPanel } from './console/AgendaPanel';
import { AttendeesPanel } from './console/AttendeesPanel';
import { NotesPanel } from './console/NotesPanel';
import { DecisionsPanel } from './console/DecisionsPanel';
import { ActionItemsPanel } from './console/ActionItemsPanel';
import { GoalsPanel, PlanPanel, TestsPanel, compareScenarios } from './console/SourcePanels';
import { EndConferenceDialog } from './console/EndConferenceDialog';
import { SummaryPanel } from './console/SummaryPanel';


/**
 * Presenter mode: this window shows exactly what the family window would — the main process's
 * family snapshot. The console is not rendered meanwhile (nothing private sits in the DOM behind
 * it); focus stays inside, where Tab reaches the exit control and Escape leaves.
 */
function Presenter({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  const snapshot = useFamilySnapshot();
  const [hint, setHint] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setHint(false), 6000);
    return () => clearTimeout(timer);
  }, []);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onExit();
    }
  };
  return (
    <FocusTrap open>
      <Box role="dialog" aria-modal="true" aria-label={t('conference.console.presenter')} tabIndex={-1} onKeyDown={onKeyDown} sx={{ position: 'fixed', inset: 0, zIndex: 1500, outline: 'none' }} data-testid="presenter">
        <FamilyView
          snapshot={snapshot}
          hint={
            hint ? (
              <Box role="status" sx={{ position: 'absolute', right: 16, bottom: 12, bgcolor: 'rgba(27,36,48,0.85)', color: '#fff', px: 1.5, py: 0.75, borderRadius: 1, fontSize: 14 }}>
                {t('conference.console.keys', { presenter: PRESENTER_KEY, hide: HIDE_KEY })}
              </Box>
            ) : undefined
          }
        />
        {/* Keyboard users can always leave: the only focusable thing here, shown when Tab reaches it. */}
        <Button onClick={onExit} sx={{ position: 'absolute', top: 4, right: 4, opacity: 0, '&:focus-visible': { opacity: 1 } }} variant="contained" size="small">
          {t('conference.console.exitPresenter')} ({PRESENTER_KEY})
        </Button>
      </Box>
    </FocusTrap>
  );
}

type TabId = 'notes' | 'goals' | 'plan' | 'tests';

export function ConferenceScreen() {
  const { id: raw } = useParams();
  // A fresh console per conference: no field's state carries over to another meeting.
  return <ConferenceConsole key={raw} id={Number(raw)} />;
}

function ConferenceConsole({ id }: { id: number }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const navigate = useNavigate();
  const notify = useNotify();
  const qc = useQueryClient();
  const conference = useConference(id);
  const { run } = useRecordChange(id);
  const present = usePresentationChange(id);
  const [tab, setTab] = useState<TabId>('notes');
  const [ending, setEnding] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'cancel' | null>(null);
  const v = conference.data;
  const status = v?.record.conference.status;
  const live = status === 'in_progress' || status === 'ended';
  const presenter = !!v && v.presentation.presenter && v.presentation.conferenceId === id;

  // Drafts: the meeting's own fields go when it ends (private notes stay editable), all of them
  // when it is cancelled or when the counselor leaves a meeting that is over.
  const statusRef = useRef(status);
  useEffect(() => {
    statusRef.current = status;
    if (status === 'ended') endDrafts(id);
    if (status === 'cancelled') clearDrafts(id);
  }, [status, id]);
  useEffect(
    () => () => {
      if (statusRef.current !== 'in_progress' && statusRef.current !== 'scheduled') clearDrafts(id);
    },
    [id],
  );

  // Back from presenter mode: focus returns to the field (and caret) the counselor left, or to the presenter button.
  const returnTo = useRef<FocusSpot | null>(null);
  const wasPresenting = useRef(presenter);
  useEffect(() => {
    const leaving = !presenter && wasPresenting.current;
    wasPresenting.current = presenter;
    if (!leaving) return;
    const spot = returnTo.current;
    returnTo.current = null;
    // After the console's own effects (a reopened dialog focuses its first field): then put focus back.
    const frame = requestAnimationFrame(() => {
      if (!restoreFocus(spot)) document.getElementById(PRESENTER_BUTTON_ID)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [presenter]);

  // The family screen shows this conference while the counselor is on it, and goes idle when they leave.
  useEffect(() => {
    if (!live) return;
    void present(() => api.presentation.show({ conferenceId: id }));
  }, [live, id, present]);
  useEffect(
    () => () => {
      void api.presentation.setPresenter({ on: false }).catch(() => undefined);
      void api.presentation.clear().catch(() => undefined);
    },
    [id],
  );
  // The family window can close or a display come and go without the console asking.
  useEffect(
    () =>
      subscribe('presentation.changed', (state) => {
        qc.setQueryData<ConferenceConsoleView>(conferenceKey(id, locale), (old) => (old ? { ...old, presentation: state } : old));
      }),
    [qc, id, locale],
  );

  const togglePresenter = useCallback(() => {
    if (!v || !live) return;
    if (!presenter) returnTo.current = focusSpot(document.activeElement);
    void present(() => api.presentation.setPresenter({ on: !presenter }));
  }, [v, live, presenter, present]);
  const setHidden = useCallback((hidden: boolean) => void present(() => api.presentation.setHidden({ hidden })), [present]);
  const isHidden = useCallback(() => !!qc.getQueryData<ConferenceConsoleView>(conferenceKey(id, locale))?.presentation.hidden, [qc, id, locale]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isKey(e, PRESENTER_KEY)) {
        e.preventDefault();
        togglePresenter();
      } else if (isKey(e, HIDE_KEY)) {
        e.preventDefault();
        setHidden(!isHidden());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [togglePresenter, setHidden, isHidden]);

  const focus = (panel: FamilyPanel) => void present(() => api.presentation.focus({ conferenceId: id, focus: panel }));

  if (conference.isError) {
    return (
      <Box sx={{ p: 4 }}>
        <Alert severity="error">{conferenceErrorText(t, conference.error) || t('conference.console.loadError')}</Alert>
      </Box>
    );
  }
  if (!v) {
    return (
      <Box sx={{ p: 4 }}>
        <Skeleton variant="rounded" height={120} sx={{ mb: 2 }} />
        <Skeleton variant="rounded" height={400} />
      </Box>
    );
  }
  if (presenter) return <Presenter onExit={togglePresenter} />;

  const { record, student } = v;
  const c = record.conference;
  const ended = c.status === 'ended';
  const running = c.status === 'in_progress';
  const name = studentDisplayName(student);

  const action = async (kind: 'begin' | 'cancel' | 'delete') => {
    try {
      if (kind === 'delete') {
        await api.conferences.remove({ id, version: c.version, locale });
        clearDrafts(id);
        void qc.invalidateQueries({ queryKey: ['conferences', 'history'] });
        navigate(`/students/${student.id}/conferences`);
        return;
      }
      const next = kind === 'begin' ? await api.conferences.begin({ id, version: c.version, locale }) : await api.conferences.cancel({ id, version: c.version, locale });
      qc.setQueryData<ConferenceConsoleView>(conferenceKey(id, locale), (old) => (old ? { ...old, record: next } : old));
      void qc.invalidateQueries({ queryKey: ['conferences', 'history'] });
    } catch (err) {
      notify(conferenceErrorText(t, err), 'error');
    } finally {
      setConfirm(null);
    }
  };

  const when = c.startedAt
    ? t('conference.console.startedAt', { time: formatTime(c.startedAt, locale) })
    : c.scheduledFor
      ? t('conference.console.scheduledFor', { time: formatLocalDateTime(c.scheduledFor, locale) })
      : null;

  return (
    <Box sx={{ p: { xs: 2, md: 3 }, maxWidth: 1800, mx: 'auto' }}>
      <Link component={RouterLink} to={`/students/${student.id}/conferences`} underline="hover" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1.5 }}>
        <ArrowBack fontSize="small" /> {t('conference.console.back', { name })}
      </Link>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' }, mb: 2 }}>
        <Box>
          <Typography variant="h1">{name}</Typography>
          <Typography sx={{ fontWeight: 600, mt: 0.25 }}>{c.title ?? t(`conference.purposes.${c.purpose}`)}</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
            <Chip size="small" color={running ? 'success' : 'default'} label={t(`conference.statuses.${c.status}`)} />
            {when && <Chip size="small" variant="outlined" label={when} />}
            {c.endedAt && <Chip size="small" variant="outlined" label={t('conference.console.endedAt', { time: formatTime(c.endedAt, locale) })} />}
            <Chip size="small" variant="outlined" label={t('conference.console.familyLanguage', { language: t(`conference.languageNames.${c.familyLanguage}`) })} />
          </Stack>
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {c.status === 'scheduled' && (
            <>
              <Button variant="contained" startIcon={<PlayArrowOutlined />} onClick={() => void action('begin')}>
                {t('conference.console.begin')}
              </Button>
              <Button variant="outlined" onClick={() => setConfirm('cancel')}>
                {t('conference.console.cancelScheduled')}
              </Button>
            </>
          )}
          {!ended && c.status !== 'cancelled' && (
            <Button color="inherit" onClick={() => setConfirm('delete')}>
              {t('conference.console.deleteConference')}
            </Button>
          )}
          {running && (
            <Button variant="contained" color="secondary" startIcon={<StopCircleOutlined />} onClick={() => setEnding(true)}>
              {t('conference.console.end')}
            </Button>
          )}
        </Stack>
      </Stack>

      {ended && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('conference.console.readOnly')}
        </Alert>
      )}

      {live && (
        <Box sx={{ mb: 2 }}>
          <FamilyScreenBar
            state={v.presentation}
            conferenceId={id}
            ended={ended}
            onFocus={focus}
            onPresenter={togglePresenter}
            onHidden={setHidden}
            onFamilyWindow={(open) => void present(() => (open ? api.presentation.openFamilyWindow() : api.presentation.closeFamilyWindow()))}
          />
        </Box>
      )}

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '340px minmax(0, 1fr)', xl: '380px minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <AgendaPanel record={record} readOnly={ended || c.status === 'cancelled'} run={run} />
          <AttendeesPanel record={record} readOnly={ended || c.status === 'cancelled'} run={run} />
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {ended && <SummaryPanel record={record} run={run} />}
          {live && (
            <Card component="section" aria-label={t('conference.console.sections')}>
              <Tabs value={tab} onChange={(_e, value: TabId) => setTab(value)} aria-label={t('conference.console.sections')} variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}>
                <Tab value="notes" label={`${t('conference.notes.privateTitle')} · ${t('conference.notes.parentTitle')}`} id="ctab-notes" aria-controls="cpanel-notes" />
                <Tab value="goals" label={t('conference.panels.goals')} id="ctab-goals" aria-controls="cpanel-goals" />
                <Tab value="plan" label={t('conference.panels.plan')} id="ctab-plan" aria-controls="cpanel-plan" />
                <Tab value="tests" label={t('conference.panels.tests')} id="ctab-tests" aria-controls="cpanel-tests" />
              </Tabs>
              <Box role="tabpanel" id={`cpanel-${tab}`} aria-labelledby={`ctab-${tab}`} sx={{ p: 2.25 }}>
                {tab === 'notes' && <NotesPanel record={record} run={run} status={ended ? 'ended' : 'in_progress'} />}
                {tab === 'goals' && <GoalsPanel view={v} onFocus={focus} />}
                {tab === 'plan' && (
                  <PlanPanel
                    view={v}
                    readOnly={false}
                    onCompare={async (ids) => {
                      await present(() => compareScenarios(v, ids));
                      void qc.invalidateQueries({ queryKey: conferenceKey(id, locale) });
                    }}
                  />
                )}
                {tab === 'tests' && <TestsPanel view={v} onFocus={focus} />}
              </Box>
            </Card>
          )}
          {live && (
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
              <DecisionsPanel record={record} scenarios={v.sources.scenarios} readOnly={!running} run={run} />
              <ActionItemsPanel record={record} canAdd={running} run={run} />
            </Box>
          )}
        </Stack>
      </Box>

      {ending && <EndConferenceDialog view={v} record={record} run={run} onClose={() => setEnding(false)} onEnded={() => { setEnding(false); focus('summary'); }} />}
      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="confirm-title">
        <DialogTitle id="confirm-title">{t(confirm === 'cancel' ? 'conference.console.cancelScheduled' : 'conference.console.deleteTitle')}</DialogTitle>
        {confirm === 'delete' && (
          <DialogContent>
            <DialogContentText>{t('conference.console.deleteBody')}</DialogContentText>
          </DialogContent>
        )}
        <DialogActions>
          <Button onClick={() => setConfirm(null)} autoFocus>
            {t('common.actions.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={() => confirm && void action(confirm)}>
            {t(confirm === 'cancel' ? 'conference.console.cancelScheduled' : 'common.actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
