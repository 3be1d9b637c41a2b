import type { Handlers } from './dispatcher';
import type { AppContext } from '../services/context';
import { StudentsService } from '../services/students';
import { VaultService } from '../services/vaultService';
import type { Settings } from '../../shared/ipc/contract';
import type { AutoLock } from '../services/autoLock';
import { PendingImports } from '../services/imports/pendingImports';
import { ConferencesService } from '../services/conference/conferences';
import { PresentationService } from '../services/conference/presentation';
import type { ConferenceSources } from '../services/conference/sources';
import { wiredSources } from '../services/conference/wiredSources';
import { createWorkspaceServices, workspaceHandlers, type WorkspaceServices } from '../services/workspace';
import { GuardiansService } from '../services/studentRecord/guardianService';
import { CaseloadViewsService } from '../services/caseload/views';
import { RosterImportService } from '../services/roster/rosterImport';
import { CourseStore } from '../services/courses/store';
import { CatalogService } from '../services/courses/catalogService';
import { RuleSetService } from '../services/courses/ruleSetService';
import { PlanService } from '../services/courses/planService';
import { TranscriptService } from '../services/courses/transcriptService';
import { PgpService } from '../services/courses/pgpService';
import { PreregService } from '../services/courses/preregService';
import { ReportService } from '../services/courses/reportService';
import { ScoresImportService } from '../services/scores/importService';
import { ScoresService } from '../services/scores/scoresService';

export interface Services {
  vault: VaultService;
  students: StudentsService;
  guardians: GuardiansService;
  caseloadViews: CaseloadViewsService;
  roster: RosterImportService;
  /** Parsed files between preview and commit, shared by every importer; emptied on lock. */
  pendingImports: PendingImports;
  conferences: ConferencesService;
  /** What the family screen shows; the family window's only way into the vault. */
  presentation: PresentationService;
  /** Other concerns' data for conference mode (see electron/services/conference/sources.ts). */
  conferenceSources: ConferenceSources;
  /** Student plan workspace: goals, steps, check-ins, strengths/weaknesses, notes, decisions, referrals. */
  workspace: WorkspaceServices;
  catalog: CatalogService;
  ruleSets: RuleSetService;
  plans: PlanService;
  transcripts: TranscriptService;
  pgp: PgpService;
  prereg: PreregService;
  reports: ReportService;
  scores: ScoresService;
  scoreImports: ScoresImportService;
}

export function createServices(ctx: AppContext): Services {
  const session = () => ctx.vault.session();
  const pendingImports = new PendingImports(ctx.now);
  ctx.vault.onLock(() => pendingImports.clear());
  const students = new StudentsService(session, ctx.now);
  const courseStore = new CourseStore(session);
  const reports = new ReportService(courseStore);
  const plans = new PlanService(courseStore, ctx.now, () => ctx.prefs.get().language);
  // Conference mode reads the student record, workspace, test results and course plans, and hands agreed plans back.
  const conferenceSources = wiredSources({ session, now: ctx.now, plans });
  const presentation = new PresentationService({ vault: ctx.vault, sources: conferenceSources, displays: ctx.displays, events: ctx.events, now: ctx.now });
  ctx.vault.onLock(() => {
    courseStore.clear();
    reports.clear();
  });
  return {
    vault: new VaultService(ctx),
    students,
    guardians: new GuardiansService(session, students, ctx.now),
    caseloadViews: new CaseloadViewsService(session, ctx.now),
    roster: new RosterImportService(session, ctx.dialogs, pendingImports, ctx.now),
    pendingImports,
    conferences: new ConferencesService({ session, now: ctx.now, sources: conferenceSources, presentation, pdf: ctx.pdf, dialogs: ctx.dialogs, resourcesDir: ctx.host.resourcesDir }),
    presentation,
    conferenceSources,
    workspace: createWorkspaceServices({ session, now: ctx.now }),
    catalog: new CatalogService(courseStore, ctx, pendingImports),
    ruleSets: new RuleSetService(courseStore, ctx.now),
    plans,
    transcripts: new TranscriptService(courseStore, ctx, pendingImports),
    pgp: new PgpService(courseStore, ctx.now),
    prereg: new PreregService(courseStore, ctx),
    reports,
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
  const { vault, students, guardians, caseloadViews, roster, conferences, presentation } = services;
  const { catalog, ruleSets, plans, transcripts, pgp, prereg, reports } = services;
  const { scores, scoreImports } = services;
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
    conferences: {
      startOptions: (i) => conferences.startOptions(i.studentId, i.locale),
      start: (i) => conferences.start(i, i.locale),
      open: (i) => conferences.open(i.id, i.locale),
      history: (i) => conferences.history(i.studentId),
      update: (i) => conferences.update(i),
      begin: (i) => conferences.begin(i.id, i.version, i.locale),
      cancel: (i) => conferences.cancel(i.id, i.version, i.locale),
      remove: (i) => conferences.remove(i.id, i.version),
      end: (i) => conferences.end(i),
      addAttendee: (i) => conferences.addAttendee(i),
      updateAttendee: (i) => conferences.updateAttendee(i),
      removeAttendee: (i) => conferences.removeAttendee(i.id, i.locale),
      addAgendaItem: (i) => conferences.addAgendaItem(i),
      updateAgendaItem: (i) => conferences.updateAgendaItem(i),
      removeAgendaItem: (i) => conferences.removeAgendaItem(i.id, i.locale),
      addNote: (i) => conferences.addNote(i),
      updateNote: (i) => conferences.updateNote(i),
      removeNote: (i) => conferences.removeNote(i.id, i.version, i.locale),
      addDecision: (i) => conferences.addDecision(i),
      updateDecision: (i) => conferences.updateDecision(i),
      removeDecision: (i) => conferences.removeDecision(i.id, i.version, i.locale),
      addActionItem: (i) => conferences.addActionItem(i),
      updateActionItem: (i) => conferences.updateActionItem(i),
      removeActionItem: (i) => conferences.removeActionItem(i.id, i.version, i.locale),
      acknowledge: (i) => conferences.acknowledge(i),
      summaryCopy: (i) => conferences.summaryCopy(i),
      saveSummary: (i) => conferences.saveSummary(i.id),
      followUps: (i) => conferences.followUps(i),
    },
    presentation: {
      state: () => presentation.state(),
      show: (i) => presentation.show(i.conferenceId),
      clear: () => presentation.clear(),
      focus: (i) => presentation.focus(i.conferenceId, i.focus),
      compare: (i) => presentation.compare(i.conferenceId, i.scenarioIds),
      setHidden: (i) => presentation.setHidden(i.hidden),
      openFamilyWindow: () => presentation.openFamilyWindow(),
      closeFamilyWindow: () => presentation.closeFamilyWindow(),
      setPresenter: (i) => presentation.setPresenter(i.on),
    },
    family: {
      view: () => presentation.familyView(),
      hide: () => {
        presentation.setHidden(true);
      },
    },
    ...workspaceHandlers(services.workspace),
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
