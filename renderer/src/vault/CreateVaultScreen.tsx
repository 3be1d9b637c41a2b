import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrasePolicy';
import { errorText } from '../components/errorText';
import { GateLayout } from './GateLayout';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter, useStrength } from './StrengthMeter';

interface Props {
  status: VaultStatus;
  onStatus: (s: VaultStatus) => void;
  onCreated: (recoveryKey: string, status: VaultStatus) => void;
  onCancel: () => void;
}

export function CreateVaultScreen({ status, onStatus, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touchedConfirm, setTouchedConfirm] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(passphrase);
  const mismatch = confirm !== '' && confirm !== passphrase;
  const canSubmit = !!strength?.acceptable && confirm === passphrase && !busy;

  async function changeLocation() {
    setError(null);
    try {
      onStatus(await api.vault.chooseNewLocation());
    } catch (err) {
      setError(err);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.vault.create({ newPassphrase: passphrase, confirmPassphrase: confirm });
      setPassphrase('');
      setConfirm('');
      onCreated(result.recoveryKey, result.status);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <GateLayout>
      <Stack component="form" spacing={3} onSubmit={submit} noValidate>
        <Typography variant="h1">{t('vault.create.title')}</Typography>
        <Typography color="text.secondary">{t('vault.create.body')}</Typography>
        <Box>
          <Typography variant="overline" color="text.secondary" component="p">
            {t('vault.create.location')}
          </Typography>
          <Stack sx={{ alignItems: 'center' }} direction="row" spacing={2}>
            <Typography sx={{ wordBreak: 'break-all', flex: 1 }} data-testid="new-vault-location">
              {status.newLocation}
            </Typography>
            <Button onClick={changeLocation} disabled={busy}>
              {t('vault.create.change')}
            </Button>
          </Stack>
        </Box>
        <Box>
          <PassphraseField
            label={t('vault.create.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoFocus
            disabled={busy}
            helperText={t('vault.create.minLength', { count: MIN_PASSPHRASE_LENGTH })}
            slotProps={{ htmlInput: { 'aria-describedby': 'strength' } }}
          />
          <StrengthMeter strength={strength} id="strength" />
        </Box>
        <PassphraseField
          label={t('vault.create.confirm')}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          onBlur={() => setTouchedConfirm(true)}
          disabled={busy}
          error={touchedConfirm && mismatch}
          helperText={touchedConfirm && mismatch ? t('vault.create.mismatch') : ' '}
        />
        {error !== null && (
          <Alert severity="error" role="alert">
            {errorText(t, error)}
          </Alert>
        )}
        <Stack sx={{ justifyContent: 'flex-end' }} direction="row" spacing={2}>
          <Button onClick={onCancel} disabled={busy}>
            {t('common.actions.cancel')}
          </Button>
          <Button type="submit" variant="contained" size="large" disabled={!canSubmit}>
            {busy ? t('vault.create.working') : t('vault.create.submit')}
          </Button>
        </Stack>
      </Stack>
    </GateLayout>
  );
}
