// The CLI as an ESM bundle in lib/bundle/ (after tsc has compiled src/ into lib/). Node 20
// resolves, reads and compiles every module file on each start: ~120 files (zod alone ~50)
// cost ~150 ms, more than linting the sample bank itself. Bundled, `qbank lint` of the sample
// starts in about a third of that. Lazy imports stay lazy (code splitting: Handlebars,
// unified/remark and each emitter are chunks loaded on first use). lib/ itself stays the
// library API (package.json "exports"); only bin/qbank.js runs the bundle.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');
if (!existsSync(path.join(lib, 'cli/main.js'))) throw new Error('lib/cli/main.js is missing: run tsc first (npm run build:ts)');

// zod's namespace export carries all its ~60 translations of error messages (`z.locales`), which
// a namespace import keeps in the bundle: a third of what every start has to compile. qbank
// never switches zod's language (its English default is imported by zod itself), so the CLI
// bundle gets an empty `locales`; lib/, the library API, keeps zod whole.
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'qbank-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'qbank-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// commander requires node:child_process at load (for executable subcommands, which qbank has
// none of), and that module brings net and dgram along: ~4 ms of every start. Its one use,
// spawn, now requires it when called.
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'qbank-lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'qbank-lazy' }, () => ({ contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };", loader: 'js' }));
  },
};

// a clean folder: chunk names carry content hashes, so old chunks would pile up
rmSync(path.join(lib, 'bundle'), { recursive: true, force: true });
const options = {
  absWorkingDir: root,
  outdir: 'lib/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // loaded only by `qbank print --pdf`, and it finds its own files at run time
  external: ['playwright-core'],
  // bundled CommonJS packages (commander, handlebars) call require() for Node's built-ins
  banner: { js: "import { createRequire as __qbankCreateRequire } from 'node:module'; const require = __qbankCreateRequire(import.meta.url);" },
  plugins: [zodWithoutLocales, commanderLazyChildProcess],
  // less source for V8 to scan on every start; names stay, so stack traces and profiles still read
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
// Two builds into the one folder. esbuild splits a module out into its own file whenever the set
// of entry points reaching it differs from its neighbours'; built with the CLI, the worker
// entries cut the lint's code into ~20 files for the main thread to resolve and link on every
// start. A worker runs in its own thread with its own copy of every module anyway, so its build
// shares no file with the CLI's (chunk names are content hashes: two builds never clash).
await build({ ...options, entryPoints: { qbank: 'lib/cli/main.js' } });
await build({ ...options, entryPoints: { 'emit-worker': 'lib/pipeline/emit-worker.js', 'lint-worker': 'lib/lint/lint-worker.js' } });
