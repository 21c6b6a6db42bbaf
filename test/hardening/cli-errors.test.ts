// The user's mistakes get one line and exit code 2, never a stack trace: no sources/ folder, an
// unreadable file, a glob matching nothing, a malformed config (the zod error as a readable
// message naming the config file), an unknown format or rule id, bad flags.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rmSync } from 'node:fs';
import { runCli, tempProject, type CliResult } from '../support/cli.js';

// An unreadable file cannot be made with chmod when tests run as root (CI containers): make
// reading one particular file fail the way the OS would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const mod = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = (async (file: Parameters<typeof mod.readFile>[0], ...rest: unknown[]) => {
    if (String(file).endsWith('proibido.txt') || String(file).endsWith('segredo.key')) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES' });
    }
    return (mod.readFile as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof mod.readFile;
  return { ...mod, readFile, default: { ...mod, readFile } };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const bank = '1\nQuanto é 2 + 2?\n* 4\n5\n';

function project(files: Record<string, string> = { 'sources/banco.txt': bank }): string {
  const d = tempProject(files);
  dirs.push(d);
  return d;
}

/** Exit 2, exactly one line on stderr, no stack trace and no "--debug" (that is for crashes). */
function expectUsageError(r: CliResult, pattern: RegExp): void {
  // commander puts its own "(Did you mean build?)" on a line of its own: a hint, not a second error
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !/^\(Did you mean .*\?\)$/.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |--debug|ZodError|\{$/m);
  expect(r.code).toBe(2);
}

describe('clear errors for the user’s mistakes', () => {
  it.each(['build', 'lint'])('%s: no sources/ folder', async (cmd) => {
    expectUsageError(await runCli([cmd], project({})), /sources/);
  });

  it.each(['build', 'lint'])('%s: an unreadable bank file', async (cmd) => {
    const cwd = project({ 'sources/banco.txt': bank, 'sources/proibido.txt': bank });
    expectUsageError(await runCli([cmd], cwd), /sources\/proibido\.txt.*permission denied/);
  });

  it('an unreadable answer-key file', async () => {
    const cwd = project({ 'sources/segredo.txt': bank, 'sources/segredo.key': '1: A\n' });
    expectUsageError(await runCli(['lint'], cwd), /sources\/segredo\.key.*permission denied/);
  });

  it.each([
    ['a glob', ['nada/**/*.txt'], /No bank files match nada\/\*\*\/\*\.txt/],
    ['a file', ['nao-existe.txt'], /nao-existe\.txt/],
    ['a folder with no banks', ['vazio'], /vazio/],
  ])('build: %s matching nothing', async (_what, inputs, pattern) => {
    const cwd = project({ 'sources/banco.txt': bank, 'vazio/leia.md': 'x' });
    expectUsageError(await runCli(['build', ...inputs], cwd), pattern);
  });

  it.each([
    ['not JSON', '{ "sources": [', /qbank\.config\.json/],
    ['a wrong type (zod)', '{ "points": "dois" }', /qbank\.config\.json.*points/],
    ['a negative number (zod)', '{ "points": -1 }', /qbank\.config\.json.*points/],
    ['a misspelt key (strict)', '{ "sorces": ["x"] }', /qbank\.config\.json.*sorces/],
    ['a bad encoding value', '{ "encoding": "latin9" }', /qbank\.config\.json.*encoding/],
    ['an unknown rule id', '{ "rules": { "no-such-rule": "error" } }', /unknown rule "no-such-rule"/],
    ['an unknown rule id in overrides', '{ "overrides": [{ "files": ["**"], "rules": { "missing-anwser": "off" } }] }', /unknown rule "missing-anwser".*did you mean "missing-answer"/],
    ['a bad severity', '{ "rules": { "missing-answer": "loud" } }', /qbank\.config\.json.*missing-answer/],
    ['an unknown format in formats', '{ "formats": ["json", "pdf"] }', /pdf/],
  ])('malformed config: %s', async (_what, config, pattern) => {
    const cwd = project({ 'sources/banco.txt': bank, 'qbank.config.json': config });
    for (const cmd of config.includes('formats') ? ['build'] : ['build', 'lint']) expectUsageError(await runCli([cmd], cwd), pattern);
  });

  it('--config naming a file that does not exist', async () => {
    expectUsageError(await runCli(['lint', '--config', 'outro.json'], project()), /outro\.json/);
  });

  it.each([
    [['build', '--format', 'pdf'], /Unknown format "pdf"/],
    [['build', '--format', 'jsno'], /did you mean "json"/],
    [['lint', '--format', 'xml'], /Unknown format "xml"/],
    [['build', '--encoding', 'latin9'], /latin9/],
    [['build', '--no-such-flag'], /no-such-flag/],
    [['bulid'], /bulid/],
    [['lint', '--max-warnings', 'muitos'], /muitos/],
  ])('bad usage: %j', async (argv, pattern) => {
    expectUsageError(await runCli(argv, project()), pattern);
  });
});
