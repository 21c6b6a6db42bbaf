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
import { reportNegative } from './rules/negative-stem.js';
import type { Match } from './similar-sets.js';

export interface StemJob {
  stems: string[];
  /** Each bank's language and number of questions, in order (negative-stem's words depend on it). */
  banks: { lang: string; questions: number }[];
  nearDuplicate?: NearDuplicateOptions;
  negativeStem: boolean;
}

export interface StemResult {
  nearDuplicates?: Match[];
  /** [question index, index in the stem, word] of each stem with a negative word to emphasise */
  negativeStems?: [number, number, string][];
}

const workerUrl = new URL('./lint-worker.js', import.meta.url);

// the worker holds the stems (one-byte strings, ~1/3 of the source) and their word sets
const WORKER_BYTES_PER_SOURCE_BYTE = 3;

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
      if (found.nearDuplicates) {
        const list: Report[] = [];
        reportNearDuplicates(questions, found.nearDuplicates, (r) => list.push(r));
        out.set('near-duplicate', list);
      }
      if (found.negativeStems) {
        const list: Report[] = [];
        for (const [i, index, word] of found.negativeStems) reportNegative(questions[i]!, { index, word }, (r) => list.push(r));
        out.set('negative-stem', list);
      }
      questions = [];
      return out;
    },
    () => undefined,
  );
  return {
    ruleIds,
    send(project) {
      for (const b of project.banks) for (const q of b.questions) questions.push(q);
      worker.send({
        stems: questions.map((q) => q.stem.markdown),
        banks: project.banks.map((b) => ({ lang: b.lang, questions: b.questions.length })),
        ...(rules.nearDuplicate ? { nearDuplicate: rules.nearDuplicate } : {}),
        negativeStem: rules.negativeStem,
      });
    },
    reports,
    stop: () => worker.stop(),
  };
}
