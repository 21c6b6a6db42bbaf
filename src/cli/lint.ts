// qbank lint [inputs...]: every finding at once, in the chosen format; exit code for CI.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { loadAndLint, suggest } from '../pipeline/build.js';
import { UsageError } from '../pipeline/errors.js';
import { summarize } from '../report/text.js';
import { useColor, type Io } from './io.js';
import { reporters } from './reporters.js';

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
    .addHelpText('after', `
Examples:
  $ qbank lint                         lint sources/**/*.txt
  $ qbank lint sources/atendimento.txt --format json
  $ qbank lint --max-warnings 0        fail CI on any warning`)
    .action(async (inputs: string[], o: { format: string; output?: string; maxWarnings?: number; quiet?: boolean; config?: string; encoding?: 'utf-8' | 'windows-1252' | 'auto' }) => {
      const reporter = reporters[o.format];
      if (!reporter) throw new UsageError(`Unknown format "${o.format}"${suggest(o.format, Object.keys(reporters))}; known: ${Object.keys(reporters).join(', ')}`);
      const { config } = loadConfig(io.cwd, o.config);
      const { diagnostics } = await loadAndLint({ cwd: io.cwd, config, inputs, encoding: o.encoding });
      const shown = o.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
      const out = await reporter(shown, { color: !o.output && useColor(io.stdout, io.env) });
      if (o.output) await writeFile(path.resolve(io.cwd, o.output), out);
      else io.stdout.write(out);
      const s = summarize(diagnostics);
      setCode(s.errors > 0 || (o.maxWarnings !== undefined && s.warnings > o.maxWarnings) ? 1 : 0);
    });
}

export function parseCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`Expected a whole number, got "${v}"`);
  return n;
}
