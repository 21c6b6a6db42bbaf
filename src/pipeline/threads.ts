// Whether a build or lint should use a second thread (pipeline/parallel.ts, lint/parallel-lint.ts).
// The second thread parses the bank again, so it pays only for big banks, and it doubles the
// memory, so it is skipped when the machine could not hold two copies comfortably.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/schema.js';
import { nodeWorkerThreads } from '../util/builtins.js';
import { findBankFiles } from './load.js';

// ~400 bytes a question: below about 5,000 questions one thread is faster
const FROM_BYTES = 2_000_000;
// a thread's peak memory is about 15-25× the source size (measured at 100k and 1M questions)
const MEMORY_PER_SOURCE_BYTE = 25;

export interface ThreadQuestion {
  cwd: string;
  config: Config;
  inputs: string[];
  env: NodeJS.ProcessEnv;
  /** The worker's compiled entry point; absent under a TypeScript runner (the tests). */
  worker: URL;
  /** The worker's peak memory per source byte: a whole second copy of the bank unless said. */
  workerBytesPerSourceByte?: number;
}

export async function useSecondThread(q: ThreadQuestion): Promise<boolean> {
  const threads = q.env.QBANK_THREADS === undefined ? undefined : Number(q.env.QBANK_THREADS);
  if (threads !== undefined ? threads < 2 : os.availableParallelism() < 2) return false;
  if (q.worker.protocol !== 'file:' || !existsSync(fileURLToPath(q.worker))) return false;
  const from = q.env.QBANK_PARALLEL_FROM_BYTES === undefined ? FROM_BYTES : Number(q.env.QBANK_PARALLEL_FROM_BYTES);
  let bytes = 0;
  try {
    for (const f of await findBankFiles({ cwd: q.cwd, inputs: q.inputs, sources: q.config.sources, ignore: q.config.ignore })) bytes += (await stat(f)).size;
  } catch {
    return false; // the main thread's load reports it
  }
  if (bytes < from) return false;
  return secondCopyFits(bytes, os.freemem(), os.totalmem(), q.workerBytesPerSourceByte);
}

/**
 * Forced (QBANK_THREADS=2) or not, the bank and what the worker holds must fit in free memory
 * and in half the machine (a million questions on one thread already take a few GB: no second
 * copy of them there).
 */
export function secondCopyFits(sourceBytes: number, freeBytes: number, totalBytes: number, workerPerByte = MEMORY_PER_SOURCE_BYTE): boolean {
  return (MEMORY_PER_SOURCE_BYTE + workerPerByte) * sourceBytes < Math.min(freeBytes, totalBytes / 2);
}

// The one message a worker sends: its result, or its error.
type Reply<R> = { ok: true; result: R } | { ok: false; message: string; name: string; stack?: string };

export interface RunningWorker<J, R> {
  /**
   * The first message is the worker's job; any later one goes to the running job (serveWorker's
   * `next`). A job that needs the parsed bank (the lint's stems) is sent as soon as it is parsed:
   * the thread has started and loaded its code meanwhile (~0.1 s).
   */
  send(message: J): void;
  /** Rejects with the worker's own error (name, message, stack), or when it stops without replying. */
  result: Promise<R>;
  /** Ends the worker (it may still be waiting for its job); a result still to come rejects. */
  stop(): Promise<void>;
}

export function startWorker<J, R>(url: URL): RunningWorker<J, R> {
  const { Worker } = nodeWorkerThreads();
  const worker = new Worker(url, { workerData: { waitsForJob: true } });
  let settled = false;
  let fail: (e: Error) => void = () => undefined;
  const result = new Promise<R>((resolve, reject) => {
    fail = reject;
    worker.once('message', (m: Reply<R>) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(Object.assign(new Error(m.message), { name: m.name, stack: m.stack }));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`A worker thread stopped (exit code ${code})`));
    });
  });
  result.catch(() => undefined); // awaited by the caller, or abandoned by stop()
  return {
    // synchronous: a promise callback would post it only after the caller's next long task
    send: (message) => worker.postMessage(message),
    result,
    async stop() {
      if (!settled) fail(new Error('The worker thread was stopped'));
      settled = true;
      await worker.terminate();
    },
  };
}

/** A running job's way to its later messages, in the order they were sent. */
export interface LaterMessages {
  /** The next message (it may have come already). */
  next<M>(): Promise<M>;
}

/**
 * The worker side: run the job given to this thread and reply once (does nothing on the main
 * thread). Messages after the job are kept from the moment it arrives, so one that comes while
 * the job is still busy (a parallel build's ids, during its parse) is not lost.
 */
export function serveWorker<J, R>(run: (job: J, later: LaterMessages) => Promise<R>): void {
  const { parentPort, workerData } = nodeWorkerThreads();
  if (!parentPort || !(workerData as { waitsForJob?: boolean } | undefined)?.waitsForJob) return;
  const port = parentPort;
  port.once('message', (job: J) => {
    const arrived: unknown[] = [];
    const waiting: ((m: unknown) => void)[] = [];
    const keep = (m: unknown) => (waiting.length ? waiting.shift()!(m) : arrived.push(m));
    port.on('message', keep);
    const later: LaterMessages = {
      next: <M>() => new Promise<M>((resolve) => (arrived.length ? resolve(arrived.shift() as M) : waiting.push(resolve as (m: unknown) => void))),
    };
    run(job, later)
      .finally(() => port.off('message', keep))
      .then(
        (result) => port.postMessage({ ok: true, result } satisfies Reply<R>),
        (e: unknown) => port.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error', stack: e instanceof Error ? e.stack : undefined } satisfies Reply<R>),
      );
  });
}
