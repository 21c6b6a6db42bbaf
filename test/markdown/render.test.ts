import { describe, expect, it } from 'vitest';
import { renderHtml, renderPlain } from '../../src/markdown/render.js';

describe('renderHtml', () => {
  it('plain text is escaped without going through unified', () => {
    expect(renderHtml('Tom "Jerry" O\'Hara')).toBe('Tom &quot;Jerry&quot; O&#39;Hara');
    expect(renderHtml('Tom & <b>')).toBe('Tom &#x26; &#x3C;b>');
  });
  it('inline Markdown renders, unwrapped from its paragraph', () => {
    expect(renderHtml('**Sim**, é *isso* e `code`')).toBe('<strong>Sim</strong>, é <em>isso</em> e <code>code</code>');
    expect(renderHtml('**Sim**')).toBe('<strong>Sim</strong>');
  });
  it('one-line options never become lists or headings', () => {
    expect(renderHtml('1990. O ano')).toBe('1990. O ano');
    expect(renderHtml('- nada')).toBe('- nada');
    expect(renderHtml('* nada')).toBe('* nada');
    expect(renderHtml('# 1 lugar')).toBe('# 1 lugar');
    expect(renderHtml('> citação')).toBe('> citação');
  });
  it('raw HTML is shown as text and unsafe links are dropped', () => {
    expect(renderHtml('a <script>alert(1)</script> b')).toBe('a &#x3C;script>alert(1)&#x3C;/script> b');
    expect(renderHtml('[x](javascript:alert(1))')).not.toContain('javascript:');
  });
  it('line breaks in multi-line stems are kept', () => {
    expect(renderHtml('Linha 1\nLinha **2**')).toBe('Linha 1<br>\nLinha <strong>2</strong>');
  });
});

describe('renderPlain', () => {
  it('drops syntax and keeps text', () => {
    expect(renderPlain('**Não** use `rm`')).toBe('Não use rm');
  });
});
