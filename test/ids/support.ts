// Build projects from the seed bank's questions, rearranged the way trainers rearrange banks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assignIds } from '../../src/ids/assign-ids.js';
import { emptyLock, lockToString, parseLock, type Lock } from '../../src/ids/lock-file.js';
import type { Project } from '../../src/ir/schema.js';
import { parseText } from '../support/parse.js';
import { repoRoot } from '../support/validators.js';

const seed = readFileSync(path.join(repoRoot, 'test/fixtures/seed/no-key/atendimento.txt'), 'utf8');

/** The seed's eight questions, each as [stem, ...options]. */
export const seedQuestions: string[][] = seed
  .split(/\r?\n/)
  .reduce<string[][]>((acc, line) => {
    if (/^\d+$/.test(line.trim())) acc.push([]);
    else if (line.trim()) acc[acc.length - 1]!.push(line);
    return acc;
  }, []);

/** A bank file: questions numbered from `first` (or as given). */
export function bank(questions: string[][], numbers?: number[], first = 1): string {
  return questions.map((q, i) => `${numbers?.[i] ?? first + i}\n${q.join('\n')}\n`).join('\n');
}

export interface Run {
  project: Project;
  lock: Lock;
  report: ReturnType<typeof assignIds>['report'];
  /** id of the question whose stem starts with `prefix` */
  idOf(prefix: string): string;
  ids(): string[];
}

/** Parse files (bank id → source) and assign ids against `lock`; the lock goes through its text form, as on disk. */
export function run(files: Record<string, string>, lock: Lock = emptyLock()): Run {
  const banks = Object.entries(files).map(([id, src]) => {
    const { bank: b } = parseText(src, { id });
    return b;
  });
  const project: Project = { schemaVersion: 1, banks };
  const r = assignIds(project, parseLock(lockToString(lock)), { lockPath: (p) => p, inScope: () => true });
  const all = banks.flatMap((b) => b.questions);
  return {
    project,
    lock: r.lock,
    report: r.report,
    idOf(prefix) {
      const q = all.filter((x) => x.stem.markdown.startsWith(prefix));
      if (q.length !== 1) throw new Error(`${q.length} questions start with ${prefix}`);
      return q[0]!.id;
    },
    ids: () => all.map((q) => q.id),
  };
}
