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
  /** True when escapeXml would leave the XHTML as it is (plain text without & < > " '). */
  inert?: boolean;
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/**
 * `place(asset)` gives the src an image gets inside the package. An image that is not a bank file
 * (a remote URL) keeps its src; unresolved local images are the image-path lint rule's business.
 */
// HTML that toXhtml would return unchanged: no markup, no reference, nothing XML forbids.
// (One character class and an includes: a regex with the "]]>" alternative scans 4x slower.)
const notPlainXmlChar = /[<&\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// What escapeXml would change or drop (a superset of the above but for "]]>").
const xmlSpecial = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const plainXml = (html: string) => !notPlainXmlChar.test(html) && !html.includes(']]>');
const noAssets: Asset[] = [];

export function richText(md: string, bankId: string, lookup: AssetLookup, place: (a: Asset) => string): RichText {
  const html = renderHtml(md);
  if (!xmlSpecial.test(html)) return { xhtml: html, assets: noAssets, inert: true };
  if (plainXml(html)) return { xhtml: html, assets: noAssets };
  if (!html.includes('<img')) return { xhtml: toXhtml(html, { elements: qtiElements, required, defaults }), assets: noAssets };
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
