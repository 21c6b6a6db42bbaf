// Answer-key entries, shared by sidecar files and trailing "Gabarito:" blocks.
// Lenient on purpose: `1: B`, `1-B`, `1 B`, `1) B`, `1. b`, `3: A,C`, `3: A C` and several
// entries on one line (`1-B 2-A 3-C`). Letters are single characters, so a token that is a word
// ("True", "Todas") is reported instead of being half-read.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Span } from '../ir/schema.js';
import { leadingSpace } from './whitespace.js';

export interface RawKeyEntry {
  number: number;
  letters: string[];
  span: Span;
}

const token = /[ \t]*(?:(\d+)[ \t]*[:\-–).=]?|([A-Za-z])(?![\p{L}\p{N}])|([,;/+&])|(\S+))/uy;

export function parseKeyLine(text: string, file: string, line: number, out: RawKeyEntry[], diagnostics: Diagnostic[]): void {
  const simple = readSimpleEntry(text, file, line);
  if (simple) out.push(simple);
  else readKeyTokens(text, file, line, out, diagnostics);
}

/** Any key line, token by token: the definition readSimpleEntry must agree with. */
export function readKeyTokens(text: string, file: string, line: number, out: RawKeyEntry[], diagnostics: Diagnostic[]): void {
  let current: RawKeyEntry | undefined;
  let failed: RawKeyEntry | undefined; // already reported: do not report it twice
  const before = out.length;
  // `3: A,C  # two answers`: `#` or `//` starts a comment (neither is key syntax)
  const comment = commentStart(text);
  if (comment >= 0) text = text.slice(0, comment);
  token.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (token.lastIndex < text.length && (m = token.exec(text))) {
    const column = m.index + m[0].length - m[0].trimStart().length + 1;
    if (m[1] !== undefined) {
      current = { number: Number(m[1]), letters: [], span: { file, line, column, endLine: line, endColumn: column } };
      out.push(current);
    } else if (m[2] !== undefined && current) {
      current.letters.push(m[2].toUpperCase());
      current.span.endColumn = column + 1;
    } else if (m[3] !== undefined && current) {
      // separator between letters
    } else {
      const bad = (m[2] ?? m[3] ?? m[4] ?? '').trim();
      if (bad === '') continue;
      diagnostics.push({
        ruleId: 'parse/key-syntax',
        severity: 'error',
        message: `Cannot read "${bad}" in the answer key`,
        hint: 'Write entries as `1: B` or `3: A,C` (question number, then option letters)',
        file,
        line,
        column,
      });
      // the entry being read is unreliable ("3: A,Cx"): drop it whole, so its question is
      // reported as unkeyed instead of silently keyed with half the letters
      if (current) current.letters.length = 0;
      failed = current;
      break;
    }
  }
  for (let j = out.length - 1; j >= before; j--) {
    const e = out[j]!;
    if (e.letters.length === 0) {
      out.splice(j, 1);
      if (e === failed) continue;
      diagnostics.push({
        ruleId: 'parse/key-syntax',
        severity: 'error',
        message: `Answer-key entry for question ${e.number} has no option letter`,
        hint: 'Write entries as `1: B` or `3: A,C`',
        file,
        line,
        column: e.span.column,
      });
    }
  }
}

function commentStart(text: string): number {
  const hash = text.indexOf('#');
  const slashes = text.indexOf('//');
  return hash < 0 ? slashes : slashes < 0 ? hash : Math.min(hash, slashes);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The entry of a line that is exactly `<number><sep?><letter>` (`12: B`, `12-b`, `12 B`, `12B`),
 * the shape of nearly every line of a key file, or undefined for anything else. The result is
 * what readKeyTokens reads from such a line (a test holds the two together); it skips the
 * sticky Unicode regex and its match arrays, and its letters array has no spare capacity
 * (push() onto [] reserves 17 slots). Up to 9 digits so that the number is exact as an int.
 */
export function readSimpleEntry(text: string, file: string, line: number): RawKeyEntry | undefined {
  const n = text.length;
  let i = 0;
  let number = 0;
  while (i < n && i < 10 && isDigit(text.charCodeAt(i))) number = number * 10 + text.charCodeAt(i++) - 48;
  if (i === 0 || i > 9) return undefined;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i < n && ':-\u2013).='.includes(text[i]!)) i++;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i !== n - 1 || !isAsciiLetter(text.charCodeAt(i))) return undefined;
  return { number, letters: [text[i]!.toUpperCase()], span: { file, line, column: 1, endLine: line, endColumn: i + 2 } };
}

// A whole sidecar file: one or more entries per line; blank lines and `#` comments ignored.
export function parseKeyFile(lines: string[], file: string, diagnostics: Diagnostic[]): RawKeyEntry[] {
  const out: RawKeyEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const lead = leadingSpace(text);
    if (lead === text.length || text.startsWith('#', lead) || text.startsWith('//', lead)) continue;
    parseKeyLine(text, file, i + 1, out, diagnostics);
  }
  return out;
}
