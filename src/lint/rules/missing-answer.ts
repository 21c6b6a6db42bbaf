// A question with no keyed option imports with nothing marked correct.
import { defineRule } from '../define-rule.js';

export const messages = {
  noKey: (n: number) => `Question ${n} has no answer key`,
};

export default defineRule({
  id: 'missing-answer',
  category: 'problem',
  severity: 'error',
  description: 'Every question needs at least one correct option',
  docs: `An LMS cannot grade a question with no correct option, and a printed key would have a hole.
Give the answer in a sidecar \`.key\` file (\`1: B\`), a trailing \`Gabarito:\` block, or an inline \`* \` mark.

Bad: question 3 with no entry anywhere. Good: \`3: A\` in \`bank.key\`.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions)
        if (q.keyEntries.length === 0)
          report({ at: q.stem.span, questionId: q.id, message: messages.noKey(q.number), hint: `Add "${q.number}: <letter>" to ${bank.keyPath ?? bank.path.replace(/\.[^./]*$/, '') + '.key'} or mark the right option with "* "` });
  },
});
