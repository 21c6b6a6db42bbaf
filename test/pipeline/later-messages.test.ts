// A worker's job gets the messages sent after it in order, even those that come while the job is
// still busy (a parallel build's ids arrive during the worker's parse): serveWorker keeps them
// from the moment the job arrives. Runs the compiled threads.js in a real worker thread.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/validators.js';

const threadsJs = path.join(repoRoot, 'lib/pipeline/threads.js');
const compiled = existsSync(threadsJs);
if (!compiled) process.stdout.write('[skipped] worker message tests: lib/ is not compiled (npm test compiles it first)\n');

const work = mkdtempSync(path.join(tmpdir(), 'qbank-later-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!compiled)('serveWorker later messages', () => {
  it('delivers messages sent while the job was busy, in order, and one sent after it waits', { timeout: 30_000 }, async () => {
    const worker = path.join(work, 'worker.mjs');
    writeFileSync(
      worker,
      `import { serveWorker } from ${JSON.stringify(pathToFileURL(threadsJs).href)};
serveWorker(async (job, later) => {
  await new Promise((resolve) => setTimeout(resolve, 200)); // busy (a parse awaits its reads): messages 2 and 3 arrive meanwhile
  const seen = [job, await later.next(), await later.next()];
  seen.push(await later.next()); // sent only after the reply to 'ready' below
  return seen;
});
`,
    );
    type Lib = typeof import('../../src/pipeline/threads.js');
    const { startWorker } = (await import(pathToFileURL(threadsJs).href)) as Lib;
    const w = startWorker<string, string[]>(pathToFileURL(worker));
    w.send('job');
    w.send('two');
    w.send('three');
    setTimeout(() => w.send('late'), 400);
    expect(await w.result).toEqual(['job', 'two', 'three', 'late']);
  });
});
