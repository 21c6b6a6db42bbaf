// The Markdown renderer never throws, never lets markup through, and stays fast on
// pathological input: deeply nested emphasis, quotes, lists and brackets used to overflow the
// stack in mdast-util-to-hast (from ~2,000 levels) and made micromark quadratic (40,000 `*_`
// took 37 s). Such text is now shown literally (src/markdown/render.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFragment } from 'parse5';
import { imageUrls, renderHtml, renderPlain } from '../../src/markdown/render.js';
import { awkwardUnicode, textLine } from './arbitraries.js';
import { fuzz, timeoutFor } from './support.js';
import { executableMarkup, visibleText } from '../hardening/html-safety.js';

const markdownish = fc.oneof(
  textLine,
  fc.array(textLine, { minLength: 2, maxLength: 5 }).map((ls) => ls.join('\n')),
  awkwardUnicode,
  fc.tuple(fc.constantFrom('*', '_', '[', ']', '>', '- ', '![', '`', '<', '\\', '*_', '[a](', '1. '), fc.integer({ min: 1, max: 400 }), textLine).map(([u, n, t]) => u.repeat(n) + t + u.repeat(n)),
);

function renderAll(md: string) {
  const html = renderHtml(md);
  const plain = renderPlain(md);
  const urls = imageUrls(md);
  expect(typeof html).toBe('string');
  expect(typeof plain).toBe('string');
  expect(Array.isArray(urls)).toBe(true);
  return { html, plain, urls };
}

describe('markdown fuzzing', () => {
  it('renders any text to safe HTML without throwing', { timeout: timeoutFor('markdown-render', 5) }, () => {
    fuzz('markdown-render', markdownish, (md) => {
      const { html } = renderAll(md);
      expect(executableMarkup(parseFragment(html))).toEqual([]);
    });
  });

  it('random nesting depths of every container and delimiter', { timeout: timeoutFor('markdown-nesting', 40) }, () => {
    const unit = fc.constantFrom('*', '_', '**', '*_', '[', '![', '[a](', '>', '> ', '- ', '* ', '1. ', '`', '<a ', '\\', '~~', '|');
    fuzz('markdown-nesting', fc.tuple(unit, fc.integer({ min: 1, max: 6_000 }), fc.boolean()), ([u, n, multiline]) => {
      const md = (multiline ? 'a\n' : '') + u.repeat(n) + 'x' + u.split('').reverse().join('').repeat(n);
      const t0 = performance.now();
      renderAll(md);
      expect(performance.now() - t0).toBeLessThan(2_000);
    });
  });

  // The brief's sizes: 50,000 levels of each, and a 10 MB single line.
  it.each([
    ['*', '*'.repeat(50_000) + 'x' + '*'.repeat(50_000)],
    ['_', '_'.repeat(50_000) + 'x' + '_'.repeat(50_000)],
    ['*a ', '*a '.repeat(50_000)],
    ['[', '['.repeat(50_000) + 'x' + ']'.repeat(50_000)],
    ['[a](', '[a]('.repeat(50_000)],
    ['![', '!['.repeat(50_000) + 'x' + '](y)'.repeat(50_000)],
    ['>', '>'.repeat(50_000) + ' x'],
    ['a\\n> ', 'a\n' + '> '.repeat(50_000) + 'x'],
    ['a\\n- ', 'a\n' + '- '.repeat(50_000) + 'x'],
    ['a\\n1. ', 'a\n' + '1. '.repeat(50_000) + 'x'],
    ['*_', '*_'.repeat(50_000)],
    ['nested lines', Array.from({ length: 5_000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n')],
    ['10 MB line', 'Qual é a cor? **sim** '.repeat(500_000)],
  ])('%s ×50k renders in bounded time', (_name, md) => {
    const t0 = performance.now();
    const { html, plain } = renderAll(md);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(html.length).toBeGreaterThan(0);
    expect(plain.length).toBeGreaterThan(0);
  });

  it('shows pathological text literally instead of dropping it', () => {
    const md = '<script>x</script> ' + '*'.repeat(5_000);
    const tree = parseFragment(renderHtml(md));
    expect(visibleText(tree)).toBe(md);
    expect(executableMarkup(tree)).toEqual([]);
    expect(renderPlain(md)).toBe(md);
  });

  it('keeps ordinary Markdown working below the limits', () => {
    expect(renderHtml('**a** e *b*')).toBe('<strong>a</strong> e <em>b</em>');
    expect(renderHtml('* item')).toBe('* item');
    expect(renderHtml('***')).toBe('***');
    expect(renderHtml('> '.repeat(10) + 'x')).toContain('x');
    expect(renderHtml('a\n' + '> '.repeat(20) + 'x')).toContain('<blockquote>');
  });
});
