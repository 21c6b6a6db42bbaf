// The self-check policy (src/emit/self-check.ts): built-in templates on a big bank re-read a
// bounded, deterministic sample rendered on its own; any override re-reads everything. The
// sampled path is exercised here on a 360-question bank by lowering the threshold.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/ir/schema.js';
import type { AssetLookup } from '../../src/pipeline/assets.js';
import type { Emitter } from '../../src/emit/emitter.js';
import { sampleIndexes, selfCheck } from '../../src/emit/self-check.js';
import { builtinTemplatesDir } from '../../src/emit/templates.js';
import { gift } from '../../src/emit/gift/index.js';
import { moodleXml } from '../../src/emit/moodle-xml/index.js';
import { qti21 } from '../../src/emit/qti21/index.js';
import { canvas } from '../../src/emit/canvas/index.js';
import { emitWith, generatedProject } from './qti21/support.js';

const defaults = { ...selfCheck };
afterEach(() => Object.assign(selfCheck, defaults));

describe('sampleIndexes', () => {
  const items = Array.from({ length: 10_000 }, (_, i) => (i === 7_777 ? 'rare' : i % 3 === 0 ? 'a' : 'b'));
  it('takes everything up to the threshold, or when asked to', () => {
    expect(sampleIndexes(items.slice(0, selfCheck.fullUpTo), (s) => s, false).length).toBe(selfCheck.fullUpTo);
    expect(sampleIndexes(items, (s) => s, true).length).toBe(items.length);
  });
  it('above it: the head, every shape once, an even spread; bounded and the same every time', () => {
    const picked = sampleIndexes(items, (s) => s, false);
    // The sample, plus the one shape that neither the head nor the spread reaches.
    expect(picked.length).toBeLessThanOrEqual(selfCheck.sample + 1);
    expect(picked.length).toBeGreaterThan(selfCheck.sample - 10);
    expect(picked.slice(0, selfCheck.head)).toEqual(Array.from({ length: selfCheck.head }, (_, i) => i));
    expect(picked).toContain(7_777);
    expect(picked.at(-1)!).toBeGreaterThan(9_000);
    expect(sampleIndexes(items, (s) => s, false)).toEqual(picked);
  });
});

const emitters: [string, Emitter][] = [['gift', gift], ['moodle-xml', moodleXml], ['qti21', qti21], ['canvas', canvas]];

describe('sampled self-check on built-in templates', () => {
  let gen: { project: Project; asset: AssetLookup };
  beforeAll(async () => {
    gen = await generatedProject();
  });

  it.each(emitters)('%s: passes on a sample of a bank above the threshold', async (_, emitter) => {
    Object.assign(selfCheck, { fullUpTo: 40, head: 10 });
    const files = await emitWith(emitter, gen.project, gen.asset);
    expect(emitter.check!(files, gen.project).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it.each(emitters.filter(([n]) => n === 'gift' || n === 'moodle-xml'))('%s: still reports Moodle limits of questions outside the sample', async (_, emitter) => {
    Object.assign(selfCheck, { fullUpTo: 40, head: 10 });
    const bank = gen.project.banks[0]!;
    const late = bank.questions.length - 2; // far from the head, and not on the even spread
    const broken: Project = { ...gen.project, banks: [{ ...bank, questions: bank.questions.map((q, i) => (i === late ? { ...q, options: q.options.slice(0, 1), key: [0] } : q)) }] };
    const files = await emitWith(emitter, broken, gen.asset);
    const d = emitter.check!(files, broken).filter((x) => x.ruleId === 'emit/moodle-limits');
    expect(d.map((x) => x.questionId)).toContain(bank.questions[late]!.id);
  });

  // check() reading the emitted file itself (not a sample rendered on its own) is the full path
  async function readsOutput(emitter: Emitter, target: string, override: boolean): Promise<boolean> {
    const dirs: string[] = [];
    if (override) {
      const dir = mkdtempSync(path.join(tmpdir(), 'qbank-selfcheck-'));
      mkdirSync(path.join(dir, target));
      const name = { gift: 'question.hbs', 'moodle-xml': 'question.hbs', qti21: 'item.xml.hbs', canvas: 'item.xml.hbs' }[target]!;
      writeFileSync(path.join(dir, target, name), readFileSync(path.join(builtinTemplatesDir, target, name), 'utf8'));
      dirs.push(dir);
    }
    const files = await emitWith(emitter, gen.project, gen.asset, dirs);
    let read = false;
    for (const f of files) {
      const inner = f.contents as Iterable<string | Uint8Array>;
      f.contents = { [Symbol.iterator]: () => ((read = true), inner[Symbol.iterator]()) };
    }
    expect(emitter.check!(files, gen.project).filter((d) => d.severity === 'error')).toEqual([]);
    return read;
  }

  it.each(emitters)('%s: built-in templates re-read a sample; an override (even a harmless one) re-reads the whole output', async (target, emitter) => {
    Object.assign(selfCheck, { fullUpTo: 40, head: 10 });
    expect(await readsOutput(emitter, target, false)).toBe(false);
    expect(await readsOutput(emitter, target, true)).toBe(true);
    Object.assign(selfCheck, { ...defaults, fullUpTo: 1_000 }); // a bank under the threshold is re-read whole
    expect(await readsOutput(emitter, target, false)).toBe(true);
  });
});
