import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCore } from '../../testing/testCore';
import { makeTempDir, TEST_PASSPHRASE } from '../../testing/tempVault';
import { parseEdFiFiles } from '../../importers/roster/edfi/edfi';
import type { StudentFields } from '../students';
import type { GradeLevel } from '../../../shared/domain/gradeLevels';
import type { ScoreFile } from '../../importers/scores';

/** The team's public test data, beside the repository (never copied into it). */
export const SCORES_DATA = path.resolve(__dirname, '../../../..', 'shared/data/scores');
export const EDFI_DATA = path.resolve(__dirname, '../../../..', 'shared/data/edfi');

export function sampleFile(relative: string): ScoreFile {
  return { name: path.basename(relative), bytes: new Uint8Array(readFileSync(join(SCORES_DATA, relative))) };
}

export function edfiAssessmentFiles(): ScoreFile[] {
  return readdirSync(EDFI_DATA)
    .filter((f) => /^(StudentAssessment|AssessmentMetadata)-/.test(f))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(EDFI_DATA, f))) }));
}

/** A synthetic student with the given IDs (names invented). */
export function synthetic(ids: { localId?: string | null; stateId?: string | null }, i: number, grade: GradeLevel | null = '11'): StudentFields {
  const first = ['Ana', 'José', 'Camila', 'Mateo', 'Olivia', 'Diego', 'Sofía', 'Liam', 'Ximena', 'Noah'][i % 10];
  const last = ['García', 'Nguyen', 'Peña Rodríguez', 'Okafor', 'de la Cruz', 'Smith', 'Martínez', 'Kim', 'Reyes', 'Chen'][(i * 7) % 10];
  return {
    firstName: first,
    middleName: null,
    lastName: last,
    preferredName: null,
    localId: ids.localId ?? null,
    stateId: ids.stateId ?? null,
    birthDate: null,
    gradeLevel: grade,
    expectedGraduationYear: null,
    campusName: 'Cedar Ridge High School',
  };
}

/** Students for every StudentUniqueId of the Ed-Fi sample district (local ID = StudentUniqueId, as the roster import does). */
export function edfiStudents(): StudentFields[] {
  const file = { name: 'Student.xml', bytes: new Uint8Array(readFileSync(join(EDFI_DATA, 'Student.xml'))) };
  const r = parseEdFiFiles([file], { today: '2026-03-01' });
  return r.students.map((s) => ({
    firstName: s.firstName,
    middleName: s.middleName,
    lastName: s.lastName,
    preferredName: s.preferredName,
    localId: s.localId,
    stateId: s.stateId,
    birthDate: s.birthDate,
    gradeLevel: s.gradeLevel,
    expectedGraduationYear: s.expectedGraduationYear,
    campusName: null,
  }));
}

/** A fresh unlocked vault (fast KDF) on a fixed clock. */
export async function scoresCore(now = new Date('2026-03-01T15:00:00Z')) {
  const tmp = makeTempDir('waypoint-scores-');
  const core = createTestCore({ documentsDir: tmp.dir, now: () => now });
  await core.ctx.vault.create(join(tmp.dir, 'Vault'), TEST_PASSPHRASE);
  return {
    core,
    db: () => core.ctx.vault.session().db,
    async dispose() {
      await core.ctx.vault.lock('quit');
      tmp.cleanup();
    },
  };
}
