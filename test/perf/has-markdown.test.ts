// hasMarkdown is the syntax regex split into cheaper parts; it must answer exactly as the regex.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasMarkdown, hasMarkdownReference } from '../../src/markdown/render.js';

describe('hasMarkdown', () => {
  it('agrees with the single-regex definition', () => {
    for (const s of ['texto simples', '- item', '  + item', '1. um', '10) dez', '    código', '\u00a0- x', 'veja http://x', 'https:x', 'www.site', 'a > b', 'a & b', '`c`', 'x\ny', '-sem espaço', '1.5 litros', '']) {
      expect(hasMarkdown(s), JSON.stringify(s)).toBe(hasMarkdownReference(s));
    }
    const piece = fc.constantFrom('a', 'é', ' ', '\t', '\u00a0', '\u2003', '-', '+', '1', '23', '.', ')', '>', '&', '*', '_', '`', '[', ']', '!', '#', '~', '|', '\\', '\n', 'http', 's', ':', 'www', 'w');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (s) => hasMarkdown(s) === hasMarkdownReference(s)), { numRuns: 20000 });
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => hasMarkdown(s) === hasMarkdownReference(s)), { numRuns: 5000 });
  });
});
