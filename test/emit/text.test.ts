// afterCodePoints must cut exactly where [...s].slice(0, n).join('') would, surrogates included.
import { describe, expect, it } from 'vitest';
import { afterCodePoints } from '../../src/emit/text.js';

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
