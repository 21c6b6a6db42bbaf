// A big build uses both cores: a worker thread reads and parses the sources itself and emits
// part of the targets while the main thread lints and emits the rest, into one staging folder.
// Lint still decides: with errors the worker is stopped and nothing is written.
// Small banks (the usual case) stay on one thread: a worker costs ~0.1 s to start.
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Project } from '../ir/schema.js';
import { targets as registry } from '../emit/index.js';
import type { EmitOptions, EmittedFile } from '../emit/emitter.js';
import { markdownReady } from '../markdown/render.js';
import type { AssetLookup } from './assets.js';
import { useSecondThread } from './threads.js';

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
  idsDigest: string;
}

export interface EmitIntoOptions {
  cwd: string;
  targets: string[];
  asset?: AssetLookup;
  templateDirs?: string[];
  emitOptions?: Partial<EmitOptions>;
  onTarget?: (target: string, index: number, total: number) => void;
  /** Each target's self-check findings, as soon as it is checked. */
  onChecked?: (diagnostics: Diagnostic[]) => void;
}

/**
 * Emits, self-checks and writes each target in turn (one target's output in memory at a
 * time). Stops before writing a target whose self-check has an error; returns the number of
 * files written.
 */
export async function emitInto(project: Project, write: (f: EmittedFile) => Promise<void>, opts: EmitIntoOptions): Promise<number> {
  const { createTemplateSet } = await import('../emit/templates.js');
  await markdownReady();
  const templates = createTemplateSet([...(opts.templateDirs ?? []), `${opts.cwd}/templates`]);
  let files = 0;
  for (const [i, t] of opts.targets.entries()) {
    opts.onTarget?.(t, i, opts.targets.length);
    const emitter = await registry[t]!();
    const out = await emitter.emit(project, { templates, asset: opts.asset ?? (() => undefined), ...opts.emitOptions });
    const found = emitter.check ? emitter.check(out, project) : [];
    opts.onChecked?.(found);
    if (found.some((d) => d.severity === 'error')) return files;
    for (const f of out) await write(f);
    files += out.length;
  }
  return files;
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

/** What both threads must agree on: every question's id, in order (a file edited between the two reads changes it). */
export function idsDigest(project: { banks: { path: string; questions: { id: string }[] }[] }): string {
  return project.banks.map((b) => `${b.path}\n${b.questions.map((q) => q.id).join('\n')}`).join('\n\n');
}

export interface RunningWorker {
  result: Promise<WorkerResult>;
  stop(): Promise<void>;
}

export function startWorker(job: WorkerJob): RunningWorker {
  const worker = new Worker(workerUrl, { workerData: job });
  let settled = false;
  const result = new Promise<WorkerResult>((resolve, reject) => {
    worker.once('message', (m: { ok: true; result: WorkerResult } | { ok: false; message: string; name: string; stack?: string }) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(Object.assign(new Error(m.message), { name: m.name, stack: m.stack }));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The build's worker thread stopped (exit code ${code})`));
    });
  });
  result.catch(() => undefined); // awaited by the caller, or abandoned by stop()
  return {
    result,
    async stop() {
      settled = true;
      await worker.terminate();
    },
  };
}
