// The second thread of a parallel lint (see parallel-lint.ts): the stem searches of
// near-duplicate and negative-stem over the stems the main thread sent. No parser, no IR.
import { markdownReady } from '../markdown/render.js';
import { serveWorker } from '../pipeline/threads.js';
import type { StemJob, StemResult } from './parallel-lint.js';
import { negativeStems } from './rules/negative-stem.js';
import { stemMatches } from './stems.js';

serveWorker(async (job: StemJob): Promise<StemResult> => {
  const out: StemResult = {};
  if (job.nearDuplicate) out.nearDuplicates = stemMatches(job.stems, job.nearDuplicate);
  if (job.negativeStem) {
    await markdownReady(); // emphasis is read from the Markdown
    out.negativeStems = negativeStems(job);
  }
  return out;
});
