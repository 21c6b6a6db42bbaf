// Node built-ins that many runs never use, loaded on first use rather than at start-up: each
// costs a few milliseconds to load (child_process brings net and dgram along), which a lint of
// a small bank would otherwise pay on every run. require() of a built-in is synchronous and,
// after the first call, a cache lookup.
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

export const nodeCrypto = (): typeof import('node:crypto') => requireHere('node:crypto') as typeof import('node:crypto');
export const nodeChildProcess = (): typeof import('node:child_process') => requireHere('node:child_process') as typeof import('node:child_process');
export const nodeWorkerThreads = (): typeof import('node:worker_threads') => requireHere('node:worker_threads') as typeof import('node:worker_threads');
export const nodeV8 = (): typeof import('node:v8') => requireHere('node:v8') as typeof import('node:v8');
export const nodeVm = (): typeof import('node:vm') => requireHere('node:vm') as typeof import('node:vm');
