import { createTheme, type Theme } from '@mui/material/styles';
import '@fontsource-variable/inter';

/**
 * Calm, high-contrast palette: colours pass WCAG AA on their backgrounds so the app stays
 * readable on a dim projector. Inter is bundled (no network), with full Latin coverage
 * for Spanish names and text.
 */
export function makeTheme(mode: 'light' | 'dark'): Theme {
  const light = mode === 'light';
  return createTheme({
    palette: {
      mode,
      primary: { main: light ? '#17506b' : '#7cc4e0', contrastText: light ? '#ffffff' : '#07202b' },
      secondary: { main: light ? '#8a4b0f' : '#f0b37a' },
      success: { main: light ? '#1e6b3a' : '#7fd39c' },
      warning: { main: light ? '#8a5a00' : '#ffcf66' },
      error: { main: light ? '#b3261e' : '#ffb4ab' },
      background: { default: light ? '#f4f6f8' : '#0f1419', paper: light ? '#ffffff' : '#161c22' },
      text: { primary: light ? '#1b2430' : '#e6edf3', secondary: light ? '#4a5666' : '#a9b4c0' },
      divider: light ? '#dde3ea' : '#2a333d',
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: '"Inter Variable", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: 14,
      h1: { fontSize: '1.75rem', fontWeight: 650, letterSpacing: '-0.01em' },
      h2: { fontSize: '1.375rem', fontWeight: 650 },
      h3: { fontSize: '1.125rem', fontWeight: 650 },
      h4: { fontSize: '1rem', fontWeight: 650 },
      button: { textTransform: 'none', fontWeight: 600 },
      overline: { fontWeight: 600, letterSpacing: '0.08em' },
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiPaper: { defaultProps: { elevation: 0 } },
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiTextField: { defaultProps: { fullWidth: true } },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
    },
  });
}
