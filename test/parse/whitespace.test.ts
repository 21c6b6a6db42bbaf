// The parser counts a line's leading and trailing whitespace without trimming copies; the count
// must be exactly what String.prototype.trimStart / trimEnd remove, for any character.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { leadingSpace, trimmedEnd } from '../../src/parse/whitespace.js';

it('agrees with trimStart and trimEnd on every UTF-16 unit and on random lines', () => {
  for (let c = 0; c < 0x10000; c++) {
    const s = `${String.fromCharCode(c)}x${String.fromCharCode(c)}`;
    expect(leadingSpace(s), `U+${c.toString(16)}`).toBe(s.length - s.trimStart().length);
    expect(trimmedEnd(s), `U+${c.toString(16)}`).toBe(s.trimEnd().length);
  }
  const unit = fc.constantFrom(' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', '\u200b', 'a', 'ç', '\n', '\r', '\u2028');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 12 }).map((a) => a.join('')), (s) => leadingSpace(s) === s.length - s.trimStart().length && trimmedEnd(s) === s.trimEnd().length),
    { numRuns: 2000 },
  );
});
