import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Inter, embedded in every family document as data URLs, so the PDF carries its own font:
 * accented names (Peña, José) and Spanish punctuation (¿ ¡) render in one typeface on any
 * computer, never in a fallback font halfway through a word. Latin + Latin Extended cover
 * Spanish, most European names and typographic quotes; the unicode ranges are the subsets'
 * own (resources/fonts/inter/source.json). Text is NFC-normalised before it reaches the
 * document: a decomposed "José" (e + U+0301) would otherwise need the combining accent from
 * a font that has no such glyph.
 */
const FACES = [
  {
    file: 'inter-latin-wght-normal.woff2',
    range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    file: 'inter-latin-ext-wght-normal.woff2',
    range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
];

export const DOCUMENT_FONT_FAMILY = 'WaypointInter';

const cache = new Map<string, string>();

/** `@font-face` rules with the font files inline. Read once per resources folder. */
export function documentFontFaces(resourcesDir: string): string {
  const hit = cache.get(resourcesDir);
  if (hit) return hit;
  const css = FACES.map((f) => {
    const data = readFileSync(join(resourcesDir, 'fonts', 'inter', f.file)).toString('base64');
    return `@font-face{font-family:'${DOCUMENT_FONT_FAMILY}';font-style:normal;font-weight:100 900;font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${f.range};}`;
  }).join('\n');
  cache.set(resourcesDir, css);
  return css;
}
