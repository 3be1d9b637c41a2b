import type { Handlers } from './dispatcher';
import type { AppContext } from '../services/context';
import { StudentsService } from '../services/students';
import { VaultService } from '../services/vaultService';
import type { Settings } from '../../shared/ipc/contract';
import type { AutoLock } from '../services/autoLock';
import { PendingImports } from '../services/imports/pendingImports';
import { ScoresImportService } from '../services/scores/importService';
import { ScoresService } from '../services/scores/scoresService';

export interface Services {
  vault: VaultService;
  students: StudentsService;
  /** Parsed files between preview and commit, shared by every importer; emptied on lock. */
  pendingImports: PendingImports;
  scores: ScoresService;
  scoreImports: ScoresImportService;
}

export function createServices(ctx: AppContext): Services {
  const session = () => ctx.vault.session();
  const pendingImports = new PendingImports(ctx.now);
  ctx.vault.onLock(() => pendingImports.clear());
  return {
    vault: new VaultService(ctx),
    students: new StudentsService(session, ctx.now),
    pendingImports,
    scores: new ScoresService(session, ctx.now),
    scoreImports: new ScoresImportService(session, ctx.now, pendingImports, ctx.dialogs),
  };
}

function settingsOf(ctx: AppContext): Settings {
  const { language, autoLockMinutes, theme } = ctx.prefs.get();
  return { language, autoLockMinutes, theme };
}

/** channel → service call. Inputs arrive already validated by the dispatcher. */
export function createHandlers(ctx: AppContext, services: Services, autoLock: AutoLock): Handlers {
  const { vault, students, scores, scoreImports } = services;
  return {
    app: {
      info: () => ({ name: 'Waypoint', version: ctx.host.version, platform: ctx.host.platform, runtime: ctx.host.runtime }),
      activity: () => autoLock.touch(),
    },
    settings: {
      get: () => settingsOf(ctx),
      update: (patch) => {
        ctx.prefs.set(patch);
        return settingsOf(ctx);
      },
    },
    vault: {
      status: () => vault.status(),
      chooseExisting: () => vault.chooseExisting(),
      chooseNewLocation: () => vault.chooseNewLocation(),
      create: (i) => vault.create(i.newPassphrase),
      unlock: (i) => vault.unlock(i.passphrase),
      unlockWithRecoveryKey: (i) => vault.unlockWithRecoveryKey(i.recoveryKey, i.newPassphrase),
      lock: () => vault.lock(),
      changePassphrase: (i) => ctx.vault.changePassphrase(i.currentPassphrase, i.newPassphrase),
      saveRecoveryKey: (i) => vault.saveRecoveryKey(i.recoveryKey, i.locale),
      backup: () => vault.backup(),
    },
    students: {
      list: (i) => students.list(i),
      get: (i) => students.get(i.id),
      create: (i) => students.create(i),
      update: (i) => students.update(i),
      archive: (i) => students.setArchived(i, true),
      restore: (i) => students.setArchived(i, false),
    },
    campuses: {
      list: () => students.campuses(),
    },
    scores: {
      importChoose: (i) => scoreImports.choose(i.expect),
      importMap: (i) => scoreImports.map(i.token, i.mapping),
      importCommit: (i) => scoreImports.commit(i.token),
      importCancel: (i) => {
        scoreImports.cancel(i.token);
        return null;
      },
      imports: () => scores.imports(),
      student: (i) => scores.student(i.studentId),
      caseload: (i) => scores.caseload(i),
      deleteResult: (i) => {
        scores.deleteResult(i.id, i.version);
        return null;
      },
    },
  };
}
