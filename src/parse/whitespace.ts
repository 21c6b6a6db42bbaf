// Whitespace at the ends of a line, counted without building trimmed copies (the parser asks
// for every line of the bank). The same characters as String.prototype.trim.
const isSpace = (c: number): boolean => c === 32 || c === 9 || (c >= 10 && c <= 13) || c === 0xa0 || c === 0xfeff || (c > 0x1000 && /\s/.test(String.fromCharCode(c)));

/** Length of the leading whitespace (what trimStart removes). */
export function leadingSpace(t: string): number {
  let i = 0;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  return i;
}

/** Length of the line without its trailing whitespace (what trimEnd keeps). */
export function trimmedEnd(t: string): number {
  let n = t.length;
  while (n > 0 && isSpace(t.charCodeAt(n - 1))) n--;
  return n;
}
