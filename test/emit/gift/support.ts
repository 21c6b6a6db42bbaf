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
import { missing, repoRoot, run, validatorsDir } from '../../support/validators.js';

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

export const moodleDir = process.env.MOODLE_DIR;

/** Skip reason for Moodle's own importer: it needs MOODLE_DIR (a Moodle 4.x source tree) and php. */
export function moodleMissing(): string | undefined {
  if (!moodleDir) {
    console.warn('[skipped] Moodle importer round trip: set MOODLE_DIR to a Moodle 4.x source tree (e.g. 4.2.3) to run it');
    return 'MOODLE_DIR is not set';
  }
  return missing({ validators: true, commands: ['php', 'xmllint'] });
}

export interface MoodleImport {
  questions: { qtype: string; name?: string; category?: string; questiontext?: string; questiontextformat?: number; idnumber?: string; tags?: string[]; defaultmark?: number; single?: number; correctanswer?: number; feedbacktrue?: string; feedbackfalse?: string; generalfeedback?: string; answers?: { text: string; fraction: number; feedback: string }[] }[];
  errors: unknown[];
  warnings: unknown[];
}

/** Moodle's own importer (via ../shared/validators; .xml files after xmllint) on one file: exit code and what it read. */
export function moodleImport(file: string): { code: number; stderr: string; result: MoodleImport } {
  const script = file.endsWith('.xml') ? 'validate-moodle-xml.sh' : 'validate-gift-moodle.sh';
  const r = run(path.join(validatorsDir, script), [file], { env: { MOODLE_DIR: moodleDir! } });
  let result: MoodleImport;
  try {
    result = JSON.parse(r.stdout) as MoodleImport;
  } catch {
    throw new Error(`Moodle's importer gave no JSON for ${file} (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
  }
  return { code: r.code, stderr: r.stderr, result };
}

/** The exemplo bank with feedback on some questions (the text format has no syntax for it yet). */
export function withFeedback(project: Project): Project {
  const copy = structuredClone(project);
  const bank = copy.banks.find((b) => b.id === 'recursos/exemplo')!;
  const t = (markdown: string) => ({ markdown, span: bank.questions[0]!.stem.span });
  const [q1, , q3, q4] = bank.questions;
  q1!.feedback = { general: t('Brasília é a capital desde **1960** {#} ~'), correct: t('Isso!'), incorrect: t('Não: veja o #mapa'), options: [t('São Paulo é a maior = cidade'), null, null, t('[html] Salvador foi a primeira')] };
  q3!.feedback = { options: [null, null, t('Fax não é um canal digital'), null] };
  q4!.feedback = { general: t('Sempre ao final.'), options: [t('Certo: ao final'), t('Errado: é ao final')] };
  return copy;
}
