import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { scoresCore, sampleFile, synthetic } from './testing';
import type { ScoreFile } from '../../importers/scores';
import { AppError } from '../../../shared/ipc/errors';

let h: Awaited<ReturnType<typeof scoresCore>>;
beforeEach(async () => {
  h = await scoresCore();
});
afterEach(async () => {
  await h.dispose();
});

const count = (table: string) => (h.db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function addStudents(localIds: string[], opts: { state?: boolean } = {}) {
  return h.core.services.students.createMany(localIds.map((id, i) => synthetic({ localId: id, stateId: opts.state ? id : null }, i)));
}

function edit(file: ScoreFile, from: string | RegExp, to: string): ScoreFile {
  const text = new TextDecoder().decode(file.bytes);
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  return { name: file.name, bytes: strToU8(next) };
}

describe('College Board SAT sample: preview, commit, re-import', () => {
  it('matches every row by ID, writes 10 administrations, and a second import changes nothing', () => {
    addStudents(['604926', '604927', '604928', '604929', '604930']);
    const s = h.core.services.scoreImports;
    const preview = s.previewFiles([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')]);
    expect(preview).toMatchObject({ status: 'ready', format: 'sat-suite', families: ['SAT'], results: 10, matchedStudents: 5, counts: { new: 10, updated: 0, unchanged: 0, rejected: 0 }, canCommit: true });
    expect(preview.unmatched).toEqual([]);
    // The two 2015-dated SATs are imported with a warning, not silently "fixed".
    expect(preview.problems.filter((p) => p.code === 'sat-date-before-redesign').map((p) => [p.row, p.column])).toEqual([
      [1, 'LATEST_SAT_DATE'],
      [2, 'LATEST_SAT_DATE'],
    ]);
    expect(preview.ignoredColumns.length).toBeGreaterThan(500);
    expect(preview.ignoredColumns).toContain('ADDRESS_LINE1');
    const committed = s.commit(preview.token);
    expect(committed.counts).toMatchObject({ new: 10, updated: 0, unchanged: 0 });
    expect(count('test_results')).toBe(10);

    const again = s.previewFiles([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')]);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 10, rejected: 0 });
    expect(again.canCommit).toBe(false);
    expect(() => s.commit(again.token)).toThrow(AppError);
    expect(count('test_results')).toBe(10);
    const audit = h.db().prepare(`SELECT summary FROM audit_events WHERE action = 'scores.import'`).all() as { summary: string }[];
    expect(audit).toEqual([{ summary: 'sat-suite: 10 new, 0 updated, 0 unchanged, 0 unmatched rows' }]);
  });

  it('a changed score in a re-import is an update (version 2), everything else unchanged', () => {
    addStudents(['604926', '604927', '604928', '604929', '604930']);
    const s = h.core.services.scoreImports;
    s.commit(s.previewFiles([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')]).token);
    // Student 604930's latest SAT: Math 520 → 530 (and the total to match).
    const changed = edit(sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv'), /(10\/12\/2022,7,,)1000,480,520/, '$11010,480,530');
    const p = s.previewFiles([changed]);
    expect(p.counts).toEqual({ new: 0, updated: 1, unchanged: 9, rejected: 0 });
    s.commit(p.token);
    // The stored sections are plain JSON: SQLCipher tools can read them with json_each.
    const row = h.db().prepare(`SELECT r.version, json_extract(s.value, '$.scale') AS math FROM test_results r, json_each(r.scores) s JOIN students st ON st.id = r.student_id
      WHERE st.local_id = '604930' AND r.administration_date = '2022-10-12' AND json_extract(s.value, '$.section') = 'math'`).get();
    expect(row).toEqual({ version: 2, math: 530 });
  });

  it('lists students who are not in the vault instead of dropping them, and imports the rest', () => {
    addStudents(['604926', '604928']);
    const s = h.core.services.scoreImports;
    const p = s.previewFiles([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')]);
    expect(p.matchedStudents).toBe(2);
    expect(p.unmatched.map((u) => [u.row, u.localId, u.family])).toEqual([
      [2, '604927', 'SAT'],
      [2, '604927', 'SAT'],
      [4, '604929', 'SAT'],
      [5, '604930', 'SAT'],
      [5, '604930', 'SAT'],
    ]);
    expect(p.canCommit).toBe(true);
    const c = s.commit(p.token);
    expect(c).toMatchObject({ counts: { new: 5 }, unmatched: 5 });
    const batch = h.db().prepare('SELECT unmatched_rows, unmatched_json FROM score_import_batches').get() as { unmatched_rows: number; unmatched_json: string };
    expect(batch.unmatched_rows).toBe(5);
    expect(JSON.parse(batch.unmatched_json)[0]).toEqual({ row: 2, file: 'sample_anonymized_file_sat.csv', localId: '604927', stateId: '604927', family: 'SAT' });
    // Adding the missing students and importing again brings their rows in.
    addStudents(['604927', '604929', '604930']);
    const again = s.previewFiles([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')]);
    expect(again.counts).toMatchObject({ new: 5, unchanged: 5 });
  });
});

describe('bad files write nothing', () => {
  beforeEach(() => {
    addStudents(['604926', '604927', '604928', '604929', '604930', '605000', '605001', '605002', '605003', '605004']);
  });

  it('an ACT file chosen as SAT is refused with what it looks like', () => {
    const p = h.core.services.scoreImports.previewFiles([sampleFile('ACT/sample_anonymized_file.csv')], 'SAT');
    expect(p.canCommit).toBe(false);
    expect(p.problems[0]).toMatchObject({ severity: 'error', code: 'wrong-test', fileName: 'sample_anonymized_file.csv' });
    expect(p.problems[0].message).toMatch(/You chose SAT, but sample_anonymized_file\.csv is an ACT student record file/);
    expect(() => h.core.services.scoreImports.commit(p.token)).toThrow();
    expect(count('test_results')).toBe(0);
  });

  it('an SAT file chosen as PSAT 10 is refused too', () => {
    const p = h.core.services.scoreImports.previewFiles([sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv')], 'PSAT_10');
    expect(p.problems[0].code).toBe('wrong-test');
    expect(p.canCommit).toBe(false);
  });

  it('an out-of-range score names file, row and column, and blocks the whole file', () => {
    const bad = edit(sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv'), /(10\/12\/2024,8,,)880,480,400/, '$1880,880,400');
    const p = h.core.services.scoreImports.previewFiles([bad]);
    const e = p.problems.find((x) => x.code === 'score-out-of-range')!;
    expect(e).toMatchObject({ fileName: 'sample_anonymized_file_sat.csv', row: 3, column: 'LATEST_SAT_EBRW', severity: 'error' });
    expect(e.message).toContain('"880" is outside the range 200–800');
    expect(p.canCommit).toBe(false);
    expect(p.counts.rejected).toBe(1);
    expect(() => h.core.services.scoreImports.commit(p.token)).toThrow(/Nothing was imported/);
    expect(count('test_results')).toBe(0);
    expect(count('score_import_batches')).toBe(0);
  });

  it('a total that is not the sum of its sections (shifted columns) is an error', () => {
    const bad = edit(sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv'), /(10\/12\/2024,8,,)880,480,400/, '$1990,480,400');
    const p = h.core.services.scoreImports.previewFiles([bad]);
    expect(p.problems.find((x) => x.code === 'total-not-sum')).toMatchObject({ row: 3, column: 'LATEST_SAT_TOTAL' });
    expect(p.canCommit).toBe(false);
  });

  it.each([
    ['13/45/2024', 'date-not-a-calendar-day'],
    ['12/01/2099', 'date-in-future'],
    ['2024', 'date-year-only'],
    ['next week', 'date-invalid'],
  ])('an odd test date %s is refused (%s)', (date, code) => {
    const bad = edit(sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv'), '10/12/2024,8,', `${date},8,`);
    const p = h.core.services.scoreImports.previewFiles([bad]);
    expect(p.problems.find((x) => x.severity === 'error')).toMatchObject({ code, row: 3, column: 'LATEST_SAT_DATE' });
    expect(p.canCommit).toBe(false);
  });

  it('a column mixing day-first and month-first dates is refused as a whole', () => {
    // Row 3 can only be day-first (25/10), row 5 only month-first (10/13): no date in the column can be trusted.
    const bad = edit(edit(sampleFile('PSAT_SAT/sample_anonymized_file_sat.csv'), '10/12/2024,8,', '25/10/2024,8,'), '10/12/2022,7,', '10/13/2022,7,');
    const p = h.core.services.scoreImports.previewFiles([bad]);
    expect(p.problems.map((x) => x.code)).toContain('date-order-mixed');
    expect(p.canCommit).toBe(false);
  });

  it('a duplicated row is reported with both row numbers and nothing is written', () => {
    const act = sampleFile('ACT/sample_anonymized_file.csv');
    const lines = new TextDecoder().decode(act.bytes).split(/\r?\n/);
    const dup: ScoreFile = { name: act.name, bytes: strToU8([...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\n')) };
    const p = h.core.services.scoreImports.previewFiles([dup]);
    const e = p.problems.find((x) => x.code === 'duplicate-result')!;
    expect(e).toMatchObject({ row: 3, severity: 'error' });
    expect(e.message).toMatch(/row 2 and row 3 both hold the ACT of 2024-10-01/);
    expect(p.canCommit).toBe(false);
    expect(count('test_results')).toBe(0);
  });

  it('text in a score column is an error, "-" placeholders are blanks', () => {
    const bad = edit(sampleFile('ACT/sample_anonymized_file.csv'), /(Female,01012008.*?)(,21,18,23,22,21,)/, '$1,21,#DIV/0!,23,22,21,');
    const p = h.core.services.scoreImports.previewFiles([bad]);
    expect(p.problems.find((x) => x.code === 'score-not-a-number')).toMatchObject({ row: 2, column: 'Mth' });
  });

  it('re-checks at commit: if the caseload changed since the preview, nothing is written', () => {
    const s = h.core.services.scoreImports;
    const p = s.previewFiles([sampleFile('AP/SAMPLE_AP_2324.csv')]);
    expect(p.unmatched.map((u) => u.localId)).toContain('605005');
    h.core.services.students.createMany([synthetic({ localId: '605005' }, 9)]);
    expect(() => s.commit(p.token)).toThrow(/changed since this preview/);
    expect(count('test_results')).toBe(0);
  });

  it('IDs that point at two different students are an error, never a guess', () => {
    h.core.services.students.createMany([synthetic({ localId: 'L-1', stateId: '604821' }, 3)]);
    // MAP row 1: StudentID 605000 (local), Student_StateID 604821 (state) — two different vault students.
    const p = h.core.services.scoreImports.previewFiles([sampleFile('MAP_Growth/sample_anonymized_file.csv')]);
    expect(p.problems.find((x) => x.code === 'student-ids-conflict')).toMatchObject({ row: 1, column: 'Student_StateID' });
    expect(p.canCommit).toBe(false);
  });

  it('a locked vault refuses before any dialog opens', async () => {
    await h.core.ctx.vault.lock('user');
    await expect(h.core.services.scoreImports.choose('auto')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});

describe('choose through the dialog port', () => {
  it('reads the files the counselor picked in the main process; cancel returns null', async () => {
    addStudents(['605000', '605001', '605002', '605003', '605004']);
    const dialogs = h.core.dialogs;
    dialogs.openFiles.import = [null];
    expect(await h.core.services.scoreImports.choose('auto')).toBeNull();
    const { SCORES_DATA } = await import('./testing');
    dialogs.openFiles.import = [[`${SCORES_DATA}/ASVAB/sample_anonymized_file.csv`]];
    const p = (await h.core.services.scoreImports.choose('ASVAB'))!;
    expect(p).toMatchObject({ format: 'asvab', counts: { new: 5 }, canCommit: true });
  });
});
