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

// a clean folder: chunk names carry content hashes, so old chunks would pile up
rmSync(path.join(lib, 'bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { qbank: 'lib/cli/main.js', 'emit-worker': 'lib/pipeline/emit-worker.js', 'lint-worker': 'lib/lint/lint-worker.js' },
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
  logLevel: 'warning',
});
