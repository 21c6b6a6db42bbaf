// qbank print [inputs...]: printable exams. Lints like `build`, then writes, per exam, every
// version's exam and answer key and one answer sheet as HTML, and with --pdf their PDFs, into
// --out (default dist/html) in one atomic swap: a failed PDF leaves the old output in place.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import type { PrintOptions } from '../emit/html/options.js';
import { emitAll, loadAndLint, withoutInvalid, writeOutput } from '../pipeline/build.js';
import { UsageError } from '../pipeline/errors.js';
import { formatText, summarize } from '../report/text.js';
import { useColor, type Io } from './io.js';

export interface PrintFlags {
  out?: string;
  versions?: string;
  seed?: string;
  pick?: string;
  category?: string[];
  tag?: string[];
  exam?: string;
  lang?: string;
  paper?: 'a4' | 'letter';
  shuffle?: boolean;
  pdf?: boolean;
  chromium?: string;
  skipInvalid?: boolean;
  templates?: string[];
  config?: string;
  encoding?: 'utf-8' | 'windows-1252' | 'auto';
  quiet?: boolean;
}

export function registerPrint(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('print')
    .description('Write printable exams (shuffled versions), answer keys and answer sheets as HTML, and PDF with --pdf')
    .argument('[inputs...]', 'bank files, folders or globs (default: the config sources, sources/**/*.txt)')
    .option('-o, --out <dir>', 'output folder (default: dist/html)')
    .option('-n, --versions <n>', 'number of versions, lettered A, B, C … (default: 1)')
    .option('-s, --seed <seed>', 'seed for the shuffles and --pick; the same seed gives the same versions (default: 1)')
    .option('--pick <n>', 'draw n questions (seeded) from the selected pool; all versions get the same questions')
    .option('--category <name...>', 'only questions in this category or below it')
    .option('--tag <tag...>', 'only questions with one of these tags')
    .option('--exam <title>', 'pool every selected bank into one exam with this title (default: one exam per bank)')
    .option('--lang <lang>', 'language of the printed labels: pt-BR or en (default: each bank\'s lang)')
    .addOption(new Option('--paper <size>', 'paper size').choices(['a4', 'letter']).default('a4'))
    .option('--no-shuffle', 'keep the authored question and option order')
    .option('--pdf', 'also render each HTML file to PDF with the system Chromium/Chrome')
    .option('--chromium <path>', 'browser executable for --pdf (default: QBANK_CHROMIUM, then chromium/google-chrome on PATH)')
    .option('--skip-invalid', 'print the valid questions and list the skipped ones instead of failing')
    .option('-t, --templates <dir...>', 'folder(s) with templates overriding the built-in ones (html/<name>)')
    .option('-c, --config <file>', 'config file (default: qbank.config.json found from the working folder up)')
    .addOption(new Option('--encoding <enc>', 'source encoding').choices(['utf-8', 'windows-1252', 'auto']))
    .option('-q, --quiet', 'print errors only')
    .addHelpText('after', `
Examples:
  $ qbank print                                       one version per bank → dist/html/
  $ qbank print --versions 3 --seed 42 --pdf          versions A, B, C with keys, sheet and PDFs
  $ qbank print sources/atendimento.txt --pick 5 --versions 2 --seed turma-7
  $ qbank print --exam "Prova final" --tag redes --pick 20 --lang en --paper letter`)
    .action(async (inputs: string[], o: PrintFlags) => {
      setCode(await runPrint(inputs, o, io));
    });
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} must be a whole number (got "${value}")`);
  return Number(value);
}

export async function runPrint(inputs: string[], o: PrintFlags, io: Io): Promise<number> {
  const print: Partial<PrintOptions> = {
    versions: wholeNumber('--versions', o.versions) ?? 1,
    seed: o.seed ?? '1',
    pick: wholeNumber('--pick', o.pick),
    categories: o.category ?? [],
    tags: o.tag ?? [],
    exam: o.exam,
    lang: o.lang,
    paper: o.paper ?? 'a4',
    shuffle: o.shuffle !== false,
    prefix: '',
  };
  const { config, root } = loadConfig(io.cwd, o.config);
  // find the browser before the work, so a missing one fails fast
  const pdf = o.pdf ? await import('../emit/html/pdf.js') : undefined;
  const executablePath = pdf?.findChromium(o.chromium, io.env);

  // The lock file's ids (read, never written here) seed the shuffles, so a printed exam matches
  // `qbank build --format html` even after questions moved.
  const { project, diagnostics, asset } = await loadAndLint({ cwd: io.cwd, config, inputs, encoding: o.encoding, targets: ['html'], ids: { root, partial: inputs.length > 0, onlyIfLocked: true } });
  const color = useColor(io.stderr, io.env);
  const shown = o.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  if (shown.length) io.stderr.write(formatText(shown, { color }));
  const s = summarize(diagnostics);
  let toPrint = project;
  if (s.errors > 0) {
    if (!o.skipInvalid) {
      io.stderr.write('qbank: nothing was written because of the errors above (fix them, or use --skip-invalid)\n');
      return 1;
    }
    const r = withoutInvalid(project, diagnostics);
    toPrint = r.project;
    for (const q of r.skipped) io.stderr.write(`skipped ${q.file} question ${q.number}\n`);
  }
  const outDir = path.resolve(io.cwd, o.out ?? path.join(config.out ? path.join(root, config.out) : 'dist', 'html'));
  const { files } = await emitAll(toPrint, {
    cwd: io.cwd,
    targets: ['html'],
    asset,
    templateDirs: (o.templates ?? []).map((t) => path.resolve(io.cwd, t)),
    emitOptions: { print },
  });
  if (pdf && executablePath) files.push(...(await pdf.renderPdfs(files, { executablePath })));
  await writeOutput(outDir, files);
  if (!o.quiet) {
    const exams = new Set(files.filter((f) => f.path.endsWith('/answer-sheet.html')).map((f) => f.path)).size;
    const n = print.versions!;
    io.stderr.write(`qbank: wrote ${exams} exam${exams === 1 ? '' : 's'} × ${n} version${n === 1 ? '' : 's'} (${files.length} files${pdf ? ', with PDFs' : ''}) to ${path.relative(io.cwd, outDir) || '.'}\n`);
  }
  return s.errors > 0 ? 1 : 0;
}
