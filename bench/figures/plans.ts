import { performance } from 'node:perf_hooks';
import type { BenchGroup, Figures } from '../lib';
import { benchCore, percentile, round } from '../lib';
import { syntheticStudents } from '../../e2e/fixtures/syntheticStudents';
import { auditPlan } from '../../shared/domain/graduation/audit';
import { prepareCatalog } from '../../shared/domain/graduation/catalog';
import { shippedRuleSet } from '../../shared/domain/graduation/shipped';
import { testCatalog } from '../../shared/domain/graduation/testCatalog';
import { entry, FULL_PLAN } from '../../shared/domain/graduation/testPlans';
import type { OffTrackReport } from '../../shared/ipc/contract';

/**
 * plan.audit.p95_ms: the full graduation audit of one four-year plan (29 courses, Texas rules,
 * every endorsement and acknowledgment), as the plan screen runs it after each change.
 * report.offTrack10k.ms: the caseload-wide off-track report through the handler table over a
 * 10,000-student encrypted vault where every student has an active plan and a transcript —
 * cold: the audit cache is emptied before each run, so all 10,000 plans are read and audited.
 * report.offTrack10k.warm_ms: the same call again with nothing changed (paging, filtering).
 */
export const plansBench: BenchGroup = {
  names: ['plan.audit.p95_ms', 'report.offTrack10k.ms', 'report.offTrack10k.warm_ms'],
  async run(): Promise<Figures> {
    const def = shippedRuleSet('texas-fhsp')!;
    const courses = testCatalog();
    const catalog = prepareCatalog(def, courses);
    const creditsOf = (code: string) => courses.find((c) => c.code === code)?.credits ?? 1;
    const plan = FULL_PLAN.map((s) => entry(s, {}, creditsOf));
    const options = { program: 'endorsement' as const, endorsement: 'stem' as const, currentGrade: '11' as const, pgp: { endorsementChosen: true, signed: true, foundationOnlyPermitted: false } };
    for (let i = 0; i < 300; i++) auditPlan(def, catalog, plan, options);
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      auditPlan(def, catalog, plan, options);
      samples.push(performance.now() - t0);
    }

    const { core, dispose } = await benchCore();
    try {
      const students = syntheticStudents(10_000, 11).map((s, i) => ({ ...s, gradeLevel: (['09', '10', '11', '12'] as const)[i % 4] }));
      const ids = core.services.students.createMany(students);
      const db = core.ctx.vault.session().db;
      const ts = new Date().toISOString();
      db.transaction(() => {
        const course = db.prepare(`INSERT INTO courses (code, title, credits, subject, grade_levels, prerequisites, flags, endorsements, tags, cluster, language, equivalents, repeatable, college_hours, high_school_credit, source, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)`);
        for (const c of courses) {
          course.run(c.code, c.title, c.credits, c.subject, JSON.stringify(c.gradeLevels), JSON.stringify(c.prerequisites), JSON.stringify(c.flags), JSON.stringify(c.endorsements), JSON.stringify(c.tags), c.cluster, c.language, JSON.stringify(c.equivalents), c.repeatable ? 1 : 0, c.collegeHours, c.highSchoolCredit ? 1 : 0, ts, ts);
        }
        const planInsert = db.prepare(`INSERT INTO course_plans (student_id, name, kind, rule_set_ref, program, endorsement, confirmations, version, created_at, updated_at) VALUES (?, 'Four-year plan', 'active', 'shipped:texas-fhsp', 'endorsement', 'stem', '[]', 1, ?, ?)`);
        const entryInsert = db.prepare(`INSERT INTO plan_entries (plan_id, course_code, grade, term, status, waivers, created_at) VALUES (?, ?, ?, ?, 'planned', '[]', ?)`);
        const recordInsert = db.prepare(`INSERT INTO course_records (student_id, course_code, grade, term, status, credits, credit_source, source, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'course', 'manual', 1, ?, ?)`);
        ids.forEach((studentId, i) => {
          const planId = Number(planInsert.run(studentId, ts, ts).lastInsertRowid);
          // Vary the plans: every seventh student drops a course, so some are at risk.
          const drop = i % 7 === 0 ? FULL_PLAN[(i / 7) % FULL_PLAN.length] : null;
          for (const e of plan) {
            if (drop && e.code === drop.split(/\s+/)[1]) continue;
            if (e.status === 'completed' || e.status === 'in-progress') recordInsert.run(studentId, e.code, e.grade, e.term, e.status, e.credits ?? null, ts, ts);
            else entryInsert.run(planId, e.code, e.grade, e.term, ts);
          }
        });
      })();
      // One warm-up call (JIT), then the measured cold runs (median of 5), then warm runs.
      const report = async () => {
        const t0 = performance.now();
        const env = await core.dispatch('wp:coursePlans.offTrack', { status: 'all', pageSize: 100 }, { scope: 'console' });
        const ms = performance.now() - t0;
        if (!env.ok) throw new Error(`offTrack failed: ${env.error.message}`);
        if ((env.value as OffTrackReport).total !== 10_000) throw new Error(`offTrack covered ${(env.value as OffTrackReport).total} students`);
        return ms;
      };
      core.services.reports.clear();
      await report();
      const cold: number[] = [];
      for (let i = 0; i < 5; i++) {
        core.services.reports.clear();
        cold.push(await report());
      }
      const warm: number[] = [];
      for (let i = 0; i < 20; i++) warm.push(await report());
      return {
        'plan.audit.p95_ms': round(percentile(samples, 95)),
        'report.offTrack10k.ms': round(percentile(cold, 50), 1),
        'report.offTrack10k.warm_ms': round(percentile(warm, 50), 1),
      };
    } finally {
      await dispose();
    }
  },
};
