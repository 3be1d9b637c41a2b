import type { VaultSession } from '../../vault/vaultManager';
import { createTranslator } from '../../../shared/i18n';
import { LOCALES, type Locale } from '../../../shared/i18n/locales';
import { localIsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/errors';
import type { GoalStatus } from '../../../shared/domain/workspace/vocabulary';
import type { AgreedRole } from '../../../shared/ipc/contract/coursePlans';
import { available, unavailable, type FamilyGoal, type FamilyScoreCards, type ScenarioComparison, type SourceResult } from '../../../shared/ipc/contract/conferenceSources';
import { readGuardians } from '../studentRecord/guardians';
import { familyGoals } from '../workspace/familyRead';
import { familyScoreSummary } from '../scores/familySummary';
import { planScenarioOptions, scenarioComparison } from '../courses/familyComparison';
import type { PlanService } from '../courses/planService';
import type { ConferenceSources } from './sources';

/**
 * Conference mode's reads from the other concerns, wired to each concern's own main-process
 * read function on the vault's connection:
 *  - guardians, family language → the student record (`guardians`, `students.family_language`);
 *  - goals → workspace `familyGoals` (family-visible goals, steps, check-ins, linked traits);
 *  - test results → scores `familyScoreSummary` (latest result per test, parent explanations);
 *  - plan scenarios and their comparison → courses `planScenarioOptions` / `scenarioComparison`;
 *  - a scenario agreed in a conference → courses `PlanService.chooseInConference`.
 * Each concern filters to family-visible data in its SQL; these adapters then copy only the
 * fields the family screen shows, field by field, so nothing a concern adds later (a note,
 * an ID) passes through unseen.
 */
export interface WiredSourcesDeps {
  session: () => Pick<VaultSession, 'db'>;
  now: () => Date;
  plans: PlanService;
}

const GOAL_TONE: Record<GoalStatus, FamilyGoal['tone']> = {
  'not-started': 'not_started',
  'in-progress': 'active',
  achieved: 'achieved',
  revised: 'stopped',
  discontinued: 'stopped',
};

/** Conference attendee role → the course plan's "who agreed" role. */
export function agreedRole(role: string, detail: string | null | undefined): AgreedRole {
  switch (role) {
    case 'student':
    case 'counselor':
    case 'teacher':
      return role;
    case 'guardian':
      // The attendee role means "parent or guardian"; the relationship typed beside it says which.
      return /\b(mother|father|mom|dad|parent|stepmother|stepfather|madre|padre|mam[aá]|pap[aá]|madrastra|padrastro)\b/i.test(detail ?? '') ? 'parent' : 'guardian';
    default:
      return 'other';
  }
}

/** The name the courses concern gives a new plan, in each language it may have been created in. */
const DEFAULT_PLAN_NAMES = new Set(LOCALES.map((l) => createTranslator(l)('courses.plan.defaultName')));

/**
 * A plan's name as the family reads it: the name the app gave it ("Four-year plan", stored in
 * the counselor's language when the plan was started) in the family's language; a name the
 * counselor typed stays exactly as typed.
 */
export function familyPlanName(name: string, locale: Locale): string {
  return DEFAULT_PLAN_NAMES.has(name) ? createTranslator(locale)('courses.plan.defaultName') : name;
}

export function wiredSources(deps: WiredSourcesDeps): ConferenceSources {
  const db = () => deps.session().db;
  const today = () => localIsoDate(deps.now());

  return {
    guardians(studentId) {
      return available(
        readGuardians(db(), studentId).map((g) => ({
          id: g.id,
          name: g.displayName,
          relationship: g.relationship,
          language: g.language,
          mayReceiveInformation: g.mayReceiveInformation,
        })),
      );
    },

    familyLanguage(studentId) {
      const r = db().prepare('SELECT family_language FROM students WHERE id = ?').get(studentId) as { family_language: string | null } | undefined;
      return r ? available(r.family_language) : unavailable;
    },

    familyGoals(studentId, locale) {
      const t = createTranslator(locale);
      const goals: FamilyGoal[] = familyGoals(db(), studentId, today()).map((g) => {
        const rating = g.progress.latestRating;
        return {
          id: g.id,
          area: `${t(`workspace.domain.${g.domain}`)} · ${t(`workspace.horizon.${g.horizon}`)}`,
          statement: g.statement,
          status: t(`workspace.status.${g.status}`),
          tone: GOAL_TONE[g.status],
          targetDate: g.targetDate,
          measureOfSuccess: g.successMeasure,
          steps: g.steps.map((s) => ({ text: s.text, owner: t(`workspace.owner.${s.owner}`), dueDate: s.dueDate, done: s.done })),
          // Ratings run 1 (no progress yet) to 5 (goal met): a quarter of the bar per step.
          progress: rating !== null && g.progress.latestOn ? { date: g.progress.latestOn, label: t(`workspace.rating.${rating}`), percent: (rating - 1) * 25 } : null,
          helpedBy: g.helpedBy.map((x) => x.statement),
          hinderedBy: g.hinderedBy.map((x) => x.statement),
        };
      });
      return available(goals);
    },

    familyScoreCards(studentId, locale) {
      const summary = familyScoreSummary(db(), studentId, locale, { asOf: today() });
      const result: FamilyScoreCards = {
        collegeReadiness: summary.collegeReadiness ? { title: summary.collegeReadiness.title, ready: summary.collegeReadiness.ready, lines: [...summary.collegeReadiness.lines] } : null,
        cards: summary.cards.map((c) => ({
          id: c.resultId,
          family: c.family,
          testName: c.testName,
          administeredOn: c.administrationDate,
          dateText: c.dateText,
          status: c.status,
          headline: c.headline,
          sections: c.sections.map((s) => ({
            name: s.name,
            score: s.score,
            scale: s.scale ? { min: s.scale.min, max: s.scale.max, position: s.scale.position } : null,
            benchmark: s.benchmark ? { value: s.benchmark.value, met: s.benchmark.met, position: s.benchmark.position } : null,
            level: s.level,
          })),
          means: [...c.means],
          doesNotMean: [...c.doesNotMean],
          nextSteps: [...c.nextSteps],
          notes: [...c.notes],
        })),
      };
      return available(result);
    },

    planScenarios(studentId) {
      return available(planScenarioOptions(db(), studentId));
    },

    scenarioComparison(studentId, scenarioIds, locale) {
      let c: ReturnType<typeof scenarioComparison>;
      try {
        c = scenarioComparison(db(), studentId, scenarioIds, { locale, now: deps.now() });
      } catch (err) {
        // A plan deleted while it was on the family screen: say "not available", do not break the screen.
        if (err instanceof AppError && err.code === 'NOT_FOUND') return unavailable;
        throw err;
      }
      const result: ScenarioComparison = {
        ruleSet: { name: c.ruleSet.name, uncertainNote: c.ruleSet.uncertainNote },
        scenarios: c.scenarios.map((s) => ({
          id: s.id,
          name: familyPlanName(s.name, locale),
          isActive: s.isActive,
          program: s.program,
          programLabel: s.programLabel,
          endorsement: s.endorsement ? { code: s.endorsement.code, label: s.endorsement.label, met: s.endorsement.met } : null,
          onTrack: s.onTrack,
          statusLabel: s.statusLabel,
          reasons: [...s.reasons],
          credits: { earned: s.credits.earned, inProgress: s.credits.inProgress, planned: s.credits.planned, required: s.credits.required },
          areas: s.areas.map((a) => ({ code: a.code, label: a.label, required: a.required, reached: a.reached, met: a.met })),
          distinguishedLevel: s.distinguishedLevel ? { label: s.distinguishedLevel.label, applicable: s.distinguishedLevel.applicable, met: s.distinguishedLevel.met } : null,
          years: s.years.map((y) => ({
            grade: y.grade,
            gradeLabel: y.gradeLabel,
            credits: y.credits,
            courses: y.courses.map((x) => ({ code: x.code, title: x.title, credits: x.credits, term: x.term, termLabel: x.termLabel, status: x.status, statusLabel: x.statusLabel })),
          })),
        })),
        differences: c.differences.map((d) => ({
          scenarioId: d.scenarioId,
          comparedWithId: d.comparedWithId,
          added: d.added.map((x) => ({ title: x.title, when: x.when, credits: x.credits })),
          removed: d.removed.map((x) => ({ title: x.title, when: x.when, credits: x.credits })),
          moved: d.moved.map((x) => ({ title: x.title, from: x.from, to: x.to })),
          areas: d.areas.map((x) => ({ label: x.label, before: x.before, after: x.after, required: x.required, metBefore: x.metBefore, metAfter: x.metAfter })),
          requirementsGained: [...d.requirementsGained],
          requirementsLost: [...d.requirementsLost],
          prerequisitesBroken: d.prerequisitesBroken.map((x) => ({ course: x.course, needs: x.needs })),
          prerequisitesFixed: d.prerequisitesFixed.map((x) => ({ course: x.course, needs: x.needs })),
          endorsement: d.endorsement ? { before: d.endorsement.before, after: d.endorsement.after, metAfter: d.endorsement.metAfter } : null,
          distinguishedLevel: d.distinguishedLevel ? { before: d.distinguishedLevel.before, after: d.distinguishedLevel.after } : null,
          onTrack: d.onTrack ? { before: d.onTrack.before, after: d.onTrack.after } : null,
          sentences: [...d.sentences],
        })),
      };
      return available(result);
    },

    recordScenarioChoice(choice): SourceResult<void> {
      deps.plans.chooseInConference({
        studentId: choice.studentId,
        planId: choice.scenarioId,
        agreedBy: choice.agreedBy.map((a) => ({ name: a.name, role: agreedRole(a.role, a.detail) })),
        decidedOn: choice.decidedOn,
        conferenceId: choice.conferenceId,
      });
      return available(undefined);
    },
  };
}
