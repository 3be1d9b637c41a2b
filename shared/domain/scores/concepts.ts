import { CONCEPTS } from './reference';

/**
 * Score types that are easy to misread, done right: stanines (1–9, not percentiles),
 * AFQT categories (a percentile, not percent correct), CogAT Standard Age Score bands
 * (mean 100, SD 16 — not an IQ), Lexile and Quantile measures (BR/EM below zero).
 */

export type StanineBand = 'below-average' | 'average' | 'above-average';

export function stanineBand(stanine: number): StanineBand {
  if (stanine <= 3) return 'below-average';
  if (stanine <= 6) return 'average';
  return 'above-average';
}

/** The percentile-rank range a stanine covers (sources differ by one point at some edges). */
export function stanineRange(stanine: number): { prMin: number; prMax: number; share: number } | null {
  const b = CONCEPTS.stanines.bands.find((x) => x.stanine === stanine);
  return b ? { prMin: b.prMin, prMax: b.prMax, share: b.share } : null;
}

/** The stanine a percentile rank falls in. */
export function stanineForPercentile(pr: number): number | null {
  if (!Number.isFinite(pr) || pr < 1 || pr > 99) return null;
  return CONCEPTS.stanines.bands.find((b) => pr >= b.prMin && pr <= b.prMax)?.stanine ?? null;
}

export function afqtCategory(percentile: number): string | null {
  if (!Number.isInteger(percentile) || percentile < 1 || percentile > 99) return null;
  return CONCEPTS.afqtCategories.categories.find((c) => percentile >= c.min && percentile <= c.max)?.id ?? null;
}

export function cogatSasBand(sas: number): string {
  return CONCEPTS.cogatSasBands.bands.find((b) => sas >= b.min)!.id;
}

/**
 * "670L" → 670; "BR120L" → -120 (Beginning Reader: BR200L is lower than BR100L);
 * "1200L" → 1200. Null for anything else.
 */
export function parseLexile(text: string): { value: number; beginningReader: boolean } | null {
  const m = /^\s*(BR)?\s*(\d{1,4})\s*L\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] ? { value: -n, beginningReader: true } : { value: n, beginningReader: false };
}

/** "535Q" → 535; "EM400Q" → -400 (Emerging Mathematician, below 0Q). */
export function parseQuantile(text: string): { value: number; emerging: boolean } | null {
  const m = /^\s*(EM)?\s*(\d{1,4})\s*Q\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] ? { value: -n, emerging: true } : { value: n, emerging: false };
}

export function formatLexile(value: number): string {
  return value < 0 ? `BR${-value}L` : `${value}L`;
}

export function formatQuantile(value: number): string {
  return value < 0 ? `EM${-value}Q` : `${value}Q`;
}

/** Target reading range: 100L below to 50L above the reader's measure. */
export function lexileRange(value: number): { low: string; high: string } {
  return { low: formatLexile(value - CONCEPTS.lexile.targetBelow), high: formatLexile(value + CONCEPTS.lexile.targetAbove) };
}

/** Learning frontier: ±50Q around the student's measure. */
export function quantileRange(value: number): { low: string; high: string } {
  return { low: formatQuantile(value - CONCEPTS.quantile.frontier), high: formatQuantile(value + CONCEPTS.quantile.frontier) };
}
