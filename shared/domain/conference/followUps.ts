import { addDays, format, parse } from 'date-fns';
import type { FollowUpBucket } from '../../ipc/contract/conferences';

/** How many days ahead "due this week" looks, today included. */
export const DUE_SOON_DAYS = 7;

export type DueStatus = 'done' | 'overdue' | 'today' | 'soon' | 'later' | 'no_date';

/**
 * Where an action item stands on `today` (local calendar dates, compared as dates — never
 * as instants, so an item due today is not overdue at 7 p.m. in Texas).
 */
export function dueStatus(item: { done: boolean; dueDate: string | null }, today: string): DueStatus {
  if (item.done) return 'done';
  if (!item.dueDate) return 'no_date';
  if (item.dueDate < today) return 'overdue';
  if (item.dueDate === today) return 'today';
  return item.dueDate <= lastDayDueSoon(today) ? 'soon' : 'later';
}

/** The last calendar date that still counts as "due this week". */
export function lastDayDueSoon(today: string): string {
  const d = parse(today, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return format(addDays(d, DUE_SOON_DAYS - 1), 'yyyy-MM-dd');
}

export function inBucket(status: DueStatus, bucket: FollowUpBucket): boolean {
  switch (bucket) {
    case 'overdue':
      return status === 'overdue';
    case 'week':
      // Overdue items are not "due in the next 7 days": they have their own bucket.
      return status === 'today' || status === 'soon';
    case 'open':
      return status !== 'done';
    case 'done':
      return status === 'done';
  }
}
