// A parallel build's worker (src/pipeline/parallel.ts) emits from an IR without text spans and
// key entries (dropUnread), and takes its ids from the main thread. Each target that does not
// show every span must give exactly the bytes and self-check findings of the full IR.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import type { Contents } from '../../src/emit/emitter.js';
import { targets as registry } from '../../src/emit/index.js';
import type { Project, Text } from '../../src/ir/schema.js';
import type { AssetLookup } from '../../src/pipeline/assets.js';
import { emitAll, loadSources } from '../../src/pipeline/build.js';
import { collectGarbage, dropUnread, idsOf, readsEverySpan } from '../../src/pipeline/parallel.js';
import { sampleProject } from '../support/sample-project.js';

const work = mkdtempSync(path.join(tmpdir(), 'qbank-split-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let cwd: string;
let project: Project;
let asset: AssetLookup;
beforeAll(async () => {
  cwd = sampleProject(work);
  ({ project, asset } = await loadSources({ cwd, config: ConfigSchema.parse({}), inputs: [], ids: { root: cwd, partial: false } }));
  // the raw format has no feedback yet; the IR does, and emitters show it: every third question gets some
  let n = 0;
  const text = (span: Text['span']): Text => ({ markdown: `Retorno *${++n}*`, span: { ...span } });
  for (const b of project.banks) b.questions.forEach((q, i) => {
    if (i % 3 === 0) q.feedback = { general: text(q.stem.span), correct: text(q.stem.span), incorrect: text(q.stem.span), options: q.options.map((o, j) => (j % 2 ? null : text(o.text.span))) };
  });
});

const bytesOf = (c: Contents): Buffer => (typeof c === 'string' || c instanceof Uint8Array ? Buffer.from(c) : Buffer.concat([...c].map((p) => Buffer.from(p))));

async function emitted(p: Project, target: string) {
  const { files, diagnostics } = await emitAll(p, { cwd, targets: [target], asset });
  return { files: files.map((f) => ({ path: f.path, bytes: bytesOf(f.contents) })), diagnostics };
}

describe('the worker IR without text spans and key entries', () => {
  it('covers questions with feedback, images and several banks', () => {
    const questions = project.banks.flatMap((b) => b.questions);
    expect(project.banks.length).toBeGreaterThan(1);
    expect(questions.some((q) => q.feedback)).toBe(true);
    expect(questions.some((q) => q.stem.markdown.includes('!['))).toBe(true);
  });

  for (const target of Object.keys(registry).filter((t) => !readsEverySpan(t))) {
    it(`gives ${target} the same bytes and self-check findings`, { timeout: 60_000 }, async () => {
      const dropped = structuredClone(project);
      dropUnread(dropped);
      expect(await emitted(dropped, target)).toEqual(await emitted(project, target));
    });
  }

  it('does drop what json shows (so json stays with a full IR)', async () => {
    const dropped = structuredClone(project);
    dropUnread(dropped);
    expect(readsEverySpan('json')).toBe(true);
    expect(await emitted(dropped, 'json')).not.toEqual(await emitted(project, 'json'));
  });
});

describe('ids sent to the worker', () => {
  it('are every question id in project order', () => {
    expect(idsOf(project).ids).toEqual(project.banks.flatMap((b) => b.questions.map((q) => q.id)));
  });
});

describe('collectGarbage', () => {
  it('frees what is no longer reachable, and leaves no gc() to later contexts', () => {
    let garbage: unknown[] | undefined = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `x${i}` }));
    const before = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(300_000);
    garbage = undefined;
    collectGarbage();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * 2 ** 20);
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });
});
