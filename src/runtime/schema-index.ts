/**
 * Schema-wide lookups built once per SchemaSet (lazily, each on first use, cached in a WeakMap on the
 * schema object): namespace prefixes both ways, global elements by namespace and local name, and
 * substitution groups and derivation (which walk chains instead of indexing every type).
 */
import type { GlobalElementDesc, SchemaSet } from '../schema/descriptors';
import { SOAP_ENVELOPE_NS, XML_NS, XSI_NS } from './namespaces';

/** Each map is built on first use, on its own; none reads the types (see isDerivedFrom). */
class SchemaIndex {
  #prefixByUri?: ReadonlyMap<string, string>;
  #canonicalUris?: ReadonlyMap<string, string>;
  #globalElements?: ReadonlyMap<string, ReadonlyMap<string, string>>;

  constructor(private readonly schema: SchemaSet) {}

  get prefixByUri(): ReadonlyMap<string, string> {
    return (this.#prefixByUri ??= buildPrefixes(this.schema));
  }

  /** Each namespace URI the runtime compares against, as the one string object the descriptors use. */
  get canonicalUris(): ReadonlyMap<string, string> {
    return (this.#canonicalUris ??= buildCanonicalUris(this.schema));
  }

  /** namespace URI → local name → global element key (`t:Path`). */
  get globalElements(): ReadonlyMap<string, ReadonlyMap<string, string>> {
    return (this.#globalElements ??= buildGlobalElements(this.schema));
  }
}

const indexes = new WeakMap<SchemaSet, SchemaIndex>();

function indexOf(schema: SchemaSet): SchemaIndex {
  let index = indexes.get(schema);
  if (!index) {
    index = new SchemaIndex(schema);
    indexes.set(schema, index);
  }
  return index;
}

/** The URI of a prefix key used by the descriptors (`t`, `m`, `xml`). */
export function namespaceUri(schema: SchemaSet, prefixKey: string): string {
  const uri = schema.namespaces[prefixKey] ?? (prefixKey === 'xml' ? XML_NS : prefixKey === '' ? '' : undefined);
  if (uri === undefined) throw new Error(`namespace prefix "${prefixKey}" is not declared in SchemaSet.namespaces`);
  return uri;
}

/** The schema's prefix key for a namespace URI, if the schema declares one. */
export function prefixKeyOf(schema: SchemaSet, uri: string): string | undefined {
  return indexOf(schema).prefixByUri.get(uri);
}

/** The descriptors' own string object for a namespace URI equal to `uri`, if it is one of them. */
export function canonicalNamespace(schema: SchemaSet, uri: string): string | undefined {
  return indexOf(schema).canonicalUris.get(uri);
}

/** The key (`t:FieldURI`) of the global element with this expanded name, if the schema has one. */
export function findGlobalElementKey(schema: SchemaSet, uri: string, local: string): string | undefined {
  return indexOf(schema).globalElements.get(uri)?.get(local);
}

export function globalElementDesc(schema: SchemaSet, key: string): GlobalElementDesc {
  const desc = schema.elements[key];
  if (!desc) throw new Error(`${key} is not a global element of this schema`);
  return desc;
}

/** True when `key` is `headKey` or a (transitive) member of its substitution group. */
export function substitutes(schema: SchemaSet, key: string, headKey: string): boolean {
  for (let current: string | undefined = key, hops = 0; current && hops < 64; hops++) {
    if (current === headKey) return true;
    current = schema.elements[current]?.substitutionGroup;
  }
  return false;
}

/**
 * Walks the base chain of `typeName` (a few hops), rather than indexing the derived types of every
 * type: that index read all 1,195 type descriptors on the first xsi:type of a process.
 */
export function isDerivedFrom(schema: SchemaSet, typeName: string, baseName: string): boolean {
  let current = schema.types[typeName];
  // Derivation chains are acyclic in XSD; the hop limit only guards against a broken schema.
  for (let hops = 0; current?.kind === 'complex' && current.base !== undefined && hops < 64; hops++) {
    if (current.base === baseName) return true;
    current = schema.types[current.base];
  }
  return false;
}

function buildPrefixes(schema: SchemaSet): Map<string, string> {
  const prefixes = new Map<string, string>([[XML_NS, 'xml']]);
  for (const [prefix, uri] of Object.entries(schema.namespaces)) prefixes.set(uri, prefix);
  return prefixes;
}

function buildCanonicalUris(schema: SchemaSet): Map<string, string> {
  const uris = [XML_NS, XSI_NS, SOAP_ENVELOPE_NS, ...Object.values(schema.namespaces)];
  return new Map(uris.map((uri) => [uri, uri]));
}

function buildGlobalElements(schema: SchemaSet): Map<string, Map<string, string>> {
  const byUri = new Map<string, Map<string, string>>();
  for (const [key, desc] of Object.entries(schema.elements)) {
    const uri = namespaceUri(schema, desc.ns);
    let byLocal = byUri.get(uri);
    if (!byLocal) byUri.set(uri, (byLocal = new Map()));
    byLocal.set(desc.name, key);
  }
  return byUri;
}
