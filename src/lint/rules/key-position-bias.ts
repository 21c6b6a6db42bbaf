// Authors unconsciously favour some letters (often B or C). A student who notices guesses
// better than chance; reported per file when a chi-square test finds the spread unlikely.
import * as z from 'zod';
import { defineRule } from '../define-rule.js';
import { letter } from '../text.js';

export const messages = {
  bias: (count: number, spread: string) => `Answer keys are unevenly spread over the letters (${count} questions): ${spread}`,
};

const Options = z
  .object({
    minQuestions: z.number().int().min(2).describe('Files with fewer single-answer keyed questions are not judged'),
    pValue: z.number().gt(0).lt(1).describe('Report when a uniform spread would be this unlikely'),
  })
  .strict();

export default defineRule<z.infer<typeof Options>>({
  id: 'key-position-bias',
  category: 'flaw',
  severity: 'info',
  description: 'Answer keys should be spread evenly over the letters',
  docs: `Over a file, each letter should be the key about as often as chance gives it (a question with 4
options gives each letter 1/4). A chi-square goodness-of-fit test compares the observed counts of
the single-answer questions with that expectation and reports when a fair spread would produce
counts this uneven less often than \`pValue\` (default 0.01), for files with at least
\`minQuestions\` (default 20) such questions. Shuffled outputs hide the bias from students, but
printed exams and unshuffled imports do not.

Bad: 40 questions, 24 keyed A. Good: about 10 per letter.`,
  optionsSchema: Options,
  defaultOptions: { minQuestions: 20, pValue: 0.01 },
  check(project, report, { options }) {
    for (const bank of project.banks) {
      const observed: number[] = [];
      const expected: number[] = [];
      let count = 0;
      for (const q of bank.questions) {
        if (q.key.length !== 1 || q.options.length < 2) continue;
        count++;
        const n = q.options.length;
        for (let i = 0; i < n; i++) {
          expected[i] = (expected[i] ?? 0) + 1 / n;
          observed[i] = observed[i] ?? 0;
        }
        observed[q.key[0]!]!++;
      }
      if (count < options.minQuestions) continue;
      let chi = 0;
      for (let i = 0; i < expected.length; i++) chi += (observed[i]! - expected[i]!) ** 2 / expected[i]!;
      const p = gammaQ((expected.length - 1) / 2, chi / 2);
      if (p >= options.pValue) continue;
      const spread = expected.map((e, i) => `${letter(i)} ${observed[i]} (expected ${Math.round(e)})`).join(', ');
      const file = bank.keyPath ?? bank.path;
      report({ at: { file, line: 1, column: 1, endLine: 1, endColumn: 1 }, message: messages.bias(count, spread), hint: 'Move keys to under-used letters (swap option lines and update the key)' });
    }
  },
});

// Regularised upper incomplete gamma Q(a, x) = P(χ²(2a) > 2x) (Numerical Recipes 6.2).
export function gammaQ(a: number, x: number): number {
  if (x <= 0 || a <= 0) return 1;
  const lnGammaA = lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let del = sum;
    for (let n = 1; n < 500; n++) {
      del *= x / (a + n);
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-12) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - lnGammaA);
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-12) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGammaA) * h;
}

function lnGamma(x: number): number {
  const c = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
  let ser = 1.000000000190015;
  for (const v of c) ser += v / ++y;
  return -tmp + Math.log((2.5066282746310005 * ser) / x);
}
