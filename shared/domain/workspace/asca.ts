import standardsFile from '../../../resources/workspace/asca-mindsets-behaviors.json';
import type { Locale } from '../../i18n/locales';

/** One ASCA Mindsets & Behaviors standard as shipped in resources/workspace. */
export interface AscaStandard {
  code: string;
  category: 'mindset' | 'learning-strategies' | 'self-management' | 'social';
  en: string;
  es: string;
  /** Wording (or presence) not checked against ASCA's own document. */
  uncertain?: boolean;
  note?: string;
}

export interface AscaReference {
  title: string;
  publisher: string;
  edition: string;
  year: number;
  uncertain: boolean;
  /** What is unverified about the edition, year and count, in both languages. */
  note: Record<Locale, string>;
  sources: { title: string; url: string }[];
  count: { value: number; uncertain: boolean; note: string };
  translations: { es: { official: boolean; uncertain: boolean; note: string } };
  categories: { id: AscaStandard['category']; prefix: string; en: string; es: string }[];
  standards: AscaStandard[];
}

export const ASCA: AscaReference = standardsFile as AscaReference;

const BY_CODE = new Map(ASCA.standards.map((s) => [s.code, s]));

/**
 * Canonical code form "M 4", "B-LS 7", "B-SMS 10", "B-SS 3" from what a counselor might
 * type or paste ("b-ls7", "BLS 7", "B-LS-7", "M4", "B–SS 3" with an en dash). Null when the
 * text is not shaped like a code at all.
 */
export function normalizeAscaCode(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().toUpperCase().replace(/[‐-―−]/g, '-');
  const mindset = /^M\s*-?\s*(\d{1,2})$/.exec(s);
  if (mindset) return `M ${Number(mindset[1])}`;
  const behavior = /^B\s*-?\s*(LS|SMS|SS)\s*-?\s*(\d{1,2})$/.exec(s);
  if (behavior) return `B-${behavior[1]} ${Number(behavior[2])}`;
  return null;
}

/** The standard for a code (any accepted spelling), or undefined when no such standard exists. */
export function findAscaStandard(raw: string): AscaStandard | undefined {
  const code = normalizeAscaCode(raw);
  return code ? BY_CODE.get(code) : undefined;
}

export function ascaText(code: string, locale: Locale): string {
  const s = BY_CODE.get(code);
  return s ? s[locale] : code;
}

/** Orders codes as the standards document does: M 1…M 6, then B-LS, B-SMS, B-SS by number. */
export function compareAscaCodes(a: string, b: string): number {
  const ia = ASCA.standards.findIndex((s) => s.code === a);
  const ib = ASCA.standards.findIndex((s) => s.code === b);
  return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
}
