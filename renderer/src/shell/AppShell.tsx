import { useEffect } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Box, Button, Divider, List, ListItem, ListItemButton, ListItemIcon, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { api, subscribe } from '../api/client';
import { useActivityReporter } from './useActivityReporter';
import { NAV } from './routes';

export const NAV_WIDTH = 232;


/** Left navigation, the lock button and the page outlet. */
export function AppShell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useActivityReporter();

  useEffect(() => {
    const lock = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void api.vault.lock();
      }
    };
    window.addEventListener('keydown', lock);
    const off = subscribe('menu.command', ({ command }) => {
      if (command === 'settings' || command === 'backup' || command === 'about') navigate('/settings');
      if (command === 'caseload') navigate('/caseload');
    });
    return () => {
      window.removeEventListener('keydown', lock);
      off();
    };
  }, [navigate]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <Box
        component="nav"
        aria-label={t('common.nav.main')}
        sx={{ width: NAV_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', display: 'flex', flexDirection: 'column', position: 'sticky', top: 0, height: '100vh' }}
      >
        <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', px: 2.5, py: 2.25 }}>
          <Box sx={{ width: 30, height: 30, borderRadius: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText', display: 'grid', placeItems: 'center', fontWeight: 800 }} aria-hidden>
            W
          </Box>
          <Typography variant="h3" component="p">
            {t('common.appName')}
          </Typography>
        </Stack>
        <Divider />
        <List sx={{ px: 1, py: 1.5, flex: 1 }}>
          {NAV.map((item) => (
            <ListItem key={item.to} disablePadding>
            <ListItemButton
              component={NavLink}
              to={item.to}
              sx={{ borderRadius: 2, mb: 0.5, '&.active': { bgcolor: 'action.selected', color: 'primary.main', '& .MuiListItemIcon-root': { color: 'primary.main' } } }}
            >
              <ListItemIcon sx={{ minWidth: 38 }}>{item.icon}</ListItemIcon>
              <ListItemText primary={t(item.key)} slotProps={{ primary: { sx: { fontWeight: 600 } } }} />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
        <Box sx={{ p: 2 }}>
          <Tooltip title={t('common.nav.lockTooltip')}>
            <Button fullWidth variant="outlined" startIcon={<LockOutlined />} onClick={() => void api.vault.lock()}>
              {t('common.nav.lock')}
            </Button>
          </Tooltip>
        </Box>
      </Box>
      <Box component="main" sx={{ flex: 1, minWidth: 0 }}>
        <Outlet />
      </Box>
    </Box>
  );
}
