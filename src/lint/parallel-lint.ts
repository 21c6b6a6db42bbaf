// A big lint uses both cores: once the main thread has parsed the bank, a worker thread gets
// every stem (one string each: about a third of the source) and runs the searches of the rules
// that read nothing but the stem: near-duplicate (the costliest rule, about a third of a lint at
// 100k questions, bench/rule-times.mjs) and negative-stem, while the main thread runs the other
// rules. What the searches find comes back as question indexes, scores and word positions; the
// main thread turns it into reports with the rules' own code, so config, suppressions, ids and
// sorting are exactly those of a one-thread lint. The worker never parses: an IR copy would cost
// more to send than the searches save, and parsing twice cost both threads ~0.5 s.
import type { Config } from '../config/schema.js';
import type { Project, Question } from '../ir/schema.js';
import { startWorker, useSecondThread } from '../pipeline/threads.js';
import type { Report } from './define-rule.js';
import { reportNearDuplicates, type NearDuplicateOptions } from './rules/near-duplicate.js';
import { reportNegativeStems, type NegativeHit } from './rules/negative-stem.js';
import type { Match } from './similar-sets.js';
import { stemsOf, type Stems } from './stems.js';

export interface StemJob extends Stems {
  nearDuplicate?: NearDuplicateOptions;
  negativeStem: boolean;
}

export interface StemResult {
  nearDuplicates?: Match[];
  negativeStems?: NegativeHit[];
}

const workerUrl = new URL('./lint-worker.js', import.meta.url);

// the worker holds the stems (one-byte strings, ~1/3 of the source) and their word sets
export const WORKER_BYTES_PER_SOURCE_BYTE = 3;

/** Whether a worker should run the stem searches for this lint (a big bank, two cores, memory for it). */
export function shouldSplitLint(opts: { cwd: string; config: Config; inputs: string[]; env: NodeJS.ProcessEnv }): Promise<boolean> {
  return useSecondThread({ ...opts, worker: workerUrl, workerBytesPerSourceByte: WORKER_BYTES_PER_SOURCE_BYTE });
}

/** A worker for the stem searches: send it the parsed project; its reports by rule id come back, or undefined when it failed (the rules then run here). */
export interface StemWorker {
  ruleIds: string[];
  send(project: Project): void;
  reports: Promise<Map<string, Report[]> | undefined>;
  stop(): Promise<void>;
}

/** Starts the worker now: it loads its code while this thread parses. */
export function startStemWorker(rules: { nearDuplicate?: NearDuplicateOptions; negativeStem: boolean }): StemWorker {
  const worker = startWorker<StemJob, StemResult>(workerUrl);
  let questions: Question[] = [];
  const ruleIds = [...(rules.nearDuplicate ? ['near-duplicate'] : []), ...(rules.negativeStem ? ['negative-stem'] : [])];
  const reports = worker.result.then(
    (found) => {
      const out = new Map<string, Report[]>();
      const collect = (id: string, make: (report: (r: Report) => void) => void) => {
        const list: Report[] = [];
        make((r) => list.push(r));
        out.set(id, list);
      };
      if (found.nearDuplicates) collect('near-duplicate', (report) => reportNearDuplicates(questions, found.nearDuplicates!, report));
      if (found.negativeStems) collect('negative-stem', (report) => reportNegativeStems(questions, found.negativeStems!, report));
      questions = [];
      return out;
    },
    () => undefined,
  );
  return {
    ruleIds,
    send(project) {
      const { questions: all, ...stems } = stemsOf(project);
      questions = all;
      worker.send({ ...stems, ...(rules.nearDuplicate ? { nearDuplicate: rules.nearDuplicate } : {}), negativeStem: rules.negativeStem });
    },
    reports,
    stop: () => worker.stop(),
  };
}
