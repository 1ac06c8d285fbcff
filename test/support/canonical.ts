/**
 * A canonical text form of an XML document, for comparing a re-written document with its original.
 *
 * Equal when the documents mean the same to an EWS reader: names are `{namespaceURI}local` (prefixes
 * and namespace declarations vanish, and so do the prefixes inside xsi:type values), attributes are
 * sorted, whitespace-only text between elements is dropped and other text trimmed, `<a></a>` equals
 * `<a/>`, comments and processing instructions are ignored. One element per line, indented, with
 * attribute values and text JSON-quoted, so a jest diff points at the difference.
 */
import { SaxesParser } from 'saxes';

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const INDENT = '  ';

export function canonicalize(xml: string): string {
  const parser = new SaxesParser({ xmlns: true });
  const lines: string[] = [];
  let depth = 0;
  let text = '';

  const flushText = (): void => {
    const trimmed = text.trim();
    if (trimmed !== '') lines.push(INDENT.repeat(depth) + JSON.stringify(trimmed));
    text = '';
  };

  parser.on('text', (chunk) => (text += chunk));
  parser.on('cdata', (chunk) => (text += chunk));
  parser.on('opentag', (tag) => {
    flushText();
    const attributes = Object.values(tag.attributes)
      .filter((attr) => attr.uri !== XMLNS_NS)
      .map((attr) => {
        const value = attr.uri === XSI_NS && attr.local === 'type' ? resolveQName(attr.value, (p) => parser.resolve(p)) : attr.value;
        return `${expandedName(attr.uri, attr.local)}=${JSON.stringify(value)}`;
      })
      .sort();
    lines.push(INDENT.repeat(depth) + [expandedName(tag.uri, tag.local), ...attributes].join(' '));
    depth++;
  });
  parser.on('closetag', () => {
    flushText();
    depth--;
  });
  parser.write(xml).close();
  return lines.join('\n');
}

function expandedName(uri: string, local: string): string {
  return `{${uri}}${local}`;
}

/** `t:CalendarItemType` → `{types namespace}CalendarItemType`; left as written when the prefix is undeclared. */
function resolveQName(value: string, resolve: (prefix: string) => string | undefined): string {
  const colon = value.indexOf(':');
  if (colon < 0) return expandedName(resolve('') ?? '', value);
  const uri = resolve(value.slice(0, colon));
  return uri === undefined ? value : expandedName(uri, value.slice(colon + 1));
}
