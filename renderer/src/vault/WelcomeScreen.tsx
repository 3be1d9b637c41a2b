import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import FolderOpen from '@mui/icons-material/FolderOpenOutlined';
import AddCircleOutline from '@mui/icons-material/AddCircleOutlineOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { errorText } from '../components/errorText';
import { GateLayout } from './GateLayout';

export function WelcomeScreen({ status, onStatus, onCreate }: { status: VaultStatus; onStatus: (s: VaultStatus) => void; onCreate: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  async function open() {
    setError(null);
    try {
      onStatus(await api.vault.chooseExisting());
    } catch (err) {
      setError(err);
    }
  }
  return (
    <GateLayout>
      <Stack spacing={3}>
        <Typography variant="h1">{t('vault.welcome.title')}</Typography>
        <Typography color="text.secondary">{t('vault.welcome.body')}</Typography>
        {status.problem && (
          <Alert severity="warning">
            {t(`common.errors.${status.problem.code}`)} {status.location && <span style={{ wordBreak: 'break-all' }}>({status.location})</span>}
          </Alert>
        )}
        {error !== null && (
          <Alert severity="error" role="alert">
            {errorText(t, error)}
          </Alert>
        )}
        <Button variant="contained" size="large" startIcon={<AddCircleOutline />} onClick={onCreate} autoFocus>
          {t('vault.welcome.create')}
        </Button>
        <Button variant="outlined" size="large" startIcon={<FolderOpen />} onClick={open}>
          {t('vault.welcome.open')}
        </Button>
      </Stack>
    </GateLayout>
  );
}
