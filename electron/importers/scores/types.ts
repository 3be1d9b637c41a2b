import type { ImportProblem } from '../../../shared/ipc/contract/imports';
import type { IsoDate } from '../../../shared/domain/dates';
import type { ParsedScoreRow, TestFamily } from '../../../shared/domain/scores/types';

/** The score-file layouts Waypoint reads, each recognised from its header (or record shape). */
export const SCORE_FORMATS = [
  'sat-suite',
  'ap',
  'act',
  'preact',
  'staar-csv',
  'staar-fixed',
  'ib',
  'asvab',
  'map',
  'cogat',
  'edfi',
  'mapped-csv',
] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

/** Something the counselor should know that does not block the import (detection basis, columns not read). */
export interface ScoreImportNote {
  code: string;
  message: string;
}

export interface ScoreParseResult {
  format: ScoreFormat;
  /** Test families found in the file. */
  families: TestFamily[];
  rows: ParsedScoreRow[];
  problems: ImportProblem[];
  notes: ScoreImportNote[];
  /** Columns of the file that no part of Waypoint reads (names, addresses, item responses…). */
  ignoredColumns: string[];
  /** Records read from the file (rows or elements), whether or not they gave results. */
  sourceRecords: number;
}

export interface ScoreFile {
  name: string;
  bytes: Uint8Array;
}

export interface ParseOptions {
  /** Local calendar date: test dates after it are refused. */
  today: IsoDate;
  /**
   * The test the counselor said the file holds; a file of another test is refused with a
   * message naming what it looks like. 'auto' = recognise from the header.
   */
  expect?: TestFamily | 'auto';
}

/** Receives each result as it is read, so a large file is never held as rows of cells. */
export type ScoreRowSink = (row: ParsedScoreRow) => void;

/** What a reader says about a file once its rows have gone to the sink. */
export type ScoreParseSummary = Omit<ScoreParseResult, 'rows'> & {
  /** Results handed to the sink. */
  results: number;
};
