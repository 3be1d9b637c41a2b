import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';

/** The frame around every locked-state screen: brand, language switch, one centred card. */
export function GateLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 4, py: 2 }}>
        <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1.5}>
          <Box sx={{ width: 36, height: 36, borderRadius: 2, bgcolor: 'primary.main', color: 'primary.contrastText', display: 'grid', placeItems: 'center' }}>
            <LockOutlined fontSize="small" />
          </Box>
          <Box>
            <Typography variant="h3" component="p">
              {t('common.appName')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('common.tagline')}
            </Typography>
          </Box>
        </Stack>
        <LanguageSwitch />
      </Stack>
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', px: 2, pb: 6 }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: wide ? 720 : 520, p: { xs: 3, sm: 5 } }}>
          {children}
        </Paper>
      </Box>
    </Box>
  );
}
