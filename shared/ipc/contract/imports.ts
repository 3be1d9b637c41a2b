/**
 * Shapes every import preview shares (roster, scores, courses, transcripts): counts per
 * outcome and problems with file, row and column. A preview is all the counselor sees
 * before an all-or-nothing commit; errors block the commit, warnings do not.
 */
export interface ImportProblem {
  fileName: string;
  /** Data row (CSV, header = 0) or element index (XML); null for a file-level problem. */
  row: number | null;
  line?: number | null;
  /** Column header or XML element path; null when the whole row or file is meant. */
  column: string | null;
  severity: 'error' | 'warning';
  code: string;
  /** English text; `code` and `params` let the renderer say the same in the counselor's language. */
  message: string;
  params?: Record<string, string | number>;
  /** Key of the wording when it is not `code` (a variant of the same problem). */
  template?: string;
}

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportPreviewBase {
  /** Opaque handle for commit; the parsed rows stay in the main process. */
  token: string;
  fileNames: string[];
  counts: ImportCounts;
  problems: ImportProblem[];
  /** False when any problem is an error: nothing can be written until the file is fixed. */
  canCommit: boolean;
}

export interface ImportCommitResult {
  counts: ImportCounts;
}
