import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchGroup, Figures } from '../lib';
import { benchCore, percentile, rawBaselineDatabase, round, tempDir, time } from '../lib';
import { syntheticSisCsv } from '../../e2e/fixtures/syntheticRoster';
import type { RawDatabase } from '../../electron/vault/database';
import type { RosterChooseResult, RosterPreview } from '../../shared/ipc/contract/roster';
import type { WaypointCore } from '../../electron/ipc/app';
import { GRADE_LEVELS } from '../../shared/domain/gradeLevels';

const EDFI = resolve(__dirname, '../../..', 'shared/data/edfi');

async function ok<T>(core: WaypointCore, channel: string, input: unknown): Promise<T> {
  const env = await core.dispatch(channel, input, { scope: 'console' });
  if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

/** Choose → (map) → preview → commit, through the handler table as the renderer does it. */
async function importThroughService(core: WaypointCore & { dialogs: { openFiles: Record<string, (string[] | null)[]> } }, path: string, kind: 'folder' | 'files'): Promise<void> {
  core.dialogs.openFiles.import = [[path]];
  const chosen = await ok<RosterChooseResult>(core, 'wp:roster.choose', { kind });
  let preview: RosterPreview;
  if (chosen.status === 'mapping') preview = await ok<RosterPreview>(core, 'wp:roster.map', { token: chosen.mapping.token, mapping: chosen.mapping.mapping });
  else if (chosen.status === 'preview') preview = chosen.preview;
  else throw new Error('cancelled');
  if (!preview.canCommit) throw new Error(`cannot commit: ${preview.problems[0]?.message ?? 'nothing to import'}`);
  await ok(core, 'wp:roster.commit', { token: preview.token });
}

const TABLES = ['campuses', 'students', 'student_programs', 'guardians'] as const;

/** Raw prepared inserts of exactly the rows the import wrote, into a fresh encrypted database. */
async function rawInsertMs(vaultDb: RawDatabase, after: Record<string, number>): Promise<number> {
  const baseline = rawBaselineDatabase(vaultDb);
  try {
    const data = TABLES.map((t) => {
      const rows = vaultDb.prepare(`SELECT * FROM ${t} WHERE id > ? ORDER BY id`).raw().all(after[t]) as unknown[][];
      const columns = vaultDb.prepare(`SELECT * FROM ${t} LIMIT 1`).columns().map((c) => c.name);
      return { t, rows, statement: baseline.db.prepare(`INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`) };
    });
    // Campuses the warm-up created are there already in the vault; the baseline gets them untimed.
    const campuses = vaultDb.prepare('SELECT * FROM campuses WHERE id <= ?').raw().all(after.campuses) as unknown[][];
    for (const c of campuses) data[0].statement.run(...c);
    const write = baseline.db.transaction(() => {
      for (const d of data) for (const r of d.rows) d.statement.run(...r);
    });
    return (await time(() => write())).ms;
  } finally {
    baseline.cleanup();
  }
}

export const rosterBench: BenchGroup = {
  names: ['import.edfi.ms', 'import.sisCsv10k.ms', 'import.sisCsv10k.raw_ms', 'import.sisCsv10k.ratio', 'caseload.page.p50_ms', 'caseload.page.p95_ms'],
  async run(): Promise<Figures> {
    const files = tempDir();
    const csvPath = join(files.dir, 'district-export.csv');
    writeFileSync(csvPath, syntheticSisCsv(10_000, 11));
    const warmPath = join(files.dir, 'warm-up.csv');
    writeFileSync(warmPath, syntheticSisCsv(1_000, 3, 500_000));
    try {
      // Ed-Fi sample: median of three imports, each into a fresh vault, after a warm-up.
      const edfi: number[] = [];
      for (let i = 0; i < 4; i++) {
        const v = await benchCore();
        try {
          const { ms } = await time(() => importThroughService(v.core, EDFI, 'folder'));
          if (i > 0) edfi.push(ms);
        } finally {
          await v.dispose();
        }
      }

      // 10,000-row SIS CSV into a vault that has seen a 1,000-row warm-up of other students.
      const sisRuns: { ms: number; raw: number }[] = [];
      let pageTimes: number[] = [];
      for (let i = 0; i < 7; i++) {
        const v = await benchCore();
        try {
          await importThroughService(v.core, warmPath, 'files');
          const db = v.core.ctx.vault.session().db;
          // Only the rows the measured import writes go into the baseline.
          const after = Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${t}`).get() as { n: number }).n]));
          const { ms } = await time(() => importThroughService(v.core, csvPath, 'files'));
          sisRuns.push({ ms, raw: await rawInsertMs(db, after) });

          if (i === 0) pageTimes = await caseloadPages(v.core);
        } finally {
          await v.dispose();
        }
      }
      const median = <T>(list: T[], key: (t: T) => number) => [...list].sort((a, b) => key(a) - key(b))[Math.floor(list.length / 2)];
      // Seven runs; each ratio pairs an import with the raw inserts measured right after it (the
      // machine is shared, so load drifts between runs), and the figures are medians.
      const sis = median(sisRuns, (r) => r.ms).ms;
      const raw = median(sisRuns, (r) => r.raw).raw;
      const ratio = median(sisRuns, (r) => r.ms / r.raw);
      return {
        'import.edfi.ms': round(percentile(edfi, 50), 1),
        'import.sisCsv10k.ms': round(sis, 1),
        'import.sisCsv10k.raw_ms': round(raw, 1),
        'import.sisCsv10k.ratio': round(ratio.ms / ratio.raw, 2),
        'caseload.page.p50_ms': round(percentile(pageTimes, 50)),
        'caseload.page.p95_ms': round(percentile(pageTimes, 95)),
      };
    } finally {
      files.cleanup();
    }
  },
};

/**
 * One filtered, sorted page of 100 at 11,000 students with programs and guardians, through the
 * handler table: a grade or program filter (or both), a search now and then, varied sorts.
 */
async function caseloadPages(core: WaypointCore): Promise<number[]> {
  const grades = GRADE_LEVELS.filter((g) => g !== 'PK' && g !== '13');
  const sorts = ['name', 'grade', 'campus', 'graduationYear', 'localId'] as const;
  const programs = ['special-education', 'gifted-talented', 'emergent-bilingual', 'section-504'] as const;
  const queries = Array.from({ length: 330 }, (_v, i) => ({
    gradeLevels: i % 3 === 2 ? [] : [grades[i % grades.length], grades[(i * 7) % grades.length]],
    programs: i % 3 === 0 ? [] : [programs[i % programs.length]],
    search: i % 10 === 0 ? ['gar', 'ana', 'lo'][i % 3] : '',
    sortBy: sorts[i % sorts.length],
    sortDirection: i % 2 ? 'desc' : 'asc',
    page: i % 4 === 3 ? 1 : 0,
    pageSize: 100,
  }));
  const times: number[] = [];
  for (const [i, q] of queries.entries()) {
    const { ms, value } = await time(() => core.dispatch('wp:students.list', q, { scope: 'console' }));
    if (!value.ok) throw new Error('list failed');
    if (i >= 30) times.push(ms);
  }
  return times;
}
