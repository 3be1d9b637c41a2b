import type { Handlers } from './dispatcher';
import type { AppContext } from '../services/context';
import { StudentsService } from '../services/students';
import { VaultService } from '../services/vaultService';
import type { Settings } from '../../shared/ipc/contract';
import type { AutoLock } from '../services/autoLock';
import { PendingImports } from '../services/imports/pendingImports';
import { GuardiansService } from '../services/studentRecord/guardianService';
import { CaseloadViewsService } from '../services/caseload/views';
import { RosterImportService } from '../services/roster/rosterImport';

export interface Services {
  vault: VaultService;
  students: StudentsService;
  guardians: GuardiansService;
  caseloadViews: CaseloadViewsService;
  roster: RosterImportService;
  /** Parsed files between preview and commit, shared by every importer; emptied on lock. */
  pendingImports: PendingImports;
}

export function createServices(ctx: AppContext): Services {
  const session = () => ctx.vault.session();
  const pendingImports = new PendingImports(ctx.now);
  ctx.vault.onLock(() => pendingImports.clear());
  const students = new StudentsService(session, ctx.now);
  return {
    vault: new VaultService(ctx),
    students,
    guardians: new GuardiansService(session, students, ctx.now),
    caseloadViews: new CaseloadViewsService(session, ctx.now),
    roster: new RosterImportService(session, ctx.dialogs, pendingImports, ctx.now),
    pendingImports,
  };
}

function settingsOf(ctx: AppContext): Settings {
  const { language, autoLockMinutes, theme } = ctx.prefs.get();
  return { language, autoLockMinutes, theme };
}

/** channel → service call. Inputs arrive already validated by the dispatcher. */
export function createHandlers(ctx: AppContext, services: Services, autoLock: AutoLock): Handlers {
  const { vault, students, guardians, caseloadViews, roster } = services;
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
      facets: () => students.facets(),
      get: (i) => students.get(i.id),
      create: (i) => students.create(i),
      update: (i) => students.update(i),
      setPrograms: (i) => students.setPrograms(i),
      archive: (i) => students.setArchived(i, true),
      restore: (i) => students.setArchived(i, false),
    },
    guardians: {
      add: (i) => guardians.add(i),
      update: (i) => guardians.update(i),
      remove: (i) => guardians.remove(i),
    },
    campuses: {
      list: () => students.campuses(),
    },
    caseloadViews: {
      list: () => caseloadViews.list(),
      save: (i) => caseloadViews.save(i),
      remove: (i) => caseloadViews.remove(i.id),
    },
    roster: {
      choose: (i) => roster.choose(i.kind),
      map: (i) => roster.map(i.token, i.mapping),
      mapping: (i) => roster.mapping(i.token),
      refresh: (i) => roster.refresh(i.token),
      rows: (i) => roster.rows(i.token, i.outcome, i.search, i.page, i.pageSize),
      problems: (i) => roster.problems(i.token, i.severity, i.page, i.pageSize),
      conflicts: (i) => roster.conflicts(i.token, i.page, i.pageSize),
      commit: (i) => roster.commit(i),
      cancel: (i) => roster.cancel(i.token),
    },
  };
}
