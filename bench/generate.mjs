// Deterministic generator of benchmark banks: N questions of realistic pt-BR call-centre text in
// the raw format (bank.txt + sidecar bank.key) and the same questions as an Examark Markdown
// bank (bank.md), plus manifest.json (counts, planted near-duplicate pairs, sha256 of each file).
// Same seed and N → byte-identical files (above 250k questions the raw bank is split into files
// of 250k: bank-1.txt …). Usage: node bench/generate.mjs 100k [--seed 9] [--out dir]
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as V from './vocabulary.mjs';

export const GENERATOR_VERSION = 4; // bump when the output changes, so stale data is regenerated

// mulberry32: tiny, fast, seedable; Math.random would make the banks differ run to run.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (arr) => arr[int(arr.length)];
  const chance = (p) => next() < p;
  const shuffle = (arr) => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  };
  return { next, int, pick, chance, shuffle };
}

export function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(String(s).trim());
  if (!m) throw new Error(`Bad size "${s}" (use 1k, 10k, 100k, 1M or a number)`);
  const mult = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2]];
  return Math.round(Number(m[1]) * mult);
}

export function sizeLabel(n) {
  return n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
}

// What the lint rules treat as "the same text": a planted copy must differ after this.
const norm = (s) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

// Surnames follow a Zipf-like law (a few frequent, a long tail of rare ones), like real text.
const surnames = V.makeSurnames(30_000, rng(20260527));
const zipf = (arr, r) => arr[Math.min(arr.length - 1, Math.floor(Math.exp(r.next() * Math.log(arr.length + 1))) - 1)];

function problem(r) {
  return r.chance(0.6) ? `que ${r.pick(V.equipment)} ${r.pick(V.symptoms)}` : r.pick(V.problems);
}

function fill(template, r) {
  return template.replace(/\{(\w+)\}/g, (_, k) => {
    switch (k) {
      case 'name': return r.pick(V.names);
      case 'surname': case 'surname2': return zipf(surnames, r);
      case 'channel': return r.pick(V.channels);
      case 'segment': return r.pick(V.segments);
      case 'plan': return r.pick(V.plans);
      case 'ordinal': return r.pick(V.ordinals);
      case 'system': return r.pick(V.systems);
      case 'status': return r.pick(V.statuses);
      case 'protocol': return `${2023 + r.int(3)}${String(r.int(1e6)).padStart(6, '0')}`;
      case 'month': return r.pick(V.months);
      case 'amount': return `${10 + r.int(890)},${String(r.int(100)).padStart(2, '0')}`;
      case 'city': return r.pick(V.cities);
      case 'count': return String(2 + r.int(9));
      case 'date': return `${String(1 + r.int(28)).padStart(2, '0')}/${String(1 + r.int(12)).padStart(2, '0')}/${2023 + r.int(3)}`;
      case 'hour': return `${String(8 + r.int(11)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}`;
      case 'flow': return `"${r.pick(V.flows)}"`;
      case 'problem': return problem(r).replace(/^que /, '');
      case 'time': return fill(r.pick(V.times), r);
      case 'action': return lowerFirst(r.pick(V.actions));
      default: throw new Error(`unknown slot ${k}`);
    }
  });
}

const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1);

function makeStem(r, closing) {
  for (;;) {
    let s = `${fill(r.pick(V.openings), r)} ${problem(r)} ${fill(r.pick(V.times), r)}.`;
    if (r.chance(0.5)) s += ' ' + fill(r.pick(V.details), r);
    s += ' ' + fill(closing, r);
    if (s.length < 80) s = s.replace(/ ([^ ]+)$/, ` ${fill(r.pick(V.details), r)} $1`);
    if (s.length >= 80 && s.length <= 200) return s;
  }
}

function makeOption(r) {
  for (;;) {
    const k = r.chance(0.45) ? 1 : r.chance(0.75) ? 2 : 3;
    const parts = [];
    while (parts.length < k) {
      const a = r.pick(V.actions);
      if (!parts.includes(a)) parts.push(parts.length ? lowerFirst(a) : a);
    }
    const joiner = r.pick(V.joiners);
    let s = parts.join(joiner);
    if (r.chance(0.25) || s.length < 20) s += ' ' + r.pick(V.tails);
    if (r.chance(0.5)) s += '.';
    if (s.length >= 20 && s.length <= 120) return s;
  }
}

function distinctOptions(r, count) {
  const out = [];
  const seen = new Set();
  while (out.length < count) {
    const o = makeOption(r);
    const k = norm(o);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(o);
    }
  }
  return out;
}

// One question: { stem, options, key (option indexes), type }.
function makeQuestion(r) {
  const roll = r.next();
  if (roll < 0.05) {
    for (;;) {
      const stem = fill(r.pick(V.tfOpenings), r);
      if (stem.length >= 80 && stem.length <= 200) return { stem, options: [...r.pick(V.tfOptions)], key: [r.int(2)], type: 'truefalse' };
    }
  }
  if (roll < 0.12) {
    const count = 4 + r.int(2);
    const options = distinctOptions(r, count);
    const key = r.shuffle([...Array(count).keys()]).slice(0, 2 + r.int(2)).sort((a, b) => a - b);
    return { stem: makeStem(r, r.pick(V.multiQuestions)), options, key, type: 'multiple' };
  }
  const count = r.chance(0.1) ? 3 : r.chance(0.11) ? 5 : 4;
  const options = distinctOptions(r, count);
  if (r.chance(0.03)) options[count - 1] = r.pick(V.positional);
  return { stem: makeStem(r, r.pick(V.questions)), options, key: [r.int(count)], type: 'single' };
}

// A near-duplicate of q: one word swapped (or the closing question reworded) and the options
// reordered, so it is not an exact duplicate after normalisation but reads as the same question.
function nearCopy(q, r) {
  let stem = q.stem;
  const swaps = r.shuffle([...V.swaps]);
  for (const [a, b] of swaps) {
    const re = new RegExp(`(^|[^\\p{L}])(${a}|${b})(?=[^\\p{L}]|$)`, 'u');
    const m = re.exec(stem);
    if (m) {
      stem = stem.slice(0, m.index + m[1].length) + (m[2] === a ? b : a) + stem.slice(m.index + m[0].length);
      break;
    }
  }
  if (norm(stem) === norm(q.stem)) stem += ' Considere o caso descrito.';
  const order = r.shuffle([...q.options.keys()]);
  // a pinned positional option stays last, as an author would keep it
  const pinned = q.options.findIndex((o) => V.positional.includes(o));
  if (pinned >= 0) {
    order.splice(order.indexOf(pinned), 1);
    order.push(pinned);
  }
  const options = order.map((i) => q.options[i]);
  const key = q.key.map((k) => order.indexOf(k)).sort((a, b) => a - b);
  return { stem, options, key, type: q.type };
}

const letters = 'ABCDEFGHIJ';

class Sink {
  constructor(file) {
    this.tmp = file + '.tmp';
    this.file = file;
    this.fd = openSync(this.tmp, 'w');
    this.parts = [];
    this.size = 0;
    this.hash = createHash('sha256');
  }
  write(s) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 22) this.flush();
  }
  flush() {
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.hash.update(buf);
    writeSync(this.fd, buf);
    this.parts = [];
    this.size = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.file);
    return this.hash.digest('hex');
  }
}

// One raw file holds at most this many questions (the format numbers questions with up to six
// digits, and a project of several banks is how a million questions would really be kept);
// 1M questions are four files of 250k. The Markdown bank for Examark stays one file.
export const MAX_PER_FILE = 250_000;

export function generate({ n, seed = 9, dir }) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed * 1_000_003 + n);
  const label = sizeLabel(n);
  const parts = Math.ceil(n / MAX_PER_FILE);
  const base = (p) => (parts === 1 ? 'bank' : `bank-${p + 1}`);
  const md = new Sink(path.join(dir, 'bank.md'));
  md.write(`# Benchmark ${label}\n\n`);
  const reservoir = []; // earlier questions a near-duplicate may copy (reservoir sample)
  const planted = [];
  const stems = new Set(); // normalised stems seen: key-conflict and duplicate-question key on them
  const counts = { single: 0, multiple: 0, truefalse: 0, positional: 0, nearDuplicates: 0, options: 0, regenerated: 0 };
  const sha256 = {};
  const files = [];
  const fresh = (stem) => {
    const h = createHash('sha1').update(norm(stem)).digest('base64');
    if (stems.has(h)) return false;
    stems.add(h);
    return true;
  };
  let txt, key;
  for (let i = 1; i <= n; i++) {
    const part = Math.floor((i - 1) / MAX_PER_FILE);
    const local = i - part * MAX_PER_FILE; // numbering restarts in each file
    if (local === 1) {
      if (txt) {
        sha256[`${base(part - 1)}.txt`] = txt.close();
        sha256[`${base(part - 1)}.key`] = key.close();
      }
      txt = new Sink(path.join(dir, `${base(part)}.txt`));
      key = new Sink(path.join(dir, `${base(part)}.key`));
      files.push(`${base(part)}.txt`);
      const title = parts === 1 ? `Benchmark ${label}` : `Benchmark ${label}, part ${part + 1} of ${parts}`;
      txt.write(`title: ${title}\ncategory: benchmark/${label}\n\n`);
      key.write(`# Answer key of the ${title} bank (generated, seed ${seed})\n`);
    }
    let q;
    if (i > 20 && reservoir.length > 0 && r.chance(0.01)) {
      // each original is copied once: two copies of one original could come out identical
      const at = r.int(reservoir.length);
      const orig = reservoir[at];
      reservoir[at] = reservoir[reservoir.length - 1];
      reservoir.pop();
      q = nearCopy(orig.q, r);
      if (fresh(q.stem)) {
        planted.push([orig.number, i]);
        counts.nearDuplicates++;
      } else q = undefined;
    }
    if (!q) {
      // a stem repeated by chance would be a real duplicate (or a key conflict): draw again
      for (q = makeQuestion(r); !fresh(q.stem); q = makeQuestion(r)) counts.regenerated++;
      if (reservoir.length < 4096) reservoir.push({ q, number: i });
      else if (r.chance(4096 / i)) reservoir[r.int(4096)] = { q, number: i };
    }
    counts[q.type]++;
    counts.options += q.options.length;
    if (q.options.some((o) => V.positional.includes(o))) counts.positional++;
    txt.write(`${local}\n${q.stem}\n${q.options.join('\n')}\n`);
    key.write(`${local}: ${q.key.map((k) => letters[k]).join(',')}\n`);
    const tag = q.type === 'multiple' ? 'MA' : q.type === 'truefalse' ? 'TF' : 'MC';
    md.write(`## ${i}. [${tag}] ${q.stem}\n\n${q.options.map((o, j) => `${letters[j].toLowerCase()}) ${o}${q.key.includes(j) ? ' [x]' : ''}`).join('\n')}\n\n`);
  }
  sha256[`${base(parts - 1)}.txt`] = txt.close();
  sha256[`${base(parts - 1)}.key`] = key.close();
  sha256['bank.md'] = md.close();
  const manifest = {
    generator: GENERATOR_VERSION,
    seed,
    questions: n,
    files,
    counts,
    sha256,
    // [original, copy] as question indexes counted across the files (1-based)
    plantedNearDuplicates: planted,
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest) + '\n');
  return manifest;
}

// Generate only when the data is missing or was made by another generator version or seed.
export function ensureData({ n, seed = 9, root }) {
  const dir = path.join(root, sizeLabel(n));
  try {
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    if (m.generator === GENERATOR_VERSION && m.seed === seed && m.questions === n) return { dir, manifest: m, generated: false };
  } catch {
    // missing or unreadable: generate
  }
  return { dir, manifest: generate({ n, seed, dir }), generated: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : def;
  };
  const seed = Number(opt('--seed', 9));
  const out = opt('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), 'data'));
  for (const s of args.length ? args : ['1k']) {
    const n = parseSize(s);
    const t0 = performance.now();
    const m = generate({ n, seed, dir: path.join(out, sizeLabel(n)) });
    console.log(`${sizeLabel(n)}: ${n} questions in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${JSON.stringify(m.counts)}`);
  }
}
