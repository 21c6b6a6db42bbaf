// Stems that say the same thing with small edits or reordered words, in any file: the same
// question drawn twice into an exam, or two copies that drifted apart. Sub-quadratic: see
// ../similar-sets.ts.
import { z } from 'zod';
import type { Question } from '../../ir/schema.js';
import { defineRule } from '../define-rule.js';
import { similarEarlier } from '../similar-sets.js';
import { normalized } from '../text.js';

export const messages = {
  similar: (n: number, percent: number, where: string) => `Question ${n} is ${percent}% similar to ${where}`,
};

const Options = z
  .object({
    threshold: z.number().gt(0).max(1).describe('Jaccard similarity of the stems’ word sets at or above which two stems are reported'),
    minWords: z.number().int().min(1).describe('Stems with fewer distinct words are not compared (too short to judge)'),
  })
  .strict();

export default defineRule<z.infer<typeof Options>>({
  id: 'near-duplicate',
  category: 'problem',
  severity: 'warning',
  description: 'Stems should not repeat another stem with small edits',
  docs: `Copies of a question drift apart: a word fixed in one file, a name changed in another. Both
then end up in the same exam. Stems are compared as sets of words (case, accents and punctuation
ignored) by Jaccard similarity, across every file of the bank; each question is reported once,
against its most similar earlier question, with the score. Exact copies (same stem and options)
are left to \`duplicate-question\`.

It scales: an inverted index over each stem's rarest words finds candidates without comparing
all pairs (100k questions are not 10¹⁰ comparisons).

Options: \`threshold\` (default 0.8), \`minWords\` (default 6).

Bad: "José entrou em contato para informar que está sem navegação. O que deve ser feito?" and
"José entrou em contato informando que está sem navegação. O que deve ser feito?".
Good: keep one of them, or disable the rule for the second with a reason.`,
  optionsSchema: Options,
  defaultOptions: { threshold: 0.8, minWords: 6 },
  check(project, report, { options }) {
    const questions: Question[] = [];
    const records: (Int32Array | undefined)[] = [];
    for (const bank of project.banks)
      for (const q of bank.questions) {
        questions.push(q);
        const words = wordHashes(normalized(q.stem));
        records.push(words.length >= options.minWords ? words : undefined);
      }
    const matches = similarEarlier(records, { threshold: options.threshold });
    for (const m of matches) {
      const q = questions[m.record]!;
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
  },
});

// The distinct words of a normalised text as sorted 32-bit hashes (FNV-1a), read straight from
// the string: no split, no word map. Two different words of one pair sharing a hash (odds about
// 1 in 10⁷) would only nudge that pair's score.
const scratch: number[] = [];
export function wordHashes(text: string): Int32Array {
  scratch.length = 0;
  let h = 0x811c9dc5 | 0;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c === 32) {
      if (inWord) scratch.push(h);
      h = 0x811c9dc5 | 0;
      inWord = false;
    } else {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    }
  }
  const sorted = Int32Array.from(scratch).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

function sameQuestion(a: Question, b: Question): boolean {
  if (normalized(a.stem) !== normalized(b.stem) || a.options.length !== b.options.length) return false;
  const oa = a.options.map((o) => normalized(o.text)).sort();
  const ob = b.options.map((o) => normalized(o.text)).sort();
  return oa.every((o, i) => o === ob[i]);
}
