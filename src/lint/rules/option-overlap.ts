// Options that overlap: one option's text inside another ("Brasília" and "Brasília e Goiânia"),
// or a key that contradicts a combining option ("Nenhuma das anteriores" keyed together with
// B; "A e B" keyed together with A). Either way two answers are right, or none is.
import type { Question } from '../../ir/schema.js';
import { defineRule, type Report } from '../define-rule.js';
import { projectFolds, type ProjectFolds } from '../project-folds.js';
import { letter, normalized } from '../text.js';

export const messages = {
  contains: (n: number, outer: string, inner: string, text: string) => `Question ${n}: option ${outer} contains option ${inner} ("${text}")`,
  noneKeyed: (n: number, text: string, other: string) => `Question ${n} keys "${text}" together with option ${other}`,
  someKeyed: (n: number, text: string) => `Question ${n} keys "${text}" together with only some of the other options`,
  comboKeyed: (n: number, text: string, other: string) => `Question ${n} keys "${text}" and also option ${other}, which it includes`,
  comboMissing: (n: number, text: string, other: string) => `Question ${n}: "${text}" names option ${other}, which does not exist`,
};

const allKind = /^(todas|todos|all|ambas|ambos|both)\b/;
const noneKind = /^(nenhuma|nenhum|ninguna|ninguno|none|neither)\b/;
const combo = /^(?:(?:apenas|somente|solo|only|both|as alternativas|alternativas|las opciones) )?((?:[a-z] )+)(?:e|y|and) ([a-z])(?: |$)/;

export default defineRule({
  id: 'option-overlap',
  category: 'flaw',
  severity: 'warning',
  description: 'Options must not contain each other, nor be keyed against an "all / none / A e B" option',
  docs: `Each option should be a separate answer. When one option's words appear whole inside another
("Reiniciar o modem" and "Reiniciar o modem e abrir chamado"), a student can argue that both are
right. Combining options have their own traps: "Nenhuma das anteriores" keyed together with another
option, "Todas" keyed with only some of the others, "A e B" keyed together with A, or "A e E" when
there is no E.

Bad: key "Todas" and B in a question whose options are "Sim", "Não" and "Todas".
Good: options that exclude each other, and a key that agrees with the combining option.`,
  check(project, report) {
    const folds = projectFolds(project);
    folds.questions.forEach((q, qi) => {
      if (q.options.length < 2) return;
      containment(q, qi, folds, report);
      // only positional options (rare) combine: no key set is built for the other questions
      if (q.key.length > 0 && q.options.some((o) => o.fixed)) combining(q, report);
    });
  },
});

// Whole words: option i is inside option j when " i " is inside " j " (normalised); a
// positional option takes no part. Lengths rule out most pairs before any bytes are compared.
function containment(q: Question, qi: number, folds: ProjectFolds, report: (r: Report) => void): void {
  const n = q.options.length;
  for (let i = 0; i < n; i++) {
    if (q.options[i]!.fixed) continue;
    const inner = folds.option(qi, i);
    const innerLength = folds.length(inner);
    if (innerLength < 2) continue;
    for (let j = 0; j < n; j++) {
      if (j === i || q.options[j]!.fixed) continue;
      const outer = folds.option(qi, j);
      if (folds.length(outer) <= innerLength || !folds.containsWords(outer, inner)) continue;
      report({
        at: q.options[j]!.text.span,
        questionId: q.id,
        message: messages.contains(q.number, letter(j), letter(i), q.options[i]!.text.markdown),
        hint: 'Reword the options so that each excludes the others',
        related: [{ message: `option ${letter(i)}`, span: q.options[i]!.text.span }],
      });
      return;
    }
  }
}

function combining(q: Question, report: (r: Report) => void): void {
  const keyed = new Set(q.key);
  q.options.forEach((o, i) => {
    if (!o.fixed) return;
    const text = normalized(o.text);
    const at = { at: o.text.span, questionId: q.id, hint: 'Make the key agree with what the option says, or replace the option' };
    const m = combo.exec(text);
    if (m) {
      const named = [...m[1]!.trim().split(' '), m[2]!].map((c) => c.charCodeAt(0) - 97);
      const missing = named.find((k) => k >= q.options.length);
      if (missing !== undefined) return report({ ...at, message: messages.comboMissing(q.number, o.text.markdown, letter(missing)) });
      const also = named.find((k) => keyed.has(k));
      if (keyed.has(i) && also !== undefined) report({ ...at, message: messages.comboKeyed(q.number, o.text.markdown, letter(also)) });
      return;
    }
    if (!keyed.has(i)) return;
    const others = q.options.map((_, k) => k).filter((k) => k !== i && !q.options[k]!.fixed);
    const keyedOthers = others.filter((k) => keyed.has(k));
    if (noneKind.test(text) && keyedOthers.length > 0) report({ ...at, message: messages.noneKeyed(q.number, o.text.markdown, letter(keyedOthers[0]!)) });
    else if (allKind.test(text) && keyedOthers.length > 0 && keyedOthers.length < others.length) report({ ...at, message: messages.someKeyed(q.number, o.text.markdown) });
  });
}
