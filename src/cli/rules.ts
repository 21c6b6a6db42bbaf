// qbank rules [id]: the rule list with default severities, or one rule's docs, from the rule
// modules themselves (the same source as docs/rules.md and the SARIF rule metadata).
import type { Command } from 'commander';
import { resolveRuleId, ruleById, rules } from '../lint/index.js';
import { suggest } from '../util/did-you-mean.js';
import { UsageError } from '../pipeline/errors.js';
import type { Io } from './io.js';

export function registerRules(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('rules')
    .description('List the lint rules with their default severity, or show one rule')
    .argument('[id]', 'a rule id: show its documentation and options')
    .option('--json', 'as JSON')
    .addHelpText('after', `
Examples:
  $ qbank rules                        every rule, its default severity and category
  $ qbank rules missing-answer         one rule's documentation and options
  $ qbank rules --json                 the list for tools`)
    .action((id: string | undefined, o: { json?: boolean }) => {
      const list = id ? [findRule(id)] : rules;
      const meta = list.map((r) => ({
        id: r.id,
        severity: r.severity,
        category: r.category,
        description: r.description,
        ...(r.targets ? { targets: r.targets } : {}),
        ...(r.defaultOptions && Object.keys(r.defaultOptions).length ? { options: r.defaultOptions } : {}),
        ...(r.aliases ? { aliases: r.aliases } : {}),
        ...(id ? { docs: r.docs } : {}),
      }));
      if (o.json) io.stdout.write(JSON.stringify(id ? meta[0] : meta, null, 2) + '\n');
      else if (id) {
        const r = list[0]!;
        io.stdout.write(`${r.id}  (${r.severity}, ${r.category}${r.targets ? `, targets: ${r.targets.join(', ')}` : ''})\n${r.description}\n\n${r.docs}\n`);
        if (meta[0]!.options) io.stdout.write(`\nDefault options: ${JSON.stringify(meta[0]!.options)}\n`);
      } else {
        const w = Math.max(...rules.map((r) => r.id.length));
        for (const r of rules) io.stdout.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(11)}  ${r.description}\n`);
        io.stdout.write(`\n${rules.length} rules; \`qbank rules <id>\` shows one, docs/rules.md has them all\n`);
      }
      setCode(0);
    });
}

function findRule(id: string) {
  const canonical = resolveRuleId(id);
  if (canonical) return ruleById.get(canonical)!;
  throw new UsageError(`Unknown rule "${id}"${suggest(id, [...ruleById.keys()])}; run \`qbank rules\` for the list`);
}
