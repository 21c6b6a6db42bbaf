// A faster renderer for the Handlebars subset the layout templates use: text, {{path}},
// {{{path}}}, {{this}}, {{../path}}, {{a.b}}, comments, and #if / #unless / #each (with {{else}})
// over one path. Handlebars' runtime pays per value for helper lookup, prototype-access checks
// and an options object per block call: most of the time of rendering 100k QTI items. Here the
// template's AST (from Handlebars' own parser, whitespace control applied) becomes one plain
// JavaScript function.
//
// Handlebars stays the reference: a template with anything else (helpers, partials, @data,
// block params, hashes) is not compiled here, and a render that meets something this code does
// not reproduce exactly (a missing field in strict mode, a function value, an inherited
// property, an iterable that is not an array, a null context) throws `fallback`, and the caller
// renders with Handlebars, which gives its own output or its own error.
import type Handlebars from 'handlebars';

export const fallback = Symbol('render with Handlebars');

type Hb = typeof Handlebars;
type Node = { type: string; [k: string]: unknown };
type Path = { type: 'PathExpression'; data: boolean; depth: number; parts: string[]; original: string };
type Program = { body: Node[] };

// Names Handlebars would look up on the prototype-access deny list or treat specially.
const unsafeName = (p: string) => p === 'constructor' || p.startsWith('__');

class Unsupported extends Error {}

/** A render function for `source`, or undefined when it uses more than the subset above. */
export function compileFast(hb: Hb, source: string, opts: { escape: boolean }): ((context: unknown) => string) | undefined {
  let ast: Program;
  try {
    ast = hb.parse(source) as unknown as Program;
  } catch {
    return undefined; // Handlebars reports the syntax error itself, with its message
  }
  const helpers = new Set(Object.keys(hb.helpers));
  let fns = 0;
  const functions: string[] = [];
  // `..` anywhere (even in text) keeps the stack of contexts; without it none is built. With it,
  // Handlebars compares each item with its parent context (loosely), which is left to it for
  // items that are not objects.
  const usesDepths = source.includes('..');

  const path = (n: unknown): Path => {
    const p = n as Path;
    if (p?.type !== 'PathExpression' || p.data || p.parts.some(unsafeName)) throw new Unsupported();
    return p;
  };
  // Value of a path as Handlebars reads a helper parameter: no strict check; a missing own
  // property is undefined (an inherited one falls back).
  const loose = (p: Path): string => {
    let code = p.depth === 0 ? 'c' : `d[${p.depth}]`;
    for (const part of p.parts) code = `get(${code}, ${JSON.stringify(part)})`;
    return code;
  };
  // Value of {{path}} in strict mode: every part must be an own property.
  const strict = (p: Path): string => {
    let code = p.depth === 0 ? 'c' : `d[${p.depth}]`;
    for (const part of p.parts) code = `must(${code}, ${JSON.stringify(part)})`;
    return code;
  };

  // Handlebars joins a program's pieces with `+` and no leading "": two numbers side by side
  // add up ({{a}}{{b}} with 1 and 2 gives "3"). The generated code joins them the same way.
  let temps = 0;
  const program = (prog: Program | undefined): string => {
    const name = `p${fns++}`;
    const lines: string[] = [];
    for (const n of prog?.body ?? []) {
      const s = statement(n);
      if (!s) continue;
      lines.push(`${s.prelude}  o ${lines.length ? '+=' : '='} ${s.value};`);
    }
    if (!lines.length) lines.push(`  o = "";`);
    functions.push(`function ${name}(c, d) {\n  let o, v;\n${lines.join('\n')}\n  return o;\n}`);
    return name;
  };

  const statement = (n: Node): { prelude: string; value: string } | undefined => {
    switch (n.type) {
      case 'ContentStatement':
        return (n['value'] as string) ? { prelude: '', value: JSON.stringify(n['value']) } : undefined;
      case 'CommentStatement':
        return undefined;
      case 'MustacheStatement': {
        if ((n['params'] as unknown[]).length || n['hash']) throw new Unsupported();
        const p = path(n['path']);
        const scoped = /^\.|this\b/.test(p.original); // Handlebars' own test (AST helpers scopedId)
        if (!scoped && p.depth === 0 && p.parts.length === 1 && helpers.has(p.parts[0]!)) throw new Unsupported();
        const value = p.parts.length === 0 ? (p.depth === 0 ? 'c' : `d[${p.depth}]`) : strict(p);
        const escaped = opts.escape && n['escaped'] !== false;
        // Objects (arrays, a SafeString without escaping…) are left to Handlebars: it converts the
        // first two values of a program only after reading both, so an error would surface in
        // another order.
        const check = escaped ? `if (typeof v === 'object' && v !== null && typeof v.toHTML !== 'function') throw fallback;` : `if (typeof v === 'object' && v !== null) throw fallback;`;
        return { prelude: `  v = ${value}; if (typeof v === 'function') throw fallback; ${check}\n`, value: escaped ? 'esc(v)' : '(v != null ? v : "")' };
      }
      case 'BlockStatement': {
        const p = path(n['path']);
        const params = n['params'] as unknown[];
        const kind = p.parts[0];
        if (p.depth !== 0 || p.parts.length !== 1 || !['if', 'unless', 'each'].includes(kind!)) throw new Unsupported();
        if (params.length !== 1 || n['hash'] || (n['program'] as { blockParams?: unknown })?.blockParams) throw new Unsupported();
        const arg = path(params[0]);
        const value = arg.parts.length === 0 ? (arg.depth === 0 ? 'c' : `d[${arg.depth}]`) : loose(arg);
        const yes = program(n['program'] as Program);
        const no = program(n['inverse'] as Program | undefined);
        const r = `r${temps++}`;
        let prelude = `  if (c == null) throw fallback; v = ${value}; if (typeof v === 'function') throw fallback;\n  let ${r};\n`;
        if (kind === 'each') {
          // The each helper: "" + every iteration, or the inverse when the list is empty.
          prelude += `  if (v && typeof v === 'object') {\n    if (!Array.isArray(v)) throw fallback;\n    if (v.length === 0) ${r} = ${no}(c, d);\n    else { ${r} = ''; for (let i = 0; i < v.length; i++) if (i in v) { const x = v[i]; ${usesDepths ? `if (typeof x !== 'object' || x === null || x === c) throw fallback; ` : ''}${r} = ${r} + ${yes}(x, ${usesDepths ? '[x, ...d]' : 'd'}); } }\n  } else ${r} = ${no}(c, d);\n`;
        } else {
          const truthy = '!(!v || (Array.isArray(v) && v.length === 0))';
          prelude += `  ${r} = ${truthy} ? ${kind === 'if' ? yes : no}(c, d) : ${kind === 'if' ? no : yes}(c, d);\n`;
        }
        return { prelude, value: `(${r} != null ? ${r} : "")` };
      }
      default:
        throw new Unsupported();
    }
  };

  let main: string;
  try {
    main = program(ast);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const code = `${functions.join('\n')}\nreturn (c) => ${main}(c, ${usesDepths ? '[c]' : 'undefined'});`;
  const own = Object.prototype.hasOwnProperty;
  const get = (b: unknown, k: string): unknown => {
    if (typeof b !== 'object' || b === null) throw fallback;
    if (own.call(b, k)) return (b as Record<string, unknown>)[k];
    if ((b as Record<string, unknown>)[k] != null) throw fallback;
    return undefined;
  };
  const must = (b: unknown, k: string): unknown => {
    if (typeof b !== 'object' || b === null || !own.call(b, k)) throw fallback;
    return (b as Record<string, unknown>)[k];
  };
  // The generated code holds the template's text only as JSON string literals and its names
  // only as quoted property keys, so a template cannot inject code.
  return new Function('fallback', 'get', 'must', 'esc', code)(fallback, get, must, hb.Utils.escapeExpression) as (context: unknown) => string;
}
