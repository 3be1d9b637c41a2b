import { describe, expect, it } from 'vitest';
import { detectDateOrder, normalizeDate } from './dates';

const today = '2025-09-15';

describe('normalizeDate', () => {
  it.each([
    ['ISO', '2010-05-03', '2010-05-03'],
    ['ISO with slashes', '2010/5/3', '2010-05-03'],
    ['US M/D/YYYY', '5/3/2010', '2010-05-03'],
    ['US with leading zeros', '05/03/2010', '2010-05-03'],
    ['US with dashes', '05-03-2010', '2010-05-03'],
    ['compact YYYYMMDD', '20100503', '2010-05-03'],
    ['Excel serial', '40301', '2010-05-03'],
    ['Excel serial with time fraction', '40301.5', '2010-05-03'],
    ['UTC midnight timestamp stays on its calendar day', '2010-05-03T00:00:00Z', '2010-05-03'],
    ['timestamp with offset', '2010-05-03T23:30:00-05:00', '2010-05-03'],
    ['US with time', '5/3/2010 12:00:00 AM', '2010-05-03'],
    ['English month name', 'May 3, 2010', '2010-05-03'],
    ['abbreviated month, day first', '03-MAY-2010', '2010-05-03'],
    ['Spanish long form', '3 de mayo de 2010', '2010-05-03'],
    ['leap day', '2/29/2012', '2012-02-29'],
  ])('reads %s', (_name, raw, iso) => {
    expect(normalizeDate(raw, { kind: 'birth', today })).toEqual({ date: iso, problem: null });
  });

  it.each(['', '  ', '-', '--', 'N/A', 'null', '00/00/0000', '0000-00-00'])('treats %j as blank, not as a date', (raw) => {
    expect(normalizeDate(raw, { today })).toEqual({ date: null, problem: null });
  });

  it.each([
    ['1900-01-01', 'date-unknown-placeholder', 'warning'],
    ['01/01/1900', 'date-unknown-placeholder', 'warning'],
    ['2/30/2010', 'date-not-a-calendar-day', 'error'],
    ['2/29/2011', 'date-not-a-calendar-day', 'error'],
    ['13/13/2010', 'date-not-a-calendar-day', 'error'],
    ['soon', 'date-invalid', 'error'],
    ['2010', 'date-year-only', 'error'],
    ['1/2/201', 'date-invalid', 'error'],
    ['1850-01-01', 'date-out-of-range', 'error'],
    ['2031-01-01', 'date-future-birth', 'error'],
  ])('%s → problem %s (%s), never Invalid Date', (raw, code, severity) => {
    const r = normalizeDate(raw, { kind: 'birth', today });
    expect(r.date).toBeNull();
    expect(r.problem).toMatchObject({ code, severity });
    expect(r.problem!.message).toContain(raw);
  });

  it('refuses to swap day and month silently: 25/12/2010 read month-first is a problem', () => {
    const r = normalizeDate('25/12/2010', { kind: 'birth', today, order: 'mdy' });
    expect(r).toMatchObject({ date: null, problem: { code: 'date-ambiguous-order' } });
  });

  it('reads day-first only when told the column is day-first', () => {
    expect(normalizeDate('03/05/2010', { today, order: 'dmy' }).date).toBe('2010-05-03');
    expect(normalizeDate('03/05/2010', { today, order: 'mdy' }).date).toBe('2010-03-05');
  });

  it.each([
    ['5/3/10', 'birth', '2010-05-03'],
    ['5/3/24', 'birth', '2024-05-03'],
    // 2030 would be in the future: a two-digit birth year resolves into the past.
    ['5/3/30', 'birth', '1930-05-03'],
    ['5/3/30', 'event', '2030-05-03'],
    ['5/3/99', 'event', '1999-05-03'],
  ] as const)('two-digit year %s (%s) → %s', (raw, kind, iso) => {
    expect(normalizeDate(raw, { kind, today }).date).toBe(iso);
  });

  it('a birth date exactly today is accepted, tomorrow is not', () => {
    expect(normalizeDate('2025-09-15', { kind: 'birth', today }).date).toBe('2025-09-15');
    expect(normalizeDate('2025-09-16', { kind: 'birth', today }).problem?.code).toBe('date-future-birth');
  });
});

describe('detectDateOrder', () => {
  it.each([
    [['3/4/2010', '5/6/2011'], 'mdy', 'none'],
    [['3/4/2010', '5/16/2011'], 'mdy', 'mdy'],
    [['3/4/2010', '16/5/2011'], 'dmy', 'dmy'],
    [['3/14/2010', '16/5/2011'], 'mdy', 'mixed'],
    [['2010-05-03', ''], 'mdy', 'none'],
  ] as const)('%j → %s (%s)', (values, order, evidence) => {
    expect(detectDateOrder(values)).toMatchObject({ order, evidence });
  });

  const usDates = (n: number) => Array.from({ length: n }, (_, i) => `${(i % 12) + 1}/${(i % 12) + 1}/2010`);
  it.each([
    // A genuinely day-first export: most values have a day over 12.
    { name: 'day-first export', values: Array.from({ length: 40 }, (_, i) => `${(i % 28) + 1}/${(i % 12) + 1}/2010`), order: 'dmy', evidence: 'dmy' },
    // A US file with one typo must not flip every date: the stray row is reported instead.
    { name: 'one stray value in 30', values: ['13/02/2010', ...usDates(29)], order: 'mdy', evidence: 'mixed' },
    // Too few values to judge by share: day-first, and the row that decided it is named.
    { name: 'small file', values: ['13/02/2010', '04/05/2010', '02/03/10'], order: 'dmy', evidence: 'dmy' },
  ] as const)('$name → $order ($evidence)', ({ values, order, evidence }) => {
    expect(detectDateOrder(values)).toMatchObject({ order, evidence });
  });

  it('names the first value that can only be day-first', () => {
    expect(detectDateOrder(['', '04/05/2010', ' 25/12/2010', '13/01/2011'])).toMatchObject({ dayFirstCount: 2, slashedCount: 3, firstDayFirst: { index: 2, value: '25/12/2010' } });
  });
});
