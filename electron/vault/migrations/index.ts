import { Initial1764800000001 } from './0001-initial';
import { Notes1764800000002 } from './0002-notes';
import { TestResults1764800000006 } from './0006-test-results';

/**
 * Explicit, ordered list of migration classes (never a glob). Each concern owns one file;
 * timestamps are assigned in DESIGN order: 0003 student record, 0004 plan workspace,
 * 0005 course plans, 0006 test results, 0007 conferences.
 */
export const MIGRATIONS = [Initial1764800000001, Notes1764800000002, TestResults1764800000006];
