// The same question (same stem after normalisation) asked in two places, where an option that
// both share is correct in one and wrong in the other: at least one key is wrong.
import { defineRule } from '../define-rule.js';
import { eachEarlierTwin } from '../project-folds.js';
import { letter, normalized } from '../text.js';

export const messages = {
  conflict: (n: number, option: string, here: boolean, where: string) =>
    `Question ${n} keys "${option}" as ${here ? 'correct' : 'wrong'} but ${where} keys it as ${here ? 'wrong' : 'correct'}`,
};

export default defineRule({
  id: 'key-conflict',
  category: 'problem',
  severity: 'error',
  description: 'The same question must not be keyed to different answers in two places',
  docs: `When a stem appears twice (in one file or in two), every option the two copies share must be
correct in both or wrong in both. Otherwise students get opposite grades for the same answer,
depending on which copy they drew. Options may be in a different order: the option text is
compared, not the letter. A hash map on the normalised stem keeps this linear.

Bad: "Qual a capital do Brasil?" keyed "Brasília" in \`a.txt\` and "Rio de Janeiro" in \`b.txt\`
(both listing both). Good: both copies keyed "Brasília".`,
  check(project, report) {
    // each keyed question against the first keyed question with the same stem
    eachEarlierTwin(project, { include: (q) => q.key.length > 0 }, (q, prev) => {
      const keyedBefore = new Map<string, boolean>();
      prev.options.forEach((o, i) => keyedBefore.set(normalized(o.text), prev.key.includes(i)));
      for (let i = 0; i < q.options.length; i++) {
        const o = q.options[i]!;
        const before = keyedBefore.get(normalized(o.text));
        const now = q.key.includes(i);
        if (before === undefined || before === now) continue;
        const where = prev.bank === q.bank ? `question ${prev.number}` : `question ${prev.number} of ${prev.stem.span.file}`;
        report({
          at: q.stem.span,
          questionId: q.id,
          message: messages.conflict(q.number, o.text.markdown, now, where),
          hint: `Check the key of both copies (here option ${letter(i)}); fix the wrong one, or reword one stem if they are different questions`,
          related: [{ message: `question ${prev.number}`, span: prev.stem.span }],
        });
        break;
      }
    });
  },
});
