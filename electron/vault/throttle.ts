/**
 * Wrong-passphrase throttling. The first five tries are free; after that each further
 * try waits twice as long as the last (15 s, 30 s, 1 min, …) up to 15 minutes.
 */
export const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 15_000;
const MAX_DELAY_MS = 15 * 60_000;

export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

/** Milliseconds the user must still wait before the next try (0 = may try now). */
export function remainingWait(failures: number, lastFailureAt: string | null, now: Date): number {
  if (!lastFailureAt) return 0;
  const last = Date.parse(lastFailureAt);
  if (Number.isNaN(last)) return 0;
  const until = last + delayAfterFailures(failures);
  return Math.max(0, until - now.getTime());
}
