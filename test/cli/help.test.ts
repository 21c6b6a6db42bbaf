// Every command explains itself with examples; typos get a "did you mean".
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';

describe('help and suggestions', () => {
  it('lists the commands, each of which has --help with examples', async () => {
    const top = await runCli(['--help'], process.cwd());
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['build', 'lint', 'rules', 'init', 'stats']));
    for (const c of commands) {
      const r = await runCli([c, '--help'], process.cwd());
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toMatch(/Examples:\n {2}\$ qbank /);
    }
  });

  it('suggests the closest command for a typo and exits 2', async () => {
    const r = await runCli(['biuld'], process.cwd());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'biuld'");
    expect(r.stderr).toContain('Did you mean build?');
    expect((await runCli(['stat'], process.cwd())).stderr).toContain('Did you mean stats?');
  });

  it('suggests the closest option and format', async () => {
    expect((await runCli(['build', '--wach'], process.cwd())).stderr).toContain('Did you mean --watch?');
    const dir = tempProject({ 'sources/a.txt': '1\nO que é ONT?\nUm modem óptico\nUm cabo\n', 'sources/a.key': '1: A\n' });
    const r = await runCli(['build', '--format', 'gfit'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown format "gfit" (did you mean "gift"?)');
  });
});
