import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeText } from '../../text/decode';
import { problem } from '../../../../shared/domain/roster/problems';
import { say, type Said } from '../../../../shared/domain/roster/say';
import type { RosterProblem } from '../../../../shared/domain/roster/types';
import type { RosterFile } from '../common/files';

/**
 * Ed-Fi interchange XML, parsed so that nothing is silently lost or converted:
 * well-formedness is checked first (fast-xml-parser itself accepts broken XML without a
 * word), values stay text ("007" stays "007"), namespace prefixes are dropped so
 * `edfi:Student` and `Student` read alike, and each element keeps its position so problems
 * can name a line.
 */

/** A parsed element: child elements by local name (always arrays), attributes as `@_name`. */
export type XmlElement = { [name: string]: XmlValue[] | string | undefined };
export type XmlValue = XmlElement | string;

export interface XmlDocument {
  fileName: string;
  /** Local name of the root element ("InterchangeStudent"). */
  rootName: string;
  root: XmlElement;
  /** Default namespace of the root ("http://ed-fi.org/5.2.0"). */
  namespace: string | null;
  /** 1-based line where an element starts, when known. */
  lineOf(element: XmlElement): number | null;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Names of people are often written with HTML entities (&ntilde;) by hand-made exports.
  htmlEntities: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
  captureMetaData: true,
});

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function readXml(file: RosterFile): { doc: XmlDocument | null; problems: RosterProblem[] } {
  const fileName = file.name;
  const fail = (code: string, text: Said, line: number | null = null) => ({
    doc: null,
    problems: [problem({ fileName, row: null, line, column: null }, 'error', code, text)],
  });
  const { text } = decodeText(file.bytes);
  if (text.trim() === '') return fail('xml-empty', say('xml-empty', { file: fileName }));
  // Entity declarations have no place in an Ed-Fi interchange and are how XML bombs work.
  if (/<!ENTITY/i.test(text)) return fail('xml-entity-declaration', say('xml-entity-declaration', { file: fileName }));
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return fail('xml-malformed', say('xml-malformed', { file: fileName, line, column: col, detail: msg }), line);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    return fail('xml-malformed', say('xml-malformed~unreadable', { file: fileName, detail: err instanceof Error ? err.message : String(err) }));
  }
  const rootName = Object.keys(parsed).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const rootValue = rootName ? (parsed[rootName] as XmlValue[])[0] : undefined;
  if (!rootName || rootValue === undefined) return fail('xml-no-root', say('xml-no-root', { file: fileName }));
  const root: XmlElement = typeof rootValue === 'string' ? {} : rootValue;
  const starts = lineStarts(text);
  // The parser drops xmlns attributes along with prefixes; read the root's default namespace from the text.
  const rootTag = new RegExp(`<(?:[\\w.-]+:)?${rootName}\\b[^>]*>`).exec(text)?.[0] ?? '';
  const namespace = /\sxmlns\s*=\s*["']([^"']+)["']/.exec(rootTag)?.[1] ?? null;
  return {
    doc: {
      fileName,
      rootName,
      root,
      namespace,
      lineOf: (el) => {
        const meta = (el as unknown as Record<symbol, { startIndex?: number } | undefined>)[META];
        return meta?.startIndex != null ? lineAt(starts, meta.startIndex) : null;
      },
    },
    problems: [],
  };
}

/** Child elements with a local name, in document order. */
export function children(el: XmlElement, name: string): XmlValue[] {
  const v = el[name];
  return Array.isArray(v) ? v : [];
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  const first = children(el, name)[0];
  return typeof first === 'object' ? first : undefined;
}

/** Text of a leaf element (or of an element with attributes), trimmed; null when absent or empty. */
export function textOf(v: XmlValue | undefined): string | null {
  if (v === undefined) return null;
  const s = typeof v === 'string' ? v : typeof v['#text'] === 'string' ? v['#text'] : null;
  return s === null || s.trim() === '' ? null : s.trim();
}

/** Text at a path of child names: text(student, 'Name', 'FirstName'). */
export function textAt(el: XmlElement | undefined, ...path: string[]): string | null {
  let cur: XmlElement | undefined = el;
  for (let i = 0; i < path.length - 1; i++) cur = child(cur, path[i]);
  if (!cur) return null;
  return textOf(children(cur, path[path.length - 1])[0]);
}

/** Every top-level element of the document with its local name, in document order. */
export function topLevel(doc: XmlDocument): { name: string; element: XmlElement; index: number }[] {
  const out: { name: string; element: XmlElement; index: number; start: number }[] = [];
  for (const [name, value] of Object.entries(doc.root)) {
    if (name.startsWith('@_') || name === '#text' || !Array.isArray(value)) continue;
    for (const v of value) {
      if (typeof v !== 'object') continue;
      const meta = (v as unknown as Record<symbol, { startIndex?: number } | undefined>)[META];
      out.push({ name, element: v, index: 0, start: meta?.startIndex ?? 0 });
    }
  }
  // Object keys group elements by name; document order comes from their offsets.
  out.sort((a, b) => a.start - b.start);
  return out.map((e, i) => ({ name: e.name, element: e.element, index: i + 1 }));
}

/**
 * An Ed-Fi descriptor value: "uri://ed-fi.org/ProgramTypeDescriptor#Special Education"
 * (Data Standard 3+), "http://www.ed-fi.org/Descriptor/ProgramTypeDescriptor.xml/Special Education"
 * (2.x), a bare code value, or a nested <CodeValue>/<Namespace> pair.
 */
export function descriptor(v: XmlValue | undefined): { namespace: string | null; codeValue: string } | null {
  if (v === undefined) return null;
  if (typeof v === 'object' && v.CodeValue !== undefined) {
    const codeValue = textAt(v, 'CodeValue');
    return codeValue ? { namespace: textAt(v, 'Namespace'), codeValue } : null;
  }
  const raw = textOf(v);
  if (!raw) return null;
  const hash = raw.lastIndexOf('#');
  if (hash >= 0) return { namespace: raw.slice(0, hash), codeValue: raw.slice(hash + 1).trim() };
  const legacy = /^(\w+:\/\/.*Descriptor(?:\.xml)?)\/(.+)$/.exec(raw);
  if (legacy) return { namespace: legacy[1], codeValue: legacy[2].trim() };
  return { namespace: null, codeValue: raw };
}
