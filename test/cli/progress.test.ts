import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { runCli, tempProject } from '../support/cli.js';

function tty(isTTY: boolean) {
  let out = '';
  return { stream: { isTTY, write: (s: string) => ((out += s), true) }, text: () => out };
}

describe('progress display', () => {
  it('stays silent during the first second, then draws a bar on a TTY and clears it at the end', () => {
    let now = 0;
    const t = tty(true);
    const p = createProgress(t.stream, {}, { now: () => now });
    p.step('emitting gift', 1, 4);
    expect(t.text()).toBe('');
    now = 1500;
    p.step('emitting qti21', 2, 4);
    expect(t.text()).toMatch(/emitting qti21 \[#{10}-{10}\] 2\/4 1\.5s$/);
    p.end();
    expect(t.text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('draws nothing when stderr is not a TTY, in CI, or with --quiet', () => {
    for (const [isTTY, env, quiet] of [[false, {}, false], [true, { CI: 'true' }, false], [true, {}, true]] as const) {
      let now = 0;
      const t = tty(isTTY);
      const p = createProgress(t.stream, env, { now: () => now, quiet });
      now = 5000;
      p.step('linting');
      p.end();
      expect(t.text()).toBe('');
    }
  });
});

describe('build --quiet and --verbose', () => {
  const files = { 'sources/a.txt': '1\nO que é ONT?\nUm modem óptico\nUm cabo\nUm roteador \n', 'sources/a.key': '1: A\n' };
  it('--quiet prints nothing for a clean build with only infos', async () => {
    const r = await runCli(['build', '--quiet', '--format', 'json'], tempProject(files));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
  it('--verbose adds step timings and what happened to the ids', async () => {
    const dir = tempProject(files);
    const r = await runCli(['build', '--verbose', '--format', 'json'], dir);
    expect(r.stderr).toMatch(/qbank: read, ids and lint after \d+ ms/);
    expect(r.stderr).toMatch(/qbank: emit and write after \d+ ms/);
    expect(r.stderr).toContain('created qbank.lock.json with 1 question id');
    expect((await runCli(['build', '--verbose', '--format', 'json'], dir)).stderr).toContain('qbank: ids unchanged (1 kept)');
    expect((await runCli(['build', '--format', 'json'], dir)).stderr).not.toContain('ids unchanged');
  });
});
