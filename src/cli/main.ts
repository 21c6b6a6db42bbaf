// The qbank CLI: a thin layer over the pipeline. main() returns the exit code:
// 0 no errors, 1 lint errors (or too many warnings), 2 usage, I/O or internal errors.
import { UsageError } from '../pipeline/errors.js';
import { packageJson } from '../util/package-root.js';
import type { Io } from './io.js';

const pkg = packageJson();

export interface CommandResult {
  code: number;
}

export async function main(argv: string[], io: Io): Promise<number> {
  // `qbank --version` needs no command: answer before loading them (zod, rules, parser: ~150 ms).
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [{ Command, CommanderError, Option }, { registerBuild }, { registerLint }, { registerRules }, { registerInit }, { registerStats }, { registerPrint }] = await Promise.all([
    import('commander'),
    import('./build.js'),
    import('./lint.js'),
    import('./rules.js'),
    import('./init.js'),
    import('./stats.js'),
    import('./print.js'),
  ]);
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
  registerBuild(program, io, setCode);
  registerLint(program, io, setCode);
  registerRules(program, io, setCode);
  registerInit(program, io, setCode);
  registerStats(program, io, setCode);
  registerPrint(program, io, setCode);
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
