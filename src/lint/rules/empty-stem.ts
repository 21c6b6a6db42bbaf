// A question with no stem text asks nothing.
import { defineRule } from '../define-rule.js';

export const messages = {
  empty: (n: number) => `Question ${n} has an empty stem`,
};

export default defineRule({
  id: 'empty-stem',
  category: 'problem',
  severity: 'error',
  description: 'Every question needs a stem',
  docs: `The line after the question number is the stem. A number at the end of a file, or a number
followed only by other numbers, leaves the question without one.

Bad: \`5\` as the last line. Good: \`5\` followed by the stem and its options.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions)
        if (isBlank(q.stem.markdown))
          report({ at: q.span, questionId: q.id, message: messages.empty(q.number), hint: 'Write the question on the line after its number' });
  },
});

// s.trim() === '', without trimming every stem: a printable ASCII first character settles it
function isBlank(s: string): boolean {
  const c = s.length === 0 ? 0 : s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return false;
  return s.trim() === '';
}
