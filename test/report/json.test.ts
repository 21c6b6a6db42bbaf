import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/json.js';

describe('json reporter', () => {
  it('has the documented stable shape: { version: 1, summary, diagnostics }', () => {
    const d = { ruleId: 'missing-answer', severity: 'error' as const, message: 'Question 1 has no answer key', file: 'sources/a.txt', line: 2, column: 1, questionId: 'a-q1' };
    const out = JSON.parse(formatJson([d]));
    expect(Object.keys(out)).toEqual(['version', 'summary', 'diagnostics']);
    expect(out.version).toBe(1);
    expect(out.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(out.diagnostics).toEqual([d]);
  });
});
