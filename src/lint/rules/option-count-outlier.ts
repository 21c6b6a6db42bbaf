// A question with fewer options than the rest of its file: often an option line was lost or
// merged, and a guess is easier than on its neighbours.
import * as z from 'zod';
import { defineRule } from '../define-rule.js';

export const messages = {
  fewer: (n: number, count: number, usual: number) => `Question ${n} has ${count} options; most questions in this file have ${usual}`,
};

const Options = z.object({ minQuestions: z.number().int().min(2).describe('Files with fewer questions are not judged') }).strict();

export default defineRule<z.infer<typeof Options>>({
  id: 'option-count-outlier',
  category: 'flaw',
  severity: 'info',
  description: 'A question should not have fewer options than its file usually has',
  docs: `The usual count is the most common number of options in the file (the larger one on a tie).
A question below it is easier to guess, and is often the sign of an option line that went missing
or was merged into the one above. True/false questions and questions with fewer than two options
(see \`too-few-options\`) are not judged. Option: \`minQuestions\` (default 5).

Bad: seven questions with 3 options and one with 2. Good: give it a third plausible option.`,
  optionsSchema: Options,
  defaultOptions: { minQuestions: 5 },
  check(project, report, { options }) {
    for (const bank of project.banks) {
      if (bank.questions.length < options.minQuestions) continue;
      const counts = new Map<number, number>();
      for (const q of bank.questions) counts.set(q.options.length, (counts.get(q.options.length) ?? 0) + 1);
      let usual = 0;
      let best = 0;
      for (const [k, c] of counts) if (c > best || (c === best && k > usual)) [usual, best] = [k, c];
      // a "usual" that only a minority shares says nothing
      if (best * 2 < bank.questions.length) continue;
      for (const q of bank.questions)
        if (q.options.length >= 2 && q.options.length < usual && q.type !== 'truefalse')
          report({ at: q.stem.span, questionId: q.id, message: messages.fewer(q.number, q.options.length, usual), hint: 'Check for a lost option line, or add a plausible distractor' });
    }
  },
});
