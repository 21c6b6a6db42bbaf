// Text normalisation shared by the rules. Six rules read the normalised stem and options of
// every question; folding each text once per rule was 1.2 s of a 100k-question lint. So a
// lint run (withTextCache) keeps each IR Text's normalised form on the object itself, under a
// symbol (invisible to JSON and zod), and clears it when the run ends. A Map or WeakMap keyed
// by the Text objects cost more than folding again (hashing 500k objects, GC of the table).
// Loose strings keep a small bounded cache. The rules that read every option (duplicate-option,
// option-overlap, longest-option-is-key) and every stem (duplicate-question, key-conflict) use
// projectFolds (project-folds.ts) instead: no string at all per text.

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
    for (const end of runEnds) end();
  }
}

const runEnds: (() => void)[] = [];

/** Whether a lint run (withTextCache) is under way: per-run caches keep what they build only then. */
export function inTextCache(): boolean {
  return touched !== undefined;
}

/** Registers what clears a per-run cache (project-folds.ts) when each run ends. */
export function onTextCacheEnd(clear: () => void): void {
  runEnds.push(clear);
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

// Copies of the text being folded: reading a typed array is faster than charCodeAt on the IR's
// strings, which are slices of the whole file. Buffer's ucs2Write is what write(s, 0, 'utf16le')
// calls after checking its arguments (a fifth of the copy's cost, on 500k short texts).
let units = new Uint16Array(4096);
let unitBytes = Buffer.from(units.buffer);
type Ucs2Writer = { ucs2Write?: (s: string, offset: number, length: number) => number };
const copyUnits: (b: Buffer, s: string) => void =
  typeof (Buffer.prototype as Ucs2Writer).ucs2Write === 'function' ? (b, s) => (b as Ucs2Writer).ucs2Write!(s, 0, s.length * 2) : (b, s) => b.write(s, 0, 'utf16le');

// The fold table over every UTF-16 unit, for the byte loop of foldInto: a Latin-1 character
// code (never 0 or a space), SEP, or SLOW (outside the table, or a fold outside Latin-1). One
// lookup and no range checks per character.
let byteFold: Int16Array | undefined;
function byteFoldTable(): Int16Array {
  if (byteFold) return byteFold;
  const t = new Int16Array(0x10000).fill(SLOW);
  const f = foldTable();
  for (let c = 0; c < FOLD_END; c++) t[c] = f[c]! === SEP || (f[c]! > 0 && f[c]! <= 0xff && f[c]! !== 32) ? f[c]! : SLOW;
  return (byteFold = t);
}

/**
 * Folds s into out from position at; returns the end, or -1 when s needs the reference path.
 * out must have s.length bytes free from at: the fold never lengthens a text.
 */
export function foldInto(s: string, out: Uint8Array, at: number): number {
  const table = byteFoldTable();
  const len = s.length;
  if (len > units.length) {
    units = new Uint16Array(len * 2);
    unitBytes = Buffer.from(units.buffer);
  }
  // locals, not the module's variables: the loop reads them without reloading
  const u = units;
  copyUnits(unitBytes, s);
  let n = at;
  // a run of separators writes one space, and none at the start (afterSpace) or the end;
  // written without a branch on the space, which word boundaries made hard to predict
  let afterSpace = 1;
  for (let i = 0; i < len; i++) {
    const f = table[u[i]!]!;
    if (f > 0) {
      out[n++] = f;
      afterSpace = 0;
    } else if (f === SEP) {
      out[n] = 32;
      n += 1 - afterSpace;
      afterSpace = 1;
    } else return -1;
  }
  return n > at && out[n - 1] === 32 ? n - 1 : n;
}

function normalize(s: string): string {
  // One pass over the text instead of NFKD + three regex passes: 4× faster, and this was the
  // lint hot spot at 100k questions (ASCII text takes the same pass: a lower-case + regex
  // fast path for it was slower).
  // The result is written into a byte buffer and made a string once: building it with += gives
  // a rope of one-character pieces that every Map lookup must flatten (at 100k stems that was
  // seconds of garbage collection). Folded pt-BR/es text is Latin-1 (mostly ASCII), so the
  // string is one byte a character: half the memory of a UTF-16 decode, and 45% faster.
  if (s.length > buffer.length) return normalizeReference(s);
  const n = foldInto(s, buffer, 0);
  return n < 0 ? normalizeReference(s) : buffer.toString('latin1', 0, n);
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
