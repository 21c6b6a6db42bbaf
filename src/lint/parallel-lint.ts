// A big lint uses both cores: a worker thread reads and parses the same files and runs the
// costliest rules (WORKER_RULES) while the main thread runs the others; lintProject then
// takes the worker's reports as if its rules had run here (same config, suppressions,
// sorting), so the findings are the same as on one thread. Small banks stay on one thread.
import type { Config } from '../config/schema.js';
import type { Project } from '../ir/schema.js';
import { startWorker, useSecondThread } from '../pipeline/threads.js';
import type { Report } from './define-rule.js';

/**
 * The worker's share: near-duplicate is about half of a lint's rule time at 100k questions
 * (bench/rule-times.mjs), and neither rule needs the normalised options the main thread's rules
 * share (folding them in both threads would cost more than it saves).
 */
export const WORKER_RULES = ['near-duplicate', 'negative-stem'];

export interface LintJob {
  cwd: string;
  config: Config;
  inputs: string[];
  encoding?: Config['encoding'];
  targets: string[];
  ruleIds: string[];
}

export interface LintWorkerResult {
  reports: [string, Report[]][];
  digest: string;
}

/** What both threads must have read alike (a file edited between the two reads differs). */
export function sourceDigest(project: Project): string {
  return project.banks.map((b) => `${b.path}:${b.questions.map((q) => `${q.number}.${q.stem.markdown.length}.${q.options.length}`).join(',')}`).join('\n');
}

const workerUrl = new URL('./lint-worker.js', import.meta.url);

/** Whether a worker should take WORKER_RULES for this lint. */
export function shouldSplitLint(opts: { cwd: string; config: Config; inputs: string[]; env: NodeJS.ProcessEnv }): Promise<boolean> {
  return useSecondThread({ ...opts, worker: workerUrl });
}

/** Rules a worker thread is running, and its reports to come. */
export interface WorkerRules {
  ruleIds: readonly string[];
  /** Never rejects: a worker that fails gives undefined, and the main thread runs those rules itself. */
  result: Promise<LintWorkerResult | undefined>;
}

/** Starts the worker on WORKER_RULES. */
export function startLintWorker(job: Omit<LintJob, 'ruleIds'>): WorkerRules {
  return { ruleIds: WORKER_RULES, result: startWorker<LintJob, LintWorkerResult>(workerUrl, { ...job, ruleIds: WORKER_RULES }).result.catch(() => undefined) };
}
