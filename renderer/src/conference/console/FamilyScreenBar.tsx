import { Alert, Box, Button, Card, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import CoPresentOutlined from '@mui/icons-material/CoPresentOutlined';
import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import DesktopWindowsOutlined from '@mui/icons-material/DesktopWindowsOutlined';
import { useTranslation } from 'react-i18next';
import { FAMILY_PANELS, type FamilyPanel, type PresentationState } from '../../../../shared/ipc/contract';
import { HIDE_KEY, PRESENTER_KEY } from '../keys';

/** Where focus lands when presenter mode ends and the control the counselor was in is gone. */
export const PRESENTER_BUTTON_ID = 'presenter-toggle';

function Kbd({ children }: { children: string }) {
  return (
    <Box component="kbd" sx={{ fontFamily: 'inherit', fontSize: '0.8em', fontWeight: 700, border: 1, borderColor: 'divider', borderBottomWidth: 2, borderRadius: 0.75, px: 0.6, py: 0.1, bgcolor: 'background.default', ml: 0.75 }}>
      {children}
    </Box>
  );
}

/**
 * What the family screen shows and how: a second-display window when one is attached,
 * presenter mode on this screen otherwise, and the hide key — all named on screen.
 */
export function FamilyScreenBar({
  state,
  conferenceId,
  ended,
  onFocus,
  onPresenter,
  onHidden,
  onFamilyWindow,
}: {
  state: PresentationState;
  conferenceId: number;
  ended: boolean;
  onFocus: (p: FamilyPanel) => void;
  onPresenter: () => void;
  onHidden: (hidden: boolean) => void;
  onFamilyWindow: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const mine = state.conferenceId === conferenceId;
  const panels = FAMILY_PANELS.filter((p) => p !== 'summary' || ended);
  return (
    <Card component="section" aria-labelledby="family-screen-title" sx={{ p: 2, borderColor: state.hidden ? 'warning.main' : 'divider', borderWidth: state.hidden ? 2 : 1 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between', mb: 1.25 }}>
        <Typography id="family-screen-title" variant="h4" component="h2">
          {t('conference.console.showsLabel')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {state.displays >= 2 &&
            (state.familyWindow === 'open' ? (
              <Button size="small" variant="outlined" startIcon={<DesktopWindowsOutlined />} onClick={() => onFamilyWindow(false)}>
                {t('conference.console.closeFamilyWindow')}
              </Button>
            ) : (
              <Button size="small" variant="contained" startIcon={<DesktopWindowsOutlined />} onClick={() => onFamilyWindow(true)}>
                {t('conference.console.openFamilyWindow')}
              </Button>
            ))}
          <Button id={PRESENTER_BUTTON_ID} size="small" variant={state.displays >= 2 ? 'outlined' : 'contained'} startIcon={<CoPresentOutlined />} onClick={onPresenter} aria-keyshortcuts={PRESENTER_KEY}>
            {t('conference.console.presenter')}
            <Kbd>{PRESENTER_KEY}</Kbd>
          </Button>
          <Button size="small" variant="outlined" color={state.hidden ? 'warning' : 'inherit'} startIcon={state.hidden ? <VisibilityOutlined /> : <VisibilityOffOutlined />} onClick={() => onHidden(!state.hidden)} aria-keyshortcuts={HIDE_KEY} aria-pressed={state.hidden}>
            {t(state.hidden ? 'conference.console.unhide' : 'conference.console.hide')}
            <Kbd>{HIDE_KEY}</Kbd>
          </Button>
        </Stack>
      </Stack>
      <ToggleButtonGroup exclusive size="small" value={mine ? state.focus : null} onChange={(_e, v: FamilyPanel | null) => v && onFocus(v)} aria-labelledby="family-screen-title" sx={{ flexWrap: 'wrap' }}>
        {panels.map((p) => (
          <ToggleButton key={p} value={p} sx={{ px: 1.5, py: 0.5 }}>
            {t(`conference.panels.${p}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {state.displays >= 2 ? (state.familyWindow === 'open' ? t('conference.console.familyWindowOpen') : null) : t('conference.console.oneDisplay')}{' '}
        {t('conference.console.keys', { presenter: PRESENTER_KEY, hide: HIDE_KEY })}
      </Typography>
      {state.hidden && (
        <Alert severity="warning" sx={{ mt: 1 }} role="status">
          {t('conference.console.hiddenBanner', { key: HIDE_KEY })}
        </Alert>
      )}
    </Card>
  );
}
