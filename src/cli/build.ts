// qbank build [inputs...]: lint first; with no errors (or --skip-invalid) emit every target
// into --out atomically.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { emitInto, loadAndLint, resolveTargets, withoutInvalid, type CheckOptions } from '../pipeline/build.js';
import type { AssetLookup } from '../pipeline/assets.js';
import type { Project } from '../ir/schema.js';
import { questionCount } from '../ir/question-count.js';
import { collectAfterLint, planSplit, startEmitWorker, type EmitWorker } from '../pipeline/parallel.js';
import { shouldSplitLint } from '../lint/parallel-lint.js';
import { stageOutput, type Staging } from '../pipeline/write.js';
import { UsageError } from '../pipeline/errors.js';
import type { Diagnostic } from '../ir/diagnostic.js';
import { saveLock, type LockedIds } from '../ids/apply-lock.js';
import { formatIdReport } from '../ids/report.js';
import { formatText, summarize } from '../report/text.js';
import { logThreads, useColor, type Io } from './io.js';
import { createProgress } from './progress.js';
import { watchBuild } from './watch.js';

export interface BuildFlags {
  out?: string;
  format?: string[];
  skipInvalid?: boolean;
  templates?: string[];
  config?: string;
  encoding?: 'utf-8' | 'windows-1252' | 'auto';
  quiet?: boolean;
  verbose?: boolean;
  watch?: boolean;
}

/** How a build shows its findings; `qbank build --watch` shows only what changed. */
export type ShowDiagnostics = (all: Diagnostic[], shown: Diagnostic[], color: boolean) => string;
const showAll: ShowDiagnostics = (_all, shown, color) => (shown.length ? formatText(shown, { color }) : '');

export function registerBuild(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('build')
    .description('Lint the bank, then write LMS imports and printable files into the output folder')
    .argument('[inputs...]', 'bank files, folders or globs (default: the config sources, sources/**/*.txt)')
    .option('-o, --out <dir>', 'output folder (default: dist)')
    .option('-f, --format <targets...>', 'targets to emit, comma or space separated (default: all)')
    .option('--skip-invalid', 'build the valid questions and list the skipped ones instead of failing')
    .option('-t, --templates <dir...>', 'folder(s) with templates overriding the built-in ones')
    .option('-c, --config <file>', 'config file (default: qbank.config.json found from the working folder up)')
    .addOption(new Option('--encoding <enc>', 'source encoding').choices(['utf-8', 'windows-1252', 'auto']))
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'list every id the build gave out and the time each step took')
    .option('-w, --watch', 'rebuild whenever a bank, key, config or template changes (Ctrl-C stops)')
    .addHelpText('after', `
Examples:
  $ qbank build                              sources/**/*.txt → dist/
  $ qbank build 'more/**/*.txt' --out out/
  $ qbank build --format json,gift --skip-invalid
  $ qbank build --watch                      rebuild on every save, print only new and fixed findings

Question ids are kept in qbank.lock.json (next to sources/), which build updates: commit it.`)
    .action(async (inputs: string[], o: BuildFlags) => {
      setCode(o.watch ? await watchBuild(inputs, o, io) : await runBuild(inputs, o, io));
    });
}

export async function runBuild(inputs: string[], o: BuildFlags, io: Io, show: ShowDiagnostics = showAll): Promise<number> {
  const progress = createProgress(io.stderr, io.env, { quiet: o.quiet });
  try {
    return await buildSteps(inputs, o, io, show, progress);
  } finally {
    progress.end();
  }
}

async function buildSteps(inputs: string[], o: BuildFlags, io: Io, show: ShowDiagnostics, progress: ReturnType<typeof createProgress>): Promise<number> {
  const started = performance.now();
  const timing = (what: string) => {
    if (o.verbose) io.stderr.write(`qbank: ${what} after ${Math.round(performance.now() - started)} ms\n`);
  };
  const { config, root } = loadConfig(io.cwd, o.config);
  const targets = resolveTargets(o.format, config);
  const outDir = path.resolve(io.cwd, o.out ?? (config.out ? path.join(root, config.out) : 'dist'));
  const templateDirs = (o.templates ?? []).map((t) => path.resolve(io.cwd, t));
  const ids = { root, partial: inputs.length > 0 };
  // A big bank: a worker thread emits part of the targets while this one lints (parallel.ts).
  const split = o.skipInvalid ? undefined : await planSplit({ cwd: io.cwd, config, inputs, targets, env: io.env });
  let staging: Staging | undefined;
  let worker: EmitWorker | undefined;
  const stop = async () => {
    await worker?.stop();
    await staging?.abort();
  };
  try {
    if (split) {
      staging = await stageOutput(outDir);
      worker = startEmitWorker({ cwd: io.cwd, config, inputs, ...(o.encoding ? { encoding: o.encoding } : {}), targets: split.worker, templateDirs, stagingDir: staging.dir });
      if (o.verbose) io.stderr.write(`qbank: a second thread emits ${split.worker.join(', ')}\n`);
    }
    // Without an emit worker (one target, --skip-invalid), a big bank's lint still gets the second
    // core for its stem searches, as `qbank lint` does (lint/parallel-lint.ts); with one, the
    // cores are taken.
    const parallel = !worker && (await shouldSplitLint({ cwd: io.cwd, config, inputs, env: io.env }));
    progress.step('reading and checking the bank');
    const w = worker;
    const linted = await lintAndShow({ cwd: io.cwd, config, inputs, encoding: o.encoding, targets, ids, parallel, dropUnchangedLock: true, ...(w ? { onLoaded: (s) => w.sendIds(s.project, s.ids) } : {}) }, o, io, show);
    progress.clear();
    timing('read, ids and lint');
    const { toEmit, asset, locked, errors } = linted;
    if (errors > 0 && !o.skipInvalid) {
      await stop();
      io.stderr.write('qbank: nothing was written because of the errors above (fix them, or use --skip-invalid)\n');
      return 1;
    }
    staging ??= await stageOutput(outDir);
    collectAfterLint(toEmit);
    const checked: Diagnostic[] = [];
    const stage = staging;
    const mainTargets = split ? split.main : targets;
    let files = await emitInto(toEmit, (f) => stage.write(f), {
      cwd: io.cwd,
      targets: mainTargets,
      asset,
      templateDirs,
      onTarget: (t, i, n) => progress.step(`emitting ${t}`, i, n),
      onChecked: (found) => {
        for (const d of found) checked.push(d);
      },
    });
    if (worker) {
      progress.step('waiting for the second thread');
      const r = await worker.finish();
      worker = undefined;
      for (const d of r.diagnostics) checked.push(d);
      files += r.files;
    }
    progress.clear();
    timing('emit and write');
    if (checked.some((d) => d.severity === 'error')) {
      await stop();
      io.stderr.write(formatText(checked, { color: useColor(io.stderr, io.env) }));
      io.stderr.write('qbank: nothing was written because an output failed its self-check\n');
      return 1;
    }
    progress.step('writing');
    await stage.commit();
    staging = undefined;
    // After the outputs: a build that failed to write leaves the old ids in force.
    const lockWritten = locked ? await saveLock(locked) : false;
    progress.end();
    if (locked && !o.quiet) io.stderr.write(formatIdReport(locked, { cwd: io.cwd, written: lockWritten, verbose: o.verbose }));
    const count = questionCount(toEmit);
    if (!o.quiet) io.stderr.write(`qbank: wrote ${files} file${files === 1 ? '' : 's'} (${count} questions, ${targets.join(', ')}) to ${path.relative(io.cwd, outDir) || '.'}\n`);
    return errors > 0 ? 1 : 0;
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Lints the bank and shows the findings; with errors and --skip-invalid, leaves out what they
 * concern. Returns only what the emit needs: the findings (~15 MB at 100k questions) would
 * otherwise stay in memory until the build ends.
 */
async function lintAndShow(opts: CheckOptions, o: BuildFlags, io: Io, show: ShowDiagnostics): Promise<{ toEmit: Project; asset: AssetLookup; locked?: LockedIds; errors: number }> {
  const { project, diagnostics, asset, ids, offloaded } = await loadAndLint(opts);
  logThreads(io, offloaded);
  const color = useColor(io.stderr, io.env);
  const shown = o.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const text = show(diagnostics, shown, color);
  if (text) io.stderr.write(text);
  const { errors } = summarize(diagnostics);
  let toEmit = project;
  if (errors > 0 && o.skipInvalid) {
    const r = withoutInvalid(project, diagnostics);
    toEmit = r.project;
    for (const q of r.skipped) io.stderr.write(`skipped ${q.file} question ${q.number}\n`);
  }
  return { toEmit, asset, errors, ...(ids ? { locked: ids } : {}) };
}
