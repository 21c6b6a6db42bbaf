// Option lines: an inline answer mark (`* ` before the option) and an optional letter
// (`a)`, `A.`, `(a)`, `A -`). Letters are stripped only when the question's options are
// lettered as a list, so an option such as "A. Lincoln" in an unlettered list stays intact.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Option } from '../ir/schema.js';
import { leadingSpace, trimmedEnd } from './whitespace.js';

// `* ` is a mark; `*Não*` (emphasis) and `**x**` are not, because emphasis never has a space
// after its opening `*`. `*A) text` (Respondus style) is also a mark.
const markRe = /^\*(?:[ \t]+|(?=[A-Za-z][.)][ \t]))/;
export const letterRe = /^(?:\(([A-Za-z])\)|([A-Za-z])[.)]|([A-Za-z])[ \t]+[-–])[ \t]+(?=\S)/;

// What letterRe needs at the start of the line (`(a`, or a letter then `.`, `)`, space or tab):
// nearly every unlettered option fails this, so letterRe runs on few of them.
export function mayBeLettered(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c === 40 /* ( */) return true;
  const next = t.charCodeAt(1);
  return isAsciiLetter(c) && (next === 46 /* . */ || next === 41 /* ) */ || next === 32 || next === 9);
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export interface ReadOptions {
  options: Option[];
  marked: number[] | undefined; // indexes of the options marked `* `
}

/**
 * The options on source[at[0]], source[at[1]] … (`at` holds 0-based line indexes), built as IR
 * options straight away: the rare lettered list is fixed up in place after the first pass.
 */
export function readOptions(source: string[], at: number[], questionNumber: number, file: string, diagnostics: Diagnostic[]): ReadOptions {
  // First pass: marks and candidate letters; letters are stripped only after seeing every line.
  const options: Option[] = new Array(at.length);
  let marked: number[] | undefined;
  let letterMatches: (RegExpExecArray | null)[] | undefined;
  let lettered = 0;
  for (let i = 0; i < at.length; i++) {
    const text = source[at[i]!]!;
    const line = at[i]! + 1;
    let rest = text.trim();
    let column = leadingSpace(text) + 1;
    if (rest.charCodeAt(0) === 42 /* * */) {
      const mark = markRe.exec(rest);
      if (mark) {
        rest = rest.slice(mark[0].length);
        column += mark[0].length;
        (marked ??= []).push(i);
      }
    }
    const lm = mayBeLettered(rest) ? letterRe.exec(rest) : null;
    if (lm) {
      lettered++;
      (letterMatches ??= new Array(at.length))[i] = lm;
    }
    // One literal, so every option (and span) of the bank shares one hidden class; the rare
    // `letter` and `fixed` are added after.
    options[i] = { text: { markdown: rest, span: { file, line, column, endLine: line, endColumn: trimmedEnd(text) + 1 } } };
  }
  // One lettered line among unlettered ones is content ("A. Lincoln"), not a letter.
  const strip = lettered >= 2 || (lettered === 1 && at.length === 1);
  if (!strip || !letterMatches) return { options, marked };
  for (let i = 0; i < options.length; i++) {
    const lm = letterMatches[i];
    if (!lm) continue;
    const text = options[i]!.text;
    options[i]!.letter = (lm[1] ?? lm[2] ?? lm[3])!;
    text.markdown = text.markdown.slice(lm[0].length);
    text.span.column += lm[0].length;
  }
  checkLettering(options, questionNumber, file, diagnostics);
  return { options, marked };
}

function checkLettering(opts: Option[], n: number, file: string, diagnostics: Diagnostic[]): void {
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
        line: o.text.span.line,
        column: 1,
      });
    }
  });
}
