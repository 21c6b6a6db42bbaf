// The second thread of a parallel lint (see parallel-lint.ts): near-duplicate's search over
// the stems the main thread sent. It loads only the search (no parser, rules or zod).
import { serveWorker } from '../pipeline/threads.js';
import type { StemJob } from './parallel-lint.js';
import { stemMatches } from './stem-matches.js';

serveWorker(async (job: StemJob) => stemMatches(job.stems, job.options));
