// qbank init [dir]: a new bank project that builds at once: sources/ with a commented example
// bank and its key, qbank.config.json, templates/ with a note on overriding, a .gitignore for
// dist/, and a GitHub Actions workflow. Existing files are never overwritten.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { LOCK_FILE } from '../ids/lock-file.js';
import type { Io } from './io.js';

const exampleBank = `<!-- Banco de exemplo criado por \`qbank init\`. Uma linha inteira entre <!-- e --> é um comentário. -->
<!-- Cabeçalho opcional, antes da primeira questão: title, category, tags, points, shuffle, lang. -->
title: Exemplo de atendimento
category: Exemplos/Atendimento
tags: exemplo

<!-- Uma questão: o número sozinho na linha, o enunciado, depois uma opção por linha. -->
<!-- As respostas ficam em exemplo.key, ao lado deste arquivo (a = primeira opção). -->
1
O cliente informa que está sem internet. Qual é o primeiro passo do atendimento?
Abrir uma ordem de reparo sem fazer testes.
Verificar se há falha massiva registrada na região do cliente.
Transferir a ligação para o BKO.
Pedir que o cliente ligue novamente amanhã.

<!-- Letras antes das opções são opcionais; o gabarito segue a ordem das linhas. -->
2
Qual canal o cliente usa para acompanhar o protocolo de atendimento?
a) O aplicativo ou o site, com o número do protocolo.
b) Somente uma nova ligação para a central.
c) Uma visita à loja mais próxima.
d) Um e-mail para a diretoria.

<!-- Um enunciado de várias linhas termina numa linha em branco; depois vêm as opções. -->
<!-- Texto pode ter **negrito**, *itálico* e \`código\` (Markdown). -->
3
Leia o relato do cliente:
"A luz **LOS** do modem está vermelha desde ontem."
Quais ações fazem parte do atendimento?

Registrar o relato no histórico do cliente.
Orientar o cliente a trocar o modem por conta própria.
Agendar uma visita técnica para verificar a fibra.
Cancelar o contrato do cliente.

<!-- Uma opção como "Todas as anteriores" fica sempre no lugar: a questão não é embaralhada. -->
<!-- Duas opções Verdadeiro/Falso formam uma questão de verdadeiro ou falso. -->
4
Quando o cliente pede o cancelamento, o que deve ser oferecido antes de registrar o pedido?
Uma oferta de retenção, conforme a política vigente.
A transferência do contrato para outro titular da família.
Um novo número de telefone, sem custo de instalação.
`;

const exampleKey = `# Gabarito de exemplo.txt: número da questão e letra(s) correta(s), na ordem das linhas.
# Mais de uma letra (3: A,C) faz uma questão de múltipla resposta.
1: B
2: A
3: A,C
4: A
`;

const config = `{
  "sources": ["sources/**/*.txt"],
  "out": "dist",
  "lang": "pt-BR",
  "rules": {}
}
`;

const templatesNote = `# Templates

Leave this folder empty to use qbank's built-in templates.

To change how an output looks, copy the built-in template you want to change from qbank's own
\`templates/<target>/\` folder (\`node_modules/qbank/templates/<target>/\` when qbank is installed
in this project) into \`templates/<target>/\` here, with the same file name, and edit it. A file here wins over the built-in one; everything else stays built-in. Templates are
Handlebars and hold layout only: qbank escapes every value before it reaches them, and checks
each output after rendering, so a broken override fails the build instead of producing a bad
import.
`;

const gitignore = `dist/
node_modules/
`;

const workflow = `# qbank: lint the question bank on every push and pull request, put its statistics in the
# run summary, and build the LMS imports and printable exams as a downloadable artifact.
# Assumes qbank is a dev dependency of this repository (npm install --save-dev qbank).
name: qbank

on:
  push:
  pull_request:

jobs:
  bank:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      # --frozen-ids: fails when ${LOCK_FILE} was not updated (run \`qbank build\` and commit it)
      - run: npx qbank lint --frozen-ids --format github
      - run: npx qbank stats --format markdown >> "$GITHUB_STEP_SUMMARY"
      - run: npx qbank build --quiet
      - uses: actions/upload-artifact@v4
        with:
          name: qbank-dist
          path: dist/
`;

export const initFiles: Record<string, string> = {
  'sources/exemplo.txt': exampleBank,
  'sources/exemplo.key': exampleKey,
  'qbank.config.json': config,
  'templates/README.md': templatesNote,
  '.gitignore': gitignore,
  '.github/workflows/qbank.yml': workflow,
};

export interface InitResult {
  dir: string;
  created: string[];
  kept: string[]; // already there, left alone
  skipped: string[]; // the example bank, when sources/ already holds banks
}

function hasBanks(sources: string): boolean {
  try {
    return readdirSync(sources, { recursive: true }).some((f) => String(f).endsWith('.txt'));
  } catch {
    return false;
  }
}

export async function initProject(dir: string): Promise<InitResult> {
  const created: string[] = [];
  const kept: string[] = [];
  const skipped: string[] = [];
  // an example among real banks would be built and imported with them
  const example = !hasBanks(path.join(dir, 'sources'));
  for (const [rel, text] of Object.entries(initFiles)) {
    const file = path.join(dir, ...rel.split('/'));
    if (!example && rel.startsWith('sources/')) {
      skipped.push(rel);
      continue;
    }
    if (existsSync(file)) {
      kept.push(rel);
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, { flag: 'wx' });
    created.push(rel);
  }
  return { dir, created, kept, skipped };
}

export function registerInit(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('init')
    .description('Create a bank project: an example bank and key, config, templates folder, .gitignore and a CI workflow')
    .argument('[dir]', 'folder to create the project in', '.')
    .addHelpText('after', `
Examples:
  $ qbank init                 set up the current folder
  $ qbank init treinamento     create ./treinamento
  $ cd treinamento && qbank build

Existing files are left as they are, so init is safe to run in a folder that already has a bank.`)
    .action(async (dir: string) => {
      const abs = path.resolve(io.cwd, dir);
      const r = await initProject(abs);
      const where = path.relative(io.cwd, abs) || '.';
      for (const f of r.created) io.stdout.write(`created  ${path.join(where, f)}\n`);
      for (const f of r.kept) io.stdout.write(`kept     ${path.join(where, f)} (already there)\n`);
      for (const f of r.skipped) io.stdout.write(`skipped  ${path.join(where, f)} (sources/ already has banks)\n`);
      io.stdout.write(`
Next:
${where === '.' ? '' : `  cd ${where}\n`}  qbank build            lint, then write LMS imports and printable exams to dist/
  qbank stats            what is in the bank
Edit sources/exemplo.txt or add your own .txt banks to sources/; commit ${LOCK_FILE} after each build.
`);
      setCode(0);
    });
}
