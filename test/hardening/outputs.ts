// Reads emitted files the way their consumers do, independently of qbank's own readers:
// JSON with JSON.parse, XML with fast-xml-parser (and xmllint where asked), HTML with parse5,
// GIFT with gift-pegjs, zips with fflate. For each file it returns the text a learner would see
// and every piece of executable markup found, including HTML carried inside XML or GIFT text.
import { createRequire } from 'node:module';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml, parseFragment } from 'parse5';
import { unzipSync } from 'fflate';
import { targets } from '../../src/emit/index.js';
import type { Contents, EmitOptions, EmittedFile, Emitter } from '../../src/emit/emitter.js';
import { createTemplateSet } from '../../src/emit/templates.js';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import type { Project } from '../../src/ir/schema.js';
import { collapse, executableMarkup, inlineElements, visibleText, type Finding } from './html-safety.js';

const require = createRequire(import.meta.url);
const gift = require('gift-pegjs') as typeof import('gift-pegjs');

export interface OutFile {
  path: string;
  bytes: Uint8Array;
}

export function toBytes(c: Contents): Uint8Array {
  if (typeof c === 'string') return new TextEncoder().encode(c);
  if (c instanceof Uint8Array) return c;
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const p of c) parts.push(typeof p === 'string' ? enc.encode(p) : p);
  return Buffer.concat(parts);
}

export const targetNames = (): string[] => Object.keys(targets);

const emitters = new Map<string, Emitter>();
export async function loadEmitter(target: string): Promise<Emitter> {
  let e = emitters.get(target);
  if (!e) {
    e = await targets[target]!();
    emitters.set(target, e);
  }
  return e;
}

const templates = createTemplateSet([]);

export interface Emitted {
  files: OutFile[];
  diagnostics: Diagnostic[];
}

/** emit() then check(), the way the pipeline calls them; files fully read into bytes. */
export async function emitTarget(target: string, project: Project, opts: Partial<EmitOptions> = {}): Promise<Emitted> {
  const emitter = await loadEmitter(target);
  const out: EmittedFile[] = await emitter.emit(project, { templates, asset: () => undefined, ...opts });
  const files = out.map((f) => ({ path: f.path, bytes: toBytes(f.contents) }));
  const diagnostics = emitter.check ? emitter.check(out, project) : [];
  return { files, diagnostics };
}

/** Why a zip entry name could write outside the folder it is extracted into, or undefined. */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'empty name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (/[\\\0]/.test(name)) return 'backslash or NUL';
  if (name.split('/').some((s) => s === '..')) return '.. segment';
  return undefined;
}

/** Zip files replaced by their entries (`pkg.zip!/entry`); entry names are checked for zip-slip. */
export function expandZips(files: OutFile[]): OutFile[] {
  const out: OutFile[] = [];
  for (const f of files) {
    if (!f.path.endsWith('.zip')) {
      out.push(f);
      continue;
    }
    const entries = unzipSync(f.bytes);
    for (const [name, bytes] of Object.entries(entries)) {
      const why = unsafeEntryName(name);
      if (why) throw new Error(`${f.path}: unsafe zip entry ${JSON.stringify(name)} (${why})`);
      if (!name.endsWith('/')) out.push({ path: `${f.path}!/${name}`, bytes });
    }
  }
  return out;
}

export type Kind = 'json' | 'xml' | 'html' | 'gift' | 'other';

export function kindOf(path: string): Kind {
  if (/\.json$/.test(path)) return 'json';
  if (/\.xml$/.test(path)) return 'xml';
  if (/\.html?$/.test(path)) return 'html';
  if (/\.gift(\.txt)?$/.test(path)) return 'gift';
  return 'other';
}

export interface Reading {
  path: string;
  kind: Kind;
  /** Text as its consumer shows it: each piece collapsed; HTML pieces reduced to their visible text. */
  texts: string[];
  findings: (Finding & { file: string })[];
}

// An XML text node is HTML when its element or that element's parent says so: Moodle XML
// (`<questiontext format="html"><text>`) and QTI 1.2 (`<mattext texttype="text/html">`).
const htmlMarker = (attrs: Record<string, string> | undefined) => !!attrs && Object.values(attrs).some((v) => v === 'html' || v === 'text/html');

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  cdataPropName: '#cdata',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true, // numeric character references (&#x3C;); well-formedness is checked separately
});

function readXml(path: string, text: string): Reading {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${path}: not well-formed XML: ${JSON.stringify(valid.err)}`);
  // One running text per file: inline XHTML elements (QTI's <strong>, <img>) join their
  // neighbours, other element boundaries separate words. Attribute values (titles) are kept apart.
  const parts: string[] = [];
  const attrTexts: string[] = [];
  const findings: Reading['findings'] = [];
  const visit = (nodes: XmlNode[], html: boolean, parentAttrs?: Record<string, string>) => {
    // adjacent text and CDATA nodes are one string (`]]>` is written as `]]]]><![CDATA[>`)
    let pending = '';
    const flush = () => {
      if (html && pending) {
        const frag = parseFragment(pending);
        parts.push(' ', visibleText(frag), ' ');
        findings.push(...executableMarkup(frag).map((f) => ({ ...f, file: path })));
      } else parts.push(pending);
      pending = '';
    };
    for (const node of nodes) {
      const attrs = node[':@'];
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@') continue;
        if (key === '#text' || key === '#cdata') {
          pending += key === '#cdata' ? (value as XmlNode[]).map((n) => String(n['#text'] ?? '')).join('') : String(value);
          continue;
        }
        flush();
        // the element itself, when XHTML sits directly in the XML (QTI 2.1 itemBody)
        const local = key.replace(/^.*:/, '').toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'frame', 'applet', 'base', 'form'].includes(local)) findings.push({ what: 'element', detail: key, file: path });
        for (const [a, v] of Object.entries(attrs ?? {})) {
          attrTexts.push(collapse(v));
          if (/^on/i.test(a.replace(/^.*:/, ''))) findings.push({ what: 'handler', detail: `${key} ${a}`, file: path });
          if (/^\s*(javascript|vbscript|data(?!:image\/))\s*:/i.test(v.replace(/[\u0000-\u0020]/g, ''))) findings.push({ what: 'url', detail: `${key} ${a}="${v}"`, file: path });
        }
        const sep = !inlineElements.has(local);
        if (sep) parts.push(' ');
        visit(value as XmlNode[], htmlMarker(attrs) || htmlMarker(parentAttrs), attrs);
        if (sep) parts.push(' ');
      }
    }
    flush();
  };
  visit(xmlParser.parse(text) as XmlNode[], false);
  return { path, kind: 'xml', texts: [collapse(parts.join('')), ...attrTexts].filter(Boolean), findings };
}

function readHtml(path: string, text: string): Reading {
  const doc = parseHtml(text);
  // A whole page legitimately has <meta> and <link rel=stylesheet>; scripts and handlers never.
  const findings = executableMarkup(doc, new Set(['meta', 'link'])).map((f) => ({ ...f, file: path }));
  return { path, kind: 'html', texts: [visibleText(doc)], findings };
}

type GiftText = { format: string; text: string } | null | undefined;

function readGift(path: string, text: string): Reading {
  let questions: ReturnType<typeof gift.parse>;
  try {
    questions = gift.parse(text);
  } catch (e) {
    const loc = (e as { location?: { start: { line: number; column: number } } }).location;
    throw new Error(`${path}: gift-pegjs cannot parse it${loc ? ` at ${loc.start.line}:${loc.start.column}` : ''}: ${(e as Error).message}`);
  }
  const texts: string[] = [];
  const findings: Reading['findings'] = [];
  // Moodle shows [html] and [moodle] (auto-format) text as HTML and renders [markdown] to HTML
  // with raw HTML passed through, so all three are read as HTML; only [plain] is literal.
  const add = (t: GiftText) => {
    if (!t) return;
    if (t.format === 'plain') {
      texts.push(collapse(t.text));
      return;
    }
    const frag = parseFragment(t.text);
    texts.push(visibleText(frag));
    findings.push(...executableMarkup(frag).map((f) => ({ ...f, file: path })));
  };
  for (const q of questions) {
    if (q.type === 'Category') {
      texts.push(collapse(q.title));
      continue;
    }
    if (q.title) texts.push(collapse(q.title));
    add(q.stem);
    if ('globalFeedback' in q) add(q.globalFeedback);
    if ('choices' in q && Array.isArray(q.choices)) {
      for (const c of q.choices) {
        if (c.text && typeof c.text === 'object' && 'format' in c.text) add(c.text as GiftText);
        add(c.feedback);
      }
    }
    if (q.type === 'TF') {
      add(q.trueFeedback);
      add(q.falseFeedback);
    }
  }
  return { path, kind: 'gift', texts: texts.filter(Boolean), findings };
}

function readJson(path: string, text: string): Reading {
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') texts.push(collapse(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(text));
  return { path, kind: 'json', texts, findings: [] };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses one file by its kind; throws when the file does not parse. */
export function readOutput(f: OutFile): Reading {
  const kind = kindOf(f.path);
  if (kind === 'other') return { path: f.path, kind, texts: [], findings: [] };
  let text: string;
  try {
    text = fatalUtf8.decode(f.bytes);
  } catch {
    throw new Error(`${f.path}: not valid UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  switch (kind) {
    case 'json':
      return readJson(f.path, text);
    case 'xml':
      return readXml(f.path, text);
    case 'html':
      return readHtml(f.path, text);
    case 'gift':
      return readGift(f.path, text);
  }
}

/** Every file of a target's output read (zips expanded). */
export function readAll(files: OutFile[]): Reading[] {
  return expandZips(files).map(readOutput);
}
