/**
 * Recognises files that are not text exports at all — a spreadsheet saved as .xlsx, a PDF
 * report, a picture, a web page — so the counselor is told what the file is and what to do,
 * instead of seeing its bytes as one column of garbage.
 */
export type NotTextKind = 'xlsx' | 'xls' | 'pdf' | 'image' | 'zip' | 'html' | 'binary';

const MAGIC: { kind: NotTextKind; bytes: number[] }[] = [
  { kind: 'xls', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // OLE2: .xls, .doc
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'image', bytes: [0x89, 0x50, 0x4e, 0x47] }, // PNG
  { kind: 'image', bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { kind: 'image', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Null for anything that may be text (UTF-8, UTF-16 with or without BOM, Windows-1252). */
export function sniffNotText(bytes: Uint8Array): NotTextKind | null {
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return m.kind;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An .xlsx is a zip whose entries live under xl/.
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4096))).toString('latin1');
    return /\[Content_Types\]\.xml|xl\//.test(head) ? 'xlsx' : 'zip';
  }
  // UTF-16 text has zeros in every other byte; leave it to the decoder.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const n = Math.min(bytes.length, 4096);
  let zeros = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) zeros++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
  }
  const evenOrOddZeros = zeros > n * 0.3; // ASCII-heavy UTF-16 without BOM
  if (!evenOrOddZeros && (zeros > 0 || controls > n * 0.05)) return 'binary';
  const start = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 512))).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  return null;
}
