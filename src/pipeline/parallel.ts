// A big build uses both cores: a worker thread reads and parses the sources itself and emits
// part of the targets while the main thread lints and emits the rest, into one staging folder.
// Lint still decides: with errors the worker is stopped and nothing is written.
// Small banks (the usual case) stay on one thread: a worker costs ~0.1 s to start.
import type { Config } from '../config/schema.js';
import type { Diagnostic } from '../ir/diagnostic.js';
import type { LockedIds } from '../ids/apply-lock.js';
import { startWorker, useSecondThread, type RunningWorker } from './threads.js';

export interface WorkerJob {
  cwd: string;
  config: Config;
  inputs: string[];
  encoding?: Config['encoding'];
  idsRoot: string;
  partial: boolean;
  targets: string[];
  templateDirs: string[];
  stagingDir: string;
}

export interface WorkerResult {
  files: number;
  diagnostics: Diagnostic[];
  contentDigest: string;
}

// Relative cost of each target's emit + self-check (bench/emit-times.mjs at 100k questions);
// the main thread also lints, which costs about as much as LINT.
const COST: Record<string, number> = { json: 1, gift: 1.5, 'moodle-xml': 3, qti21: 4, canvas: 4, html: 2 };
const LINT = 3;

const workerUrl = new URL('./emit-worker.js', import.meta.url);

export interface Split {
  main: string[];
  worker: string[];
}

/** Which targets the worker takes, or undefined to build on one thread. */
export async function planSplit(opts: { cwd: string; config: Config; inputs: string[]; targets: string[]; env: NodeJS.ProcessEnv }): Promise<Split | undefined> {
  if (opts.targets.length < 2 || !(await useSecondThread({ ...opts, worker: workerUrl }))) return undefined;
  // longest first onto the lighter thread; the main thread starts with the lint
  const split: Split = { main: [], worker: [] };
  let mainLoad = LINT;
  let workerLoad = 0;
  for (const t of [...opts.targets].sort((a, b) => (COST[b] ?? 2) - (COST[a] ?? 2) || (a < b ? -1 : 1))) {
    if (workerLoad <= mainLoad) {
      split.worker.push(t);
      workerLoad += COST[t] ?? 2;
    } else {
      split.main.push(t);
      mainLoad += COST[t] ?? 2;
    }
  }
  // keep the user's order within each thread (progress and outputs read naturally)
  split.main = opts.targets.filter((t) => split.main.includes(t));
  split.worker = opts.targets.filter((t) => split.worker.includes(t));
  return split;
}

/**
 * What both threads must agree on: every question's id and content hash, as the lock file
 * records them after this build (both threads compute them anyway). A file edited between the
 * two reads changes a hash even where ids and lengths stay the same.
 */
export function contentDigest(ids: LockedIds | undefined): string {
  return ids ? ids.lock.entries.map((e) => `${e.file}:${e.number} ${e.id} ${e.hash}`).join('\n') : '';
}

/** Starts the worker on its share of the targets. */
export function startEmitWorker(job: WorkerJob): RunningWorker<WorkerJob, WorkerResult> {
  const worker = startWorker<WorkerJob, WorkerResult>(workerUrl);
  worker.send(job);
  return worker;
}
