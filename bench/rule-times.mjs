// In-process timings of one bank: load (read, decode, parse), IR validation, then each lint
// rule alone through lintProject (so config and options are applied as in `qbank lint`).
// Shows which rule costs what, and how near-duplicate detection scales with N. Texts are
// folded once and cached, so the first rule to read them pays for it: the fold is done up
// front and shown as its own phase.
// Usage: node bench/rule-times.mjs <compiled lib dir> <bank.txt>…   (prints JSON)
import path from 'node:path';
import { libImporter, ms, now } from './in-process.mjs';

const [libDir, ...bankFiles] = process.argv.slice(2);
const lib = libImporter(libDir);
const { loadProject } = await lib('pipeline/load.js');
const { lintProject } = await lib('lint/run-lint.js');
const { rules } = await lib('lint/index.js');
const { ProjectSchema } = await lib('ir/schema.js');

const cwd = path.dirname(path.resolve(bankFiles[0]));
let t0 = now();
const { project, diagnostics, lines } = await loadProject({ cwd, inputs: bankFiles.map((f) => path.basename(f)), sources: [] });
// the text-hygiene rules read the decoded source lines, as in `qbank lint`
const sourceLines = (f) => lines?.get(f);
const phases = { load: ms(t0) };
// validate what `qbank lint` validates (a fixed sample above 2,000 questions)
const { irSample } = await lib('pipeline/build.js');
t0 = now();
ProjectSchema.safeParse(irSample ? irSample(project) : project);
phases.validate = ms(t0);
const text = await lib('lint/text.js').catch(() => ({}));
const folds = await lib('lint/project-folds.js').catch(() => ({}));
// One text cache (as one lint run has) spans the normalisation phase and the per-rule runs.
const perRule = [];
const phase = () => {
  t0 = now();
  // the rules' shared fold: one byte array of every folded text (older builds: a string per text)
  if (folds.projectFolds) folds.projectFolds(project);
  else if (text.normalized) for (const b of project.banks) for (const q of b.questions) { text.normalized(q.stem); for (const o of q.options) text.normalized(o.text); }
  phases.normalize = ms(t0);
  for (const rule of rules) {
    if (rule.fromParser) continue;
    t0 = now();
    const found = lintProject(project, [], { rules: [rule], sourceLines });
    perRule.push({ rule: rule.id, ms: ms(t0), findings: found.length });
  }
};
if (text.withTextCache) text.withTextCache(phase);
else phase();
t0 = now();
const all = lintProject(project, diagnostics, { sourceLines });
phases.lintAll = ms(t0);
const byRule = {};
for (const d of all) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
process.stdout.write(JSON.stringify({ questions: project.banks.reduce((n, b) => n + b.questions.length, 0), phases, perRule, findings: byRule, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
