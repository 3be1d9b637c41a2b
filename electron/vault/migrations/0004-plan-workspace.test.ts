import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { applyVaultCipher, rawConnection, type RawDatabase } from '../database';
import { ENTITIES } from '../entities';
import { makeTempDir } from '../../testing/tempVault';
import { Initial1764800000001 } from './0001-initial';
import { Notes1764800000002 } from './0002-notes';
import { PlanWorkspace1764800000004 } from './0004-plan-workspace';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

async function open(path: string, key: Buffer, migrations: (new () => object)[]) {
  const ds = new DataSource({
    type: 'better-sqlite3',
    driver: Database,
    database: path,
    prepareDatabase: (db: RawDatabase) => applyVaultCipher(db, key),
    entities: ENTITIES,
    migrations: migrations as never,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  return ds;
}

describe('migration 0004 (plan workspace)', () => {
  it('upgrades an encrypted vault that already has notes: they become searchable and gain archive/pin', async () => {
    const path = join(tmp.dir, 'v.wpdb');
    const key = randomBytes(32);
    const before = await open(path, key, [Initial1764800000001, Notes1764800000002]);
    const db0 = rawConnection(before);
    db0.prepare(`INSERT INTO students (first_name, last_name, search_text, sort_name, created_at, updated_at) VALUES ('Ana', 'Peña', 'ana pena', 'pena ana', 'x', 'x')`).run();
    db0.prepare(`INSERT INTO notes (student_id, visibility, kind, body, created_at, updated_at) VALUES (1, 'family', 'parent', 'Preguntó por la beca de enfermería', 'x', 'x')`).run();
    await before.destroy();

    const after = await open(path, key, [Initial1764800000001, Notes1764800000002, PlanWorkspace1764800000004]);
    const db = rawConnection(after);
    expect(db.prepare(`SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'body : "enfermeria"*'`).all()).toEqual([{ rowid: 1 }]);
    expect(db.prepare(`SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'student : "s1"'`).all()).toEqual([{ rowid: 1 }]);
    expect(db.prepare('SELECT archived_at, pinned, visibility FROM notes').get()).toEqual({ archived_at: null, pinned: 0, visibility: 'family' });
    // The schema refuses what the services would never write.
    expect(() => db.prepare(`INSERT INTO referrals (student_id, kind, referred_on, reason, status, created_at, updated_at) VALUES (1, 'section-504', '2026-09-01', 'r', 'closed', 'x', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO goal_check_ins (goal_id, checked_on, rating, created_at, updated_at) VALUES (1, '2026-09-01', 6, 'x', 'x')`).run()).toThrow();
    const names = (db.prepare(`SELECT name FROM migrations ORDER BY id`).all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['Initial1764800000001', 'Notes1764800000002', 'PlanWorkspace1764800000004']);

    // And it can be rolled back cleanly.
    await after.undoLastMigration({ transaction: 'all' });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('goals', 'notes_fts', 'referrals')`).all()).toEqual([]);
    expect(db.prepare('SELECT body FROM notes').get()).toEqual({ body: 'Preguntó por la beca de enfermería' });
    await after.destroy();
  });
});
