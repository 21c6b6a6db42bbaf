// The key-file fast path (readSimpleEntry, for `12: B`-shaped lines) must read exactly what the
// tokenizer (readKeyTokens, the definition) reads, and decline every other line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/ir/diagnostic.js';
import { parseKeyFile, readKeyTokens, readSimpleEntry, type RawKeyEntry } from '../../src/parse/key-entries.js';

function tokens(text: string) {
  const out: RawKeyEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  readKeyTokens(text, 'k.key', 3, out, diagnostics);
  return { out, diagnostics };
}

describe('readSimpleEntry', () => {
  it('reads the common shapes as the tokenizer does', () => {
    for (const line of ['12: B', '1-b', '7 C', '7B', '0001) d', '3.a', '3 =\tA', '999999999: Z', '5–E', '0: A']) {
      const fast = readSimpleEntry(line, 'k.key', 3);
      expect(fast, line).toBeDefined();
      expect([fast], line).toEqual(tokens(line).out);
      expect(tokens(line).diagnostics, line).toEqual([]);
    }
  });

  it('declines what it does not cover, leaving it to the tokenizer', () => {
    for (const line of [' 1: B', '1: B ', '1: AB', '1: A,C', '1: Todas', '1:: B', '1: B # x', '1234567890: A', '1: É', 'A', '', '1:', '1: 2', '1: B\u00a0', '\u00a01: B', '１: B']) {
      expect(readSimpleEntry(line, 'k.key', 3), JSON.stringify(line)).toBeUndefined();
    }
  });

  it('agrees with the tokenizer on random key-like lines', () => {
    const unit = fc.constantFrom('0', '1', '2', '9', ' ', '\t', ':', '-', '\u2013', ')', '.', '=', ',', 'a', 'B', 'z', 'É', '#', '/', '\u00a0', 'x');
    let fast = 0;
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 14 }).map((a) => a.join('')), (line) => {
        const simple = readSimpleEntry(line, 'k.key', 3);
        if (!simple) return;
        fast++;
        const t = tokens(line);
        expect(t.diagnostics).toEqual([]);
        expect(t.out).toEqual([simple]);
      }),
      { numRuns: 20000, seed: 9 },
    );
    expect(fast).toBeGreaterThan(100); // the property did exercise the fast path
  });
});

describe('parseKeyFile', () => {
  it('skips blank and comment lines (after any BOM or leading whitespace) and numbers lines from 1', () => {
    const diagnostics: Diagnostic[] = [];
    const entries = parseKeyFile(['\uFEFF1: A', '', ' \t', '  # 2: B', '// 3: C', '\uFEFF 4: D', '5:E # five', '6: A,c'], 'k.key', diagnostics);
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => [e.number, e.letters, e.span.line, e.span.column, e.span.endColumn])).toEqual([
      [1, ['A'], 1, 1, 5],
      [4, ['D'], 6, 2, 6],
      [5, ['E'], 7, 1, 4],
      [6, ['A', 'C'], 8, 1, 7],
    ]);
  });
});
