// Template plumbing shared by the QTI 2.1 and Canvas emitters. A document that can be huge (a
// test or manifest listing a million items) is a layout template with one slot, e.g.
// `{{{sections}}}`, filled by streaming the repeated part, so it is never one giant string.
// Each emitted package remembers the templates behind each of its files, so check() can name
// the template (and the override file) that produced broken XML.
import type { EmittedFile } from '../emitter.js';
import path from 'node:path';
import { builtinTemplatesDir, type Render, type TemplateSet } from '../templates.js';

// U+0001 cannot occur in escaped values (escapeXml drops it), so it cannot be forged by a bank.
const slotMark = (name: string) => `\u0001qbank-slot:${name}\u0001`;

/** Renders `render` with `slot` marked: the text before and after the slot, and whether it was there once. */
export function renderAround(render: Render, context: Record<string, unknown>, slot: string): [string, string, boolean] {
  const mark = slotMark(slot);
  const out = render({ ...context, [slot]: mark });
  const i = out.indexOf(mark);
  // A template that drops the slot (or repeats it) renders without its body; check() then finds the
  // missing items and names the template.
  if (i < 0 || out.indexOf(mark, i + 1) >= 0) return [out.split(mark).join(''), '', false];
  const before = out.slice(0, i);
  let after = out.slice(i + mark.length);
  // A slot alone on its line would leave an empty line behind.
  if (before.endsWith('\n') && after.startsWith('\n')) after = after.slice(1);
  return [before, after, true];
}

export interface TemplateOrigin {
  name: string; // e.g. qti21/item.xml.hbs
  file: string; // the file that won (a user override or the built-in)
}

export class Templates {
  readonly used = new Map<string, TemplateOrigin>();
  constructor(
    private set: TemplateSet,
    readonly target: string,
  ) {}
  private renders = new Map<string, Render>();
  get(name: string): Render {
    const hit = this.renders.get(name); // called once per item: no key strings, no new records
    if (hit) return hit;
    const r = this.set.get(this.target, name);
    this.used.set(name, { name: `${this.target}/${name}`, file: r.origin });
    this.renders.set(name, r);
    return r;
  }
}

/** Which templates produced each file inside a package (path pattern → template names). */
export type PackageTemplates = { match: (entry: string) => boolean; templates: string[] }[];

const packageInfo = new WeakMap<EmittedFile, { templates: Templates; layout: PackageTemplates }>();

export function rememberTemplates(file: EmittedFile, templates: Templates, layout: PackageTemplates): EmittedFile {
  packageInfo.set(file, { templates, layout });
  return file;
}

/** "qti21/item.xml.hbs" or "qti21/item.xml.hbs (override /x/qti21/item.xml.hbs)" for the templates behind `entry`. */
export function describeTemplates(file: EmittedFile, entry: string): string {
  const info = packageInfo.get(file);
  if (!info) return 'unknown template';
  const names = info.layout.find((l) => l.match(entry))?.templates ?? [];
  const parts = names.map((n) => {
    const o = info.templates.used.get(n);
    if (!o) return n;
    return path.resolve(o.file).startsWith(builtinTemplatesDir + path.sep) ? o.name : `${o.name} (override ${o.file})`;
  });
  return parts.length ? parts.join(', ') : 'unknown template';
}
