// Self-check of the QTI 2.1 package: re-read the XML files (unzipped from the output, or for a
// big bank on built-in templates a sample rendered on its own, see self-check.ts) and compare
// them with the plan: well-formed, identifiers, correctResponse → simpleChoice, shuffle and pinned
// choices, test → items, manifest → files and dependencies. These cross-references are exactly
// what the XSDs cannot see. A failure names the template(s) that rendered the file.
import type { Diagnostic } from '../../ir/diagnostic.js';
import type { EmittedFile } from '../emitter.js';
import { unzipChunks } from '../zip.js';
import type { Plan, PlannedItem, PlannedTest } from './index.js';
import { describeTemplates } from './layout.js';
import { choiceId, mapResponse, matchCorrect } from './view.js';
import { arr, attr, isNCName, readXml, text, type XmlNode } from './xml-check.js';

export const maxCheckedEntry = 64 << 20;

export type Where = { file: string; line: number; column: number; questionId?: string };

/** Depth-first search for elements named `name` (templates may wrap things in extra elements). */
export function findAll(n: unknown, name: string, out: XmlNode[] = []): XmlNode[] {
  if (Array.isArray(n)) {
    for (const c of n) findAll(c, name, out);
    return out;
  }
  if (!n || typeof n !== 'object') return out;
  for (const [k, v] of Object.entries(n as XmlNode)) {
    if (k.startsWith('@') || k === '#text') continue;
    if (k === name) out.push(...arr(v).filter((x) => x && typeof x === 'object'));
    findAll(v, name, out);
  }
  return out;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function checkItemDoc(doc: XmlNode, it: PlannedItem): string[] {
  const problems: string[] = [];
  const root = doc['assessmentItem'] as XmlNode | undefined;
  if (!root) return ['the root element is not assessmentItem'];
  if (attr(root, 'identifier') !== it.id) problems.push(`identifier is "${attr(root, 'identifier')}", expected "${it.id}"`);
  const q = it.q;
  const decl = findAll(root, 'responseDeclaration').find((d) => attr(d, 'identifier') === 'RESPONSE');
  if (!decl) problems.push('no responseDeclaration RESPONSE');
  const interactions = findAll(root, 'choiceInteraction');
  if (interactions.length !== 1) return [...problems, `${interactions.length} choiceInteraction elements, expected 1`];
  const ci = interactions[0]!;
  if (attr(ci, 'responseIdentifier') !== 'RESPONSE') problems.push('choiceInteraction does not answer RESPONSE');
  const choices = arr(ci['simpleChoice']);
  const ids = choices.map((c) => attr(c, 'identifier') ?? '');
  if (ids.length !== q.options.length) problems.push(`${ids.length} choices, the question has ${q.options.length} options`);
  if (new Set(ids).size !== ids.length) problems.push('choice identifiers repeat');
  for (const id of ids) if (!isNCName(id)) problems.push(`choice identifier "${id}" is not an NCName`);
  const correct = decl ? findAll(decl, 'correctResponse').flatMap((c) => arr(c['value']).map(text)) : [];
  for (const v of correct) if (!ids.includes(v)) problems.push(`correctResponse names "${v}", which is not a choice`);
  if (!sameSet(correct, q.key.map(choiceId))) problems.push(`correctResponse is [${correct.join(', ')}], the key is [${q.key.map(choiceId).join(', ')}]`);
  const multiple = q.type === 'multiple';
  if (decl && attr(decl, 'cardinality') !== (multiple ? 'multiple' : 'single')) problems.push(`cardinality "${attr(decl, 'cardinality')}" does not fit a ${q.type} question`);
  if (!multiple && attr(ci, 'maxChoices') !== '1') problems.push('a single-answer question needs maxChoices="1"');
  if (!q.shuffle && attr(ci, 'shuffle') !== 'false') problems.push('the question must not be shuffled (shuffle="false")');
  q.options.forEach((o, i) => {
    if (o.fixed && attr(choices[i], 'fixed') !== 'true') problems.push(`pinned option ${i + 1} lacks fixed="true"`);
  });
  const rp = findAll(root, 'responseProcessing')[0];
  const template = attr(rp, 'template');
  if (template !== (multiple ? mapResponse : matchCorrect)) problems.push(`responseProcessing template is "${template}"`);
  if (multiple && decl) {
    const keys = findAll(decl, 'mapEntry').map((e) => attr(e, 'mapKey') ?? '');
    if (!sameSet(keys, ids)) problems.push('the mapping does not list every choice once');
  }
  if (!findAll(root, 'outcomeDeclaration').some((o) => attr(o, 'identifier') === 'SCORE')) problems.push('no SCORE outcome');
  return problems;
}

export function checkTestDoc(doc: XmlNode, test: PlannedTest): string[] {
  const root = doc['assessmentTest'] as XmlNode | undefined;
  if (!root) return ['the root element is not assessmentTest'];
  const problems: string[] = [];
  if (attr(root, 'identifier') !== test.id) problems.push(`identifier is "${attr(root, 'identifier')}", expected "${test.id}"`);
  const refs = findAll(root, 'assessmentItemRef');
  const expected = test.sections.flatMap((s) => s.items);
  if (refs.length !== expected.length) problems.push(`${refs.length} item references, the bank has ${expected.length} questions`);
  refs.forEach((r, i) => {
    const it = expected[i];
    if (it && (attr(r, 'identifier') !== it.id || attr(r, 'href') !== it.path)) problems.push(`item reference ${i + 1} is ${attr(r, 'identifier')} → ${attr(r, 'href')}, expected ${it.id} → ${it.path}`);
  });
  const sectionIds = findAll(root, 'assessmentSection').map((s) => attr(s, 'identifier') ?? '');
  if (new Set(sectionIds).size !== sectionIds.length) problems.push('section identifiers repeat');
  return problems;
}

export function checkManifestDoc(doc: XmlNode, plan: Plan, entries: Set<string>): string[] {
  const root = doc['manifest'] as XmlNode | undefined;
  if (!root) return ['the root element is not manifest'];
  const problems: string[] = [];
  const resources = findAll(root, 'resource');
  const byId = new Map<string, XmlNode>();
  for (const r of resources) {
    const id = attr(r, 'identifier') ?? '';
    if (!isNCName(id)) problems.push(`resource identifier "${id}" is not an NCName`);
    if (byId.has(id)) problems.push(`resource identifier "${id}" repeats`);
    byId.set(id, r);
    const hrefs = [attr(r, 'href'), ...arr(r['file']).map((f) => attr(f, 'href'))].filter((h): h is string => h !== undefined);
    for (const h of hrefs) if (!entries.has(decodeURI(h))) problems.push(`resource ${id} lists "${h}", which is not in the package`);
  }
  for (const r of resources) {
    for (const d of arr(r['dependency'])) {
      const ref = attr(d, 'identifierref') ?? '';
      if (!byId.has(ref)) problems.push(`resource ${attr(r, 'identifier')} depends on "${ref}", which is no resource`);
    }
  }
  for (const it of plan.items) {
    const r = byId.get(it.id);
    if (!r || attr(r, 'type') !== 'imsqti_item_xmlv2p1' || attr(r, 'href') !== it.path) {
      problems.push(`item ${it.id} has no imsqti_item_xmlv2p1 resource for ${it.path}`);
      continue;
    }
    const files = arr(r['file']).map((f) => attr(f, 'href'));
    if (!files.includes(it.path)) problems.push(`resource ${it.id} does not list its own file`);
  }
  for (const test of plan.tests) {
    const r = byId.get(test.id);
    if (!r || attr(r, 'type') !== 'imsqti_test_xmlv2p1' || attr(r, 'href') !== test.path) {
      problems.push(`test ${test.id} has no imsqti_test_xmlv2p1 resource for ${test.path}`);
      continue;
    }
    const deps = new Set(arr(r['dependency']).map((d) => attr(d, 'identifierref')));
    const missing = test.sections.flatMap((s) => s.items).filter((it) => !deps.has(it.id));
    if (missing.length) problems.push(`test ${test.id} does not depend on ${missing.length} of its items (first: ${missing[0]!.id})`);
  }
  return problems;
}

/** A file of the package as check reads it: unzipped from the output, or rendered on its own. */
export type CheckedEntry = { name: string; data: Uint8Array; size: number; tooLarge?: boolean };

/** The package's entries read back from the emitted zip. */
export const unzipped = (file: EmittedFile): Iterable<CheckedEntry> => unzipChunks(file.contents, { maxSize: maxCheckedEntry });

/**
 * The XML entries of a package, parsed, for the QTI 2.1 and Canvas self-checks. Every entry name
 * is added to `seen`; an entry too large to check or not well-formed is reported here and skipped.
 */
export function* xmlEntries(
  read: Iterable<CheckedEntry>,
  seen: Set<string>,
  whereOf: (name: string) => Where,
  report: (where: Where, entry: string, message: string, severity?: Diagnostic['severity']) => void,
): Generator<{ name: string; doc: XmlNode }> {
  const dec = new TextDecoder('utf-8', { fatal: false });
  for (const e of read) {
    seen.add(e.name);
    if (!e.name.endsWith('.xml')) continue;
    if (e.tooLarge) {
      report(whereOf(e.name), e.name, `was not self-checked (${e.size} bytes is over ${maxCheckedEntry})`, 'warning');
      continue;
    }
    const r = readXml(dec.decode(e.data));
    if ('problem' in r) report(whereOf(e.name), e.name, `is not well-formed XML (line ${r.problem.line}: ${r.problem.message})`);
    else yield { name: e.name, doc: r.doc };
  }
}

/** Checks `entries` (all of the package, or the files of a sampled plan) against `plan`. */
export function checkPackage(file: EmittedFile, plan: Plan, read: Iterable<CheckedEntry> = unzipped(file)): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const items = new Map(plan.items.map((it) => [it.path, it]));
  const tests = new Map(plan.tests.map((t) => [t.path, t]));
  const fallback: Where = { file: plan.tests[0]?.bank.path ?? '.', line: 1, column: 1 };
  const report = (where: Where, entry: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diags.push({ ruleId: 'emit/qti21', severity, message: `${file.path}: ${entry} ${message}`, hint: `Rendered by ${describeTemplates(file, entry)}; fix or remove an overriding template`, ...where });
  const entries = new Set<string>();
  let manifest: XmlNode | undefined;
  const whereOf = (name: string): Where => {
    const it = items.get(name);
    const test = tests.get(name);
    return it ? { file: it.q.span.file, line: it.q.span.line, column: it.q.span.column, questionId: it.q.id } : test ? { file: test.bank.path, line: 1, column: 1 } : fallback;
  };
  for (const { name, doc } of xmlEntries(read, entries, whereOf, report)) {
    const it = items.get(name);
    const test = tests.get(name);
    const where = whereOf(name);
    const problems = it ? checkItemDoc(doc, it) : test ? checkTestDoc(doc, test) : name === 'imsmanifest.xml' ? ((manifest = doc), []) : [];
    for (const p of problems.slice(0, 5)) report(where, name, it ? `does not match question ${it.q.number}: ${p}` : p);
  }
  for (const path of ['imsmanifest.xml', ...items.keys(), ...tests.keys()]) if (!entries.has(path)) report(fallback, path, 'is missing from the package');
  if (manifest) for (const p of checkManifestDoc(manifest, plan, entries).slice(0, 20)) report(fallback, 'imsmanifest.xml', p);
  return diags;
}
