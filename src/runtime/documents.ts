/** Reading a standalone document: rooted at a global element, or read as a value of some type. */
import type { XmlTag } from './xml-tag';
import type { SchemaSet } from '../schema/descriptors';
import { compileGlobalElement, compileTypeRef, rootSlot, type ChildSlot } from './compile';
import { findGlobalElementKey, namespaceUri, substitutes } from './schema-index';
import { StreamingReader, type DocumentHandler, type ReaderContext, type ReadOptions } from './reader';

export interface ReadElementResult<T = unknown> {
  /** The key of the root element read: `elementKey`, or a member of its substitution group. */
  readonly element: string;
  readonly value: T;
}

/** A streaming reader for a document whose root is the global element `elementKey` (or substitutes for it). */
export function elementReader(schema: SchemaSet, elementKey: string, options?: ReadOptions): StreamingReader<ReadElementResult> {
  return new StreamingReader(schema, new ElementDocument(schema, elementKey), options);
}

/** A streaming reader for a root element of any name whose content is read as `typeName`. */
export function typeReader(schema: SchemaSet, typeName: string, options?: ReadOptions): StreamingReader<unknown> {
  return new StreamingReader(schema, new TypedDocument(schema, typeName), options);
}

export function readElement<T = unknown>(schema: SchemaSet, xml: string | Uint8Array, elementKey: string, options?: ReadOptions): T {
  const reader = elementReader(schema, elementKey, options);
  reader.write(xml);
  return reader.end().value as T;
}

export function readValueAs<T = unknown>(schema: SchemaSet, xml: string | Uint8Array, typeName: string, options?: ReadOptions): T {
  const reader = typeReader(schema, typeName, options);
  reader.write(xml);
  return reader.end() as T;
}

class ElementDocument implements DocumentHandler<ReadElementResult> {
  private readonly holder: { value?: unknown } = {};
  private element = '';

  constructor(schema: SchemaSet, private readonly expectedKey: string) {
    compileGlobalElement(schema, expectedKey); // fails early for a key the schema does not have
  }

  child(context: ReaderContext, tag: XmlTag): void {
    const key = findGlobalElementKey(context.schema, tag.uri, tag.local);
    if (key === undefined || !substitutes(context.schema, key, this.expectedKey)) {
      const desc = context.schema.elements[this.expectedKey];
      context.fail(`expected root element ${this.expectedKey} in namespace ${namespaceUri(context.schema, desc.ns)}, `
        + `found ${tag.name} in ${tag.uri === '' ? 'no namespace' : `namespace ${tag.uri}`}`);
    }
    this.element = key;
    context.typed(tag, rootSlot(compileGlobalElement(context.schema, key), 'value'), this.holder);
  }

  result(): ReadElementResult {
    return { element: this.element, value: this.holder.value };
  }
}

class TypedDocument implements DocumentHandler<unknown> {
  private readonly holder: { value?: unknown } = {};

  constructor(private readonly schema: SchemaSet, private readonly typeName: string) {
    compileTypeRef(schema, typeName); // fails early for a type the schema does not have
  }

  child(context: ReaderContext, tag: XmlTag): void {
    const type = compileTypeRef(this.schema, this.typeName);
    const slot: ChildSlot = rootSlot({ name: tag.local, qname: tag.name, uri: tag.uri, nillable: true, aliases: [], type }, 'value');
    context.typed(tag, slot, this.holder);
  }

  result(): unknown {
    return this.holder.value;
  }
}
