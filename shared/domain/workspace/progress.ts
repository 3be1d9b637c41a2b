import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { GoalStatus, StepOwner } from './vocabulary';
import { OPEN_GOAL_STATUSES } from './vocabulary';

/**
 * The progress rating used in check-ins: five labelled steps, so a rating means the same
 * to the counselor, the student and a parent reading the chart.
 *   1 no progress yet · 2 getting started · 3 making progress · 4 almost there · 5 goal met
 */
export const PROGRESS_RATINGS = [1, 2, 3, 4, 5] as const;
export type ProgressRating = (typeof PROGRESS_RATINGS)[number];
export const PROGRESS_RATING_KEYS: Record<ProgressRating, string> = {
  1: 'none',
  2: 'started',
  3: 'progressing',
  4: 'almost',
  5: 'met',
};

/** An open goal without a check-in for this many days is due for one. */
export const CHECK_IN_DUE_DAYS = 30;

export interface CheckInPoint {
  checkedOn: string;
  rating: number;
}

export type Trend = 'up' | 'down' | 'flat';

export interface ProgressSummary {
  count: number;
  latestRating: number | null;
  latestOn: string | null;
  firstRating: number | null;
  /** latest − first; null with fewer than two check-ins. */
  change: number | null;
  /** latest compared with the check-in before it. */
  trend: Trend | null;
  daysSinceLatest: number | null;
  /** Open goal with no check-in yet, or none for CHECK_IN_DUE_DAYS. */
  checkInDue: boolean;
}

/** Check-ins in date order (same day: in the order given), for charts and summaries. */
export function sortCheckIns<T extends CheckInPoint>(points: readonly T[]): T[] {
  return points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.checkedOn < b.p.checkedOn ? -1 : a.p.checkedOn > b.p.checkedOn ? 1 : a.i - b.i))
    .map((x) => x.p);
}

export function summarizeProgress(points: readonly CheckInPoint[], status: GoalStatus, today: string): ProgressSummary {
  const sorted = sortCheckIns(points);
  const open = OPEN_GOAL_STATUSES.includes(status);
  if (sorted.length === 0) {
    return { count: 0, latestRating: null, latestOn: null, firstRating: null, change: null, trend: null, daysSinceLatest: null, checkInDue: open };
  }
  const first = sorted[0];
  const latest = sorted[sorted.length - 1];
  const previous = sorted.length > 1 ? sorted[sorted.length - 2] : null;
  const days = differenceInCalendarDays(parseISO(today), parseISO(latest.checkedOn));
  return {
    count: sorted.length,
    latestRating: latest.rating,
    latestOn: latest.checkedOn,
    firstRating: first.rating,
    change: previous ? latest.rating - first.rating : null,
    trend: previous ? (latest.rating > previous.rating ? 'up' : latest.rating < previous.rating ? 'down' : 'flat') : null,
    daysSinceLatest: days,
    checkInDue: open && days > CHECK_IN_DUE_DAYS,
  };
}

export interface StepPoint {
  done: boolean;
  dueDate: string | null;
  owner: StepOwner;
}

export interface StepSummary {
  total: number;
  done: number;
  /** Not done and due before today. */
  overdue: number;
  /** Not done, due today or within the next 7 days. */
  dueSoon: number;
}

export function summarizeSteps(steps: readonly StepPoint[], today: string): StepSummary {
  let done = 0;
  let overdue = 0;
  let dueSoon = 0;
  const t = parseISO(today);
  for (const s of steps) {
    if (s.done) {
      done++;
      continue;
    }
    if (!s.dueDate) continue;
    const d = differenceInCalendarDays(parseISO(s.dueDate), t);
    if (d < 0) overdue++;
    else if (d <= 7) dueSoon++;
  }
  return { total: steps.length, done, overdue, dueSoon };
}

/** An open goal whose target date has passed. */
export function isGoalOverdue(goal: { status: GoalStatus; targetDate: string | null }, today: string): boolean {
  return !!goal.targetDate && OPEN_GOAL_STATUSES.includes(goal.status) && goal.targetDate < today;
}
