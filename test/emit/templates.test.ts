// The fast template renderer (src/emit/template-compiler.ts) against Handlebars itself: same
// output, or Handlebars' own error, for random templates of the subset and random contexts,
// and for every built-in template on contexts shaped like the emitters' views.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFast, fallback } from '../../src/emit/template-compiler.js';
import { builtinTemplatesDir, createTemplateSet } from '../../src/emit/templates.js';

const hb = Handlebars.create();

/** What Handlebars gives: its output, or its error message. */
function reference(source: string, ctx: unknown, escape: boolean): string {
  try {
    return `ok:${hb.compile(source, { strict: true, noEscape: !escape })(ctx)}`;
  } catch (e) {
    return `error:${(e as Error).message}`;
  }
}

/** What the fast path gives, falling back to Handlebars as templates.ts does. */
function fast(source: string, ctx: unknown, escape: boolean): { out: string; fell: boolean } {
  const f = compileFast(hb, source, { escape });
  if (!f) return { out: reference(source, ctx, escape), fell: true };
  try {
    return { out: `ok:${f(ctx)}`, fell: false };
  } catch (e) {
    if (e === fallback) return { out: reference(source, ctx, escape), fell: true };
    return { out: `error:${(e as Error).message}`, fell: false };
  }
}

const names = ['a', 'b', 'xs', 'flag', 'text'];
const name = fc.constantFrom(...names);
const pathExpr = fc.oneof(
  name,
  fc.constant('this'),
  name.map((n) => `../${n}`),
  fc.tuple(name, name).map(([x, y]) => `${x}.${y}`),
  name.map((n) => `this.${n}`),
);
const text = fc.constantFrom('', 'x', '\n', '  <a href="q">\n', '&amp;', '"');
const template: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    pathExpr.map((p) => `{{${p}}}`),
    pathExpr.map((p) => `{{{${p}}}}`),
    fc.constant('{{! a comment }}'),
    fc.tuple(fc.constantFrom('if', 'unless', 'each'), pathExpr, tie('body'), fc.option(tie('body'), { nil: undefined }), fc.boolean()).map(
      ([kind, p, yes, no, standalone]) => {
        const nl = standalone ? '\n' : '';
        return `{{#${kind} ${p}}}${nl}${yes}${no !== undefined ? `{{else}}${nl}${no}` : ''}{{/${kind}}}${nl}`;
      },
    ),
  ),
  body: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
})).body as fc.Arbitrary<string>;

const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 2 }), fc.constantFrom('', 'v', '<b>&"'), fc.constant([]));
const context: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 5 }),
})).object;

describe('fast template renderer', () => {
  it('renders random subset templates exactly as Handlebars does (or defers to it)', () => {
    let fastRuns = 0;
    fc.assert(
      fc.property(template, context, fc.boolean(), (source, ctx, escape) => {
        const got = fast(source, ctx, escape);
        if (!got.fell) fastRuns++;
        expect(got.out).toBe(reference(source, ctx, escape));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), seed: process.env.FUZZ_RUNS ? undefined : 9 },
    );
    // The comparison means something only if the fast path ran on a good share of the cases.
    expect(fastRuns).toBeGreaterThan(300);
  });

  it('leaves helpers, partials, @data and hashes to Handlebars', () => {
    for (const source of ['{{log "x"}}', '{{lookup a "b"}}', '{{> part}}', '{{#each xs}}{{@index}}{{/each}}', '{{#with a}}{{b}}{{/with}}', '{{#if a includeZero=true}}y{{/if}}', '{{#each xs as |x|}}{{x}}{{/each}}', '{{each}}', '{{a b}}']) {
      expect(compileFast(hb, source, { escape: false }), source).toBeUndefined();
    }
  });

  it('defers to Handlebars for what it does not reproduce: a missing field, a function, an inherited property', () => {
    const f = compileFast(hb, '{{a}}', { escape: false })!;
    expect(() => f({})).toThrow();
    expect(fast('{{a}}', {}, false).out).toBe(reference('{{a}}', {}, false));
    expect(fast('{{a}}', { a: () => 'called' }, false).out).toBe('ok:called');
    expect(fast('{{a}}', Object.create({ a: 'inherited' }), false).out).toBe(reference('{{a}}', Object.create({ a: 'inherited' }), false));
  });

  it('renders every built-in template like Handlebars on a context of strings, flags and lists', () => {
    const targets = readdirSync(builtinTemplatesDir);
    let compiled = 0;
    for (const target of targets) {
      for (const file of readdirSync(path.join(builtinTemplatesDir, target)).filter((f) => f.endsWith('.hbs'))) {
        const source = readFileSync(path.join(builtinTemplatesDir, target, file), 'utf8');
        // Every name the template mentions, with list items carrying the same names.
        const fields = [...new Set([...source.matchAll(/{{[{#/^]?\s*(?:if |unless |each )?(?:\.\.\/)*([A-Za-z_][\w.]*)/g)].map((m) => m[1]!))];
        const item: Record<string, unknown> = {};
        for (const f of fields) item[f.split('.')[0]!] = f.includes('.') ? Object.fromEntries([[f.split('.')[1]!, 'p<&>']]) : `v-${f}<&"'>`;
        const ctx: Record<string, unknown> = { ...item };
        for (const f of fields) if (/each /.test(source) && source.includes(`each ${f}`)) ctx[f] = [item, { ...item, [fields[0]!]: '' }, item];
        for (const escape of [false, true]) {
          const got = fast(source, ctx, escape);
          if (!got.fell) compiled++;
          expect(got.out, `${target}/${file}`).toBe(reference(source, ctx, escape));
        }
      }
    }
    expect(compiled).toBeGreaterThan(10);
  });

  it('an override template is rendered through the same path, with Handlebars for what the subset lacks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-tpl-'));
    mkdirSync(path.join(dir, 'qti21'));
    writeFileSync(path.join(dir, 'qti21', 'test-item-ref.xml.hbs'), '{{#each refs}}{{@index}}:{{identifier}} {{/each}}');
    const set = createTemplateSet([dir]);
    const render = set.get('qti21', 'test-item-ref.xml.hbs');
    expect(render.origin).toBe(path.join(dir, 'qti21', 'test-item-ref.xml.hbs'));
    expect(render({ refs: [{ identifier: 'a' }, { identifier: 'b' }] })).toBe('0:a 1:b ');
    expect(() => set.get('qti21', 'item.xml.hbs')({})).toThrow(/not defined/);
  });
});
