// The qbank CLI: a thin layer over the pipeline. main() returns the exit code:
// 0 no errors, 1 lint errors (or too many warnings), 2 usage, I/O or internal errors.
import { UsageError } from '../pipeline/errors.js';
import { packageJson } from '../util/package-root.js';
import type { Command } from 'commander';
import type { Io } from './io.js';

const pkg = packageJson();

type Register = (program: Command, io: Io, setCode: (c: number) => void) => void;

// in the order `qbank --help` lists them
const commandNames = ['build', 'lint', 'rules', 'init', 'stats', 'print'] as const;

/**
 * The commands to register: only the one named, when the first word that is not an option names
 * one (the program's own options take no value); all of them otherwise, so that help, `qbank help
 * <command>` and the "did you mean" of an unknown command see every command.
 */
export function commandsFor(argv: readonly string[]): (typeof commandNames)[number][] {
  const named = argv.find((a) => !a.startsWith('-'));
  const one = commandNames.find((c) => c === named);
  return one ? [one] : [...commandNames];
}

export interface CommandResult {
  code: number;
}

export async function main(argv: string[], io: Io): Promise<number> {
  // `qbank --version` needs no command: answer before loading them.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  // loaded here, not above: `--version` needs none of it (commander, zod, the parser, the rules)
  const commands = await import('./commands.js');
  const { Command, CommanderError, Option } = commands;
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
  for (const name of commandsFor(argv)) (commands[name] satisfies Register)(program, io, setCode);
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
