import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Divider, Link, Stack, Typography } from '@mui/material';
import FolderOpen from '@mui/icons-material/FolderOpenOutlined';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { errorText, formatWait } from '../components/errorText';
import { GateLayout } from './GateLayout';
import { PassphraseField } from './PassphraseField';

interface Props {
  status: VaultStatus;
  lockReason: string | null;
  onStatus: (s: VaultStatus) => void;
  onRecover: () => void;
  onCreate: () => void;
}

/** Milliseconds left until `until`, ticking every second while there is time left. */
function useRemaining(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Read the clock at once when `until` changes: the last tick may be long past, and
    // counting from it would show a longer wait than the real one.
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= until) clearInterval(id);
    };
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [until]);
  return Math.max(0, until - now);
}

export function UnlockScreen({ status, lockReason, onStatus, onRecover, onCreate }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(() => Date.now() + status.retryAfterMs);
  const remaining = useRemaining(waitUntil);
  const input = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!passphrase || busy || remaining > 0) return;
    setBusy(true);
    setError(null);
    setHint(null);
    try {
      onStatus(await api.vault.unlock({ passphrase }));
    } catch (err) {
      setError(err);
      const details = (isApiError(err) ? err.details : null) as { retryAfterMs?: number; triesBeforeDelay?: number } | null;
      if (details?.retryAfterMs) setWaitUntil(Date.now() + details.retryAfterMs);
      if (isApiError(err, 'WRONG_PASSPHRASE') && details && details.triesBeforeDelay !== undefined && details.triesBeforeDelay > 0) {
        setHint(t('vault.unlock.triesLeft', { count: details.triesBeforeDelay }));
      }
      setPassphrase('');
      setTimeout(() => input.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  async function openOther() {
    setError(null);
    try {
      onStatus(await api.vault.chooseExisting());
    } catch (err) {
      setError(err);
    }
  }

  const reasonText = lockReason && lockReason !== 'user' && lockReason !== 'quit' ? t(`common.locked.${lockReason}`) : null;

  return (
    <GateLayout>
      <Stack component="form" spacing={3} onSubmit={submit} noValidate>
        <Box>
          <Typography variant="h1" gutterBottom>
            {t('vault.unlock.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
            {t('vault.unlock.location')}: {status.location}
          </Typography>
        </Box>
        {reasonText && <Alert severity="info">{reasonText}</Alert>}
        {status.problem && <Alert severity="warning">{t(`common.errors.${status.problem.code}`)}</Alert>}
        <PassphraseField
          inputRef={input}
          label={t('vault.unlock.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoFocus
          disabled={busy}
          error={error !== null}
        />
        {remaining > 0 ? (
          <Alert severity="warning" role="alert">
            {t('common.errors.UNLOCK_THROTTLED', { time: formatWait(t, remaining) })}
          </Alert>
        ) : (
          error !== null &&
          !isApiError(error, 'UNLOCK_THROTTLED') && (
            <Alert severity="error" role="alert">
              {errorText(t, error)}
              {hint && <Box>{hint}</Box>}
            </Alert>
          )
        )}
        <Button type="submit" variant="contained" size="large" disabled={busy || !passphrase || remaining > 0}>
          {busy ? t('vault.unlock.working') : t('vault.unlock.submit')}
        </Button>
        <Link component="button" type="button" onClick={onRecover} sx={{ alignSelf: 'flex-start' }}>
          {t('vault.unlock.useRecovery')}
        </Link>
        <Divider />
        <Stack sx={{ flexWrap: 'wrap' }} direction="row" spacing={1} useFlexGap>
          <Button startIcon={<FolderOpen />} onClick={openOther}>
            {t('vault.unlock.openOther')}
          </Button>
          <Button onClick={onCreate}>{t('vault.unlock.createNew')}</Button>
        </Stack>
      </Stack>
    </GateLayout>
  );
}
