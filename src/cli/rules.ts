// qbank rules: the rule list with default severities, from the rule modules themselves.
import type { Command } from 'commander';
import { rules } from '../lint/index.js';
import type { Io } from './io.js';

export function registerRules(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('rules')
    .description('List the lint rules with their default severity')
    .option('--json', 'as JSON')
    .action((o: { json?: boolean }) => {
      if (o.json) {
        io.stdout.write(JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.severity, category: r.category, description: r.description })), null, 2) + '\n');
      } else {
        const w = Math.max(...rules.map((r) => r.id.length));
        for (const r of rules) io.stdout.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.description}\n`);
      }
      setCode(0);
    });
}
