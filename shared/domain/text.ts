/**
 * Accent- and case-insensitive folding for search and sort, so "Pena" finds "Peña",
 * a decomposed "José" matches a composed one, and Óscar sorts with the O's, not after Z.
 */
const PLAIN_ASCII = /^[\x20-\x26\x28-\x5f\x61-\x7e]*$/;

export function fold(text: string): string {
  // Most names and IDs are plain ASCII: skip Unicode normalization for them (imports fold 10,000s).
  if (PLAIN_ASCII.test(text) && !text.includes('  ')) return text.toLowerCase().trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a search box entry into folded tokens; every token must match. */
export function searchTokens(query: string): string[] {
  return fold(query)
    .split(/[\s,]+/)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/** Collapse runs of whitespace and strip zero-width characters from user or file input. */
export function cleanText(text: string): string {
  return text.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}
