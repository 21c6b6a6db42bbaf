// Text for Moodle XML. Every text goes into CDATA, not entities: Moodle's xmlize() drops
// character data that is only whitespace, and expat hands it the text in pieces split at each
// entity, so `a &amp; &lt;b&gt;` would import as "a &<b>" (tested with Moodle 4.2.3). `]]>`
// cannot appear inside a CDATA section, so it is split across two sections. Characters XML 1.0
// forbids anywhere are dropped.
import { escapeXml, stripInvalidXmlChars } from '../xml.js';

export { escapeXml };
export const xmlSafe = stripInvalidXmlChars;

const emptyCdata = '<![CDATA[]]>';

export function cdata(s: string): string {
  if (s === '') return emptyCdata; // most feedback
  const t = xmlSafe(s);
  return `<![CDATA[${t.includes(']]>') ? t.replace(/]]>/g, ']]]]><![CDATA[>') : t}]]>`;
}

// Inside <!-- … --> only `--` is forbidden (and a final `-`).
export function xmlComment(s: string): string {
  return xmlSafe(s).replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
}
