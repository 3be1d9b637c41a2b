import { Box, Stack } from '@mui/material';
import Check from '@mui/icons-material/Check';
import Close from '@mui/icons-material/Close';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import type { TFunction } from 'i18next';
import type { ScenarioComparison } from '../../../../shared/ipc/contract';

const cell = { borderBottom: 1, borderColor: 'divider', px: '0.5em', py: '0.3em', textAlign: 'left' as const, verticalAlign: 'top' as const };
/** A value that differs from the baseline (the first scenario) is highlighted. */
const changed = { bgcolor: '#fff4cc', fontWeight: 700 };
const fmt = (n: number) => String(Math.round(n * 100) / 100);

function MetMark({ met, t }: { met: boolean; t: TFunction }) {
  return (
    <Stack direction="row" component="span" spacing="0.2em" sx={{ alignItems: 'center', color: met ? 'success.main' : 'error.main', display: 'inline-flex' }}>
      {met ? <Check sx={{ fontSize: '1.1em' }} aria-hidden /> : <Close sx={{ fontSize: '1.1em' }} aria-hidden />}
      <span>{t(met ? 'conference.family.met' : 'conference.family.notMet')}</span>
    </Stack>
  );
}

/**
 * Two or three plan scenarios side by side, as the course-plans concern compared them: each
 * plan's verdict, credits and endorsement; what changes, in plain words; credits by area and
 * the courses year by year, with every difference from the first plan highlighted.
 */
export function ScenarioComparisonView({ comparison: c, t }: { comparison: ScenarioComparison; t: TFunction }) {
  const cols = c.scenarios.length;
  const base = c.scenarios[0];
  const grades = [...new Set(c.scenarios.flatMap((s) => s.years.map((y) => y.grade)))].sort();
  const gradeLabel = (g: string) => c.scenarios.flatMap((s) => s.years).find((y) => y.grade === g)?.gradeLabel ?? g;
  const yearOf = (i: number, g: string) => c.scenarios[i].years.find((y) => y.grade === g);
  const inBase = (g: string, code: string, term: string) => !!yearOf(0, g)?.courses.some((x) => x.code === code && x.term === term);
  return (
    <Stack spacing="0.9em">
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gap: '0.8em' }}>
        {c.scenarios.map((s) => {
          const total = s.credits.earned + s.credits.inProgress + s.credits.planned;
          return (
            <Box key={s.id} sx={{ border: 2, borderColor: s.isActive ? 'primary.main' : 'divider', borderRadius: '0.5em', p: '0.7em', bgcolor: 'background.paper' }}>
              <Box sx={{ fontWeight: 700, fontSize: '1.1em' }}>{s.name}</Box>
              {s.isActive && <Box sx={{ fontSize: '0.75em', fontWeight: 700, color: 'primary.main', textTransform: 'uppercase', letterSpacing: '0.05em' }}>{t('conference.family.activePlan')}</Box>}
              <Box sx={{ fontSize: '0.9em' }}>{s.programLabel}</Box>
              {s.endorsement && (
                <Box sx={{ fontSize: '0.9em' }}>
                  {t('conference.family.endorsement', { name: s.endorsement.label })} · <MetMark met={s.endorsement.met} t={t} />
                </Box>
              )}
              <Box sx={{ fontSize: '0.9em' }}>{t('conference.family.creditsOf', { credits: fmt(total), required: fmt(s.credits.required) })}</Box>
              {s.distinguishedLevel?.applicable && (
                <Box sx={{ fontSize: '0.9em' }}>
                  {s.distinguishedLevel.label} · <MetMark met={s.distinguishedLevel.met} t={t} />
                </Box>
              )}
              <Box sx={{ display: 'inline-block', mt: '0.3em', fontSize: '0.85em', fontWeight: 700, px: '0.6em', py: '0.15em', borderRadius: '1em', bgcolor: s.onTrack ? '#e4f2e8' : '#fdf0d9', color: s.onTrack ? '#1e6b3a' : '#7a4a0b' }}>{s.statusLabel}</Box>
              {s.reasons.length > 0 && (
                <Box component="ul" sx={{ m: '0.3em 0 0', pl: '1.1em', fontSize: '0.8em' }}>
                  {s.reasons.slice(0, 4).map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </Box>
              )}
            </Box>
          );
        })}
      </Box>

      {c.differences.map((d) => {
        const other = c.scenarios.find((s) => s.id === d.scenarioId);
        const from = c.scenarios.find((s) => s.id === d.comparedWithId);
        return (
          <Box key={d.scenarioId} component="section" aria-label={`${other?.name ?? ''}: ${t('conference.family.changes', { name: from?.name ?? '' })}`}>
            <Box sx={{ fontWeight: 700 }}>
              {other?.name} — {t('conference.family.changes', { name: from?.name ?? '' })}
            </Box>
            <Box component="ul" sx={{ m: 0, pl: '1.2em' }}>
              {d.sentences.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </Box>
          </Box>
        );
      })}

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
          {base.areas.map((area) => (
            <tr key={area.code}>
              <Box component="th" scope="row" sx={{ ...cell, fontWeight: 600 }}>{area.label}</Box>
              <Box component="td" sx={cell}>{fmt(area.required)}</Box>
              {c.scenarios.map((s, i) => {
                const a = s.areas.find((x) => x.code === area.code);
                const differs = i > 0 && a?.reached !== area.reached;
                return (
                  <Box component="td" key={s.id} sx={{ ...cell, ...(differs ? changed : {}), color: a && !a.met ? 'warning.dark' : undefined }}>
                    {a ? fmt(a.reached) : '—'}
                  </Box>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>

      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontSize: '0.85em', tableLayout: 'fixed' }}>
        <caption style={{ textAlign: 'left', fontWeight: 700, paddingBottom: '0.3em' }}>{t('conference.family.yearByYear')}</caption>
        <thead>
          <tr>
            <Box component="th" scope="col" sx={{ ...cell, width: '7em' }}>{t('conference.family.year')}</Box>
            {c.scenarios.map((s) => (
              <Box component="th" scope="col" key={s.id} sx={cell}>{s.name}</Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {grades.map((g) => (
            <tr key={g}>
              <Box component="th" scope="row" sx={{ ...cell, fontWeight: 600 }}>{gradeLabel(g)}</Box>
              {c.scenarios.map((s, i) => {
                const y = yearOf(i, g);
                return (
                  <Box component="td" key={s.id} sx={cell}>
                    {!y || y.courses.length === 0 ? (
                      <Box sx={{ color: 'text.secondary' }}>{t('conference.family.noCourses')}</Box>
                    ) : (
                      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
                        {y.courses.map((x) => {
                          const added = i > 0 && !inBase(g, x.code, x.term);
                          const about = [x.term !== 'year' ? x.termLabel : null, x.status === 'completed' || x.status === 'in-progress' ? x.statusLabel : null].filter(Boolean).join(', ');
                          return (
                            <Box component="li" key={`${x.code}-${x.term}`} sx={{ mb: '0.15em', ...(added ? changed : {}) }}>
                              {x.title}
                              {about && (
                                <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
                                  {' '}
                                  · {about}
                                </Box>
                              )}
                            </Box>
                          );
                        })}
                      </Box>
                    )}
                  </Box>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>

      {c.ruleSet.uncertainNote && (
        <Stack direction="row" spacing="0.3em" sx={{ fontSize: '0.8em', color: 'text.secondary', alignItems: 'center' }}>
          <InfoOutlined sx={{ fontSize: '1.2em' }} aria-hidden />
          <span>{t('conference.family.uncertain', { note: c.ruleSet.uncertainNote })}</span>
        </Stack>
      )}
    </Stack>
  );
}
