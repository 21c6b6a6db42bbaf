// A big build uses both cores: a worker thread reads and parses the sources itself and emits
// part of the targets while the main thread lints and emits the rest, into one staging folder.
// The worker does not read the lock file: the main thread, which matches the lock anyway, sends
// it every question's id once they are given (matching ids costs as much as the parse, and the
// parsed lock is ~15 % of a thread's heap). Lint still decides: with errors the worker is
// stopped and nothing is written.
// Small banks (the usual case) stay on one thread: a worker costs ~0.1 s to start.
import type { Config } from '../config/schema.js';
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Project, Span } from '../ir/schema.js';
import { questionCount } from '../ir/question-count.js';
import type { LockedIds } from '../ids/apply-lock.js';
import { questionHash } from '../ids/assign-ids.js';
import { textDigest } from '../ids/fingerprint.js';
import { UsageError } from './errors.js';
import { nodeV8, nodeVm } from '../util/builtins.js';
import { startWorker, useSecondThread } from './threads.js';

export interface WorkerJob {
  cwd: string;
  config: Config;
  inputs: string[];
  encoding?: Config['encoding'];
  targets: string[];
  templateDirs: string[];
  stagingDir: string;
}

/** The main thread's second message: every question's id, in project order. */
export interface WorkerIds {
  ids: string[];
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
 * What both threads must agree on: where each question is and its content hash (the one the
 * lock records). A file edited between the two reads changes a hash even where the number of
 * questions and their lengths stay the same.
 */
export function contentDigest(project: Project, hashes?: readonly string[]): string {
  const lines: string[] = [];
  for (const bank of project.banks) for (const q of bank.questions) lines.push(`${bank.path}\t${q.number}\t${hashes ? hashes[lines.length] : questionHash(q)}`);
  return textDigest(lines.join('\n'));
}

/** Every question's id, in project order (what the worker's questions are given). */
export function idsOf(project: Project): WorkerIds {
  const ids: string[] = [];
  for (const bank of project.banks) for (const q of bank.questions) ids.push(q.id);
  return { ids };
}

export interface EmitWorker {
  /** Sends the ids once the main thread has parsed the bank and given it its ids (before lint). */
  sendIds(project: Project, ids: LockedIds | undefined): void;
  /** The worker's files and self-check findings; a UsageError when it read another bank than this thread. */
  finish(): Promise<WorkerResult>;
  stop(): Promise<void>;
}

/** Starts the worker on its share of the targets; it parses meanwhile and waits for the ids. */
export function startEmitWorker(job: WorkerJob): EmitWorker {
  const worker = startWorker<WorkerJob | WorkerIds, WorkerResult>(workerUrl);
  worker.send(job);
  let sent: { project: Project; hashes: string[] | undefined } | undefined;
  return {
    sendIds(project, ids) {
      worker.send(idsOf(project));
      sent = { project, hashes: ids?.hashes }; // digested at the end: the worker waits for the ids, not for this
    },
    async finish() {
      if (!sent) throw new Error('Internal error: the build worker was never given the ids');
      const r = await worker.result;
      // Both threads read the files: one edited in between would give two different banks.
      if (r.contentDigest !== contentDigest(sent.project, sent.hashes)) throw new UsageError('The bank files changed during the build; nothing was written (run it again)');
      return r;
    },
    stop: () => worker.stop(),
  };
}

/** Whether a target's output shows the spans of texts and the key entries (json: the IR itself). */
export const readsEverySpan = (target: string): boolean => target === 'json';

/**
 * Drops what only lint and the JSON output read: the span of every text (emitters and their
 * self-checks place findings at the question's own span), the key entries (the key is
 * resolved into `key`) and the banks' comments. About a quarter of the IR's heap at 100k questions.
 */
export function dropUnread(project: Project): void {
  const noEntries: Project['banks'][number]['questions'][number]['keyEntries'] = [];
  for (const bank of project.banks) {
    bank.comments = [];
    for (const q of bank.questions) {
      const at: Span = q.span;
      q.stem.span = at;
      for (const o of q.options) o.text.span = at;
      const fb = q.feedback;
      if (fb) {
        if (fb.general) fb.general.span = at;
        if (fb.correct) fb.correct.span = at;
        if (fb.incorrect) fb.incorrect.span = at;
        if (fb.options) for (const t of fb.options) if (t) t.span = at;
      }
      q.keyEntries = noEntries;
    }
  }
}

/**
 * A full garbage collection, where a build knows that much of its heap just died (the parse's
 * or the lint's garbage). V8 lets a heap grow to about twice what was live at its last full
 * collection (four times early on) before the next one; at 100k questions each thread's last
 * one came during the parse, with the lock and lint state live, so each heap would grow by
 * 150-200 MB before another. Node has no call for it without --expose-gc; the flag set at run
 * time gives a fresh context its `gc`. Measured at 100k: peak RSS ~800 -> ~670 MB on two
 * threads, ~565 -> ~470 MB on one, no slower (a full collection of the ~200 MB left is ~0.1 s,
 * and scavenges are cheaper on a smaller heap).
 */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc; // node --expose-gc
  if (typeof exposed === 'function') return exposed();
  const v8 = nodeV8();
  try {
    v8.setFlagsFromString('--expose-gc');
    (nodeVm().runInNewContext('gc') as () => void)();
  } catch {
    // not available: the heap just grows as it would have
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

// ~5,000 questions: below, a heap never grows enough for a collection to matter
const COLLECT_FROM_QUESTIONS = 5_000;

/** Before a big build emits: the lint's garbage and its findings are dead (collectGarbage). */
export function collectAfterLint(project: Project): void {
  if (questionCount(project) >= COLLECT_FROM_QUESTIONS) collectGarbage();
}
