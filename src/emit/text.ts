// Titles and names made from stems: whitespace collapsed and cut by characters (code points)
// without spreading every stem into an array of characters, which cost ~5 µs a question in the
// QTI and Moodle emitters.

/** The UTF-16 index just after the first `n` code points of `s`, or undefined when `s` has no more than `n`. */
export function afterCodePoints(s: string, n: number): number | undefined {
  if (s.length <= n) return undefined;
  let i = 0;
  for (let k = 0; k < n; k++) {
    if (i >= s.length) return undefined;
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return i < s.length ? i : undefined;
}

// Whitespace other than the space (\s less " ", listed: a negated \S scanned slower), two
// spaces, or a space at either end: only then does collapsing change the text (most stems are
// one line of single-spaced words, and replace() would copy each of them).
const otherSpace = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** `s` with every run of whitespace made one space, trimmed. */
export function collapseSpace(s: string): string {
  const tidy = !otherSpace.test(s) && !s.includes('  ') && !s.startsWith(' ') && !s.endsWith(' ');
  return tidy ? s : s.replace(/\s+/g, ' ').trim();
}

/** collapseSpace for a text whose only whitespace is the space (a literalText): no scan for the others. */
export function collapseSpaces(s: string): string {
  const tidy = !s.includes('  ') && !s.startsWith(' ') && !s.endsWith(' ');
  return tidy ? s : s.replace(/ +/g, ' ').trim();
}
