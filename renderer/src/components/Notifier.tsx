import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Alert, Snackbar } from '@mui/material';

type Severity = 'success' | 'info' | 'warning' | 'error';
const NotifyContext = createContext<(message: string, severity?: Severity) => void>(() => undefined);

/** Short confirmations ("Saved.") announced to screen readers through the alert role. */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<{ message: string; severity: Severity; key: number } | null>(null);
  const notify = useCallback((message: string, severity: Severity = 'success') => setNote({ message, severity, key: Date.now() }), []);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar key={note?.key} open={!!note} autoHideDuration={5000} onClose={() => setNote(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        {note ? (
          <Alert severity={note.severity} variant="filled" onClose={() => setNote(null)}>
            {note.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify() {
  return useContext(NotifyContext);
}
