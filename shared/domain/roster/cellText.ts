import { say, type Said } from './say';

/**
 * Checks and clean-up shared by every text value read from a roster file: invisible
 * characters removed, Unicode composed (NFC) so "José" typed two ways is one name, HTML
 * entities restored, and text that was garbled by a wrong encoding caught instead of stored.
 */

export interface TextIssue extends Said {
  code: 'encoding-replacement-character' | 'encoding-mojibake' | 'html-entity';
  severity: 'error' | 'warning';
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Invisible characters out, non-breaking spaces to spaces, runs of whitespace to one space. */
export function squeeze(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/[\u00A0\u2007\u202F]/g, ' ').replace(/\s+/g, ' ').trim();
}

// Latin-1 named entities plus the few punctuation ones Excel/HTML exports emit.
const NAMED: Record<string, string> = {
  amp: '&', apos: "'", quot: '"', lt: '<', gt: '>', nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—',
};
const LATIN1 = 'Agrave À Aacute Á Acirc Â Atilde Ã Auml Ä Aring Å AElig Æ Ccedil Ç Egrave È Eacute É Ecirc Ê Euml Ë Igrave Ì Iacute Í Icirc Î Iuml Ï ETH Ð Ntilde Ñ Ograve Ò Oacute Ó Ocirc Ô Otilde Õ Ouml Ö Oslash Ø Ugrave Ù Uacute Ú Ucirc Û Uuml Ü Yacute Ý THORN Þ szlig ß agrave à aacute á acirc â atilde ã auml ä aring å aelig æ ccedil ç egrave è eacute é ecirc ê euml ë igrave ì iacute í icirc î iuml ï eth ð ntilde ñ ograve ò oacute ó ocirc ô otilde õ ouml ö oslash ø ugrave ù uacute ú ucirc û uuml ü yacute ý thorn þ yuml ÿ'.split(' ');
for (let i = 0; i < LATIN1.length; i += 2) NAMED[LATIN1[i]] = LATIN1[i + 1];

const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,8});/gi;
const HAS_ENTITY = new RegExp(ENTITY.source, 'i');

/** Restores `&ntilde;`, `&#241;` and `&#xF1;`; unknown entities are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

// UTF-8 bytes of accented letters and curly quotes, read as Windows-1252: "Ã±" for ñ,
// "Ã©" for é, "â€™" for ’. "Ã" or "Â" followed by one of these second bytes does not
// occur in real names.
const MOJIBAKE = /[ÃÂ][\u00A0-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|â€/;

const CP1252_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** What double-encoded text most likely said ("PeÃ±a" → "Peña"), or null if it cannot be undone. */
export function repairMojibake(text: string): string | null {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x100) bytes.push(c);
    else if (ch in CP1252_EXTRA) bytes.push(CP1252_EXTRA[ch]);
    else return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** Plain printable ASCII with single spaces and no entity: nothing to check or clean (most cells). */
const PLAIN = /^(?:[!-~]+(?: [!-~]+)*)?$/;

/** Problems with a value's characters; `value` is the raw cell. */
export function textIssues(value: string): TextIssue[] {
  if (PLAIN.test(value) && !value.includes('&')) return [];
  const issues: TextIssue[] = [];
  if (value.includes('\uFFFD')) {
    issues.push({ code: 'encoding-replacement-character', severity: 'error', ...say('encoding-replacement-character', { value: JSON.stringify(value) }) });
  } else if (MOJIBAKE.test(value)) {
    const repaired = repairMojibake(value);
    issues.push({
      code: 'encoding-mojibake',
      severity: 'error',
      ...(repaired ? say('encoding-mojibake~repaired', { value: JSON.stringify(value), repaired: JSON.stringify(repaired) }) : say('encoding-mojibake', { value: JSON.stringify(value) })),
    });
  }
  if (HAS_ENTITY.test(value)) {
    const decoded = decodeEntities(value);
    if (decoded !== value) {
      issues.push({ code: 'html-entity', severity: 'warning', ...say('html-entity', { value: JSON.stringify(value), decoded: JSON.stringify(decoded) }) });
    }
  }
  return issues;
}

/** A cleaned text value (entities restored, NFC, squeezed), or null when blank. */
export function cleanValue(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  if (PLAIN.test(raw) && !raw.includes('&')) return raw === '' ? null : raw;
  const s = squeeze(decodeEntities(raw)).normalize('NFC');
  return s === '' ? null : s;
}
