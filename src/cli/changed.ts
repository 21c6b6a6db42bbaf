// lint --changed: the files that differ from a git ref (committed since the merge base, staged,
// unstaged, or new and untracked), as paths relative to the working folder.
import path from 'node:path';
import { UsageError } from '../pipeline/errors.js';
import { nodeChildProcess } from '../util/builtins.js';

function git(cwd: string, args: string[]): string {
  const { execFileSync } = nodeChildProcess();
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: string; code?: string; message: string };
    if (err.code === 'ENOENT') throw new UsageError('--changed needs git, which is not installed');
    throw new UsageError(`--changed: git ${args[0]} failed: ${(err.stderr || err.message).trim().split('\n')[0]}`);
  }
}

/** Default base: the pull request's base branch on GitHub Actions, else HEAD (uncommitted work). */
export function defaultBase(env: Record<string, string | undefined>): string {
  return env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : 'HEAD';
}

export function changedFiles(cwd: string, base: string): Set<string> {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const mergeBase = git(cwd, ['merge-base', base, 'HEAD']).trim();
  const list = (out: string) => out.split('\0').filter(Boolean);
  const files = [
    ...list(git(cwd, ['diff', '--name-only', '-z', '--no-renames', mergeBase, '--'])),
    ...list(git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name'])),
  ];
  const out = new Set<string>();
  for (const f of files) out.add(path.relative(cwd, path.join(top, f)).split(path.sep).join('/'));
  return out;
}
