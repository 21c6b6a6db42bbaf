// Option lines: an inline answer mark (`* ` before the option) and an optional letter
// (`a)`, `A.`, `(a)`, `A -`). Letters are stripped only when the question's options are
// lettered as a list, so an option such as "A. Lincoln" in an unlettered list stays intact.
import type { Diagnostic } from '../ir/diagnostic.js';
import { leadingSpace, trimmedEnd } from './whitespace.js';

export interface OptionLine {
  markdown: string;
  letter?: string;
  marked: boolean;
  line: number;
  column: number; // of the first character kept
  endColumn: number;
}

// `* ` is a mark; `*Não*` (emphasis) and `**x**` are not, because emphasis never has a space
// after its opening `*`. `*A) text` (Respondus style) is also a mark.
const markRe = /^\*(?:[ \t]+|(?=[A-Za-z][.)][ \t]))/;
const letterRe = /^(?:\(([A-Za-z])\)|([A-Za-z])[.)]|([A-Za-z])[ \t]+[-–])[ \t]+(?=\S)/;

/** The options on source[at[0]], source[at[1]] …: `at` holds 0-based line indexes. */
export function readOptions(source: string[], at: number[], questionNumber: number, file: string, diagnostics: Diagnostic[]): OptionLine[] {
  // First pass: marks and candidate letters; letters are stripped only after seeing every line.
  const out: OptionLine[] = new Array(at.length);
  const letterMatches: (RegExpExecArray | null)[] = new Array(at.length);
  let lettered = 0;
  for (let i = 0; i < at.length; i++) {
    const text = source[at[i]!]!;
    const indent = leadingSpace(text);
    let rest = text.trim();
    let col = indent + 1;
    let marked = false;
    if (rest.charCodeAt(0) === 42 /* * */) {
      const mark = markRe.exec(rest);
      if (mark) {
        rest = rest.slice(mark[0].length);
        col += mark[0].length;
        marked = true;
      }
    }
    const lm = letterRe.exec(rest);
    if (lm) lettered++;
    letterMatches[i] = lm;
    out[i] = { markdown: rest, marked, line: at[i]! + 1, column: col, endColumn: trimmedEnd(text) + 1 };
  }
  // One lettered line among unlettered ones is content ("A. Lincoln"), not a letter.
  const strip = lettered >= 2 || (lettered === 1 && at.length === 1);
  if (!strip) return out;
  for (let i = 0; i < out.length; i++) {
    const lm = letterMatches[i];
    if (!lm) continue;
    const o = out[i]!;
    o.letter = (lm[1] ?? lm[2] ?? lm[3])!;
    o.markdown = o.markdown.slice(lm[0].length);
    o.column += lm[0].length;
  }
  checkLettering(out, questionNumber, file, diagnostics);
  return out;
}

function checkLettering(opts: OptionLine[], n: number, file: string, diagnostics: Diagnostic[]): void {
  const first = opts.find((o) => o.letter)!;
  const upper = first.letter === first.letter!.toUpperCase();
  opts.forEach((o, i) => {
    const expected = String.fromCharCode((upper ? 65 : 97) + i);
    let problem: string | undefined;
    if (!o.letter) problem = `option ${i + 1} has no letter while the others do`;
    else if (o.letter !== expected) problem = `option ${i + 1} is lettered "${o.letter}", expected "${expected}"`;
    if (problem) {
      diagnostics.push({
        ruleId: 'inconsistent-lettering',
        severity: 'warning',
        message: `Question ${n}: ${problem}`,
        hint: 'Letter every option in order (a, b, c …) or none; letters are stripped and regenerated on output, and keys follow the order of the lines',
        file,
        line: o.line,
        column: 1,
      });
    }
  });
}
