// The folder holding qbank's package.json and templates/. Found by walking up from this module,
// not by a fixed number of `..`: the same code runs from lib/<area>/ (compiled) and from
// lib/bundle/ (the CLI bundle), at different depths.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'qbank') return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`qbank's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export function packageJson(): { version: string; homepage?: string } {
  return JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string; homepage?: string };
}
