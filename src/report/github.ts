// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
//   ::error file=sources/a.txt,line=42,col=1,endLine=42,endColumn=9,title=missing-answer::Question 12 …
// Values are escaped as the runner expects: % CR LF in the message; also : and , in properties.
import type { Diagnostic } from '../ir/diagnostic.js';
import { summarize } from './text.js';

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diags: Diagnostic[]): string {
  const lines = diags.map((d) => {
    const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== undefined && (d.endLine === undefined || d.endLine === d.line)) props.push(`endColumn=${d.endColumn}`);
    props.push(`title=${escapeProperty(`qbank ${d.ruleId}`)}`);
    const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
    return `::${command[d.severity]} ${props.join(',')}::${escapeData(text)}`;
  });
  const s = summarize(diags);
  lines.push(`qbank: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info${s.infos === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
