// src/emit/xml.ts: escaping, NCNames and the HTML → XHTML step, checked with a real XML parser
// (xmllint when present) rather than by string comparison alone.
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { renderHtml } from '../../../src/markdown/render.js';
import { escapeXml, IdAllocator, toNCName, toXhtml } from '../../../src/emit/xml.js';
import { qtiElements } from '../../../src/emit/qti21/rich-text.js';
import { ncName } from './xml.js';

const profile = { elements: qtiElements, required: { a: ['href'], img: ['src'] }, defaults: { img: { alt: '' } } };
const wellFormed = (body: string) => XMLValidator.validate(`<r>${body}</r>`) === true && !/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(body) && !body.includes(']]>');

describe('escapeXml', () => {
  it('escapes the five XML characters and drops characters XML forbids', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('x\u0001\u000b\uFFFEy\ud800z\t\n')).toBe('xyz\t\n');
    expect(escapeXml('📞 ação')).toBe('📞 ação');
  });
});

describe('toXhtml(renderHtml(md))', () => {
  it.each([
    ['linha1\nlinha2', 'linha1<br/>\nlinha2'],
    ['![alt "x"](img/a.png "t")', '<img src="img/a.png" alt="alt &quot;x&quot;"/>'],
    ['![](a.png)', '<img src="a.png" alt=""/>'],
    ['[](javascript:alert(1))', ''],
    ['[t](http://x.com "title")', '<a href="http://x.com">t</a>'],
    ['<script>alert(1)</script>', '&#x3C;script>alert(1)&#x3C;/script>'], // text, never an element
    ['a ]]> b', 'a ]]&gt; b'],
    ['**a ]]> b**', '<strong>a ]]&gt; b</strong>'],
    ['x &nbsp; &copy; y', 'x \u00a0 © y'],
  ])('%j', (md, xhtml) => {
    const out = toXhtml(renderHtml(md), profile);
    expect(out).toBe(xhtml);
    expect(wellFormed(out)).toBe(true);
  });

  it('keeps only allowed elements, unwrapping the others', () => {
    expect(toXhtml('<p>a <del>b</del> <em title="t">c</em></p>', profile)).toBe('<p>a b <em>c</em></p>');
  });
});

describe('identifiers', () => {
  it.each(['atendimento-q3', '3-abc', 'ação/x y', '', '---', '.a'])('toNCName(%j) is an NCName', (s) => {
    expect(toNCName(s)).toMatch(ncName);
  });
  it.each([['atendimento-q3', 'atendimento-q3'], ['a.b_c', 'a.b_c'], ['abc-', 'abc'], ['ação-q1', 'acao-q1'], ['3-abc', '_3-abc']])('toNCName(%j) is %j', (s, id) => {
    expect(toNCName(s)).toBe(id);
  });
  it('IdAllocator never hands out the same id twice', () => {
    const ids = new IdAllocator();
    expect([ids.take('a'), ids.take('a'), ids.take('a-2'), ids.take('a')]).toEqual(['a', 'a-2', 'a-2-2', 'a-3']);
  });
});
