// Answer-key entries, shared by sidecar files and trailing "Gabarito:" blocks.
// Lenient on purpose: `1: B`, `1-B`, `1 B`, `1) B`, `1. b`, `3: A,C`, `3: A C` and several
// entries on one line (`1-B 2-A 3-C`). Letters are single characters, so a token that is a word
// ("True", "Todas") is reported instead of being half-read.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Span } from '../ir/schema.js';

export interface RawKeyEntry {
  number: number;
  letters: string[];
  span: Span;
}

const token = /[ \t]*(?:(\d+)[ \t]*[:\-–).=]?|([A-Za-z])(?![\p{L}\p{N}])|([,;/+&])|(\S+))/uy;

export function parseKeyLine(
  text: string,
  file: string,
  line: number,
  out: RawKeyEntry[],
  diagnostics: Diagnostic[],
): void {
  let current: RawKeyEntry | undefined;
  let failed: RawKeyEntry | undefined; // already reported: do not report it twice
  const before = out.length;
  // `3: A,C  # two answers`: `#` or `//` starts a comment (neither is key syntax)
  const comment = /#|\/\//.exec(text);
  if (comment) text = text.slice(0, comment.index);
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

// A whole sidecar file: one or more entries per line; blank lines and `#` comments ignored.
export function parseKeyFile(lines: string[], file: string, diagnostics: Diagnostic[]): RawKeyEntry[] {
  const out: RawKeyEntry[] = [];
  lines.forEach((raw, i) => {
    const text = raw.replace(/^\uFEFF/, '');
    const t = text.trim();
    if (t === '' || t.startsWith('#') || t.startsWith('//')) return;
    parseKeyLine(text, file, i + 1, out, diagnostics);
  });
  return out;
}
