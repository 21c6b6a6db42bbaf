import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gift } from '../../../src/emit/gift/index.js';
import { contentsToString, type EmittedFile } from '../../../src/emit/emitter.js';
import { createTemplateSet } from '../../../src/emit/templates.js';
import { isMoodleGrade } from '../../../src/emit/gift/moodle-grades.js';
import { renderHtml } from '../../../src/markdown/render.js';
import type { Project, Question } from '../../../src/ir/schema.js';
import { missing, repoRoot, run, validatorsDir } from '../../support/validators.js';
import { emitWith, hostileBank, loadBanks, moodleImport, moodleMissing, sampleBanks, withFeedback, writeTemp } from './support.js';

const allBanks = [...sampleBanks, hostileBank];

// What any reader must get back, from the IR alone: the Markdown rendered to HTML.
const html = (md: string) => renderHtml(md).trim();
// Answers may start with &#x5B; / &#37; instead of "[" / "%", and hold -&gt; for "->"
// (see protectFormatMarker): the same HTML text, spelled so no GIFT reader misreads it.
const unbracket = (s: string) => s.replace(/^&#x5B;/, '[').replace(/^&#37;/, '%').replace(/-&gt;/g, '->');
const trueWords = /^(verdadeiro|true|certo)$/i;

function errors(files: EmittedFile[], project: Project) {
  return gift.check!(files, project).filter((d) => d.severity === 'error');
}

describe('gift emitter', () => {
  it('writes one file per bank, passes its own check, and is byte-identical run to run', async () => {
    const a = await emitWith(gift, allBanks);
    const b = await emitWith(gift, allBanks);
    expect(a.files.map((f) => f.path)).toEqual(['gift/atendimento.gift.txt', 'gift/recursos/exemplo.gift.txt', 'gift/test/fixtures/emit-hostile/hostil.gift.txt']);
    expect(gift.check!(a.files, a.project)).toEqual([]);
    for (let i = 0; i < a.files.length; i++) expect(contentsToString(a.files[i]!.contents)).toBe(contentsToString(b.files[i]!.contents));
    // chunked, never one string (a million-question bank would not fit)
    expect(typeof a.files[0]!.contents).not.toBe('string');
  });

  it('matches the golden files (which the validator tests below also check)', async () => {
    const { files } = await emitWith(gift, allBanks);
    await expect(contentsToString(files[1]!.contents)).toMatchFileSnapshot('../../golden/gift/exemplo.gift.txt');
    await expect(contentsToString(files[2]!.contents)).toMatchFileSnapshot('../../golden/gift/hostil.gift.txt');
  });

  it('marks a pinned ("Todas") question with a keep-the-order comment', async () => {
    const { files } = await emitWith(gift, ['sources/atendimento.txt']);
    const text = contentsToString(files[0]!.contents);
    const q1 = text.slice(text.indexOf('// [id:atendimento-q1]'), text.indexOf('// [id:atendimento-q2]'));
    expect(q1).toMatch(/\/\/ Keep these options in this order/);
    expect(text.slice(text.indexOf('// [id:atendimento-q2]'))).not.toMatch(/Keep these options/);
  });
});

// Every emitted file, also with feedback, written where the validators can read it.
async function emittedForValidators(): Promise<{ project: Project; paths: Map<string, string>; byPath: Map<string, Question[]> }> {
  const { project, asset } = await loadBanks(allBanks);
  const fb = withFeedback(project);
  fb.banks = fb.banks.filter((b) => b.id === 'recursos/exemplo').map((b) => ({ ...b, id: 'recursos/exemplo-feedback' }));
  const both: Project = { ...project, banks: [...project.banks, ...fb.banks] };
  const files = await gift.emit(both, { templates: createTemplateSet(), asset });
  expect(errors(files, both)).toEqual([]);
  const paths = writeTemp(files);
  const byPath = new Map(both.banks.map((b) => [`gift/${b.id}.gift.txt`, b.questions]));
  return { project: both, paths, byPath };
}

const goldens = ['exemplo.gift.txt', 'hostil.gift.txt'].map((f) => path.join(repoRoot, 'test/golden/gift', f));

describe('gift output read by gift-pegjs (round trip against the IR)', () => {
  const skip = missing({ validators: true });
  it.skipIf(skip)('accepts the golden files', () => {
    const r = run('node', [path.join(validatorsDir, 'validate-gift.mjs'), ...goldens]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
  it.skipIf(skip)('parses every file and gives back the same questions, texts, options and keys', async () => {
    const { paths, byPath } = await emittedForValidators();
    for (const [emitted, file] of paths) {
      const r = run('node', [path.join(validatorsDir, 'validate-gift.mjs'), '--json', file]);
      expect(r.code, `${emitted}: ${r.stderr}`).toBe(0);
      const parsed = JSON.parse(r.stdout) as { questions: { type: string; title: string; id: string | null; tags: string[] | null; stem: { format: string; text: string }; globalFeedback: { text: string } | null; isTrue?: boolean; choices?: { isCorrect: boolean; weight: number | null; text: { text: string }; feedback: { text: string } | null }[] }[] };
      const questions = byPath.get(emitted)!;
      const read = parsed.questions.filter((q) => q.type !== 'Category');
      expect(read.length, emitted).toBe(questions.length);
      questions.forEach((q, i) => {
        const g = read[i]!;
        const at = `${emitted} question ${q.number}`;
        expect(g.id, at).toBe(q.id);
        expect(g.stem, at).toEqual({ format: 'html', text: html(q.stem.markdown) });
        expect(g.globalFeedback?.text ?? '', at).toBe(q.feedback?.general ? html(q.feedback.general.markdown) : '');
        if (q.type === 'truefalse') {
          expect(g.type, at).toBe('TF');
          expect(g.isTrue, at).toBe(trueWords.test(q.options[q.key[0]!]!.text.markdown));
          return;
        }
        expect(g.type, at).toBe('MC');
        const choices = g.choices!;
        expect(choices.map((c) => unbracket(c.text.text)), at).toEqual(q.options.map((o) => html(o.text.markdown)));
        const keyed = choices.flatMap((c, k) => (c.isCorrect || (c.weight ?? 0) > 0 ? [k] : []));
        expect(keyed, at).toEqual(q.key);
        if (q.key.length > 1) {
          const weights = choices.map((c) => c.weight!);
          expect(weights.every(isMoodleGrade), at).toBe(true);
          expect(Math.round(weights.filter((w) => w > 0).reduce((s, w) => s + w, 0) * 100) / 100, at).toBe(100);
          expect(weights.filter((w) => w <= 0).every((w) => w < 0), at).toBe(true);
        }
        choices.forEach((c, k) => {
          const want = q.feedback?.options?.[k];
          expect(unbracket(c.feedback?.text ?? ''), `${at} option ${k + 1} feedback`).toBe(want ? html(want.markdown) : '');
        });
      });
    }
  });
});

describe("gift output read by Moodle's own importer (qformat_gift)", () => {
  const skip = moodleMissing();
  it.skipIf(skip)('imports the golden files cleanly', () => {
    for (const g of goldens) {
      const { code, result } = moodleImport(g);
      expect([code, result.errors, result.warnings], g).toEqual([0, [], []]);
    }
  });
  it.skipIf(skip)('imports every file without errors or warnings, as the same questions', async () => {
    const { paths, byPath } = await emittedForValidators();
    for (const [emitted, file] of paths) {
      const { code, stderr, result } = moodleImport(file);
      expect(code, `${emitted}: ${stderr}`).toBe(0);
      expect(result.errors, emitted).toEqual([]);
      expect(result.warnings, emitted).toEqual([]);
      const questions = byPath.get(emitted)!;
      const read = result.questions.filter((q) => q.qtype !== 'category');
      expect(read.length, emitted).toBe(questions.length);
      expect(result.questions[0]!.category, emitted).toBe(questions[0]!.category);
      questions.forEach((q, i) => {
        const m = read[i]!;
        const at = `${emitted} question ${q.number}`;
        expect([m.idnumber, m.questiontext, m.questiontextformat], at).toEqual([q.id, html(q.stem.markdown), 1]);
        expect(m.tags ?? [], at).toEqual(q.tags.map((t) => t.replace(/[<>`]/g, '')));
        if (q.type === 'truefalse') {
          expect(m.qtype, at).toBe('truefalse');
          expect(m.correctanswer, at).toBe(trueWords.test(q.options[q.key[0]!]!.text.markdown) ? 1 : 0);
          const fb = q.feedback?.options;
          if (fb) expect([m.feedbacktrue, m.feedbackfalse], at).toEqual([html(fb[0]!.markdown), html(fb[1]!.markdown)]);
          return;
        }
        expect(m.qtype, at).toBe('multichoice');
        expect(m.single, at).toBe(q.key.length > 1 ? 0 : 1);
        expect(m.answers!.map((a) => unbracket(a.text)), at).toEqual(q.options.map((o) => html(o.text.markdown)));
        expect(m.answers!.flatMap((a, k) => (a.fraction > 0 ? [k] : [])), at).toEqual(q.key);
        const positive = m.answers!.reduce((s, a) => s + Math.max(0, a.fraction), 0);
        expect(Math.round(positive * 100) / 100, at).toBe(1);
      });
    }
  });
});

describe('gift self-check catches a broken override template', () => {
  async function checkWith(template: string) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-gift-tpl-'));
    mkdirSync(path.join(dir, 'gift'));
    const file = path.join(dir, 'gift', 'question.hbs');
    writeFileSync(file, template);
    const { files, project } = await emitWith(gift, ['sources/recursos/exemplo.txt'], [dir]);
    return { diags: errors(files, project), file };
  }

  it('a template that drops the blank line between questions (Moodle merges them)', async () => {
    const { diags, file } = await checkWith('// [id:{{id}}]\n::{{name}}::{{stem}}{\n{{#each answers}}{{prefix}}{{text}}\n{{/each}}\n}\n');
    expect(diags.length).toBeGreaterThan(0);
    expect(diags[0]!.ruleId).toBe('emit/gift-self-check');
    expect(diags[0]!.message).toMatch(/^Question 1 \(GIFT line \d+\) /);
    expect(diags[0]!.message).toContain(`(GIFT from template ${path.relative(process.cwd(), file)})`);
  });

  it('a template that marks every option wrong loses the key', async () => {
    const { diags } = await checkWith('// [id:{{id}}]\n{{#each tags}}// [tag:{{this}}]\n{{/each}}::{{name}}::{{stem}}{\n{{#each answers}}~{{text}}\n{{/each}}\n}\n\n');
    expect(diags.find((d) => d.line === 7)?.message).toMatch(/^Question 1 \(GIFT line \d+\) reads as multiple-answer, expected single-answer/);
  });

  it('a template that uses a field that does not exist is an error, not a crash', async () => {
    const { diags, file } = await checkWith('::{{title}}::{{stem}}{=x ~y}\n\n');
    expect(diags).toHaveLength(1);
    expect(diags[0]!.message).toMatch(/a GIFT template failed: "title" not defined/);
    expect(diags[0]!.message).toContain(path.relative(process.cwd(), file));
  });
});
