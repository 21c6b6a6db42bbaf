// The same question twice (in one file or across files) skews every exam it is drawn into.
import { defineRule } from '../define-rule.js';
import { eachEarlierTwin } from '../project-folds.js';
import { normalized } from '../text.js';
import type { Question } from '../../ir/schema.js';

export const messages = {
  dup: (n: number, where: string) => `Question ${n} repeats ${where}`,
};

export default defineRule({
  id: 'duplicate-question',
  category: 'problem',
  severity: 'error',
  description: 'The same question must not appear twice',
  docs: `Two questions are the same when their stems and option sets match after ignoring case, accents,
whitespace and punctuation (option order ignored), in any file of the bank. A hash map keeps this
linear in the number of questions.

Bad: the same question in \`a.txt\` and \`b.txt\`. Good: keep one; reword the other if both are wanted.`,
  check(project, report) {
    eachEarlierTwin(project, { alike: sameOptions }, (q, first) => {
      const where = first.bank === q.bank ? `question ${first.number}` : `question ${first.number} of ${first.stem.span.file}`;
      report({
        at: q.stem.span,
        questionId: q.id,
        message: messages.dup(q.number, where),
        hint: 'Delete one copy, or reword it if both are meant to stay',
        related: [{ message: 'first occurrence', span: first.stem.span }],
      });
    });
  },
});

/** The same option set after normalising, order ignored (near-duplicate leaves such pairs to this rule). */
export function sameOptions(a: Question, b: Question): boolean {
  if (a.options.length !== b.options.length) return false;
  const oa = a.options.map((o) => normalized(o.text)).sort();
  const ob = b.options.map((o) => normalized(o.text)).sort();
  return oa.every((o, i) => o === ob[i]);
}
