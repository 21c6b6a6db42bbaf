// Shared by the QTI 2.1 and Canvas tests: load real bank files, emit a package, write it to a temp
// folder, unzip it, and run the independent IMS validator on it.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadProject } from '../../../src/pipeline/load.js';
import { collectAssets, type AssetLookup } from '../../../src/pipeline/assets.js';
import type { Project } from '../../../src/ir/schema.js';
import type { Emitter, EmittedFile } from '../../../src/emit/emitter.js';
import { createTemplateSet } from '../../../src/emit/templates.js';
import { unzipChunks } from '../../../src/emit/zip.js';
import { repoRoot, run, validatorsDir } from '../../support/validators.js';

export const tinyPng = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

export async function loadFrom(cwd: string, inputs: string[] = []): Promise<{ project: Project; asset: AssetLookup }> {
  const { project } = await loadProject({ cwd, inputs, sources: ['sources/**/*.txt'], lang: 'pt-BR', points: 1, shuffle: true });
  const { lookup } = collectAssets(project, cwd);
  return { project, asset: lookup };
}

/** The sample banks of the repository (sources/), copied so nothing is written in the repo. */
export async function sampleProject() {
  const dir = mkdtempSync(path.join(tmpdir(), 'qbank-qti-sample-'));
  cpSync(path.join(repoRoot, 'sources'), path.join(dir, 'sources'), { recursive: true });
  return { dir, ...(await loadFrom(dir)) };
}

export async function emitWith(emitter: Emitter, project: Project, asset: AssetLookup, templateDirs: string[] = []): Promise<EmittedFile[]> {
  return emitter.emit(project, { templates: createTemplateSet(templateDirs), asset });
}

export function bytesOf(f: EmittedFile): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  const c = f.contents;
  for (const p of typeof c === 'string' || c instanceof Uint8Array ? [c] : c) parts.push(typeof p === 'string' ? enc.encode(p) : p);
  return Buffer.concat(parts);
}

/** Every file of a zip, as text for .xml files. */
export function unzipText(f: EmittedFile): Map<string, string> {
  const out = new Map<string, string>();
  const dec = new TextDecoder();
  for (const e of unzipChunks(f.contents)) out.set(e.name, e.name.endsWith('.xml') ? dec.decode(e.data) : `<${e.data.length} bytes>`);
  return out;
}

export function writeTemp(f: EmittedFile): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qbank-qti-out-'));
  const file = path.join(dir, f.path);
  writeFileSync(file, bytesOf(f));
  return file;
}

export function validateQti(...paths: string[]) {
  return run(path.join(validatorsDir, 'validate-qti.sh'), paths);
}

// ---- a generated bank: every question kind, hostile characters, markdown, images, pins ----

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const hostile = [
  'A & B < C > D "aspas" \'apóstrofo\'',
  ']]> <![CDATA[ x ]]> &amp; &nbsp; &#0; &copy;',
  '<script>alert("x")</script> <b>negrito cru</b> <img src=x onerror=alert(1)>',
  '{chaves} ~til = igual # cerquilha : dois pontos \\ barra',
  'emoji 📞☎️ RTL עברית العربية NBSP\u00a0aqui',
  'controle\u0001\u0002\u000bfora \uFFFE',
  'tab\tdentro e   espaços',
];

const markdown = [
  'Use `tracert` e **não** *ping*',
  'Veja [o manual](https://example.com/a?b=1&c=2 "título") antes',
  'Texto com __sublinhado__ e ***ambos***',
  'Código `a < b && c > d`',
  'Link cru <https://example.com/x?y=1&z=2>',
  'Imagem remota ![logo](https://example.com/logo.png)',
  'Imagem local ![ponto "vermelho" & cia](img/ponto.png "dica")',
];

/**
 * Writes `banks` bank files with `perBank` questions each into a temp project and returns it.
 * Kinds rotate: single, multiple, true/false, pinned "Todas as anteriores", markdown, hostile.
 */
export async function generatedProject(perBank = 120, banks = 3, seed = 7) {
  const dir = mkdtempSync(path.join(tmpdir(), 'qbank-qti-gen-'));
  mkdirSync(path.join(dir, 'sources/gerado/img'), { recursive: true });
  writeFileSync(path.join(dir, 'sources/gerado/img/ponto.png'), tinyPng);
  const r = rng(seed);
  const pick = <T,>(a: T[]) => a[Math.floor(r() * a.length)]!;
  for (let b = 1; b <= banks; b++) {
    const lines: string[] = [
      `title: Banco gerado ${b} & <teste> "${b}"`,
      `category: Gerado/Parte ${b} & cia`,
      `points: ${b === 2 ? 2.5 : 1}`,
      ...(b === 3 ? ['shuffle: false', 'lang: en'] : []),
      '',
    ];
    const key: string[] = [];
    for (let n = 1; n <= perBank; n++) {
      const kind = n % 6;
      lines.push(String(n));
      if (kind === 0) {
        lines.push(`Questão simples ${n}: ${pick(markdown)}`, '', 'Alfa', 'Beta', 'Gama', 'Delta');
        key.push(`${n}: ${pick(['A', 'B', 'C', 'D'])}`);
      } else if (kind === 1) {
        lines.push(`Marque as corretas ${n}`, '* Certa um', 'Errada dois', '* Certa três', n % 4 === 1 ? '* Certa quatro' : 'Errada quatro');
      } else if (kind === 2) {
        lines.push(`Afirmação ${n}: ${pick(hostile)}`, 'Verdadeiro', 'Falso');
        key.push(`${n}: ${pick(['A', 'B'])}`);
      } else if (kind === 3) {
        lines.push(`Qual alternativa ${n}?`, 'Primeira', 'Segunda', 'Terceira', n % 2 ? 'Todas as anteriores' : 'Nenhuma das anteriores');
        key.push(`${n}: ${pick(['A', 'D'])}`);
      } else if (kind === 4) {
        lines.push(`Linha um da questão ${n} com ${pick(markdown)}`, `linha dois ${pick(markdown)}`, '', pick(markdown), pick(hostile), 'Opção simples');
        key.push(`${n}: ${pick(['A', 'B', 'C'])}`);
      } else {
        lines.push(`Hostil ${n}: ${pick(hostile)}`, pick(hostile), `${pick(hostile)} (2)`, 'Normal');
        key.push(`${n}: ${pick(['A', 'B', 'C'])}`);
      }
      lines.push('');
    }
    lines.push('Gabarito:', ...key, '');
    writeFileSync(path.join(dir, `sources/gerado/banco-${b}.txt`), lines.join('\n'));
  }
  return { dir, ...(await loadFrom(dir)) };
}
