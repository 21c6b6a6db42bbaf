// The fast path of normalizeText (a per-character fold table for Latin text) must agree with the
// definition (NFKD, marks removed, lower case, separators collapsed) on every input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeReference, normalizeText } from '../../src/lint/text.js';

describe('normalizeText fast path', () => {
  it('agrees with the reference for every Latin character in any position', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x300; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`${ch}ã`, `ab${ch}cdé`, ` ${ch} ç`, `é${ch}`, `Ç${ch}${ch}-x`]) {
        if (normalizeText(s) !== normalizeReference(s)) bad.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('agrees with the reference on real pt-BR text', () => {
    const s = 'José entrou em contato: "Sem navegação" desde 26/05/2023 — R$ 129,90 (ÚLTIMA ª vez)!';
    expect(normalizeText(s)).toBe('jose entrou em contato sem navegacao desde 26 05 2023 r 129 90 ultima a vez');
    expect(normalizeText(s)).toBe(normalizeReference(s));
  });

  it('agrees with the reference on arbitrary strings, decomposed accents and astral characters included', () => {
    const alphabet = fc.constantFrom(...'aAeÉçÇãõ ß¼ĳ\u0301\u0327-_.,!?\t\nİıΣσς😀1²ª'.split(''), 'e\u0301');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (s) => normalizeText(s) === normalizeReference(s)),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => normalizeText(s) === normalizeReference(s)), { numRuns: 3000 });
  });

  it('handles text longer than its buffer', () => {
    const s = 'Ação, '.repeat(5000);
    expect(normalizeText(s)).toBe(normalizeReference(s));
  });
});
