import { describe, expect, it } from 'vitest';
import { assignIds, describeMatches, summarizeIds } from '../../src/ids/assign-ids.js';
import { lockToString, type Lock } from '../../src/ids/lock-file.js';
import { parseText } from '../support/parse.js';
import { bank, run, seedQuestions as Q } from './support.js';

const NCName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const first = () => run({ atendimento: bank(Q) });

describe('first build (no lock file)', () => {
  it('gives <bank>-q<number> ids, all XML NCNames', () => {
    const r = first();
    expect(r.ids()).toEqual(Q.map((_, i) => `atendimento-q${i + 1}`));
    expect(r.ids().every((id) => NCName.test(id))).toBe(true);
    expect(r.report.matches.every((m) => m.kind === 'new')).toBe(true);
    expect(r.lock.entries).toHaveLength(8);
  });

  it('prefixes ids of banks whose name starts with a digit, keeping them NCNames', () => {
    const r = run({ '2024/turma': bank(Q.slice(0, 2)) });
    expect(r.ids()).toEqual(['b-2024-turma-q1', 'b-2024-turma-q2']);
  });
});

describe('a question keeps its id when', () => {
  it('nothing changed, and the lock file stays byte-identical', () => {
    const a = first();
    const b = run({ atendimento: bank(Q) }, a.lock);
    expect(b.ids()).toEqual(a.ids());
    expect(lockToString(b.lock)).toBe(lockToString(a.lock));
    expect(describeMatches(b.report)).toEqual([]);
    expect(b.report.changed).toBe(false);
  });

  it('its stem is edited', () => {
    const a = first();
    const edited = Q.map((q) => [...q]);
    edited[2]![0] = 'Um cliente pede que você altere a razão social cadastrada no sistema. Como você faz esse processo?';
    const b = run({ atendimento: bank(edited) }, a.lock);
    expect(b.ids()).toEqual(a.ids());
    const m = b.report.matches[2]!;
    expect(m).toMatchObject({ id: 'atendimento-q3', kind: 'kept', edited: true });
    expect(m.from).toBeUndefined();
    expect(m.similarity).toBeGreaterThan(0.4);
    expect(b.report.changed).toBe(true);
    expect(describeMatches(b.report)).toEqual([expect.stringMatching(/^atendimento-q3 .*edited, similarity/)]);
  });

  it('an option is reworded and two options are swapped', () => {
    const a = first();
    const edited = Q.map((q) => [...q]);
    const q5 = edited[4]!;
    [q5[1], q5[2]] = [q5[2]!, q5[1]!];
    q5[3] = 'Informa que vai contestar o valor e que a fatura será reenviada em até 3 dias.';
    const b = run({ atendimento: bank(edited) }, a.lock);
    expect(b.idOf('Eduardo')).toBe('atendimento-q5');
    expect(b.ids()).toEqual(a.ids());
  });

  it('options are only reordered (the content hash ignores option order)', () => {
    const a = first();
    const swapped = Q.map((q) => [q[0]!, ...q.slice(1).reverse()]);
    const b = run({ atendimento: bank(swapped) }, a.lock);
    expect(b.ids()).toEqual(a.ids());
    expect(b.report.matches.every((m) => m.kind === 'kept' && !m.edited && !m.from)).toBe(true);
    expect(b.report.changed).toBe(false);
  });

  it('questions are renumbered and reordered', () => {
    const a = first();
    const order = [7, 6, 5, 4, 3, 2, 1, 0];
    const b = run({ atendimento: bank(order.map((i) => Q[i]!), undefined, 101) }, a.lock);
    for (const i of order) expect(b.idOf(Q[i]![0]!.slice(0, 12))).toBe(`atendimento-q${i + 1}`);
    expect(b.report.matches[0]).toMatchObject({ id: 'atendimento-q8', number: 101, from: { file: 'sources/atendimento.txt', number: 8 } });
  });

  it('a question moves to another file', () => {
    const a = first();
    const rest = Q.filter((_, i) => i !== 3);
    const b = run({ atendimento: bank(rest, [1, 2, 3, 5, 6, 7, 8]), tecnico: bank([Q[3]!]) }, a.lock);
    expect(b.idOf('Seguindo fluxo')).toBe('atendimento-q4');
    expect(b.report.matches.at(-1)).toMatchObject({ file: 'sources/tecnico.txt', number: 1, from: { file: 'sources/atendimento.txt', number: 4 } });
    expect(b.report.retired).toEqual([]);
    expect(describeMatches(b.report)).toEqual(['atendimento-q4  sources/atendimento.txt #4 → sources/tecnico.txt #1  (same text)']);
  });

  it('a question moves to another file and is edited on the way', () => {
    const a = first();
    const moved = [...Q[6]!];
    moved[0] = 'Fábio está muito chateado, pois fez o agendamento da banda larga e o técnico não compareceu. O que deve ser feito para reverter a insatisfação dele?';
    const b = run({ atendimento: bank(Q.filter((_, i) => i !== 6), [1, 2, 3, 4, 5, 6, 8]), reclamacoes: bank([moved]) }, a.lock);
    expect(b.idOf('Fábio')).toBe('atendimento-q7');
    expect(b.report.matches.at(-1)!.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('a file is split in two and the second half renumbered from 1', () => {
    const a = first();
    const b = run({ atendimento: bank(Q.slice(0, 4)), 'atendimento-parte2': bank(Q.slice(4)) }, a.lock);
    expect(b.ids()).toEqual(a.ids());
    expect(b.report.matches.filter((m) => m.from)).toHaveLength(4);
  });

  it('a file is renamed', () => {
    const a = first();
    const b = run({ 'atendimento-2024': bank(Q) }, a.lock);
    expect(b.ids()).toEqual(a.ids());
    expect(b.report.retired).toEqual([]);
  });
});

describe('a new question', () => {
  it('appended gets the next number id', () => {
    const a = first();
    const b = run({ atendimento: bank([...Q, ['Qual o prazo de instalação da banda larga?', 'Até 5 dias úteis', 'Até 30 dias', 'No mesmo dia']]) }, a.lock);
    expect(b.ids()).toEqual([...a.ids(), 'atendimento-q9']);
    expect(b.report.matches.at(-1)!.kind).toBe('new');
  });

  it('inserted in the middle, shifting the numbers, gets an id no question ever had', () => {
    const a = first();
    const novo = ['Qual o prazo de instalação da banda larga?', 'Até 5 dias úteis', 'Até 30 dias', 'No mesmo dia'];
    const b = run({ atendimento: bank([...Q.slice(0, 2), novo, ...Q.slice(2)]) }, a.lock);
    expect(b.idOf('Qual o prazo')).toBe('atendimento-q3-2');
    expect(b.idOf('Um cliente solicita')).toBe('atendimento-q3');
    expect(b.idOf('Renato')).toBe('atendimento-q8');
  });

  it('replacing a question entirely at the same number is not taken for an edit', () => {
    const a = first();
    const replaced = Q.map((q) => [...q]);
    replaced[1] = ['Qual o prazo de instalação da banda larga?', 'Até 5 dias úteis', 'Até 30 dias', 'No mesmo dia'];
    const b = run({ atendimento: bank(replaced) }, a.lock);
    expect(b.idOf('Qual o prazo')).toBe('atendimento-q2-2');
    expect(b.report.retired).toEqual([{ id: 'atendimento-q2', file: 'sources/atendimento.txt', number: 2 }]);
  });
});

describe('a deleted question', () => {
  it('retires its id; later questions shifted up keep theirs', () => {
    const a = first();
    const b = run({ atendimento: bank(Q.filter((_, i) => i !== 4)) }, a.lock);
    expect(b.report.retired.map((r) => r.id)).toEqual(['atendimento-q5']);
    expect(b.idOf('Gerusa')).toBe('atendimento-q6');
    expect(b.idOf('Renato')).toBe('atendimento-q8');
    expect(b.lock.retired.map((r) => r.id)).toEqual(['atendimento-q5']);
  });

  it('never has its id reused, even builds later', () => {
    const a = first();
    const b = run({ atendimento: bank(Q.slice(0, 7)) }, a.lock); // q8 deleted
    const c = run({ atendimento: bank(Q.slice(0, 7)) }, b.lock);
    const d = run({ atendimento: bank([...Q.slice(0, 7), ['Uma pergunta nova no lugar da 8?', 'Sim', 'Não', 'Talvez']]) }, c.lock);
    expect(d.ids().at(-1)).toBe('atendimento-q8-2');
    expect(d.lock.retired.map((r) => r.id)).toEqual(['atendimento-q8']);
  });

  it('gets its id back when the deletion is undone (same text)', () => {
    const a = first();
    const b = run({ atendimento: bank(Q.slice(0, 7)) }, a.lock);
    const c = run({ atendimento: bank(Q) }, b.lock);
    expect(c.ids()).toEqual(a.ids());
    expect(c.report.matches[7]!.kind).toBe('restored');
    expect(c.lock.retired).toEqual([]);
  });
});

describe('summaries', () => {
  it('counts kept, moved, edited, new and retired', () => {
    const a = first();
    const edited = Q.map((q) => [...q]);
    edited[0]![0] = 'José ligou para informar que está sem navegação. O que deve ser feito?';
    const b = run({ atendimento: bank(edited.slice(0, 6)), outro: bank([Q[7]!, ['Pergunta nova?', 'Sim', 'Não']]) }, a.lock);
    expect(summarizeIds(b.report)).toEqual({ kept: 7, moved: 1, edited: 1, restored: 0, new: 1, retired: 1 });
  });
});

// The lookup by place reads a lock in file, number, id order (as the file is written) and
// skips sorting it then; a number written twice keeps one place per repeat.
describe('places in the lock', () => {
  const twice = () => bank(Q.slice(0, 5), [1, 2, 2, 3, 3]);
  const assign = (src: string, lock: Lock) => {
    const { bank: b } = parseText(src, { id: 'atendimento' });
    return assignIds({ schemaVersion: 1, banks: [b] }, lock, { lockPath: (p) => p, inScope: () => true });
  };

  it('a number written twice (a lint error) keeps each question its own id on the next build', () => {
    const a = run({ atendimento: twice() });
    expect(new Set(a.ids()).size).toBe(5);
    const b = run({ atendimento: twice() }, a.lock);
    expect(b.ids()).toEqual(a.ids());
    expect(b.report.changed).toBe(false);
  });

  it('a lock whose entries are out of order (edited by hand) gives the ids of the ordered one', () => {
    const a = run({ atendimento: twice() });
    const ordered = assign(twice(), a.lock);
    const shuffled = assign(twice(), { ...a.lock, entries: [...a.lock.entries].reverse() });
    expect(shuffled.report.matches).toEqual(ordered.report.matches);
    expect(shuffled.report.changed).toBe(false);
    expect(lockToString(shuffled.lock)).toBe(lockToString(ordered.lock));
  });
});
