import type { ReactNode } from 'react';
import type { StudentDetail } from '../../../shared/ipc/contract';
import { ProfileTab } from './ProfileTab';
import { TestsTab } from '../scores/TestsTab';

/**
 * The sections of a student's page, in order. Each concern (plan, courses, tests,
 * conferences, notes) adds one entry; the URL is /students/:id/:tabId.
 */
export interface StudentTab {
  id: string;
  /** i18n key of the tab label. */
  labelKey: string;
  render: (student: StudentDetail) => ReactNode;
}

export const STUDENT_TABS: StudentTab[] = [
  { id: 'profile', labelKey: 'student.tabs.profile', render: (s) => <ProfileTab student={s} /> },
  { id: 'tests', labelKey: 'scores.tab', render: (s) => <TestsTab student={s} /> },
];
