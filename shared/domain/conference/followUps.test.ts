import { describe, expect, it } from 'vitest';
import { dueStatus, inBucket, lastDayDueSoon } from './followUps';

describe('dueStatus', () => {
  it.each([
    ['done wins over an old due date', { done: true, dueDate: '2026-01-01' }, 'done'],
    ['no due date', { done: false, dueDate: null }, 'no_date'],
    ['yesterday is overdue', { done: false, dueDate: '2026-09-30' }, 'overdue'],
    ['today is due today, not overdue', { done: false, dueDate: '2026-10-01' }, 'today'],
    ['tomorrow is soon', { done: false, dueDate: '2026-10-02' }, 'soon'],
    ['the 7th day (today + 6) is still soon', { done: false, dueDate: '2026-10-07' }, 'soon'],
    ['the 8th day is later', { done: false, dueDate: '2026-10-08' }, 'later'],
    ['across a year end', { done: false, dueDate: '2027-01-02' }, 'later'],
  ] as const)('%s', (_name, item, expected) => {
    expect(dueStatus(item, '2026-10-01')).toBe(expected);
  });

  it('counts the week across month and year ends', () => {
    expect(lastDayDueSoon('2026-12-29')).toBe('2027-01-04');
    expect(lastDayDueSoon('2028-02-26')).toBe('2028-03-03'); // leap year
  });
});

describe('inBucket', () => {
  it.each([
    ['overdue', 'overdue', true],
    ['today', 'overdue', false],
    ['overdue', 'week', false],
    ['today', 'week', true],
    ['soon', 'week', true],
    ['later', 'week', false],
    ['no_date', 'week', false],
    ['no_date', 'open', true],
    ['later', 'open', true],
    ['done', 'open', false],
    ['done', 'done', true],
    ['overdue', 'done', false],
  ] as const)('%s in %s → %s', (status, bucket, expected) => {
    expect(inBucket(status, bucket)).toBe(expected);
  });
});
