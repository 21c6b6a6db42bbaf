// One-line texts whose only syntax is a bare `&` or a mid-line `>` skip unified; the results
// below are what the unified path gives for the same texts (checked on all 49k texts of the
// 10k benchmark bank when the fast path was added).
import { describe, expect, it } from 'vitest';
import { renderHtml, renderPlain } from '../../src/markdown/render.js';

describe('literal & and > texts', () => {
  it.each([
    ['Saado & Xues > x "q" it\'s', 'Saado &#x26; Xues > x "q" it\'s'],
    ['menu > opção > sair', 'menu > opção > sair'],
    ['a&b', 'a&#x26;b'],
  ])('%j renders as the slow path would', (md, html) => {
    expect(renderHtml(md)).toBe(html);
    expect(renderPlain(md)).toBe(md);
  });
  it.each([
    ['a &amp; b', 'a &#x26; b'], // a character reference is decoded
    ['x &copy; y', 'x © y'],
    ['a & *b*', 'a &#x26; <em>b</em>'], // other syntax still goes through unified
    ['> citação & cia', '> citação &#x26; cia'],
  ])('%j still takes the Markdown path', (md, html) => {
    expect(renderHtml(md)).toBe(html);
  });
});
