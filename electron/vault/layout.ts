import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import { SLOT_FILE_VERSION, slotFileSchema, type SlotFile } from './keySlots';

/** A vault is a folder: the encrypted database and, beside it, the small key-slot file. */
export const SLOT_FILE_NAME = 'waypoint-vault.json';
export const DB_FILE_NAME = 'caseload.wpdb';
export const BACKUP_DIR = 'backups';
export const DEFAULT_VAULT_FOLDER_NAME = 'Waypoint Vault';

export interface VaultPaths {
  folder: string;
  slotFile: string;
  database: string;
}

export function vaultPaths(folder: string, databaseName = DB_FILE_NAME): VaultPaths {
  return { folder, slotFile: join(folder, SLOT_FILE_NAME), database: join(folder, databaseName) };
}

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export type VaultLocation =
  | { kind: 'vault'; paths: VaultPaths; slots: SlotFile }
  | { kind: 'empty'; folder: string };

/**
 * Works out what is at `path` without writing anything. A vault folder, a file inside one,
 * or an empty/new folder are accepted; anything else is refused with a reason the user
 * can act on, and the file is left exactly as it was.
 */
export function locateVault(path: string): VaultLocation {
  if (!existsSync(path)) return { kind: 'empty', folder: path };
  const stat = statSync(path);
  let folder = path;
  if (stat.isFile()) {
    const name = basename(path);
    if (name !== SLOT_FILE_NAME && name !== DB_FILE_NAME) {
      const head = readHead(path, 16);
      if (head.equals(SQLITE_PLAIN_HEADER)) {
        throw new AppError('NOT_A_VAULT', 'This is an unencrypted SQLite database, not a Waypoint vault.', { reason: 'plain-sqlite' });
      }
      throw new AppError('NOT_A_VAULT', 'This file is not a Waypoint vault.', { reason: 'unknown-file' });
    }
    folder = dirname(path);
  }
  const slotPath = join(folder, SLOT_FILE_NAME);
  if (!existsSync(slotPath)) {
    const visible = readdirSync(folder).filter((f) => !f.startsWith('.'));
    if (visible.length === 0) return { kind: 'empty', folder };
    if (visible.includes(DB_FILE_NAME)) {
      throw new AppError('VAULT_DAMAGED', 'The vault’s key file (waypoint-vault.json) is missing. Restore it from a backup.', { reason: 'missing-key-file' });
    }
    throw new AppError('NOT_A_VAULT', 'This folder does not contain a Waypoint vault.', { reason: 'no-vault-in-folder' });
  }
  let slots: SlotFile;
  try {
    const raw: unknown = JSON.parse(readFileSync(slotPath, 'utf8'));
    const version = (raw as { version?: unknown } | null)?.version;
    // A later Waypoint may change the key file; that is not damage, and no backup is needed.
    if (typeof version === 'number' && version > SLOT_FILE_VERSION) {
      throw new AppError('VAULT_TOO_NEW', 'This vault was made by a newer version of Waypoint. Update Waypoint to open it.', { reason: 'newer-key-file' });
    }
    slots = slotFileSchema.parse(raw);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VAULT_DAMAGED', 'The vault’s key file is damaged or from an unknown version.', { reason: 'bad-key-file' });
  }
  const paths = vaultPaths(folder, slots.database);
  if (!existsSync(paths.database)) {
    throw new AppError('VAULT_DAMAGED', 'The vault’s database file is missing.', { reason: 'missing-database' });
  }
  const head = readHead(paths.database, 16);
  if (head.length < 16) {
    throw new AppError('VAULT_DAMAGED', 'The vault’s database file is empty or cut short.', { reason: 'truncated-database' });
  }
  if (head.equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError('VAULT_DAMAGED', 'The vault’s database is not encrypted; Waypoint will not open it.', { reason: 'plain-database' });
  }
  return { kind: 'vault', paths, slots };
}
