import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { problem } from '../../../shared/domain/roster/problems';
import { say, type Said } from '../../../shared/domain/roster/say';
import type { RosterProblem } from '../../../shared/domain/roster/types';
import { readRosterFolder, unzipRosterFiles, type RosterFileSet } from '../../importers/roster';
import { MAX_FILE_BYTES } from '../../importers/roster/common/files';

/**
 * What the counselor picked in the file dialog, read into named files: a folder (OneRoster or
 * Ed-Fi export), a zip, or one or more CSV/XML files. Only names relative to what was picked
 * are kept, so no path (which may hold a user name) reaches the preview.
 */
export async function readChosenSource(paths: string[]): Promise<RosterFileSet> {
  if (paths.length === 1) {
    const only = paths[0];
    const info = await stat(only).catch(() => null);
    if (!info) return failed(path.basename(only), 'file-unreadable', say('file-unreadable', { file: path.basename(only) }));
    if (info.isDirectory()) {
      const set = await readRosterFolder(only);
      // Folder-level messages name the folder, not its full path.
      for (const p of set.problems) if (p.fileName === only) p.fileName = path.basename(only);
      return { ...set, sourceName: path.basename(only) };
    }
    if (/\.zip$/i.test(only)) {
      if (info.size > MAX_FILE_BYTES) return failed(path.basename(only), 'file-too-large', say('file-too-large', { file: path.basename(only), size: Math.round(info.size / 1024 / 1024) }));
      return unzipRosterFiles(new Uint8Array(await readFile(only)), path.basename(only));
    }
  }
  const problems: RosterProblem[] = [];
  const files: RosterFileSet['files'] = [];
  for (const p of paths) {
    const name = path.basename(p);
    if (/\.zip$/i.test(name)) {
      problems.push(problem({ fileName: name, row: null, column: null }, 'error', 'zip-with-other-files', say('zip-with-other-files', { file: name })));
      continue;
    }
    if (!/\.(csv|txt|tsv|xml)$/i.test(name)) {
      problems.push(problem({ fileName: name, row: null, column: null }, 'error', 'file-type-unsupported', say('file-type-unsupported', { file: name })));
      continue;
    }
    try {
      const info = await stat(p);
      if (info.size > MAX_FILE_BYTES) {
        problems.push(problem({ fileName: name, row: null, column: null }, 'error', 'file-too-large', say('file-too-large', { file: name, size: Math.round(info.size / 1024 / 1024) })));
        continue;
      }
      files.push({ name, bytes: new Uint8Array(await readFile(p)) });
    } catch {
      problems.push(problem({ fileName: name, row: null, column: null }, 'error', 'file-unreadable', say('file-unreadable', { file: name })));
    }
  }
  return { sourceName: paths.length === 1 ? path.basename(paths[0]) : `${paths.length} files`, files, problems };
}

function failed(name: string, code: string, text: Said): RosterFileSet {
  return { sourceName: name, files: [], problems: [problem({ fileName: name, row: null, column: null }, 'error', code, text)] };
}
