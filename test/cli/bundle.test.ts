// README promises about the CLI bundle (scripts/bundle.mjs), checked on bin/qbank.js itself:
// leaving zod's translations out keeps its English messages, and picomatch is loaded only for a
// config with per-glob overrides.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundled, preloadedCli } from '../support/preloaded-cli.js';
import { sampleProject } from '../support/sample-project.js';

if (!bundled) process.stdout.write('[skipped] bundle tests: lib/bundle is not built (npm test builds it first)\n');

const work = mkdtempSync(path.join(tmpdir(), 'qbank-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// preloaded: says on exit whether anything required picomatch (the lint loads it with createRequire)
const run = preloadedCli(
  path.join(work, 'picomatch-hook.cjs'),
  `const Module = require('module');
const load = Module._load;
let used = false;
Module._load = function (request, ...rest) { if (request === 'picomatch') used = true; return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('picomatch loaded: ' + used + '\\n'));
`,
);

function lint(dir: string, config: object) {
  writeFileSync(path.join(dir, 'qbank.config.json'), JSON.stringify(config));
  return run(['lint'], dir);
}

describe.skipIf(!bundled)('CLI bundle', () => {
  it("keeps zod's English messages for a bad config", () => {
    const r = lint(sampleProject(path.join(work, 'bad')), { points: 'x' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('points: Invalid input: expected number, received string');
  });

  it('loads picomatch only when the config has per-glob overrides', () => {
    const dir = sampleProject(path.join(work, 'globs'));
    const plain = lint(dir, {});
    expect(plain.stderr).toContain('picomatch loaded: false');
    const withOverrides = lint(dir, { overrides: [{ files: ['sources/**'], rules: { 'all-of-the-above': 'off' } }] });
    expect(withOverrides.stderr).toContain('picomatch loaded: true');
    expect(withOverrides.stdout).not.toContain('all-of-the-above');
    expect(plain.stdout).toContain('all-of-the-above');
  });
});
