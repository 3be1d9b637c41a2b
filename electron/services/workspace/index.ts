import type { Handlers } from '../../ipc/dispatcher';
import { GoalsService } from './goals';
import { GoalStepsService } from './steps';
import { GoalCheckInsService } from './checkIns';
import { TraitsService } from './traits';
import { NotesService } from './notes';
import { DecisionsService } from './decisions';
import { ReferralsService } from './referrals';
import type { WorkspaceDeps } from './support';

export { familyGoals, familyNotes, familyDecisions, familyTraits } from './familyRead';

/** The student plan workspace's services, built from the open vault and a clock. */
export interface WorkspaceServices {
  goals: GoalsService;
  steps: GoalStepsService;
  checkIns: GoalCheckInsService;
  traits: TraitsService;
  notes: NotesService;
  decisions: DecisionsService;
  referrals: ReferralsService;
}

export function createWorkspaceServices(deps: WorkspaceDeps): WorkspaceServices {
  return {
    goals: new GoalsService(deps),
    steps: new GoalStepsService(deps),
    checkIns: new GoalCheckInsService(deps),
    traits: new TraitsService(deps),
    notes: new NotesService(deps),
    decisions: new DecisionsService(deps),
    referrals: new ReferralsService(deps),
  };
}

type WorkspaceNamespaces = 'goals' | 'goalSteps' | 'goalCheckIns' | 'traits' | 'notes' | 'decisions' | 'referrals';

/** channel → service call for the workspace namespaces (spread into createHandlers). */
export function workspaceHandlers(w: WorkspaceServices): Pick<Handlers, WorkspaceNamespaces> {
  return {
    goals: {
      plan: (i) => w.goals.plan(i),
      create: (i) => w.goals.create(i),
      update: (i) => w.goals.update(i),
      archive: (i) => w.goals.setArchived(i, true),
      restore: (i) => w.goals.setArchived(i, false),
      remove: (i) => (w.goals.remove(i), null),
    },
    goalSteps: {
      create: (i) => w.steps.create(i),
      update: (i) => w.steps.update(i),
      remove: (i) => (w.steps.remove(i), null),
    },
    goalCheckIns: {
      create: (i) => w.checkIns.create(i),
      update: (i) => w.checkIns.update(i),
      remove: (i) => (w.checkIns.remove(i), null),
    },
    traits: {
      create: (i) => w.traits.create(i),
      update: (i) => w.traits.update(i),
      remove: (i) => (w.traits.remove(i), null),
      link: (i) => w.traits.link(i),
    },
    notes: {
      list: (i) => w.notes.list(i),
      search: (i) => w.notes.search(i),
      create: (i) => w.notes.create(i),
      update: (i) => w.notes.update(i),
      archive: (i) => w.notes.setArchived(i, true),
      restore: (i) => w.notes.setArchived(i, false),
      remove: (i) => (w.notes.remove(i), null),
    },
    decisions: {
      list: (i) => w.decisions.list(i),
      create: (i) => w.decisions.create(i),
      update: (i) => w.decisions.update(i),
      remove: (i) => (w.decisions.remove(i), null),
      linked: (i) => w.decisions.linked(i),
    },
    referrals: {
      list: (i) => w.referrals.list(i),
      create: (i) => w.referrals.create(i),
      update: (i) => w.referrals.update(i),
      archive: (i) => w.referrals.setArchived(i, true),
      restore: (i) => w.referrals.setArchived(i, false),
      remove: (i) => (w.referrals.remove(i), null),
    },
  };
}
