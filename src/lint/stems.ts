// What the stem-only searches (near-duplicate, negative-stem) read of a project: every stem in
// project order, and each bank's language and size. Plain data, so a worker thread can take it
// (parallel-lint.ts); the rules map what the searches find back to questions by index.
import type { Project, Question } from '../ir/schema.js';
import { similarEarlier, type Match } from './similar-sets.js';
import { WordSetBuilder } from './word-sets.js';

export interface Stems {
  stems: string[];
  banks: { lang: string; questions: number }[];
}

/** The project's stems, and its questions in the same order. */
export function stemsOf(project: Project): Stems & { questions: Question[] } {
  const questions: Question[] = [];
  for (const b of project.banks) for (const q of b.questions) questions.push(q);
  return { questions, stems: questions.map((q) => q.stem.markdown), banks: project.banks.map((b) => ({ lang: b.lang, questions: b.questions.length })) };
}

export interface StemMatchOptions {
  threshold: number;
  minWords: number;
}

/** near-duplicate's search: for each stem, its most similar earlier stem at or above the threshold (word-set Jaccard, similar-sets.ts). */
export function stemMatches(stems: readonly string[], options: StemMatchOptions): Match[] {
  const words = new WordSetBuilder();
  for (const s of stems) words.add(s, options.minWords);
  return similarEarlier(words.sets(), { threshold: options.threshold });
}
