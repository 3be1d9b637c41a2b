import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import { ScoresScreen } from '../scores/ScoresScreen';

/**
 * Left-navigation entries and top-level screens. Each concern (imports, pre-registration,
 * follow-ups, …) adds its entry here; Settings stays last.
 */
export interface NavItem {
  to: string;
  /** i18n key of the label. */
  key: string;
  icon: ReactNode;
}

export const NAV: NavItem[] = [
  { to: '/caseload', key: 'common.nav.caseload', icon: <PeopleAltOutlined /> },
  { to: '/scores', key: 'scores.nav', icon: <AssessmentOutlined /> },
  { to: '/settings', key: 'common.nav.settings', icon: <SettingsOutlined /> },
];

/** Screens beyond caseload, student and settings (added by each concern). */
export const EXTRA_ROUTES: RouteObject[] = [{ path: 'scores', element: <ScoresScreen /> }];
