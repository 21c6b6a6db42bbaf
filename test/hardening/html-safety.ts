// What counts as executable markup in parsed HTML (a parse5 tree): script-like elements, event
// handler attributes, and URLs with a scriptable scheme. Shared by every HTML-producing check.
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const dangerousElements = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'meta', 'link', 'form', 'svg', 'math']);
const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'cite', 'longdesc']);
const scriptableUrl = /^\s*(?:javascript|vbscript|data(?!:image\/(?:png|jpeg|gif|webp);))\s*:/i;

export interface Finding {
  what: string;
  detail: string;
}

/** Every executable construct in the tree. `allowElements` lifts the element ban (a full page has <meta>, <link> …). */
export function executableMarkup(root: Node | ParentNode, allowElements: ReadonlySet<string> = new Set()): Finding[] {
  const found: Finding[] = [];
  const walk = (n: Node | ParentNode) => {
    if ('tagName' in n) {
      if (dangerousElements.has(n.tagName) && !allowElements.has(n.tagName)) found.push({ what: 'element', detail: n.tagName });
      for (const a of n.attrs) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) found.push({ what: 'handler', detail: `${n.tagName} ${a.name}="${a.value}"` });
        // the URL as a browser sees it: entities are already decoded by parse5; strip controls/whitespace
        const url = a.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
        if ((urlAttrs.has(name) || name === 'style') && (scriptableUrl.test(url) || /expression\s*\(|url\s*\(\s*['"]?\s*javascript:/i.test(a.value)))
          found.push({ what: 'url', detail: `${n.tagName} ${a.name}="${a.value}"` });
      }
    }
    const kids = 'childNodes' in n ? n.childNodes : [];
    for (const c of kids) walk(c);
    if ('content' in n && n.content) walk(n.content as ParentNode);
  };
  walk(root);
  return found;
}

// Elements that flow inside a line of text; any other element boundary separates words.
export const inlineElements = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'strong', 'sub', 'sup', 'u', 'var']);

/** The text a reader sees: text nodes concatenated (script/style bodies excluded), whitespace collapsed. */
export function visibleText(root: Node | ParentNode): string {
  const parts: string[] = [];
  const walk = (n: Node | ParentNode) => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    const tag = 'tagName' in n ? n.tagName : undefined;
    if (tag === 'script' || tag === 'style' || tag === 'title' || tag === 'head') return;
    const sep = tag !== undefined && !inlineElements.has(tag);
    if (sep) parts.push(' ');
    for (const c of 'childNodes' in n ? n.childNodes : []) walk(c);
    if ('content' in n && n.content) walk(n.content as ParentNode);
    if (sep) parts.push(' ');
  };
  walk(root);
  return collapse(parts.join(''));
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
