import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { ImportScreen } from '../roster/ImportScreen';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import { ConferenceScreen } from '../conference/ConferenceScreen';
import { FollowUpsScreen } from '../conference/FollowUpsScreen';
import ManageSearchOutlined from '@mui/icons-material/ManageSearchOutlined';
import { NotesSearchScreen } from '../workspace/NotesSearchScreen';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import PlaylistAddCheckOutlined from '@mui/icons-material/PlaylistAddCheckOutlined';
import SchoolOutlined from '@mui/icons-material/SchoolOutlined';
import { CoursesScreen } from '../courses/CoursesScreen';
import { PreregScreen } from '../courses/PreregScreen';
import { GraduationReportScreen } from '../courses/GraduationReportScreen';
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import { ScoresScreen } from '../scores/ScoresScreen';

/**
 * Left-navigation entries and top-level screens, grouped the way a counselor works: the
 * students and what is due for them; bringing records in; course planning across the
 * caseload. Settings sits apart, at the bottom, beside Lock (AppShell).
 */
export interface NavItem {
  to: string;
  /** i18n key of the label. */
  key: string;
  icon: ReactNode;
}

export interface NavGroup {
  /** i18n key of the group's heading. */
  key: string;
  items: NavItem[];
}

export const NAV_GROUPS: NavGroup[] = [
  {
    key: 'common.nav.groups.students',
    items: [
      { to: '/caseload', key: 'common.nav.caseload', icon: <PeopleAltOutlined /> },
      { to: '/follow-ups', key: 'conference.followUps.nav', icon: <AssignmentTurnedInOutlined /> },
      { to: '/notes-search', key: 'workspace.notesSearch.nav', icon: <ManageSearchOutlined /> },
    ],
  },
  {
    key: 'common.nav.groups.records',
    items: [
      { to: '/import', key: 'roster.nav', icon: <UploadFileOutlined /> },
      { to: '/scores', key: 'scores.nav', icon: <AssessmentOutlined /> },
    ],
  },
  {
    key: 'common.nav.groups.planning',
    items: [
      { to: '/graduation', key: 'courses.nav.graduation', icon: <SchoolOutlined /> },
      { to: '/prereg', key: 'courses.nav.prereg', icon: <PlaylistAddCheckOutlined /> },
      { to: '/courses', key: 'courses.nav.courses', icon: <MenuBookOutlined /> },
    ],
  },
];

export const SETTINGS_NAV: NavItem = { to: '/settings', key: 'common.nav.settings', icon: <SettingsOutlined /> };

/** Every entry in the order the navigation shows them (keyboard order too). */
export const NAV: NavItem[] = [...NAV_GROUPS.flatMap((g) => g.items), SETTINGS_NAV];

/** Screens beyond caseload, student and settings (added by each concern). */
export const EXTRA_ROUTES: RouteObject[] = [
  { path: 'import', element: <ImportScreen /> },
  { path: 'conferences/:id', element: <ConferenceScreen /> },
  { path: 'follow-ups', element: <FollowUpsScreen /> },
  { path: 'notes-search', element: <NotesSearchScreen /> },
  { path: 'courses', element: <CoursesScreen /> },
  { path: 'prereg', element: <PreregScreen /> },
  { path: 'graduation', element: <GraduationReportScreen /> },
  { path: 'scores', element: <ScoresScreen /> },
];
