// Human output: `file:line:col  severity  message  rule-id`, then a summary line.
// Colour only on a TTY without NO_COLOR.
import pc from 'picocolors';
import type { Diagnostic } from '../ir/diagnostic.js';

export interface TextOptions {
  color: boolean;
  /** Every finding, when `diags` is a filtered view (--quiet): the summary counts these. */
  all?: Diagnostic[];
}

export function summarize(diags: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0,
    warnings = 0,
    infos = 0;
  for (const d of diags) d.severity === 'error' ? errors++ : d.severity === 'warning' ? warnings++ : infos++;
  return { errors, warnings, infos };
}

export function formatText(diags: Diagnostic[], opts: TextOptions): string {
  const c = pc.createColors(opts.color);
  const sev = { error: c.red('error'), warning: c.yellow('warn '), info: c.blue('info ') };
  const lines = diags.map((d) => {
    const loc = `${d.file}:${d.line}:${d.column}`;
    const hint = d.hint ? `\n    ${c.dim('→ ' + d.hint)}` : '';
    return `${loc}  ${sev[d.severity]}  ${d.message}  ${c.dim(d.ruleId)}${hint}`;
  });
  const s = summarize(opts.all ?? diags);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary = `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
  lines.push(s.errors ? c.red(c.bold(summary)) : s.warnings ? c.yellow(summary) : c.green(summary));
  return lines.join('\n') + '\n';
}
