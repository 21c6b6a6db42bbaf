// What `qbank build` says about ids: nothing when nothing changed, otherwise a count and the
// matches it made (moves, edits, restores, retirements), so an author can check them.
import path from 'node:path';
import { describeMatches, summarizeIds } from './assign-ids.js';
import type { LockedIds } from './apply-lock.js';

export interface IdReportOptions {
  verbose?: boolean;
  limit?: number; // lines of matches shown without --verbose
  cwd: string;
  written: boolean; // the lock file was (re)written
}

export function formatIdReport(ids: LockedIds, opts: IdReportOptions): string {
  const rel = path.relative(opts.cwd, ids.file) || ids.file;
  const s = summarizeIds(ids.report);
  if (!ids.existed) {
    return opts.written ? `qbank: created ${rel} with ${s.new} question id${s.new === 1 ? '' : 's'}; commit it: it keeps each question's id through edits and moves\n` : '';
  }
  if (!ids.report.changed) return opts.verbose ? `qbank: ids unchanged (${s.kept} kept)\n` : '';
  const parts = [
    s.moved ? `${s.moved} moved or renumbered` : '',
    s.edited ? `${s.edited} edited` : '',
    s.restored ? `${s.restored} restored` : '',
    s.new ? `${s.new} new` : '',
    s.retired ? `${s.retired} retired` : '',
  ].filter(Boolean);
  let out = `qbank: ids: ${parts.join(', ') || 'positions updated'}; ${opts.written ? 'updated' : 'would update'} ${rel}\n`;
  const lines = describeMatches(ids.report);
  if (opts.verbose) for (const m of ids.report.matches) if (m.kind === 'new') lines.push(`${m.id}  ${m.file} #${m.number}  new`);
  const limit = opts.verbose ? Infinity : (opts.limit ?? 20);
  for (const l of lines.slice(0, limit)) out += `  ${l}\n`;
  if (lines.length > limit) out += `  … and ${lines.length - limit} more (--verbose lists them all)\n`;
  return out;
}
