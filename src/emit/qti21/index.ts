// IMS QTI 2.1 content package (qti21.zip) for LMSs and delivery engines that import QTI 2.1
// (Canvas, Blackboard, Brightspace, OpenOLAT, ILIAS, TAO, Inspera…): one assessmentItem per
// question, one assessmentTest per bank with a section per category, and an IMS CP manifest
// listing every item (with its images) and every test (depending on its items).
//
// Layout (no "..": Canvas matches image paths by suffix and would miss ../):
//   imsmanifest.xml
//   items/<question-id>.xml        src="media/<hash>-<name>" for images
//   items/media/<hash>-<name>
//   <test-id>.xml                  href="items/<question-id>.xml"
import type { Diagnostic } from '../../ir/diagnostic.js';
import type { Bank, Project, Question } from '../../ir/schema.js';
import { imageUrls } from '../../markdown/render.js';
import type { Asset } from '../../pipeline/assets.js';
import { slug } from '../../parse/ids.js';
import type { EmitOptions, EmittedFile, Emitter } from '../emitter.js';
import { escapeXml, IdAllocator, toNCName } from '../xml.js';
import { zipChunks, type ZipEntry } from '../zip.js';
import { checkPackage, type CheckedEntry } from './check.js';
import { builtinOnly, mentionsImage, questionShapeKey, sampleIndexes } from '../self-check.js';
import { rememberTemplates, renderAround, Templates, type PackageTemplates } from './layout.js';
import { formatNumber, itemView, xmlTextRepeated } from './view.js';

export const packageName = 'qti21.zip';
const itemsDir = 'items';
const mediaDir = 'media'; // relative to items/

export interface PlannedItem {
  q: Question;
  bank: Bank;
  id: string;
  path: string;
  assets: Asset[];
}

export interface PlannedTest {
  bank: Bank;
  id: string;
  path: string;
  partId: string;
  sections: { id: string; category: string; items: PlannedItem[] }[];
}

export interface Plan {
  manifestId: string;
  items: PlannedItem[];
  tests: PlannedTest[];
  media: Asset[];
  entryCount: number;
}

const noAssets: Asset[] = [];

// Identifiers: question ids first (they are the stable ones; a clash across banks gets -2),
// then tests, sections and the manifest, all unique across the package.
export function planPackage(project: Project, options: Pick<EmitOptions, 'asset'>): Plan {
  const ids = new IdAllocator();
  const items: PlannedItem[] = [];
  const media = new Map<string, Asset>();
  const banks = project.banks.filter((b) => b.questions.length > 0);
  for (const bank of banks) {
    for (const q of bank.questions) {
      const id = ids.take(toNCName(q.id, 'q'));
      let assets = noAssets; // shared: a million empty arrays would cost ~30 MB
      if (mentionsImage(q)) {
        for (const md of [q.stem.markdown, ...q.options.map((o) => o.text.markdown)]) {
          for (const url of imageUrls(md)) {
            const a = options.asset(bank.id, url);
            if (a && !assets.includes(a)) assets = [...assets, a];
          }
        }
      }
      for (const a of assets) media.set(a.name, a);
      items.push({ q, bank, id, path: `${itemsDir}/${id}.xml`, assets });
    }
  }
  const tests: PlannedTest[] = [];
  let at = 0;
  for (const bank of banks) {
    const id = ids.take(`test-${toNCName(slug(bank.id), 'bank')}`);
    const mine = items.slice(at, at + bank.questions.length);
    at += bank.questions.length;
    const byCategory = new Map<string, PlannedItem[]>();
    for (const it of mine) {
      const list = byCategory.get(it.q.category) ?? [];
      list.push(it);
      byCategory.set(it.q.category, list);
    }
    const sections = [...byCategory].map(([category, list], i) => ({ id: ids.take(`${id}-section-${i + 1}`), category, items: list }));
    tests.push({ bank, id, path: `${id}.xml`, partId: ids.take(`${id}-part`), sections });
  }
  const manifestId = ids.take('qbank-qti21-manifest');
  return { manifestId, items, tests, media: [...media.values()], entryCount: 1 + items.length + media.size + tests.length };
}

// Deflating one ~2 KB item costs 30-60 µs whatever the level or window (zlib's per-stream
// set-up, not the bytes): 0.1 s for 2,000 items, but 0.6 s for 10k, more than all the rest of
// the package. Above this many items they are stored (the package is ~2.3x bigger: 21 MB instead
// of 9 MB at 10k; the manifest and tests, which are big, are still deflated).
export const deflateItemsUpTo = 2_000;

const layout: PackageTemplates = [
  { match: (p) => p === 'imsmanifest.xml', templates: ['manifest.xml.hbs', 'manifest-resource.xml.hbs'] },
  { match: (p) => p.startsWith(`${itemsDir}/`), templates: ['item.xml.hbs'] },
  { match: () => true, templates: ['test.xml.hbs', 'test-section.xml.hbs', 'test-item-ref.xml.hbs'] },
];

function* itemXml(t: Templates, it: PlannedItem, options: EmitOptions): Generator<string> {
  const view = itemView(it.q, it.bank, it.id, options.asset, (a) => `${mediaDir}/${a.name}`);
  yield t.get('item.xml.hbs')(view);
}

function* testXml(t: Templates, test: PlannedTest): Generator<string> {
  const maxScore = test.sections.reduce((s, sec) => s + sec.items.reduce((n, it) => n + it.q.points, 0), 0);
  const [head, tail, hasSlot] = renderAround(t.get('test.xml.hbs'), {
    identifier: test.id,
    title: escapeXml(test.bank.title),
    partIdentifier: test.partId,
    maxScore: formatNumber(maxScore),
    bank: escapeXml(test.bank.id),
  }, 'sections');
  yield head;
  if (!hasSlot) {
    yield tail; // check() reports the missing content and names the template
    return;
  }
  const section = t.get('test-section.xml.hbs');
  const ref = t.get('test-item-ref.xml.hbs');
  for (const sec of test.sections) {
    const [sHead, sTail, hasRefs] = renderAround(section, { identifier: sec.id, title: escapeXml(sec.category) }, 'itemRefs');
    yield sHead;
    if (hasRefs)
      for (const it of sec.items) yield ref({ identifier: it.id, href: it.path, points: formatNumber(it.q.points), category: xmlTextRepeated(it.q.category) });
    yield sTail;
  }
  yield tail;
}

function* manifestXml(t: Templates, plan: Plan): Generator<string> {
  const [head, tail, hasSlot] = renderAround(t.get('manifest.xml.hbs'), { identifier: plan.manifestId }, 'resources');
  yield head;
  if (!hasSlot) {
    yield tail; // check() reports the missing content and names the template
    return;
  }
  const resource = t.get('manifest-resource.xml.hbs');
  for (const it of plan.items) {
    yield resource({
      identifier: it.id,
      type: 'imsqti_item_xmlv2p1',
      href: it.path,
      interactionType: 'choiceInteraction',
      // Images are files of the item that shows them (as in IMS's own example packages), not
      // resources of their own: Canvas skips files that are some resource's href.
      files: [it.path, ...it.assets.map((a) => `${itemsDir}/${mediaDir}/${a.name}`)],
      dependencies: [],
    });
  }
  for (const test of plan.tests) {
    yield resource({
      identifier: test.id,
      type: 'imsqti_test_xmlv2p1',
      href: test.path,
      interactionType: '',
      files: [test.path],
      dependencies: test.sections.flatMap((s) => s.items.map((it) => it.id)),
    });
  }
  yield tail;
}

const plans = new WeakMap<EmittedFile, { plan: Plan; t: Templates; options: EmitOptions }>();

// The plan cut down to the sampled items: their tests (only non-empty sections), their images.
function samplePlan(plan: Plan, picked: number[]): Plan {
  const items = picked.map((i) => plan.items[i]!);
  const keep = new Set(items);
  const tests = plan.tests
    .map((test) => ({ ...test, sections: test.sections.map((s) => ({ ...s, items: s.items.filter((it) => keep.has(it)) })).filter((s) => s.items.length > 0) }))
    .filter((test) => test.sections.length > 0);
  const media = plan.media.filter((a) => items.some((it) => it.assets.includes(a)));
  return { ...plan, items, tests, media, entryCount: 1 + items.length + media.length + tests.length };
}

const enc = new TextEncoder();
function* rendered(name: string, parts: Iterable<string>): Generator<CheckedEntry> {
  const data = enc.encode([...parts].join(''));
  yield { name, data, size: data.length };
}

// The files of a (sampled) plan, rendered by the same generators as the package.
function* planEntries(t: Templates, plan: Plan, options: EmitOptions): Generator<CheckedEntry> {
  yield* rendered('imsmanifest.xml', manifestXml(t, plan));
  for (const it of plan.items) yield* rendered(it.path, itemXml(t, it, options));
  for (const a of plan.media) yield { name: `${itemsDir}/${mediaDir}/${a.name}`, data: new Uint8Array(0), size: a.data.length };
  for (const test of plan.tests) yield* rendered(test.path, testXml(t, test));
}

export const qti21: Emitter = {
  target: 'qti21',
  description: 'IMS QTI 2.1 content package (qti21.zip): items, a test per bank, manifest',
  emit(project, options) {
    const plan = planPackage(project, options);
    const storeItems = plan.items.length > deflateItemsUpTo;
    const t = new Templates(options.templates, 'qti21');
    // Compile every template now, so a missing or broken one fails here, not inside the writer.
    for (const l of layout) for (const name of l.templates) t.get(name);
    const entries: ZipEntry[] = [
      { path: 'imsmanifest.xml', contents: { [Symbol.iterator]: () => manifestXml(t, plan) } },
      ...plan.items.map((it) => ({ path: it.path, contents: { [Symbol.iterator]: () => itemXml(t, it, options) }, store: storeItems })),
      ...plan.media.map((a) => ({ path: `${itemsDir}/${mediaDir}/${a.name}`, contents: a.data, store: true })),
      ...plan.tests.map((test) => ({ path: test.path, contents: { [Symbol.iterator]: () => testXml(t, test) } })),
    ];
    const file: EmittedFile = { path: packageName, contents: zipChunks(entries) };
    rememberTemplates(file, t, layout);
    plans.set(file, { plan, t, options });
    return [file];
  },
  check(files, _project): Diagnostic[] {
    const file = files.find((f) => f.path === packageName);
    const p = file && plans.get(file);
    if (!file || !p) return [];
    const full = !builtinOnly([...p.t.used.values()].map((o) => o.file));
    const picked = sampleIndexes(p.plan.items, (it) => questionShapeKey(it.q, it.assets.length > 0), full);
    if (picked.length === p.plan.items.length) return checkPackage(file, p.plan);
    const sample = samplePlan(p.plan, picked);
    return checkPackage(file, sample, planEntries(p.t, sample, p.options));
  },
};
