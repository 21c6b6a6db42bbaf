// HTML for Moodle XML with the bank's images embedded: an image Markdown reference that resolves
// to a bank file (EmitOptions.asset) becomes `@@PLUGINFILE@@/<name>`, and the file travels as
// base64 in a <file> element of the same text. Same Markdown → HTML steps as renderHtml
// (sanitized, raw HTML shown as text, single paragraph unwrapped); only image URLs change.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent } from 'mdast';
import { imageUrls, parseMarkdown, renderHtml } from '../../markdown/render.js';
import type { Asset, AssetLookup } from '../../pipeline/assets.js';
import { literalText } from '../text.js';

export const pluginfile = '@@PLUGINFILE@@/';

let processor: ReturnType<typeof makeProcessor> | undefined;
function makeProcessor() {
  return unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
}

export interface FileRenderer {
  html(md: string): string;
  /** The files a rendered text references, in first-use order. */
  filesIn(html: string): Asset[];
}

// Shared by every text without images (nearly all): never modified.
const noFiles: Asset[] = [];

export function fileRenderer(bankId: string, asset: AssetLookup): FileRenderer {
  const byName = new Map<string, Asset>();
  return {
    html(md) {
      if (literalText(md)) return md; // renders as itself (most texts); tested in literal-text.test.ts
      const urls = imageUrls(md);
      if (urls.length === 0) return renderHtml(md);
      const found = urls.map((u) => [u, asset(bankId, u)] as const).filter(([, a]) => a !== undefined);
      if (found.length === 0) return renderHtml(md);
      const map = new Map(found);
      for (const [, a] of found) byName.set(a!.name, a!);
      const tree = parseMarkdown(md);
      const walk = (n: Root | RootContent): void => {
        if (n.type === 'image' && map.has(n.url)) n.url = pluginfile + map.get(n.url)!.name;
        if ('children' in n) for (const c of n.children as RootContent[]) walk(c);
      };
      walk(tree);
      const only = tree.children.length === 1 && tree.children[0]!.type === 'paragraph';
      processor ??= makeProcessor();
      let html = String(processor.stringify(processor.runSync(tree as never) as never)).trim();
      if (only && html.startsWith('<p>') && html.endsWith('</p>')) html = html.slice(3, -4);
      return html;
    },
    filesIn(html) {
      if (!html.includes(pluginfile)) return noFiles;
      const out = new Map<string, Asset>();
      for (const m of html.matchAll(/@@PLUGINFILE@@\/([A-Za-z0-9._-]+)/g)) {
        const a = byName.get(m[1]!);
        if (a) out.set(a.name, a);
      }
      return [...out.values()];
    },
  };
}
