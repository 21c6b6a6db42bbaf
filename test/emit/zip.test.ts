// The shared zip helper: deterministic bytes, sorted entries, fixed DOS time, safe names,
// streamed output; read back both by our own reader and by Info-ZIP (an independent consumer).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxZipEntries, safeEntryName, unzipChunks, zipChunks, ZipError, type ZipEntry } from '../../src/emit/zip.js';
import { missing, run } from '../support/validators.js';

function bytes(chunks: Iterable<Uint8Array>): Buffer {
  return Buffer.concat([...chunks]);
}

// Pseudo-random text, so deflate cannot shrink it below several megabytes.
function* bigText(lines: number): Generator<string> {
  let s = 1;
  for (let i = 0; i < lines; i++) {
    let row = '';
    for (let j = 0; j < 12; j++) row += ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0)).toString(36);
    yield `<line n="${i}">${row}</line>\n`;
  }
}

const entries = (): ZipEntry[] => [
  { path: 'b/second.xml', contents: '<b/>' },
  { path: 'a.txt', contents: 'é ação 📞' },
  { path: 'big.xml', contents: { [Symbol.iterator]: () => bigText(60_000) } },
  { path: 'img/p.png', contents: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), store: true },
];

function writeZip(data: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'qbank-zip-')), 't.zip');
  writeFileSync(file, data);
  return file;
}

describe('zipChunks', () => {
  it('gives byte-identical output for the same entries, whatever their order', () => {
    const one = bytes(zipChunks(entries()));
    const two = bytes(zipChunks(entries().reverse()));
    expect(one.equals(two)).toBe(true);
    expect(one.length).toBeGreaterThan(100);
  });

  it('streams: a multi-megabyte entry comes out in bounded chunks, and reading it twice works', () => {
    const z = zipChunks(entries());
    const sizes = [...z].map((c) => c.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(2 << 20);
    expect(bytes(z).equals(bytes(z))).toBe(true);
  });

  it('reads back every entry, in name order, with its exact contents', () => {
    const files = [...unzipChunks(zipChunks(entries()))];
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b/second.xml', 'big.xml', 'img/p.png']);
    expect(new TextDecoder().decode(files[0]!.data)).toBe('é ação 📞');
    expect(new TextDecoder().decode(files[2]!.data)).toBe([...bigText(60_000)].join(''));
    expect([...files[3]!.data]).toEqual([137, 80, 78, 71, 1, 2, 3]);
  });

  it('marks oversized entries instead of buffering them when asked', () => {
    const files = [...unzipChunks(zipChunks(entries()), { maxSize: 1000 })];
    const big = files.find((f) => f.name === 'big.xml')!;
    expect(big.tooLarge).toBe(true);
    expect(big.data.length).toBe(0);
    expect(big.size).toBeGreaterThan(1_000_000);
  });

  it('rejects duplicate names and, from a generator, names out of order', () => {
    expect(() => bytes(zipChunks([{ path: 'a', contents: '1' }, { path: 'a', contents: '2' }]))).toThrow(/Duplicate/);
    const unsorted = () => [{ path: 'b', contents: '' }, { path: 'a', contents: '' }];
    expect(() => bytes(zipChunks(unsorted))).toThrow(/out of order/);
  });

  it(`writes ZIP64 records past ${maxZipEntries} entries, and reads them back`, () => {
    const count = maxZipEntries + 2;
    const many = function* (): Generator<ZipEntry> {
      for (let i = 0; i < count; i++) yield { path: `f${String(i).padStart(6, '0')}.xml`, contents: `<n>${i}</n>`, store: true };
    };
    const data = bytes(zipChunks(many));
    // ZIP64 end-of-central-directory record and locator, then the classic record saying 0xFFFF
    expect(data.readUInt32LE(data.length - 22 - 20 - 56)).toBe(0x06064b50);
    expect(data.readBigUInt64LE(data.length - 22 - 20 - 56 + 24)).toBe(BigInt(count));
    expect(data.readUInt16LE(data.length - 22 + 10)).toBe(0xffff);
    const back = [...unzipChunks([data])];
    expect(back.length).toBe(count);
    expect(new TextDecoder().decode(back.at(-1)!.data)).toBe(`<n>${count - 1}</n>`);
  });
});

describe('safeEntryName', () => {
  it.each(['../evil', 'a/../../evil', '/etc/passwd', 'C:/x', 'c:evil', 'a\\..\\b', 'a//b', './a', 'a/./b', '', 'a\0b'])('rejects %j', (name) => {
    expect(() => safeEntryName(name)).toThrow(ZipError);
  });
  it.each(['imsmanifest.xml', 'items/media/0a1b-x.png', 'quiz-a/quiz-a.xml', '..a/b..'])('accepts %j', (name) => {
    expect(safeEntryName(name)).toBe(name);
  });
  it('is enforced when zipping', () => {
    expect(() => bytes(zipChunks([{ path: '../../x', contents: '' }]))).toThrow(ZipError);
  });
});

describe('as Info-ZIP sees it', () => {
  const skip = missing({ commands: ['unzip', 'zipinfo'] });
  it.skipIf(skip)('passes unzip -t, lists sorted names and the fixed 1980-01-01 12:00 time', () => {
    const file = writeZip(bytes(zipChunks(entries())));
    const t = run('unzip', ['-t', file]);
    expect(t.code, t.stdout + t.stderr).toBe(0);
    expect(t.stdout).toContain('No errors detected');
    const info = run('zipinfo', ['-T', file]);
    const rows = info.stdout.split('\n').filter((l) => /^[-d]/.test(l));
    expect(rows.map((r) => r.split(/\s+/).at(-1))).toEqual(['a.txt', 'b/second.xml', 'big.xml', 'img/p.png']);
    for (const r of rows) expect(r).toContain('19800101.120000');
    expect(rows.find((r) => r.endsWith('img/p.png'))).toContain(' stor ');
    expect(rows.find((r) => r.endsWith('big.xml'))).toContain(' defN ');
  });

  it.skipIf(skip)(`accepts a ZIP64 package of more than ${maxZipEntries} entries`, () => {
    const count = maxZipEntries + 2;
    const many = function* (): Generator<ZipEntry> {
      yield { path: 'big.xml', contents: { [Symbol.iterator]: () => bigText(60_000) } };
      for (let i = 0; i < count; i++) yield { path: `f${String(i).padStart(6, '0')}.xml`, contents: `<n>${i}</n>`, store: true };
    };
    const file = writeZip(bytes(zipChunks(many)));
    const t = run('unzip', ['-tq', file]);
    expect(t.code, t.stdout + t.stderr).toBe(0);
    expect(t.stdout).toContain('No errors detected');
    const info = run('zipinfo', ['-t', file]);
    expect(info.stdout).toContain(`${count + 1} files`);
  });
});
