import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver.js';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type RawDatabase = Database.Database;

/** Where the native binding lives when it is not the default build (Electron ABI copy). */
let nativeBinding: string | undefined;
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/**
 * Cipher settings, then the raw key, then a query that proves the key, then keep temp
 * data in memory (temp files are never encrypted). Order matters: SQLite3MC ignores
 * cipher settings given after the key, producing a non-SQLCipher file.
 * Throws the driver's SQLITE_NOTADB when the key is wrong or the file is not ours.
 */
export function applyVaultCipher(db: RawDatabase, dek: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${dek.toString('hex')}'"`);
  db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  db.pragma('temp_store=MEMORY');
}

/** Opens the file read-only with the key and checks it; leaves the file untouched. */
export function probeDatabase(dbPath: string, dek: Buffer): 'ok' | 'wrong-key-or-damaged' {
  // Opening a WAL database, even read-only, makes -wal/-shm files; a failed probe must leave
  // the folder exactly as it found it.
  const sidecars = [`${dbPath}-wal`, `${dbPath}-shm`].filter((p) => !existsSync(p));
  let db: RawDatabase | undefined;
  let result: 'ok' | 'wrong-key-or-damaged' = 'wrong-key-or-damaged';
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true, nativeBinding });
    applyVaultCipher(db, dek);
    const row = db.prepare('PRAGMA quick_check').get() as { quick_check: string } | undefined;
    result = row?.quick_check === 'ok' ? 'ok' : 'wrong-key-or-damaged';
  } catch {
    result = 'wrong-key-or-damaged';
  } finally {
    db?.close();
    if (result !== 'ok') for (const p of sidecars) rmSync(p, { force: true });
  }
  return result;
}

export function openRawDatabase(dbPath: string, dek: Buffer, options: { readonly?: boolean; mustExist?: boolean } = {}): RawDatabase {
  const db = new Database(dbPath, {
    readonly: options.readonly ?? false,
    fileMustExist: options.mustExist ?? true,
    nativeBinding,
  });
  try {
    applyVaultCipher(db, dek);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function createVaultDataSource(dbPath: string, dek: Buffer, options: { mustExist: boolean }): DataSource {
  // A private copy of the key: the caller may zero its buffer after unlocking.
  const key = Buffer.from(dek);
  return new DataSource({
    type: 'better-sqlite3',
    // Never let TypeORM fall back to stock better-sqlite3: it ignores PRAGMA key.
    driver: Database,
    nativeBinding,
    database: dbPath,
    fileMustExist: options.mustExist,
    // No `key` option: TypeORM would set it before the cipher settings.
    prepareDatabase: (db: RawDatabase) => {
      try {
        applyVaultCipher(db, key);
      } finally {
        key.fill(0);
      }
    },
    enableWAL: true,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  });
}

/** The better-sqlite3 connection under TypeORM, for prepared-statement bulk paths. */
export function rawConnection(ds: DataSource): RawDatabase {
  return (ds.driver as unknown as BetterSqlite3Driver).databaseConnection as RawDatabase;
}
