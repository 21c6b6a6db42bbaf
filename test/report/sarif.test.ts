// SARIF 2.1.0 output, validated by Microsoft's SARIF Multitool (npm @microsoft/sarif-multitool):
// schema errors print as "error …", best-practice problems as "warning SARIF…/GH…". It exits 0
// either way, so the output is read. npm skips the package's postinstall (chmod u+x), so the
// test makes the binary executable itself.
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/report/sarif.js';
import { rules } from '../../src/lint/index.js';
import { inCI, run } from '../support/validators.js';
import { runCli, tempProject } from '../support/cli.js';

function multitool(): { bin?: string; skip?: string } {
  try {
    const pkg = createRequire(import.meta.url).resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`);
    const bin = path.join(path.dirname(pkg), process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
    if (!existsSync(bin)) throw new Error(`${bin} is missing`);
    if (process.platform !== 'win32' && !(statSync(bin).mode & 0o100)) chmodSync(bin, statSync(bin).mode | 0o100);
    return { bin };
  } catch (e) {
    const why = `SARIF Multitool not available: ${(e as Error).message}`;
    if (inCI) throw new Error(`CI must run this check but ${why}`);
    console.warn(`[skipped] ${why}`);
    return { skip: why };
  }
}

// Warnings we accept, each with its reason.
const justified: Record<string, string> = {
  // tool.driver.informationUri comes from package.json "homepage", which qbank does not have
  // yet; the reporter adds it as soon as it exists.
  SARIF2005: 'informationUri',
};

const files = {
  'sources/módulo 1/atendimento.txt':
    '<!-- qbank-disable-next-question neer-duplicate -- typo on purpose -->\n1\nQual é o “fluxo” de %reparo%, agora?\nTodas\nAbrir chamado\n\n2\nQual canal não atende?\nChat\nChat\n\n3\nPergunta sem chave?\nSim\nNão\n',
  'sources/módulo 1/atendimento.key': '1: B\n2: C\nx: y\n',
};

describe('sarif reporter', () => {
  const tool = multitool();
  it.skipIf(!!tool.skip)('passes SARIF Multitool validation (errors: none; warnings: only justified ones)', async () => {
    const dir = tempProject(files);
    const r = await runCli(['lint', '--format', 'sarif', '--output', 'out/qbank.sarif', '--target', 'gift'], dir);
    expect(r.code).toBe(1); // the bank has errors
    const file = path.join(dir, 'out/qbank.sarif');
    const log = JSON.parse(readFileSync(file, 'utf8'));
    const results = log.runs[0].results as { ruleId: string; level: string; relatedLocations?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    // the test bank exercises errors, warnings, notes, related locations, parser ids, odd paths
    expect(new Set(results.map((x) => x.level))).toEqual(new Set(['error', 'warning', 'note']));
    expect(results.some((x) => x.relatedLocations?.length)).toBe(true);
    expect(results.some((x) => x.ruleId.startsWith('parse/'))).toBe(true);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('sources/m%C3%B3dulo%201/atendimento.key');

    const v = run(tool.bin!, ['validate', '--level', 'Error;Warning', '--rule-kind', 'Gh;Sarif', file]);
    const out = v.stdout + v.stderr;
    expect(out).toMatch(/Analysis completed successfully/);
    const problems = out.split('\n').filter((l) => /: (error|warning) /.test(l));
    const unjustified = problems.filter((l) => !Object.entries(justified).some(([id, what]) => l.includes(id) && l.includes(what)));
    expect(problems.filter((l) => /: error /.test(l))).toEqual([]);
    expect(unjustified).toEqual([]);
  });

  it('describes every registered rule, with its default level, and results point at them', () => {
    const log = JSON.parse(formatSarif([{ ruleId: 'missing-answer', severity: 'warning', message: 'Question 3 has no answer key', hint: 'Add it', file: 'sources/a.txt', line: 9, column: 1 }], { rules, version: '1.2.3' }));
    const driver = log.runs[0].tool.driver;
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    const ma = driver.rules.find((r: { id: string }) => r.id === 'missing-answer');
    expect(ma.defaultConfiguration.level).toBe('error');
    expect(ma.help.markdown).toContain('Every question needs');
    const res = log.runs[0].results[0];
    expect(driver.rules[res.ruleIndex].id).toBe('missing-answer');
    expect(res.level).toBe('warning'); // the configured level, not the default
    expect(res.message.text).toBe('Question 3 has no answer key. Add it.');
    expect(res.locations[0].physicalLocation.region).toEqual({ startLine: 9, startColumn: 1 });
  });

  it('is deterministic: no clock, no absolute paths, fingerprints that survive line moves', () => {
    const d = [{ ruleId: 'x/y', severity: 'info' as const, message: 'm', file: 'a b.txt', line: 1, column: 1 }];
    const out = formatSarif(d, { rules, version: '1' });
    expect(out).toBe(formatSarif(d, { rules, version: '1' }));
    const run = JSON.parse(out).runs[0];
    expect(run.invocations).toBeUndefined(); // where SARIF keeps start and end times
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('a%20b.txt');
    expect(out).not.toContain(process.cwd());
    const fingerprint = (line: number, message = 'm') =>
      JSON.parse(formatSarif([{ ...d[0]!, line, message, questionId: 'a-q1' }], { rules, version: '1' })).runs[0].results[0].partialFingerprints['qbankFinding/v1'];
    expect(fingerprint(3)).toBe(fingerprint(30));
    expect(fingerprint(3)).not.toBe(fingerprint(3, 'other'));
  });
});
