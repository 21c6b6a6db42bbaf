import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { moodleXml } from '../../../src/emit/moodle-xml/index.js';
import { contentsToString, type EmittedFile } from '../../../src/emit/emitter.js';
import { createTemplateSet } from '../../../src/emit/templates.js';
import { isMoodleGrade } from '../../../src/emit/gift/moodle-grades.js';
import { renderHtml } from '../../../src/markdown/render.js';
import type { AssetLookup } from '../../../src/pipeline/assets.js';
import type { Bank, Project, Question } from '../../../src/ir/schema.js';
import { missing, repoRoot, run } from '../../support/validators.js';
import { emitWith, hostileBank, loadBanks, moodleImport, moodleMissing, sampleBanks, withFeedback, writeTemp } from '../gift/support.js';

const allBanks = [...sampleBanks, hostileBank];
const trueWords = /^(verdadeiro|true|certo)$/i;

// The HTML a reader must get back, from the IR alone: rendered Markdown, with each image that
// is a bank file pointing at the embedded copy.
function expectedHtml(md: string, bank: Bank, asset: AssetLookup): string {
  let html = renderHtml(md).trim();
  for (const m of md.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const a = asset(bank.id, m[1]!);
    if (a) html = html.split(`src="${m[1]}"`).join(`src="@@PLUGINFILE@@/${a.name}"`);
  }
  return html;
}

function errors(files: EmittedFile[], project: Project) {
  return moodleXml.check!(files, project).filter((d) => d.severity === 'error');
}

describe('moodle-xml emitter', () => {
  it('writes one file per bank, passes its own check, and is byte-identical run to run', async () => {
    const a = await emitWith(moodleXml, allBanks);
    const b = await emitWith(moodleXml, allBanks);
    expect(a.files.map((f) => f.path)).toEqual(['moodle-xml/atendimento.moodle.xml', 'moodle-xml/recursos/exemplo.moodle.xml', 'moodle-xml/test/fixtures/emit-hostile/hostil.moodle.xml']);
    expect(moodleXml.check!(a.files, a.project)).toEqual([]);
    for (let i = 0; i < a.files.length; i++) expect(contentsToString(a.files[i]!.contents)).toBe(contentsToString(b.files[i]!.contents));
    expect(typeof a.files[0]!.contents).not.toBe('string');
  });

  it('matches the golden files (which the validator tests below also check)', async () => {
    const { files } = await emitWith(moodleXml, allBanks);
    await expect(contentsToString(files[1]!.contents)).toMatchFileSnapshot('../../golden/moodle-xml/exemplo.moodle.xml');
    await expect(contentsToString(files[2]!.contents)).toMatchFileSnapshot('../../golden/moodle-xml/hostil.moodle.xml');
  });
});

async function emittedForValidators(): Promise<{ paths: Map<string, string>; banks: Map<string, Bank>; asset: AssetLookup }> {
  const loaded = await loadBanks(allBanks);
  const project = loaded.project;
  // the feedback copy of exemplo shares its images
  const asset: AssetLookup = (bankId, url) => loaded.asset(bankId.replace(/-feedback$/, ''), url);
  const fb = withFeedback(project);
  fb.banks = fb.banks.filter((b) => b.id === 'recursos/exemplo').map((b) => ({ ...b, id: 'recursos/exemplo-feedback' }));
  const both: Project = { ...project, banks: [...project.banks, ...fb.banks] };
  const files = await moodleXml.emit(both, { templates: createTemplateSet(), asset });
  expect(errors(files, both)).toEqual([]);
  return { paths: writeTemp(files), banks: new Map(both.banks.map((b) => [`moodle-xml/${b.id}.moodle.xml`, b])), asset };
}

type X = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true, isArray: (n) => ['question', 'answer', 'file', 'tag'].includes(n) });
const txt = (n: unknown): string => (typeof n === 'string' ? n : n && typeof n === 'object' ? String((n as X)['#text'] ?? '') : '');

describe('moodle-xml output read by xmllint and fast-xml-parser (round trip against the IR)', () => {
  const skip = missing({ commands: ['xmllint'] });
  it.skipIf(skip)('is well-formed and gives back the same questions, texts, options, keys, shuffle and images', async () => {
    const { paths, banks, asset } = await emittedForValidators();
    for (const [emitted, file] of paths) {
      const lint = run('xmllint', ['--noout', file]);
      expect(lint.code, `${emitted}: ${lint.stderr}`).toBe(0);
      const bank = banks.get(emitted)!;
      const all = ((parser.parse(readFileSync(file, 'utf8')) as X)['quiz'] as X)['question'] as X[];
      expect(txt((all[0]!['category'] as X)['text']), emitted).toBe(bank.category);
      const read = all.filter((q) => q['@_type'] !== 'category');
      expect(read.length, emitted).toBe(bank.questions.length);
      bank.questions.forEach((q: Question, i) => {
        const x = read[i]!;
        const at = `${emitted} question ${q.number}`;
        const html = (md: string) => expectedHtml(md, bank, asset);
        expect(txt(x['idnumber']), at).toBe(q.id);
        expect(Number(txt(x['defaultgrade'])), at).toBe(q.points);
        const qt = x['questiontext'] as X;
        expect([qt['@_format'], txt(qt['text'])], at).toEqual(['html', html(q.stem.markdown)]);
        // every image of the stem travels as a base64 file with the bytes of the bank's file
        for (const f of (qt['file'] as X[] | undefined) ?? []) {
          const src = [...q.stem.markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => asset(bank.id, m[1]!)!).find((a) => a.name === f['@_name'])!;
          expect(Buffer.from(txt(f), 'base64').equals(readFileSync(path.join(repoRoot, src.path))), at).toBe(true);
        }
        expect(((qt['file'] as X[] | undefined) ?? []).length, at).toBe(/!\[[^\]]*\]\(/.test(q.stem.markdown) ? 1 : 0);
        expect(((x['tags'] as X | undefined)?.['tag'] as X[] | undefined)?.map((t) => txt(t['text'])) ?? [], at).toEqual(q.tags.map((t) => t.replace(/[<>`]/g, '')));
        const answers = x['answer'] as X[];
        if (q.type === 'truefalse') {
          expect(x['@_type'], at).toBe('truefalse');
          const right = answers.find((a) => a['@_fraction'] === '100')!;
          expect(txt(right['text']), at).toBe(trueWords.test(q.options[q.key[0]!]!.text.markdown) ? 'true' : 'false');
          return;
        }
        expect(x['@_type'], at).toBe('multichoice');
        expect(txt(x['single']), at).toBe(q.key.length > 1 ? 'false' : 'true');
        expect(txt(x['shuffleanswers']), at).toBe(q.shuffle && !q.options.some((o) => o.fixed) ? '1' : '0');
        expect(answers.map((a) => txt(a['text'])), at).toEqual(q.options.map((o) => html(o.text.markdown)));
        const fractions = answers.map((a) => Number(a['@_fraction']));
        expect(fractions.every(isMoodleGrade), at).toBe(true);
        expect(fractions.flatMap((f, k) => (f > 0 ? [k] : [])), at).toEqual(q.key);
        expect(Math.round(fractions.filter((f) => f > 0).reduce((s, f) => s + f, 0) * 100) / 100, at).toBe(100);
        answers.forEach((a, k) => {
          const want = q.feedback?.options?.[k];
          expect(txt((a['feedback'] as X)['text']), `${at} option ${k + 1} feedback`).toBe(want ? html(want.markdown) : '');
        });
      });
    }
  });

  it('keeps the pinned "Todas" question of the real sample bank unshuffled', async () => {
    const { files } = await emitWith(moodleXml, ['sources/atendimento.txt']);
    const qs = (((parser.parse(contentsToString(files[0]!.contents)) as X)['quiz'] as X)['question'] as X[]).filter((q) => q['@_type'] !== 'category');
    expect(qs.map((q) => txt(q['shuffleanswers']))).toEqual(['0', '1', '1', '1', '1', '1', '1', '1']);
  });
});

const goldens = ['exemplo.moodle.xml', 'hostil.moodle.xml'].map((f) => path.join(repoRoot, 'test/golden/moodle-xml', f));

describe("moodle-xml output read by Moodle's own importer (qformat_xml)", () => {
  const skip = moodleMissing();
  it.skipIf(skip)('imports the golden files cleanly (after xmllint)', () => {
    for (const g of goldens) {
      const { code, result } = moodleImport(g);
      expect([code, result.errors, result.warnings], g).toEqual([0, [], []]);
    }
  });
  it.skipIf(skip)('imports every file without errors or warnings, as the same questions', async () => {
    const { paths, banks, asset } = await emittedForValidators();
    for (const [emitted, file] of paths) {
      const { code, stderr, result } = moodleImport(file);
      expect(code, `${emitted}: ${stderr}`).toBe(0);
      expect([result.errors, result.warnings], emitted).toEqual([[], []]);
      const bank = banks.get(emitted)!;
      expect(result.questions[0]!.category, emitted).toBe(bank.category);
      const read = result.questions.filter((q) => q.qtype !== 'category');
      expect(read.length, emitted).toBe(bank.questions.length);
      bank.questions.forEach((q, i) => {
        const m = read[i]!;
        const at = `${emitted} question ${q.number}`;
        const html = (md: string) => expectedHtml(md, bank, asset);
        expect([m.idnumber, m.questiontext, m.questiontextformat, m.defaultmark], at).toEqual([q.id, html(q.stem.markdown), 1, q.points]);
        expect(m.generalfeedback ?? '', at).toBe(q.feedback?.general ? html(q.feedback.general.markdown) : '');
        expect(m.tags ?? [], at).toEqual(q.tags.map((t) => t.replace(/[<>`]/g, '')));
        if (q.type === 'truefalse') {
          expect([m.qtype, m.correctanswer], at).toEqual(['truefalse', trueWords.test(q.options[q.key[0]!]!.text.markdown) ? 1 : 0]);
          return;
        }
        expect([m.qtype, m.single], at).toEqual(['multichoice', q.key.length > 1 ? 0 : 1]);
        expect(m.answers!.map((a) => a.text), at).toEqual(q.options.map((o) => html(o.text.markdown)));
        expect(m.answers!.flatMap((a, k) => (a.fraction > 0 ? [k] : [])), at).toEqual(q.key);
      });
    }
  });
});

describe('moodle-xml self-check catches a broken override template', () => {
  async function checkWith(name: string, template: string) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-mxml-tpl-'));
    mkdirSync(path.join(dir, 'moodle-xml'));
    const file = path.join(dir, 'moodle-xml', name);
    writeFileSync(file, template);
    const { files, project } = await emitWith(moodleXml, ['sources/recursos/exemplo.txt'], [dir]);
    return { diags: errors(files, project), file: path.relative(process.cwd(), file) };
  }
  const builtin = (name: string) => readFileSync(path.join(repoRoot, 'templates/moodle-xml', name), 'utf8');

  it('a question template that is not well-formed XML', async () => {
    const { diags, file } = await checkWith('question.hbs', builtin('question.hbs').replace('</name>', ''));
    expect(diags).toHaveLength(6);
    expect(diags[0]!.message).toMatch(/^Question 1 is not well-formed XML: .* \(Moodle XML from template (.*)\)$/);
    expect(diags[0]!.message).toContain(file);
    expect(diags[0]!.line).toBe(7);
  });

  it('a question template that always shuffles breaks the pinned question only', async () => {
    const { diags } = await checkWith('question.hbs', builtin('question.hbs').replace('{{shuffle}}', '1'));
    expect(diags.map((d) => d.message.replace(/ \(Moodle XML.*/, ''))).toEqual(['Question 5 <shuffleanswers> reads "1", expected 0']);
  });

  it('a question template that drops the embedded image', async () => {
    const { diags } = await checkWith('question.hbs', builtin('question.hbs').replace(/\{\{#each questionFiles\}\}[\s\S]*?\{\{\/each\}\}\n/, ''));
    expect(diags.map((d) => d.message.replace(/ \(Moodle XML.*/, ''))).toEqual([expect.stringMatching(/^Question 6 question text links @@PLUGINFILE@@\/\w+-roteador\.png but has no <file/)]);
  });

  it('a footer that does not close <quiz>', async () => {
    const { diags, file } = await checkWith('footer.hbs', '\n');
    expect(diags).toHaveLength(1);
    expect(diags[0]!.message).toMatch(/header and footer do not make a well-formed document/);
    expect(diags[0]!.message).toContain(file);
  });
});
