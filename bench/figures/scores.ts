import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchGroup, Figures } from '../lib';
import { benchCore, percentile, rawBaselineDatabase, round, tempDir, time } from '../lib';
import { syntheticStudents } from '../../e2e/fixtures/syntheticStudents';
import { parseScoreFiles } from '../../electron/importers/scores';
import { contentHash, encodeScores } from '../../electron/services/scores/store';
import { buildStudentView } from '../../electron/services/scores/views';
import type { StoredResult } from '../../electron/services/scores/store';
import { emptyScore, type ScoreResult } from '../../shared/domain/scores/types';

/**
 * scores.import200k.*: 200,000 rows in the ASVAB CEP results layout (the vendor's own 26
 * columns), end to end — file read from disk, header recognition, parsing with range
 * checks, matching to 200,000 students, diff, one-transaction commit — against raw prepared
 * inserts of the same results, scores and source rows into an encrypted database with the
 * same schema. scores.interpretHistory: one student's full history (about 50 results from
 * grade 3 to 12) interpreted — cards, benchmarks, explanations, trends, TSI and CCMR.
 */

const ROWS = 200_000;
const HEADER = ['MEPS', 'City', 'State', 'School', 'Session Number', 'Test Date', 'Student Full Name', 'Sex', 'Grade', 'Test Version', 'AFQT', 'MA (Math Ability)', 'TEC (Science & Technology)', 'GS (General Science)', 'AR (Arithmetic Reasoning)', 'VE (Verbal Expression)', 'WK (Word Knowledge)', 'PC (Paragraph Comprehension)', 'MK (Math Knowledge)', 'EI (Electronic Information)', 'AS (Auto & Shop Information)', 'MC (Mechanical Comprehension)', 'Career Intent', 'Release Option Code', 'Release Option', 'student_unique_id'];

function asvabCsv(localIds: string[]): string {
  let x = 7;
  const r = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return 1 + (x % n);
  };
  const lines = [HEADER.join(',')];
  for (let i = 0; i < localIds.length; i++) {
    const day = 1 + (i % 28);
    const scores = Array.from({ length: 11 }, () => r(99));
    lines.push(['FORT JACKSON', '', 'TX', 'Cedar Ridge High School', String(100000 + (i % 900)), `11/${day}/2025`, `Student ${i}`, i % 2 ? 'F' : 'M', String(10 + (i % 3)), '05E', r(99), ...scores, '4 YRS COLLEGE', '', '', localIds[i]].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function history(): StoredResult[] {
  const out: StoredResult[] = [];
  let id = 1;
  const push = (result: ScoreResult) => out.push({ id: id++, studentId: 1, version: 1, batchId: null, sourceFile: null, sourceRow: null, createdAt: '', updatedAt: '', result });
  const base = (family: ScoreResult['family'], date: string, grade: ScoreResult['gradeAtTesting'], scores: ScoreResult['scores'], extra: Partial<ScoreResult> = {}): ScoreResult => ({ family, form: null, subject: null, administrationDate: date, datePrecision: 'day', administrationLabel: null, gradeAtTesting: grade, scores, flags: [], ...extra });
  const pct = (v: number) => [{ norm: 'sat-nationally-representative' as const, value: v }, { norm: 'sat-users' as const, value: v - 4 }];
  for (let y = 0; y < 6; y++) {
    const grade = String(3 + y).padStart(2, '0') as ScoreResult['gradeAtTesting'];
    for (const subject of ['reading', 'math']) push(base('STAAR', `${2017 + y}-05-01`, grade, [emptyScore('scale', { scale: 1400 + y * 90, raw: 20 + y, levelCode: y % 3 ? 'meets' : 'approaches', level: 'Meets Grade Level', percentiles: [{ norm: 'staar-texas', value: 55 }] }), emptyScore(subject === 'reading' ? 'lexile' : 'quantile', { text: subject === 'reading' ? `${600 + y * 90}L` : `${500 + y * 80}Q` })], { subject, datePrecision: 'month' }));
    for (const term of ['09-15', '01-20', '05-10']) for (const subject of ['Mathematics', 'Reading']) push(base('MAP', `${2017 + y}-${term}`, grade, [emptyScore('rit', { scale: 190 + y * 8, sem: 3.2, percentiles: [{ norm: 'nwea-grade-season', value: 61 }] }), emptyScore('goal:1', { label: 'Number and Operations', scale: 188 + y * 8, band: { low: 182, high: 194 } })], { subject }));
  }
  push(base('COGAT', '2019-10-10', '05', [emptyScore('composite', { scale: 118, stanine: 7, percentiles: [{ norm: 'cogat-age', value: 86 }], band: { low: 111, high: 125 } })]));
  push(base('PSAT_89', '2022-10-12', '08', [emptyScore('total', { scale: 900 }), emptyScore('rw', { scale: 460, percentiles: pct(70) }), emptyScore('math', { scale: 440, percentiles: pct(62) })]));
  push(base('PSAT_89', '2023-10-11', '09', [emptyScore('total', { scale: 960 }), emptyScore('rw', { scale: 490, percentiles: pct(72) }), emptyScore('math', { scale: 470, percentiles: pct(64) })]));
  push(base('PSAT_10', '2024-04-10', '10', [emptyScore('total', { scale: 1010 }), emptyScore('rw', { scale: 510, percentiles: pct(74) }), emptyScore('math', { scale: 500, percentiles: pct(66) })]));
  push(base('PSAT_NMSQT', '2025-10-15', '11', [emptyScore('total', { scale: 1080 }), emptyScore('rw', { scale: 550, benchmarkMet: true, percentiles: pct(80) }), emptyScore('math', { scale: 530, benchmarkMet: true, percentiles: pct(75) }), emptyScore('selection-index', { scale: 190 })]));
  for (const [date, rw, math] of [['2025-03-08', 540, 510], ['2025-06-07', 570, 520], ['2025-10-04', 590, 540]] as const) push(base('SAT', date, '11', [emptyScore('total', { scale: rw + math }), emptyScore('rw', { scale: rw, percentiles: pct(78) }), emptyScore('math', { scale: math, percentiles: pct(70) })]));
  push(base('ACT', '2025-09-01', '12', [emptyScore('composite', { scale: 25 }), emptyScore('english', { scale: 24 }), emptyScore('math', { scale: 24 }), emptyScore('reading', { scale: 27 }), emptyScore('science', { scale: 23 })], { datePrecision: 'month' }));
  for (const [code, score] of [['7', 4], ['36', 3], ['57', 5], ['66', 2], ['20', 3]] as const) push(base('AP', `202${code === '7' ? 4 : 5}-05-01`, '11', [emptyScore('exam', { scale: score, label: 'AP' })], { subject: code, datePrecision: 'month' }));
  for (const subject of ['algebra-i', 'english-i', 'english-ii', 'biology', 'us-history']) push(base('STAAR_EOC', '2024-05-01', '10', [emptyScore('scale', { scale: 4100, levelCode: 'meets', level: 'Meets Grade Level' })], { subject, datePrecision: 'month' }));
  push(base('TSIA2', '2025-04-02', '11', [emptyScore('math-crc', { scale: 948 }), emptyScore('math-diagnostic', { scale: 6 })], { subject: 'math' }));
  return out;
}

export const scoresBench: BenchGroup = {
  names: ['scores.import200k.ms', 'scores.import200k.raw_ms', 'scores.import200k.ratio', 'scores.interpretHistory.p95_ms', 'scores.interpretHistory.p50_ms'],
  async run(): Promise<Figures> {
    const figures: Figures = {};
    // --- interpretation of one student's full history --------------------------------
    const stored = history();
    for (let i = 0; i < 200; i++) buildStudentView(1, stored, '2026-03-01');
    // Timed synchronously, one call per sample (2,000 after a 200-call warm-up).
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      buildStudentView(1, stored, '2026-03-01');
      samples.push(performance.now() - t0);
    }
    figures['scores.interpretHistory.p50_ms'] = round(percentile(samples, 50));
    figures['scores.interpretHistory.p95_ms'] = round(percentile(samples, 95));

    // --- 200,000 rows in a vendor layout ---------------------------------------------
    const students = syntheticStudents(ROWS, 11).map((s, i) => ({ ...s, localId: `A${String(i).padStart(7, '0')}`, stateId: null }));
    const tmp = tempDir();
    const file = join(tmp.dir, 'ASVAB_CEP_results.csv');
    writeFileSync(file, asvabCsv(students.map((s) => s.localId!)));
    const { core, dispose } = await benchCore();
    try {
      core.services.students.createMany(students);
      const db = core.ctx.vault.session().db;
      // Best of three rounds on each side: the build machines are shared, and one round can be
      // slowed several-fold by other work; the minimum is the closest to the code's own cost.
      const ROUNDS = 3;
      const oursMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        if (round > 0) db.prepare('DELETE FROM test_results').run();
        core.dialogs.openFiles.import = [[file]];
        const ours = await time(async () => {
          const preview = (await core.services.scoreImports.choose('auto'))!;
          if (!preview.canCommit || preview.counts.new !== ROWS) throw new Error(`bench import preview unexpected: ${JSON.stringify(preview.counts)} ${preview.problems[0]?.message ?? ''}`);
          return core.services.scoreImports.commit(preview.token);
        });
        if (ours.value.counts.new !== ROWS) throw new Error('bench import wrote the wrong count');
        oursMs.push(ours.ms);
      }

      // Baseline: the same results, already parsed and matched, written with raw prepared statements.
      const baseline = rawBaselineDatabase(db);
      try {
        const studentIds = new Map<string, number>();
        const insStudent = baseline.db.prepare(`INSERT INTO students (local_id, first_name, last_name, status, search_text, sort_name, version, created_at, updated_at) VALUES (?, 'x', 'y', 'active', '', '', 1, '', '')`);
        baseline.db.transaction(() => {
          for (const s of students) studentIds.set(s.localId!, Number(insStudent.run(s.localId).lastInsertRowid));
        })();
        const outcome = parseScoreFiles([{ name: 'ASVAB_CEP_results.csv', bytes: new Uint8Array(Buffer.from(asvabCsv(students.map((s) => s.localId!)))) }], { today: '2026-03-01' });
        if (outcome.kind !== 'parsed') throw new Error('baseline parse');
        // Same values as the service writes (scores JSON, hash, source row), computed before the clock starts.
        const params = outcome.result.rows.map((row) => {
          const r = row.result;
          const scores = encodeScores(r.scores);
          return [studentIds.get(row.student.localId!)!, r.family, r.form, r.subject, r.subject ?? '', r.administrationDate, r.datePrecision, r.administrationLabel, r.gradeAtTesting, '[]', scores, contentHash(r, scores), row.raw, row.origin.fileName, row.origin.row, 'ts', 'ts'];
        });
        const insResult = baseline.db.prepare(`INSERT INTO test_results (student_id, family, form, subject, subject_key, administration_date, date_precision, administration_label,
          grade_at_testing, flags, scores, content_hash, raw_json, source_file, source_row, batch_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?)`);
        const rawMs: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          if (round > 0) baseline.db.prepare('DELETE FROM test_results').run();
          const raw = await time(() =>
            baseline.db.transaction(() => {
              for (const p of params) insResult.run(...p);
            })(),
          );
          rawMs.push(raw.ms);
        }
        const oursBest = Math.min(...oursMs);
        const rawBest = Math.min(...rawMs);
        figures['scores.import200k.ms'] = round(oursBest, 1);
        figures['scores.import200k.raw_ms'] = round(rawBest, 1);
        figures['scores.import200k.ratio'] = round(oursBest / rawBest, 2);
      } finally {
        baseline.cleanup();
      }
    } finally {
      await dispose();
      tmp.cleanup();
    }
    return figures;
  },
};
