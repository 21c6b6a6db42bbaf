// negative-stem finds the negative words of a Latin-only stem with one regex over the raw text
// (letter classes, a trie of the words, a consumed word start): it must find exactly the words
// the plain definition finds, at the same places: every run of letters and digits whose
// normalised form is on the lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finder, strong } from '../../../src/lint/rules/negative-stem.js';
import { normalizeReference } from '../../../src/lint/text.js';

const weak = new Set(['nao', 'no', 'not', 'nunca', 'never', 'cannot']);
const listed = new Set([...strong, ...weak]);

function viaFinder(s: string): [number, string][] {
  const re = finder(weak);
  re.lastIndex = 0;
  const out: [number, string][] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) out.push([m.index + m[0].length - m[1]!.length, m[1]!]);
  return out;
}

function definition(s: string): [number, string][] {
  const spells = (w: string) => [...w].map((ch) => normalizeReference(ch)).join('');
  return [...s.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => listed.has(spells(m[0]))).map((m) => [m.index, m[0]]);
}

// spellings of listed words with any case and any accent of U+0000–U+024F, glued to others
const variants = new Map<string, string[]>();
for (let c = 0; c < 0x250; c++) {
  const ch = String.fromCharCode(c);
  const n = normalizeReference(ch);
  if (n.length === 1) variants.set(n, [...(variants.get(n) ?? []), ch]);
}
const spelled = fc
  .tuple(fc.constantFrom(...listed), fc.infiniteStream(fc.nat()))
  .map(([w, picks]) => [...w].map((ch) => variants.get(ch)![picks.next().value % variants.get(ch)!.length]).join(''));
const latinChar = fc.integer({ min: 0, max: 0x24f }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(spelled, latinChar, fc.constantFrom(' ', '\n', '.', '?', '-', '*', '1', 'a', 'ª', 'º', 'ſ'));

describe('negative-stem finder', () => {
  it('finds what the word-by-word definition finds, on fuzzed Latin text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const s = pieces.join('');
        expect(viaFinder(s)).toEqual(definition(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds words at the start, the end, side by side and inside markup', () => {
    const s = 'Não, NAO nao-exceto **incorretas**? never1 no';
    expect(viaFinder(s)).toEqual(definition(s));
    expect(viaFinder(s).map(([, w]) => w)).toEqual(['Não', 'NAO', 'nao', 'exceto', 'incorretas', 'no']);
  });

  it('every character that spells a letter of a listed word is a letter (only whole words can match)', () => {
    const letters = new Set([...listed].join(''));
    for (const [n, chars] of variants) if (letters.has(n)) for (const ch of chars) expect(ch).toMatch(/\p{L}/u);
  });
});
