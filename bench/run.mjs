// `npm run bench`: generates the benchmark banks (bench/generate.mjs, seeded) and times, in ONE
// run on the same files, the Node floor (read + split lines), `qbank lint`, `qbank build` per
// target and for all targets, and Examark 0.7.0's `check` and QTI convert on the equivalent
// Markdown bank. Whole-process wall time (median of the runs, tasks interleaved so background
// load hits them alike) and peak RSS (/usr/bin/time -v, or process.resourceUsage via a hook).
// Writes bench/results.md + bench/results.json (a partial run writes into bench/data/ instead).
//
//   npm run bench                          1k, 10k, 100k (3 runs) and 1M (1 run), committed code
//   npm run bench -- --sizes 1k,10k        quick run
//   npm run bench -- --source worktree     measure uncommitted changes
//   options: --runs N  --big-runs N (for ≥1M)  --skip-examark  --per-target-big  --seed N  --out DIR
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureData, parseSize, sizeLabel } from './generate.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, '..');
const dataRoot = path.join(benchDir, 'data');
const node = process.execPath;

const DEFAULT_SIZES = '1k,10k,100k,1M';
const { values: o } = parseArgs({
  options: {
    sizes: { type: 'string', default: DEFAULT_SIZES },
    runs: { type: 'string', default: '3' },
    'big-runs': { type: 'string', default: '1' },
    source: { type: 'string', default: 'HEAD' },
    'skip-examark': { type: 'boolean', default: false },
    'per-target-big': { type: 'boolean', default: false },
    seed: { type: 'string', default: '9' },
    out: { type: 'string' },
    tasks: { type: 'string' }, // only tasks whose id matches this regex (e.g. 'floor|lint')
    'no-rules': { type: 'boolean', default: false }, // skip the in-process per-rule timings
    'big-timeout': { type: 'string', default: '2400' }, // seconds a task may take at ≥1M
  },
});
const sizes = o.sizes.split(',').map(parseSize).sort((a, b) => a - b);
const runs = Math.max(1, Number(o.runs));
const bigRuns = Math.max(1, Number(o['big-runs']));
const seed = Number(o.seed);
const BIG = 1_000_000;
const only = o.tasks ? new RegExp(`^(?:${o.tasks})$`) : undefined;
const full = o.sizes === DEFAULT_SIZES && o.source === 'HEAD' && runs >= 3 && !only;
const outDir = path.resolve(o.out ?? (full ? benchDir : dataRoot));

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const examarkBin = (() => {
  try {
    return fileURLToPath(import.meta.resolve('examark/dist/index.js'));
  } catch {
    return undefined;
  }
})();
const examarkVersion = examarkBin ? JSON.parse(readFileSync(path.join(path.dirname(examarkBin), '..', 'package.json'), 'utf8')).version : undefined;

const log = (s) => process.stdout.write(s + '\n');
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

// Compile the code under test into bench/data/.stage, away from the shared lib/ (others may be
// mid-edit): committed code by default (git archive), or the working tree.
function stage(source) {
  const dir = path.join(dataRoot, '.stage');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const wanted = ['src', 'bin', 'scripts', 'templates', 'sources', 'qbank.lock.json', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
  let commit;
  if (source === 'worktree') {
    for (const p of wanted) if (existsSync(path.join(repo, p))) cpSync(path.join(repo, p), path.join(dir, p), { recursive: true });
    const dirty = git('status', '--porcelain', '--', 'src', 'templates') !== '';
    commit = git('rev-parse', '--short=12', 'HEAD') + (dirty ? '+worktree' : '');
  } else {
    commit = git('rev-parse', '--short=12', source);
    const present = git('ls-tree', '--name-only', source).split('\n');
    const tar = execFileSync('git', ['archive', source, ...wanted.filter((p) => present.includes(p))], { cwd: repo, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // the repository has no config: an empty one here stops qbank's search at the stage (as at the
  // repository root) instead of finding bench/data's projects
  if (!existsSync(path.join(dir, 'qbank.config.json'))) writeFileSync(path.join(dir, 'qbank.config.json'), '{}\n');
  const tsc = spawnSync(node, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, encoding: 'utf8' });
  if (tsc.status !== 0) log(`warning: tsc reported errors in the staged ${source} (measuring what it emitted):\n${tsc.stdout.split('\n').slice(0, 8).join('\n')}`);
  if (!existsSync(path.join(dir, 'lib/cli/main.js'))) throw new Error('the staged build produced no lib/cli/main.js');
  // the CLI bundle, as `npm install` builds it (code that predates it runs from lib/ directly)
  if (existsSync(path.join(dir, 'scripts/bundle.mjs'))) {
    const b = spawnSync(node, ['scripts/bundle.mjs'], { cwd: dir, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`the staged bundle failed:\n${b.stderr}`);
  }
  return { dir, commit };
}

// One timed process: wall time around the spawn, peak RSS from /usr/bin/time -v (children
// included, so Examark's zip subprocess counts) or from the rss hook.
function measure(cmd, { cwd, clean, timeoutS }) {
  if (clean) rmSync(clean, { recursive: true, force: true });
  const rssFile = path.join(dataRoot, '.rss.txt');
  const logFile = path.join(dataRoot, '.task.log');
  rmSync(rssFile, { force: true });
  const fd = openSync(logFile, 'w');
  // coreutils timeout stops a runaway task (exit 124) without leaving its process behind
  const limited = timeoutS && existsSync('/usr/bin/timeout') ? ['/usr/bin/timeout', String(timeoutS), ...cmd] : cmd;
  const argv = timeBin ? [timeBin, '-v', '-o', rssFile, ...limited] : limited;
  const env = { ...process.env, NO_COLOR: '1' };
  if (!timeBin) {
    env.QBANK_BENCH_RSS_FILE = rssFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(path.join(benchDir, 'rss-hook.mjs')).href}`;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, stdio: ['ignore', fd, fd], env });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(fd);
  const usage = existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(usage);
  const user = /User time \(seconds\): ([\d.]+)/.exec(usage);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(usage);
  const output = readFileSync(logFile, 'utf8');
  if (clean) rmSync(clean, { recursive: true, force: true });
  return { wall, cpu: user && sys ? Number(user[1]) + Number(sys[1]) : null, rssMB: rss ? Number(rss[1]) / 1024 : null, code: r.status ?? (r.signal ? 128 : -1), tail: output.slice(-2000) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarize(task, samples) {
  const walls = samples.map((s) => s.wall);
  const rss = samples.map((s) => s.rssMB).filter((x) => x !== null);
  const cpus = samples.map((s) => s.cpu).filter((x) => x !== null);
  return {
    ...task,
    runs: samples.length,
    walls: walls.map((w) => Math.round(w * 1000) / 1000),
    median: median(walls),
    min: Math.min(...walls),
    max: Math.max(...walls),
    cpu: cpus.length ? median(cpus) : null,
    rssMB: rss.length ? Math.max(...rss) : null,
    codes: [...new Set(samples.map((s) => s.code))],
    tail: samples[0].tail.trim().split('\n').slice(-3).join('\n'),
  };
}

function runGroup(all, n) {
  const tasks = only ? all.filter((t) => only.test(t.id)) : all;
  const samples = new Map(tasks.map((t) => [t.id, []]));
  for (let r = 0; r < n; r++) {
    for (const t of tasks) {
      const s = measure(t.cmd, t);
      samples.get(t.id).push(s);
      log(`  ${t.id.padEnd(22)} run ${r + 1}/${n}: ${s.wall.toFixed(2)} s (cpu ${s.cpu?.toFixed(2) ?? '?'} s), ${s.rssMB === null ? '?' : s.rssMB.toFixed(0)} MB, exit ${s.code}`);
    }
  }
  return Object.fromEntries(tasks.map((t) => [t.id, summarize(t, samples.get(t.id))]));
}

// ---- main -----------------------------------------------------------------------------------
mkdirSync(dataRoot, { recursive: true });
const started = new Date();
log(`qbank benchmark: sizes ${sizes.map(sizeLabel).join(', ')}, ${runs} runs (${bigRuns} at ≥1M), source ${o.source}`);
const { dir: stageDir, commit } = stage(o.source);
const qbank = path.join(stageDir, 'bin/qbank.js');
const { targets: registry } = await import(pathToFileURL(path.join(stageDir, 'lib/emit/index.js')).href);
const targets = Object.keys(registry);
// "ALL targets" as issue 9 names them: the LMS imports. The printable HTML is timed on its own
// (an exam of 100k questions is not something anyone prints).
const lmsTargets = ['json', 'gift', 'moodle-xml', 'qti21', 'canvas'].filter((t) => targets.includes(t));
log(`staged ${commit}; targets: ${targets.join(', ')}; examark: ${examarkVersion ?? 'not installed'}`);

const results = {
  date: started.toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
  commit,
  source: o.source,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, loadavgStart: os.loadavg().map((x) => +x.toFixed(2)) },
  rssMethod: timeBin ? '/usr/bin/time -v (max RSS of the process tree)' : 'process.resourceUsage().maxRSS (node processes only)',
  examark: examarkVersion ? { version: examarkVersion } : { skipped: 'examark is not installed (npm install -D examark@0.7.0)' },
  seed,
  targets,
  lmsTargets,
  sizes: {},
};

// Start-up: --version and the 8-question sample, against the floor on the 1k bank.
{
  const d1k = ensureData({ n: 1000, seed, root: dataRoot }).dir;
  log('start-up');
  results.startup = runGroup(
    [
      { id: 'floor-1k', label: 'Node floor on the 1k bank', cmd: [node, path.join(benchDir, 'floor.mjs'), 'bank.txt'], cwd: d1k },
      { id: 'node-bare', label: 'node -e "" (bare start-up)', cmd: [node, '-e', ''], cwd: d1k },
      { id: 'version', label: 'qbank --version', cmd: [node, qbank, '--version'], cwd: stageDir },
      { id: 'lint-sample', label: 'qbank lint sources/atendimento.txt (8 questions)', cmd: [node, qbank, 'lint', 'sources/atendimento.txt'], cwd: stageDir },
    ],
    runs,
  );
}

for (const n of sizes) {
  const label = sizeLabel(n);
  const t0 = performance.now();
  const { dir, manifest, generated } = ensureData({ n, seed, root: dataRoot });
  if (generated) log(`generated ${label} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const big = n >= BIG;
  const files = manifest.files ?? ['bank.txt'];
  const tasks = [
    { id: 'floor', label: 'Node floor: read + split lines', cmd: [node, path.join(benchDir, 'floor.mjs'), ...files], cwd: dir },
    { id: 'lint', label: 'qbank lint', cmd: [node, qbank, 'lint', ...files], cwd: dir },
  ];
  if (!big || o['per-target-big'])
    for (const t of targets) tasks.push({ id: `build-${t}`, label: `qbank build --format ${t}`, cmd: [node, qbank, 'build', ...files, '--out', `out/${t}`, '--format', t], cwd: dir, clean: path.join(dir, 'out', t) });
  tasks.push({ id: 'build-all', label: `qbank build, all LMS targets (${lmsTargets.join(', ')})`, cmd: [node, qbank, 'build', ...files, '--out', 'out/all', '--format', lmsTargets.join(',')], cwd: dir, clean: path.join(dir, 'out', 'all') });
  let examarkNote;
  if (examarkBin && !o['skip-examark'] && !big) {
    tasks.push({ id: 'examark-check', label: `Examark ${examarkVersion} check`, cmd: [node, examarkBin, 'check', 'bank.md'], cwd: dir });
    // zip -r would add to an existing archive: clean removes it before each run
    tasks.push({ id: 'examark-qti', label: `Examark ${examarkVersion} convert to QTI 1.2 zip`, cmd: [node, examarkBin, 'bank.md', '-o', 'examark.qti.zip'], cwd: dir, clean: path.join(dir, 'examark.qti.zip') });
  } else if (examarkBin && big) {
    examarkNote = 'Examark not run at ≥1M: its check compares question ids pairwise (O(n²), ~60 s at 300k) and its convert builds the whole XML as one string, which fails with "Invalid string length" beyond ~200k questions';
  }
  // Each size is its own project (config here, so qbank.lock.json lives here too). Measured in
  // the steady state of a project that commits its lock file: one unmeasured build by the code
  // under test writes it, and every measured lint and build then reads it (and rewrites it
  // unchanged).
  writeFileSync(path.join(dir, 'qbank.config.json'), '{}\n');
  {
    rmSync(path.join(dir, 'qbank.lock.json'), { force: true });
    const warm = measure([node, qbank, 'build', ...files, '--out', 'out/warm-up', '--format', 'json', '--quiet'], { cwd: dir, clean: path.join(dir, 'out', 'warm-up'), timeoutS: n >= BIG ? Number(o['big-timeout']) : undefined });
    log(`  lock file written by an unmeasured build (${warm.wall.toFixed(1)} s, exit ${warm.code})`);
  }
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
  log(`${label} (${n} questions in ${files.length} file${files.length > 1 ? 's' : ''}, ${(bytes / 2 ** 20).toFixed(0)} MB)`);
  if (big) for (const t of tasks) t.timeoutS = Number(o['big-timeout']);
  const measured = runGroup(tasks, big ? bigRuns : runs);
  if (o['no-rules']) {
    results.sizes[label] = { n, files, bytes, lockBytes: statSync(path.join(dir, 'qbank.lock.json'), { throwIfNoEntry: false })?.size ?? 0, mdBytes: statSync(path.join(dir, 'bank.md')).size, counts: manifest.counts, sha256: manifest.sha256, tasks: measured };
    writeResults();
    continue;
  }
  log(`  per-rule timings (in-process)`);
  const rt = spawnSync(node, [path.join(benchDir, 'rule-times.mjs'), path.join(stageDir, 'lib'), ...files.map((f) => path.join(dir, f))], { encoding: 'utf8', maxBuffer: 1 << 26, ...(big ? { timeout: Number(o['big-timeout']) * 1000 } : {}) });
  let ruleTimes;
  try {
    ruleTimes = JSON.parse(rt.stdout.trim().split('\n').pop());
  } catch {
    ruleTimes = { error: (rt.stderr || rt.stdout).slice(-500) };
  }
  results.sizes[label] = { n, files, bytes, lockBytes: statSync(path.join(dir, 'qbank.lock.json'), { throwIfNoEntry: false })?.size ?? 0, mdBytes: statSync(path.join(dir, 'bank.md')).size, counts: manifest.counts, sha256: manifest.sha256, tasks: measured, ruleTimes, ...(examarkNote ? { examarkNote } : {}) };
  writeResults(); // keep partial results if a later size is interrupted
}
results.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
results.finished = new Date().toISOString();
writeResults();
log(`wrote ${path.relative(repo, path.join(outDir, 'results.md'))} and results.json`);

// ---- report ---------------------------------------------------------------------------------
function writeResults() {
  derive();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(path.join(outDir, 'results.md'), renderMarkdown());
}

// Ratios to the floor and to Examark, and the targets of issue 9.
function derive() {
  for (const s of Object.values(results.sizes)) {
    const floor = s.tasks.floor?.median;
    const check = s.tasks['examark-check']?.median;
    const convert = s.tasks['examark-qti']?.median;
    for (const t of Object.values(s.tasks)) {
      t.qps = s.n / t.median;
      t.xFloor = floor ? t.median / floor : null;
      const peer = t.id === 'lint' ? check : t.id.startsWith('build-') ? convert : undefined;
      t.xFasterThanExamark = peer ? peer / t.median : null;
      t.ok = t.codes.every((c) => c === 0) || (t.id === 'lint' && t.codes.every((c) => c === 0 || c === 1));
    }
  }
  const S = results.sizes;
  const T = (size, id) => S[size]?.tasks[id];
  const goal = (name, value, pass, note, cpu) => ({ name, value, pass: value === null || value === undefined ? null : pass, ...(note ? { note } : {}), ...(cpu !== undefined && cpu !== null && Number.isFinite(cpu) ? { cpu: +cpu.toFixed(2) } : {}) });
  // the same ratio on CPU seconds (user + system): steadier than wall time on a shared machine
  const cpuRatio = (a, b) => (a?.cpu && b?.cpu ? a.cpu / b.cpu : null);
  const f = (x, d = 2) => (x === null || x === undefined ? null : +x.toFixed(d));
  const nd = (size) => S[size]?.ruleTimes?.perRule?.find((r) => r.rule === 'near-duplicate');
  const up = results.startup;
  const lint100 = T('100k', 'lint');
  const all100 = T('100k', 'build-all');
  const conv100 = T('100k', 'examark-qti');
  results.goals = [
    goal('lint 100k ≤ 5× floor', f(lint100?.xFloor), lint100?.xFloor <= 5, undefined, cpuRatio(lint100, T('100k', 'floor'))),
    goal('lint 100k ≥ 3× faster than Examark check', f(lint100?.xFasterThanExamark), lint100?.xFasterThanExamark >= 3, undefined, cpuRatio(T('100k', 'examark-check'), lint100)),
    goal('build all targets 100k ≥ 3× faster than Examark convert', f(all100?.xFasterThanExamark), all100?.xFasterThanExamark >= 3, undefined, cpuRatio(conv100, all100)),
    goal('build all targets 100k peak RSS ≤ ½ Examark convert', all100?.rssMB && conv100?.rssMB ? f(all100.rssMB / conv100.rssMB) : null, all100?.rssMB / conv100?.rssMB <= 0.5),
    goal('lint time(100k)/time(10k) ≤ 11', f(lint100 && T('10k', 'lint') ? lint100.median / T('10k', 'lint').median : null), lint100?.median / T('10k', 'lint')?.median <= 11, undefined, cpuRatio(lint100, T('10k', 'lint'))),
    goal('build all time(100k)/time(10k) ≤ 11', f(all100 && T('10k', 'build-all') ? all100.median / T('10k', 'build-all').median : null), all100?.median / T('10k', 'build-all')?.median <= 11, undefined, cpuRatio(all100, T('10k', 'build-all'))),
    goal(
      'near-duplicate sub-quadratic: time(100k)/time(10k) (quadratic = 100)',
      nd('100k') && nd('10k') ? f(nd('100k').ms / Math.max(nd('10k').ms, 0.1), 1) : null,
      nd('100k')?.ms / Math.max(nd('10k')?.ms, 0.1) < 30,
      nd('10k') ? `ms at 10k / 100k / 1M: ${['10k', '100k', '1M'].map((s) => nd(s)?.ms ?? '–').join(' / ')}` : 'no near-duplicate rule in this build',
    ),
    goal('1M lint completes, peak RSS < 2048 MB', T('1M', 'lint') ? f(T('1M', 'lint').rssMB, 0) : null, T('1M', 'lint')?.ok && T('1M', 'lint')?.rssMB < 2048),
    goal('1M build all completes, peak RSS < 2048 MB', T('1M', 'build-all') ? f(T('1M', 'build-all').rssMB, 0) : null, T('1M', 'build-all')?.ok && T('1M', 'build-all')?.rssMB < 2048),
    goal('qbank --version ≤ 2× floor(1k)', up?.version && up['floor-1k'] ? f(up.version.median / up['floor-1k'].median) : null, up?.version?.median / up?.['floor-1k']?.median <= 2, undefined, cpuRatio(up?.version, up?.['floor-1k'])),
    goal('lint of the 8-question sample ≤ 2× floor(1k)', up?.['lint-sample'] && up['floor-1k'] ? f(up['lint-sample'].median / up['floor-1k'].median) : null, up?.['lint-sample']?.median / up?.['floor-1k']?.median <= 2, undefined, cpuRatio(up?.['lint-sample'], up?.['floor-1k'])),
  ];
}

function renderMarkdown() {
  const r = results;
  const s2 = (x) => (x === null || x === undefined ? '–' : x.toFixed(2));
  const lines = [];
  lines.push(`# qbank benchmark results`, '');
  lines.push(`- Date: ${r.date} (finished ${r.finished ?? 'in progress'})`);
  lines.push(`- Command: \`${r.command}\`; code: ${r.source === 'worktree' ? 'working tree' : 'commit'} \`${r.commit}\``);
  lines.push(`- Machine: ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memGB} GB, Node ${r.machine.node}, ${r.machine.platform}; load average at start ${r.machine.loadavgStart.join(' ')}${r.loadavgEnd ? `, at end ${r.loadavgEnd.join(' ')}` : ''} (other jobs were running: compare ratios within this run, not absolute times across runs)`);
  lines.push(`- Banks: \`bench/generate.mjs\`, seed ${r.seed}; four-option questions mostly, with multi-answer, true/false, pinned "Todas" options and ~1% planted near-duplicates; raw text + sidecar .key for qbank, the same questions as Markdown for Examark`);
  lines.push(`- Times are whole-process wall time (Node start-up included), median of the runs; peak RSS is the largest of the runs (${r.rssMethod})`);
  lines.push(`- Examark: ${r.examark.version ? `${r.examark.version}, installed as a dev dependency, run on bank.md in the same run` : r.examark.skipped}`);
  lines.push(`- Targets built: each of ${r.targets.join(', ')} alone; "all targets" = the LMS imports issue 9 names (${r.lmsTargets?.join(', ') ?? r.targets.join(', ')})`);
  lines.push(`- Each size is a project in the steady state of a committed qbank.lock.json (written by one unmeasured build; ${Object.entries(r.sizes).map(([l, s]) => `${l}: ${(s.lockBytes / 2 ** 20).toFixed(1)} MB`).join(', ')}), read by every lint and build`, '');
  lines.push('## Goals (issue 9)', '', 'Measured on wall time, as the issue states them; the same ratio on CPU time (user + system) is shown beside it, since other jobs shared the machine.', '', '| goal | measured (wall) | same on CPU time | met (wall) |', '|---|---|---|---|');
  for (const g of r.goals ?? []) lines.push(`| ${g.name} | ${g.value ?? '–'}${g.note ? ` (${g.note})` : ''} | ${g.cpu ?? '–'} | ${g.pass === null ? 'not measured' : g.pass ? 'yes' : '**no**'} |`);
  lines.push('', '## Times', '', '| task | N | median s (min–max) | CPU s | questions/s | × floor | × faster than Examark | peak RSS MB | exit |', '|---|---|---|---|---|---|---|---|---|');
  for (const [label, s] of Object.entries(r.sizes)) {
    for (const t of Object.values(s.tasks)) {
      lines.push(`| ${t.label} | ${label} | ${t.median.toFixed(2)} (${t.min.toFixed(2)}–${t.max.toFixed(2)}) ×${t.runs} | ${t.cpu?.toFixed(2) ?? '–'} | ${Math.round(t.qps).toLocaleString('en-US')} | ${s2(t.xFloor)} | ${t.xFasterThanExamark ? t.xFasterThanExamark.toFixed(1) + '×' : '–'} | ${t.rssMB === null ? '–' : t.rssMB.toFixed(0)} | ${t.codes.join(',')}${t.codes.includes(124) ? ` **stopped after ${t.timeoutS} s**` : t.ok ? '' : ' **failed**'} |`);
    }
    if (s.examarkNote) lines.push(`| _${s.examarkNote}_ | ${label} | | | | | | | |`);
  }
  if (r.startup && Object.keys(r.startup).length) {
    lines.push('', '## Start-up', '', '| task | median s | CPU s | × floor(1k) | peak RSS MB |', '|---|---|---|---|---|');
    const fl = r.startup['floor-1k']?.median;
    for (const t of Object.values(r.startup)) lines.push(`| ${t.label} | ${t.median.toFixed(3)} | ${t.cpu?.toFixed(3) ?? '–'} | ${fl ? (t.median / fl).toFixed(2) : '–'} | ${t.rssMB?.toFixed(0) ?? '–'} |`);
  }
  const withRules = Object.entries(r.sizes).filter(([, s]) => s.ruleTimes?.perRule);
  if (withRules.length) {
    const ids = [...new Set(withRules.flatMap(([, s]) => s.ruleTimes.perRule.map((p) => p.rule)))];
    lines.push('', '## In-process phases (CPU ms, one run; findings in brackets)', '', `| phase | ${withRules.map(([l]) => l).join(' | ')} |`, `|---|${withRules.map(() => '---').join('|')}|`);
    const phaseNames = { load: 'read + decode + parse', validate: 'zod validation of the IR', normalize: 'normalise all texts (cached for the rules)', lintAll: 'all rules (lintProject), after the per-rule runs' };
    for (const [ph, name] of Object.entries(phaseNames)) lines.push(`| ${name} | ${withRules.map(([, s]) => s.ruleTimes.phases[ph] ?? '–').join(' | ')} |`);
    for (const id of ids)
      lines.push(`| rule ${id} | ${withRules.map(([, s]) => {
        const p = s.ruleTimes.perRule.find((x) => x.rule === id);
        return p ? `${p.ms}${p.findings ? ` [${p.findings}]` : ''}` : '–';
      }).join(' | ')} |`);
    lines.push(`| planted near-duplicates | ${withRules.map(([, s]) => s.counts.nearDuplicates).join(' | ')} |`);
  }
  lines.push('', 'Reproduce with the command above; `npm run bench -- --sizes 1k,10k` for a quick run.', '');
  return lines.join('\n');
}
