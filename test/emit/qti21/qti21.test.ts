// QTI 2.1 package: schema-valid by the official IMS XSDs (../shared/validators), cross-references
// right (which no XSD checks), deterministic, and a broken override template is caught by check().
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { qti21 } from '../../../src/emit/qti21/index.js';
import { builtinTemplatesDir } from '../../../src/emit/templates.js';
import type { Project } from '../../../src/ir/schema.js';
import type { EmittedFile } from '../../../src/emit/emitter.js';
import type { AssetLookup } from '../../../src/pipeline/assets.js';
import { missing, run, validatorsDir } from '../../support/validators.js';
import { bytesOf, emitWith, generatedProject, sampleProject, unzipText, validateQti, writeTemp } from './support.js';
import { all, at, ncName, parse, resolveIn, txt, type X } from './xml.js';

const skipValidators = missing({ validators: true, commands: ['xmllint', 'unzip'] });

type Loaded = { dir: string; project: Project; asset: AssetLookup };
let sample: Loaded;
let generated: Loaded;
let sampleFiles: EmittedFile[];
let generatedFiles: EmittedFile[];

beforeAll(async () => {
  sample = await sampleProject();
  generated = await generatedProject(70, 3); // 210 questions: every kind, hostile text, images, pins
  sampleFiles = await emitWith(qti21, sample.project, sample.asset);
  generatedFiles = await emitWith(qti21, generated.project, generated.asset);
});

/** Every cross-reference an importer relies on, checked from the unzipped files alone. */
function crossCheck(files: Map<string, string>, project: Project): void {
  const manifest = parse(files.get('imsmanifest.xml')!);
  const resources = all(manifest, 'resource');
  const ids = new Set<string>();
  const byId = new Map<string, X>();
  for (const r of resources) {
    const id = at(r, 'identifier')!;
    expect(id, 'resource identifier').toMatch(ncName);
    expect(ids.has(id), `duplicate resource ${id}`).toBe(false);
    ids.add(id);
    byId.set(id, r);
    for (const f of all(r, 'file')) expect(files.has(decodeURI(at(f, 'href')!)), `manifest file ${at(f, 'href')}`).toBe(true);
    expect(files.has(at(r, 'href')!)).toBe(true);
    for (const d of all(r, 'dependency')) expect(byId.has(at(d, 'identifierref')!) || resources.some((x) => at(x, 'identifier') === at(d, 'identifierref'))).toBe(true);
  }
  // Every file in the package is listed by the manifest.
  const listed = new Set(resources.flatMap((r) => all(r, 'file').map((f) => decodeURI(at(f, 'href')!))));
  for (const name of files.keys()) if (name !== 'imsmanifest.xml') expect(listed.has(name), `unlisted ${name}`).toBe(true);

  const questions = project.banks.flatMap((b) => b.questions);
  const items = resources.filter((r) => at(r, 'type') === 'imsqti_item_xmlv2p1');
  expect(items.length).toBe(questions.length);
  const allIds = new Set<string>();
  items.forEach((r, i) => {
    const q = questions[i]!;
    const href = at(r, 'href')!;
    const doc = parse(files.get(href)!);
    const item = doc['assessmentItem'] as X;
    expect(at(item, 'identifier')).toBe(at(r, 'identifier'));
    expect(at(item, 'identifier')).toBe(q.id); // derived from the stable question id
    expect(allIds.has(q.id)).toBe(false);
    allIds.add(q.id);
    const choices = all(item, 'simpleChoice');
    const choiceIds = choices.map((c) => at(c, 'identifier')!);
    for (const c of choiceIds) expect(c).toMatch(ncName);
    expect(new Set(choiceIds).size).toBe(q.options.length);
    const decl = item['responseDeclaration'] as X;
    const correct = ([] as unknown[]).concat((decl['correctResponse'] as X)?.['value'] ?? []).map(txt);
    for (const v of correct) expect(choiceIds, `correctResponse ${v} of ${q.id}`).toContain(v);
    expect(correct.map((v) => choiceIds.indexOf(v))).toEqual(q.key);
    const ci = all(item, 'choiceInteraction')[0]!;
    expect(at(ci, 'responseIdentifier')).toBe(at(decl, 'identifier'));
    expect(at(ci, 'shuffle')).toBe(q.shuffle ? 'true' : 'false');
    q.options.forEach((o, k) => expect(at(choices[k], 'fixed')).toBe(o.fixed ? 'true' : undefined));
    const rp = at(all(item, 'responseProcessing')[0], 'template');
    if (q.type === 'multiple') {
      expect(at(decl, 'cardinality')).toBe('multiple');
      expect(rp).toMatch(/map_response$/);
      const entries = all(decl, 'mapEntry');
      expect(entries.map((e) => at(e, 'mapKey')).sort()).toEqual([...choiceIds].sort());
      const keyed = entries.filter((e) => correct.includes(at(e, 'mapKey')!)).reduce((s, e) => s + Number(at(e, 'mappedValue')), 0);
      expect(keyed).toBeGreaterThanOrEqual(1); // choosing every keyed option reaches the upper bound
      expect(keyed).toBeLessThan(1.00001);
    } else {
      expect(at(decl, 'cardinality')).toBe('single');
      expect(at(ci, 'maxChoices')).toBe('1');
      expect(rp).toMatch(/match_correct$/);
    }
    // Images: copied into the package, referenced relatively, listed with the item.
    for (const img of all(item, 'img')) {
      const src = at(img, 'src')!;
      if (/^https?:/.test(src)) continue;
      expect(src).not.toMatch(/^\/|\.\./);
      const target = resolveIn(href, src);
      expect(files.has(target), `image ${src} of ${href}`).toBe(true);
      expect(all(r, 'file').map((f) => at(f, 'href'))).toContain(target);
    }
    // Raw HTML in the source stays text.
    expect(all(item, 'script')).toEqual([]);
  });

  const tests = resources.filter((r) => at(r, 'type') === 'imsqti_test_xmlv2p1');
  expect(tests.length).toBe(project.banks.filter((b) => b.questions.length).length);
  tests.forEach((r, i) => {
    const bank = project.banks[i]!;
    const test = parse(files.get(at(r, 'href')!)!)['assessmentTest'] as X;
    expect(at(test, 'identifier')).toBe(at(r, 'identifier'));
    const sections = all(test, 'assessmentSection');
    expect(sections.map((s) => at(s, 'title'))).toEqual([...new Set(bank.questions.map((q) => q.category))]);
    const refs = all(test, 'assessmentItemRef');
    expect(refs.map((x) => at(x, 'identifier'))).toEqual(bank.questions.map((q) => q.id));
    const deps = all(r, 'dependency').map((d) => at(d, 'identifierref'));
    for (const ref of refs) {
      const target = byId.get(at(ref, 'identifier')!);
      expect(target && at(target, 'href')).toBe(resolveIn(at(r, 'href')!, at(ref, 'href')!));
      expect(deps).toContain(at(ref, 'identifier'));
      const q = bank.questions.find((x) => x.id === at(ref, 'identifier'))!;
      expect(Number(at(all(ref, 'weight')[0], 'value'))).toBe(q.points);
    }
  });
}

describe('qti21 emitter', () => {
  it('cross-references agree on the sample banks', () => {
    crossCheck(unzipText(sampleFiles[0]!), sample.project);
  });

  it('cross-references agree on a generated bank of 210 questions', () => {
    crossCheck(unzipText(generatedFiles[0]!), generated.project);
  });

  it('self-check passes on both', () => {
    expect(qti21.check!(sampleFiles, sample.project)).toEqual([]);
    expect(qti21.check!(generatedFiles, generated.project)).toEqual([]);
  });

  it('is deterministic: two builds are byte-identical', async () => {
    const again = await emitWith(qti21, generated.project, generated.asset);
    expect(Buffer.from(bytesOf(again[0]!)).equals(Buffer.from(bytesOf(generatedFiles[0]!)))).toBe(true);
  });

  it('pins positional options and keeps the authored order (sample question 5)', () => {
    const item = parse(unzipText(sampleFiles[0]!).get('items/recursos-exemplo-q5.xml')!);
    const ci = all(item, 'choiceInteraction')[0]!;
    expect(at(ci, 'shuffle')).toBe('false');
    expect(all(ci, 'simpleChoice').map((c) => at(c, 'fixed'))).toEqual([undefined, undefined, undefined, 'true']);
  });

  it('renders Markdown as XHTML with the image copied in (sample question 6)', () => {
    const files = unzipText(sampleFiles[0]!);
    const xml = files.get('items/recursos-exemplo-q6.xml')!;
    expect(xml).toMatch(/<img src="media\/[0-9a-f]{10}-roteador\.png" alt="Roteador com luz azul"\/><br\/>/);
    const png = [...files.keys()].find((f) => f.endsWith('roteador.png'))!;
    expect(files.get(png)).toBe(`<${readFileSync(path.join(sample.dir, 'sources/recursos/img/roteador.png')).length} bytes>`);
    expect(files.get('items/recursos-exemplo-q2.xml')).toContain('<strong>luz vermelha</strong>');
  });
});

describe('qti21 against the IMS XSDs (validate-qti.sh)', () => {
  it.skipIf(skipValidators)('the sample package passes as a package (schemas and manifest hrefs)', () => {
    const r = validateQti(writeTemp(sampleFiles[0]!));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PASS .*imsmanifest\.xml \(IMS CP 1\.1 manifest\)/);
    expect(r.stdout).toMatch(/PASS .*manifest href\(s\) resolve/);
    expect(r.stdout.match(/QTI 2\.1 assessmentItem/g)?.length).toBe(14);
    expect(r.stdout.match(/QTI 2\.1 assessmentTest/g)?.length).toBe(2);
  });

  it.skipIf(skipValidators)('a small generated package (every question kind) passes as a package', async () => {
    const small = await generatedProject(12, 3, 11);
    const r = validateQti(writeTemp((await emitWith(qti21, small.project, small.asset))[0]!));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('FAIL');
    expect(r.stdout.match(/QTI 2\.1 assessmentItem/g)?.length).toBe(36);
  }, 300_000);

  it.skipIf(skipValidators)('every XML file of the 210-question package is schema-valid', () => {
    // validate-qti.sh starts xmllint (and loads the 10k-line XSD) per file; for 210 items it runs on
    // the manifest, the tests and one item of each kind, and xmllint checks all items in one run
    // against the very same XSD.
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-qti-gen-'));
    const zip = writeTemp(generatedFiles[0]!);
    expect(run('unzip', ['-q', zip, '-d', dir]).code).toBe(0);
    const items = [...unzipText(generatedFiles[0]!).keys()].filter((f) => f.startsWith('items/') && f.endsWith('.xml'));
    expect(items.length).toBe(210);
    const sampleItems = items.filter((_, i) => i % 35 < 6);
    const r = validateQti(...['imsmanifest.xml', 'test-gerado-banco-1.xml', 'test-gerado-banco-2.xml', 'test-gerado-banco-3.xml', ...sampleItems].map((f) => path.join(dir, f)));
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`validate-qti: ${4 + sampleItems.length} passed, 0 failed`);
    const x = run('xmllint', ['--noout', '--nonet', '--schema', path.join(validatorsDir, 'schemas/qtiv2p1/imsqti_v2p1.xsd'), ...items.map((f) => path.join(dir, f))]);
    expect(x.code, x.stderr.slice(0, 3000)).toBe(0);
    expect(x.stderr.match(/ validates$/gm)?.length).toBe(210);
  }, 300_000);

  it.skipIf(skipValidators)('the validator rejects a deliberately broken item (so the checks above can fail)', () => {
    const good = unzipText(sampleFiles[0]!).get('items/recursos-exemplo-q1.xml')!;
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-qti-broken-'));
    writeFileSync(path.join(dir, 'good.xml'), good);
    writeFileSync(path.join(dir, 'broken.xml'), good.replace('cardinality="single"', 'cardinality="one"'));
    expect(validateQti(path.join(dir, 'good.xml')).code).toBe(0);
    const r = validateQti(path.join(dir, 'broken.xml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*broken\.xml[\s\S]*cardinality/);
  });
});

describe('qti21 with user templates', () => {
  function overrideDir(name: string, edit: (t: string) => string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-tpl-'));
    mkdirSync(path.join(dir, 'qti21'));
    writeFileSync(path.join(dir, 'qti21', name), edit(readFileSync(path.join(builtinTemplatesDir, 'qti21', name), 'utf8')));
    return dir;
  }

  it('a harmless override is used and passes the self-check', async () => {
    const dir = overrideDir('item.xml.hbs', (t) => t.replace('<itemBody>', '<itemBody>\n    <!-- academia -->'));
    const files = await emitWith(qti21, sample.project, sample.asset, [dir]);
    expect(unzipText(files[0]!).get('items/atendimento-q1.xml')).toContain('<!-- academia -->');
    expect(qti21.check!(files, sample.project)).toEqual([]);
  });

  it('an override that breaks the XML is an error naming the template and its file', async () => {
    const dir = overrideDir('item.xml.hbs', (t) => t.replace('</simpleChoice>', ''));
    const files = await emitWith(qti21, sample.project, sample.asset, [dir]);
    const d = qti21.check!(files, sample.project);
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]).toMatchObject({ severity: 'error', ruleId: 'emit/qti21', file: 'sources/atendimento.txt' });
    expect(d[0]!.message).toMatch(/items\/atendimento-q1\.xml is not well-formed XML/);
    expect(d[0]!.hint).toContain(`qti21/item.xml.hbs (override ${path.join(dir, 'qti21', 'item.xml.hbs')})`);
  });

  it('an override that breaks a cross-reference is an error too', async () => {
    const dir = overrideDir('item.xml.hbs', (t) => t.replace('<value>{{this}}</value>', '<value>choice-99</value>'));
    const d = qti21.check!(await emitWith(qti21, sample.project, sample.asset, [dir]), sample.project);
    expect(d.some((x) => /correctResponse names "choice-99"/.test(x.message) && x.hint?.includes('qti21/item.xml.hbs'))).toBe(true);
  });

  it('a test template that drops its slot loses the items, and check() says so', async () => {
    const dir = overrideDir('test-section.xml.hbs', (t) => t.replace('{{{itemRefs}}}', ''));
    const d = qti21.check!(await emitWith(qti21, sample.project, sample.asset, [dir]), sample.project);
    expect(d.some((x) => /0 item references, the bank has 8 questions/.test(x.message) && x.hint?.includes('qti21/test-section.xml.hbs'))).toBe(true);
  });

  it('values are escaped before the template: a hostile bank title cannot break the XML', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'qbank-hostile-'));
    cpSync(generated.dir, copy, { recursive: true });
    const files = await emitWith(qti21, generated.project, generated.asset);
    const test = unzipText(files[0]!).get('test-gerado-banco-1.xml')!;
    expect(test).toContain('title="Banco gerado 1 &amp; &lt;teste&gt; &quot;1&quot;"');
  });
});
