/**
 * Re-serialises an element subtree from sax events, for content the schema does not describe
 * (`$unknown`, skipped wildcard content, SOAP fault details). The result is self-contained: every
 * prefix it uses is declared inside it, so it can be written back anywhere verbatim.
 */
import type { XmlTag } from './xml-tag';
import { XML_NS, XMLNS_NS } from './namespaces';
import type { CaptureSink } from './reader';
import { escapeAttribute, escapeText } from './xml-escape';

/** Prefix → URI bindings declared inside the fragment; each scope's prototype is its parent scope. */
type Scope = Record<string, string>;
const EMPTY_SCOPE: Scope = Object.create(null);

export class RawXmlWriter implements CaptureSink {
  private out = '';
  private startTagOpen = false;
  private readonly scopes: Scope[] = [];

  open(tag: XmlTag): void {
    if (this.startTagOpen) this.out += '>';
    const parentScope = this.scopes.length > 0 ? this.scopes[this.scopes.length - 1] : EMPTY_SCOPE;
    const scope: Scope = Object.create(parentScope);
    this.out += `<${tag.name}`;
    // The element's own declarations first, so that re-reading this output yields the same string.
    for (const prefix in tag.ns) this.declare(scope, prefix, tag.ns[prefix]);
    this.declareIfMissing(scope, tag.prefix, tag.uri);
    const { attributes } = tag;
    for (const name in attributes) {
      const attribute = attributes[name];
      if (attribute.uri === XMLNS_NS) continue;
      if (attribute.prefix !== '') this.declareIfMissing(scope, attribute.prefix, attribute.uri);
    }
    for (const name in attributes) {
      const attribute = attributes[name];
      if (attribute.uri !== XMLNS_NS) this.out += ` ${name}="${escapeAttribute(attribute.value)}"`;
    }
    this.scopes.push(scope);
    this.startTagOpen = true;
  }

  text(text: string): void {
    if (text === '') return;
    if (this.startTagOpen) {
      this.out += '>';
      this.startTagOpen = false;
    }
    this.out += escapeText(text);
  }

  close(tag: XmlTag): void {
    this.scopes.pop();
    if (this.startTagOpen) {
      this.out += '/>';
      this.startTagOpen = false;
    } else {
      this.out += `</${tag.name}>`;
    }
  }

  toString(): string {
    return this.out;
  }

  private declareIfMissing(scope: Scope, prefix: string, uri: string): void {
    if (prefix === 'xml' && uri === XML_NS) return;
    // An undeclared default namespace means "no namespace".
    if ((scope[prefix] ?? (prefix === '' ? '' : undefined)) !== uri) this.declare(scope, prefix, uri);
  }

  private declare(scope: Scope, prefix: string, uri: string): void {
    scope[prefix] = uri;
    this.out += `${prefix === '' ? ' xmlns' : ` xmlns:${prefix}`}="${escapeAttribute(uri)}"`;
  }
}
