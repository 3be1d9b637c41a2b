import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { problem } from '../../../../shared/domain/roster/problems';
import { say, type Said } from '../../../../shared/domain/roster/say';
import type { RosterProblem } from '../../../../shared/domain/roster/types';

/**
 * A roster export as a set of named files, whether it arrived as a folder or a .zip, so
 * each format's parser works on bytes and never touches the file system itself.
 */
export interface RosterFile {
  /** Path inside the folder or zip, with "/" separators ("OneRosterv1p1/users.csv"). */
  name: string;
  bytes: Uint8Array;
}

export interface RosterFileSet {
  /** What the counselor picked, for messages ("roster.zip", "C:\\Exports\\OneRoster"). */
  sourceName: string;
  files: RosterFile[];
  problems: RosterProblem[];
}

/** Roster exports are tables and interchanges; everything else in a zip or folder is skipped. */
const WANTED = /\.(csv|txt|tsv|xml)$/i;
/** A district-wide export is a few tens of MB; far beyond this is a mistake or a zip bomb. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
const MAX_DEPTH = 3;

function skipped(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return name.startsWith('__MACOSX/') || base.startsWith('._') || base.startsWith('~$') || !WANTED.test(base);
}

export function unzipRosterFiles(bytes: Uint8Array, zipName: string): RosterFileSet {
  const problems: RosterProblem[] = [];
  const fileLevel = (code: string, text: Said) => problems.push(problem({ fileName: zipName, row: null, column: null }, 'error', code, text));
  let total = 0;
  let tooBig: string | null = null;
  try {
    const entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/') || skipped(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
          tooBig ??= f.name;
          return false;
        }
        return true;
      },
    });
    if (tooBig) {
      fileLevel('zip-too-large', say('zip-too-large', { limit: MAX_TOTAL_BYTES / 1024 / 1024, file: tooBig }));
      return { sourceName: zipName, files: [], problems };
    }
    const files = Object.entries(entries).map(([name, data]) => ({ name, bytes: data }));
    files.sort((a, b) => a.name.localeCompare(b.name));
    return { sourceName: zipName, files, problems };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    fileLevel('zip-unreadable', say('zip-unreadable', { file: zipName, detail }));
    return { sourceName: zipName, files: [], problems };
  }
}

export async function readRosterFolder(dir: string): Promise<RosterFileSet> {
  const files: RosterFile[] = [];
  const problems: RosterProblem[] = [];
  let total = 0;
  async function walk(current: string, depth: number): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(current, e.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !e.name.startsWith('.') && e.name !== '__MACOSX') await walk(full, depth + 1);
        continue;
      }
      if (!e.isFile() || skipped(rel)) continue;
      const size = (await stat(full)).size;
      total += size;
      if (size > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
        problems.push(problem({ fileName: rel, row: null, column: null }, 'error', 'file-too-large', say('file-too-large', { file: rel, size: Math.round(size / 1024 / 1024) })));
        continue;
      }
      files.push({ name: rel, bytes: new Uint8Array(await readFile(full)) });
    }
  }
  try {
    await walk(dir, 0);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    problems.push(problem({ fileName: dir, row: null, column: null }, 'error', 'folder-unreadable', say('folder-unreadable', { detail })));
  }
  return { sourceName: dir, files, problems };
}

/** The file's name without its folder, for messages and lookups. */
export function baseName(name: string): string {
  return name.split('/').pop() ?? name;
}

export function folderOf(name: string): string {
  const i = name.lastIndexOf('/');
  return i < 0 ? '' : name.slice(0, i);
}
