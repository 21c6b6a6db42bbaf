// Moodle accepts only the fractions of its grade list (100, 90, 83.33333, 80, 75, 70, 66.66667,
// 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5), and the correct
// options of a multiple-answer question must add up to 100 %. A key with k correct options needs
// 100/k in that list; otherwise the options cannot weigh the same.
import { defineRule } from '../define-rule.js';

export const messages = {
  unequal: (n: number, k: number) => `Question ${n} has ${k} correct options; Moodle's grade list has no ${(100 / k).toFixed(2)} %, so they will weigh 10 % and 5 % unequally`,
  impossible: (n: number, k: number) => `Question ${n} has ${k} correct options; Moodle's grade list cannot split 100 % among them`,
};

const grades = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5];

export default defineRule({
  id: 'moodle-grade-list',
  category: 'portability',
  severity: 'warning',
  targets: ['gift', 'moodle-xml'],
  description: 'Multiple-answer keys must split 100 % into grades Moodle accepts',
  docs: `Moodle's importers reject any answer fraction outside its grade list, and its question form wants
the correct options of a multiple-answer question to add up to 100 %. With 2–10 or 20 correct
options each gets 100/k % exactly; with 11–19 no equal split exists, so qbank weighs them 10 % and
5 %; beyond 20 the key cannot be expressed at all. Reported only when \`gift\` or \`moodle-xml\` is
being built.

Bad: a question with 12 keyed options. Good: at most 10 keyed options (or exactly 20).`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions) {
        const k = q.key.length;
        if (k < 2 || grades.some((g) => Math.abs(g - 100 / k) < 1e-4)) continue;
        report({ at: q.stem.span, questionId: q.id, message: k > 20 ? messages.impossible(q.number, k) : messages.unequal(q.number, k), hint: 'Key at most 10 options (or exactly 20), or split the question' });
      }
  },
});
