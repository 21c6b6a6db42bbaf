// End to end: the ids in qbank.lock.json are the ids in every output, and follow a question
// that moved to another file and was edited on the way.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';
import { bank, seedQuestions as Q } from './support.js';

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const key = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}: A`).join('\n') + '\n';

describe('qbank build with qbank.lock.json', () => {
  it('keeps a moved and edited question’s id in JSON, GIFT, Moodle XML and QTI, and reports the move', async () => {
    const dir = tempProject({
      'sources/a.txt': bank(Q.slice(0, 4)),
      'sources/a.key': key(4),
      'sources/b.txt': bank(Q.slice(4)),
      'sources/b.key': key(4),
    });
    const first = await runCli(['build', '--format', 'json,gift,moodle-xml,qti21'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('created qbank.lock.json with 8 question ids');
    expect(existsSync(path.join(dir, 'qbank.lock.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist', 'qbank.lock.json'))).toBe(false);

    // "Vera" (a #2) moves to the end of b, reworded; a is renumbered 1..3
    const vera = [...Q[1]!];
    vera[0] = 'Vera liga para pedir uma mudança de endereço. Como você segue para ajudá-la nessa solicitação?';
    writeFileSync(path.join(dir, 'sources/a.txt'), bank([Q[0]!, Q[2]!, Q[3]!]));
    writeFileSync(path.join(dir, 'sources/a.key'), key(3));
    writeFileSync(path.join(dir, 'sources/b.txt'), bank([...Q.slice(4), vera]));
    writeFileSync(path.join(dir, 'sources/b.key'), key(5));

    const stale = await runCli(['lint', '--frozen-ids'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('qbank.lock.json is out of date: run `qbank build`');

    const second = await runCli(['build', '--format', 'json,gift,moodle-xml,qti21'], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/a-q2 {2}sources\/a\.txt #2 → sources\/b\.txt #5 {2}\(edited, similarity 0\.\d\d\)/);
    expect(second.stderr).toMatch(/a-q3 {2}sources\/a\.txt #3 → #2 {2}\(same text\)/);

    const json = JSON.parse(read(dir, 'dist/bank.json'));
    const questions = json.banks.flatMap((b: { questions: { id: string; stem: { markdown: string } }[] }) => b.questions);
    expect(questions.find((q: { stem: { markdown: string } }) => q.stem.markdown.startsWith('Vera')).id).toBe('a-q2');
    expect(questions.map((q: { id: string }) => q.id).sort()).toEqual(['a-q1', 'a-q2', 'a-q3', 'a-q4', 'b-q1', 'b-q2', 'b-q3', 'b-q4']);

    const giftB = readdirSync(path.join(dir, 'dist/gift')).find((f) => f.startsWith('b'))!;
    expect(read(dir, `dist/gift/${giftB}`)).toContain('[id:a-q2]');
    const xmlB = readdirSync(path.join(dir, 'dist/moodle-xml')).find((f) => f.startsWith('b'))!;
    expect(read(dir, `dist/moodle-xml/${xmlB}`)).toContain('<idnumber>a-q2</idnumber>');
    const qti = unzipSync(readFileSync(path.join(dir, 'dist/qti21.zip')));
    const item = Object.keys(qti).find((f) => f.includes('a-q2'));
    expect(item).toBeDefined();
    expect(strFromU8(qti[item!]!)).toContain('identifier="a-q2"');

    expect((await runCli(['lint', '--frozen-ids'], dir)).code).toBe(0);
  });

  it('does not touch qbank.lock.json when the build fails, nor when nothing changed', async () => {
    const dir = tempProject({ 'sources/a.txt': bank(Q.slice(0, 3)), 'sources/a.key': key(3) });
    expect((await runCli(['build', '--format', 'json'], dir)).code).toBe(0);
    const before = read(dir, 'qbank.lock.json');
    const again = await runCli(['build', '--format', 'json'], dir);
    expect(again.stderr).not.toContain('qbank.lock.json');
    writeFileSync(path.join(dir, 'sources/a.txt'), bank([...Q.slice(0, 3), ['Pergunta sem gabarito?', 'Sim', 'Não']]));
    const failed = await runCli(['build', '--format', 'json'], dir);
    expect(failed.code).toBe(1);
    expect(read(dir, 'qbank.lock.json')).toBe(before);
  });

  it('carries over the entries of files a partial build did not read', async () => {
    const dir = tempProject({ 'sources/a.txt': bank(Q.slice(0, 2)), 'sources/a.key': key(2), 'sources/b.txt': bank(Q.slice(2, 4)), 'sources/b.key': key(2) });
    expect((await runCli(['build', '--format', 'json'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'sources/a.txt'), bank(Q.slice(0, 1)));
    writeFileSync(path.join(dir, 'sources/a.key'), key(1));
    const r = await runCli(['build', 'sources/a.txt', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const lock = JSON.parse(read(dir, 'qbank.lock.json'));
    expect(lock.files['sources/b.txt'].map((e: { id: string }) => e.id)).toEqual(['b-q1', 'b-q2']);
    expect(lock.retired.map((e: { id: string }) => e.id)).toEqual(['a-q2']);
  });
});
