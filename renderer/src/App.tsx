import { useEffect, useMemo } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { CssBaseline, GlobalStyles, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { api } from './api/client';
import { setLanguage } from './i18n';
import { makeTheme } from './theme';
import { VaultGate } from './vault/VaultGate';
import { AppShell } from './shell/AppShell';
import { CaseloadScreen } from './caseload/CaseloadScreen';
import { StudentScreen } from './student/StudentScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { NotifierProvider } from './components/Notifier';
import { EXTRA_ROUTES } from './shell/routes';

const queryClient = new QueryClient({
  defaultOptions: {
    // Data lives in the local vault: no background refetching, no retries of a refused call.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/caseload" replace /> },
      { path: 'caseload', element: <CaseloadScreen /> },
      { path: 'students/:id', element: <StudentScreen /> },
      { path: 'students/:id/:tab', element: <StudentScreen /> },
      ...EXTRA_ROUTES,
      { path: 'settings', element: <SettingsScreen /> },
      { path: '*', element: <Navigate to="/caseload" replace /> },
    ],
  },
]);

/** Print: only the print-only sheet (e.g. the recovery key), never the app around it. */
const printStyles = (
  <GlobalStyles
    styles={{
      '.print-only': { display: 'none' },
      '@media print': { '.screen-only': { display: 'none !important' }, '.print-only': { display: 'block !important' } },
    }}
  />
);

function Themed() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get(), staleTime: Infinity });
  const theme = useMemo(() => makeTheme(settings.data?.theme ?? 'light'), [settings.data?.theme]);
  useEffect(() => {
    if (settings.data) setLanguage(settings.data.language);
  }, [settings.data]);
  if (!settings.data) return null;
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {printStyles}
      <NotifierProvider>
        <VaultGate>
          <RouterProvider router={router} />
        </VaultGate>
      </NotifierProvider>
    </ThemeProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Themed />
    </QueryClientProvider>
  );
}
