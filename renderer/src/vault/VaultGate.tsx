import { useEffect, useState, type ReactNode } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, subscribe } from '../api/client';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { UnlockScreen } from './UnlockScreen';
import { WelcomeScreen } from './WelcomeScreen';
import { CreateVaultScreen } from './CreateVaultScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { RecoverScreen } from './RecoverScreen';

export const VAULT_STATUS_KEY = ['vault', 'status'] as const;

type LockReason = 'user' | 'idle' | 'os-lock' | 'suspend' | 'quit';

/**
 * Nothing behind this gate renders until the vault is unlocked. When the main process
 * locks (button, idle, OS lock, sleep) every cached query is dropped at once, so no
 * student data stays in the renderer.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: VAULT_STATUS_KEY, queryFn: () => api.vault.status(), staleTime: Infinity });
  const [mode, setMode] = useState<'default' | 'create' | 'recover'>('default');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [lockReason, setLockReason] = useState<LockReason | null>(null);

  useEffect(
    () =>
      subscribe('vault.locked', ({ reason }) => {
        qc.clear();
        setRecoveryKey(null);
        setMode('default');
        setLockReason(reason);
        void qc.fetchQuery({ queryKey: VAULT_STATUS_KEY, queryFn: () => api.vault.status() });
      }),
    [qc],
  );

  const setStatus = (next: VaultStatus) => {
    qc.setQueryData(VAULT_STATUS_KEY, next);
    if (next.state === 'unlocked') setLockReason(null);
  };

  if (!status.data) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    );
  }
  const s = status.data;
  if (recoveryKey) return <RecoveryKeyScreen recoveryKey={recoveryKey} folder={s.location ?? ''} onDone={() => setRecoveryKey(null)} />;
  if (s.state === 'unlocked') return <>{children}</>;
  if (mode === 'create' || (s.state === 'none' && mode !== 'default')) {
    return (
      <CreateVaultScreen
        status={s}
        onStatus={setStatus}
        onCreated={(key, next) => {
          setRecoveryKey(key);
          setMode('default');
          setStatus(next);
        }}
        onCancel={() => setMode('default')}
      />
    );
  }
  if (s.state === 'none') return <WelcomeScreen status={s} onStatus={setStatus} onCreate={() => setMode('create')} />;
  if (mode === 'recover') return <RecoverScreen status={s} onStatus={setStatus} onBack={() => setMode('default')} />;
  return <UnlockScreen status={s} lockReason={lockReason} onStatus={setStatus} onRecover={() => setMode('recover')} onCreate={() => setMode('create')} />;
}
