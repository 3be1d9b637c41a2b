import { describe, expect, it } from 'vitest';
import { isGoalOverdue, sortCheckIns, summarizeProgress, summarizeSteps } from './progress';
import type { GoalStatus } from './vocabulary';

const pts = (...list: [string, number][]) => list.map(([checkedOn, rating]) => ({ checkedOn, rating }));

describe('summarizeProgress', () => {
  it.each<[string, ReturnType<typeof pts>, GoalStatus, Partial<ReturnType<typeof summarizeProgress>>]>([
    ['no check-ins yet on an open goal: due', [], 'in-progress', { count: 0, latestRating: null, trend: null, change: null, checkInDue: true }],
    ['no check-ins on an achieved goal: not due', [], 'achieved', { count: 0, checkInDue: false }],
    ['one check-in: no trend yet', pts(['2026-08-20', 2]), 'in-progress', { count: 1, latestRating: 2, firstRating: 2, trend: null, change: null, daysSinceLatest: 12, checkInDue: false }],
    ['rising', pts(['2026-08-01', 1], ['2026-08-15', 2], ['2026-08-29', 4]), 'in-progress', { latestRating: 4, trend: 'up', change: 3, latestOn: '2026-08-29' }],
    ['slipping after a rise', pts(['2026-08-01', 2], ['2026-08-15', 4], ['2026-08-29', 3]), 'in-progress', { trend: 'down', change: 1 }],
    ['steady', pts(['2026-08-15', 3], ['2026-08-29', 3]), 'in-progress', { trend: 'flat', change: 0 }],
    ['given out of order, read in date order', pts(['2026-08-29', 4], ['2026-08-01', 1]), 'in-progress', { firstRating: 1, latestRating: 4, trend: 'up' }],
    ['31 days since the last check-in: due', pts(['2026-08-01', 3]), 'not-started', { daysSinceLatest: 31, checkInDue: true }],
    ['30 days: not yet due', pts(['2026-08-02', 3]), 'in-progress', { daysSinceLatest: 30, checkInDue: false }],
    ['old check-in on a discontinued goal: not due', pts(['2026-01-01', 2]), 'discontinued', { checkInDue: false }],
  ])('%s', (_label, points, status, expected) => {
    expect(summarizeProgress(points, status, '2026-09-01')).toMatchObject(expected);
  });

  it('keeps same-day check-ins in the order given', () => {
    const list = [
      { checkedOn: '2026-08-01', rating: 2, id: 'a' },
      { checkedOn: '2026-07-01', rating: 1, id: 'b' },
      { checkedOn: '2026-08-01', rating: 3, id: 'c' },
    ];
    expect(sortCheckIns(list).map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('summarizeSteps', () => {
  it.each([
    ['none', [], { total: 0, done: 0, overdue: 0, dueSoon: 0 }],
    ['done steps never count as overdue', [{ done: true, dueDate: '2026-08-01' }], { total: 1, done: 1, overdue: 0 }],
    ['due yesterday: overdue', [{ done: false, dueDate: '2026-08-31' }], { overdue: 1, dueSoon: 0 }],
    ['due today: soon', [{ done: false, dueDate: '2026-09-01' }], { overdue: 0, dueSoon: 1 }],
    ['due in 7 days: soon; in 8: neither', [{ done: false, dueDate: '2026-09-08' }, { done: false, dueDate: '2026-09-09' }], { dueSoon: 1, overdue: 0 }],
    ['no due date: neither', [{ done: false, dueDate: null }], { total: 1, overdue: 0, dueSoon: 0 }],
  ])('%s', (_label, steps, expected) => {
    expect(summarizeSteps(steps.map((s) => ({ ...s, owner: 'student' as const })), '2026-09-01')).toMatchObject(expected);
  });
});

describe('isGoalOverdue', () => {
  it.each<[GoalStatus, string | null, boolean]>([
    ['in-progress', '2026-08-31', true],
    ['not-started', '2026-08-31', true],
    ['in-progress', '2026-09-01', false],
    ['achieved', '2026-01-01', false],
    ['revised', '2026-01-01', false],
    ['in-progress', null, false],
  ])('%s goal with target %s → %s', (status, targetDate, expected) => {
    expect(isGoalOverdue({ status, targetDate }, '2026-09-01')).toBe(expected);
  });
});
