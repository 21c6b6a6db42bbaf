// The qbank CLI: a thin layer over the pipeline. main() returns the exit code:
// 0 no errors, 1 lint errors (or too many warnings), 2 usage, I/O or internal errors.
import { UsageError } from '../pipeline/errors.js';
import { packageJson } from '../util/package-root.js';
import type { Command } from 'commander';
import type { Io } from './io.js';

const pkg = packageJson();

type Register = (program: Command, io: Io, setCode: (c: number) => void) => void;

// Each command's module, loaded on demand: `qbank lint` need not read the build's code, nor the
// others theirs (each brings its own share of zod schemas, emitters, files to resolve).
const commands: Record<string, () => Promise<Register>> = {
  build: async () => (await import('./build.js')).registerBuild,
  lint: async () => (await import('./lint.js')).registerLint,
  rules: async () => (await import('./rules.js')).registerRules,
  init: async () => (await import('./init.js')).registerInit,
  stats: async () => (await import('./stats.js')).registerStats,
  print: async () => (await import('./print.js')).registerPrint,
};

/**
 * The commands to register: only the one named, when the first word that is not an option names
 * one (the program's own options take no value); all of them otherwise, so that help, `qbank help
 * <command>` and the "did you mean" of an unknown command see every command.
 */
export function commandsFor(argv: readonly string[]): string[] {
  const named = argv.find((a) => !a.startsWith('-'));
  return named !== undefined && Object.hasOwn(commands, named) ? [named] : Object.keys(commands);
}

export interface CommandResult {
  code: number;
}

export async function main(argv: string[], io: Io): Promise<number> {
  // `qbank --version` needs no command: answer before loading them (zod, rules, parser: ~150 ms).
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [{ Command, CommanderError, Option }, ...registers] = await Promise.all([import('commander'), ...commandsFor(argv).map((name) => commands[name]!())]);
  let code = 0;
  const program = new Command('qbank')
    .description('Compile numbered plain-text question banks into LMS imports and printable exams')
    .version(pkg.version, '-v, --version')
    .addOption(new Option('--debug', 'show stack traces for internal errors'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const setCode = (c: number) => {
    code = c;
  };
  for (const register of registers) register(program, io, setCode);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`qbank: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr.write(`qbank: ${err.message || String(err)}\n`);
    if (argv.includes('--debug') && err.stack) io.stderr.write(err.stack + '\n');
    else io.stderr.write('(run with --debug for details)\n');
    return 2;
  }
}
