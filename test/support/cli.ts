// Run the CLI in-process against a temp project folder.
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    cwd,
    env: { NO_COLOR: '1', ...env },
  });
  return { code, stdout, stderr };
}

/** A temp project: files maps relative paths to contents; `copy` maps relative targets to source paths. */
export function tempProject(files: Record<string, string | Uint8Array> = {}, copy: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qbank-test-'));
  for (const [rel, from] of Object.entries(copy)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    cpSync(from, path.join(dir, rel), { recursive: true });
  }
  for (const [rel, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), contents);
  }
  return dir;
}
