// The output readers must be able to fail: each kind of injection the escaping suite looks for
// is planted in a small file of each format and has to be found.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { expandZips, readOutput, type OutFile } from './outputs.js';

const file = (path: string, text: string): OutFile => ({ path, bytes: new TextEncoder().encode(text) });
const findings = (f: OutFile) => readOutput(f).findings.map((x) => x.what);

describe('output readers', () => {
  it('find script elements, handlers and scriptable URLs in HTML', () => {
    expect(findings(file('a.html', '<p>ok</p>'))).toEqual([]);
    expect(findings(file('a.html', '<p><script>x</script></p>'))).toEqual(['element']);
    expect(findings(file('a.html', '<img src=x onerror=alert(1)>'))).toEqual(['handler']);
    expect(findings(file('a.html', '<a href=" jav&#x09;ascript:alert(1)">x</a>'))).toEqual(['url']);
    expect(findings(file('a.html', '<a href="data:text/html,x">x</a>'))).toEqual(['url']);
    expect(findings(file('a.html', '<img src="data:image/png;base64,AAAA">'))).toEqual([]);
  });

  it('find HTML injected through XML text marked as HTML, and XHTML written as XML', () => {
    expect(findings(file('a.xml', '<q><text format="html"><t>&lt;b&gt;ok&lt;/b&gt;</t></text></q>'))).toEqual([]);
    expect(findings(file('a.xml', '<q format="html"><text><![CDATA[<img src=x onerror=alert(1)>]]></text></q>'))).toEqual(['handler']);
    expect(findings(file('a.xml', '<m texttype="text/html">&lt;script&gt;x&lt;/script&gt;</m>'))).toEqual(['element']);
    expect(findings(file('a.xml', '<itemBody><a href="javascript:x">y</a><script/></itemBody>'))).toEqual(['url', 'element']);
    // plain text that merely looks like markup is text
    expect(findings(file('a.xml', '<name><text>&lt;script&gt;</text></name>'))).toEqual([]);
    expect(() => readOutput(file('a.xml', '<a><b></a>'))).toThrow(/well-formed/);
  });

  it('find HTML injected through GIFT text, and reject what gift-pegjs cannot parse', () => {
    expect(findings(file('a.gift', '::t::[html]<b>ok</b>{=a ~b}\n'))).toEqual([]);
    expect(findings(file('a.gift', '::t::[html]<script>x</script>{=a ~b}\n'))).toEqual(['element']);
    expect(findings(file('a.gift', '::t::[markdown]<img src\\=x onerror\\=y>{=a ~b}\n'))).toEqual(['handler']);
    expect(() => readOutput(file('a.gift', '::t::texto{=a ~%%b}\n'))).toThrow(/gift-pegjs/);
  });

  it('reads adjacent CDATA sections as one text', () => {
    const r = readOutput(file('a.xml', '<t format="html"><x><![CDATA[a ]]]]><![CDATA[> b]]></x></t>'));
    expect(r.texts[0]).toBe('a ]]> b');
  });

  it('refuses zip entries that would escape the extraction folder', () => {
    const zip = (name: string) => ({ path: 'p.zip', bytes: zipSync({ [name]: new Uint8Array([1]) }) });
    expect(expandZips([zip('ok/a.xml')])).toHaveLength(1);
    for (const bad of ['../a.xml', 'x/../../a.xml', '/abs.xml', 'C:/a.xml', 'a\\..\\b.xml']) expect(() => expandZips([zip(bad)])).toThrow(/unsafe zip entry/);
  });
});
