// What `qbank print` (or `qbank build --format html`) asks of the printable target. The CLI
// passes these as EmitOptions.print; `build` passes nothing and gets the defaults.
import { UsageError } from '../../pipeline/errors.js';
import type { EmitOptions } from '../emitter.js';

export type Paper = 'a4' | 'letter';

export interface PrintOptions {
  /** Number of versions, lettered A, B, C … (1–26). */
  versions: number;
  /** Any text; the same seed always gives the same versions. */
  seed: string;
  /** Draw this many questions (seeded) from the pool; every version has the same questions. */
  pick?: number;
  /** Keep questions whose category is one of these or below one ("Redes" matches "Redes/Wi-Fi"). */
  categories: string[];
  /** Keep questions with at least one of these tags. */
  tags: string[];
  /** Pool every selected bank into one exam with this title (default: one exam per bank). */
  exam?: string;
  /** Label language; default: each bank's lang. */
  lang?: string;
  paper: Paper;
  /** false: questions and options keep their authored order in every version. */
  shuffle: boolean;
  /** Folder prefix inside the output folder ('html/' for `build`, '' for `print`). */
  prefix: string;
}

export const defaultPrintOptions: PrintOptions = {
  versions: 1,
  seed: '1',
  categories: [],
  tags: [],
  paper: 'a4',
  shuffle: true,
  prefix: 'html/',
};

export function readPrintOptions(options: EmitOptions): PrintOptions {
  const given = (options.print ?? {}) as Partial<PrintOptions>;
  const o: PrintOptions = { ...defaultPrintOptions, ...stripUndefined(given) };
  if (given.seed === undefined && options.seed !== undefined) o.seed = String(options.seed);
  if (!Number.isInteger(o.versions) || o.versions < 1 || o.versions > 26) throw new UsageError(`--versions must be a whole number from 1 to 26 (got ${o.versions})`);
  if (o.pick !== undefined && (!Number.isInteger(o.pick) || o.pick < 1)) throw new UsageError(`--pick must be a whole number of questions, 1 or more (got ${o.pick})`);
  if (o.paper !== 'a4' && o.paper !== 'letter') throw new UsageError(`--paper must be a4 or letter (got ${String(o.paper)})`);
  if (o.seed === '') throw new UsageError('--seed must not be empty');
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
