import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScryptParams } from '../vault/keySlots';

/** Cheaper KDF for tests that create many vaults; one test covers the production cost. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

export const TEST_PASSPHRASE = 'orchard-lantern-velvet-42';

export function makeTempDir(prefix = 'waypoint-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A controllable clock for throttling and idle-lock tests. */
export function fakeClock(start = new Date('2026-09-01T14:00:00Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}
