import { Box, Stack } from '@mui/material';
import Check from '@mui/icons-material/Check';
import Close from '@mui/icons-material/Close';
import WarningAmber from '@mui/icons-material/WarningAmber';
import type { TFunction } from 'i18next';
import type { ScenarioComparison } from '../../../../shared/ipc/contract';

const OUTLOOK: Record<ScenarioComparison['scenarios'][number]['outlook']['tone'], { bg: string; fg: string }> = {
  on_track: { bg: '#e4f2e8', fg: '#1e6b3a' },
  at_risk: { bg: '#fdf0d9', fg: '#7a4a0b' },
  off_track: { bg: '#fbe4e2', fg: '#9c1f17' },
};

const cell = { borderBottom: 1, borderColor: 'divider', px: '0.5em', py: '0.3em', textAlign: 'left' as const };
/** A value that differs from the baseline (the first scenario) is highlighted. */
const changed = { bgcolor: '#fff4cc', fontWeight: 700 };

/** Two or three plan scenarios side by side, differences from the first highlighted. */
export function ScenarioComparisonView({ comparison: c, t }: { comparison: ScenarioComparison; t: TFunction }) {
  const cols = c.scenarios.length;
  return (
    <Stack spacing="0.8em">
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, 1fr)`, gap: '0.8em' }}>
        {c.scenarios.map((s) => (
          <Box key={s.id} sx={{ border: 2, borderColor: s.isActive ? 'primary.main' : 'divider', borderRadius: '0.5em', p: '0.7em', bgcolor: 'background.paper' }}>
            <Box sx={{ fontWeight: 700, fontSize: '1.1em' }}>{s.name}</Box>
            {s.isActive && <Box sx={{ fontSize: '0.75em', fontWeight: 700, color: 'primary.main', textTransform: 'uppercase', letterSpacing: '0.05em' }}>{t('conference.family.activePlan')}</Box>}
            {s.endorsement && <Box sx={{ fontSize: '0.9em' }}>{t('conference.family.endorsement', { name: s.endorsement })}</Box>}
            <Box sx={{ fontSize: '0.9em' }}>{t('conference.family.creditsOf', { credits: s.totalCredits, required: s.requiredCredits })}</Box>
            <Box sx={{ display: 'inline-block', mt: '0.3em', fontSize: '0.85em', fontWeight: 700, px: '0.6em', py: '0.15em', borderRadius: '1em', bgcolor: OUTLOOK[s.outlook.tone].bg, color: OUTLOOK[s.outlook.tone].fg }}>{s.outlook.text}</Box>
          </Box>
        ))}
      </Box>

      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.9em' }}>
        <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: '0.3em' }}>{t('conference.family.credits')}</caption>
        <thead>
          <tr>
            <Box component="th" scope="col" sx={cell}>{t('conference.family.area')}</Box>
            <Box component="th" scope="col" sx={cell}>{t('conference.family.required')}</Box>
            {c.scenarios.map((s) => (
              <Box component="th" scope="col" key={s.id} sx={cell}>{s.name}</Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.creditsByArea.map((row) => (
            <tr key={row.area}>
              <Box component="th" scope="row" sx={{ ...cell, fontWeight: 600 }}>{row.area}</Box>
              <Box component="td" sx={cell}>{row.required}</Box>
              {row.credits.map((v, i) => (
                <Box component="td" key={i} sx={{ ...cell, ...(i > 0 && v !== row.credits[0] ? changed : {}), color: v < row.required ? 'warning.main' : undefined }}>{v}</Box>
              ))}
            </tr>
          ))}
        </tbody>
      </Box>

      {c.requirements.length > 0 && (
        <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.9em' }}>
          <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: '0.3em' }}>{t('conference.family.requirements')}</caption>
          <tbody>
            {c.requirements.map((r) => (
              <tr key={r.label}>
                <Box component="th" scope="row" sx={{ ...cell, fontWeight: 600 }}>{r.label}</Box>
                {r.met.map((m, i) => (
                  <Box component="td" key={i} sx={{ ...cell, ...(i > 0 && m !== r.met[0] ? changed : {}) }}>
                    <Stack direction="row" spacing="0.2em" sx={{ alignItems: 'center', color: m ? 'success.main' : 'error.main' }}>
                      {m ? <Check sx={{ fontSize: '1.1em' }} aria-hidden /> : <Close sx={{ fontSize: '1.1em' }} aria-hidden />}
                      <span>{t(m ? 'conference.family.met' : 'conference.family.notMet')}</span>
                    </Stack>
                  </Box>
                ))}
              </tr>
            ))}
          </tbody>
        </Box>
      )}

      {c.scenarios.slice(1).map((s, k) => {
        const changes = c.courseChanges.filter((x) => x.scenarioIndex === k + 1);
        const warnings = c.prerequisiteWarnings.filter((w) => w.scenarioIndex === k + 1);
        if (!changes.length && !warnings.length) return null;
        return (
          <Box key={s.id}>
            <Box sx={{ fontWeight: 700 }}>{t('conference.family.changes', { name: c.scenarios[0].name })} → {s.name}</Box>
            <Box component="ul" sx={{ m: 0, pl: '1.2em' }}>
              {changes.map((x, i) => (
                <li key={i}>
                  <b>{t(`conference.family.changeKinds.${x.kind}`)}:</b> {x.course}
                  {x.detail ? ` — ${x.detail}` : ''}
                </li>
              ))}
              {warnings.map((w, i) => (
                <Box component="li" key={`w${i}`} sx={{ color: 'warning.main' }}>
                  <WarningAmber sx={{ fontSize: '1em', verticalAlign: '-0.15em' }} aria-hidden /> <b>{t('conference.family.warnings')}:</b> {w.text}
                </Box>
              ))}
            </Box>
          </Box>
        );
      })}
      {c.uncertainRules.map((u) => (
        <Box key={u} sx={{ fontSize: '0.8em', color: 'warning.main' }}>
          {t('conference.family.uncertain', { note: u })}
        </Box>
      ))}
    </Stack>
  );
}
