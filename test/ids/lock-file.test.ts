import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockToString, parseLock, writeLock } from '../../src/ids/lock-file.js';
import { UsageError } from '../../src/pipeline/errors.js';
import { bank, run, seedQuestions as Q } from './support.js';

describe('qbank.lock.json', () => {
  it('is valid JSON with one entry per line, sorted, and parses back to the same lock', () => {
    const r = run({ b: bank(Q.slice(0, 2)), a: bank(Q.slice(2, 4)) });
    const text = lockToString(r.lock);
    const json = JSON.parse(text);
    expect(Object.keys(json.files)).toEqual(['sources/a.txt', 'sources/b.txt']);
    expect(text.split('\n').filter((l) => l.includes('"id":'))).toHaveLength(4);
    expect(lockToString(parseLock(text))).toBe(text);
  });

  it('is written atomically: no temp file left, content complete', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qbank-lock-'));
    const r = run({ a: bank(Q) });
    await writeLock(path.join(dir, 'qbank.lock.json'), r.lock);
    expect(readdirSync(dir)).toEqual(['qbank.lock.json']);
    expect(readFileSync(path.join(dir, 'qbank.lock.json'), 'utf8')).toBe(lockToString(r.lock));
  });

  it('rejects merge conflict markers, bad JSON, non-NCName ids and repeated ids with a usage error', () => {
    const good = lockToString(run({ a: bank(Q.slice(0, 2)) }).lock);
    const conflicted = good.replace('  "files"', '<<<<<<< HEAD\n  "files"');
    expect(() => parseLock(conflicted)).toThrow(/merge conflict/);
    expect(() => parseLock(good.slice(0, -5))).toThrow(UsageError);
    expect(() => parseLock(good.replace('"a-q1"', '"1-bad"'))).toThrow(/NCName/);
    expect(() => parseLock(good.replace('"a-q2"', '"a-q1"'))).toThrow(/twice/);
  });

  it('reads a lock checked out with CRLF line endings', () => {
    const text = lockToString(run({ a: bank(Q.slice(0, 2)) }).lock);
    expect(parseLock(text.replace(/\n/g, '\r\n'))).toEqual(parseLock(text));
  });
});
