import { z } from 'zod';
import { op } from '../define';
import { id, multilineText, NOTE_VISIBILITIES, type NoteVisibility } from './common';
import { archiveFilter, version, versioned, visibility } from './workspaceCommon';
import { NOTE_KINDS, type NoteKind } from '../../domain/workspace/vocabulary';

export interface Note {
  id: number;
  studentId: number;
  visibility: NoteVisibility;
  /** 'general' (workspace) or 'parent' (what the family said or asked). */
  kind: NoteKind;
  body: string;
  /** Set when the note was taken during a conference. */
  conferenceId: number | null;
  pinned: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Around each matched word of `marked`: MARK_START … MARK_END (private-use characters that
 * note bodies never contain; the service strips them on save). The renderer turns them into <mark>.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface NoteSearchHit {
  note: Note;
  student: { id: number; firstName: string; lastName: string; preferredName: string | null };
  /** Within one student: the whole body, marked. Across the caseload: an excerpt, marked. */
  marked: string;
}

export interface NoteSearchResult {
  hits: NoteSearchHit[];
  /** All matches (newest first in `hits`, at most `limit`); across the caseload counted up to 1,000. */
  total: number;
  /** More matches than `total` says (caseload-wide count stopped at its cap). */
  capped: boolean;
}

const body = multilineText(20_000).pipe(z.string().min(1, { message: 'Required' }));

export const listNotesInput = z.object({
  studentId: id,
  status: archiveFilter,
  visibilities: z.array(z.enum(NOTE_VISIBILITIES)).max(3).optional().default([]),
});

export const searchNotesInput = z.object({
  query: z.string().max(200),
  /** Omitted: search every student's notes. */
  studentId: id.optional(),
  status: archiveFilter,
  visibilities: z.array(z.enum(NOTE_VISIBILITIES)).max(3).optional().default([]),
  limit: z.number().int().min(1).max(100).optional().default(50),
});

export const createNoteInput = z.object({
  studentId: id,
  body,
  /** Private unless the counselor chooses otherwise. */
  visibility: visibility.optional().default('private'),
  kind: z.enum(NOTE_KINDS).optional().default('general'),
  pinned: z.boolean().optional().default(false),
});

export const updateNoteInput = z.object({
  id,
  version,
  changes: z.object({ body: body.optional(), visibility: visibility.optional(), kind: z.enum(NOTE_KINDS).optional(), pinned: z.boolean().optional() }),
});

export const notesContract = {
  notes: {
    list: op<Note[]>()(listNotesInput),
    search: op<NoteSearchResult>()(searchNotesInput),
    create: op<Note>()(createNoteInput),
    update: op<Note>()(updateNoteInput),
    archive: op<Note>()(versioned),
    restore: op<Note>()(versioned),
    remove: op<null>()(versioned),
  },
};
