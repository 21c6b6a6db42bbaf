// A question keyed in two places (inline mark, key block, sidecar file) that disagree:
// nobody can tell which one the author meant.
import { defineRule } from '../define-rule.js';

export const messages = {
  conflict: (n: number, a: string, la: string, b: string, lb: string) =>
    `Question ${n} is keyed ${la} by the ${a} key but ${lb} by the ${b} key`,
};

const names = { inline: 'inline', block: 'Gabarito block', sidecar: 'sidecar file', header: 'header' } as const;

export default defineRule({
  id: 'key-conflict-sources',
  category: 'problem',
  severity: 'error',
  description: 'Answer keys from different sources must agree',
  docs: `A question may be keyed by an inline \`* \` mark, a trailing \`Gabarito:\` block or a sidecar \`.key\`
file. When two of them name different letters the build stops rather than guess.

Bad: \`* Brasília\` marked as B, and \`1: C\` in the key file. Good: both say B, or keep only one.`,
  check(project, report) {
    for (const bank of project.banks)
      for (const q of bank.questions) {
        // most questions are keyed in one place: nothing to compare, no strings built
        if (q.keyEntries.length < 2) continue;
        const [first, ...rest] = q.keyEntries;
        const a = [...first!.letters].sort().join(',');
        for (const e of rest) {
          const b = [...e.letters].sort().join(',');
          if (a !== b)
            report({
              at: e.span,
              questionId: q.id,
              message: messages.conflict(q.number, names[first!.source], a, names[e.source], b),
              hint: 'Keep one source of truth for this question, or make them agree',
              related: [{ message: `${names[first!.source]} key`, span: first!.span }],
            });
        }
      }
  },
});
