// The second thread of a parallel lint (see parallel-lint.ts): reads and parses the same
// files (copying a 100k-question IR between threads costs more than parsing it again) and
// runs its share of the rules; the main thread applies config, suppressions and sorting.
import { markdownReady } from '../markdown/render.js';
import { loadOptionsFrom, loadProject } from '../pipeline/load.js';
import { serveWorker } from '../pipeline/threads.js';
import { rules } from './index.js';
import { sourceDigest, type LintJob, type LintWorkerResult } from './parallel-lint.js';
import { ruleReports } from './run-lint.js';

async function run(job: LintJob): Promise<LintWorkerResult> {
  await markdownReady(); // some rules read Markdown
  const { project, lines } = await loadProject(loadOptionsFrom(job));
  const wanted = rules.filter((r) => job.ruleIds.includes(r.id));
  const reports = ruleReports(project, wanted, { config: job.config, targets: job.targets, sourceLines: (f) => lines.get(f) });
  return { reports: [...reports], digest: sourceDigest(project) };
}

serveWorker(run);
