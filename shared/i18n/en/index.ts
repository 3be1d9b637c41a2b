import { caseload } from './caseload';
import { courses } from './courses';
import { dialogs, menu } from './mainProcess';
import { common } from './common';
import { conference } from './conference';
import { recoverySheet } from './recoverySheet';
import { roster } from './roster';
import { rosterProblems } from './rosterProblems';
import { scores } from './scores';
import { settings } from './settings';
import { student } from './student';
import { vault } from './vault';
import { workspace } from './workspace';

/** English strings, one file per concern. Spanish mirrors this shape exactly (type-checked). */
export const en = { common, vault, caseload, student, settings, recoverySheet, dialogs, menu, roster, rosterProblems, workspace, courses, scores, conference };
