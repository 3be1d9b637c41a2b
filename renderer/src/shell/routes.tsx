import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import PlaylistAddCheckOutlined from '@mui/icons-material/PlaylistAddCheckOutlined';
import SchoolOutlined from '@mui/icons-material/SchoolOutlined';
import { CoursesScreen } from '../courses/CoursesScreen';
import { PreregScreen } from '../courses/PreregScreen';
import { GraduationReportScreen } from '../courses/GraduationReportScreen';

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
  { to: '/graduation', key: 'courses.nav.graduation', icon: <SchoolOutlined /> },
  { to: '/prereg', key: 'courses.nav.prereg', icon: <PlaylistAddCheckOutlined /> },
  { to: '/courses', key: 'courses.nav.courses', icon: <MenuBookOutlined /> },
  { to: '/settings', key: 'common.nav.settings', icon: <SettingsOutlined /> },
];

/** Screens beyond caseload, student and settings (added by each concern). */
export const EXTRA_ROUTES: RouteObject[] = [
  { path: 'courses', element: <CoursesScreen /> },
  { path: 'prereg', element: <PreregScreen /> },
  { path: 'graduation', element: <GraduationReportScreen /> },
];
