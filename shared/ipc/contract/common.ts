import { z } from 'zod';
import { isIsoDate } from '../../domain/dates';
import { cleanText } from '../../domain/text';

export const none = z.undefined();
export const id = z.number().int().positive();
export const byId = z.object({ id });

/** Trimmed text with a hard length cap: no silent truncation, an error instead. */
export function text(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform((s) => cleanText(s))
    .pipe(z.string().max(max));
}
export function optionalText(max: number) {
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((s) => (s == null ? null : cleanText(s) || null))
    .pipe(z.string().max(max).nullable());
}
export const isoDate = z.string().refine(isIsoDate, { message: 'Expected a date as YYYY-MM-DD' });
export const optionalIsoDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((s) => (s == null || s.trim() === '' ? null : s.trim()))
  .pipe(z.string().refine(isIsoDate, { message: 'Expected a date as YYYY-MM-DD' }).nullable());

export const paging = {
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
};

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Multi-line text (notes, rationales): keeps line breaks, trims only the ends and strips
 * zero-width characters. Over the cap is an error, never a silent cut.
 */
export function multilineText(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform((s) => s.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max));
}

export const NOTE_VISIBILITIES = ['private', 'staff', 'family'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];
