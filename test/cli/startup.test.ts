// What the CLI bundle (scripts/bundle.mjs) leaves out of a start, checked on bin/qbank.js itself:
// a lint of the sample loads none of the built-ins kept for other runs, and those runs still get
// them (--changed needs child_process, SARIF and images crypto, a big bank worker_threads).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleDir as bundle, bundled, preloadedCli } from '../support/preloaded-cli.js';
import { sampleProject } from '../support/sample-project.js';

if (!bundled) process.stdout.write('[skipped] start-up tests: lib/bundle is not built (npm test builds it first)\n');

const work = mkdtempSync(path.join(tmpdir(), 'qbank-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// preloaded: lists on exit the built-ins of interest that this process loaded
const run = preloadedCli(
  path.join(work, 'builtins-hook.cjs'),
  `process.on('exit', () => {
  const names = ['child_process', 'crypto', 'worker_threads', 'v8', 'vm'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m));
  process.stderr.write('builtins loaded: [' + names.join(',') + ']\\n');
});
`,
);

describe.skipIf(!bundled)('CLI start-up', () => {
  const dir = sampleProject(path.join(work, 'sample'));

  it('lints the sample without child_process, crypto, worker_threads, v8 or vm', () => {
    const r = run(['lint', 'sources/atendimento.txt'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('0 errors');
    expect(r.stderr).toContain('builtins loaded: []');
  });

  it('still loads each one where a run needs it', () => {
    const sarif = run(['lint', 'sources/atendimento.txt', '--format', 'sarif'], dir);
    expect(JSON.parse(sarif.stdout).runs[0].results[0].partialFingerprints['qbankFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(sarif.stderr).toContain('builtins loaded: [crypto]');

    // the attack corpus has images: their names carry a hash of their bytes
    const built = run(['build', '--format', 'html', '--out', path.join(work, 'out'), '--quiet'], dir);
    expect(built.status, built.stderr).toBe(0);
    expect(readdirSync(path.join(work, 'out/html'), { recursive: true }).some((f) => /[0-9a-f]{10}-[^/]+\.(png|svg|jpe?g|gif)$/.test(String(f)))).toBe(true);

    const changed = run(['lint', '--changed'], dir); // not a git repository: git itself says so
    expect(changed.status).toBe(2);
    expect(changed.stderr).toMatch(/--changed: git/);
    expect(changed.stderr).toContain('child_process');

    const threaded = run(['lint', 'sources/atendimento.txt'], dir, { QBANK_THREADS: '2', QBANK_PARALLEL_FROM_BYTES: '1', QBANK_THREAD_LOG: '1' });
    expect(threaded.status).toBe(0);
    expect(threaded.stderr).toContain('a second thread ran');
    expect(threaded.stderr).toContain('worker_threads');
  });

  it("keeps only the parts of zod that qbank calls (not its JSON Schema import nor its compiler)", () => {
    const text = readdirSync(bundle).map((f) => readFileSync(path.join(bundle, f), 'utf8')).join('\n');
    expect(text).toContain('Invalid input: expected'); // English messages stay
    expect(text).not.toContain('fromJSONSchema');
    expect(text).not.toContain('ZodCompileAsyncError');
  });
});
