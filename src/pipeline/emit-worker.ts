// The second thread of a parallel build (see parallel.ts): it reads and parses the same
// sources itself (copying a 100k-question IR between threads costs more than parsing it
// again), gives the questions the ids the main thread sends (in project order), then emits its
// share of the targets into the build's staging folder. The main thread lints meanwhile and
// decides whether the staged output is kept.
import type { Diagnostic } from '../ir/diagnostic.js';
import type { Project } from '../ir/schema.js';
import { questionCount } from '../ir/question-count.js';
import { emitInto, loadSources } from './build.js';
import { collectGarbage, contentDigest, dropUnread, readsEverySpan, type WorkerIds, type WorkerJob, type WorkerResult } from './parallel.js';
import { serveWorker, type LaterMessages } from './threads.js';
import { writeInto } from './write.js';

async function run(job: WorkerJob, later: LaterMessages): Promise<WorkerResult> {
  let arrived = false;
  const given = later.next<WorkerIds>().then((m) => {
    arrived = true;
    return m;
  });
  const { project, asset } = await loadSources({
    cwd: job.cwd,
    config: job.config,
    inputs: job.inputs,
    ...(job.encoding ? { encoding: job.encoding } : {}),
    validate: false, // the main thread validates the same IR
  });
  if (!job.targets.some(readsEverySpan)) dropUnread(project);
  const digest = contentDigest(project);
  await new Promise(setImmediate); // a message already sent is received now
  // idle anyway until the main thread has matched the lock; the parse's garbage is dead and the
  // last full collection came early in the parse (~80 MB less peak heap at 100k questions)
  if (!arrived) collectGarbage();
  const { ids } = await given;
  if (!giveIds(project, ids)) return { files: 0, diagnostics: [], contentDigest: digest }; // another bank: the main thread says so
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
  return { files, diagnostics, contentDigest: digest };
}

function giveIds(project: Project, ids: string[]): boolean {
  if (questionCount(project) !== ids.length) return false;
  let i = 0;
  for (const bank of project.banks) for (const q of bank.questions) q.id = ids[i++]!;
  return true;
}

serveWorker(run);
