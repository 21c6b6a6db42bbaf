// The second thread of a parallel build (see parallel.ts): it reads and parses the same
// sources itself (copying a 100k-question IR between threads costs more than parsing it
// again), gives them the same ids from the lock file (read only), then emits its share of the
// targets into the build's staging folder. The main thread lints meanwhile and decides
// whether the staged output is kept.
import type { Diagnostic } from '../ir/diagnostic.js';
import { emitInto, loadSources } from './build.js';
import { contentDigest, type WorkerJob, type WorkerResult } from './parallel.js';
import { serveWorker } from './threads.js';
import { writeInto } from './write.js';

async function run(job: WorkerJob): Promise<WorkerResult> {
  const { project, asset, ids } = await loadSources({
    cwd: job.cwd,
    config: job.config,
    inputs: job.inputs,
    ...(job.encoding ? { encoding: job.encoding } : {}),
    ids: { root: job.idsRoot, partial: job.partial },
    validate: false, // the main thread validates the same IR
  });
  const diagnostics: Diagnostic[] = [];
  const files = await emitInto(project, (f) => writeInto(job.stagingDir, f), {
    cwd: job.cwd,
    targets: job.targets,
    asset,
    templateDirs: job.templateDirs,
    onChecked: (found) => {
      for (const d of found) diagnostics.push(d);
    },
  });
  return { files, diagnostics, contentDigest: contentDigest(ids) };
}

serveWorker(run);
