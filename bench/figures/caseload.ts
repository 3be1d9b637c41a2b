import type { BenchGroup, Figures } from '../lib';
import { benchCore, percentile, round, time } from '../lib';
import { syntheticStudents } from '../../e2e/fixtures/syntheticStudents';
import { GRADE_LEVELS } from '../../shared/domain/gradeLevels';
import type { CaseloadFacts } from '../../shared/ipc/contract';

/**
 * caseload.page.facts.p50_ms / .p95_ms: one filtered, sorted page of 100 at 10,000 students
 * through the handler table, with the fact filters active (course plan, goals, last
 * conference, follow-ups due — each query has one or two, often with a grade or program
 * filter and a sort). The vault holds what those filters read: programs for 1 in 4 students,
 * goals for 1 in 3, course plans for half, and 4,000 held conferences over the last 400 days
 * with 12,000 action items (half done, due dates spread around today).
 */
export const caseloadBench: BenchGroup = {
  names: ['caseload.page.facts.p50_ms', 'caseload.page.facts.p95_ms'],
  async run(): Promise<Figures> {
    const { core, dispose } = await benchCore();
    try {
      const ids = core.services.students.createMany(syntheticStudents(10_000, 31));
      const db = core.ctx.vault.session().db;
      const now = Date.now();
      const day = 86_400_000;
      const iso = (ms: number) => new Date(ms).toISOString();
      const date = (ms: number) => iso(ms).slice(0, 10);
      db.transaction(() => {
        const program = db.prepare(`INSERT INTO student_programs (student_id, program, current, source, created_at, updated_at) VALUES (?, ?, 1, 'counselor', ?, ?)`);
        const goal = db.prepare(`INSERT INTO goals (student_id, domain, horizon, statement, created_at, updated_at, archived_at) VALUES (?, 'career', 'long', 'Goal', ?, ?, ?)`);
        const plan = db.prepare(`INSERT INTO course_plans (student_id, name, kind, rule_set_ref, program, endorsement, confirmations, version, created_at, updated_at) VALUES (?, 'Four-year plan', 'active', 'shipped:texas-fhsp', 'endorsement', 'stem', '[]', 1, ?, ?)`);
        const conference = db.prepare(`INSERT INTO conferences (student_id, purpose, family_language, status, started_at, ended_at, version, created_at, updated_at) VALUES (?, 'pgp_review', 'en', ?, ?, ?, 1, ?, ?)`);
        const action = db.prepare(`INSERT INTO conference_action_items (conference_id, student_id, text, due_date, done, visibility, position, version, created_at, updated_at) VALUES (?, ?, 'Follow-up', ?, ?, 'family', ?, 1, ?, ?)`);
        const ts = iso(now);
        const programs = ['special-education', 'gifted-talented', 'emergent-bilingual', 'section-504'];
        ids.forEach((id, i) => {
          if (i % 4 === 0) program.run(id, programs[(i / 4) % programs.length], ts, ts);
          if (i % 3 === 0) goal.run(id, ts, ts, i % 9 === 0 ? ts : null);
          if (i % 2 === 0) plan.run(id, ts, ts);
          if (i % 5 < 2) {
            const started = now - ((i * 37) % 400) * day;
            const c = Number(conference.run(id, i % 7 === 0 ? 'in_progress' : 'ended', iso(started), i % 7 === 0 ? null : iso(started + 3_600_000), ts, ts).lastInsertRowid);
            for (let k = 0; k < 3; k++) action.run(c, id, date(started + ((k * 20 + (i % 30)) - 10) * day), (i + k) % 2, k + 1, ts, ts);
          }
        });
      })();

      const facts: CaseloadFacts[] = [
        { hasCoursePlan: true },
        { hasCoursePlan: false },
        { hasGoals: true },
        { hasGoals: false, hasCoursePlan: true },
        { lastConference: { when: 'within', days: 90 } },
        { lastConference: { when: 'before', date: date(now - 180 * day) } },
        { lastConference: { when: 'onOrAfter', date: date(now - 30 * day) } },
        { lastConference: { when: 'never' } },
        { followUps: { due: 'overdue' } },
        { followUps: { due: 'by', date: date(now + 7 * day) } },
        { lastConference: { when: 'never' }, hasCoursePlan: false },
        { followUps: { due: 'overdue' }, lastConference: { when: 'within', days: 60 } },
      ];
      const grades = GRADE_LEVELS.filter((g) => g !== 'PK' && g !== '13');
      const sorts = ['name', 'grade', 'campus', 'graduationYear', 'localId'] as const;
      const programs = ['special-education', 'gifted-talented', 'emergent-bilingual', 'section-504'] as const;
      const queries = Array.from({ length: 330 }, (_v, i) => ({
        facts: facts[i % facts.length],
        gradeLevels: i % 3 === 2 ? [] : [grades[i % grades.length], grades[(i * 7) % grades.length]],
        programs: i % 4 === 1 ? [programs[i % programs.length]] : [],
        search: i % 10 === 0 ? ['gar', 'ana', 'lo'][i % 3] : '',
        sortBy: sorts[i % sorts.length],
        sortDirection: i % 2 ? 'desc' : 'asc',
        page: i % 4 === 3 ? 1 : 0,
        pageSize: 100,
      }));
      const samples: number[] = [];
      for (const [i, q] of queries.entries()) {
        const { ms, value } = await time(() => core.dispatch('wp:students.list', q, { scope: 'console' }));
        if (!value.ok) throw new Error(`list failed: ${JSON.stringify(value.error)}`);
        if (i >= 30) samples.push(ms);
      }
      return {
        'caseload.page.facts.p50_ms': round(percentile(samples, 50)),
        'caseload.page.facts.p95_ms': round(percentile(samples, 95)),
      };
    } finally {
      await dispose();
    }
  },
};
