// A key letter past the last option points at nothing (often a lost or merged option line).
import { defineRule } from '../define-rule.js';

export const messages = {
  outOfRange: (n: number, letter: string, count: number) =>
    `Question ${n} is keyed "${letter}" but has only ${count} option${count === 1 ? '' : 's'} (A–${String.fromCharCode(64 + Math.max(count, 1))})`,
};

export default defineRule({
  id: 'key-out-of-range',
  category: 'problem',
  severity: 'error',
  description: 'Answer-key letters must name an existing option',
  docs: `Letters follow the order of the option lines in the source. A letter past the last option usually
means an option line was lost, or two were merged.

Bad: question with 3 options keyed \`D\`. Good: keyed \`A\`, \`B\` or \`C\`.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions)
        for (const e of q.keyEntries)
          for (const l of e.letters) {
            const i = l.charCodeAt(0) - 65;
            if (l.length !== 1 || i < 0 || i >= q.options.length)
              report({ at: e.span, questionId: q.id, message: messages.outOfRange(q.number, l, q.options.length), hint: 'Fix the key letter or restore the missing option line' });
          }
  },
});
