// Two options of one question that read the same leave the student guessing which is keyed.
import { defineRule } from '../define-rule.js';
import { projectFolds } from '../project-folds.js';

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
    // pairwise over the folded options (a handful per question) instead of a Map per question
    const folds = projectFolds(project);
    folds.questions.forEach((q, qi) => {
      for (let i = 1; i < q.options.length; i++) {
        const k = folds.option(qi, i);
        let prev = 0;
        while (prev < i && !folds.same(folds.option(qi, prev), k)) prev++;
        if (prev < i)
          report({
            at: q.options[i]!.text.span,
            questionId: q.id,
            message: messages.dup(q.number, String.fromCharCode(65 + prev), String.fromCharCode(65 + i)),
            hint: 'Remove or reword one of them',
            related: [{ message: 'first occurrence', span: q.options[prev]!.text.span }],
          });
      }
    });
  },
});
