// Shared by the GIFT and Moodle XML tests: load real banks (the samples and the hostile
// fixture) through the real loader, emit a target, and write its files where the validators
// can read them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject } from '../../../src/pipeline/load.js';
import { collectAssets } from '../../../src/pipeline/assets.js';
import { contentsToString, type Emitter, type EmittedFile } from '../../../src/emit/emitter.js';
import { createTemplateSet } from '../../../src/emit/templates.js';
import type { Project } from '../../../src/ir/schema.js';
import { repoRoot } from '../../support/validators.js';

export const hostileBank = 'test/fixtures/emit-hostile/hostil.txt';
export const sampleBanks = ['sources/atendimento.txt', 'sources/recursos/exemplo.txt'];

export async function loadBanks(inputs: string[]): Promise<{ project: Project; asset: ReturnType<typeof collectAssets>['lookup'] }> {
  const { project } = await loadProject({ cwd: repoRoot, inputs, sources: ['sources/**/*.txt'] });
  const { lookup } = collectAssets(project, repoRoot);
  return { project, asset: lookup };
}

export async function emitWith(emitter: Emitter, inputs: string[], templateDirs: string[] = []) {
  const { project, asset } = await loadBanks(inputs);
  const files = await emitter.emit(project, { templates: createTemplateSet(templateDirs), asset });
  return { project, files, asset };
}

/** Writes emitted files into a fresh temp folder; returns their paths by emitted path. */
export function writeTemp(files: EmittedFile[]): Map<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-moodle-'));
  const out = new Map<string, string>();
  for (const f of files) {
    const p = path.join(dir, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, contentsToString(f.contents));
    out.set(f.path, p);
  }
  return out;
}
