/**
 * Property paths (the t:Path substitution group): FieldURI, IndexedFieldURI and ExtendedFieldURI, in
 * the two shapes the instance model gives them — an `$el`-tagged entry where paths repeat
 * (AdditionalProperties) and one optional property where a single path stands (SetItemField, SortOrder,
 * GroupBy, search expressions). Typed by the generated enumerations, so only real FieldURIs compile.
 */
import { fieldUris } from '../../generated/field-uris';
import type {
  DictionaryURIType, NonEmptyArrayOfPathsToElementTypeEntry, PathToExtendedFieldType, PathToIndexedFieldType,
  PathToUnindexedFieldType, UnindexedFieldURIType,
} from '../../generated/types';
import type { SchemaSet, TypeDesc } from './descriptors';
import { ewsSchema } from './ews-schema';

/** One property path, as an entry of a path list. */
export type PropertyPath = NonEmptyArrayOfPathsToElementTypeEntry;

/** A single path where the schema has `<xs:element ref="t:Path"/>`: exactly one of the three properties. */
export type SinglePath =
  | { FieldURI: PathToUnindexedFieldType; IndexedFieldURI?: never; ExtendedFieldURI?: never }
  | { IndexedFieldURI: PathToIndexedFieldType; FieldURI?: never; ExtendedFieldURI?: never }
  | { ExtendedFieldURI: PathToExtendedFieldType; FieldURI?: never; IndexedFieldURI?: never };

/** Anything that names a property: a FieldURI string (`'item:Subject'`) or a path entry. */
export type PathLike = UnindexedFieldURIType | PropertyPath;

export function field(uri: UnindexedFieldURIType): PropertyPath {
  return { $el: 'FieldURI', FieldURI: uri };
}

export function indexedField(uri: DictionaryURIType, index: string): PropertyPath {
  return { $el: 'IndexedFieldURI', FieldURI: uri, FieldIndex: index };
}

/** A MAPI property by tag, or by property set and name/id (see t:PathToExtendedFieldType). */
export function extendedField(property: PathToExtendedFieldType): PropertyPath {
  return { $el: 'ExtendedFieldURI', ...property };
}

export function toPath(path: PathLike): PropertyPath {
  return typeof path === 'string' ? field(path) : path;
}

/** The single-path form of a path (SetItemField, FieldOrder, GroupBy, search expressions). */
export function singlePath(path: PathLike): SinglePath {
  const entry = toPath(path);
  const { $el, ...value } = entry;
  switch ($el) {
    case 'FieldURI': return { FieldURI: value as PathToUnindexedFieldType };
    case 'IndexedFieldURI': return { IndexedFieldURI: value as PathToIndexedFieldType };
    case 'ExtendedFieldURI': return { ExtendedFieldURI: value as PathToExtendedFieldType };
  }
}

/** The path held by an object in single-path form, if any. */
export function pathOf(holder: Partial<Record<'FieldURI' | 'IndexedFieldURI' | 'ExtendedFieldURI', unknown>>): PropertyPath | undefined {
  if (holder.FieldURI) return { $el: 'FieldURI', ...(holder.FieldURI as PathToUnindexedFieldType) };
  if (holder.IndexedFieldURI) return { $el: 'IndexedFieldURI', ...(holder.IndexedFieldURI as PathToIndexedFieldType) };
  if (holder.ExtendedFieldURI) return { $el: 'ExtendedFieldURI', ...(holder.ExtendedFieldURI as PathToExtendedFieldType) };
  return undefined;
}

/** The element a FieldURI names: its declaring type and property (`item:Subject` → ItemType.Subject). */
export function elementOfFieldUri(uri: string): { readonly type: string; readonly prop: string } | undefined {
  return fieldUris[uri];
}

let byProperty: Map<string, string[]> | undefined;

/**
 * The FieldURIs that name a property, by property name (`Subject` → [`item:Subject`]); several where
 * types share a name (`conversation:Subject`…). Built once from the generated map.
 */
export function fieldUrisOfProperty(prop: string): readonly string[] {
  if (!byProperty) {
    byProperty = new Map();
    for (const [uri, target] of Object.entries(fieldUris)) {
      const list = byProperty.get(target.prop) ?? [];
      list.push(uri);
      byProperty.set(target.prop, list);
    }
  }
  return byProperty.get(prop) ?? [];
}

/**
 * The FieldURI of property `prop` on an object of type `typeName` (`CalendarItemType`, `Subject` →
 * `item:Subject`): the one whose declaring type is `typeName` or one of its bases.
 */
export function fieldUriFor(typeName: string, prop: string, schema: SchemaSet = ewsSchema()): UnindexedFieldURIType | undefined {
  const chain = new Set<string>();
  for (let name: string | undefined = typeName; name; ) {
    chain.add(name);
    const type: TypeDesc | undefined = schema.types[name];
    name = type?.kind === 'complex' ? type.base : undefined;
  }
  return fieldUrisOfProperty(prop).find((uri) => chain.has(fieldUris[uri].type)) as UnindexedFieldURIType | undefined;
}
