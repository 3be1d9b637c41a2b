import type { Locale } from '../../../shared/i18n/locales';
import type {
  FamilyGoal,
  FamilyScoreCards,
  PlanScenarioOption,
  ScenarioChoice,
  ScenarioComparison,
  SourceGuardian,
  SourceResult,
} from '../../../shared/ipc/contract/conferenceSources';

/**
 * What conference mode reads from the other concerns, in the main process. Each method is
 * synchronous (better-sqlite3) and must return family-visible data only for the `family*`
 * and `scenario*` methods: their results go to the family screen and the family summary
 * as they are. Text arrives in `locale`.
 *
 * The implementation is `wiredSources()` (./wiredSources.ts): each method calls the owning
 * concern's main-process read function on `session().db` and copies the fields it needs.
 */
export interface ConferenceSources {
  /** Student record: guardians offered as attendees (name, relationship, language, may receive information). */
  guardians(studentId: number): SourceResult<SourceGuardian[]>;
  /** Student record: the family's preferred language for materials (ISO 639-1), or null when not recorded. */
  familyLanguage(studentId: number): SourceResult<string | null>;
  /** Plan workspace: family-visible goals with their steps and latest progress. */
  familyGoals(studentId: number, locale: Locale): SourceResult<FamilyGoal[]>;
  /** Test results: one card per test with the parent-facing interpretation, and TSI readiness. */
  familyScoreCards(studentId: number, locale: Locale): SourceResult<FamilyScoreCards>;
  /** Course plans: the scenarios the counselor may put side by side. */
  planScenarios(studentId: number): SourceResult<PlanScenarioOption[]>;
  /** Course plans: 2–3 scenarios compared (scenarioIds[0] is the baseline). */
  scenarioComparison(studentId: number, scenarioIds: number[], locale: Locale): SourceResult<ScenarioComparison>;
  /**
   * Course plans (write): a scenario decision recorded when the conference ends, so the plan
   * concern can make it the active plan and log who agreed. Runs inside the transaction that
   * ends the conference (same connection): throw to refuse and nothing is saved.
   */
  recordScenarioChoice(choice: ScenarioChoice): SourceResult<void>;
}
