import { AppError } from '../../../shared/ipc/errors';
import { compareScenarios, type ScenarioSnapshot } from '../../../shared/domain/graduation/compare';
import { differenceSentences, gradeLabel, pick, reasonText, whenLabel } from '../../../shared/domain/graduation/describe';
import { PLAN_GRADES } from '../../../shared/domain/graduation/vocabulary';
import { createTranslator, type Locale } from '../../../shared/i18n';
import type { FamilyScenario as ContractFamilyScenario, FamilyScenarioDifference } from '../../../shared/ipc/contract/conferenceSources';
import type { RawDatabase } from '../../vault/database';
import { PlanService } from './planService';
import { CourseStore } from './store';

/**
 * The read function conference mode uses for the family view: two or three of a student's
 * plan scenarios side by side, built in the main process from family-safe data only.
 *
 *   scenarioComparison(db, studentId, scenarioIds, { locale }) → FamilyScenarioComparison
 *
 * - `db`: the vault's better-sqlite3 connection (`session().db`); read-only use.
 * - `scenarioIds`: course_plans ids of this student, the first being the base the others are
 *   compared with (usually the active plan). Empty → the active plan and up to two scenarios.
 *   Ids of another student's plans → NOT_FOUND (AppError).
 * - Everything is plain JSON with text already in `locale` (default 'en').
 *
 * What is left out on purpose (counselor-only): plan and course notes, prerequisite waivers
 * (who approved, why), marks, teachers' placement recommendations, counselor confirmations,
 * decision records, student names and IDs. Scenario names ARE included: the plan screen
 * labels them as visible to families.
 */

/** The family's view of a plan is the conference contract's shape (one definition for both). */
export type FamilyScenario = ContractFamilyScenario;
export type FamilyYear = FamilyScenario['years'][number];
export type FamilyCourse = FamilyYear['courses'][number];

/** One scenario's changes, as the conference family screen shows them (one shape for both). */
export type FamilyDifference = FamilyScenarioDifference;

export interface FamilyScenarioComparison {
  studentId: number;
  locale: Locale;
  generatedAt: string;
  ruleSet: { name: string; uncertainNote: string | null };
  scenarios: FamilyScenario[];
  differences: FamilyDifference[];
}

export function scenarioComparison(db: RawDatabase, studentId: number, scenarioIds: readonly number[], options: { locale?: Locale; now?: Date } = {}): FamilyScenarioComparison {
  const locale = options.locale ?? 'en';
  const now = options.now ?? new Date();
  const t = createTranslator(locale) as unknown as (key: string, params?: Record<string, unknown>) => string;
  const store = new CourseStore(() => ({ db, vaultId: 'family-view' }));
  const plans = new PlanService(store, () => now, () => locale);
  let ids = [...scenarioIds];
  if (ids.length === 0) {
    const rows = db.prepare(`SELECT id FROM course_plans WHERE student_id = ? AND kind IN ('active','scenario') ORDER BY CASE kind WHEN 'active' THEN 0 ELSE 1 END, created_at DESC, id DESC LIMIT 3`).all(studentId) as { id: number }[];
    ids = rows.map((r) => r.id);
    if (ids.length === 0) throw new AppError('NOT_FOUND', 'This student has no course plan yet.');
  }
  if (ids.length > 3) throw new AppError('VALIDATION', 'Compare at most three plans at once.');
  const snaps = plans.snapshots(studentId, ids);
  const first = snaps[0];
  const rs = store.ruleSet(first.plan.rule_set_ref);
  const uncertain = snaps.some((s) => s.snapshot.audit.areas.some((a) => a.uncertain || a.requirements.some((r) => r.uncertain)) || s.snapshot.audit.endorsements.some((e) => e.chosen && e.uncertain));

  const scenarios: FamilyScenario[] = snaps.map(({ plan, cells, snapshot }) => {
    const a = snapshot.audit;
    const chosen = a.endorsements.find((e) => e.chosen) ?? null;
    const years: FamilyYear[] = PLAN_GRADES.map((g) => {
      const courses = cells
        .filter((c) => c.grade === g)
        .map((c) => ({ code: c.code, title: c.title, credits: c.credits, term: c.term, termLabel: t(`courses.terms.${c.term}`), status: c.status, statusLabel: t(`courses.status.${c.status}`) }));
      return { grade: g, gradeLabel: gradeLabel(t, g), credits: Math.round(courses.reduce((s, c) => s + c.credits, 0) * 1000) / 1000, courses };
    }).filter((y) => y.courses.length > 0 || ['09', '10', '11', '12'].includes(y.grade));
    return {
      id: plan.id,
      name: plan.name,
      isActive: plan.kind === 'active',
      program: a.program,
      programLabel: pick(a.programLabel, locale),
      endorsement: a.endorsement ? { code: a.endorsement, label: chosen ? pick(chosen.label, locale) : t(`courses.endorsements.${a.endorsement}`), met: chosen ? chosen.level !== 'missing' : false } : null,
      onTrack: a.status === 'on-track',
      statusLabel: t(a.status === 'on-track' ? 'courses.audit.onTrack' : 'courses.audit.atRisk'),
      reasons: a.reasons.map((r) => reasonText(t, locale, r)),
      credits: { earned: a.totals.earned, inProgress: a.totals.inProgress, planned: a.totals.planned, required: a.totals.required },
      areas: a.areas.map((x) => ({ code: x.code, label: pick(x.label, locale), required: x.required, reached: Math.round((x.earned + x.inProgress + x.planned) * 1000) / 1000, met: x.level !== 'missing' })),
      distinguishedLevel: a.dla ? { label: pick(a.dla.label, locale), applicable: a.dla.applicable, met: a.dla.level !== 'missing' } : null,
      years,
    };
  });

  const differences: FamilyDifference[] =
    snaps.length < 2
      ? []
      : compareScenarios(snaps.map((s): ScenarioSnapshot => s.snapshot), (code) => store.courseByCode(code)?.title ?? null).differences.map((d) => ({
          scenarioId: d.otherId,
          comparedWithId: d.baseId,
          added: d.added.map((c) => ({ title: c.title, when: whenLabel(t, c.grade, c.term), credits: c.credits })),
          removed: d.removed.map((c) => ({ title: c.title, when: whenLabel(t, c.grade, c.term), credits: c.credits })),
          moved: d.moved.map((c) => ({ title: c.title, from: whenLabel(t, c.fromGrade, c.fromTerm), to: whenLabel(t, c.grade, c.term) })),
          areas: d.areas.map((x) => ({ label: pick(x.label, locale), before: x.base, after: x.other, required: x.requiredOther, metBefore: x.metBase, metAfter: x.metOther })),
          requirementsGained: d.requirementsGained.map((r) => pick(r.label, locale)),
          requirementsLost: d.requirementsLost.map((r) => pick(r.label, locale)),
          prerequisitesBroken: d.prerequisitesBroken.map((p) => ({ course: p.title, needs: p.missingTitles.join(' / ') })),
          prerequisitesFixed: d.prerequisitesFixed.map((p) => ({ course: p.title, needs: p.missingTitles.join(' / ') })),
          endorsement: d.endorsement
            ? {
                before: d.endorsement.base ? t(`courses.endorsements.${d.endorsement.base}`) : null,
                after: d.endorsement.other ? t(`courses.endorsements.${d.endorsement.other}`) : null,
                metAfter: d.endorsement.otherLevel !== null && d.endorsement.otherLevel !== 'missing',
              }
            : null,
          distinguishedLevel: d.dla ? { before: d.dla.base !== 'missing', after: d.dla.other !== 'missing' } : null,
          onTrack: d.onTrack ? { before: d.onTrack.base === 'on-track', after: d.onTrack.other === 'on-track' } : null,
          sentences: differenceSentences(t, locale, d),
        }));

  return {
    studentId,
    locale,
    generatedAt: now.toISOString(),
    ruleSet: { name: pick(rs.def.name, locale), uncertainNote: uncertain ? t('courses.family.uncertainNote') : null },
    scenarios,
    differences,
  };
}

/**
 * The plans a counselor may put side by side for the family: the active plan first, then the
 * scenarios, oldest first (past versions are history, not options). Names only — no notes.
 */
export function planScenarioOptions(db: RawDatabase, studentId: number): { id: number; name: string; isActive: boolean; updatedAt: string }[] {
  const rows = db
    .prepare(`SELECT id, name, kind, updated_at FROM course_plans WHERE student_id = ? AND kind IN ('active','scenario') ORDER BY CASE kind WHEN 'active' THEN 0 ELSE 1 END, created_at, id`)
    .all(studentId) as { id: number; name: string; kind: 'active' | 'scenario'; updated_at: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, isActive: r.kind === 'active', updatedAt: r.updated_at }));
}
