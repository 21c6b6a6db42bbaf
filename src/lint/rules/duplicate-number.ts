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
      // Numbers almost always count up: a number above every earlier one cannot repeat, so the
      // map of first lines is built only once the order breaks (a 100k-entry Map per bank cost
      // more than the rest of the rule).
      let max = -1;
      let ordered = 0; // bank.questions[0 … ordered) had increasing numbers and are not in seen
      let seen: Map<number, number> | undefined;
      for (let i = 0; i < bank.questions.length; i++) {
        const q = bank.questions[i]!;
        if (!seen && q.number > max) {
          max = q.number;
          ordered = i + 1;
          continue;
        }
        if (!seen) {
          seen = new Map();
          for (let j = 0; j < ordered; j++) seen.set(bank.questions[j]!.number, bank.questions[j]!.span.line);
        }
        const first = seen.get(q.number);
        if (first !== undefined)
          report({ at: q.span, questionId: q.id, message: messages.dup(q.number, first), hint: 'Renumber the questions so each number appears once' });
        else seen.set(q.number, q.span.line);
      }
    }
  },
});
