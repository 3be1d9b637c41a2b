import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { errorText } from '../components/errorText';
import { GateLayout } from './GateLayout';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter, useStrength } from './StrengthMeter';

export function RecoverScreen({ status, onStatus, onBack }: { status: VaultStatus; onStatus: (s: VaultStatus) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(passphrase);
  const mismatch = confirm !== '' && confirm !== passphrase;
  const canSubmit = key.trim() !== '' && !!strength?.acceptable && confirm === passphrase && !busy;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      onStatus(await api.vault.unlockWithRecoveryKey({ recoveryKey: key, newPassphrase: passphrase, confirmPassphrase: confirm }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <GateLayout wide>
      <Stack component="form" spacing={3} onSubmit={submit} noValidate>
        <Typography variant="h1">{t('vault.recover.title')}</Typography>
        <Typography color="text.secondary">{t('vault.recover.body')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
          {t('vault.unlock.location')}: {status.location}
        </Typography>
        <TextField
          label={t('vault.recover.key')}
          helperText={t('vault.recover.keyHelp')}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          autoFocus
          multiline
          minRows={2}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters', style: { fontFamily: 'monospace', letterSpacing: '0.06em' } } }}
        />
        <Box>
          <PassphraseField label={t('vault.recover.newPassphrase')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} slotProps={{ htmlInput: { 'aria-describedby': 'recover-strength' } }} />
          <StrengthMeter strength={strength} id="recover-strength" />
        </Box>
        <PassphraseField
          label={t('vault.recover.confirm')}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch}
          helperText={mismatch ? t('vault.create.mismatch') : ' '}
        />
        {error !== null && (
          <Alert severity="error" role="alert">
            {errorText(t, error)}
          </Alert>
        )}
        <Stack sx={{ justifyContent: 'space-between' }} direction="row" spacing={2}>
          <Button onClick={onBack}>{t('vault.recover.back')}</Button>
          <Button type="submit" variant="contained" size="large" disabled={!canSubmit}>
            {t('vault.recover.submit')}
          </Button>
        </Stack>
      </Stack>
    </GateLayout>
  );
}
