/**
 * Questions the simulator asks of the generated descriptors rather than hard-coding: which schema type
 * an item element has, whether one type derives from another, and what kind of value a property holds
 * (so comparisons and sorting are type-aware). Answers are computed once and cached.
 */
import type { ComplexTypeDesc, ElementField, TypeDesc } from '../../schema/descriptors';
import { schema } from '../../../generated/schema';

/** How a property's value compares: the simple kinds, or `complex` for structured values. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'dateTime' | 'date' | 'complex';

const NUMERIC_BUILTINS = new Set(['xs:int', 'xs:short', 'xs:byte', 'xs:long', 'xs:integer', 'xs:nonNegativeInteger',
  'xs:positiveInteger', 'xs:unsignedInt', 'xs:unsignedShort', 'xs:unsignedByte', 'xs:unsignedLong', 'xs:decimal', 'xs:double', 'xs:float']);

function typeDesc(name: string): TypeDesc | undefined {
  return schema.types[name];
}

function complexType(name: string): ComplexTypeDesc | undefined {
  const desc = typeDesc(name);
  return desc?.kind === 'complex' ? desc : undefined;
}

let elementTypes: Map<string, string> | undefined;

/** The schema type of an item or folder element (`Message` → `MessageType`, `CalendarFolder` → `CalendarFolderType`). */
export function typeOfElement(element: string): string {
  if (!elementTypes) {
    elementTypes = new Map();
    for (const holder of ['NonEmptyArrayOfAllItemsType', 'ArrayOfRealItemsType', 'ArrayOfFoldersType']) {
      const field = complexType(holder)?.fields[0];
      if (field?.kind === 'compound') for (const alternative of field.alternatives) elementTypes.set(alternative.name, alternative.type);
    }
  }
  const type = elementTypes.get(element);
  if (!type) throw new Error(`${element} is not an item or folder element of the schema`);
  return type;
}

/** True when `type` is `base` or derives from it. */
export function isDerivedFrom(type: string, base: string): boolean {
  for (let current: string | undefined = type; current; current = complexType(current)?.base) {
    if (current === base) return true;
  }
  return false;
}

const fieldCache = new Map<string, ElementField | null>();

/** The element field a type (or one of its bases) declares under this property name. */
export function elementField(type: string, prop: string): ElementField | undefined {
  const cacheKey = `${type}.${prop}`;
  let field = fieldCache.get(cacheKey);
  if (field === undefined) {
    field = null;
    for (let current: string | undefined = type; current && !field; current = complexType(current)?.base) {
      const found = complexType(current)?.fields.find((candidate) => candidate.prop === prop);
      if (found?.kind === 'element') field = found;
    }
    fieldCache.set(cacheKey, field);
  }
  return field ?? undefined;
}

/** The kind of value held by a property of a type. */
export function propertyKind(type: string, prop: string): ValueKind {
  const field = elementField(type, prop);
  return field ? kindOfType(field.element.type) : 'complex';
}

/**
 * The kind of a type reference: a built-in, a simple type, or — for an array wrapper of simple values
 * (Categories is a t:ArrayOfStringsType) — the kind of its entries.
 */
export function kindOfType(typeRef: string): ValueKind {
  if (typeRef.startsWith('xs:')) return kindOfBuiltin(typeRef);
  const desc = typeDesc(typeRef);
  if (!desc) return 'complex';
  if (desc.kind === 'simple') return desc.list ? 'complex' : kindOfBuiltin(desc.builtin);
  const entry = desc.wrapper ? desc.fields[0] : undefined;
  return entry?.kind === 'element' && kindOfType(entry.element.type) !== 'complex' ? kindOfType(entry.element.type) : 'complex';
}

function kindOfBuiltin(builtin: string): ValueKind {
  if (builtin === 'xs:boolean') return 'boolean';
  if (builtin === 'xs:dateTime') return 'dateTime';
  if (builtin === 'xs:date') return 'date';
  return NUMERIC_BUILTINS.has(builtin) ? 'number' : 'string';
}

const dateTimeCache = new Map<string, string[]>();

/** Every property of a type that holds a date-time, own and inherited (for normalising to UTC). */
export function dateTimeProperties(type: string): readonly string[] {
  let props = dateTimeCache.get(type);
  if (!props) {
    props = [];
    for (let current: string | undefined = type; current; current = complexType(current)?.base) {
      for (const field of complexType(current)?.fields ?? []) {
        if (field.kind === 'element' && kindOfType(field.element.type) === 'dateTime') props.push(field.prop);
      }
    }
    dateTimeCache.set(type, props);
  }
  return props;
}

/** The entry type of an array-wrapper type (`EmailAddressDictionaryType` → `EmailAddressDictionaryEntryType`). */
export function wrapperEntryType(typeRef: string): string | undefined {
  const desc = complexType(typeRef);
  const field = desc?.wrapper ? desc.fields[0] : undefined;
  return field?.kind === 'element' ? field.element.type : undefined;
}

/** The attribute that keys the entries of a dictionary-like type (`Key`, or `HeaderName` for headers). */
export function entryKeyAttribute(entryType: string): string | undefined {
  return complexType(entryType)?.attributes.find((attribute) => attribute.required)?.prop;
}
