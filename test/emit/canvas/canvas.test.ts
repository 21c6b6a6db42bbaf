// Canvas QTI 1.2 package: valid QTI 1.2 and CP structure by the IMS XSDs (../shared/validators),
// plus what no XSD checks and Canvas's importer relies on: one identifier for folder, assessment,
// manifest resource and assessment_meta; numeric original_answer_ids equal to the answer idents;
// question_type and points_possible; the SCORE conditions marking exactly the keyed answers.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canvas } from '../../../src/emit/canvas/index.js';
import { builtinTemplatesDir } from '../../../src/emit/templates.js';
import type { EmittedFile } from '../../../src/emit/emitter.js';
import type { Project } from '../../../src/ir/schema.js';
import type { AssetLookup } from '../../../src/pipeline/assets.js';
import { missing } from '../../support/validators.js';
import { bytesOf, emitWith, generatedProject, sampleProject, unzipText, validateQti, writeTemp } from '../qti21/support.js';
import { all, at, parse, txt, type X } from '../qti21/xml.js';

const skipValidators = missing({ validators: true, commands: ['xmllint', 'unzip'] });

type Loaded = { dir: string; project: Project; asset: AssetLookup };
let sample: Loaded;
let generated: Loaded;
let sampleFiles: EmittedFile[];
let generatedFiles: EmittedFile[];

beforeAll(async () => {
  sample = await sampleProject();
  generated = await generatedProject(70, 3);
  sampleFiles = await emitWith(canvas, sample.project, sample.asset);
  generatedFiles = await emitWith(canvas, generated.project, generated.asset);
});

const field = (item: X, label: string) => all(item, 'qtimetadatafield').find((f) => txt(f['fieldlabel']) === label)?.['fieldentry'];

function crossCheck(files: Map<string, string>, project: Project): void {
  const manifest = parse(files.get('imsmanifest.xml')!);
  const resources = all(manifest, 'resource');
  const byId = new Map(resources.map((r) => [at(r, 'identifier')!, r]));
  expect(byId.size).toBe(resources.length);
  for (const r of resources) for (const f of all(r, 'file')) expect(files.has(decodeURI(at(f, 'href')!)), at(f, 'href')).toBe(true);
  const quizzes = resources.filter((r) => at(r, 'type') === 'imsqti_xmlv1p2');
  const banks = project.banks.filter((b) => b.questions.length);
  expect(quizzes.length).toBe(banks.length);
  quizzes.forEach((r, i) => {
    const bank = banks[i]!;
    const ident = at(r, 'identifier')!;
    // One string everywhere: resource, folder, file name, assessment ident, meta identifier.
    const href = at(all(r, 'file')[0], 'href')!;
    expect(href).toBe(`${ident}/${ident}.xml`);
    const meta = all(r, 'dependency').map((d) => byId.get(at(d, 'identifierref')!)!).find((m) => at(m, 'type')!.endsWith('learning-application-resource'))!;
    expect(at(all(meta, 'file')[0], 'href')).toBe(`${ident}/assessment_meta.xml`);
    const quizMeta = parse(files.get(`${ident}/assessment_meta.xml`)!)['quiz'] as X;
    expect(at(quizMeta, 'identifier')).toBe(ident);
    expect(txt(quizMeta['title'])).toBe(bank.title);
    expect(Number(txt(quizMeta['points_possible']))).toBeCloseTo(bank.questions.reduce((s, q) => s + q.points, 0));
    expect(txt(quizMeta['shuffle_answers'])).toBe(bank.questions.every((q) => q.shuffle) ? 'true' : 'false');
    const doc = parse(files.get(href)!);
    const assessment = (doc['questestinterop'] as X)['assessment'] as X;
    expect(at(assessment, 'ident')).toBe(ident);
    const items = all(assessment, 'item');
    expect(items.map((it) => at(it, 'ident'))).toEqual(bank.questions.map((q) => q.id));
    items.forEach((item, k) => {
      const q = bank.questions[k]!;
      const type = txt(field(item, 'question_type'));
      expect(type).toBe(q.type === 'multiple' ? 'multiple_answers_question' : 'multiple_choice_question'); // Verdadeiro/Falso is not True/False
      expect(Number(txt(field(item, 'points_possible')))).toBe(q.points);
      const lid = all(item, 'response_lid')[0]!;
      const labels = all(lid, 'response_label').map((l) => at(l, 'ident')!);
      expect(labels.length).toBe(q.options.length);
      for (const l of labels) expect(l).toMatch(/^[1-9][0-9]*$/);
      expect(new Set(labels).size).toBe(labels.length);
      expect(txt(field(item, 'original_answer_ids'))).toBe(labels.join(','));
      expect(at(lid, 'rcardinality')).toBe(q.type === 'multiple' ? 'Multiple' : 'Single');
      for (const m of all(item, 'mattext')) expect(at(m, 'texttype')).toBe('text/html');
      q.options.forEach((o, j) => expect(at(all(lid, 'response_label')[j], 'rshuffle')).toBe(o.fixed ? 'No' : undefined));
      // The answers Canvas scores as correct: conditions setting SCORE > 0.
      const scoring = all(item, 'respcondition').filter((c) => Number(txt(c['setvar'])) > 0);
      expect(scoring.length).toBe(q.type === 'multiple' ? 1 : q.key.length);
      for (const v of all(item, 'varequal')) expect(at(v, 'respident')).toBe(at(lid, 'ident'));
      const keyed = q.key.map((x) => labels[x]);
      if (q.type === 'multiple') {
        const and = (scoring[0]!['conditionvar'] as X)['and'] as X;
        const yes = ([] as unknown[]).concat(and['varequal'] ?? []).map(txt);
        const no = all(and, 'not').flatMap((n) => ([] as unknown[]).concat(n['varequal'] ?? []).map(txt));
        expect(yes.sort()).toEqual([...keyed].sort());
        expect([...yes, ...no].sort()).toEqual([...labels].sort());
      } else {
        expect(scoring.map((c) => txt(([] as unknown[]).concat((c['conditionvar'] as X)['varequal'])[0]))).toEqual(keyed);
      }
    });
  });
}

describe('canvas emitter', () => {
  it('identifiers and scoring agree on the sample banks', () => crossCheck(unzipText(sampleFiles[0]!), sample.project));
  it('identifiers and scoring agree on a generated bank of 210 questions', () => crossCheck(unzipText(generatedFiles[0]!), generated.project));

  it('self-check passes on both', () => {
    expect(canvas.check!(sampleFiles, sample.project)).toEqual([]);
    expect(canvas.check!(generatedFiles, generated.project)).toEqual([]);
  });

  it('is deterministic: two builds are byte-identical', async () => {
    const again = await emitWith(canvas, generated.project, generated.asset);
    expect(Buffer.from(bytesOf(again[0]!)).equals(Buffer.from(bytesOf(generatedFiles[0]!)))).toBe(true);
  });

  it('copies images and points to them the way Canvas exports do (sample question 6)', () => {
    const files = unzipText(sampleFiles[0]!);
    const png = [...files.keys()].find((f) => f.startsWith('images/') && f.endsWith('roteador.png'))!;
    expect(files.get('quiz-recursos-exemplo/quiz-recursos-exemplo.xml')).toContain(`&lt;img src=&quot;%24IMS-CC-FILEBASE%24/${png}&quot; alt=&quot;Roteador com luz azul&quot;/&gt;`);
    const manifest = parse(files.get('imsmanifest.xml')!);
    const res = all(manifest, 'resource').find((r) => at(r, 'href') === png)!;
    expect(at(res, 'type')).toBe('webcontent');
  });

  it('calls a True/False pair true_false_question, as Canvas keeps only those', async () => {
    const { canvasType } = await import('../../../src/emit/canvas/index.js');
    const q = sample.project.banks[1]!.questions[3]!; // Verdadeiro / Falso
    expect(q.type).toBe('truefalse');
    expect(canvasType(q)).toBe('multiple_choice_question');
    const en = { ...q, options: [{ ...q.options[0]!, text: { ...q.options[0]!.text, markdown: 'True' } }, { ...q.options[1]!, text: { ...q.options[1]!.text, markdown: 'False' } }] };
    expect(canvasType(en)).toBe('true_false_question');
  });
});

describe('canvas against the IMS XSDs (validate-qti.sh)', () => {
  for (const which of ['sample', 'generated'] as const) {
    it.skipIf(skipValidators)(`the ${which} package passes (QTI 1.2 ASI, CP structure, manifest hrefs)`, () => {
      const r = validateQti(writeTemp((which === 'sample' ? sampleFiles : generatedFiles)[0]!));
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/PASS .*imsmanifest\.xml \(Canvas-style manifest/);
      expect(r.stdout).toMatch(/PASS .*manifest href\(s\) resolve/);
      expect(r.stdout.match(/\(QTI 1\.2 questestinterop\)/g)?.length).toBe(which === 'sample' ? 2 : 3);
      expect(r.stdout).not.toContain('WARN');
    }, 300_000);
  }

  it.skipIf(skipValidators)('the validator rejects a deliberately broken assessment', () => {
    const good = unzipText(sampleFiles[0]!).get('quiz-atendimento/quiz-atendimento.xml')!;
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-canvas-broken-'));
    writeFileSync(path.join(dir, 'broken.xml'), good.replace('rcardinality="Single"', 'rcardinality="single"'));
    const r = validateQti(path.join(dir, 'broken.xml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL [\s\S]*rcardinality/);
  });
});

describe('canvas with user templates', () => {
  function overrideDir(name: string, edit: (t: string) => string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-tpl-'));
    mkdirSync(path.join(dir, 'canvas'));
    writeFileSync(path.join(dir, 'canvas', name), edit(readFileSync(path.join(builtinTemplatesDir, 'canvas', name), 'utf8')));
    return dir;
  }

  it('an override that breaks the XML is an error naming the template', async () => {
    const dir = overrideDir('item.xml.hbs', (t) => t.replace('</mattext>', ''));
    const d = canvas.check!(await emitWith(canvas, sample.project, sample.asset, [dir]), sample.project);
    expect(d[0]).toMatchObject({ severity: 'error', ruleId: 'emit/canvas' });
    expect(d[0]!.message).toMatch(/quiz-atendimento\/quiz-atendimento\.xml is not well-formed XML/);
    expect(d[0]!.hint).toContain(`canvas/item.xml.hbs (override ${path.join(dir, 'canvas', 'item.xml.hbs')})`);
  });

  it('a meta template with a different identifier is caught (Canvas would drop title and settings)', async () => {
    const dir = overrideDir('assessment-meta.xml.hbs', (t) => t.replace('<quiz identifier="{{ident}}"', '<quiz identifier="x{{ident}}"'));
    const d = canvas.check!(await emitWith(canvas, sample.project, sample.asset, [dir]), sample.project);
    expect(d.some((x) => /quiz identifier is "xquiz-atendimento"/.test(x.message) && x.hint?.includes('canvas/assessment-meta.xml.hbs'))).toBe(true);
  });

  it('an item template scoring the wrong answer is caught', async () => {
    const dir = overrideDir('item.xml.hbs', (t) => t.replace('{{#if correct}}\n          <respcondition', '{{#unless correct}}\n          <respcondition').replace('{{/if}}\n{{/each}}\n{{/if}}', '{{/unless}}\n{{/each}}\n{{/if}}'));
    const d = canvas.check!(await emitWith(canvas, sample.project, sample.asset, [dir]), sample.project);
    expect(d.some((x) => /the answers scored correct are/.test(x.message))).toBe(true);
  });
});
