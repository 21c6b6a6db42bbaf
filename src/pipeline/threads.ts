// Whether a build or lint should use a second thread (pipeline/parallel.ts, lint/parallel-lint.ts).
// The second thread parses the bank again, so it pays only for big banks, and it doubles the
// memory, so it is skipped when the machine could not hold two copies comfortably.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/schema.js';
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
  // forced (QBANK_THREADS=2) or not, two copies must fit in free memory and in half the machine
  // (a million questions on one thread already take a few GB: no second copy there)
  return 2 * MEMORY_PER_SOURCE_BYTE * bytes < Math.min(os.freemem(), os.totalmem() / 2);
}
