import type { BenchGroup, Figures } from '../lib';
import { benchCore, PASSPHRASE, percentile, rawBaselineDatabase, round, time } from '../lib';
import { syntheticStudents } from '../../e2e/fixtures/syntheticStudents';
import { studentSearchText, studentSortName } from '../../electron/services/students';

export const studentsBench: BenchGroup = {
  names: ['students.insert10k.service_ms', 'students.insert10k.raw_ms', 'students.insert10k.ratio', 'vault.unlock_ms', 'students.open.p50_ms', 'students.open.p95_ms'],
  async run(): Promise<Figures> {
    // 1,000 warm-up rows then the measured 10,000, on both sides (distinct IDs).
    const all = syntheticStudents(11_000, 42);
    const warm = all.slice(0, 1000);
    const rows = all.slice(1000);
    const { core, folder, dispose } = await benchCore();
    try {
      core.services.students.createMany(warm);
      const service = await time(() => core.services.students.createMany(rows));

      const baseline = rawBaselineDatabase(core.ctx.vault.session().db);
      let rawMs: number;
      try {
        const campus = baseline.db.prepare('INSERT INTO campuses (name, created_at) VALUES (?, ?)');
        const insert = baseline.db.prepare(`INSERT INTO students (local_id, state_id, first_name, middle_name, last_name, preferred_name, birth_date,
          grade_level, expected_graduation_year, campus_id, status, search_text, sort_name, version, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 1, ?, ?)`);
        // Same rows, same derived columns, precomputed: the baseline does only the writing.
        const ts = new Date().toISOString();
        const toParams = (list: typeof rows) => list.map((r) => [r.localId, r.stateId, r.firstName, r.middleName, r.lastName, r.preferredName, r.birthDate, r.gradeLevel, r.expectedGraduationYear, r.campusName, studentSearchText(r), studentSortName(r), ts, ts] as unknown[]);
        const campusIds = new Map<string, number>();
        const write = (prepared: unknown[][]) =>
          baseline.db.transaction(() => {
            for (const p of prepared) {
              const name = p[9] as string;
              let id = campusIds.get(name);
              if (id === undefined) {
                id = Number(campus.run(name, ts).lastInsertRowid);
                campusIds.set(name, id);
              }
              p[9] = id;
              insert.run(...p);
            }
          })();
        write(toParams(warm));
        const prepared = toParams(rows);
        const raw = await time(() => write(prepared));
        rawMs = raw.ms;
      } finally {
        baseline.cleanup();
      }

      // Open one student's record through the handler table, as the renderer does.
      const ids = (core.ctx.vault.session().db.prepare('SELECT id FROM students').all() as { id: number }[]).map((r) => r.id);
      for (let i = 0; i < 100; i++) await core.dispatch('wp:students.get', { id: ids[i] }, { scope: 'console' });
      const opens: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const id = ids[Math.floor(Math.random() * ids.length)];
        const { ms, value } = await time(() => core.dispatch('wp:students.get', { id }, { scope: 'console' }));
        if (!value.ok) throw new Error('open failed');
        opens.push(ms);
      }

      // Unlock: passphrase → KDF → unwrap → verify → migrations check → first query.
      const unlocks: number[] = [];
      for (let i = 0; i < 5; i++) {
        await core.ctx.vault.lock('user');
        const { ms } = await time(async () => {
          await core.ctx.vault.unlock(folder, PASSPHRASE);
          core.ctx.vault.session().db.prepare('SELECT count(*) FROM students').get();
        });
        unlocks.push(ms);
      }
      return {
        'students.insert10k.service_ms': round(service.ms, 1),
        'students.insert10k.raw_ms': round(rawMs, 1),
        'students.insert10k.ratio': round(service.ms / rawMs, 2),
        'vault.unlock_ms': round(percentile(unlocks, 50), 1),
        'students.open.p50_ms': round(percentile(opens, 50)),
        'students.open.p95_ms': round(percentile(opens, 95)),
      };
    } finally {
      await dispose();
    }
  },
};
