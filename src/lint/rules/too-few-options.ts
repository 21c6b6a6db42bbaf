// A multiple-choice question needs at least two options; LMS importers reject fewer.
import { defineRule } from '../define-rule.js';

export const messages = {
  tooFew: (n: number, count: number) => `Question ${n} has ${count} option${count === 1 ? '' : 's'}; at least 2 are needed`,
};

export default defineRule({
  id: 'too-few-options',
  category: 'problem',
  severity: 'error',
  description: 'A question needs at least two options',
  docs: `Moodle refuses a multiple-choice question with fewer than two answers, and a one-option question
tests nothing. A missing question number can also make the next question's lines look like options
of this one, or a blank line can turn options into a multi-line stem.

Bad: a stem followed by one line. Good: a stem followed by two or more option lines.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions)
        if (q.options.length < 2)
          report({ at: q.stem.span, questionId: q.id, message: messages.tooFew(q.number, q.options.length), hint: 'Add options, one per line after the stem (a blank line after the first line makes the lines before it a multi-line stem)' });
  },
});
