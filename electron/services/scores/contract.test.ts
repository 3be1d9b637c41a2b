import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { scoresCore, synthetic } from './testing';

let h: Awaited<ReturnType<typeof scoresCore>>;
beforeEach(async () => {
  h = await scoresCore();
});
afterEach(async () => {
  await h.dispose();
});

const call = (channel: string, input: unknown, scope: 'console' | 'family' = 'console') => h.core.dispatch(`wp:scores.${channel}`, input, { scope });

describe('scores IPC: inputs validated, console only', () => {
  it.each([
    ['caseload', { view: 'everything' }],
    ['caseload', { view: 'tsi', pageSize: 1000 }],
    ['student', { studentId: -1 }],
    ['importCommit', { token: 'not-a-uuid' }],
    ['importChoose', { expect: 'GRE' }],
    ['deleteResult', { id: 1 }],
    ['importMap', { token: '00000000-0000-4000-8000-000000000000', mapping: { family: 'TSIA2', date: 'x'.repeat(301), sections: {} } }],
  ])('%s refuses %j', async (channel, input) => {
    const r = await call(channel, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
  it('the family window cannot reach score operations', async () => {
    const s = h.core.services.students.create(synthetic({ localId: '1' }, 0));
    expect(await call('student', { studentId: s.id }, 'family')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
  it('a student’s view through the handler table is plain JSON', async () => {
    const s = h.core.services.students.create(synthetic({ localId: '1' }, 0));
    const r = await call('student', { studentId: s.id });
    expect(r).toMatchObject({ ok: true, value: { studentId: s.id, groups: [], tsi: { ready: false, hasTsiTests: false } } });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(await call('student', { studentId: s.id + 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
  it('a chosen file that vanished says which file, not "something went wrong"', async () => {
    h.core.dialogs.openFiles.import = [[join(tmpdir(), 'waypoint-no-such-dir', 'SAT scores.csv')]];
    expect(await call('importChoose', { expect: 'auto' })).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', details: { reason: 'file-unreadable', file: 'SAT scores.csv' } } });
  });
  it('an Excel workbook renamed .csv is named as such and nothing is imported', async () => {
    const file = join(tmpdir(), `waypoint-xlsx-${process.pid}.csv`);
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('....[Content_Types].xml....xl/workbook.xml')]));
    h.core.dialogs.openFiles.import = [[file]];
    const r = await call('importChoose', { expect: 'auto' });
    expect(r).toMatchObject({ ok: true, value: { canCommit: false, problems: [{ code: 'file-not-text', severity: 'error', message: expect.stringContaining('Excel workbook') }] } });
  });
  it('a saved web page is called a web page, not XML', async () => {
    const file = join(tmpdir(), `waypoint-page-${process.pid}.csv`);
    writeFileSync(file, '<!DOCTYPE html><html><body><table><tr><td>SAT</td></tr></table></body></html>');
    h.core.dialogs.openFiles.import = [[file]];
    expect(await call('importChoose', { expect: 'auto' })).toMatchObject({ ok: true, value: { canCommit: false, problems: [{ code: 'file-not-text', message: expect.stringContaining('web page (HTML)') }] } });
  });
  it('an expired or unknown preview token is NOT_FOUND, not a crash', async () => {
    expect(await call('importCommit', { token: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
