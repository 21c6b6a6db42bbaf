// Size extremes through parse → lint → emit: empty files, a 10 MB single line (as stray text and
// as a stem, plain and as Markdown syntax), 100,000 tiny questions. Nothing may throw or
// overflow; each step has a generous time bound that only catches quadratic behaviour.
// Emitting 100k questions through every target takes ~45 s on two cores, so the default run
// sends 100k through the streaming targets and 20k through all; QBANK_STRESS=full sends 100k
// through every target and also runs each target's check().
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import type { Project } from '../../src/ir/schema.js';
import { lintProject } from '../../src/lint/run-lint.js';
import { createTemplateSet } from '../../src/emit/templates.js';
import { loadEmitter, targetNames, toBytes } from '../hardening/outputs.js';
import { expectCleanDiagnostics, expectValidIr, parseFiles } from './harness.js';

const full = process.env.QBANK_STRESS === 'full';
const enc = new TextEncoder();
const config = ConfigSchema.parse({});
const templates = createTemplateSet([]);

function timed<T>(what: string, limitMs: number, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(limitMs);
  return r;
}

function parseAndLint(id: string, bytes: Uint8Array, limitMs: number) {
  const parsed = timed(`parse ${id}`, limitMs, () => parseFiles([{ id, bytes }]));
  expectValidIr(parsed.project, parsed.lineCounts);
  const diagnostics = timed(`lint ${id}`, limitMs, () => lintProject(parsed.project, parsed.diagnostics, { config, targets: targetNames() }));
  expectCleanDiagnostics(diagnostics, parsed.lineCounts);
  return { project: parsed.project, diagnostics };
}

async function emitEvery(project: Project, targets: string[], limitMs: number): Promise<void> {
  for (const target of targets) {
    const emitter = await loadEmitter(target);
    const t0 = performance.now();
    const files = await emitter.emit(project, { templates, asset: () => undefined });
    let bytes = 0;
    for (const f of files) bytes += toBytes(f.contents).length;
    if (full) emitter.check?.(files, project);
    const ms = performance.now() - t0;
    expect(ms, `${target} took ${Math.round(ms)} ms`).toBeLessThan(limitMs);
    // an empty project may legitimately print nothing (html); any question must produce output
    if (project.banks.some((b) => b.questions.length > 0)) expect(bytes, target).toBeGreaterThan(0);
  }
}

describe('size extremes', () => {
  it('empty and blank files, through every target', async () => {
    for (const text of ['', '\n', '\r\n\r\n', '\uFEFF', '   \t  ']) {
      const { project } = parseAndLint('vazio', enc.encode(text), 1_000);
      await emitEvery(project, targetNames(), 5_000);
    }
  });

  it('a 10 MB single line with no line break (stray text)', { timeout: 120_000 }, async () => {
    const line = 'texto colado sem quebra de linha, '.repeat(300_000);
    const { project, diagnostics } = parseAndLint('linha', enc.encode(line), 15_000);
    expect(diagnostics.some((d) => d.severity === 'error' && d.line === 1)).toBe(true);
    expect(diagnostics.every((d) => d.message.length < 1_000)).toBe(true); // messages quote, never dump
    await emitEvery(project, targetNames(), 10_000);
  });

  it.each([
    ['plain text', 'Qual é a cor do roteador? '],
    ['Markdown syntax', '**a** *b* [c](http://x) `d` <e> \\ '],
  ])('a 10 MB stem of %s, through every target', { timeout: 180_000 }, async (_what, unit) => {
    const stem = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const { project } = parseAndLint('enunciado', enc.encode(`1\n${stem}\n* a\nb\n`), 20_000);
    expect(project.banks[0]!.questions[0]!.stem.markdown.length).toBeGreaterThanOrEqual(10_000_000 - unit.length);
    await emitEvery(project, targetNames(), 20_000);
  });

  it('100,000 tiny questions', { timeout: 300_000 }, async () => {
    let src = '';
    for (let i = 1; i <= 100_000; i++) src += `${i}\nQ${i}?\n* a\nb\n\n`;
    const { project } = parseAndLint('cem-mil', enc.encode(src), 30_000);
    expect(project.banks[0]!.questions).toHaveLength(100_000);
    const streaming = targetNames().filter((t) => t === 'json' || t === 'gift');
    await emitEvery(project, full ? targetNames() : streaming, 60_000);
    if (!full) {
      const fewer: Project = { ...project, banks: project.banks.map((b) => ({ ...b, questions: b.questions.slice(0, 20_000) })) };
      await emitEvery(fewer, targetNames(), 30_000);
    }
  });
});
