// `qbank build` emits both QTI packages by default, and refuses to write when an override
// template breaks one (the self-check error names the template).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { builtinTemplatesDir } from '../../../src/emit/templates.js';
import { runCli, tempProject } from '../../support/cli.js';
import { repoRoot } from '../../support/validators.js';

const project = () => tempProject({}, { sources: path.join(repoRoot, 'sources') });

it('qbank build writes qti21.zip and canvas.zip by default', async () => {
  const dir = project();
  const r = await runCli(['build'], dir);
  expect(r.code, r.stderr).toBe(0);
  expect(existsSync(path.join(dir, 'dist/qti21.zip'))).toBe(true);
  expect(existsSync(path.join(dir, 'dist/canvas.zip'))).toBe(true);
});

it('qbank build with a broken qti21 override writes nothing and names the template', async () => {
  const dir = project();
  mkdirSync(path.join(dir, 'tpl/qti21'), { recursive: true });
  const broken = readFileSync(path.join(builtinTemplatesDir, 'qti21/item.xml.hbs'), 'utf8').replace('</choiceInteraction>', '');
  writeFileSync(path.join(dir, 'tpl/qti21/item.xml.hbs'), broken);
  const r = await runCli(['build', '--format', 'qti21', '--templates', 'tpl'], dir);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('qti21/item.xml.hbs (override');
  expect(existsSync(path.join(dir, 'dist'))).toBe(false);
});
