// The writer gathers a file's chunks into 1 MB writes, encoding text straight into its buffer
// (write.ts): every path through it (small text and bytes filling the buffer, text too long for
// what is left, text and bytes longer than the buffer itself) must give the bytes of the chunks
// written one after another.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/pipeline/write.js';

const work = mkdtempSync(path.join(tmpdir(), 'qbank-chunks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chunked file writes', () => {
  it('writes exactly the bytes of its text and byte chunks, across and beyond the 1 MB batch', async () => {
    const parts: (string | Uint8Array)[] = [];
    for (let i = 0; i < 30_000; i++) parts.push(`<item n="${i}">Conceição, ação — 😀 ${i % 7 === 0 ? 'x'.repeat(90) : ''}</item>\n`);
    parts.push(new Uint8Array(1_500_000).map((_, i) => i % 251)); // bytes longer than the buffer
    for (let i = 0; i < 2_000; i++) parts.push(new Uint8Array([i & 255, 0x0a]));
    parts.push('é'.repeat(400_000)); // text that cannot fit any buffer (3 bytes a unit, worst case)
    parts.push('fim\n');
    const expected = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    expect(expected.length).toBeGreaterThan(4 << 20);

    const out = path.join(work, 'out');
    await writeAtomically(out, [{ path: 'a/big.bin', contents: parts }]);
    expect(readFileSync(path.join(out, 'a/big.bin')).equals(expected)).toBe(true);
  });
});
