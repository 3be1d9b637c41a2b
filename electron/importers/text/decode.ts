import iconv from 'iconv-lite';

/**
 * Turns the bytes of a district export into text without mangling names: UTF-8 with or
 * without BOM, UTF-16 LE/BE with or without BOM ("Unicode text" from Excel), and
 * Windows-1252 (Excel's "CSV" on US Windows: Peña, José). A trailing DOS end-of-file
 * byte (0x1A) is dropped.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  hadBom: boolean;
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // ASCII-heavy UTF-16 has a zero in every other byte.
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

export function decodeText(input: Uint8Array): DecodedText {
  let bytes = input;
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0x1a) bytes = bytes.subarray(0, bytes.length - 1);
  let encoding: TextEncodingName;
  let hadBom = false;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    hadBom = true;
    bytes = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    hadBom = true;
    bytes = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    hadBom = true;
    bytes = bytes.subarray(2);
  } else {
    const utf16 = looksUtf16(bytes);
    if (utf16) encoding = utf16;
    else {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return { text: stripTrailingNulls(text), encoding: 'utf-8', hadBom };
      } catch {
        encoding = 'windows-1252';
      }
    }
  }
  // iconv-lite, not TextDecoder: Node's TextDecoder treats windows-1252 as Latin-1 and
  // turns curly quotes (0x91–0x94) into control characters.
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return { text: stripTrailingNulls(text), encoding, hadBom };
}

function stripTrailingNulls(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return text.slice(0, end);
}
