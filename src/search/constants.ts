/**
 * The constant of a comparison (`t:Constant Value="…"`), typed by the property it is compared with:
 * `message:IsRead` takes a boolean, `item:Size` a number, `item:Importance` one of its enumeration
 * values, a date-time property a string or a Date. The static type comes from the generated item and
 * folder types; at run time the schema descriptors decide the lexical form, so `true`, `42` and a Date
 * are written the way Exchange parses them, and a value of the wrong kind fails before sending.
 */
import { ewsSchema } from '../schema/ews-schema';
import type { ArrayOfFoldersTypeEntry, ArrayOfRealItemsTypeEntry, MapiPropertyTypeType, UnindexedFieldURIType } from '../../generated/types';
import { compileSimple, compileType, type CompiledSimple, type CompiledType } from '../runtime/compile';
import { formatSimple } from '../runtime/simple-values';
import type { BuiltinTypeName } from '../schema/descriptors';
import { elementOfFieldUri, type PathLike, type PropertyPath, toPath } from '../schema/paths';
import { InvalidSearchError } from './errors';

/** Any constant: what an indexed or extended property, or an untyped path, is compared with. */
export type ConstantValue = string | number | boolean | Date;

/** Everything a FieldURI can name in a FindItem/FindFolder result: items and folders of every kind. */
type SearchableEntity = ArrayOfRealItemsTypeEntry | ArrayOfFoldersTypeEntry;

/** The property type(s) a FieldURI names; `never` when no item or folder type has that property. */
export type PropertyValue<U extends string> = U extends `${string}:${infer Prop}`
  ? SearchableEntity extends infer E ? (E extends unknown ? (Prop extends keyof E ? NonNullable<E[Prop]> : never) : never) : never
  : never;

export type ElementOf<V> = V extends readonly (infer Item)[] ? Item : V;

/** Constant type of one property type: booleans, numbers and enumerations stay exact; free strings also take a Date. */
export type ConstantOf<V> = V extends boolean ? boolean
  : V extends number ? number
  : V extends string ? (string extends V ? string | Date : V)
  : string;

/** The constant a comparison on `P` accepts. */
export type ConstantFor<P> = P extends UnindexedFieldURIType
  ? [PropertyValue<P>] extends [never] ? ConstantValue : ConstantOf<ElementOf<PropertyValue<P>>>
  : ConstantValue;

/** `t:Constant Value` text of `value` compared with `path`; an InvalidSearchError when the kinds disagree. */
export function constantText(path: PathLike, value: ConstantValue): string {
  const entry = toPath(path);
  const type = constantTypeOf(entry);
  const text = formatSimple(type, value);
  if (text === undefined || !isEnumerated(type, text)) {
    throw new InvalidSearchError(`${pathName(entry)} cannot be compared with the ${value instanceof Date ? 'Date' : typeof value} ${String(value)}`);
  }
  return text;
}

/** Enumerations only take their listed values ('High', not 'Urgent'). */
function isEnumerated(type: CompiledSimple, text: string): boolean {
  const desc = ewsSchema().types[type.name];
  return desc?.kind !== 'simple' || desc.enum === undefined || desc.enum.includes(text);
}

const byFieldUri = new Map<string, CompiledSimple>();

/** The simple type a constant for `path` is written as; resolved once per FieldURI. */
function constantTypeOf(path: PropertyPath): CompiledSimple {
  switch (path.$el) {
    case 'ExtendedFieldURI': return compileSimple(ewsSchema(), builtinOfMapiType(path.PropertyType));
    case 'IndexedFieldURI': return compileSimple(ewsSchema(), 'xs:string');
    case 'FieldURI': {
      let type = byFieldUri.get(path.FieldURI);
      if (!type) byFieldUri.set(path.FieldURI, (type = simpleTypeOfFieldUri(path.FieldURI)));
      return type;
    }
  }
}

/** A list compares one member, an array wrapper one entry, a complex property its text (or as a string). */
function simpleTypeOfFieldUri(uri: string): CompiledSimple {
  const target = elementOfFieldUri(uri);
  const slot = target && compileType(ewsSchema(), target.type).children.get(target.prop);
  let type: CompiledType | CompiledSimple | undefined = slot?.element.type;
  if (type?.kind === 'complex' && type.wrapper) {
    const only = type.fields[0];
    type = only?.kind === 'element' ? only.element.type : undefined;
  }
  if (type?.kind === 'complex') type = type.text;
  if (type?.listItem) type = type.listItem;
  return type ?? compileSimple(ewsSchema(), 'xs:string');
}

function builtinOfMapiType(type: MapiPropertyTypeType): BuiltinTypeName {
  switch (type) {
    case 'Boolean': return 'xs:boolean';
    case 'Short': case 'Integer': return 'xs:int';
    case 'Long': return 'xs:long';
    case 'Float': case 'Double': case 'Currency': case 'ApplicationTime': return 'xs:double';
    case 'SystemTime': return 'xs:dateTime';
    default: return 'xs:string';
  }
}

function pathName(path: PropertyPath): string {
  switch (path.$el) {
    case 'FieldURI': return path.FieldURI;
    case 'IndexedFieldURI': return `${path.FieldURI}[${path.FieldIndex}]`;
    case 'ExtendedFieldURI': return `the extended property ${path.PropertyName ?? path.PropertyTag ?? path.PropertyId ?? ''} (${path.PropertyType})`;
  }
}
