import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { AUTO_LOCK_CHOICES } from '../../../shared/ipc/contract';
import { errorText } from '../components/errorText';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PassphraseField } from '../vault/PassphraseField';
import { StrengthMeter, useStrength } from '../vault/StrengthMeter';
import { VAULT_STATUS_KEY } from '../vault/VaultGate';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardContent sx={{ p: 3 }}>
        <Typography variant="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const strength = useStrength(next);
  const change = useMutation({
    mutationFn: () => api.vault.changePassphrase({ currentPassphrase: current, newPassphrase: next, confirmPassphrase: confirm }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const mismatch = confirm !== '' && confirm !== next;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (current && strength?.acceptable && !mismatch && confirm) change.mutate();
  };
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate sx={{ maxWidth: 520 }}>
      <Typography color="text.secondary">{t('settings.passphrase.body')}</Typography>
      <PassphraseField label={t('settings.passphrase.current')} value={current} onChange={(e) => setCurrent(e.target.value)} />
      <Box>
        <PassphraseField label={t('settings.passphrase.next')} value={next} onChange={(e) => setNext(e.target.value)} slotProps={{ htmlInput: { 'aria-describedby': 'settings-strength' } }} />
        <StrengthMeter strength={strength} id="settings-strength" />
      </Box>
      <PassphraseField
        label={t('settings.passphrase.confirm')}
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={mismatch}
        helperText={mismatch ? t('vault.create.mismatch') : ' '}
      />
      {change.isError && (
        <Alert severity="error" role="alert">
          {errorText(t, change.error)}
        </Alert>
      )}
      {change.isSuccess && <Alert severity="success">{t('settings.passphrase.done')}</Alert>}
      <Button type="submit" variant="contained" disabled={!current || !strength?.acceptable || mismatch || !confirm || change.isPending} sx={{ alignSelf: 'flex-start' }}>
        {t('settings.passphrase.submit')}
      </Button>
    </Stack>
  );
}

function Backup() {
  const { t } = useTranslation();
  const backup = useMutation({ mutationFn: () => api.vault.backup() });
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Typography color="text.secondary">{t('settings.backup.body')}</Typography>
      <Button variant="outlined" onClick={() => backup.mutate()} disabled={backup.isPending} sx={{ alignSelf: 'flex-start' }}>
        {t('settings.backup.submit')}
      </Button>
      {backup.isError && <Alert severity="error">{errorText(t, backup.error)}</Alert>}
      {backup.data && (
        <Alert severity="success" sx={{ wordBreak: 'break-all' }}>
          {t('settings.backup.done', { folder: backup.data.folder })}
        </Alert>
      )}
    </Stack>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.settings.get() });
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => api.app.info(), staleTime: Infinity });
  const status = useQuery({ queryKey: VAULT_STATUS_KEY, queryFn: () => api.vault.status(), staleTime: Infinity });
  const update = useMutation({
    mutationFn: (autoLockMinutes: number) => api.settings.update({ autoLockMinutes }),
    onSuccess: (s) => qc.setQueryData(['settings'], s),
  });

  return (
    <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1000, mx: 'auto' }}>
      <Typography variant="h1" sx={{ mb: 3 }}>
        {t('settings.title')}
      </Typography>
      <Stack spacing={3}>
        <Section title={t('settings.language.title')}>
          <LanguageSwitch />
        </Section>
        <Section title={t('settings.autoLock.title')}>
          <TextField
            select
            label={t('settings.autoLock.label')}
            value={settings.data?.autoLockMinutes ?? 10}
            onChange={(e) => update.mutate(Number(e.target.value))}
            helperText={t('settings.autoLock.help')}
            sx={{ maxWidth: 420 }}
          >
            {AUTO_LOCK_CHOICES.map((m) => (
              <MenuItem key={m} value={m}>
                {t('settings.autoLock.minutes', { count: m })}
              </MenuItem>
            ))}
          </TextField>
        </Section>
        <Section title={t('settings.passphrase.title')}>
          <ChangePassphrase />
        </Section>
        <Section title={t('settings.backup.title')}>
          <Backup />
        </Section>
        <Section title={t('settings.vault.title')}>
          <Typography variant="body2" color="text.secondary">
            {t('settings.vault.location')}
          </Typography>
          <Typography sx={{ wordBreak: 'break-all' }}>{status.data?.location}</Typography>
        </Section>
        <Section title={t('settings.about.title')}>
          <Typography>{info.data && t('settings.about.version', { version: info.data.version })}</Typography>
        </Section>
      </Stack>
    </Box>
  );
}
