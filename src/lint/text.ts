// Text normalisation shared by the rules, computed once per text and cached: rules must not
// each re-normalise every stem. IR texts are cached by object (no size limit, freed with the
// project); loose strings by value in a bounded map.
const cache = new Map<string, string>();
const byText = new WeakMap<object, string>();

const nonAscii = /[^\x00-\x7f]/;
const marks = /[\u0300-\u036f]/g;
const separators = /[^\p{L}\p{N}]+/gu;
const asciiSeparators = /[^a-z0-9]+/g;

/** The definition: decompose, drop combining marks, lower-case, runs of non-letters/digits → one space. */
export function normalizeReference(s: string): string {
  return s.normalize('NFKD').replace(marks, '').toLowerCase().replace(separators, ' ').trim();
}

// Per-character fold of U+0000–U+024F (ASCII, Latin-1, Latin Extended: all of pt-BR and es),
// derived from normalizeReference itself so the fast path cannot disagree with it: the code of
// the folded character, SEP for a separator, or SLOW when the fold is not a single character
// (ß, ĳ, ¼): such text takes the reference path. Decomposition, mark removal and lower-casing
// act character by character in this range, so folding char by char gives the same result.
const FOLD_END = 0x250;
const SEP = -1;
const SLOW = -2;
let fold: Int32Array | undefined;

function foldTable(): Int32Array {
  const t = new Int32Array(FOLD_END);
  for (let c = 0; c < FOLD_END; c++) {
    const ch = String.fromCharCode(c);
    const alone = normalizeReference(ch);
    const framed = normalizeReference(`a${ch}a`);
    if (alone === '' && framed === 'a a') t[c] = SEP;
    else if (alone.length === 1 && framed === `a${alone}a`) t[c] = alone.charCodeAt(0);
    else t[c] = SLOW;
  }
  return t;
}

function normalize(s: string): string {
  // Most text is plain ASCII: skip Unicode decomposition for it.
  if (!nonAscii.test(s)) return s.toLowerCase().replace(asciiSeparators, ' ').trim();
  // One pass over pt-BR text instead of NFKD + three regex passes: 4× faster, and this was
  // the lint hot spot at 100k questions.
  fold ??= foldTable();
  let out = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = c < FOLD_END ? fold[c]! : SLOW;
    if (f >= 0) {
      if (gap) {
        out += ' ';
        gap = false;
      }
      out += String.fromCharCode(f);
    } else if (f === SEP) gap = out.length > 0;
    else return normalizeReference(s);
  }
  return out;
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

/** normalizeText for an IR Text ({ markdown }), cached on the object itself. */
export function normalized(t: { markdown: string }): string {
  let v = byText.get(t);
  if (v === undefined) {
    v = normalize(t.markdown);
    byText.set(t, v);
  }
  return v;
}

export function letter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `#${index + 1}`;
}
