import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { createTestCore } from '../electron/testing/testCore';
import { openRawDatabase, type RawDatabase } from '../electron/vault/database';
import { applyVaultCipher } from '../electron/vault/database';
import Database from 'better-sqlite3-multiple-ciphers';

export type Figures = Record<string, number>;

export interface BenchGroup {
  /** Figure names this group produces (used by --only=<prefix>). */
  names: string[];
  run(): Promise<Figures>;
}

export const PASSPHRASE = 'orchard-lantern-velvet-42';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-bench-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** A fresh unlocked vault through the real services, with the production KDF. */
export async function benchCore() {
  const tmp = tempDir();
  const core = createTestCore({ documentsDir: tmp.dir, defaultVaultFolder: join(tmp.dir, 'Vault'), scrypt: { N: 2 ** 17, r: 8, p: 1 } });
  await core.ctx.vault.create(join(tmp.dir, 'Vault'), PASSPHRASE);
  core.prefs.set({ lastVaultPath: join(tmp.dir, 'Vault') });
  return {
    core,
    folder: join(tmp.dir, 'Vault'),
    async dispose() {
      await core.ctx.vault.lock('quit');
      tmp.cleanup();
    },
  };
}

/**
 * The baseline for ratios: a separate encrypted database (same cipher settings, WAL,
 * temp in memory) with the vault's schema, written with raw prepared statements.
 */
export function rawBaselineDatabase(schemaFrom: RawDatabase): { db: RawDatabase; cleanup: () => void } {
  const tmp = tempDir();
  const key = randomBytes(32);
  const db = new Database(join(tmp.dir, 'baseline.db'));
  applyVaultCipher(db, key);
  db.pragma('journal_mode=WAL');
  const ddl = schemaFrom.prepare(`SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
  // FTS5 creates its shadow tables (notes_fts_data, …) itself; copying them is refused.
  const virtual = ddl.filter((d) => /^CREATE VIRTUAL TABLE/i.test(d.sql)).map((d) => `${d.name}_`);
  for (const { name, sql } of ddl) if (!virtual.some((v) => name.startsWith(v))) db.exec(sql);
  return {
    db,
    cleanup: () => {
      db.close();
      tmp.cleanup();
    },
  };
}

export { openRawDatabase };
