// The second thread of a parallel lint (see parallel-lint.ts): the stem searches of
// near-duplicate and negative-stem over the stems the main thread sent. No parser, no IR.
import { markdownReady } from '../markdown/render.js';
import { serveWorker } from '../pipeline/threads.js';
import type { StemJob, StemResult } from './parallel-lint.js';
import { negativeWord, weakFor } from './rules/negative-stem.js';
import { stemMatches } from './stem-matches.js';

serveWorker(async (job: StemJob): Promise<StemResult> => {
  const out: StemResult = {};
  if (job.nearDuplicate) out.nearDuplicates = stemMatches(job.stems, job.nearDuplicate);
  if (job.negativeStem) {
    await markdownReady(); // emphasis is read from the Markdown
    const found: [number, number, string][] = [];
    let i = 0;
    for (const bank of job.banks) {
      const weak = weakFor(bank.lang);
      for (const end = i + bank.questions; i < end; i++) {
        const hit = negativeWord(job.stems[i]!, weak);
        if (hit) found.push([i, hit.index, hit.word]);
      }
    }
    out.negativeStems = found;
  }
  return out;
});
