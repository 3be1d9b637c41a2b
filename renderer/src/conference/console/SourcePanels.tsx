import { useState } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ConferenceConsoleView, FamilyPanel } from '../../../../shared/ipc/contract';
import { GoalsView } from '../views/GoalsView';
import { ScoreCardsView } from '../views/ScoreCardsView';
import { ScenarioComparisonView } from '../views/ScenarioComparisonView';
import { useUiLocale } from '../useConference';

/** "Not available" said plainly: the feature that records this is not in this vault yet. */
function NotAvailable({ text, hint }: { text: string; hint: string }) {
  return (
    <Box sx={{ py: 2 }}>
      <Typography sx={{ fontWeight: 600 }}>{text}</Typography>
      <Typography variant="body2" color="text.secondary">
        {hint}
      </Typography>
    </Box>
  );
}

function ShowButton({ panel, view, onFocus }: { panel: FamilyPanel; view: ConferenceConsoleView; onFocus: (p: FamilyPanel) => void }) {
  const { t } = useTranslation();
  const showing = view.presentation.conferenceId === view.record.conference.id && view.presentation.focus === panel;
  return (
    <Button size="small" variant={showing ? 'contained' : 'outlined'} onClick={() => onFocus(panel)} aria-pressed={showing}>
      {t('conference.summaryCard.showFamily')}
    </Button>
  );
}

export function GoalsPanel({ view, onFocus }: { view: ConferenceConsoleView; onFocus: (p: FamilyPanel) => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const goals = view.sources.goals;
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 1 }}>
        <ShowButton panel="goals" view={view} onFocus={onFocus} />
      </Stack>
      {goals.status === 'unavailable' ? (
        <NotAvailable text={t('conference.sources.goalsUnavailable')} hint={t('conference.sources.goalsUnavailableHint')} />
      ) : goals.data.length === 0 ? (
        <Typography color="text.secondary">{t('conference.sources.goalsEmpty')}</Typography>
      ) : (
        <Box sx={{ fontSize: 14 }}>
          <GoalsView goals={goals.data} t={t} locale={locale} />
        </Box>
      )}
    </Box>
  );
}

export function TestsPanel({ view, onFocus }: { view: ConferenceConsoleView; onFocus: (p: FamilyPanel) => void }) {
  const { t } = useTranslation();
  const tests = view.sources.tests;
  return (
    <Box>
      <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 1 }}>
        <ShowButton panel="tests" view={view} onFocus={onFocus} />
      </Stack>
      {tests.status === 'unavailable' ? (
        <NotAvailable text={t('conference.sources.testsUnavailable')} hint={t('conference.sources.testsUnavailableHint')} />
      ) : tests.data.cards.length === 0 && !tests.data.collegeReadiness ? (
        <Typography color="text.secondary">{t('conference.sources.testsEmpty')}</Typography>
      ) : (
        <Box sx={{ fontSize: 14 }}>
          <ScoreCardsView results={tests.data} t={t} />
        </Box>
      )}
    </Box>
  );
}

/** Choose 2–3 scenarios, put them side by side on the family screen. */
export function PlanPanel({ view, onCompare, readOnly }: { view: ConferenceConsoleView; onCompare: (ids: number[]) => Promise<void>; readOnly: boolean }) {
  const { t } = useTranslation();
  const scenarios = view.sources.scenarios;
  const presented = view.presentation.conferenceId === view.record.conference.id ? view.presentation.scenarioIds : [];
  const [chosen, setChosen] = useState<number[]>(presented);
  if (scenarios.status === 'unavailable') return <NotAvailable text={t('conference.sources.plansUnavailable')} hint={t('conference.sources.plansUnavailableHint')} />;
  if (scenarios.data.length === 0) return <Typography color="text.secondary">{t('conference.sources.plansEmpty')}</Typography>;
  const comparison = view.sources.comparison;
  return (
    <Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <Typography component="legend" variant="body2" sx={{ fontWeight: 600 }}>
          {t('conference.sources.choosePlans')}
        </Typography>
        <FormGroup row>
          {scenarios.data.map((s) => (
            <FormControlLabel
              key={s.id}
              control={<Checkbox checked={chosen.includes(s.id)} disabled={readOnly || (!chosen.includes(s.id) && chosen.length >= 3)} onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))} />}
              label={`${s.name}${s.isActive ? ` (${t('conference.sources.activePlan')})` : ''}`}
            />
          ))}
        </FormGroup>
      </Box>
      <Stack direction="row" spacing={1} sx={{ my: 1 }}>
        <Button size="small" variant="contained" disabled={readOnly || chosen.length < 2} onClick={() => void onCompare(chosen)}>
          {t('conference.sources.showPlans')}
        </Button>
        {presented.length > 0 && (
          <Button size="small" onClick={() => void onCompare([]).then(() => setChosen([]))}>
            {t('conference.sources.clearPlans')}
          </Button>
        )}
      </Stack>
      {comparison && comparison.status === 'available' && (
        <Box sx={{ fontSize: 14 }}>
          <ScenarioComparisonView comparison={comparison.data} t={t} />
        </Box>
      )}
      {comparison && comparison.status === 'unavailable' && <Alert severity="info">{t('conference.sources.plansUnavailable')}</Alert>}
    </Box>
  );
}

export async function compareScenarios(view: ConferenceConsoleView, ids: number[]) {
  return api.presentation.compare({ conferenceId: view.record.conference.id, scenarioIds: ids });
}
