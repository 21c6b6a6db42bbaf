// Answer weights for Moodle (GIFT and Moodle XML). Moodle's importer rejects any fraction that
// is not in its grade list (question_bank::fraction_options_full), and its question form wants
// the positive weights of a multiple-answer question to add up to 100 %. So "1/3" must be
// 33.33333, never 33 or 33.3, and counts with no exact split get a listed combination.
import type { Question } from '../../ir/schema.js';

export const moodleGrades = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0] as const;

export function isMoodleGrade(weight: number): boolean {
  const w = Math.abs(weight);
  return moodleGrades.some((g) => Math.abs(g - w) < 1e-6);
}

// n correct options → one weight each, in the order of the correct options.
// 2–10 and 20 split exactly (33.33333 × 3 is 99.99999, which Moodle rounds to 100 %);
// 11–19 use (20 − n) × 10 % + (2n − 20) × 5 %, so the first correct options weigh more;
// more than 20 correct options cannot reach 100 % with listed grades.
export function positiveSplit(n: number): number[] | undefined {
  if (n < 1) return [];
  if (n === 1) return [100];
  const exact = moodleGrades.find((g) => g > 0 && Math.abs(g * n - 100) < 0.001);
  if (exact !== undefined) return Array<number>(n).fill(exact);
  if (n > 10 && n < 20) {
    const tens = 20 - n;
    return [...Array<number>(tens).fill(10), ...Array<number>(n - tens).fill(5)];
  }
  return undefined;
}

// Each wrong option costs the smallest listed grade ≥ 100 / wrong, so ticking every option
// scores 0 (Moodle floors a question at 0) and guessing "all" never pays.
export function wrongPenalty(wrong: number): number {
  if (wrong < 1) return 0;
  const share = 100 / wrong;
  // listed grades are rounded to 5 decimals: 33.33333 is the share of 3
  const fit = [...moodleGrades].reverse().find((g) => g > 0 && g >= share - 1e-4);
  return -(fit ?? 100);
}

export interface Weights {
  /** One percentage per option, in option order. */
  weights: number[];
  /** Multiple answers (Moodle `single` = 0). */
  multiple: boolean;
}

/** Weights for a question, or undefined when Moodle's grade list cannot express its key. */
export function answerWeights(q: Pick<Question, 'type' | 'key' | 'options'>): Weights | undefined {
  const multiple = q.type === 'multiple' || q.key.length > 1;
  if (!multiple) {
    const k = q.key.length === 1 ? q.key[0] : -1;
    const weights: number[] = [];
    for (let i = 0; i < q.options.length; i++) weights.push(i === k ? 100 : 0);
    return { weights, multiple };
  }
  const correct = new Set(q.key);
  const split = positiveSplit(correct.size);
  if (!split) return undefined;
  const penalty = wrongPenalty(q.options.length - correct.size);
  let k = 0;
  return { weights: q.options.map((_, i) => (correct.has(i) ? split[k++]! : penalty)), multiple };
}

/** Moodle's own spelling of a grade: 33.33333, 12.5, -100. */
export function formatWeight(w: number): string {
  // most weights and points are whole numbers, which toFixed would only pad and strip again
  return Number.isInteger(w) ? String(w) : String(Number(w.toFixed(5)));
}
