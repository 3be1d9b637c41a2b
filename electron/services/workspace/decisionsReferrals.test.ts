import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision, Goal, Referral } from '../../../shared/ipc/contract';
import { workspaceVault, type WorkspaceVault } from '../../testing/workspaceVault';

let v: WorkspaceVault;
beforeEach(async () => {
  v = await workspaceVault();
});
afterEach(() => v.dispose());

describe('decisions log', () => {
  const endorsement = (studentId: number, extra: Record<string, unknown> = {}) => ({
    studentId,
    decidedOn: '2026-08-28',
    decision: 'Choose the Public Services endorsement (Health Science)',
    options: ['Public Services — Health Science', 'STEM', '  ', 'Multidisciplinary Studies'],
    rationale: 'Ana wants to be a nurse.\nHealth Science includes the CNA certification.',
    deciders: ['student', 'parent', 'counselor', 'parent'],
    ...extra,
  });

  it('records what was decided, the options, why and who decided; family-visible by default', async () => {
    const d = await v.ok<Decision>('wp:decisions.create', endorsement(v.ana.id));
    expect(d).toMatchObject({
      options: ['Public Services — Health Science', 'STEM', 'Multidisciplinary Studies'],
      deciders: ['student', 'parent', 'counselor'],
      rationale: 'Ana wants to be a nurse.\nHealth Science includes the CNA certification.',
      visibility: 'family',
      goalId: null,
    });
    await v.ok('wp:decisions.create', endorsement(v.ana.id, { decidedOn: '2026-09-01', decision: 'Add Algebra tutoring on Tuesdays', options: [], rationale: null, deciders: ['student'] }));
    expect((await v.ok<Decision[]>('wp:decisions.list', { studentId: v.ana.id })).map((x) => x.decidedOn)).toEqual(['2026-09-01', '2026-08-28']);
    expect(v.auditText()).not.toMatch(/nurse|Endorsement|Algebra/i);
  });

  it('requires who decided and a real date; a linked goal must be the same student’s', async () => {
    expect((await v.fails('wp:decisions.create', endorsement(v.ana.id, { deciders: [] }))).paths).toEqual(['deciders']);
    expect((await v.fails('wp:decisions.create', endorsement(v.ana.id, { deciders: ['teacher'] }))).paths).toEqual(['deciders.0']);
    expect((await v.fails('wp:decisions.create', endorsement(v.ana.id, { decidedOn: '28/08/2026' }))).paths).toEqual(['decidedOn']);
    expect((await v.fails('wp:decisions.create', endorsement(v.ana.id, { decision: 'd'.repeat(501) }))).paths).toEqual(['decision']);
    const liamGoal = await v.ok<Goal>('wp:goals.create', { studentId: v.liam.id, domain: 'career', horizon: 'long', statement: 'Join the robotics team and compete by spring.' });
    expect((await v.fails('wp:decisions.create', endorsement(v.ana.id, { goalId: liamGoal.id }))).code).toBe('VALIDATION');
    expect(await v.ok<Decision[]>('wp:decisions.list', { studentId: v.ana.id })).toEqual([]);
  });

  it('edits with versions and deletes', async () => {
    const d = await v.ok<Decision>('wp:decisions.create', endorsement(v.ana.id));
    const edited = await v.ok<Decision>('wp:decisions.update', { id: d.id, version: 1, changes: { visibility: 'private', deciders: ['student', 'counselor'] } });
    expect(edited).toMatchObject({ version: 2, visibility: 'private', deciders: ['student', 'counselor'], decision: d.decision });
    expect((await v.fails('wp:decisions.update', { id: d.id, version: 1, changes: { decision: 'STEM' } })).code).toBe('CONFLICT');
    expect((await v.fails('wp:decisions.update', { id: d.id, version: 2, changes: { deciders: [] } })).paths).toEqual(['changes.deciders']);
    await v.ok('wp:decisions.remove', { id: d.id, version: 2 });
    expect(await v.ok<Decision[]>('wp:decisions.list', { studentId: v.ana.id })).toEqual([]);
    expect(v.audit('decision.update')[0].summary).toBe('deciders,visibility');
    expect(v.audit('decision.delete')).toHaveLength(1);
  });
});

describe('referrals', () => {
  const r504 = (extra: Record<string, unknown> = {}) => ({
    studentId: v.ana.id,
    kind: 'section-504',
    referredOn: '2026-08-31',
    reason: 'Diagnosed with ADHD over the summer; parent asked about testing accommodations.',
    ...extra,
  });

  it('are private by default and start as "considering"', async () => {
    const r = await v.ok<Referral>('wp:referrals.create', r504({ parentConsultedOn: '2026-08-30' }));
    expect(r).toMatchObject({ visibility: 'private', status: 'considering', outcome: null, parentConsultedOn: '2026-08-30', kindOther: null });
    expect(v.auditText()).not.toMatch(/ADHD|accommodations/);
  });

  it('enforce the whole-record rules on create and on edit', async () => {
    expect((await v.fails('wp:referrals.create', r504({ kind: 'other' }))).paths).toEqual(['kindOther']);
    expect((await v.fails('wp:referrals.create', r504({ status: 'closed' }))).paths).toEqual(['outcome']);
    expect((await v.fails('wp:referrals.create', r504({ outcome: 'eligible' }))).paths).toEqual(['outcome']);
    expect((await v.fails('wp:referrals.create', r504({ kind: 'dyslexia' }))).paths).toEqual(['kind']);
    const other = await v.ok<Referral>('wp:referrals.create', r504({ kind: 'other', kindOther: 'Dyslexia screening' }));
    expect(other.kindOther).toBe('Dyslexia screening');

    const r = await v.ok<Referral>('wp:referrals.create', r504());
    const referred = await v.ok<Referral>('wp:referrals.update', { id: r.id, version: 1, changes: { status: 'referred' } });
    expect((await v.fails('wp:referrals.update', { id: r.id, version: referred.version, changes: { status: 'closed' } })).paths).toEqual(['outcome']);
    const closed = await v.ok<Referral>('wp:referrals.update', { id: r.id, version: referred.version, changes: { status: 'closed', outcome: 'eligible', outcomeNote: '504 plan meeting held 9/20.' } });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'eligible', version: 3 });
    // Reopening has to clear the outcome in the same edit.
    expect((await v.fails('wp:referrals.update', { id: r.id, version: 3, changes: { status: 'in-evaluation' } })).paths).toEqual(['outcome']);
    const reopened = await v.ok<Referral>('wp:referrals.update', { id: r.id, version: 3, changes: { status: 'in-evaluation', outcome: null } });
    expect(reopened.outcome).toBeNull();
    expect(v.audit('referral.update').map((x) => x.summary)).toEqual(['status', 'status,outcome,outcomeNote', 'status,outcome']);
  });

  it('list open ones first; archive, restore and delete', async () => {
    const closed = await v.ok<Referral>('wp:referrals.create', r504({ kind: 'gifted-talented', referredOn: '2026-05-01', status: 'closed', outcome: 'not-eligible' }));
    const open = await v.ok<Referral>('wp:referrals.create', r504({ kind: 'at-risk', referredOn: '2026-01-10', status: 'referred' }));
    expect((await v.ok<Referral[]>('wp:referrals.list', { studentId: v.ana.id })).map((x) => x.id)).toEqual([open.id, closed.id]);
    const archived = await v.ok<Referral>('wp:referrals.archive', { id: closed.id, version: 1 });
    expect((await v.ok<Referral[]>('wp:referrals.list', { studentId: v.ana.id })).map((x) => x.id)).toEqual([open.id]);
    expect((await v.ok<Referral[]>('wp:referrals.list', { studentId: v.ana.id, status: 'archived' })).map((x) => x.id)).toEqual([closed.id]);
    await v.ok('wp:referrals.restore', { id: closed.id, version: archived.version });
    await v.ok('wp:referrals.remove', { id: open.id, version: 1 });
    expect((await v.ok<Referral[]>('wp:referrals.list', { studentId: v.ana.id, status: 'all' })).map((x) => x.id)).toEqual([closed.id]);
    expect(v.audit('referral.delete')).toEqual([{ entity_type: 'referral', entity_id: open.id, summary: null }]);
  });
});
