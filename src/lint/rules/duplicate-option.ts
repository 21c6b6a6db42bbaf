// Two options of one question that read the same leave the student guessing which is keyed.
import { defineRule } from '../define-rule.js';
import { normalized } from '../text.js';

export const messages = {
  dup: (n: number, a: string, b: string) => `Question ${n}: option ${b} repeats option ${a}`,
};

export default defineRule({
  id: 'duplicate-option',
  category: 'problem',
  severity: 'error',
  description: 'Options of one question must differ',
  docs: `Options that differ only in case, accents, spacing or punctuation are the same option to a student.

Bad: \`Sim\` and \`sim.\` in one question. Good: every option says something different.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions) {
        const seen = new Map<string, number>();
        q.options.forEach((o, i) => {
          const k = normalized(o.text);
          const prev = seen.get(k);
          if (prev !== undefined)
            report({
              at: o.text.span,
              questionId: q.id,
              message: messages.dup(q.number, String.fromCharCode(65 + prev), String.fromCharCode(65 + i)),
              hint: 'Remove or reword one of them',
              related: [{ message: 'first occurrence', span: q.options[prev]!.text.span }],
            });
          else seen.set(k, i);
        });
      }
  },
});
