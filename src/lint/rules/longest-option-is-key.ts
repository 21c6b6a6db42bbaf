// Test-wise students pick the longest, most qualified option; when it is the key, the item
// measures that habit instead of the content.
import * as z from 'zod';
import { defineRule } from '../define-rule.js';
import { projectFolds } from '../project-folds.js';
import { letter } from '../text.js';

export const messages = {
  longest: (n: number, l: string, len: number, other: number) => `Question ${n}: the keyed option ${l} is much longer than the others (${len} characters, the next longest ${other})`,
};

const Options = z.object({ ratio: z.number().gt(1).describe('How many times longer than every other option the key must be to be reported') }).strict();

export default defineRule<z.infer<typeof Options>>({
  id: 'longest-option-is-key',
  category: 'flaw',
  severity: 'info',
  description: 'The correct option should not stand out as the longest',
  docs: `Correct options tend to be written with more care, and so get longer; students learn to pick the
longest. Reported when a single-answer question with three or more options has a key at least
\`ratio\` times (default 1.5) longer than every other option (letters counted after normalising
spaces and punctuation). Options such as "Todas as anteriores" are left out of the comparison.

Bad: key "Valida Token > Verifica cobrança > Confirma CEP > … > Agenda data e horário." against
two one-step answers. Good: distractors of similar length and detail.`,
  optionsSchema: Options,
  defaultOptions: { ratio: 1.5 },
  check(project, report, { options }) {
    const folds = projectFolds(project);
    folds.questions.forEach((q, qi) => {
      if (q.key.length !== 1 || q.options.length < 3) return;
      const k = q.key[0]!;
      // "Todas as anteriores" is long by wording, not by care: positional options don't count
      if (q.options[k]!.fixed) return;
      const len = folds.length(folds.option(qi, k));
      let next = 0;
      for (let i = 0; i < q.options.length; i++) if (i !== k && !q.options[i]!.fixed) next = Math.max(next, folds.length(folds.option(qi, i)));
      if (next > 0 && len >= options.ratio * next)
        report({ at: q.options[k]!.text.span, questionId: q.id, message: messages.longest(q.number, letter(k), len, next), hint: 'Shorten the key or give the distractors the same level of detail' });
    });
  },
});
