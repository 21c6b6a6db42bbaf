// Stems that say the same thing with small edits or reordered words, in any file: the same
// question drawn twice into an exam, or two copies that drifted apart. Sub-quadratic: see
// ../similar-sets.ts. Words are read straight from the stem's Markdown (../word-sets.ts).
import * as z from 'zod';
import type { Question } from '../../ir/schema.js';
import { defineRule, type Report } from '../define-rule.js';
import type { Match } from '../similar-sets.js';
import { stemMatches, stemsOf } from '../stems.js';
import { normalized } from '../text.js';
import { sameOptions } from './duplicate-question.js';

export const messages = {
  similar: (n: number, percent: number, where: string) => `Question ${n} is ${percent}% similar to ${where}`,
};

const Options = z
  .object({
    threshold: z.number().gt(0).max(1).describe('Jaccard similarity of the stems’ word sets at or above which two stems are reported'),
    minWords: z.number().int().min(1).describe('Stems with fewer distinct words are not compared (too short to judge)'),
  })
  .strict();

export default defineRule<NearDuplicateOptions>({
  id: 'near-duplicate',
  category: 'problem',
  severity: 'warning',
  description: 'Stems should not repeat another stem with small edits',
  docs: `Copies of a question drift apart: a word fixed in one file, a name changed in another. Both
then end up in the same exam. Stems are compared as sets of words (case, accents and punctuation
ignored) by Jaccard similarity, across every file of the bank; each question is reported once,
against its most similar earlier question, with the score. Exact copies (same stem and options)
are left to \`duplicate-question\`.

It scales: MinHash sketches of the word sets pick candidate pairs, and only those are compared
(100k questions are not 10¹⁰ comparisons). A pair just at the threshold may be missed (odds about
3 in 1,000 at 0.8; 4 in 100,000 at 0.85); a reported score is always exact.

Options: \`threshold\` (default 0.8), \`minWords\` (default 6).

Bad: "José entrou em contato para informar que está sem navegação. O que deve ser feito?" and
"José entrou em contato informando que está sem navegação. O que deve ser feito?".
Good: keep one of them, or disable the rule for the second with a reason.`,
  optionsSchema: Options,
  defaultOptions: { threshold: 0.8, minWords: 6 },
  check(project, report, { options }) {
    const { questions, stems } = stemsOf(project);
    reportNearDuplicates(questions, stemMatches(stems, options), report);
  },
});

export type NearDuplicateOptions = z.infer<typeof Options>;

/** The search's matches (indexes into questions) as findings; a worker thread may have searched (parallel-lint.ts). */
export function reportNearDuplicates(questions: readonly Question[], matches: readonly Match[], report: (r: Report) => void): void {
  for (const m of matches) {
    const q = questions[m.set]!;
    const other = questions[m.other]!;
    if (sameQuestion(q, other)) continue; // duplicate-question reports it
    const where = other.bank === q.bank ? `question ${other.number}` : `question ${other.number} of ${other.stem.span.file}`;
    report({
      at: q.stem.span,
      questionId: q.id,
      message: messages.similar(q.number, Math.floor(m.score * 100 + 1e-9), where),
      hint: 'Keep one of them, or make them ask different things; if both are meant to stay, disable near-duplicate for this question with a reason',
      related: [{ message: `similar question ${other.number}`, span: other.stem.span }],
    });
  }
}

// what duplicate-question reports: the same stem and the same option set
function sameQuestion(a: Question, b: Question): boolean {
  return normalized(a.stem) === normalized(b.stem) && sameOptions(a, b);
}
