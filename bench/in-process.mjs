// Shared by the in-process timing scripts (rule-times.mjs, emit-times.mjs).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** import() of a module of a compiled lib folder, by its path inside it ('lint/index.js'). */
export const libImporter = (libDir) => (p) => import(pathToFileURL(path.join(path.resolve(libDir), p)).href);

// CPU time, not wall time: the benchmark machine is shared, and this is single-threaded work
// (GC helper threads included, which is fair: they are part of the cost).
export const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms since t0 (from now()), to 0.1 ms. */
export const ms = (t0) => Math.round((now() - t0) * 10) / 10;
