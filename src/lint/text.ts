// Text normalisation shared by the rules. Six rules read the normalised stem and options of
// every question; folding each text once per rule was 1.2 s of a 100k-question lint. So a
// lint run (withTextCache) keeps each IR Text's normalised form on the object itself, under a
// symbol (invisible to JSON and zod), and clears it when the run ends. A Map or WeakMap keyed
// by the Text objects cost more than folding again (hashing 500k objects, GC of the table).
// Loose strings keep a small bounded cache.
const cache = new Map<string, string>();
const NORM = Symbol('qbank.normalized');
type Cached = { markdown: string; [NORM]?: string | undefined };
let touched: Cached[] | undefined;

/** Runs fn with normalised IR texts remembered until it returns (one lint run). */
export function withTextCache<T>(fn: () => T): T {
  if (touched) return fn();
  touched = [];
  try {
    return fn();
  } finally {
    // assigning undefined (not delete) keeps the objects' shape: later reads stay fast
    for (const t of touched) t[NORM] = undefined;
    touched = undefined;
  }
}

const marks = /[\u0300-\u036f]/g;
const separators = /[^\p{L}\p{N}]+/gu;

/** The definition: decompose, drop combining marks, lower-case, runs of non-letters/digits → one space. */
export function normalizeReference(s: string): string {
  return s.normalize('NFKD').replace(marks, '').toLowerCase().replace(separators, ' ').trim();
}

// Per-character fold of U+0000–U+024F (ASCII, Latin-1, Latin Extended: all of pt-BR and es),
// derived from normalizeReference itself so the fast path cannot disagree with it: the code of
// the folded character, SEP for a separator, or SLOW when the fold is not a single character
// (ß, ĳ, ¼): such text takes the reference path. Decomposition, mark removal and lower-casing
// act character by character in this range, so folding char by char gives the same result.
export const FOLD_END = 0x250;
export const SEP = -1;
export const SLOW = -2;
let fold: Int32Array | undefined;
const buffer = Buffer.alloc(8192);

/** The fold table (built once; word-sets.ts reads words with it too). */
export function foldTable(): Int32Array {
  if (fold) return fold;
  const t = new Int32Array(FOLD_END);
  for (let c = 0; c < FOLD_END; c++) {
    const ch = String.fromCharCode(c);
    const alone = normalizeReference(ch);
    const framed = normalizeReference(`a${ch}a`);
    if (alone === '' && framed === 'a a') t[c] = SEP;
    else if (alone.length === 1 && framed === `a${alone}a`) t[c] = alone.charCodeAt(0);
    else t[c] = SLOW;
  }
  return (fold = t);
}

function normalize(s: string): string {
  // One pass over the text instead of NFKD + three regex passes: 4× faster, and this was the
  // lint hot spot at 100k questions (ASCII text takes the same pass: a lower-case + regex
  // fast path for it was slower).
  // The result is written into a byte buffer and made a string once: building it with += gives
  // a rope of one-character pieces that every Map lookup must flatten (at 100k stems that was
  // seconds of garbage collection). Folded pt-BR/es text is Latin-1 (mostly ASCII), so the
  // string is one byte a character: half the memory of a UTF-16 decode, and 45% faster.
  fold ??= foldTable();
  if (s.length > buffer.length) return normalizeReference(s);
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = c < FOLD_END ? fold[c]! : SLOW;
    if (f >= 0) {
      if (gap) {
        buffer[n++] = 32;
        gap = false;
      }
      if (f > 0xff) return normalizeReference(s);
      buffer[n++] = f;
    } else if (f === SEP) gap = n > 0;
    else return normalizeReference(s);
  }
  return buffer.toString('latin1', 0, n);
}

// Case, accents, punctuation and whitespace do not make two texts different.
export function normalizeText(s: string): string {
  let v = cache.get(s);
  if (v !== undefined) return v;
  v = normalize(s);
  if (cache.size > 200_000) cache.clear();
  cache.set(s, v);
  return v;
}

/** normalizeText for an IR Text ({ markdown }); remembered inside withTextCache. */
export function normalized(t: { markdown: string }): string {
  const c = t as Cached;
  if (!touched) return normalize(c.markdown);
  let v = c[NORM];
  if (v === undefined) {
    v = normalize(c.markdown);
    c[NORM] = v;
    touched.push(c);
  }
  return v;
}

export function letter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `#${index + 1}`;
}
