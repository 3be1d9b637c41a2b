import { caseload } from './caseload';
import { dialogs, menu } from './mainProcess';
import { common } from './common';
import { recoverySheet } from './recoverySheet';
import { scores } from './scores';
import { settings } from './settings';
import { student } from './student';
import { vault } from './vault';

export const es = { common, vault, caseload, student, settings, recoverySheet, dialogs, menu, scores };
