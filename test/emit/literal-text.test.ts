// literalText lets the XML emitters put a stem or option in as it is, skipping the renderer, the
// XHTML serializer, escapeXml and the title's whitespace scan. A true answer must therefore be
// right for each of them; false only costs the ordinary path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMarkdown, renderHtml, renderPlain } from '../../src/markdown/render.js';
import { collapseSpace, collapseSpaces, literalText } from '../../src/emit/text.js';
import { escapeXml, toXhtml } from '../../src/emit/xml.js';

const profile = { elements: { p: [] } };

function expectLiteral(s: string): void {
  const at = JSON.stringify(s);
  expect(hasMarkdown(s), at).toBe(false);
  expect(renderHtml(s), at).toBe(s);
  expect(renderPlain(s), at).toBe(s);
  expect(toXhtml(renderHtml(s), profile), at).toBe(s);
  expect(escapeXml(s), at).toBe(s);
  expect(/[^\S ]/.test(s), at).toBe(false);
  expect(collapseSpaces(s), at).toBe(collapseSpace(s));
}

describe('literalText', () => {
  it('is false for every character that Markdown, XML or the title collapse would treat specially', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      const special = hasMarkdown(s) || escapeXml(s) !== s || /[^\S ]/.test(s) || renderHtml(s) !== s;
      if (special) expect(literalText(s), `U+${c.toString(16)}`).toBe(false);
      else expect(literalText(s), `U+${c.toString(16)}`).toBe(true);
    }
  });

  it('when true, every path gives the text back unchanged', () => {
    const piece = fc.constantFrom(
      'a', 'ção', 'Letícia', ' ', '  ', '.', ',', ';', ':', '?', '/', '(', ')', '%', '$', '@', '=', '{', '}', '…', '😀',
      '1', '1.', '1)', '-', '+', '*', '_', '#', '>', '<', '&', '&amp;', '"', "'", '`', '~', '|', '[x](y)', '!', '\\',
      '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '\u0001', '\uD800', '\uDC00', '\uFFFE',
      'http:', 'https://x.org', 'www.', 'ww', 'http', '    ', '- ', '+ ', '1. ', '=', '==',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (s) => {
        if (literalText(s)) expectLiteral(s);
      }),
      { numRuns: 20_000 },
    );
  });

  it('holds for ordinary stems and options', () => {
    for (const s of ['Qual é a capital do Brasil?', 'Reinicia o modem remotamente.', 'O síndico Conceição liga em nome do condomínio', 'a  b ', 'Brasília…']) {
      expect(literalText(s), s).toBe(true);
      expectLiteral(s);
    }
  });
});
