// The folder holding qbank's package.json and templates/. Found by walking up from this module,
// not by a fixed number of `..`: the same code runs from lib/<area>/ (compiled) and from
// lib/bundle/ (the CLI bundle), at different depths.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name?: string;
  version: string;
  homepage?: string;
}

// the package.json found by packageRoot, read once
let found: { root: string; pkg: PackageJson } | undefined;

function find(): { root: string; pkg: PackageJson } {
  if (found) return found;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      if (pkg.name === 'qbank') return (found = { root: dir, pkg });
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`qbank's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export function packageRoot(): string {
  return find().root;
}

export function packageJson(): { version: string; homepage?: string } {
  return find().pkg;
}
