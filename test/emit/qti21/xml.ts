// Test-side XML reading (fast-xml-parser, configured here independently of the emitters' own
// self-check) and the package cross-references the XSDs cannot check.
import { XMLParser } from 'fast-xml-parser';
import path from 'node:path';

export type X = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && !['assessmentItem', 'assessmentTest', 'manifest', 'questestinterop', 'quiz', 'itemBody', 'responseDeclaration', 'choiceInteraction', 'correctResponse', 'mapping', 'resources', 'conditionvar', 'and', 'setvar', 'presentation', 'response_lid', 'render_choice', 'assessment', 'qtimetadata', 'itemmetadata', 'resprocessing', 'material', 'mattext', 'fieldlabel', 'fieldentry'].includes(name),
});

export const parse = (xml: string): X => parser.parse(xml) as X;

export function all(n: unknown, name: string, out: X[] = []): X[] {
  if (Array.isArray(n)) {
    for (const c of n) all(c, name, out);
  } else if (n && typeof n === 'object') {
    for (const [k, v] of Object.entries(n as X)) {
      if (k.startsWith('@')) continue;
      if (k === name) for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === 'object') out.push(x as X);
      all(v, name, out);
    }
  }
  return out;
}

export const at = (n: X | undefined, a: string): string | undefined => n?.[`@${a}`] as string | undefined;
export const txt = (v: unknown): string => (Array.isArray(v) ? txt(v[0]) : typeof v === 'string' ? v : (((v as X)?.['#text'] as string) ?? ''));

export const ncName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Resolves a relative URI reference against the folder of `from`, as an importer would. */
export function resolveIn(from: string, href: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURI(href)));
}
