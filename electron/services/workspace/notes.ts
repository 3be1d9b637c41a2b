import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { searchTokens } from '../../../shared/domain/text';
import {
  MARK_END,
  MARK_START,
  type Note,
  type NoteSearchResult,
  type createNoteInput,
  type listNotesInput,
  type searchNotesInput,
  type updateNoteInput,
} from '../../../shared/ipc/contract';
import type { NoteVisibility } from '../../../shared/ipc/contract/common';
import type { versioned } from '../../../shared/ipc/contract/workspaceCommon';
import type { NoteKind } from '../../../shared/domain/workspace/vocabulary';
import { changedKeys, notFound, requireVersion, WorkspaceServiceBase } from './support';

export interface NoteRow {
  id: number;
  student_id: number;
  visibility: NoteVisibility;
  kind: NoteKind;
  body: string;
  conference_id: number | null;
  pinned: number;
  archived_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export const NOTE_COLUMNS = 'n.id, n.student_id, n.visibility, n.kind, n.body, n.conference_id, n.pinned, n.archived_at, n.version, n.created_at, n.updated_at';

export function toNote(r: NoteRow): Note {
  return {
    id: r.id,
    studentId: r.student_id,
    visibility: r.visibility,
    kind: r.kind,
    body: r.body,
    conferenceId: r.conference_id,
    pinned: r.pinned === 1,
    archivedAt: r.archived_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The search markers can never come from a note itself. */
const stripMarkers = (s: string) => s.replace(/[\uE000\uE001]/g, '');

/**
 * A search box entry as an FTS5 query over note bodies: every word must match, each as a
 * prefix ("enferm" finds "enfermería") except single letters, accents and case folded.
 * Words are quoted, so FTS syntax typed by a counselor (AND, NEAR, *, quotes, column:)
 * is searched for as text, never run as an operator.
 */
export function ftsQuery(input: string): string | null {
  const words = searchTokens(input).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  // A one-letter prefix would expand to most of the vocabulary: match the letter as a word.
  return `body : (${words.map((w) => `"${w.replace(/"/g, '""')}"${[...w].length > 1 ? '*' : ''}`).join(' ')})`;
}

/** Caseload-wide counts stop here ("1,000+"): counting every match of a common word costs more than it tells. */
export const SEARCH_COUNT_CAP = 1000;

type Filters = { status: 'active' | 'archived' | 'all'; visibilities: NoteVisibility[] };

function filterSql(f: Filters): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.status === 'active') sql.push('n.archived_at IS NULL');
  if (f.status === 'archived') sql.push('n.archived_at IS NOT NULL');
  if (f.visibilities.length > 0) {
    sql.push(`n.visibility IN (${f.visibilities.map(() => '?').join(',')})`);
    params.push(...f.visibilities);
  }
  return { sql, params };
}

const EDITABLE = ['body', 'visibility', 'kind', 'pinned'] as const;

/** Notes with visibility (private by default), pinning, archive and full-text search. */
export class NotesService extends WorkspaceServiceBase {
  get(id: number): Note {
    const row = this.db.prepare(`SELECT ${NOTE_COLUMNS} FROM notes n WHERE n.id = ?`).get(id) as NoteRow | undefined;
    return row ? toNote(row) : notFound('note');
  }

  /** Pinned first, then newest first. */
  list(input: z.output<typeof listNotesInput>): Note[] {
    this.requireStudent(input.studentId);
    const f = filterSql(input);
    const where = ['n.student_id = ?', ...f.sql].join(' AND ');
    const rows = this.db.prepare(`SELECT ${NOTE_COLUMNS} FROM notes n WHERE ${where} ORDER BY n.pinned DESC, n.created_at DESC, n.id DESC`).all(input.studentId, ...f.params) as NoteRow[];
    return rows.map(toNote);
  }

  /**
   * Newest first (pinned first within one student). One student: the student's token is
   * part of the MATCH, so only their notes are visited, each returned whole and marked.
   * Caseload: the index is walked newest-first and stops at `limit`; excerpts are marked.
   */
  search(input: z.output<typeof searchNotesInput>): NoteSearchResult {
    const words = ftsQuery(input.query);
    if (!words) return { hits: [], total: 0, capped: false };
    const one = input.studentId !== undefined;
    if (one) this.requireStudent(input.studentId!);
    const match = one ? `student : "s${input.studentId}" AND ${words}` : words;
    const f = filterSql(input);
    const where = ['notes_fts MATCH ?', ...f.sql].join(' AND ');
    const params = [match, ...f.params];
    const marked = one ? `highlight(notes_fts, 0, ?, ?)` : `snippet(notes_fts, 0, ?, ?, '…', 24)`;
    const order = one ? 'n.pinned DESC, n.created_at DESC, n.id DESC' : 'notes_fts.rowid DESC';
    const rows = this.db
      .prepare(`SELECT ${NOTE_COLUMNS}, s.first_name, s.last_name, s.preferred_name, ${marked} AS marked
        FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid JOIN students s ON s.id = n.student_id
        WHERE ${where} ORDER BY ${order} LIMIT ?`)
      .all(MARK_START, MARK_END, ...params, input.limit) as (NoteRow & { first_name: string; last_name: string; preferred_name: string | null; marked: string })[];
    let total = rows.length;
    if (rows.length === input.limit) {
      const cap = one ? -1 : SEARCH_COUNT_CAP + 1;
      total = (this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid WHERE ${where} LIMIT ?)`).get(...params, cap) as { n: number }).n;
    }
    const capped = !one && total > SEARCH_COUNT_CAP;
    return {
      hits: rows.map((r) => ({
        note: toNote(r),
        student: { id: r.student_id, firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name },
        marked: r.marked,
      })),
      total: capped ? SEARCH_COUNT_CAP : total,
      capped,
    };
  }

  /**
   * `options.conferenceId`: for conference mode, which takes notes (kind 'parent') during a
   * conference from the main process; the IPC contract does not offer it to the renderer.
   */
  create(input: z.output<typeof createNoteInput>, options: { conferenceId?: number } = {}): Note {
    const db = this.db;
    const body = stripMarkers(input.body);
    if (!body.trim()) throw new AppError('VALIDATION', 'body: Required', { issues: [{ path: ['body'], message: 'Required', code: 'custom' }] });
    const id = db.transaction(() => {
      this.requireStudent(input.studentId);
      const ts = this.timestamp();
      const id = Number(
        db
          .prepare('INSERT INTO notes (student_id, visibility, kind, body, conference_id, pinned, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)')
          .run(input.studentId, input.visibility, input.kind, body, options.conferenceId ?? null, input.pinned ? 1 : 0, ts, ts).lastInsertRowid,
      );
      this.audit({ action: 'note.create', entityType: 'note', entityId: id, summary: options.conferenceId !== undefined ? `conference ${options.conferenceId}` : undefined });
      return id;
    })();
    return this.get(id);
  }

  update(input: z.output<typeof updateNoteInput>): Note {
    const db = this.db;
    const changes = { ...input.changes, ...(input.changes.body !== undefined ? { body: stripMarkers(input.changes.body) } : {}) };
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'note');
      const changed = changedKeys(current, changes, EDITABLE);
      if (changed.length === 0) return;
      const next = { ...current, ...Object.fromEntries(changed.map((k) => [k, changes[k]])) } as Note;
      db.prepare('UPDATE notes SET body = ?, visibility = ?, kind = ?, pinned = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(
        next.body, next.visibility, next.kind, next.pinned ? 1 : 0, this.timestamp(), input.id, input.version,
      );
      this.audit({ action: 'note.update', entityType: 'note', entityId: input.id, summary: changed.join(',') });
    })();
    return this.get(input.id);
  }

  setArchived(input: z.output<typeof versioned>, archived: boolean): Note {
    const db = this.db;
    db.transaction(() => {
      const current = this.get(input.id);
      requireVersion(current, input.version, 'note');
      if ((current.archivedAt !== null) === archived) return;
      const ts = this.timestamp();
      db.prepare('UPDATE notes SET archived_at = ?, version = version + 1, updated_at = ? WHERE id = ?').run(archived ? ts : null, ts, input.id);
      this.audit({ action: archived ? 'note.archive' : 'note.restore', entityType: 'note', entityId: input.id });
    })();
    return this.get(input.id);
  }

  /** Hard delete: the text leaves the table and the search index (FTS5 secure-delete). */
  remove(input: z.output<typeof versioned>): void {
    const db = this.db;
    db.transaction(() => {
      requireVersion(this.get(input.id), input.version, 'note');
      db.prepare('DELETE FROM notes WHERE id = ?').run(input.id);
      this.audit({ action: 'note.delete', entityType: 'note', entityId: input.id });
    })();
  }
}
