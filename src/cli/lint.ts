// qbank lint [inputs...]: every finding at once, in the chosen format; exit code for CI:
// 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or config errors.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { loadAndLint, resolveTargets } from '../pipeline/build.js';
import { suggest } from '../util/did-you-mean.js';
import { UsageError } from '../pipeline/errors.js';
import { summarize } from '../report/text.js';
import { lockStale } from '../ids/apply-lock.js';
import { shouldSplitLint } from '../lint/parallel-lint.js';
import { formatIdReport } from '../ids/report.js';
import { changedFiles, defaultBase } from './changed.js';
import { logThreads, useColor, type Io } from './io.js';
import { reporters } from './reporters.js';

export interface LintFlags {
  format: string;
  output?: string;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string;
  encoding?: 'utf-8' | 'windows-1252' | 'auto';
  target?: string[];
  changed?: boolean;
  base?: string;
  frozenIds?: boolean;
}

export function registerLint(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('lint')
    .description('Check the bank and report every finding with file, line, column and rule id')
    .argument('[inputs...]', 'bank files, folders or globs (default: the config sources, sources/**/*.txt)')
    .option('-f, --format <format>', `output format: ${Object.keys(reporters).join(', ')}`, 'text')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'config file (default: qbank.config.json found from the working folder up)')
    .addOption(new Option('--encoding <enc>', 'source encoding').choices(['utf-8', 'windows-1252', 'auto']))
    .option('-t, --target <targets...>', 'targets whose portability rules apply (default: what `qbank build` builds)')
    .option('--changed', 'report only on files changed against a git ref (cross-file rules still read every file)')
    .option('--frozen-ids', 'fail when qbank.lock.json is missing or out of date (run `qbank build` and commit it)')
    .option('--base <ref>', 'git ref for --changed (default: origin/$GITHUB_BASE_REF on GitHub Actions, else HEAD)')
    .addHelpText('after', `
Examples:
  $ qbank lint                         lint sources/**/*.txt
  $ qbank lint sources/atendimento.txt --format json
  $ qbank lint --max-warnings 0        fail CI on any warning
  $ qbank lint --format sarif --output qbank.sarif
  $ qbank lint --changed --base origin/main --format github
  $ qbank lint --frozen-ids            in CI: question ids must already be in qbank.lock.json`)
    .action(async (inputs: string[], o: LintFlags) => {
      setCode(await runLint(inputs, o, io));
    });
}

export async function runLint(inputs: string[], o: LintFlags, io: Io): Promise<number> {
  const reporter = reporters[o.format];
  if (!reporter) throw new UsageError(`Unknown format "${o.format}"${suggest(o.format, Object.keys(reporters))}; known: ${Object.keys(reporters).join(', ')}`);
  if (o.base !== undefined && !o.changed) throw new UsageError('--base only makes sense with --changed');
  const { config, path: configPath, root } = loadConfig(io.cwd, o.config);
  const targets = resolveTargets(o.target, config);
  let onlyFiles: Set<string> | undefined;
  if (o.changed) {
    onlyFiles = changedFiles(io.cwd, o.base ?? defaultBase(io.env));
    // A changed config can change any finding: then everything is reported.
    if (configPath && onlyFiles.has(path.relative(io.cwd, configPath).split(path.sep).join('/'))) onlyFiles = undefined;
  }
  // Findings name the questions by their locked ids (without a lock file the parser's ids are the
  // same) where an output shows ids: JSON and SARIF. Text and GitHub annotations name questions
  // by number, so they skip reading the lock (a third of a second at 100k questions).
  const showsIds = o.format === 'json' || o.format === 'sarif';
  const idOptions = o.frozenIds || showsIds ? { ids: { root, partial: inputs.length > 0, onlyIfLocked: !o.frozenIds } } : {};
  // A big bank: a worker thread runs the stem searches meanwhile (lint/parallel-lint.ts).
  const parallel = await shouldSplitLint({ cwd: io.cwd, config, inputs, env: io.env });
  const { diagnostics, ids, offloaded } = await loadAndLint({ cwd: io.cwd, config, inputs, encoding: o.encoding, targets, parallel, ...(onlyFiles ? { onlyFiles } : {}), ...idOptions });
  logThreads(io, offloaded);
  const shown = o.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const out = await reporter(shown, { color: !o.output && useColor(io.stdout, io.env), all: diagnostics });
  if (o.output) {
    const file = path.resolve(io.cwd, o.output);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, out);
  } else io.stdout.write(out);
  const s = summarize(diagnostics);
  if (o.frozenIds && ids && lockStale(ids)) {
    io.stderr.write(formatIdReport(ids, { cwd: io.cwd, written: false }));
    io.stderr.write(`qbank: ${path.relative(io.cwd, ids.file) || ids.file} ${ids.existed ? 'is out of date' : 'is missing'}: run \`qbank build\` and commit ${path.basename(ids.file)}\n`);
    return 1;
  }
  return s.errors > 0 || (o.maxWarnings !== undefined && s.warnings > o.maxWarnings) ? 1 : 0;
}

export function parseCount(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < 0) throw new UsageError(`Expected a whole number, got "${v}"`);
  return n;
}
