// Option lines: an inline answer mark (`* ` before the option) and an optional letter
// (`a)`, `A.`, `(a)`, `A -`). Letters are stripped only when the question's options are
// lettered as a list, so an option such as "A. Lincoln" in an unlettered list stays intact.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { BlockLine } from './blocks.js';

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

export function readOptions(lines: BlockLine[], questionNumber: number, file: string, diagnostics: Diagnostic[]): OptionLine[] {
  const parsed = lines.map((l) => {
    const indent = l.text.length - l.text.trimStart().length;
    let rest = l.text.trim();
    let col = indent + 1;
    const mark = markRe.exec(rest);
    if (mark) {
      rest = rest.slice(mark[0].length);
      col += mark[0].length;
    }
    const lm = letterRe.exec(rest);
    return { l, rest, col, marked: mark !== null, lm };
  });
  const lettered = parsed.filter((p) => p.lm).length;
  // One lettered line among unlettered ones is content ("A. Lincoln"), not a letter.
  const strip = lettered >= 2 || (lettered === 1 && parsed.length === 1);
  const out: OptionLine[] = [];
  const letters: string[] = [];
  for (const p of parsed) {
    let markdown = p.rest;
    let col = p.col;
    let letter: string | undefined;
    if (strip && p.lm) {
      letter = (p.lm[1] ?? p.lm[2] ?? p.lm[3])!;
      markdown = p.rest.slice(p.lm[0].length);
      col += p.lm[0].length;
      letters.push(letter);
    }
    out.push({ markdown, letter, marked: p.marked, line: p.l.line, column: col, endColumn: p.l.text.trimEnd().length + 1 });
  }
  if (strip) checkLettering(out, questionNumber, file, diagnostics);
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
