import type { Handlers } from './dispatcher';
import type { AppContext } from '../services/context';
import { StudentsService } from '../services/students';
import { VaultService } from '../services/vaultService';
import type { Settings } from '../../shared/ipc/contract';
import type { AutoLock } from '../services/autoLock';
import { PendingImports } from '../services/imports/pendingImports';
import { CourseStore } from '../services/courses/store';
import { CatalogService } from '../services/courses/catalogService';
import { RuleSetService } from '../services/courses/ruleSetService';
import { PlanService } from '../services/courses/planService';
import { TranscriptService } from '../services/courses/transcriptService';
import { PgpService } from '../services/courses/pgpService';
import { PreregService } from '../services/courses/preregService';
import { ReportService } from '../services/courses/reportService';

export interface Services {
  vault: VaultService;
  students: StudentsService;
  /** Parsed files between preview and commit, shared by every importer; emptied on lock. */
  pendingImports: PendingImports;
  catalog: CatalogService;
  ruleSets: RuleSetService;
  plans: PlanService;
  transcripts: TranscriptService;
  pgp: PgpService;
  prereg: PreregService;
  reports: ReportService;
}

export function createServices(ctx: AppContext): Services {
  const session = () => ctx.vault.session();
  const pendingImports = new PendingImports(ctx.now);
  ctx.vault.onLock(() => pendingImports.clear());
  const courseStore = new CourseStore(session);
  const reports = new ReportService(courseStore);
  ctx.vault.onLock(() => {
    courseStore.clear();
    reports.clear();
  });
  return {
    vault: new VaultService(ctx),
    students: new StudentsService(session, ctx.now),
    pendingImports,
    catalog: new CatalogService(courseStore, ctx, pendingImports),
    ruleSets: new RuleSetService(courseStore, ctx.now),
    plans: new PlanService(courseStore, ctx.now, () => ctx.prefs.get().language),
    transcripts: new TranscriptService(courseStore, ctx, pendingImports),
    pgp: new PgpService(courseStore, ctx.now),
    prereg: new PreregService(courseStore, ctx),
    reports,
  };
}

function settingsOf(ctx: AppContext): Settings {
  const { language, autoLockMinutes, theme } = ctx.prefs.get();
  return { language, autoLockMinutes, theme };
}

/** channel → service call. Inputs arrive already validated by the dispatcher. */
export function createHandlers(ctx: AppContext, services: Services, autoLock: AutoLock): Handlers {
  const { vault, students, catalog, ruleSets, plans, transcripts, pgp, prereg, reports } = services;
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
    catalog: {
      list: () => catalog.list(),
      save: (i) => catalog.save(i),
      remove: (i) => catalog.remove(i.id, i.version),
      previewCsv: () => catalog.previewCsv(),
      previewEdfi: () => catalog.previewEdfi(),
      commitImport: (i) => catalog.commit(i.token),
      cancelImport: (i) => catalog.cancel(i.token),
    },
    ruleSets: {
      list: () => ruleSets.list(),
      get: (i) => ruleSets.get(i.ref),
      copy: (i) => ruleSets.copy(i),
      update: (i) => ruleSets.update(i),
      remove: (i) => ruleSets.remove(i.id, i.version),
    },
    coursePlans: {
      workspace: (i) => plans.workspace(i.studentId, i.planId),
      start: (i) => plans.start(i),
      addEntry: (i) => plans.addEntry(i),
      moveEntry: (i) => plans.moveEntry(i),
      updateEntry: (i) => plans.updateEntry(i),
      removeEntry: (i) => plans.removeEntry(i),
      updatePlan: (i) => plans.updatePlan(i),
      createScenario: (i) => plans.createScenario(i),
      deleteScenario: (i) => plans.deleteScenario(i.planId, i.version),
      compare: (i) => plans.compare(i.studentId, i.planIds),
      choose: (i) => plans.choose(i),
      addRecord: (i) => plans.addRecord(i),
      updateRecord: (i) => plans.updateRecord(i),
      removeRecord: (i) => plans.removeRecord(i.recordId, i.version, i.planId),
      previewTranscript: () => transcripts.preview(),
      commitTranscript: (i) => transcripts.commit(i.token),
      offTrack: (i) => reports.offTrack(i),
    },
    pgp: {
      get: (i) => pgp.get(i.studentId),
      save: (i) => pgp.save(i),
    },
    prereg: {
      overview: (i) => prereg.overview(i),
      student: (i) => prereg.student(i.studentId, i.schoolYear),
      addRequest: (i) => prereg.addRequest(i),
      updateRequest: (i) => prereg.updateRequest(i),
      removeRequest: (i) => prereg.removeRequest(i.requestId, i.version),
      requestFromPlan: (i) => prereg.requestFromPlan(i.studentId, i.schoolYear),
      addRecommendation: (i) => prereg.addRecommendation(i),
      updateRecommendation: (i) => prereg.updateRecommendation(i),
      removeRecommendation: (i) => prereg.removeRecommendation(i.recommendationId, i.version),
      setReviewed: (i) => prereg.setReviewed(i.studentId, i.schoolYear, i.reviewed, i.reviewedOn),
      exportCsv: (i) => prereg.exportCsv(i.schoolYear),
    },
  };
}
