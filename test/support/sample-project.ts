// A fresh copy of the sample banks plus the attack corpus (images, every feature), as a project.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './validators.js';

export function sampleProject(dir: string): string {
  cpSync(path.join(repoRoot, 'sources'), path.join(dir, 'sources'), { recursive: true });
  cpSync(path.join(repoRoot, 'test/fixtures/attack'), path.join(dir, 'sources/ataque'), { recursive: true });
  return dir;
}
