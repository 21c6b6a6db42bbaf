// Inline Markdown → sanitized HTML or plain text, for every emitter.
// Raw HTML in sources is shown as text, never passed through; links and images keep only
// safe URLs (rehype-sanitize's GitHub schema). Text with no Markdown syntax at all skips
// unified entirely: that is most stems and options, and it is where the time would go.
import { createRequire } from 'node:module';
import type { Processor } from 'unified';
import type { Root, RootContent, PhrasingContent, Paragraph } from 'mdast';

// unified, remark and rehype take ~200 ms to load, more than `qbank --version` or a lint of a
// small bank takes in all: they load on first use. require(esm) (Node ≥ 20.19) loads them
// synchronously; on older Node they load asynchronously from the start and the pipeline
// awaits markdownReady() before using them.
interface Engine {
  unified: typeof import('unified').unified;
  remarkParse: typeof import('remark-parse').default;
  remarkRehype: typeof import('remark-rehype').default;
  rehypeSanitize: typeof import('rehype-sanitize').default;
  rehypeStringify: typeof import('rehype-stringify').default;
}
const requireSync = (process.features as { require_module?: boolean }).require_module ? createRequire(import.meta.url) : undefined;
let engine: Engine | undefined;
const loading: Promise<void> | undefined = requireSync
  ? undefined
  : Promise.all([import('unified'), import('remark-parse'), import('remark-rehype'), import('rehype-sanitize'), import('rehype-stringify')]).then(([u, rp, rr, rs, rst]) => {
      engine = { unified: u.unified, remarkParse: rp.default, remarkRehype: rr.default, rehypeSanitize: rs.default, rehypeStringify: rst.default };
    });

/** Resolves when the Markdown engine can be used synchronously (at once on Node ≥ 20.19). */
export async function markdownReady(): Promise<void> {
  await loading;
}

function markdownEngine(): Engine {
  if (engine) return engine;
  if (!requireSync) throw new Error('Internal error: Markdown rendering used before markdownReady()');
  engine = {
    unified: (requireSync('unified') as typeof import('unified')).unified,
    remarkParse: (requireSync('remark-parse') as typeof import('remark-parse')).default,
    remarkRehype: (requireSync('remark-rehype') as typeof import('remark-rehype')).default,
    rehypeSanitize: (requireSync('rehype-sanitize') as typeof import('rehype-sanitize')).default,
    rehypeStringify: (requireSync('rehype-stringify') as typeof import('rehype-stringify')).default,
  };
  return engine;
}

// Characters that can start Markdown syntax; without any of them the text is literal.
const syntax = /[\\`*_[\]!<>&#~|\n]|^\s*(?:[-+]\s|\d+[.)]\s|>)|^ {4}|https?:|www\./;
// The same test split in its parts (`>` is among the characters): every emitter asks it of every
// text, and one regex with all the alternatives tried at each position was twice as slow.
const syntaxChar = /[\\`*_[\]!<>&#~|\n]/;
const blockStart = /^\s*(?:[-+]\s|\d+[.)]\s)|^ {4}/;

export function hasMarkdown(md: string): boolean {
  return syntaxChar.test(md) || blockStart.test(md) || md.includes('http:') || md.includes('https:') || md.includes('www.');
}

/** The definition hasMarkdown implements (one regex), for its test. */
export function hasMarkdownReference(md: string): boolean {
  return syntax.test(md);
}

// A one-line text whose only syntax characters are an `&` that starts no character reference
// and a `>` that starts no block quote reads literally, so it skips unified too: pt-BR banks
// are full of "Ltda. & Cia" and "menu > opção" (12 % of the benchmark's texts, which took 90 %
// of rendering time). The result is the slow path's, byte for byte: in text,
// hast-util-to-html escapes only `&` (as &#x26;) and `<`, which such a text cannot hold.
function literalAmpGt(md: string): boolean {
  if (md.includes('\n') || md.startsWith('>') || md !== md.trim() || /&[#A-Za-z0-9]+;/.test(md)) return false;
  return !hasMarkdown(md.replace(/[&>]/g, ''));
}

const htmlSpecial = /[&<>"']/;
const htmlSpecials = /[&<>"']/g;
const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Most texts hold none of the five: test once rather than copy them through replace().
export function escapeHtml(s: string): string {
  return htmlSpecial.test(s) ? s.replace(htmlSpecials, (c) => htmlEntities[c]!) : s;
}

let parser: Processor<Root> | undefined;
let toHtmlProc: ReturnType<typeof makeHtmlProcessor> | undefined;

function makeHtmlProcessor() {
  const { unified, remarkRehype, rehypeSanitize, rehypeStringify } = markdownEngine();
  return unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
}

// A one-line option such as "1990. O ano" or "- nada" is text, not a list or a heading:
// escape the block marker so only inline syntax applies to single lines.
function protectBlockStart(md: string): string {
  if (md.includes('\n')) return md;
  // `*` only as a list marker or a rule: escaping it before `**bold**` would eat the emphasis
  return md.replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4').replace(/^(\s*)([-+>#=]|[*_](?=\s|[\s*_]*$))/, '$1\\$2');
}

export function parseMarkdown(md: string): Root {
  parser ??= markdownEngine().unified().use(markdownEngine().remarkParse) as unknown as Processor<Root>;
  let tree = tooMuchSyntax(md) ? literal(md) : (parser.parse(protectBlockStart(md)) as Root);
  if (deeperThan(tree, maxDepth)) tree = literal(md);
  rawHtmlToText(tree);
  return tree;
}

// Pathological text (a pasted blob, thousands of `*_` or nested `>`/`-`) makes micromark's
// emphasis and link matching quadratic and overflows the stack in mdast-util-to-hast (from
// ~2,000 levels). No real stem comes near these limits, so such text is shown as written.
const maxSyntaxChars = 2_000;
const maxLength = 100_000;
const maxDepth = 64;

function literal(md: string): Root {
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: md }] }] };
}

// Block containers (`>`, `-`, `1.`) opened on one line nest, and micromark is quadratic in their depth.
const container = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/y;

function tooMuchSyntax(md: string): boolean {
  if (md.length > maxLength) return true;
  for (let start = 0; start < md.length; ) {
    container.lastIndex = start;
    let depth = 0;
    while (container.lastIndex < md.length && container.exec(md) && ++depth <= maxDepth / 2);
    if (depth > maxDepth / 2) return true;
    const nl = md.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  let n = 0;
  for (let i = 0; i < md.length; i++) {
    const c = md.charCodeAt(i);
    // * _ [ ] ! < > \ ` : the characters whose matching backtracks
    if ((c === 42 || c === 95 || c === 91 || c === 93 || c === 33 || c === 60 || c === 62 || c === 92 || c === 96) && ++n > maxSyntaxChars) return true;
  }
  return false;
}

function deeperThan(root: Root, max: number): boolean {
  const stack: [{ children?: unknown[] }, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const c of node.children ?? []) stack.push([c as { children?: unknown[] }, depth + 1]);
  }
  return false;
}

// Raw HTML nodes become literal text so `<script>` is shown, not run, and a hard line break
// keeps the author's line structure in multi-line stems.
function rawHtmlToText(node: { children?: RootContent[] }): void {
  if (!node.children) return;
  const out: RootContent[] = [];
  for (const child of node.children) {
    if (child.type === 'html') {
      out.push({ type: 'text', value: child.value } as RootContent);
      continue;
    }
    if (child.type === 'text' && child.value.includes('\n')) {
      const parts = child.value.split('\n');
      parts.forEach((p, i) => {
        if (i > 0) out.push({ type: 'break' } as RootContent);
        if (p) out.push({ type: 'text', value: p } as RootContent);
      });
      continue;
    }
    rawHtmlToText(child as { children?: RootContent[] });
    out.push(child);
  }
  node.children = out;
}

const htmlCache = new Map<string, string>();

// HTML for a stem or option. A single paragraph is unwrapped so the result is inline.
export function renderHtml(md: string): string {
  if (!hasMarkdown(md)) return escapeHtml(md);
  if (literalAmpGt(md)) return md.replace(/&/g, '&#x26;');
  const cached = htmlCache.get(md);
  if (cached !== undefined) return cached;
  toHtmlProc ??= makeHtmlProcessor();
  const tree = parseMarkdown(md);
  const only = tree.children.length === 1 && tree.children[0]!.type === 'paragraph' ? (tree.children[0] as Paragraph) : undefined;
  const root: Root = only ? { type: 'root', children: [{ type: 'paragraph', children: only.children }] } : tree;
  const hast = toHtmlProc.runSync(root as never);
  let html = String(toHtmlProc.stringify(hast as never)).trim();
  if (only && html.startsWith('<p>') && html.endsWith('</p>')) html = html.slice(3, -4);
  if (htmlCache.size > 50_000) htmlCache.clear();
  htmlCache.set(md, html);
  return html;
}

// Plain text (for titles, names, plain-text formats): Markdown syntax removed, text kept.
export function renderPlain(md: string): string {
  if (!hasMarkdown(md) || literalAmpGt(md)) return md;
  const tree = parseMarkdown(md);
  const parts: string[] = [];
  const walk = (n: RootContent | Root): void => {
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code') parts.push(n.value);
    else if (n.type === 'break') parts.push('\n');
    else if (n.type === 'image') parts.push(n.alt ?? '');
    if ('children' in n) (n.children as (RootContent | PhrasingContent)[]).forEach((c, i) => {
      if (i > 0 && (n.type === 'root' || n.type === 'list')) parts.push('\n');
      walk(c as RootContent);
    });
  };
  walk(tree);
  return parts.join('');
}

// Image URLs referenced by a text, for emitters that package files.
export function imageUrls(md: string): string[] {
  if (!md.includes('![')) return [];
  const urls: string[] = [];
  const walk = (n: RootContent | Root): void => {
    if (n.type === 'image') urls.push(n.url);
    if ('children' in n) for (const c of n.children as RootContent[]) walk(c);
  };
  walk(parseMarkdown(md));
  return urls;
}
