import { z } from 'zod';
import { id, NOTE_VISIBILITIES } from './common';
import { findAscaStandard, normalizeAscaCode } from '../../domain/workspace/asca';

export const visibility = z.enum(NOTE_VISIBILITIES);

/** The version the counselor was editing; a newer one on disk means someone else saved first. */
export const version = z.number().int().positive();
export const versioned = z.object({ id, version });

export const byStudent = z.object({ studentId: id });

/** Small enumerated sets (what a goal is based on, who decided): order kept, repeats dropped. */
export function enumSet<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.enum(values))
    .max(values.length * 2)
    .transform((a) => [...new Set(a)]);
}

/** An ASCA Mindsets & Behaviors code in any common spelling, stored canonically ("B-LS 7"). */
export const ascaCode = z
  .string()
  .max(20)
  .transform((s) => normalizeAscaCode(s) ?? s.trim())
  .refine((code) => !!findAscaStandard(code), { message: 'Not an ASCA Mindsets & Behaviors code (e.g. M 4, B-LS 7, B-SMS 5, B-SS 3)' });

export const ascaCodes = z
  .array(ascaCode)
  .max(12)
  .transform((a) => [...new Set(a)]);

export const archiveFilter = z.enum(['active', 'archived', 'all']).optional().default('active');
