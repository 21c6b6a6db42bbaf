// Text normalisation shared by the rules, computed once per text and cached: rules must not
// each re-normalise every stem. IR texts are cached by object (no size limit, freed with the
// project); loose strings by value in a bounded map.
const cache = new Map<string, string>();
const byText = new WeakMap<object, string>();

const nonAscii = /[^\x00-\x7f]/;
const marks = /[\u0300-\u036f]/g;
const separators = /[^\p{L}\p{N}]+/gu;
const asciiSeparators = /[^a-z0-9]+/g;

function normalize(s: string): string {
  // Most text is plain ASCII: skip Unicode decomposition for it.
  if (!nonAscii.test(s)) return s.toLowerCase().replace(asciiSeparators, ' ').trim();
  return s.normalize('NFKD').replace(marks, '').toLowerCase().replace(separators, ' ').trim();
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
