// Canvas imports a QTI true/false question as true/false only when its answers read "True" and
// "False"; "Verdadeiro"/"Falso" becomes a two-option multiple choice question.
import { defineRule } from '../define-rule.js';

export const messages = {
  labels: (n: number, a: string, b: string) => `Question ${n} is true/false with answers "${a}" and "${b}", which Canvas imports as multiple choice`,
};

export default defineRule({
  id: 'true-false-labels',
  category: 'portability',
  severity: 'info',
  targets: ['canvas'],
  description: 'Canvas keeps true/false questions only when the answers read "True" and "False"',
  docs: `Canvas's QTI importer checks the answer texts of a true/false question; anything but "True" and
"False" turns it into multiple choice (still gradable, but listed and reported as another type).
Reported only when \`canvas\` is being built.

Bad (with Canvas): options "Verdadeiro" and "Falso". Good: accept the change, or use "True" and
"False" in banks meant for Canvas.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions) {
        if (q.type !== 'truefalse' || q.options.length !== 2) continue;
        const [a, b] = q.options.map((o) => o.text.markdown.trim().replace(/[.!]$/, ''));
        const ok = (x: string, y: string) => x === 'True' && y === 'False';
        if (!ok(a!, b!) && !ok(b!, a!)) report({ at: q.stem.span, questionId: q.id, message: messages.labels(q.number, a!, b!), hint: 'Write the answers as True and False if the question must stay true/false in Canvas' });
      }
  },
});
