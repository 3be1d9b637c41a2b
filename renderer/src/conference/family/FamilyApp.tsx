import { useEffect, useMemo, useState } from 'react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useFamilySnapshot } from './useFamilySnapshot';
import { setLanguage } from '../../i18n';
import { makeTheme } from '../../theme';
import type { Locale } from '../../../../shared/i18n/locales';
import { FamilyView } from './FamilyView';
import { HIDE_KEY, isKey } from '../keys';

/**
 * The family window's whole app (#/family in a window registered with role 'family'). It can
 * call only family-scope operations: there is no vault screen, no router, no console code
 * path. It shows the snapshot the main process builds and asks again on every signal.
 */
function FamilyScreen() {
  const snapshot = useFamilySnapshot();
  const [lastLocale, setLastLocale] = useState<Locale | undefined>(undefined);
  // If the counselor's focus lands here, the hide key still blanks the screen (it cannot un-blank).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isKey(e, HIDE_KEY)) {
        e.preventDefault();
        void api.family.hide();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The paused and idle screens keep speaking the language last shown (derived during render).
  const liveLocale = snapshot?.state === 'live' ? snapshot.view.locale : undefined;
  if (liveLocale && liveLocale !== lastLocale) setLastLocale(liveLocale);
  useEffect(() => {
    if (liveLocale) document.documentElement.lang = liveLocale;
  }, [liveLocale]);
  return <FamilyView snapshot={snapshot} locale={lastLocale} />;
}

function Themed() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get(), staleTime: Infinity });
  const theme = useMemo(() => makeTheme('light'), []);
  useEffect(() => {
    if (settings.data) setLanguage(settings.data.language);
    document.title = 'Waypoint';
  }, [settings.data]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <FamilyScreen />
    </ThemeProvider>
  );
}

export function FamilyApp() {
  const client = useMemo(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } }), []);
  return (
    <QueryClientProvider client={client}>
      <Themed />
    </QueryClientProvider>
  );
}
