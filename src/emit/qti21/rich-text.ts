// Stem and option Markdown → XHTML for XML targets, with images copied into the package.
// renderHtml (markdown/render.ts) does the Markdown and the sanitizing; toXhtml makes it XML and
// keeps only the elements a QTI body may hold. Shared by the QTI 2.1 and Canvas emitters.
import type { Asset, AssetLookup } from '../../pipeline/assets.js';
import { imageUrls, renderHtml } from '../../markdown/render.js';
import { toXhtml, type XhtmlProfile } from '../xml.js';

// What remark + rehype-sanitize can produce from inline/short Markdown, restricted to the XHTML
// subset of QTI 2.1 (no title attributes, no classes, an <a> must have an href).
export const qtiElements: XhtmlProfile['elements'] = {
  p: [], br: [], em: [], strong: [], b: [], i: [], code: [], pre: [], sub: [], sup: [], span: [], div: [],
  a: ['href'], img: ['src', 'alt', 'width', 'height'],
  ul: [], ol: [], li: [], blockquote: [], hr: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
};

const required = { a: ['href'], img: ['src'] };
const defaults = { img: { alt: '' } };

export interface RichText {
  xhtml: string;
  assets: Asset[];
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

const noAssets: Asset[] = [];
const textProfile = { elements: qtiElements, required, defaults };

/**
 * Callers put a literalText (emit/text.ts) in as it is and need not call this for it.
 * `place(asset)` gives the src an image gets inside the package. An image that is not a bank file
 * (a remote URL) keeps its src; unresolved local images are the image-path lint rule's business.
 */
export function richText(md: string, bankId: string, lookup: AssetLookup, place: (a: Asset) => string): RichText {
  const html = renderHtml(md);
  // toXhtml returns plain text (most texts that get here) after a few tests, without parsing.
  if (!html.includes('<img')) return { xhtml: toXhtml(html, textProfile), assets: noAssets };
  const assets: Asset[] = [];
  // The hast serializer percent-encodes URLs, so match on the decoded form of each authored url.
  const byUrl = new Map<string, Asset>();
  for (const url of imageUrls(md)) {
    const a = lookup(bankId, url);
    if (a) byUrl.set(safeDecode(url), a);
  }
  const xhtml = toXhtml(html, {
    elements: qtiElements,
    required,
    defaults,
    src: (src) => {
      const a = byUrl.get(safeDecode(src));
      if (!a) return undefined;
      if (!assets.includes(a)) assets.push(a);
      return place(a);
    },
  });
  return { xhtml, assets };
}
