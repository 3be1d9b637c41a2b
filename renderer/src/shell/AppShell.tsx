import { useEffect } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Box, Button, Divider, List, ListItem, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Stack, Tooltip, Typography } from '@mui/material';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { api, subscribe } from '../api/client';
import { useActivityReporter } from './useActivityReporter';
import { NAV_GROUPS, SETTINGS_NAV, type NavItem } from './routes';

export const NAV_WIDTH = 232;
const MAIN_ID = 'main-content';

function NavEntry({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <ListItem disablePadding>
      <ListItemButton
        component={NavLink}
        to={item.to}
        sx={{ borderRadius: 2, mb: 0.25, py: 0.75, '&.active': { bgcolor: 'action.selected', color: 'primary.main', '& .MuiListItemIcon-root': { color: 'primary.main' } } }}
      >
        <ListItemIcon sx={{ minWidth: 38 }}>{item.icon}</ListItemIcon>
        <ListItemText primary={t(item.key)} slotProps={{ primary: { sx: { fontWeight: 600, fontSize: 15, lineHeight: 1.3 } } }} />
      </ListItemButton>
    </ListItem>
  );
}

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
      {/* First in the tab order: keyboard users go straight past the navigation. */}
      <Box
        component="a"
        href={`#${MAIN_ID}`}
        onClick={(e: React.MouseEvent) => {
          e.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
        sx={{
          position: 'fixed',
          left: 12,
          top: -64,
          zIndex: (theme) => theme.zIndex.tooltip + 1,
          px: 2,
          py: 1,
          borderRadius: 2,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
          fontWeight: 700,
          textDecoration: 'none',
          '&:focus': { top: 12, outline: '3px solid', outlineColor: 'warning.main', outlineOffset: 2 },
        }}
      >
        {t('common.nav.skipToContent')}
      </Box>
      <Box
        component="nav"
        aria-label={t('common.nav.main')}
        sx={{ width: NAV_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', display: 'flex', flexDirection: 'column', position: 'sticky', top: 0, height: '100vh' }}
      >
        <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', px: 2.5, py: 1.75 }}>
          <Box sx={{ width: 30, height: 30, borderRadius: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText', display: 'grid', placeItems: 'center', fontWeight: 800 }} aria-hidden>
            W
          </Box>
          <Typography variant="h3" component="p">
            {t('common.appName')}
          </Typography>
        </Stack>
        <Divider />
        <Box sx={{ flex: 1, px: 1, pt: 0.5, pb: 1, overflowY: 'auto' }}>
          {NAV_GROUPS.map((g) => (
            <List
              key={g.key}
              dense
              aria-labelledby={`nav-${g.key}`}
              subheader={
                <ListSubheader id={`nav-${g.key}`} disableSticky sx={{ bgcolor: 'transparent', lineHeight: 1.2, pt: 1.5, pb: 0.5, px: 1.5, fontSize: 12, fontWeight: 700, letterSpacing: '0.06em', textTransform: 'uppercase', color: 'text.secondary' }}>
                  {t(g.key)}
                </ListSubheader>
              }
              sx={{ py: 0 }}
            >
              {g.items.map((item) => (
                <NavEntry key={item.to} item={item} />
              ))}
            </List>
          ))}
        </Box>
        <Divider />
        <List dense sx={{ px: 1, py: 0.75 }}>
          <NavEntry item={SETTINGS_NAV} />
        </List>
        <Box sx={{ px: 2, pb: 2 }}>
          <Tooltip title={t('common.nav.lockTooltip')}>
            <Button fullWidth variant="outlined" startIcon={<LockOutlined />} onClick={() => void api.vault.lock()}>
              {t('common.nav.lock')}
            </Button>
          </Tooltip>
        </Box>
      </Box>
      <Box component="main" id={MAIN_ID} tabIndex={-1} sx={{ flex: 1, minWidth: 0, '&:focus': { outline: 'none' } }}>
        <Outlet />
      </Box>
    </Box>
  );
}
