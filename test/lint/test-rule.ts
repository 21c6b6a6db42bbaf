// testRule(rule, { good, bad }): runs a rule the way `qbank lint` does (the real loader on files
// in a temp folder, every rule, config, suppression), then compares what THIS rule reported.
// It refuses an empty good or bad list, a bad case that expects nothing, and a rule that is not
// the registered one (a foreign or unregistered id).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import type { Rule } from '../../src/lint/define-rule.js';
import { ruleById } from '../../src/lint/index.js';
import { lintProject } from '../../src/lint/run-lint.js';
import { collectAssets } from '../../src/pipeline/assets.js';
import { loadProject } from '../../src/pipeline/load.js';

export interface Case {
  name?: string;
  /** sources/bank.txt */
  source: string | Uint8Array;
  /** sources/bank.key: { 1: 'B', 2: 'A,C' } or the file's text */
  key?: Record<number, string> | string;
  /** more files, paths relative to the project root */
  files?: Record<string, string | Uint8Array>;
  targets?: string[];
  options?: Record<string, unknown>;
  config?: Partial<Pick<Config, 'rules' | 'overrides'>>;
  encoding?: 'utf-8' | 'windows-1252' | 'auto';
  onlyFiles?: string[];
}

export interface Expected {
  line: number;
  column?: number;
  message?: string | RegExp;
  file?: string; // default sources/bank.txt
  severity?: Diagnostic['severity'];
}

export interface BadCase extends Case {
  errors: Expected[];
}

/** Lints one case with every rule and returns all diagnostics. */
export async function lintCase(c: Case, ruleId?: string): Promise<Diagnostic[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-rule-'));
  try {
    const files: Record<string, string | Uint8Array> = { 'sources/bank.txt': c.source, ...(c.files ?? {}) };
    if (c.key !== undefined)
      files['sources/bank.key'] = typeof c.key === 'string' ? c.key : Object.entries(c.key).map(([n, l]) => `${n}: ${l}`).join('\n') + '\n';
    for (const [rel, data] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), data);
    }
    const loaded = await loadProject({ cwd: dir, inputs: [], sources: ['sources/**/*.txt'], encoding: c.encoding ?? 'utf-8' });
    const assets = collectAssets(loaded.project, dir);
    const rules = { ...(c.config?.rules ?? {}) };
    if (ruleId && c.options) rules[ruleId] = [ruleById.get(ruleId)!.severity === 'warning' ? 'warn' : ruleById.get(ruleId)!.severity === 'error' ? 'error' : 'info', c.options];
    return lintProject(loaded.project, [...loaded.diagnostics, ...assets.diagnostics], {
      config: { rules, overrides: c.config?.overrides ?? [] },
      targets: c.targets ?? [],
      sourceLines: (f) => loaded.lines.get(f),
      ...(c.onlyFiles ? { onlyFiles: new Set(c.onlyFiles) } : {}),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function testRule(rule: Rule<any>, cases: { good: Case[]; bad: BadCase[] }): void {
  if (ruleById.get(rule.id) !== rule) throw new Error(`testRule: "${rule.id}" is not the registered rule of that id`);
  if (cases.good.length === 0 || cases.bad.length === 0) throw new Error(`testRule(${rule.id}): needs at least one good and one bad case`);
  for (const b of cases.bad) if (b.errors.length === 0) throw new Error(`testRule(${rule.id}): bad case "${b.name ?? ''}" expects no finding`);

  describe(`rule ${rule.id}`, () => {
    cases.good.forEach((c, i) =>
      it(`good: ${c.name ?? i + 1}`, async () => {
        const found = (await lintCase(c, rule.id)).filter((d) => d.ruleId === rule.id);
        expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([]);
      }),
    );
    cases.bad.forEach((c, i) =>
      it(`bad: ${c.name ?? i + 1}`, async () => {
        const found = (await lintCase(c, rule.id)).filter((d) => d.ruleId === rule.id);
        expect(found.length, found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n')).toBe(c.errors.length);
        c.errors.forEach((e, k) => {
          const d = found[k]!;
          expect(d.file).toBe(e.file ?? 'sources/bank.txt');
          expect(d.line).toBe(e.line);
          if (e.column !== undefined) expect(d.column).toBe(e.column);
          if (typeof e.message === 'string') expect(d.message).toBe(e.message);
          else if (e.message) expect(d.message).toMatch(e.message);
          if (e.severity) expect(d.severity).toBe(e.severity);
          expect(d.message).not.toMatch(/\.$/); // house style: no final period
        });
      }),
    );
  });
}
