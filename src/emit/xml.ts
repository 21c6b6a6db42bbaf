// XML helpers shared by the XML targets (QTI 2.1, Canvas QTI 1.2, Moodle XML): escaping, NCNames,
// and rendered Markdown HTML re-serialized as well-formed XHTML. Values are escaped here, in view
// code, before they reach a template, so an overriding template cannot break the markup.
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

// XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and unpaired surrogates even as character
// references, so they are dropped rather than escaped (a bank pasted from Word can hold them).
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Any control character or surrogate: without one (nearly every text) nothing can be invalid,
// and a test is much cheaper than the lookaround replace above.
const maybeInvalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function stripInvalidXmlChars(s: string): string {
  return maybeInvalid.test(s) ? s.replace(invalidXmlChars, '') : s;
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlSpecial = /[&<>"']/;
const xmlSpecials = /[&<>"']/g;
// Anything escapeXml changes or drops: most texts hold none, and one test is all they cost.
const escapable = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for element content and for attribute values in either quote style. */
export function escapeXml(s: string): string {
  if (!escapable.test(s)) return s;
  const t = stripInvalidXmlChars(s);
  return xmlSpecial.test(t) ? t.replace(xmlSpecials, (c) => xmlEntities[c]!) : t;
}

// `]]>` cannot be split inside CDATA by escaping; texts go through escapeXml instead, so qbank
// never writes CDATA sections.

const ncNameStart = /[A-Za-z_]/;

/** A valid XML NCName (the QTI identifier type) built from any string, stable for the same input. */
// An id toNCName would return unchanged (question ids like bank-q12 always are): it starts with
// a letter or _, holds only NCName ASCII and does not end with the "-" toNCName trims.
const plainNCName = /^[A-Za-z_][A-Za-z0-9_.-]*(?<!-)$/;

export function toNCName(s: string, fallback = 'id'): string {
  if (plainNCName.test(s)) return s;
  let out = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_.-]+/g, '-');
  out = out.replace(/^-+|-+$/g, '');
  if (!out) out = fallback;
  return ncNameStart.test(out[0]!) ? out : `_${out}`;
}

/** Hands out identifiers that are unique within one document or package, in call order. */
export class IdAllocator {
  private used = new Set<string>();
  take(wanted: string): string {
    // One lookup when the id is free (every question id, usually), not a has() then an add().
    const before = this.used.size;
    if (this.used.add(wanted).size > before) return wanted;
    let id = wanted;
    for (let n = 2; this.used.has(id); n++) id = `${wanted}-${n}`;
    this.used.add(id);
    return id;
  }
}

export interface XhtmlProfile {
  /** Element name → attributes kept on it. Other elements are unwrapped (their content is kept). */
  elements: Record<string, readonly string[]>;
  /** Attributes without which an element is unwrapped, e.g. a link without href. */
  required?: Record<string, readonly string[]>;
  /** Attribute values written when the HTML has none (QTI requires img alt). */
  defaults?: Record<string, Record<string, string>>;
  /** Rewrites an img src (package-relative path for a copied image); undefined keeps it. */
  src?: (src: string) => string | undefined;
}

const voidElements = new Set(['br', 'hr', 'img']);

/**
 * Re-serializes the sanitized HTML from markdown/render.ts as XHTML: closed void elements,
 * quoted and escaped attributes, only the elements and attributes the target schema allows.
 * Parsing (not pattern-matching) the HTML keeps this correct for any input renderHtml produces.
 */
export function toXhtml(html: string, profile: XhtmlProfile): string {
  // Plain text (the usual stem or option) comes back from renderHtml with only the references
  // below, which mean the same in XML: skip the parser for it.
  // "]]>" is the one sequence XML forbids in text that HTML allows.
  if (!html.includes('<') && !(html.includes('&') && unknownReference.test(html))) {
    const t = stripInvalidXmlChars(html);
    return t.includes(']]>') ? t.replace(/]]>/g, ']]&gt;') : t;
  }
  const out: string[] = [];
  for (const node of parseFragment(html).childNodes) writeNode(node, profile, out);
  return out.join('');
}

function writeNode(node: Node, profile: XhtmlProfile, out: string[]): void {
  if (node.nodeName === '#text') {
    out.push(escapeXml((node as DefaultTreeAdapterMap['textNode']).value));
    return;
  }
  if (!('tagName' in node)) return; // comments, doctypes: never produced, never wanted
  const el = node as Element;
  const allowed = profile.elements[el.tagName];
  const attrs = new Map(el.attrs.map((a) => [a.name, a.value]));
  const missing = profile.required?.[el.tagName]?.some((a) => !attrs.get(a));
  const children = 'content' in el ? [] : el.childNodes;
  if (!allowed || missing) {
    for (const c of children) writeNode(c, profile, out);
    return;
  }
  let open = `<${el.tagName}`;
  for (const name of allowed) {
    let value = attrs.get(name) ?? profile.defaults?.[el.tagName]?.[name];
    if (value === undefined) continue;
    if (el.tagName === 'img' && name === 'src' && profile.src) value = profile.src(value) ?? value;
    open += ` ${name}="${escapeXml(value)}"`;
  }
  if (voidElements.has(el.tagName)) {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`);
  for (const c of children) writeNode(c, profile, out);
  out.push(`</${el.tagName}>`);
}

const unknownReference = /&(?!(?:amp|lt|gt|quot|apos|#39|#x26|#x3C|#x3E|#x22|#x27);)/i;
