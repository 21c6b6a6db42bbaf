// Titles and names made from stems: whitespace collapsed and cut by characters (code points)
// without spreading every stem into an array of characters, which cost ~5 µs a question in the
// QTI and Moodle emitters. And literalText: the stems and options that need no rendering or
// escaping at all, told apart in one scan.

/** The UTF-16 index just after the first `n` code points of `s`, or undefined when `s` has no more than `n`. */
export function afterCodePoints(s: string, n: number): number | undefined {
  if (s.length <= n) return undefined;
  let i = 0;
  // One read per code unit; the next one only after a high surrogate.
  for (let k = 0; k < n; k++) {
    if (i >= s.length) return undefined;
    const c = s.charCodeAt(i++);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
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

// Anything that can make a text more than itself: the characters hasMarkdown looks for, the
// ones escapeXml changes or drops, and whitespace other than the space (which titles collapse).
// One scan for all of them instead of one each.
const unusual = /[\\`*_[\]!<>&#~|"'\u0000-\u001F\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\uD800-\uDFFF\uFFFE\uFFFF]/;
// What else hasMarkdown reads as syntax (a list or code start, a bare URL), widened a little:
// a text that starts with a space, a digit, + or - just takes the ordinary path.
const syntaxStart = /^[ \d+-]/;

/**
 * True when `md` is plain literal text: renderHtml, renderPlain and the XML targets' richText
 * give it back as it is, escapeXml leaves it alone, and its only whitespace is the space. That is most stems and options, and one scan of
 * them costs less than the renderer's and the serializer's own tests one after the other.
 * (False only costs the ordinary path; a test checks that true is always right.)
 */
export function literalText(md: string): boolean {
  return !unusual.test(md) && !syntaxStart.test(md) && !md.includes('http') && !md.includes('www.');
}
