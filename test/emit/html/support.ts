// Shared helpers for the printable-exam tests: the sample project, the emitter run the way the
// pipeline runs it, and parse5 queries over the emitted HTML.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import path from 'node:path';
import { ConfigSchema } from '../../../src/config/schema.js';
import { contentsToString, type EmittedFile } from '../../../src/emit/emitter.js';
import { html } from '../../../src/emit/html/index.js';
import type { PrintOptions } from '../../../src/emit/html/options.js';
import { createTemplateSet } from '../../../src/emit/templates.js';
import type { Project } from '../../../src/ir/schema.js';
import { loadAndLint } from '../../../src/pipeline/build.js';
import type { AssetLookup } from '../../../src/pipeline/assets.js';
import { repoRoot } from '../../support/validators.js';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export async function loadSample(cwd = repoRoot): Promise<{ project: Project; asset: AssetLookup }> {
  const { project, asset } = await loadAndLint({ cwd, config: ConfigSchema.parse({}), inputs: [] });
  return { project, asset };
}

export async function emitHtml(project: Project, print: Partial<PrintOptions> = {}, more: { asset?: AssetLookup; templateDirs?: string[] } = {}): Promise<Map<string, EmittedFile>> {
  const files = await html.emit(project, { templates: createTemplateSet(more.templateDirs ?? []), asset: more.asset ?? (() => undefined), print: { prefix: '', ...print } });
  return new Map(files.map((f) => [f.path, f]));
}

export const text = (f: EmittedFile | undefined): string => {
  if (!f) throw new Error('no such file');
  return contentsToString(f.contents);
};

export function dom(source: string): Element {
  return parse(source) as unknown as Element;
}

export function all(root: Node, pred: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n && pred(n as Element)) out.push(n as Element);
    const kids = 'childNodes' in n ? (n.childNodes as Node[]) : [];
    for (const c of kids) walk(c);
    if ('content' in n && n.content) walk(n.content as unknown as Node);
  };
  walk(root);
  return out;
}

export const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
export const hasClass = (name: string) => (e: Element) => (attr(e, 'class') ?? '').split(/\s+/).includes(name);
export const byTag = (tag: string) => (e: Element) => e.tagName === tag;

export function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  if ('tagName' in n && (n as Element).tagName === 'img') return attr(n as Element, 'alt') ?? '';
  return 'childNodes' in n ? (n.childNodes as Node[]).map(textOf).join('') : '';
}

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
export const relPath = (...p: string[]) => path.join(...p);
