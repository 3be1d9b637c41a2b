import type { BenchGroup, Figures } from '../lib';
import { benchCore, percentile, round, time } from '../lib';
import { syntheticStudents } from '../../e2e/fixtures/syntheticStudents';
import { syntheticNoteBodies } from '../../e2e/fixtures/syntheticNotes';

/** What counselors type into the notes search box: common and rare words, prefixes, accents, Spanish. */
const QUERIES = ['fafsa', 'nursing', 'algebra missing', 'enferm', 'química', 'quimica tutorias', 'dual credit', 'cna', 'robot', 'tsia2', 'arlington', 'becas', 'stress staar', 'welding cte', 'transicion', 'grandmother', 'tard', 'a'];

export const workspaceBench: BenchGroup = {
  names: ['notes.search.p50_ms', 'notes.search.p95_ms', 'notes.searchStudent.p95_ms'],
  async run(): Promise<Figures> {
    const { core, dispose } = await benchCore();
    try {
      const studentIds = core.services.students.createMany(syntheticStudents(2000, 11));
      const db = core.ctx.vault.session().db;
      // Setup, not measured: 100,000 notes over 2,000 students (50 each), index kept by the triggers.
      const bodies = syntheticNoteBodies(100_000, 5);
      const insert = db.prepare(`INSERT INTO notes (student_id, visibility, kind, body, version, created_at, updated_at) VALUES (?, ?, 'general', ?, 1, ?, ?)`);
      const vis = ['private', 'private', 'staff', 'family'];
      const setup = await time(() =>
        db.transaction(() => {
          bodies.forEach((b, i) => {
            const ts = new Date(Date.UTC(2024, 0, 1) + i * 600_000).toISOString();
            insert.run(studentIds[i % studentIds.length], vis[i % vis.length], b, ts, ts);
          });
        })(),
      );
      console.log(`(setup: 100,000 notes indexed in ${round(setup.ms / 1000, 1)} s)`);

      const run = async (input: (i: number) => unknown, n: number) => {
        const samples: number[] = [];
        for (let i = 0; i < n; i++) {
          const { ms, value } = await time(() => core.dispatch('wp:notes.search', input(i), { scope: 'console' }));
          if (!value.ok) throw new Error('search failed');
          samples.push(ms);
        }
        return samples;
      };
      const caseload = (i: number) => ({ query: QUERIES[i % QUERIES.length], limit: 50 });
      const oneStudent = (i: number) => ({ query: QUERIES[i % QUERIES.length], studentId: studentIds[(i * 37) % studentIds.length] });
      await run(caseload, 50); // warm-up
      const all = await run(caseload, QUERIES.length * 20);
      await run(oneStudent, 50);
      const student = await run(oneStudent, 400);
      return {
        'notes.search.p50_ms': round(percentile(all, 50)),
        'notes.search.p95_ms': round(percentile(all, 95)),
        'notes.searchStudent.p95_ms': round(percentile(student, 95)),
      };
    } finally {
      await dispose();
    }
  },
};
