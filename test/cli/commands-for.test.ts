// main() registers only the command named on the line; help and unknown words still see them all.
import { describe, expect, it } from 'vitest';
import { commandsFor } from '../../src/cli/main.js';

const all = ['build', 'lint', 'rules', 'init', 'stats', 'print'];

describe('commandsFor', () => {
  it('picks the command named by the first word that is not an option', () => {
    expect(commandsFor(['lint', 'sources/a.txt'])).toEqual(['lint']);
    expect(commandsFor(['--debug', 'build', '--format', 'gift'])).toEqual(['build']);
    expect(commandsFor(['stats', '--help'])).toEqual(['stats']);
  });

  it('takes every command for help, no command, or an unknown word', () => {
    expect(commandsFor([])).toEqual(all);
    expect(commandsFor(['--help'])).toEqual(all);
    expect(commandsFor(['help', 'lint'])).toEqual(all);
    expect(commandsFor(['biuld'])).toEqual(all);
    expect(commandsFor(['constructor'])).toEqual(all);
  });
});
