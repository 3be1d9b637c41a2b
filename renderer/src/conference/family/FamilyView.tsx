import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Box, Stack } from '@mui/material';
import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FamilyLiveView, FamilySnapshot } from '../../../../shared/ipc/contract';
import type { Locale } from '../../../../shared/i18n/locales';
import { formatDate, joinNames } from '../../../../shared/domain/conference/format';
import { GoalsView } from '../views/GoalsView';
import { ScoreCardsView } from '../views/ScoreCardsView';
import { ScenarioComparisonView } from '../views/ScenarioComparisonView';

/**
 * The family screen: large type readable from two metres on a projector (the root font
 * scales with the screen width: ~31 px at 1920, ~22 px at 1366), plain words, the family's
 * language, one panel at a time. It renders only a FamilySnapshot built by the main process.
 */
const ROOT_FONT = 'clamp(17px, 1.6vw, 40px)';

export function FamilyView({ snapshot, hint, locale }: { snapshot: FamilySnapshot | undefined; hint?: ReactNode; /** For the idle and paused screens: the language last shown. */ locale?: Locale }) {
  if (!snapshot || snapshot.state === 'idle') return <IdleScreen locale={locale} />;
  if (snapshot.state === 'hidden') return <HiddenScreen locale={locale} />;
  return <LiveScreen view={snapshot.view} hint={hint} />;
}

function useFixedT(locale: Locale | undefined): TFunction {
  const { i18n, t } = useTranslation();
  return locale ? i18n.getFixedT(locale) : t;
}

function IdleScreen({ locale }: { locale?: Locale }) {
  const t = useFixedT(locale);
  return (
    <Box data-testid="family-idle" sx={{ position: 'fixed', inset: 0, display: 'grid', placeItems: 'center', bgcolor: '#f4f6f8', color: '#1b2430', fontSize: ROOT_FONT }}>
      <Stack spacing="0.6em" sx={{ alignItems: 'center', textAlign: 'center' }}>
        <Box aria-hidden sx={{ width: '2.6em', height: '2.6em', borderRadius: '0.5em', bgcolor: '#17506b', color: '#fff', display: 'grid', placeItems: 'center', fontWeight: 800, fontSize: '1.4em' }}>
          W
        </Box>
        <Box component="h1" sx={{ m: 0, fontSize: '1.6em', fontWeight: 700 }}>
          {t('conference.family.idleTitle')}
        </Box>
        <Box component="p" sx={{ m: 0, color: '#4a5666' }}>
          {t('conference.family.idleBody')}
        </Box>
      </Stack>
    </Box>
  );
}

/** Blank at once: no content was even sent (the main process returns nothing while hidden). */
function HiddenScreen({ locale }: { locale?: Locale }) {
  const t = useFixedT(locale);
  return (
    <Box data-testid="family-hidden" sx={{ position: 'fixed', inset: 0, bgcolor: '#000', color: '#8c96a3', display: 'flex', alignItems: 'flex-end', justifyContent: 'center', pb: '3vh', fontSize: ROOT_FONT }}>
      <Box component="h1" sx={{ m: 0, fontSize: '0.7em', fontWeight: 500 }}>
        {t('conference.family.hidden')}
      </Box>
    </Box>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Box component="h2" sx={{ fontSize: '1.25em', fontWeight: 700, color: '#17506b', m: '0 0 0.5em' }}>
      {children}
    </Box>
  );
}

function Checklist({ items, t, big }: { items: { text: string; done: boolean }[]; t: TFunction; big?: boolean }) {
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, columnCount: big && items.length > 7 ? 2 : 1, columnGap: '1.5em' }}>
      {items.map((a, i) => (
        <Box component="li" key={i} sx={{ display: 'flex', gap: '0.5em', alignItems: 'flex-start', mb: '0.45em', breakInside: 'avoid', fontSize: big ? '1em' : '0.8em', color: a.done ? '#1b2430' : '#3b4552' }}>
          {a.done ? (
            <CheckCircle sx={{ fontSize: '1.2em', color: '#1e6b3a', flexShrink: 0, mt: '0.05em' }} aria-label={t('conference.family.done')} titleAccess={t('conference.family.done')} />
          ) : (
            <RadioButtonUnchecked sx={{ fontSize: '1.2em', color: '#8c96a3', flexShrink: 0, mt: '0.05em' }} aria-hidden />
          )}
          <span style={{ lineHeight: 1.3 }}>{a.text}</span>
        </Box>
      ))}
    </Box>
  );
}

function Unavailable({ text }: { text: string }) {
  return (
    <Box component="p" sx={{ m: 0, fontSize: '1.05em', color: '#4a5666' }}>
      {text}
    </Box>
  );
}

function NextSteps({ view, t, locale }: { view: FamilyLiveView; t: TFunction; locale: Locale }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '1.2em' }}>
      <Box>
        <Box component="h3" sx={{ fontSize: '1em', m: '0 0 0.4em', color: '#17506b' }}>{t('conference.family.decisions')}</Box>
        {view.decisions.length === 0 ? (
          <Unavailable text={t('conference.family.noDecisions')} />
        ) : (
          view.decisions.map((d, i) => (
            <Box key={i} sx={{ borderLeft: '0.2em solid #17506b', pl: '0.6em', mb: '0.7em' }}>
              <Box sx={{ fontSize: '0.7em', fontWeight: 700, textTransform: 'uppercase', letterSpacing: '0.05em', color: '#4a5666' }}>{t(`conference.decisionKinds.${d.kind}`)}</Box>
              <Box sx={{ fontWeight: 700 }}>{d.what}</Box>
              {d.detail && <Box sx={{ fontSize: '0.85em', whiteSpace: 'pre-wrap' }}>{d.detail}</Box>}
              {d.agreedBy.length > 0 && <Box sx={{ fontSize: '0.8em', color: '#4a5666' }}>{t('conference.family.agreedBy', { names: joinNames(d.agreedBy, locale) })}</Box>}
            </Box>
          ))
        )}
      </Box>
      <Box>
        <Box component="h3" sx={{ fontSize: '1em', m: '0 0 0.4em', color: '#17506b' }}>{t('conference.family.actions')}</Box>
        {view.actionItems.length === 0 ? (
          <Unavailable text={t('conference.family.noActions')} />
        ) : (
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {view.actionItems.map((a, i) => (
              <Box component="li" key={i} sx={{ display: 'flex', gap: '0.5em', mb: '0.6em' }}>
                {a.done ? <CheckCircle sx={{ fontSize: '1.2em', color: '#1e6b3a', mt: '0.05em' }} titleAccess={t('conference.family.done')} /> : <RadioButtonUnchecked sx={{ fontSize: '1.2em', color: '#8c96a3', mt: '0.05em' }} aria-hidden />}
                <Box>
                  <Box sx={{ fontWeight: 600 }}>{a.text}</Box>
                  <Box sx={{ fontSize: '0.8em', color: '#4a5666' }}>
                    {[a.owner ? t('conference.family.owner', { name: a.owner }) : null, a.dueDate ? t('conference.family.due', { date: formatDate(a.dueDate, locale) }) : null].filter(Boolean).join(' · ')}
                  </Box>
                </Box>
              </Box>
            ))}
          </Box>
        )}
        <Box component="h3" sx={{ fontSize: '1em', m: '0.8em 0 0.3em', color: '#17506b' }}>{t('conference.family.nextMeeting')}</Box>
        <Box>
          {view.nextMeeting?.date ? formatDate(view.nextMeeting.date, locale) : t('conference.family.nextMeetingNone')}
          {view.nextMeeting?.note ? ` — ${view.nextMeeting.note}` : ''}
        </Box>
      </Box>
    </Box>
  );
}

function Panel({ view, t }: { view: FamilyLiveView; t: TFunction }) {
  const locale = view.locale;
  const p = view.panel;
  switch (p.kind) {
    case 'goals':
      return (
        <>
          <Heading>{t('conference.family.goals')}</Heading>
          {p.goals.status === 'unavailable' ? <Unavailable text={t('conference.sources.goalsUnavailable')} /> : p.goals.data.length === 0 ? <Unavailable text={t('conference.sources.goalsEmpty')} /> : <GoalsView goals={p.goals.data} t={t} locale={locale} />}
        </>
      );
    case 'tests':
      return (
        <>
          <Heading>{t('conference.family.tests')}</Heading>
          {p.tests.status === 'unavailable' ? <Unavailable text={t('conference.sources.testsUnavailable')} /> : p.tests.data.cards.length === 0 && !p.tests.data.collegeReadiness ? <Unavailable text={t('conference.sources.testsEmpty')} /> : <ScoreCardsView results={p.tests.data} t={t} />}
        </>
      );
    case 'plan':
      return (
        <>
          <Heading>{t('conference.family.plan')}</Heading>
          {p.comparison === null ? (
            <Unavailable text={t('conference.family.noComparison')} />
          ) : p.comparison.status === 'unavailable' ? (
            <Unavailable text={t('conference.sources.plansUnavailable')} />
          ) : (
            <ScenarioComparisonView comparison={p.comparison.data} t={t} />
          )}
        </>
      );
    case 'notes':
      return (
        <>
          <Heading>{t('conference.family.notes')}</Heading>
          {p.notes.length === 0 ? (
            <Unavailable text={t('conference.family.noNotes')} />
          ) : (
            <Stack spacing="0.5em">
              {p.notes.slice(-6).map((n) => (
                <Box key={n.id} sx={{ bgcolor: '#f4f6f8', borderRadius: '0.4em', p: '0.5em 0.8em', whiteSpace: 'pre-wrap', lineHeight: 1.35 }}>
                  {n.body}
                </Box>
              ))}
            </Stack>
          )}
        </>
      );
    case 'next_steps':
      return (
        <>
          <Heading>{t('conference.family.nextSteps')}</Heading>
          <NextSteps view={view} t={t} locale={locale} />
        </>
      );
    case 'summary':
      return (
        <>
          <Heading>{t('conference.family.summaryTitle')}</Heading>
          <Box component="p" sx={{ m: '0 0 0.8em' }}>{t('conference.family.summaryBody')}</Box>
          {p.acknowledgement ? (
            <Box component="p" sx={{ m: '0 0 0.8em', fontWeight: 700, color: '#1e6b3a' }}>
              {t('conference.family.summaryAcknowledged', { names: joinNames(p.acknowledgement.names, locale), date: formatDate(p.acknowledgement.date, locale) })}
            </Box>
          ) : (
            p.summaryReady && <Box component="p" sx={{ m: '0 0 0.8em', fontWeight: 600 }}>{t('conference.family.summaryAck')}</Box>
          )}
          <NextSteps view={view} t={t} locale={locale} />
        </>
      );
    default:
      return null;
  }
}

/**
 * Nobody can scroll the family screen, so what does not fit is shrunk until it does (down
 * to 55 %): each region of `main` is measured and the type scaled in 5 % steps.
 */
function useFitToScreen(content: unknown) {
  const ref = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const main = ref.current;
    if (!main) return;
    const fit = () => {
      const overflowing = () => Array.from(main.children).some((c) => (c as HTMLElement).scrollHeight > (c as HTMLElement).clientHeight + 1);
      let scale = 1;
      main.style.fontSize = '1em';
      while (overflowing() && scale > 0.55) {
        scale -= 0.05;
        main.style.fontSize = `${scale.toFixed(2)}em`;
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(main);
    return () => observer.disconnect();
  }, [content]);
  return ref;
}

function LiveScreen({ view, hint }: { view: FamilyLiveView; hint?: ReactNode }) {
  const { i18n } = useTranslation();
  const mainRef = useFitToScreen(view);
  const t = i18n.getFixedT(view.locale);
  const overview = view.panel.kind === 'overview';
  const title = view.title ?? t(`conference.purposesFamily.${view.purpose}`);
  return (
    <Box
      lang={view.locale}
      data-testid="family-live"
      sx={{ position: 'fixed', inset: 0, bgcolor: '#ffffff', color: '#1b2430', fontSize: ROOT_FONT, display: 'flex', flexDirection: 'column', overflow: 'hidden', fontFamily: '"Inter Variable", "Segoe UI", Roboto, Arial, sans-serif' }}
    >
      <Box component="header" sx={{ px: '1.4em', py: '0.7em', borderBottom: '0.12em solid #17506b', display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: '1em', bgcolor: '#f4f8fb' }}>
        <Box>
          <Box component="h1" sx={{ m: 0, fontSize: '1.55em', fontWeight: 750, color: '#17506b', letterSpacing: '-0.01em' }}>
            {t('conference.family.conferenceFor', { name: view.studentName })}
          </Box>
          <Box sx={{ fontSize: '0.95em', fontWeight: 600 }}>
            {title}
            {view.gradeLevel ? ` · ${t(`common.grade.${view.gradeLevel}`)}` : ''}
          </Box>
        </Box>
        <Box sx={{ fontSize: '0.85em', color: '#4a5666', textAlign: 'right' }}>{formatDate(view.startedAt, view.locale)}</Box>
      </Box>
      <Box component="main" ref={mainRef} sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: overview ? '1.6fr 1fr' : '2.4fr 1fr', gap: '1.4em', px: '1.4em', py: '1em' }}>
        {overview ? (
          <>
            <Box component="section" aria-label={t('conference.family.agenda')} sx={{ minHeight: 0, overflow: 'hidden' }}>
              <Heading>{t('conference.family.agenda')}</Heading>
              <Checklist items={view.agenda} t={t} big />
            </Box>
            <Box component="section" aria-label={t('conference.family.attending')} sx={{ minHeight: 0, overflow: 'hidden' }}>
              <Heading>{t('conference.family.attending')}</Heading>
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                {view.attendees.map((a, i) => (
                  <Box component="li" key={i} sx={{ mb: '0.5em' }}>
                    <Box sx={{ fontWeight: 650 }}>{a.name}</Box>
                    <Box sx={{ fontSize: '0.8em', color: '#4a5666' }}>{a.role === 'guardian' && a.detail ? a.detail : [t(`conference.roles.${a.role}`), a.detail].filter(Boolean).join(' · ')}</Box>
                  </Box>
                ))}
              </Box>
            </Box>
          </>
        ) : (
          <>
            <Box component="section" sx={{ minHeight: 0, overflow: 'hidden' }}>
              <Panel view={view} t={t} />
            </Box>
            <Box component="aside" aria-label={t('conference.family.agenda')} sx={{ minHeight: 0, overflow: 'hidden', borderLeft: 1, borderColor: '#dde3ea', pl: '1em' }}>
              <Box component="h2" sx={{ fontSize: '0.9em', fontWeight: 700, color: '#4a5666', m: '0 0 0.5em' }}>
                {t('conference.family.today')}
              </Box>
              <Checklist items={view.agenda} t={t} />
            </Box>
          </>
        )}
      </Box>
      {hint}
    </Box>
  );
}
