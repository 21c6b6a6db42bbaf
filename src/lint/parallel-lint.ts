// A big lint uses both cores: once the main thread has parsed the bank, a worker thread gets
// every stem (one string each: about a third of the source) and runs near-duplicate's search,
// the costliest rule (about a third of a lint at 100k questions, bench/rule-times.mjs), while
// the main thread runs the other rules. The matches come back as question indexes and scores;
// the main thread turns them into reports with the rule's own code, so config, suppressions,
// ids and sorting are exactly those of a one-thread lint. The worker never parses: an IR copy
// would cost more to send than the search saves, and parsing twice cost both threads ~0.5 s.
import type { Config } from '../config/schema.js';
import type { Project, Question } from '../ir/schema.js';
import { startWorker, useSecondThread } from '../pipeline/threads.js';
import type { Report } from './define-rule.js';
import { reportNearDuplicates, type NearDuplicateOptions } from './rules/near-duplicate.js';
import type { Match } from './similar-sets.js';

export const WORKER_RULE = 'near-duplicate';

export interface StemJob {
  stems: string[];
  options: NearDuplicateOptions;
}

const workerUrl = new URL('./lint-worker.js', import.meta.url);

// the worker holds the stems (one-byte strings, ~1/3 of the source) and their word sets
const WORKER_BYTES_PER_SOURCE_BYTE = 3;

/** Whether a worker should search near-duplicates for this lint (a big bank, two cores, memory for it). */
export function shouldSplitLint(opts: { cwd: string; config: Config; inputs: string[]; env: NodeJS.ProcessEnv }): Promise<boolean> {
  return useSecondThread({ ...opts, worker: workerUrl, workerBytesPerSourceByte: WORKER_BYTES_PER_SOURCE_BYTE });
}

/** near-duplicate's reports to come from a worker, or undefined when the worker failed (the rule then runs here). */
export interface WorkerRule {
  ruleId: string;
  reports: Promise<Report[] | undefined>;
}

/** Starts the worker on the parsed project's stems (same order as the rule reads them). */
export function startNearDuplicateWorker(project: Project, options: NearDuplicateOptions): WorkerRule {
  const questions: Question[] = [];
  for (const b of project.banks) for (const q of b.questions) questions.push(q);
  const job: StemJob = { stems: questions.map((q) => q.stem.markdown), options };
  const matches = startWorker<StemJob, Match[]>(workerUrl, job).result;
  return {
    ruleId: WORKER_RULE,
    reports: matches.then(
      (found) => {
        const reports: Report[] = [];
        reportNearDuplicates(questions, found, (r) => reports.push(r));
        return reports;
      },
      () => undefined,
    ),
  };
}
