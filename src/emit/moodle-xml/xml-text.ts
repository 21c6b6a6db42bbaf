// Text for Moodle XML. Every text goes into CDATA, not entities: Moodle's xmlize() drops
// character data that is only whitespace, and expat hands it the text in pieces split at each
// entity, so `a &amp; &lt;b&gt;` would import as "a &<b>" (tested with Moodle 4.2.3). `]]>`
// cannot appear inside a CDATA section, so it is split across two sections. Characters XML 1.0
// forbids anywhere are dropped.
// eslint-disable-next-line no-control-regex
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(invalidXmlChars, '');
}

export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function cdata(s: string): string {
  return `<![CDATA[${xmlSafe(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

// Inside <!-- … --> only `--` is forbidden (and a final `-`).
export function xmlComment(s: string): string {
  return xmlSafe(s).replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
}
