// "Todas as anteriores", "None of the above", "A e B": options whose meaning depends on the
// other options and their positions. The parser already pins them (option.fixed, and the
// question is not shuffled); this rule tells the author, because they are also a known
// item-writing flaw: a student who sees two true options picks "all of the above" unread.
import { defineRule } from '../define-rule.js';
import { letter } from '../text.js';

export const messages = {
  positional: (n: number, l: string, text: string) => `Question ${n}: option ${l} "${text}" refers to other options, so the options of this question are never shuffled`,
};

export default defineRule({
  id: 'all-of-the-above',
  category: 'flaw',
  severity: 'warning',
  description: 'Avoid options such as "Todas as anteriores", "None of the above" or "A e B"',
  docs: `An option that talks about the other options ("Todas", "Todas as anteriores", "Nenhuma das
anteriores", "Ambas", "A e B", "Todas las anteriores", "Ninguna de las anteriores", "All of the
above", "None of the above", "Both A and B") breaks when options are shuffled, so qbank keeps that
option in place and does not shuffle the question in any output. It also weakens the item: two
true options give the answer away. Write a standalone option instead.

Bad: \`Todas\` among four procedures. Good: four procedures, one of them correct.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions) {
        for (let i = 0; i < q.options.length; i++) {
          const o = q.options[i]!;
          if (o.fixed)
            report({ at: o.text.span, questionId: q.id, message: messages.positional(q.number, letter(i), o.text.markdown), hint: 'Replace it with an option that stands on its own' });
        }
      }
  },
});
