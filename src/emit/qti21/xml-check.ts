// Re-reading emitted XML for the self-checks of the QTI 2.1 and Canvas emitters.
// fast-xml-parser's validator is lenient (it accepts HTML entities, control characters and
// several root elements), so the XML rules it skips are checked here too.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlProblem {
  line: number;
  message: string;
}

const badReference = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/g;
const badChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Elements that repeat are always arrays, so checks need no special case for "exactly one".
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && arrayElements.has(name),
});

const arrayElements = new Set([
  'simpleChoice', 'value', 'mapEntry', 'assessmentSection', 'assessmentItemRef', 'resource', 'file', 'dependency',
  'item', 'response_label', 'respcondition', 'qtimetadatafield', 'varequal', 'not', 'section', 'testPart',
]);

/** Parses `text`, or says why it is not well-formed XML (with a line number). */
export function readXml(text: string): { doc: XmlNode } | { problem: XmlProblem } {
  const v = XMLValidator.validate(text);
  if (v !== true) return { problem: { line: v.err.line, message: v.err.msg } };
  badReference.lastIndex = 0;
  const ref = badReference.exec(text);
  if (ref) return { problem: { line: lineAt(text, ref.index), message: `"&" that does not start an XML reference (${JSON.stringify(text.slice(ref.index, ref.index + 10))})` } };
  badChar.lastIndex = 0;
  const ch = badChar.exec(text);
  if (ch) return { problem: { line: lineAt(text, ch.index), message: `character U+${ch[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML` } };
  // qbank writes no CDATA sections, so "]]>" can only be unescaped text, which XML forbids.
  const cdataEnd = text.indexOf(']]>');
  if (cdataEnd >= 0 && !text.includes('<![CDATA[')) return { problem: { line: lineAt(text, cdataEnd), message: '"]]>" in text must be written "]]&gt;"' } };
  const doc = parser.parse(text) as XmlNode;
  const roots = Object.keys(doc).filter((k) => k !== '?xml');
  if (roots.length !== 1) return { problem: { line: 1, message: `expected one root element, found ${roots.length}` } };
  return { doc };
}

export function arr(v: unknown): XmlNode[] {
  return Array.isArray(v) ? (v as XmlNode[]) : v === undefined || v === '' ? [] : [v as XmlNode];
}

export function attr(n: XmlNode | undefined, name: string): string | undefined {
  const v = n?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  const v = n?.[name];
  if (Array.isArray(v)) return v[0] as XmlNode;
  return v && typeof v === 'object' ? (v as XmlNode) : undefined;
}

/** Text of an element that fast-xml-parser may give as a string or as { '#text' }. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as XmlNode)['#text'] === 'string') return (v as XmlNode)['#text'] as string;
  return '';
}

const ncName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
export const isNCName = (s: string | undefined): boolean => !!s && ncName.test(s);
