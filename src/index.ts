// qbank as a library: the same pipeline the CLI runs, without the printing.
//
//   import { loadBank, lint, emit } from 'qbank';
//   const bank = await loadBank({ cwd: 'treinamento' });
//   const findings = lint(bank);
//   const { files } = await emit(bank, ['gift', 'moodle-xml']);
//
// Nothing here writes unless asked: write() replaces an output folder atomically and saveIds()
// updates qbank.lock.json, as `qbank build` does.
import path from 'node:path';
import { loadConfig } from './config/load-config.js';
import { ConfigSchema, type Config } from './config/schema.js';
import { targets as registry } from './emit/index.js';
import type { EmittedFile } from './emit/emitter.js';
import { saveLock, type LockedIds } from './ids/apply-lock.js';
import type { Diagnostic } from './ir/diagnostic.js';
import type { Bank, Project } from './ir/schema.js';
import { lintProject } from './lint/run-lint.js';
import { decodeSource } from './parse/decode.js';
import { parseKeyFile } from './parse/key-entries.js';
import { splitLines } from './parse/lines.js';
import { parseBank } from './parse/parse-bank.js';
import type { AssetLookup } from './pipeline/assets.js';
import { emitAll, loadSources, resolveTargets, writeOutput } from './pipeline/build.js';
import { UsageError } from './pipeline/errors.js';
import { computeStats, type BankStats } from './stats/stats.js';
import type { z } from 'zod';

export type { Bank, Comment, KeyEntry, Option, Project, Question, QuestionType, Span, Text } from './ir/schema.js';
export { BankSchema, ProjectSchema, QuestionSchema } from './ir/schema.js';
export type { Diagnostic, Severity } from './ir/diagnostic.js';
export type { Config } from './config/schema.js';
export { ConfigSchema } from './config/schema.js';
export type { Contents, EmittedFile, Emitter, EmitOptions } from './emit/emitter.js';
export { contentsToString } from './emit/emitter.js';
export type { Asset, AssetLookup } from './pipeline/assets.js';
export type { BankStats } from './stats/stats.js';
export type { IdMatch, IdReport } from './ids/assign-ids.js';
export type { LockedIds } from './ids/apply-lock.js';
export { MATCH_THRESHOLD, POSITION_BONUS } from './ids/assign-ids.js';
export { LOCK_FILE } from './ids/lock-file.js';
export { UsageError } from './pipeline/errors.js';

export type ConfigInput = z.input<typeof ConfigSchema>;

export interface LoadBankOptions {
  /** Project folder (default: the working folder); bank paths are reported relative to it. */
  cwd?: string;
  /** Bank files, folders or globs (default: the config's sources, sources/**\/*.txt). */
  inputs?: string | string[];
  /** A config file path, or the config itself (default: qbank.config.json found from cwd up). */
  config?: string | ConfigInput;
  encoding?: Config['encoding'];
  /** 'lock' (default): ids from qbank.lock.json, as `qbank build` gives them; 'parser': `<bank>-q<number>`. */
  ids?: 'lock' | 'parser';
}

export interface LoadedBank {
  project: Project;
  /** Parse and image findings; lint() adds the rules' findings to these. */
  diagnostics: Diagnostic[];
  config: Config;
  /** The project root: the config file's folder (where qbank.lock.json lives). */
  root: string;
  cwd: string;
  /** With ids 'lock': the ids given, and what qbank.lock.json should now say (see saveIds). */
  ids?: LockedIds;
  asset: AssetLookup;
  lines: Map<string, string[]>;
}

function resolveConfig(cwd: string, config: LoadBankOptions['config']): { config: Config; root: string } {
  if (config === undefined || typeof config === 'string') return loadConfig(cwd, config);
  const r = ConfigSchema.safeParse(config);
  if (!r.success) throw new UsageError(`Invalid config: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return { config: r.data, root: cwd };
}

/** Reads, decodes and parses the bank files, with their keys and images, and gives the questions their ids. */
export async function loadBank(options: LoadBankOptions = {}): Promise<LoadedBank> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { config, root } = resolveConfig(cwd, options.config);
  const inputs = options.inputs === undefined ? [] : Array.isArray(options.inputs) ? options.inputs : [options.inputs];
  const s = await loadSources({
    cwd,
    config,
    inputs,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.ids !== 'parser' ? { ids: { root, partial: inputs.length > 0 } } : {}),
  });
  return { project: s.project, diagnostics: s.diagnostics, config, root, cwd, asset: s.asset, lines: s.lines, ...(s.ids ? { ids: s.ids } : {}) };
}

/** Parses one bank from text (no files read): for scripts and tests. */
export function parseBankText(text: string, options: { path?: string; id?: string; key?: string; lang?: string; points?: number; shuffle?: boolean } = {}): { bank: Bank; diagnostics: Diagnostic[] } {
  const file = options.path ?? 'bank.txt';
  const id = options.id ?? file.replace(/^sources\//, '').replace(/\.[^./]+$/, '');
  const decoded = decodeSource(new TextEncoder().encode(text), file);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  const { lines, endings } = splitLines(decoded.text);
  const keyPath = file.replace(/\.[^./]+$/, '') + '.key';
  const sidecar = options.key !== undefined ? { path: keyPath, entries: parseKeyFile(splitLines(options.key).lines, keyPath, diagnostics) } : undefined;
  const r = parseBank({
    id,
    path: file,
    lines,
    endings,
    encoding: decoded.encoding,
    bom: decoded.bom,
    ...(sidecar ? { sidecar } : {}),
    defaults: { lang: options.lang ?? 'pt-BR', points: options.points ?? 1, shuffle: options.shuffle ?? true },
  });
  return { bank: r.bank, diagnostics: [...diagnostics, ...r.diagnostics] };
}

export interface LintOptions {
  /** Targets whose portability rules apply (default: what `qbank build` builds). */
  targets?: string[];
}

/** Every finding, sorted, with config severities applied: the parse findings of a loaded bank plus the rules'. */
export function lint(bank: LoadedBank | Project, options: LintOptions = {}): Diagnostic[] {
  if (!('project' in bank)) return lintProject(bank, [], { targets: options.targets ?? Object.keys(registry) });
  return lintProject(bank.project, bank.diagnostics, {
    config: bank.config,
    targets: resolveTargets(options.targets, bank.config),
    sourceLines: (f) => bank.lines.get(f),
  });
}

export interface EmitResult {
  files: EmittedFile[];
  /** Findings of the outputs' self-checks (an overridden template that broke an output). */
  diagnostics: Diagnostic[];
}

/** The output files of the given formats (default: the config's, or all), in memory. */
export async function emit(bank: LoadedBank | Project, formats?: string | string[], options: { templates?: string[]; seed?: number } = {}): Promise<EmitResult> {
  const loaded = 'project' in bank ? bank : undefined;
  const project = loaded ? loaded.project : (bank as Project);
  const cwd = loaded?.cwd ?? process.cwd();
  const targets = resolveTargets(formats === undefined ? undefined : Array.isArray(formats) ? formats : [formats], loaded?.config ?? ConfigSchema.parse({}));
  return emitAll(project, {
    cwd,
    targets,
    ...(loaded ? { asset: loaded.asset } : {}),
    templateDirs: (options.templates ?? []).map((t) => path.resolve(cwd, t)),
    ...(options.seed !== undefined ? { emitOptions: { seed: options.seed } } : {}),
  });
}

/** Replaces `outDir` with exactly these files, atomically (a failure leaves the old folder). */
export async function write(outDir: string, files: EmittedFile[]): Promise<void> {
  await writeOutput(path.resolve(outDir), files);
}

/** Writes qbank.lock.json when the ids changed; true when it did. */
export async function saveIds(bank: LoadedBank): Promise<boolean> {
  if (!bank.ids) throw new UsageError('This bank was loaded with ids: "parser"; load it with ids: "lock" to save them');
  return saveLock(bank.ids);
}

export function stats(bank: LoadedBank | Project): BankStats {
  return computeStats('project' in bank ? bank.project : bank);
}

/** The output formats this version can emit. */
export const formats: readonly string[] = Object.keys(registry);
