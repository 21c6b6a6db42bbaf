// collapseSpace skips the replace when it would change nothing; it must answer as the replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpace } from '../../../src/emit/gift/moodle-question.js';

const reference = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('collapseSpace', () => {
  it('equals replace(/\\s+/g, " ").trim()', () => {
    for (const s of ['', ' ', 'a b', ' a', 'a ', 'a  b', 'a\tb', 'a\nb', 'a\u00a0b', '\ufeffa', 'a\u2003 b', 'ação é'])
      expect(collapseSpace(s), JSON.stringify(s)).toBe(reference(s));
    const piece = fc.constantFrom('a', 'é', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', 'x y');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((a) => a.join('')), (s) => collapseSpace(s) === reference(s)), { numRuns: 5000 });
  });
});
