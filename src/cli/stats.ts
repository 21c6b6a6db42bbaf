// qbank stats [inputs...]: the shape of the bank as a table, JSON, or a Markdown summary for a
// pull-request comment. Reads and parses only; findings are `qbank lint`'s job.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { suggest } from '../util/did-you-mean.js';
import { UsageError } from '../pipeline/errors.js';
import { loadProject } from '../pipeline/load.js';
import { computeStats, statsFormats } from '../stats/stats.js';
import type { Io } from './io.js';

export interface StatsFlags {
  format: string;
  output?: string;
  config?: string;
  encoding?: 'utf-8' | 'windows-1252' | 'auto';
}

export function registerStats(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('stats')
    .description('Count questions per file, category, type and tag; key coverage; answer positions; options per question')
    .argument('[inputs...]', 'bank files, folders or globs (default: the config sources, sources/**/*.txt)')
    .option('-f, --format <format>', `output format: ${Object.keys(statsFormats).join(', ')}`, 'table')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: qbank.config.json found from the working folder up)')
    .addOption(new Option('--encoding <enc>', 'source encoding').choices(['utf-8', 'windows-1252', 'auto']))
    .addHelpText('after', `
Examples:
  $ qbank stats                                  tables for the whole bank
  $ qbank stats sources/atendimento.txt --format json
  $ qbank stats --format markdown >> "$GITHUB_STEP_SUMMARY"    summary on a CI run or PR comment`)
    .action(async (inputs: string[], o: StatsFlags) => {
      setCode(await runStats(inputs, o, io));
    });
}

export async function runStats(inputs: string[], o: StatsFlags, io: Io): Promise<number> {
  const format = statsFormats[o.format];
  if (!format) throw new UsageError(`Unknown format "${o.format}"${suggest(o.format, Object.keys(statsFormats))}; known: ${Object.keys(statsFormats).join(', ')}`);
  const { config } = loadConfig(io.cwd, o.config);
  const { project } = await loadProject({
    cwd: io.cwd,
    inputs,
    sources: config.sources,
    ignore: config.ignore,
    encoding: o.encoding ?? config.encoding,
    lang: config.lang,
    points: config.points,
    shuffle: config.shuffle,
  });
  const text = format(computeStats(project));
  if (o.output) await writeFile(path.resolve(io.cwd, o.output), text);
  else io.stdout.write(text);
  return 0;
}
