// A one-line progress display on stderr for builds that take a while (PDF rendering, very
// large banks). Only on a TTY, never in CI, never with --quiet, and only once the build has
// run for more than a second: short builds print nothing extra, logs stay clean.
import type { Io } from './io.js';

export interface Progress {
  /** Start a step; `done`/`total` draw a bar. */
  step(label: string, done?: number, total?: number): void;
  /** Clear the line (call before printing anything else, and at the end). */
  clear(): void;
  /** Stop redrawing and clear. */
  end(): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  delayMs?: number; // default 1000
  now?: () => number; // for tests
}

const silent: Progress = { step() {}, clear() {}, end() {} };
const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function progressEnabled(stream: Io['stderr'], env: Io['env'], quiet?: boolean): boolean {
  if (quiet || stream.isTTY !== true) return false;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return false;
  return env.TERM !== 'dumb';
}

export function createProgress(stream: Io['stderr'], env: Io['env'], opts: ProgressOptions = {}): Progress {
  if (!progressEnabled(stream, env, opts.quiet)) return silent;
  const now = opts.now ?? (() => performance.now());
  const delay = opts.delayMs ?? 1000;
  const start = now();
  let label = '';
  let done: number | undefined;
  let total: number | undefined;
  let frame = 0;
  let shown = false;

  const draw = () => {
    const elapsed = now() - start;
    if (elapsed < delay) return;
    frame = (frame + 1) % frames.length;
    let bar = '';
    if (done !== undefined && total) {
      const width = 20;
      const full = Math.round((Math.min(done, total) / total) * width);
      bar = ` [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${done}/${total}`;
    }
    stream.write(`\r\x1b[2K${frames[frame]} ${label}${bar} ${(elapsed / 1000).toFixed(1)}s`);
    shown = true;
  };
  // Redraws while the build awaits I/O; synchronous work redraws on step().
  const timer = setInterval(draw, 100);
  timer.unref?.();

  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    step(l, d, t) {
      label = l;
      done = d;
      total = t;
      draw();
    },
    clear,
    end() {
      clearInterval(timer);
      clear();
    },
  };
}
