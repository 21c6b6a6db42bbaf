// The second thread of a parallel build (see parallel.ts): it reads and parses the same
// sources itself (copying a 100k-question IR between threads costs more than parsing it
// again), gives them the same ids from the lock file (read only), then emits its share of the
// targets into the build's staging folder. The main thread lints meanwhile and decides
// whether the staged output is kept.
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../ir/diagnostic.js';
import { loadSources } from './build.js';
import { emitInto, idsDigest, type WorkerJob, type WorkerResult } from './parallel.js';
import { writeInto } from './write.js';

async function run(job: WorkerJob): Promise<WorkerResult> {
  const { project, asset } = await loadSources({
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
    onChecked: (d) => diagnostics.push(...d),
  });
  return { files, diagnostics, idsDigest: idsDigest(project) };
}

if (parentPort && workerData) {
  const port = parentPort;
  run(workerData as WorkerJob).then(
    (r) => port.postMessage({ ok: true, result: r }),
    (e: unknown) => port.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error', stack: e instanceof Error ? e.stack : undefined }),
  );
}
