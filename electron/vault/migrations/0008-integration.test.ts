import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { applyVaultCipher, rawConnection, type RawDatabase } from '../database';
import { ENTITIES } from '../entities';
import { makeTempDir } from '../../testing/tempVault';
import { MIGRATIONS } from './index';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

async function open(path: string, key: Buffer, migrations: readonly (new () => object)[]) {
  const ds = new DataSource({
    type: 'better-sqlite3',
    driver: Database,
    database: path,
    prepareDatabase: (db: RawDatabase) => applyVaultCipher(db, key),
    entities: ENTITIES,
    migrations: [...migrations] as never,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  return ds;
}

describe('migration 0008 (integration)', () => {
  it('upgrades a vault that already holds conferences, keeps them, and can be undone', async () => {
    const path = join(tmp.dir, 'v.wpdb');
    const key = randomBytes(32);
    const before = await open(path, key, MIGRATIONS.slice(0, 7));
    const db0 = rawConnection(before);
    db0.prepare(`INSERT INTO students (first_name, last_name, search_text, sort_name, created_at, updated_at) VALUES ('Ana', 'Peña', 'ana pena', 'pena ana', 'x', 'x')`).run();
    db0.prepare(`INSERT INTO conferences (student_id, purpose, family_language, status, started_at, version, created_at, updated_at) VALUES (1, 'pgp_review', 'es', 'ended', '2026-09-01T15:00:00.000Z', 1, 'x', 'x')`).run();
    await before.destroy();

    const after = await open(path, key, MIGRATIONS);
    const db = rawConnection(after);
    expect(db.prepare('SELECT status, compared_scenario_ids FROM conferences').get()).toEqual({ status: 'ended', compared_scenario_ids: null });
    db.prepare(`INSERT INTO conference_reviewed (conference_id, locale, content, created_at) VALUES (1, 'es', '{}', 'x')`).run();
    expect(() => db.prepare(`INSERT INTO conference_reviewed (conference_id, locale, content, created_at) VALUES (1, 'fr', '{}', 'x')`).run()).toThrow(/CHECK/);
    await after.undoLastMigration({ transaction: 'all' });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'conference_reviewed'`).all()).toEqual([]);
    expect(db.prepare('SELECT status, started_at FROM conferences').get()).toEqual({ status: 'ended', started_at: '2026-09-01T15:00:00.000Z' });
    await after.destroy();
  });
});
