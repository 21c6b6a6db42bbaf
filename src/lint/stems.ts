// near-duplicate's search on its own (no IR, no rule machinery), so a worker thread can run it
// on nothing but the stems: for each stem, its most similar earlier stem at or above the
// threshold (word-set Jaccard, see similar-sets.ts).
import { similarEarlier, type Match } from './similar-sets.js';
import { WordSetBuilder } from './word-sets.js';

export interface StemMatchOptions {
  threshold: number;
  minWords: number;
}

export function stemMatches(stems: readonly string[], options: StemMatchOptions): Match[] {
  const words = new WordSetBuilder();
  for (const s of stems) words.add(s, options.minWords);
  return similarEarlier(words.sets(), { threshold: options.threshold });
}
