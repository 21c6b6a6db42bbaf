// bin/qbank.js run with a CommonJS file preloaded (`node -r`) that reports on stderr what the
// process did (which modules it loaded): the bundle tests check start-up promises this way.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './validators.js';

export const bin = path.join(repoRoot, 'bin/qbank.js');
export const bundleDir = path.join(repoRoot, 'lib/bundle');
export const bundled = existsSync(path.join(bundleDir, 'qbank.js'));

/** Writes the hook to `hookFile` and returns a runner of the CLI with it preloaded. */
export function preloadedCli(hookFile: string, hookSource: string) {
  writeFileSync(hookFile, hookSource);
  return (args: string[], cwd: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['-r', hookFile, bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
}
