import { Initial1764800000001 } from './0001-initial';
import { Notes1764800000002 } from './0002-notes';
import { StudentRecord1764800000003 } from './0003-student-record';
import { PlanWorkspace1764800000004 } from './0004-plan-workspace';
import { Conferences1764800000007 } from './0007-conferences';
import { CoursePlans1764800000005 } from './0005-course-plans';
import { TestResults1764800000006 } from './0006-test-results';
import { Integration1764800000008 } from './0008-integration';

/**
 * Explicit, ordered list of migration classes (never a glob). Each concern owns one file;
 * timestamps are assigned in DESIGN order: 0003 student record, 0004 plan workspace,
 * 0005 course plans, 0006 test results, 0007 conferences, 0008 the seams between them.
 */
export const MIGRATIONS = [
  Initial1764800000001,
  Notes1764800000002,
  StudentRecord1764800000003,
  PlanWorkspace1764800000004,
  CoursePlans1764800000005,
  TestResults1764800000006,
  Conferences1764800000007,
  Integration1764800000008,
];
