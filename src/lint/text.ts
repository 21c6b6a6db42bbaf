// Text normalisation shared by the rules, computed once per string and cached: rules must not
// each re-normalise every stem.
const cache = new Map<string, string>();

// Case, accents, punctuation and whitespace do not make two texts different.
export function normalizeText(s: string): string {
  let v = cache.get(s);
  if (v !== undefined) return v;
  v = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (cache.size > 200_000) cache.clear();
  cache.set(s, v);
  return v;
}
