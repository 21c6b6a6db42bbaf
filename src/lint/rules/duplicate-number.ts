// Keys are matched by question number, so a repeated number makes a key ambiguous.
import { defineRule } from '../define-rule.js';

export const messages = {
  dup: (n: number, line: number) => `Question number ${n} is used twice (first on line ${line})`,
};

export default defineRule({
  id: 'duplicate-number',
  category: 'problem',
  severity: 'error',
  description: 'Question numbers must be unique within a file',
  docs: `Answer keys name questions by number; with two questions numbered 4 the key for 4 applies to the first only.

Bad: \`3\`, \`4\`, \`4\`. Good: \`3\`, \`4\`, \`5\`.`,
  check(project, report) {
    for (const bank of project.banks) {
      const seen = new Map<number, number>();
      for (const q of bank.questions) {
        const line = q.span.line;
        const first = seen.get(q.number);
        if (first !== undefined)
          report({ at: q.span, questionId: q.id, message: messages.dup(q.number, first), hint: 'Renumber the questions so each number appears once' });
        else seen.set(q.number, line);
      }
    }
  },
});
