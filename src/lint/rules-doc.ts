// docs/rules.md, generated from the rule modules (test/lint/registry.test.ts keeps the file in
// sync: refresh it with `npx vitest run test/lint/registry -u`).
import type { Rule } from './define-rule.js';

const severityWord = { error: 'error', warning: 'warn', info: 'info' } as const;

export function renderRulesDoc(rules: readonly Rule<any>[]): string {
  const out: string[] = [
    '# qbank lint rules',
    '',
    '<!-- Generated from src/lint/rules/*.ts by src/lint/rules-doc.ts. Do not edit by hand:',
    '     run `npx vitest run test/lint/registry -u` after changing a rule. -->',
    '',
    'Severity is the default; `qbank.config.json` can set any rule to `off`, `info`, `warn` or',
    '`error`, globally or per glob, and pass options (`"near-duplicate": ["warn", { "threshold": 0.7 }]`).',
    'Portability rules run only when one of their targets is being built. See the README section',
    '"Lint" for configuration, inline disables and the reporters.',
    '',
    '| Rule | Default | Category | What it checks |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of rules) out.push(`| [\`${r.id}\`](#${r.id}) | ${severityWord[r.severity]} | ${r.category} | ${r.description.replace(/\|/g, '\\|')} |`);
  for (const r of rules) {
    out.push('', `## ${r.id}`, '');
    const facts = [`Default: **${severityWord[r.severity]}**`, `category: ${r.category}`];
    if (r.targets) facts.push(`targets: ${r.targets.map((t) => `\`${t}\``).join(', ')}`);
    if (r.reportedBy || r.fromParser) facts.push(`reported by the ${r.reportedBy ?? 'parser'}`);
    if (r.aliases?.length) facts.push(`former ids: ${r.aliases.map((a) => `\`${a}\``).join(', ')}`);
    out.push(facts.join(' · ') + '.', '', `${r.description}.`, '', r.docs.trim());
    if (r.defaultOptions && Object.keys(r.defaultOptions).length) out.push('', `Default options: \`${JSON.stringify(r.defaultOptions)}\``);
  }
  return out.join('\n') + '\n';
}
