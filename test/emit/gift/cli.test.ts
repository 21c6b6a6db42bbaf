import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../../support/cli.js';
import { repoRoot } from '../../support/validators.js';

const bank = { 'sources/a.txt': 'category: Treino\n\n1\nQual é a capital do Brasil?\nSão Paulo\nBrasília\nTodas\n\n2\nQuanto é {2 + 2}?\n3\n4\n', 'sources/a.key': '1: B\n2: B\n' };

describe('qbank build, GIFT and Moodle XML', () => {
  it('writes both Moodle formats by default', async () => {
    const dir = tempProject(bank);
    const r = await runCli(['build'], dir);
    expect(r.code, r.stderr).toBe(0);
    const giftText = readFileSync(path.join(dir, 'dist/gift/a.gift.txt'), 'utf8');
    expect(giftText).toContain('$CATEGORY: Treino');
    expect(giftText).toContain('::02 Quanto é \\{2 + 2\\}?::[html]Quanto é \\{2 + 2\\}?{');
    expect(existsSync(path.join(dir, 'dist/moodle-xml/a.moodle.xml'))).toBe(true);
  });

  it('--format selects one of them', async () => {
    const dir = tempProject(bank);
    expect((await runCli(['build', '--format', 'moodle-xml'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'dist/moodle-xml/a.moodle.xml'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist/gift'))).toBe(false);
  });

  it('refuses to write output from a broken --templates override and names the template', async () => {
    const question = readFileSync(path.join(repoRoot, 'templates/moodle-xml/question.hbs'), 'utf8');
    const dir = tempProject({ ...bank, 'mine/moodle-xml/question.hbs': question.replace('{{shuffle}}', '1'), 'mine/gift/category.hbs': '$CATEGORY: Outra/{{category}}\n\n' });
    // the build stops at the first target that fails its self-check, so each is run alone too
    const xml = await runCli(['build', '--templates', 'mine', '--format', 'moodle-xml'], dir);
    expect(xml.code).toBe(1);
    expect(xml.stderr).toMatch(/Question 1 <shuffleanswers> reads "1", expected 0 \(Moodle XML from template .*mine\/moodle-xml\/question\.hbs\)/);
    const gift = await runCli(['build', '--templates', 'mine', '--format', 'gift'], dir);
    expect(gift.code).toBe(1);
    expect(gift.stderr).toMatch(/GIFT line \d+ should set category "Treino" \(GIFT from template .*mine\/gift\/category\.hbs\)/);
    const both = await runCli(['build', '--templates', 'mine', '--format', 'gift,moodle-xml'], dir);
    expect(both.code).toBe(1);
    for (const r of [xml, gift, both]) expect(r.stderr).toContain('nothing was written');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
