// afterCodePoints must cut exactly where [...s].slice(0, n).join('') would, surrogates included;
// collapseSpace skips the replace when it would change nothing, and must answer as the replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterCodePoints, collapseSpace } from '../../src/emit/text.js';

const spreadCut = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n).join('').length : undefined);

describe('afterCodePoints', () => {
  it('agrees with spreading the string, for pairs, lone surrogates and plain text', () => {
    const pieces = ['a', 'é', '📞', '\uD800', '\uDC00', ' ', 'ção'];
    let seed = 5;
    for (let t = 0; t < 2000; t++) {
      let s = '';
      const len = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 12;
      for (let i = 0; i < len; i++) s += pieces[(seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % pieces.length];
      for (let n = 0; n <= 10; n++) expect(afterCodePoints(s, n), `${JSON.stringify(s)} ${n}`).toBe(spreadCut(s, n));
    }
  });
});

const reference = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('collapseSpace', () => {
  it('equals replace(/\\s+/g, " ").trim()', () => {
    for (const s of ['', ' ', 'a b', ' a', 'a ', 'a  b', 'a\tb', 'a\nb', 'a\u00a0b', '\ufeffa', 'a\u2003 b', 'ação é'])
      expect(collapseSpace(s), JSON.stringify(s)).toBe(reference(s));
    const piece = fc.constantFrom('a', 'é', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', 'x y');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((a) => a.join('')), (s) => collapseSpace(s) === reference(s)), { numRuns: 5000 });
  });
});
