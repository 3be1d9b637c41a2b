import { useState } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import SaveAltOutlined from '@mui/icons-material/SaveAltOutlined';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../components/errorText';
import { GateLayout } from './GateLayout';

/**
 * Shown once, right after the vault is created. The counselor must prove they kept the
 * key (type its last group) before going on; printing uses a print-only sheet.
 */
export function RecoveryKeyScreen({ recoveryKey, folder, onDone }: { recoveryKey: string; folder: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const groups = recoveryKey.split('-');
  const lastGroup = groups[groups.length - 1];
  const confirmed = typed.trim().toUpperCase() === lastGroup;
  const created = new Intl.DateTimeFormat(i18n.language === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long' }).format(new Date());

  async function save() {
    setError(null);
    try {
      const r = await api.vault.saveRecoveryKey({ recoveryKey, locale: i18n.language === 'es' ? 'es' : 'en' });
      if (r.saved) setSavedTo(r.path);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <Box className="screen-only">
        <GateLayout wide>
          <Stack spacing={3}>
            <Typography variant="h1">{t('vault.recoveryKey.title')}</Typography>
            <Typography color="text.secondary">{t('vault.recoveryKey.body')}</Typography>
            <Box
              data-testid="recovery-key"
              aria-label={t('vault.recoveryKey.title')}
              sx={{
                fontFamily: '"JetBrains Mono", "Cascadia Mono", Consolas, "Courier New", monospace',
                fontSize: '1.15rem',
                letterSpacing: '0.06em',
                p: 2.5,
                borderRadius: 2,
                bgcolor: 'action.hover',
                border: 1,
                borderColor: 'divider',
                display: 'grid',
                gridTemplateColumns: 'repeat(4, auto)',
                justifyContent: 'center',
                columnGap: 3,
                rowGap: 1,
                userSelect: 'all',
              }}
            >
              {groups.map((g, i) => (
                <span key={i}>{g}</span>
              ))}
            </Box>
            <Stack direction="row" spacing={2}>
              <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()}>
                {t('common.actions.print')}
              </Button>
              <Button variant="outlined" startIcon={<SaveAltOutlined />} onClick={save}>
                {t('vault.recoveryKey.save')}
              </Button>
            </Stack>
            {savedTo && <Alert severity="success">{t('vault.recoveryKey.saved', { path: savedTo })}</Alert>}
            {error !== null && <Alert severity="error">{errorText(t, error)}</Alert>}
            <TextField
              label={t('vault.recoveryKey.confirmLabel')}
              helperText={t('vault.recoveryKey.confirmHelp')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 4, spellCheck: false, autoCapitalize: 'characters', style: { fontFamily: 'monospace', letterSpacing: '0.1em' } } }}
              sx={{ maxWidth: 420 }}
            />
            <Button variant="contained" size="large" disabled={!confirmed} onClick={onDone} sx={{ alignSelf: 'flex-end' }}>
              {t('vault.recoveryKey.continue')}
            </Button>
          </Stack>
        </GateLayout>
      </Box>
      <Box className="print-only" sx={{ p: 4, fontSize: 14 }}>
        <h1>{t('vault.recoveryKey.printTitle')}</h1>
        <p style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: '0.08em' }}>{recoveryKey}</p>
        <p>{t('vault.recoveryKey.printCreated', { date: created })}</p>
        <p>{t('vault.recoveryKey.printFolder', { folder })}</p>
        <p>
          <strong>{t('vault.recoveryKey.printWarning')}</strong>
        </p>
        <p>{t('recoverySheet.useInApp')}</p>
        <p>{t('recoverySheet.itTitle')}</p>
        <p style={{ fontFamily: 'monospace' }}>{t('recoverySheet.itSteps')}</p>
      </Box>
    </>
  );
}
