// Every rule is registered once, documented, tested, and listed in docs/rules.md exactly as the
// modules describe it; linting never changes the IR.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuleId, ruleById, rules } from '../../src/lint/index.js';
import { renderRulesDoc } from '../../src/lint/rules-doc.js';
import { lintProject } from '../../src/lint/run-lint.js';
import { loadProject } from '../../src/pipeline/load.js';
import { repoRoot } from '../support/validators.js';

describe('rule registry', () => {
  it('has unique kebab-case ids, and every rule file is registered', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const files = readdirSync(path.join(repoRoot, 'src/lint/rules')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...ids].sort());
    for (const r of rules) for (const a of r.aliases ?? []) expect(resolveRuleId(a)).toBe(r.id);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has metadata, docs with a bad and a good example, and a test file', (id, r) => {
    expect(['error', 'warning', 'info']).toContain(r.severity);
    expect(['problem', 'flaw', 'style', 'portability', 'hygiene']).toContain(r.category);
    expect(r.description.length).toBeGreaterThan(10);
    expect(r.description).not.toMatch(/\.$/);
    expect(r.docs).toMatch(/\bBad\b/);
    expect(r.docs).toMatch(/\bGood\b|\bFix\b/);
    if (r.optionsSchema) expect(r.optionsSchema.safeParse(r.defaultOptions).success).toBe(true);
    if (r.category === 'portability') expect(r.targets?.length).toBeGreaterThan(0);
    const test = path.join(repoRoot, 'test/lint/rules', `${id}.test.ts`);
    expect(existsSync(test), `missing ${test}`).toBe(true);
    const src = readFileSync(test, 'utf8');
    expect(src).toMatch(/testRule\(rule,/);
    expect(ruleById.get(id)).toBe(r);
  });

  it('docs/rules.md is generated from the rule modules', async () => {
    await expect(renderRulesDoc(rules)).toMatchFileSnapshot('../../docs/rules.md');
  });

  it('linting the sample banks leaves the IR untouched', async () => {
    const loaded = await loadProject({ cwd: repoRoot, inputs: [], sources: ['sources/**/*.txt'] });
    const before = JSON.stringify(loaded.project);
    lintProject(loaded.project, loaded.diagnostics, { targets: ['gift', 'moodle-xml', 'canvas'], sourceLines: (f) => loaded.lines.get(f) });
    expect(JSON.stringify(loaded.project)).toBe(before);
    // the parser, not the rule, pins seed question 1 ("Todas")
    const q1 = loaded.project.banks.find((b) => b.id === 'atendimento')!.questions[0]!;
    expect(q1.shuffle).toBe(false);
    expect(q1.options[1]!.fixed).toBe(true);
  });
});
