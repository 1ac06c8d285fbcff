/**
 * Loads a schema set: the WSDL's embedded schema (or given XSD files) and everything they import or
 * include, each file once. Imports without a schemaLocation are allowed only for namespaces XML Schema
 * defines itself (the XML namespace); anything else unresolved is an error.
 */
import { existsSync, readFileSync } from 'fs';
import { basename, dirname, resolve } from 'path';
import { XML_NS, XS_NS } from '../model';
import { SchemaError, XmlNode, parseXmlTree } from './xml-tree';

export interface SchemaDocument {
  /** File name relative to the schema directory, for messages and statistics. */
  readonly name: string;
  readonly path: string;
  readonly root: XmlNode;
}

export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';

export function loadSchemaDocuments(entryPaths: readonly string[]): SchemaDocument[] {
  const loaded = new Map<string, SchemaDocument>();
  const visit = (path: string, root: XmlNode): void => {
    for (const child of root.children) {
      if (child.uri !== XS_NS || (child.local !== 'import' && child.local !== 'include')) continue;
      const location = child.attributes.schemaLocation;
      if (!location) {
        if (child.attributes.namespace === XML_NS) continue;
        throw new SchemaError(`xs:${child.local} of ${child.attributes.namespace} has no schemaLocation`, child.location);
      }
      load(importedFile(path, child, location));
    }
  };
  const load = (path: string): void => {
    if (loaded.has(path)) return;
    const root = parseXmlTree(readFileSync(path, 'utf8'), path);
    if (root.uri !== XS_NS || root.local !== 'schema') throw new SchemaError('not an XML Schema document', root.location);
    // Register before following imports: messages.xsd and types.xsd may import each other.
    const doc = { name: path.split(/[\\/]/).pop()!, path, root };
    loaded.set(path, doc);
    visit(path, root);
  };
  for (const entry of entryPaths) {
    if (entry.endsWith('.wsdl')) {
      for (const embedded of wsdlEmbeddedSchemas(parseXmlTree(readFileSync(entry, 'utf8'), entry))) visit(entry, embedded);
    } else {
      load(resolve(entry));
    }
  }
  // Imported files come after their importers in discovery order; declare dependencies first so the
  // generated output lists types.xsd before messages.xsd.
  return [...loaded.values()].reverse();
}

/**
 * The file an xs:import/xs:include names. A URL (servers publish `https://host/EWS/types.xsd`) is never
 * fetched: the file of that name next to the importer is used, as the server publishes them together.
 */
function importedFile(importer: string, node: XmlNode, location: string): string {
  const what = `xs:${node.local} schemaLocation="${location}"`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location)) {
    const local = resolve(dirname(importer), basename(location.split(/[?#]/)[0]));
    if (existsSync(local)) return local;
    throw new SchemaError(`${what} points at a URL, which codegen does not download; save that file as ${local}`, node.location);
  }
  const file = resolve(dirname(importer), location);
  if (!existsSync(file)) throw new SchemaError(`${what}: no such file ${file}`, node.location);
  return file;
}

function wsdlEmbeddedSchemas(definitions: XmlNode): XmlNode[] {
  const types = definitions.children.find((c) => c.uri === WSDL_NS && c.local === 'types');
  return types ? types.children.filter((c) => c.uri === XS_NS && c.local === 'schema') : [];
}
