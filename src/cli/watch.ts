// qbank build --watch: build, then rebuild whenever something under the project folder changes
// (banks, keys, images, config, templates). Saves come in bursts (editors write temp files,
// then rename), so rebuilds are debounced; a change during a build queues one more build.
// After the first build only the difference in findings is printed: new ones in full, fixed
// ones as one line each, then the totals.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { loadConfig } from '../config/load-config.js';
import type { Diagnostic } from '../ir/diagnostic.js';
import { LOCK_FILE } from '../ids/lock-file.js';
import { UsageError } from '../pipeline/errors.js';
import { formatText, summarize } from '../report/text.js';
import { runBuild, type BuildFlags, type ShowDiagnostics } from './build.js';
import type { Io } from './io.js';

export interface WatchOptions {
  signal?: AbortSignal; // stops watching; without one, Ctrl-C (SIGINT) does
  debounceMs?: number; // default 200
}

// Line numbers move when text above a finding is edited; the finding is still the same one.
const identity = (d: Diagnostic) => `${d.file}\u0000${d.ruleId}\u0000${d.questionId ?? ''}\u0000${d.message}`;

export function diffDiagnostics(before: Diagnostic[], after: Diagnostic[]): { added: Diagnostic[]; fixed: Diagnostic[] } {
  const count = new Map<string, number>();
  for (const d of before) count.set(identity(d), (count.get(identity(d)) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const d of after) {
    const k = identity(d);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else added.push(d);
  }
  const left = new Map<string, number>();
  for (const d of after) left.set(identity(d), (left.get(identity(d)) ?? 0) + 1);
  const fixed: Diagnostic[] = [];
  for (const d of before) {
    const k = identity(d);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else fixed.push(d);
  }
  return { added, fixed };
}

export async function watchBuild(inputs: string[], o: BuildFlags, io: Io, opts: WatchOptions = {}): Promise<number> {
  const { root } = loadConfig(io.cwd, o.config);
  let previous: Diagnostic[] | undefined;
  const show: ShowDiagnostics = (all, shown, color) => {
    const before = previous;
    previous = shown;
    if (!before) return formatText(shown, { color });
    const { added, fixed } = diffDiagnostics(before, shown);
    if (!added.length && !fixed.length) return '';
    const c = pc.createColors(color);
    let out = added.length ? formatText(added, { color }).replace(/[^\n]*\n$/, '') : '';
    for (const d of fixed) out += `${c.green('fixed')}  ${d.file}:${d.line}:${d.column}  ${d.message}  ${c.dim(d.ruleId)}\n`;
    const s = summarize(all);
    out += `qbank: ${added.length} new, ${fixed.length} fixed; now ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}\n`;
    return out;
  };

  const build = async () => {
    try {
      await runBuild(inputs, { ...o, watch: false }, io, show);
    } catch (e) {
      // a bad config or a vanished folder must not end the session: report and keep watching
      io.stderr.write(`qbank: ${e instanceof UsageError ? e.message : (e as Error).message || String(e)}\n`);
    }
  };

  await build();

  const ignored = (rel: string): boolean => {
    const parts = rel.split(/[\\/]/);
    if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return true; // .git, temp dirs/files
    if (rel === LOCK_FILE) return true;
    let outRel: string;
    try {
      const { config, root: r } = loadConfig(io.cwd, o.config);
      outRel = path.relative(root, path.resolve(io.cwd, o.out ?? (config.out ? path.join(r, config.out) : 'dist')));
    } catch {
      outRel = 'dist';
    }
    const norm = parts.join('/');
    const out = outRel.split(path.sep).join('/');
    return norm === out || norm.startsWith(out + '/');
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(root, { recursive: true });
  } catch (e) {
    throw new UsageError(`Cannot watch ${root}: ${(e as Error).message}`);
  }
  if (!o.quiet) io.stderr.write(`qbank: watching ${path.relative(io.cwd, root) || '.'} for changes (Ctrl-C stops)\n`);

  const ac = new AbortController();
  const signal = opts.signal ?? ac.signal;
  const onSigint = () => ac.abort();
  if (!opts.signal) process.once('SIGINT', onSigint);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = build().finally(() => {
      running = undefined;
      if (again && !signal.aborted) {
        again = false;
        rebuild();
      }
    });
  };
  watcher.on('change', (_event, filename) => {
    const rel = filename ? filename.toString() : '';
    if (rel && ignored(rel)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(rebuild, opts.debounceMs ?? 200);
  });
  watcher.on('error', (e) => io.stderr.write(`qbank: watching stopped working: ${e.message}\n`));

  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  watcher.close();
  if (timer) clearTimeout(timer);
  process.off('SIGINT', onSigint);
  await running;
  return 0;
}
