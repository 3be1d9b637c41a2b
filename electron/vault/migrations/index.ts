import { Initial1764800000001 } from './0001-initial';

/** Explicit, ordered list of migration classes (never a glob). */
export const MIGRATIONS = [Initial1764800000001];
