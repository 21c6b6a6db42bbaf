// word-sets.ts reads words straight from Markdown with its own copy of the fold: it must give
// exactly the words of normalizeReference (the definition in text.ts), on any string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeReference } from '../../src/lint/text.js';
import { WordSetBuilder, wordHash } from '../../src/lint/word-sets.js';

// the word hashes of the reference normalisation, distinct, in first-seen order
function reference(s: string): string[] {
  const words = normalizeReference(s).split(' ').filter((w) => w !== '');
  return [...new Set(words.map((w) => wordHash(w).join(':')))];
}

// the builder gives ids; map them back to hashes through a dictionary of every reference word seen
function viaBuilder(texts: string[]): string[][] {
  const b = new WordSetBuilder();
  for (const t of texts) b.add(t);
  const byId = new Map<number, string>();
  const { offsets, ids } = b.sets();
  // ids are interned in first-seen order over all texts, like the reference words are
  let next = 0;
  for (const t of texts) for (const h of reference(t)) if (![...byId.values()].includes(h)) byId.set(next++, h);
  return texts.map((_, i) => Array.from(ids.subarray(offsets[i]!, offsets[i + 1]!), (id) => byId.get(id) ?? `?${id}`));
}

const pieces = ['a', 'Ç', 'ã', 'É', ' ', '\t', '-', '.', '’', 'ß', 'ĳ', '¼', 'Ω', '文', '😀', 'e\u0301', '\u0301', 'İ', 'ﬁ', '²', 'Ø', 'ǅ', 'x', '1', '_', '*', '\u00a0'];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...pieces), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x24f }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
);

describe('WordSetBuilder', () => {
  it('reads the same words as normalizeReference, on fuzzed text', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        expect(viaBuilder(texts)).toEqual(texts.map(reference));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds case, accents and punctuation, and keeps each word once', () => {
    const b = new WordSetBuilder();
    expect(b.add('Ação, AÇÃO! ação? Acao')).toBe(1);
    expect(b.add('Não há SINAL: não')).toBe(3);
    const { offsets, ids, vocabulary } = b.sets();
    expect(Array.from(offsets)).toEqual([0, 1, 4]);
    expect(Array.from(ids)).toEqual([0, 1, 2, 3]);
    expect(vocabulary).toBe(4);
  });

  it('leaves a text with fewer than minWords distinct words empty', () => {
    const b = new WordSetBuilder();
    expect(b.add('um dois um', 3)).toBe(2);
    b.add('um dois três', 3);
    const { offsets, ids } = b.sets();
    expect(Array.from(offsets)).toEqual([0, 0, 3]);
    expect(Array.from(ids)).toEqual([0, 1, 2]);
  });
});
