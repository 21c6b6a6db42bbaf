// load → lint → emit → atomic write. The CLI and the library API both call these.
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Diagnostic } from '../ir/diagnostic.js';
import { ProjectSchema, type Project } from '../ir/schema.js';
import { questionCount } from '../ir/question-count.js';
import { enabledRules, lintProject, ruleReports } from '../lint/run-lint.js';
import { rules as allRules } from '../lint/index.js';
import type { Report } from '../lint/define-rule.js';
import { startStemWorker } from '../lint/parallel-lint.js';
import nearDuplicate, { type NearDuplicateOptions } from '../lint/rules/near-duplicate.js';
import negativeStem from '../lint/rules/negative-stem.js';
import { targets as registry } from '../emit/index.js';
import type { EmitOptions, EmittedFile } from '../emit/emitter.js';
import { markdownReady } from '../markdown/render.js';
import { loadOptionsFrom, loadProject } from './load.js';
import { UsageError } from './errors.js';
import { suggest } from '../util/did-you-mean.js';
import { writeAtomically, type WriteHooks } from './write.js';
import { collectAssets, type AssetLookup } from './assets.js';
import { applyLock, withoutUnchangedLock, type LockedIds, type LockOptions } from '../ids/apply-lock.js';

export interface CheckOptions {
  cwd: string;
  config: Config;
  inputs: string[];
  encoding?: Config['encoding'];
  targets?: readonly string[];
  validate?: boolean; // zod-validate the IR (on by default)
  onlyFiles?: ReadonlySet<string>; // lint --changed: report only these files (rules still see all)
  ids?: Omit<LockOptions, 'cwd'>; // give questions their ids from qbank.lock.json (read only)
  /** With `ids`: forget the lock's entries once the ids are given when the lock file already says them (withoutUnchangedLock). */
  dropUnchangedLock?: boolean;
  /** Run the stem searches (near-duplicate, negative-stem) on a worker thread while this one runs the other rules (lint/parallel-lint.ts). */
  parallel?: boolean;
  /** Called once the bank is parsed and has its ids, before lint (a parallel build's worker gets the ids then). */
  onLoaded?: (sources: Sources) => void;
}

export interface Checked {
  project: Project;
  diagnostics: Diagnostic[];
  asset: AssetLookup;
  ids?: LockedIds; // with `ids`: the ids given and what the lock file should now say
  /** With `parallel`: the rules the worker ran, or that this thread ran because the worker failed. */
  offloaded?: { ruleIds: string[]; ran: boolean };
}

/** A loaded project before lint: parse and image findings, asset lookup, source lines, ids. */
export interface Sources {
  project: Project;
  diagnostics: Diagnostic[];
  asset: AssetLookup;
  lines: Map<string, string[]>;
  ids?: LockedIds;
}

export async function loadSources(opts: Omit<CheckOptions, 'targets' | 'onlyFiles'>, onParsed?: (project: Project) => void): Promise<Sources> {
  await markdownReady(); // image references and some rules read Markdown
  const { project, diagnostics: parseDiags, lines } = await loadProject(loadOptionsFrom(opts));
  onParsed?.(project);
  // Ids come before lint and emit, so findings and outputs carry the locked ones.
  let ids = opts.ids ? await applyLock(project, { cwd: opts.cwd, ...opts.ids }) : undefined;
  if (ids && opts.dropUnchangedLock) ids = withoutUnchangedLock(ids);
  if (ids?.report.renamed.size) for (const d of parseDiags) if (d.questionId) d.questionId = ids.report.renamed.get(d.questionId) ?? d.questionId;
  if (opts.validate !== false) {
    // The parser builds the IR by construction; this guards it against regressions.
    const r = ProjectSchema.safeParse(irSample(project));
    if (!r.success) throw new Error(`Internal error: the IR does not match its schema: ${r.error.issues[0]?.message} at ${r.error.issues[0]?.path.join('.')}`);
  }
  const assets = collectAssets(project, opts.cwd);
  return { project, diagnostics: [...parseDiags, ...assets.diagnostics], asset: assets.lookup, lines, ...(ids ? { ids } : {}) };
}

// Validating every question costs ~5-10 µs each (0.5-1 s per 100k, as much as the costliest
// rules). Every question comes out of the same parser code, and the tests validate whole banks of
// every shape, so above this size the guard checks each bank's metadata, its first questions, an
// even sample of the rest (about 500 in all) and every question that has feedback (the rarely
// filled branch of the schema): a fixed cost whatever the size (~20 ms).
const VALIDATE_ALL_UP_TO = 2_000;
const HEAD = 100;
const SPREAD = 400;
export function irSample(project: Project): Project {
  const total = questionCount(project);
  if (total <= VALIDATE_ALL_UP_TO) return project;
  const stride = Math.ceil(total / SPREAD);
  return {
    ...project,
    banks: project.banks.map((b) => ({ ...b, questions: b.questions.filter((q, i) => i < HEAD || i % stride === 0 || q.feedback !== undefined) })),
  };
}

export async function loadAndLint(opts: CheckOptions): Promise<Checked> {
  // the worker starts before the parse, so its start-up overlaps it (lint/parallel-lint.ts)
  const stemRules = opts.parallel ? new Map(enabledRules([nearDuplicate, negativeStem], opts.config, opts.targets).map((r) => [r.rule.id, r.options])) : undefined;
  const worker = stemRules?.size ? startStemWorker({ nearDuplicate: stemRules.get(nearDuplicate.id) as NearDuplicateOptions | undefined, negativeStem: stemRules.has(negativeStem.id) }) : undefined;
  let sources: Sources;
  try {
    // the stems go as soon as they are parsed (ids, validation and images do not change them)
    sources = await loadSources(opts, worker && ((project) => worker.send(project)));
  } catch (e) {
    await worker?.stop();
    throw e;
  }
  opts.onLoaded?.(sources);
  const { project, diagnostics: found, asset, lines, ids } = sources;
  const lintOptions = { config: opts.config, targets: opts.targets ?? [], sourceLines: (f: string) => lines.get(f) };
  let external: Map<string, Report[]> | undefined;
  let offloaded: Checked['offloaded'];
  if (worker) {
    // this thread's rules meanwhile, then the worker's (they run here if the worker failed)
    external = ruleReports(project, allRules.filter((r) => !worker.ruleIds.includes(r.id)), lintOptions);
    const theirs = await worker.reports;
    if (theirs) for (const [id, reports] of theirs) external.set(id, reports);
    offloaded = { ruleIds: worker.ruleIds, ran: theirs !== undefined };
  }
  const diagnostics = lintProject(project, found, { ...lintOptions, ...(opts.onlyFiles ? { onlyFiles: opts.onlyFiles } : {}), ...(external ? { external } : {}) });
  return { project, diagnostics, asset, ...(ids ? { ids } : {}), ...(offloaded ? { offloaded } : {}) };
}

export function resolveTargets(requested: readonly string[] | undefined, config: Config): string[] {
  const list = requested && requested.length ? requested : (config.formats ?? Object.keys(registry));
  const out: string[] = [];
  for (const t of list.flatMap((s) => s.split(','))) {
    const name = t.trim();
    if (!name) continue;
    if (name === 'all') out.push(...Object.keys(registry));
    else if (!registry[name]) throw new UsageError(`Unknown format "${name}"${suggest(name, Object.keys(registry))}; known: ${Object.keys(registry).join(', ')}`);
    else out.push(name);
  }
  return [...new Set(out)];
}

export interface EmitAllOptions {
  cwd: string;
  targets: string[];
  templateDirs?: string[];
  asset?: AssetLookup;
  emitOptions?: Partial<EmitOptions>;
  onTarget?: (target: string, index: number, total: number) => void; // progress reporting
}

/** Each target's files and self-check findings, one target at a time. */
export async function* emitTargets(project: Project, opts: EmitAllOptions): AsyncGenerator<{ target: string; files: EmittedFile[]; diagnostics: Diagnostic[] }> {
  // Handlebars loads only when something is emitted, not for lint.
  const { createTemplateSet } = await import('../emit/templates.js');
  await markdownReady();
  const templates = createTemplateSet([...(opts.templateDirs ?? []), path.join(opts.cwd, 'templates')]);
  for (const [i, target] of opts.targets.entries()) {
    opts.onTarget?.(target, i, opts.targets.length);
    const emitter = await registry[target]!();
    const files = await emitter.emit(project, { templates, asset: opts.asset ?? (() => undefined), ...opts.emitOptions });
    yield { target, files, diagnostics: emitter.check ? emitter.check(files, project) : [] };
  }
}

/** Every target's output, in memory (the library API, `qbank print`). */
export async function emitAll(project: Project, opts: EmitAllOptions): Promise<{ files: EmittedFile[]; diagnostics: Diagnostic[] }> {
  const files: EmittedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for await (const t of emitTargets(project, opts)) {
    files.push(...t.files);
    for (const d of t.diagnostics) diagnostics.push(d);
  }
  return { files, diagnostics };
}

/**
 * Emits, self-checks and writes each target in turn (`qbank build`: one target's output in
 * memory at a time). Stops before writing a target whose self-check has an error; returns the
 * number of files written.
 */
export async function emitInto(project: Project, write: (f: EmittedFile) => Promise<void>, opts: EmitAllOptions & { onChecked?: (diagnostics: Diagnostic[]) => void }): Promise<number> {
  let written = 0;
  for await (const t of emitTargets(project, opts)) {
    opts.onChecked?.(t.diagnostics);
    if (t.diagnostics.some((d) => d.severity === 'error')) break;
    for (const f of t.files) await write(f);
    written += t.files.length;
  }
  return written;
}

export async function writeOutput(outDir: string, files: EmittedFile[], hooks?: WriteHooks): Promise<void> {
  await writeAtomically(outDir, files, hooks);
}

// For --skip-invalid: drop questions with an error finding, and whole bank files with an error
// that belongs to no single question (stray text, bad encoding: their data is suspect).
export function withoutInvalid(project: Project, diagnostics: Diagnostic[]): { project: Project; skipped: { file: string; number: number; id: string }[] } {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const bad = new Set(errors.filter((d) => d.questionId).map((d) => d.questionId!));
  const badFiles = new Set(errors.filter((d) => !d.questionId).map((d) => d.file));
  const skipped: { file: string; number: number; id: string }[] = [];
  const banks = project.banks.map((b) => {
    // An error in the key file alone (unreadable entry, unknown question) leaves the questions it
    // could not key with their own missing-answer error, so they are skipped one by one.
    const wholeFile = badFiles.has(b.path);
    return {
      ...b,
      questions: b.questions.filter((q) => {
        if (!wholeFile && !bad.has(q.id)) return true;
        skipped.push({ file: b.path, number: q.number, id: q.id });
        return false;
      }),
    };
  });
  return { project: { ...project, banks: banks.filter((b) => b.questions.length > 0) }, skipped };
}
