// Numbers that skip or go backwards usually mean a lost question, or a number line that was
// read as an option because it was not the expected next number.
import { defineRule } from '../define-rule.js';

export const messages = {
  gap: (prev: number, n: number) => `Question ${n} follows question ${prev}; expected ${prev + 1}`,
  numberOption: (n: number, opt: string, expected: number) =>
    `Question ${n} has an option "${opt}" that looks like a question number; it was read as an option because question ${expected} was expected next`,
};

export default defineRule({
  id: 'numbering-gap',
  category: 'problem',
  severity: 'warning',
  description: 'Question numbers should count up by one',
  docs: `A bare number line starts a new question only when it is the expected next number (or follows a
blank line); any other number is read as an option, because "4" is a fine answer to "2 + 2?".
So a skipped number either hides a lost question or silently merges two questions.

Bad: \`1\`, \`2\`, \`4\` (no blank line before 4: "4" and the next stem become options of 2).
Good: \`1\`, \`2\`, \`3\`.`,
  check(project, report) {
    for (const bank of project.banks) {
      let prev: number | undefined;
      for (const q of bank.questions) {
        if (prev !== undefined && q.number !== prev + 1 && q.number !== prev)
          report({ at: q.span, questionId: q.id, message: messages.gap(prev, q.number), hint: 'Renumber the questions in order, or restore the missing ones' });
        prev = q.number;
        // An option that is a bare number above the expected next one, followed by more
        // options, is most likely a mis-numbered question line.
        for (let i = 0; i < q.options.length - 1; i++) {
          const o = q.options[i]!;
          if (!mayBeNumber(o.text.markdown)) continue;
          const m = /^(\d{1,9})[.)]?$/.exec(o.text.markdown.trim());
          if (m && Number(m[1]) > q.number + 1)
            report({ at: o.text.span, questionId: q.id, message: messages.numberOption(q.number, o.text.markdown.trim(), q.number + 1), hint: `If "${m[1]}" starts a new question, renumber it ${q.number + 1} or put a blank line before it` });
        }
      }
    }
  },
});

// Most options start with a letter: no trim and no regex for them. Only a digit, or a
// character trim() might remove (a space, or anything outside printable ASCII), can start a
// bare number once trimmed.
function mayBeNumber(s: string): boolean {
  const c = s.length === 0 ? 0 : s.charCodeAt(0);
  return c <= 0x20 || c >= 0x7f || (c >= 0x30 && c <= 0x39);
}
