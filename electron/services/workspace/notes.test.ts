import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARK_END, MARK_START, type Note, type NoteSearchResult } from '../../../shared/ipc/contract';
import { workspaceVault, type WorkspaceVault } from '../../testing/workspaceVault';
import { ftsQuery } from './notes';

let v: WorkspaceVault;
beforeEach(async () => {
  v = await workspaceVault();
});
afterEach(() => v.dispose());

const unmark = (s: string) => s.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');
const search = async (query: string, extra: Record<string, unknown> = {}) => v.ok<NoteSearchResult>('wp:notes.search', { query, ...extra });

describe('notes', () => {
  it('are private unless chosen otherwise, keep line breaks, and list pinned first then newest', async () => {
    const a = await v.ok<Note>('wp:notes.create', { studentId: v.ana.id, body: '  Mom asked about dual credit.\n\nFollow up in October.  ' });
    expect(a).toMatchObject({ visibility: 'private', kind: 'general', pinned: false, body: 'Mom asked about dual credit.\n\nFollow up in October.', version: 1 });
    v.clock.advance(60_000);
    const b = await v.ok<Note>('wp:notes.create', { studentId: v.ana.id, body: 'Transition note from 8th grade: needs a quiet testing room.', visibility: 'staff', pinned: true });
    v.clock.advance(60_000);
    const c = await v.ok<Note>('wp:notes.create', { studentId: v.ana.id, body: 'Shared the tutoring schedule with the family.', visibility: 'family', kind: 'parent' });
    const list = await v.ok<Note[]>('wp:notes.list', { studentId: v.ana.id });
    expect(list.map((n) => n.id)).toEqual([b.id, c.id, a.id]);
    expect((await v.ok<Note[]>('wp:notes.list', { studentId: v.ana.id, visibilities: ['private'] })).map((n) => n.id)).toEqual([a.id]);
    expect(await v.ok<Note[]>('wp:notes.list', { studentId: v.liam.id })).toEqual([]);
    expect((await v.fails('wp:notes.create', { studentId: v.ana.id, body: 'x'.repeat(20_001) })).paths).toEqual(['body']);
    expect((await v.fails('wp:notes.create', { studentId: v.ana.id, body: ' \n ' })).paths).toEqual(['body']);
    expect((await v.fails('wp:notes.create', { studentId: v.ana.id, body: 'x', visibility: 'public' })).paths).toEqual(['visibility']);
    expect(v.audit('note.create')).toHaveLength(3);
    expect(v.auditText()).not.toMatch(/dual credit|quiet|tutoring/);
  });

  it('edits with versions, archives, restores and deletes for good', async () => {
    const n = await v.ok<Note>('wp:notes.create', { studentId: v.ana.id, body: 'Worried about the chemistry grade.' });
    const shared = await v.ok<Note>('wp:notes.update', { id: n.id, version: 1, changes: { visibility: 'family', pinned: true } });
    expect(shared).toMatchObject({ visibility: 'family', pinned: true, version: 2 });
    expect((await v.fails('wp:notes.update', { id: n.id, version: 1, changes: { body: 'overwrite' } })).code).toBe('CONFLICT');
    const archived = await v.ok<Note>('wp:notes.archive', { id: n.id, version: 2 });
    expect(await v.ok<Note[]>('wp:notes.list', { studentId: v.ana.id })).toEqual([]);
    expect((await v.ok<Note[]>('wp:notes.list', { studentId: v.ana.id, status: 'archived' })).map((x) => x.id)).toEqual([n.id]);
    const restored = await v.ok<Note>('wp:notes.restore', { id: n.id, version: archived.version });
    await v.ok('wp:notes.remove', { id: n.id, version: restored.version });
    expect(v.db().prepare('SELECT * FROM notes').all()).toEqual([]);
    expect((await search('chemistry')).total).toBe(0);
    expect(v.audit('note.update').map((r) => r.summary)).toEqual(['visibility,pinned']);
    expect(v.audit('note.delete')).toEqual([{ entity_type: 'note', entity_id: n.id, summary: null }]);
  });
});

describe('notes search (FTS5 inside the encrypted vault)', () => {
  beforeEach(async () => {
    await v.ok('wp:notes.create', { studentId: v.ana.id, body: 'José quiere estudiar enfermería en UT Arlington.' });
    await v.ok('wp:notes.create', { studentId: v.ana.id, body: 'Talked about the nursing pathway and the CNA certification.', visibility: 'family' });
    await v.ok('wp:notes.create', { studentId: v.liam.id, body: 'Nursing? Not sure yet. Likes robotics club and Peña’s class.' });
  });

  it('finds words regardless of accents and case, by prefix, with every word required', async () => {
    expect((await search('ENFERMERIA')).total).toBe(1);
    expect((await search('enferm')).total).toBe(1);
    expect((await search('jose ut')).total).toBe(1);
    expect((await search('nurs')).total).toBe(2);
    expect((await search('nursing robotics')).total).toBe(1);
    expect((await search('pena')).hits.map((h) => h.student.id)).toEqual([v.liam.id]);
    expect((await search('nursing chemistry')).total).toBe(0);
  });

  it('searches one student with the whole note marked, or the caseload with excerpts', async () => {
    const one = await search('nurs', { studentId: v.ana.id });
    expect(one.hits.map((h) => unmark(h.marked))).toEqual(['Talked about the [nursing] pathway and the CNA certification.']);
    expect(one.hits[0].student).toEqual({ id: v.ana.id, firstName: 'Ana Sofía', lastName: 'Peña Ibáñez', preferredName: null });
    const all = await search('nurs');
    expect(all.hits.map((h) => h.student.lastName).sort()).toEqual(['O’Brien', 'Peña Ibáñez']);
    expect((await search('nurs', { visibilities: ['family'] })).total).toBe(1);
  });

  it('keeps the index in step with edits, archive and deletes', async () => {
    const n = (await v.ok<Note[]>('wp:notes.list', { studentId: v.liam.id }))[0];
    const edited = await v.ok<Note>('wp:notes.update', { id: n.id, version: n.version, changes: { body: 'Wants to study welding at the community college.' } });
    expect((await search('robotics')).total).toBe(0);
    expect((await search('welding')).total).toBe(1);
    const archived = await v.ok<Note>('wp:notes.archive', { id: n.id, version: edited.version });
    expect((await search('welding')).total).toBe(0);
    expect((await search('welding', { status: 'all' })).total).toBe(1);
    await v.ok('wp:notes.remove', { id: n.id, version: archived.version });
    expect((await search('welding', { status: 'all' })).total).toBe(0);
    // Nothing of the deleted text stays in the index's own tables.
    const leftovers = v.db().prepare(`SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH 'welding'`).get() as { n: number };
    expect(leftovers.n).toBe(0);
  });

  it('treats search syntax as plain words and never fails on odd input', async () => {
    for (const q of ['"', 'NEAR(a b)', 'AND', '*', 'nursing OR', '-', 'a"b', ')(', 'body:José', '']) {
      const env = await v.call<NoteSearchResult>('wp:notes.search', { query: q });
      expect(env.ok, q).toBe(true);
    }
    // A column filter is not a column filter here: "body:José" is the phrase "body josé".
    expect((await search('body:José')).total).toBe(0);
    expect((await search('(José)')).total).toBe(1);
    expect((await v.fails('wp:notes.search', { query: 'x'.repeat(201) })).code).toBe('VALIDATION');
  });

  it('lists newest first, counts exactly for one student and up to 1,000 across the caseload', async () => {
    const db = v.db();
    const insert = db.prepare(`INSERT INTO notes (student_id, visibility, kind, body, version, created_at, updated_at) VALUES (?, 'private', 'general', ?, 1, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 1100; i++) insert.run(v.ana.id, `Scholarship essay draft ${i}`, `2026-08-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, '2026-08-01T10:00:00Z');
    })();
    const caseload = await search('scholarship', { limit: 5 });
    expect(caseload).toMatchObject({ total: 1000, capped: true });
    expect(caseload.hits.map((h) => h.note.body)).toEqual([1099, 1098, 1097, 1096, 1095].map((i) => `Scholarship essay draft ${i}`));
    expect(await search('scholarship', { limit: 5, studentId: v.ana.id })).toMatchObject({ total: 1100, capped: false });
    expect(await search('scholarship', { studentId: v.liam.id })).toMatchObject({ total: 0, hits: [] });
  });

  it('never matches the student key the index keeps beside each note', async () => {
    expect((await search(`s${v.ana.id}`)).total).toBe(0);
    expect((await search(`student s${v.ana.id}`, { studentId: v.ana.id })).total).toBe(0);
  });

  it('cannot be fooled by marker characters inside a note', async () => {
    const n = await v.ok<Note>('wp:notes.create', { studentId: v.ana.id, body: `Odd ${MARK_START}text${MARK_END} pasted` });
    expect(n.body).toBe('Odd text pasted');
  });

  it.each([
    ['Peña', 'body : ("pena"*)'],
    ['  enfermería   UT ', 'body : ("enfermeria"* "ut"*)'],
    ['say "hi"', 'body : ("say"* """hi"""*)'],
    ['a b12', 'body : ("a" "b12"*)'],
    ['---', null],
    ['', null],
  ])('ftsQuery(%j) = %j', (input, expected) => {
    expect(ftsQuery(input)).toBe(expected);
  });
});
