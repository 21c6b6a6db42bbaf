// What the CLI may touch: passed in, so tests run main() in-process.
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

export function useColor(stream: Io['stdout'], env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** QBANK_THREAD_LOG=1: says which thread ran which rules (the tests check that the worker really ran). */
export function logThreads(io: Io, offloaded: { ruleIds: string[]; ran: boolean } | undefined): void {
  if (offloaded && io.env.QBANK_THREAD_LOG) io.stderr.write(`qbank: ${offloaded.ran ? 'a second thread ran' : 'the second thread failed; this one ran'} ${offloaded.ruleIds.join(', ')}\n`);
}
