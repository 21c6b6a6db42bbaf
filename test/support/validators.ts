// The independent validators live outside this repo (../shared/validators, or QBANK_VALIDATORS).
// On a user's machine without them a test is skipped with a message; in CI (CI=true) a missing
// validator is a failure, never a silent skip.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const validatorsDir = path.resolve(repoRoot, process.env.QBANK_VALIDATORS ?? '../shared/validators');
export const inCI = !!process.env.CI && process.env.CI !== 'false';

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Returns a reason to skip, or undefined when everything named is available. Throws in CI. */
export function missing(what: { validators?: boolean; commands?: string[] }): string | undefined {
  const reasons: string[] = [];
  let external = false;
  if (what.validators && !existsSync(path.join(validatorsDir, 'README.md'))) {
    reasons.push(`validators not found at ${validatorsDir} (set QBANK_VALIDATORS)`);
    external = true;
  }
  for (const c of what.commands ?? []) if (!hasCommand(c)) reasons.push(`${c} is not installed`);
  if (reasons.length === 0) return undefined;
  const msg = reasons.join('; ');
  // Tools .ci/run installs must be there in CI. The validators folder is not ours to install:
  // .ci/run looks for it and sets QBANK_VALIDATORS_ABSENT=1 (with a loud notice) when the
  // machine has none, so those checks are reported as skipped rather than failing the run.
  const tolerated = external && process.env.QBANK_VALIDATORS_ABSENT === '1' && reasons.length === 1;
  if (inCI && !tolerated) throw new Error(`CI must run this check but ${msg}`);
  console.warn(`[skipped] ${msg}`);
  return msg;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts, env: { ...process.env, ...opts.env } });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

