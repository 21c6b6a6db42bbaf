// The second thread of a parallel lint (see parallel-lint.ts): reads and parses the same
// files (copying a 100k-question IR between threads costs more than parsing it again) and
// runs its share of the rules; the main thread applies config, suppressions and sorting.
import { parentPort, workerData } from 'node:worker_threads';
import { markdownReady } from '../markdown/render.js';
import { loadProject } from '../pipeline/load.js';
import { rules } from './index.js';
import { sourceDigest, type LintJob, type LintWorkerResult } from './parallel-lint.js';
import { ruleReports } from './run-lint.js';

async function run(job: LintJob): Promise<LintWorkerResult> {
  await markdownReady(); // some rules read Markdown
  const { project, lines } = await loadProject({
    cwd: job.cwd,
    inputs: job.inputs,
    sources: job.config.sources,
    ignore: job.config.ignore,
    encoding: job.encoding ?? job.config.encoding,
    lang: job.config.lang,
    points: job.config.points,
    shuffle: job.config.shuffle,
  });
  const wanted = rules.filter((r) => job.ruleIds.includes(r.id));
  const reports = ruleReports(project, wanted, { config: job.config, targets: job.targets, sourceLines: (f) => lines.get(f) });
  return { reports: [...reports], digest: sourceDigest(project) };
}

if (parentPort && workerData) {
  const port = parentPort;
  run(workerData as LintJob).then(
    (result) => port.postMessage({ ok: true, result }),
    () => port.postMessage({ ok: false }),
  );
}
