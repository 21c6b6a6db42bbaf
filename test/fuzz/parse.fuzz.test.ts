// No input crashes the parser: random bank-shaped text, bytes with invalid UTF-8 spliced in,
// lone surrogates and controls, random answer-key files. Each run must end in a schema-valid IR
// plus diagnostics that each name a file and a line that exist.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { awkwardUnicode, bankBytes, bankText, keyFileText, randomBytes } from './arbitraries.js';
import { expectCleanDiagnostics, expectValidIr, parseFiles } from './harness.js';
import { fuzz, timeoutFor } from './support.js';

const enc = new TextEncoder();

function parseAndCheck(bytes: Uint8Array, key?: Uint8Array, encoding: 'utf-8' | 'windows-1252' | 'auto' = 'utf-8') {
  const r = parseFiles([{ id: 'fuzz', bytes, ...(key ? { key } : {}) }], encoding);
  expectValidIr(r.project, r.lineCounts);
  expectCleanDiagnostics(r.diagnostics, r.lineCounts);
  return r;
}

describe('parser fuzzing', () => {
  it('bank-shaped text parses to a valid IR with clean diagnostics', { timeout: timeoutFor('parse-bank-text', 2) }, () => {
    fuzz('parse-bank-text', bankText, (text) => {
      parseAndCheck(enc.encode(text));
    });
  });

  it('bytes (invalid UTF-8, cp1252, NUL, stray BOMs) in every encoding mode', { timeout: timeoutFor('parse-bytes', 3) }, () => {
    fuzz('parse-bytes', fc.tuple(fc.oneof(bankBytes, randomBytes), fc.constantFrom('utf-8', 'windows-1252', 'auto') as fc.Arbitrary<'utf-8' | 'windows-1252' | 'auto'>), ([bytes, encoding]) => {
      parseAndCheck(bytes, undefined, encoding);
    });
  });

  it('lone surrogates, controls and line separators in JS strings', { timeout: timeoutFor('parse-unicode', 2) }, () => {
    // splitLines and parseBank also take strings directly (tests, the watch mode), so feed the
    // UTF-16 string itself, lone surrogates included, not only its UTF-8 encoding.
    fuzz('parse-unicode', fc.tuple(awkwardUnicode, bankText), ([noise, text]) => {
      const mixed = text.slice(0, text.length >> 1) + noise + text.slice(text.length >> 1);
      parseAndCheck(enc.encode(mixed));
      parseAndCheck(Uint8Array.from(Buffer.from(mixed, 'utf16le')));
    });
  });

  it('random answer-key files next to random banks', { timeout: timeoutFor('parse-key-file', 2) }, () => {
    fuzz('parse-key-file', fc.tuple(bankText, fc.oneof(keyFileText.map((k) => enc.encode(k)), bankBytes)), ([text, key]) => {
      parseAndCheck(enc.encode(text), key);
    });
  });

  it('empty and whitespace-only files', () => {
    for (const s of ['', '\n', '\r\n', '\r', '\uFEFF', '\uFEFF\n', '   ', '\t\n\t', '\u0000', '\n\n\n\n']) {
      parseAndCheck(enc.encode(s));
      parseAndCheck(enc.encode(s), enc.encode(s));
    }
  });
});
