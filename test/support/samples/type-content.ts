/**
 * The complete content of a complex type, base types included, and the concrete types derived from
 * an abstract one. Resolved once per SchemaSet and cached.
 */
import { AttributeDesc, ComplexTypeDesc, FieldDesc, SchemaSet, TypeRef } from '../../../src/schema/descriptors';

/** Fields as declared by one type of the derivation chain: choice `group` numbers are per owner. */
export interface FieldPart {
  readonly owner: string;
  readonly fields: readonly FieldDesc[];
}

export interface TypeContent {
  readonly attributes: readonly AttributeDesc[];
  /** Base type's fields first (for extensions), in schema order. */
  readonly parts: readonly FieldPart[];
  /** Type of the simple content (`$value`), if any. */
  readonly text?: TypeRef;
}

interface SchemaIndex {
  readonly contents: Map<string, TypeContent>;
  /** Base type name → types directly derived from it, in `SchemaSet.types` order. */
  readonly derived: Map<string, ComplexTypeDesc[]>;
}

const indexes = new WeakMap<SchemaSet, SchemaIndex>();

function indexOf(schema: SchemaSet): SchemaIndex {
  let index = indexes.get(schema);
  if (!index) {
    const derived = new Map<string, ComplexTypeDesc[]>();
    for (const type of Object.values(schema.types)) {
      if (type.kind !== 'complex' || !type.base) continue;
      derived.set(type.base, [...(derived.get(type.base) ?? []), type]);
    }
    index = { contents: new Map(), derived };
    indexes.set(schema, index);
  }
  return index;
}

export function complexType(schema: SchemaSet, name: TypeRef): ComplexTypeDesc {
  const type = schema.types[name];
  if (type?.kind !== 'complex') throw new Error(`${name} is not a complex type of the schema`);
  return type;
}

export function contentOf(schema: SchemaSet, type: ComplexTypeDesc): TypeContent {
  const { contents } = indexOf(schema);
  let content = contents.get(type.name);
  if (!content) {
    content = resolveContent(schema, type);
    contents.set(type.name, content);
  }
  return content;
}

function resolveContent(schema: SchemaSet, type: ComplexTypeDesc): TypeContent {
  const own: FieldPart = { owner: type.name, fields: type.fields };
  const baseDesc = type.base === undefined ? undefined : schema.types[type.base];
  if (baseDesc?.kind !== 'complex') {
    // No base, or simple content extending a simple type: that type is the text.
    return { attributes: type.attributes, parts: [own], text: type.text ?? type.base };
  }
  const base = contentOf(schema, baseDesc);
  const text = type.text ?? base.text;
  return type.derivation === 'extension'
    ? { attributes: [...base.attributes, ...type.attributes], parts: [...base.parts, own], text }
    : { attributes: type.attributes, parts: [own], text }; // a restriction restates its whole content
}

/** Non-abstract types derived (directly or not) from `name`, nearest first, in schema order. */
export function concreteDerivedTypes(schema: SchemaSet, name: TypeRef): ComplexTypeDesc[] {
  const { derived } = indexOf(schema);
  const found: ComplexTypeDesc[] = [];
  for (let queue = [...(derived.get(name) ?? [])]; queue.length > 0; ) {
    const type = queue.shift()!;
    if (!type.abstract) found.push(type);
    queue.push(...(derived.get(type.name) ?? []));
  }
  return found;
}
