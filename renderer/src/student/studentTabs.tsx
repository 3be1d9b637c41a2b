import type { ReactNode } from 'react';
import type { StudentDetail } from '../../../shared/ipc/contract';
import { ProfileTab } from './ProfileTab';
import { PlanTab } from '../workspace/PlanTab';
import { DecisionsTab } from '../workspace/DecisionsTab';
import { NotesTab } from '../workspace/NotesTab';
import { ReferralsTab } from '../workspace/ReferralsTab';
import { ConferencesTab, StartConferenceButton } from '../conference/ConferencesTab';
import { CoursePlanTab } from '../courses/plan/CoursePlanTab';
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
  { id: 'plan', labelKey: 'workspace.tabs.plan', render: (s) => <PlanTab key={s.id} student={s} /> },
  { id: 'course-plan', labelKey: 'courses.plan.tab', render: (s) => <CoursePlanTab key={s.id} student={s} /> },
  { id: 'tests', labelKey: 'scores.tab', render: (s) => <TestsTab student={s} /> },
  { id: 'decisions', labelKey: 'workspace.tabs.decisions', render: (s) => <DecisionsTab key={s.id} student={s} /> },
  { id: 'notes', labelKey: 'workspace.tabs.notes', render: (s) => <NotesTab key={s.id} student={s} /> },
  { id: 'referrals', labelKey: 'workspace.tabs.referrals', render: (s) => <ReferralsTab key={s.id} student={s} /> },
  { id: 'conferences', labelKey: 'conference.history.title', render: (s) => <ConferencesTab student={s} /> },
];

/** Buttons in the student page header, before Edit/Archive (each concern may add one). */
export const STUDENT_HEADER_ACTIONS: { id: string; render: (student: StudentDetail) => ReactNode }[] = [
  { id: 'conference', render: (s) => <StartConferenceButton student={s} /> },
];
