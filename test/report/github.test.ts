import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';

describe('github reporter', () => {
  it('prints one workflow command per finding, info as notice, and a summary', () => {
    const out = formatGithub([
      { ruleId: 'missing-answer', severity: 'error', message: 'Question 12 has no answer key', hint: 'Add "12: <letter>"', file: 'sources/a.txt', line: 42, column: 1, endLine: 42, endColumn: 9 },
      { ruleId: 'smart-quotes', severity: 'info', message: 'Line contains the curly quote “', file: 'sources/a,b:c.txt', line: 3, column: 5 },
    ]);
    expect(out.split('\n')).toEqual([
      '::error file=sources/a.txt,line=42,col=1,endLine=42,endColumn=9,title=qbank missing-answer::Question 12 has no answer key%0AAdd "12: <letter>"',
      '::notice file=sources/a%2Cb%3Ac.txt,line=3,col=5,title=qbank smart-quotes::Line contains the curly quote “',
      'qbank: 1 error, 0 warnings, 1 info',
      '',
    ]);
  });

  it('escapes % CR LF in data and also : , in properties', () => {
    expect(escapeData('50%\r\nok: a,b')).toBe('50%25%0D%0Aok: a,b');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('a message cannot inject a second command', () => {
    const out = formatGithub([{ ruleId: 'r', severity: 'warning', message: 'x\n::error file=evil::boom', file: 'a.txt', line: 1, column: 1 }]);
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
  });
});
