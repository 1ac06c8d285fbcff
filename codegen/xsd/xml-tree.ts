/**
 * A minimal namespace-aware element tree for reading schema documents (XSD, WSDL) with saxes.
 * Schemas are small and read once at generation time, so a tree is the simplest faithful form here;
 * the runtime reader never builds one.
 */
import { SaxesParser } from 'saxes';

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

export interface XmlNode {
  readonly uri: string;
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** In-scope prefix → namespace URI bindings, for resolving QName-valued attributes. */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly location: SourceLocation;
}

export class SchemaError extends Error {
  constructor(message: string, location?: SourceLocation) {
    super(location ? `${location.file}:${location.line}: ${message}` : message);
    this.name = 'SchemaError';
  }
}

export function parseXmlTree(text: string, file: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Array<XmlNode & { namespaces: Record<string, string> }> = [];
  let root: XmlNode | undefined;

  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const namespaces: Record<string, string> = { ...(parent?.namespaces ?? {}) };
    const attributes: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (typeof attr === 'string') continue;
      if (attr.prefix === 'xmlns') namespaces[attr.local] = attr.value;
      else if (attr.name === 'xmlns') namespaces[''] = attr.value;
      else attributes[attr.uri ? `{${attr.uri}}${attr.local}` : attr.local] = attr.value;
    }
    const node = {
      uri: tag.uri ?? '',
      local: tag.local ?? tag.name,
      attributes,
      children: [],
      namespaces,
      location: { file, line: parser.line },
    };
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (err) => {
    throw new SchemaError(`not well-formed XML: ${err.message}`, { file, line: parser.line });
  });
  parser.write(text).close();
  if (!root) throw new SchemaError('empty document', { file, line: 1 });
  return root;
}

/** Resolves a QName attribute value (`t:ItemType`) against the node's in-scope namespaces. */
export function resolveQName(node: XmlNode, value: string): { uri: string; local: string } {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const local = colon < 0 ? value : value.slice(colon + 1);
  // The `xml` prefix is bound by definition in every document (Namespaces in XML 1.0, §3).
  const uri = prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : node.namespaces[prefix];
  if (uri === undefined) {
    if (prefix === '') return { uri: '', local };
    throw new SchemaError(`undeclared namespace prefix '${prefix}' in '${value}'`, node.location);
  }
  return { uri, local };
}
