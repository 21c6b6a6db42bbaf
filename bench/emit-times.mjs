// In-process timings of each emitter on one bank: emit (every chunk drained, as the writer
// would), then check() (the self-check), in CPU ms, with the bytes produced and the heap after.
// The bank is loaded and given ids once; only the emitters are measured.
// Usage: node bench/emit-times.mjs <compiled lib dir> <bank.txt> [target,target…]   (prints JSON)
import path from 'node:path';
import { libImporter, ms, now } from './in-process.mjs';

const [libDir, bankFile, only] = process.argv.slice(2);
const lib = libImporter(libDir);
const { loadSources } = await lib('pipeline/build.js');
const { targets: registry } = await lib('emit/index.js');
const { createTemplateSet } = await lib('emit/templates.js');
const { markdownReady } = await lib('markdown/render.js');

const cwd = path.dirname(path.resolve(bankFile));
const { project, asset } = await loadSources({ cwd, config: { sources: [], formats: undefined }, inputs: [path.basename(bankFile)], validate: false });
await markdownReady();
const templates = createTemplateSet([path.join(cwd, 'templates')]);
const wanted = only ? only.split(',') : ['json', 'gift', 'moodle-xml', 'qti21', 'canvas'];
const out = [];
for (const t of wanted) {
  const emitter = await registry[t]();
  global.gc?.();
  let t0 = now();
  const files = await emitter.emit(project, { templates, asset });
  let bytes = 0;
  for (const f of files) {
    const c = f.contents;
    if (typeof c === 'string') bytes += Buffer.byteLength(c);
    else if (c instanceof Uint8Array) bytes += c.length;
    else for (const part of c) bytes += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
  }
  const emitMs = ms(t0);
  t0 = now();
  const diags = emitter.check ? emitter.check(files, project) : [];
  const checkMs = ms(t0);
  out.push({ target: t, files: files.length, MB: Math.round(bytes / 2 ** 20), emitMs, checkMs, findings: diags.length, heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) });
  process.stderr.write(`${JSON.stringify(out.at(-1))}\n`);
}
process.stdout.write(JSON.stringify({ questions: project.banks.reduce((n, b) => n + b.questions.length, 0), targets: out, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
