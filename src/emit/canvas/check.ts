// Self-check of the Canvas package: re-read every XML file (or, for a big bank on built-in
// templates, a sample rendered on its own, see self-check.ts) and compare with the plan — the
// identifiers Canvas joins on (folder = assessment ident = manifest resource = quiz identifier),
// and per item what Canvas's importer reads: question_type, points_possible, numeric
// original_answer_ids matching the response_label idents, and a SCORE-setting respcondition
// that marks exactly the keyed answers (the <and>/<not> form for multiple answers).
import type { Diagnostic } from '../../ir/diagnostic.js';
import type { EmittedFile } from '../emitter.js';
import { findAll, unzipped, xmlEntries, type CheckedEntry } from '../qti21/check.js';
import { describeTemplates } from '../qti21/layout.js';
import { arr, attr, child, text, type XmlNode } from '../qti21/xml-check.js';
import { canvasType, type CanvasPlan, type CanvasQuiz } from './index.js';

function fields(item: XmlNode): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of findAll(item, 'qtimetadatafield')) m.set(text(f['fieldlabel']), text(f['fieldentry']));
  return m;
}

/** Answer idents Canvas would mark correct: conditions that Set/Add a positive SCORE. */
export function correctIdents(item: XmlNode): { correct: string[]; wrong: string[] } {
  const correct: string[] = [];
  const wrong: string[] = [];
  for (const rc of findAll(item, 'respcondition')) {
    const setvar = rc['setvar'] as XmlNode | undefined;
    const action = attr(setvar, 'action') ?? 'Set';
    if (attr(setvar, 'varname') !== 'SCORE' || !['Set', 'Add'].includes(action) || !(Number(text(setvar)) > 0)) continue;
    const cond = child(rc, 'conditionvar');
    const and = child(cond, 'and');
    if (and) {
      correct.push(...arr(and['varequal']).map(text));
      for (const n of arr(and['not'])) wrong.push(...arr(n['varequal']).map(text));
    } else {
      const first = arr(cond?.['varequal'])[0];
      if (first !== undefined) correct.push(text(first));
    }
  }
  return { correct, wrong };
}

export function checkCanvasItem(item: XmlNode, it: CanvasQuiz['items'][number]): string[] {
  const q = it.q;
  const problems: string[] = [];
  if (attr(item, 'ident') !== it.ident) problems.push(`ident is "${attr(item, 'ident')}", expected "${it.ident}"`);
  const f = fields(item);
  if (f.get('question_type') !== canvasType(q)) problems.push(`question_type is "${f.get('question_type')}", expected "${canvasType(q)}"`);
  if (Number(f.get('points_possible')) !== q.points) problems.push(`points_possible is "${f.get('points_possible')}", the question is worth ${q.points}`);
  const lid = findAll(item, 'response_lid');
  if (lid.length !== 1) return [...problems, `${lid.length} response_lid elements, expected 1`];
  const labels = findAll(lid[0], 'response_label').map((l) => attr(l, 'ident') ?? '');
  if (labels.length !== q.options.length) problems.push(`${labels.length} answers, the question has ${q.options.length} options`);
  if (new Set(labels).size !== labels.length) problems.push('answer idents repeat');
  for (const l of labels) if (!/^[1-9][0-9]*$/.test(l)) problems.push(`answer ident "${l}" is not a positive number (Canvas would replace it by a random id)`);
  if ((f.get('original_answer_ids') ?? '') !== labels.join(',')) problems.push('original_answer_ids do not list the answer idents in order');
  const multiple = q.type === 'multiple';
  if (attr(lid[0], 'rcardinality') !== (multiple ? 'Multiple' : 'Single')) problems.push(`rcardinality "${attr(lid[0], 'rcardinality')}" does not fit a ${q.type} question`);
  const respident = attr(lid[0], 'ident');
  for (const v of findAll(item, 'varequal')) if (attr(v, 'respident') !== respident) problems.push(`a varequal tests "${attr(v, 'respident')}", not the response "${respident}"`);
  const { correct, wrong } = correctIdents(item);
  const expected = q.key.map((i) => labels[i]);
  for (const c of [...correct, ...wrong]) if (!labels.includes(c)) problems.push(`a condition names answer "${c}", which does not exist`);
  if (correct.length !== expected.length || !expected.every((e) => correct.includes(e!))) problems.push(`the answers scored correct are [${correct.join(', ')}], the key is [${expected.join(', ')}]`);
  if (multiple && wrong.length + correct.length !== labels.length) problems.push('the multiple-answers condition must name every answer (<varequal> or <not>)');
  return problems;
}

/** Checks `read` (the whole package, or the files of a sampled plan) against `plan`. */
export function checkCanvasPackage(file: EmittedFile, plan: CanvasPlan, read: Iterable<CheckedEntry> = unzipped(file)): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const quizzes = new Map(plan.quizzes.map((qz) => [`${qz.ident}/${qz.ident}.xml`, qz]));
  const metas = new Map(plan.quizzes.map((qz) => [`${qz.ident}/assessment_meta.xml`, qz]));
  const fallback = { file: plan.quizzes[0]?.bank.path ?? '.', line: 1, column: 1 };
  const report = (where: { file: string; line: number; column: number; questionId?: string }, entry: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diags.push({ ruleId: 'emit/canvas', severity, message: `${file.path}: ${entry} ${message}`, hint: `Rendered by ${describeTemplates(file, entry)}; fix or remove an overriding template`, ...where });
  const entries = new Set<string>();
  let manifest: XmlNode | undefined;
  const whereOf = (name: string) => {
    const quiz = quizzes.get(name) ?? metas.get(name);
    return quiz ? { file: quiz.bank.path, line: 1, column: 1 } : fallback;
  };
  for (const { name, doc } of xmlEntries(read, entries, whereOf, report)) {
    const where = whereOf(name);
    if (name === 'imsmanifest.xml') manifest = doc;
    else if (quizzes.has(name)) {
      const qz = quizzes.get(name)!;
      const assessment = child(child(doc, 'questestinterop'), 'assessment');
      if (!assessment) report(where, name, 'has no questestinterop/assessment');
      else if (attr(assessment, 'ident') !== qz.ident) report(where, name, `assessment ident is "${attr(assessment, 'ident')}", expected the folder name "${qz.ident}"`);
      const items = findAll(doc, 'item');
      if (items.length !== qz.items.length) report(where, name, `holds ${items.length} items, the bank has ${qz.items.length} questions`);
      items.forEach((item, i) => {
        const it = qz.items[i];
        if (!it) return;
        const at = { file: it.q.span.file, line: it.q.span.line, column: it.q.span.column, questionId: it.q.id };
        for (const p of checkCanvasItem(item, it).slice(0, 5)) report(at, name, `does not match question ${it.q.number}: ${p}`);
      });
    } else if (metas.has(name)) {
      const qz = metas.get(name)!;
      const id = attr(child(doc, 'quiz'), 'identifier');
      if (id !== qz.ident) report(where, name, `quiz identifier is "${id}", expected "${qz.ident}" (Canvas would drop the title and settings)`);
    }
  }
  for (const path of ['imsmanifest.xml', ...quizzes.keys(), ...metas.keys(), ...plan.images.map((i) => i.href)]) if (!entries.has(path)) report(fallback, path, 'is missing from the package');
  if (manifest) for (const p of checkCanvasManifest(manifest, plan, entries).slice(0, 20)) report(fallback, 'imsmanifest.xml', p);
  return diags;
}

export function checkCanvasManifest(doc: XmlNode, plan: CanvasPlan, entries: Set<string>): string[] {
  const problems: string[] = [];
  const resources = findAll(doc, 'resource');
  const byId = new Map<string, XmlNode>();
  for (const r of resources) {
    const id = attr(r, 'identifier') ?? '';
    if (byId.has(id)) problems.push(`resource identifier "${id}" repeats`);
    byId.set(id, r);
    for (const h of [attr(r, 'href'), ...arr(r['file']).map((f) => attr(f, 'href'))]) if (h !== undefined && !entries.has(decodeURI(h))) problems.push(`resource ${id} lists "${h}", which is not in the package`);
  }
  for (const qz of plan.quizzes) {
    const r = byId.get(qz.ident);
    if (!r || attr(r, 'type') !== 'imsqti_xmlv1p2' || !arr(r['file']).some((f) => attr(f, 'href') === `${qz.ident}/${qz.ident}.xml`)) {
      problems.push(`quiz ${qz.ident} has no imsqti_xmlv1p2 resource listing ${qz.ident}/${qz.ident}.xml`);
      continue;
    }
    const deps = arr(r['dependency']).map((d) => attr(d, 'identifierref'));
    const meta = deps.map((d) => byId.get(d ?? '')).find((m) => attr(m, 'type')?.endsWith('learning-application-resource'));
    if (!meta || !arr(meta['file']).some((f) => attr(f, 'href') === `${qz.ident}/assessment_meta.xml`)) problems.push(`quiz ${qz.ident} does not depend on a learning-application-resource listing ${qz.ident}/assessment_meta.xml`);
    for (const d of deps) if (!byId.has(d ?? '')) problems.push(`resource ${qz.ident} depends on "${d}", which is no resource`);
  }
  return problems;
}
