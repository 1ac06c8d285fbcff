/**
 * Property paths (t:FieldURI, t:IndexedFieldURI, t:ExtendedFieldURI) resolved to the instance-model
 * property they name, through generated/field-uris.ts and the descriptors. One resolved path serves
 * shapes (AdditionalProperties), restrictions, sorting, grouping and the Set/Append/Delete of UpdateItem.
 * Stored values are treated as immutable: writes replace properties, never mutate nested objects.
 */
import type * as m from '../../../generated/messages';
import type * as t from '../../../generated/types';
import { fieldUris } from '../../../generated/field-uris';
import { schema } from '../../../generated/schema';
import { pathOf } from '../../schema/paths';
import { ResponseError } from './errors';
import { elementField, entryKeyAttribute, isDerivedFrom, propertyKind, type ValueKind, wrapperEntryType } from './schema-facts';

export type Data = Record<string, unknown>;
export type PathEntry = t.NonEmptyArrayOfPathsToElementTypeEntry;

/** A path given as a choice of three optional properties (FieldOrder, restrictions, change descriptions). */
export interface PathChoice {
  FieldURI?: t.PathToUnindexedFieldType;
  IndexedFieldURI?: t.PathToIndexedFieldType;
  ExtendedFieldURI?: t.PathToExtendedFieldType;
}

export interface PropertyPath {
  readonly description: string;
  readonly kind: ValueKind;
  /** The top-level property of the record the path lives in (undefined for search-only FieldURIs). */
  readonly property: string | undefined;
  /** Whether records of this schema type can have the property. */
  appliesTo(recordType: string): boolean;
  /** The value to compare, sort or group by (a dictionary entry's text, an extended property's Value). */
  read(record: Data): unknown;
  /** Copies the property from a record into a shaped copy of it. */
  project(into: Data, from: Data): void;
  /** Sets the property from the item given in a SetItemField; returns the properties changed. */
  write(into: Data, from: Data): string[];
  remove(from: Data): string[];
  /** The t:FieldURI (or other path) element Exchange echoes in m:MessageXml when it rejects the path. */
  readonly messageXml: m.ResponseMessageType_MessageXml;
}

const TYPES_NS = schema.namespaces.t;
const cache = new Map<string, PropertyPath>();

export function resolvePath(entry: PathEntry): PropertyPath {
  const key = JSON.stringify(entry);
  let path = cache.get(key);
  if (!path) {
    path = entry.$el === 'FieldURI' ? new UnindexedPath(entry.FieldURI)
      : entry.$el === 'IndexedFieldURI' ? new IndexedPath(entry.FieldURI, entry.FieldIndex)
        : new ExtendedPath(entry);
    cache.set(key, path);
  }
  return path;
}

/** Like resolvePath, for a path given as a choice; a missing path is an invalid request. */
export function resolveChoice(choice: PathChoice): PropertyPath {
  const entry = pathOf(choice);
  if (!entry) throw new ResponseError('ErrorInvalidRequest', 'A property path is required.');
  return resolvePath(entry);
}

function echo(entry: Data & { $el: string }): m.ResponseMessageType_MessageXml {
  return { $any: [{ ...entry, $ns: TYPES_NS }] };
}

class UnindexedPath implements PropertyPath {
  readonly description: string;
  readonly kind: ValueKind;
  readonly messageXml;
  readonly property: string | undefined;
  private readonly declaringType?: string;

  constructor(uri: string) {
    this.description = uri;
    const target = fieldUris[uri];
    this.declaringType = target?.type;
    this.property = target?.prop;
    this.kind = target ? propertyKind(target.type, target.prop) : 'complex';
    this.messageXml = echo({ $el: 'FieldURI', FieldURI: uri });
  }

  /** Search-only FieldURIs (no element, e.g. item:MimeContentUTF8) apply to nothing and read as absent. */
  appliesTo(recordType: string): boolean {
    return this.declaringType !== undefined && isDerivedFrom(recordType, this.declaringType);
  }

  read(record: Data): unknown {
    return this.property === undefined ? undefined : record[this.property];
  }

  project(into: Data, from: Data): void {
    if (this.property !== undefined && from[this.property] !== undefined) into[this.property] = from[this.property];
  }

  write(into: Data, from: Data): string[] {
    if (this.property === undefined || from[this.property] === undefined) throw new ResponseError('ErrorIncorrectUpdatePropertyCount');
    into[this.property] = from[this.property];
    return [this.property];
  }

  remove(from: Data): string[] {
    if (this.property === undefined) return [];
    delete from[this.property];
    return [this.property];
  }
}

/** A dictionary entry (`contacts:EmailAddress` / `EmailAddress1`), or one field of it (`contacts:PhysicalAddress:City`). */
class IndexedPath implements PropertyPath {
  readonly description: string;
  readonly kind: ValueKind;
  readonly messageXml;
  readonly property: string | undefined;
  private readonly declaringType?: string;
  private readonly keyAttribute: string;
  private readonly subField?: string;

  constructor(uri: string, private readonly index: string) {
    this.description = `${uri}[${index}]`;
    this.messageXml = echo({ $el: 'IndexedFieldURI', FieldURI: uri, FieldIndex: index });
    const [prefix, name, subField] = uri.split(':');
    // The dictionary property is the plural of the indexed name: contacts:EmailAddress → contacts:EmailAddresses.
    const target = fieldUris[`${prefix}:${name}es`] ?? fieldUris[`${prefix}:${name}s`] ?? fieldUris[`${prefix}:${name}`];
    const entryType = target ? wrapperEntryType(elementField(target.type, target.prop)?.element.type ?? '') : undefined;
    this.declaringType = target?.type;
    this.property = target?.prop;
    this.keyAttribute = (entryType && entryKeyAttribute(entryType)) ?? 'Key';
    this.subField = entryType && subField && propertyKind(entryType, subField) !== 'complex' ? subField : undefined;
    this.kind = entryType && this.subField ? propertyKind(entryType, this.subField) : 'string';
  }

  appliesTo(recordType: string): boolean {
    return this.declaringType !== undefined && isDerivedFrom(recordType, this.declaringType);
  }

  read(record: Data): unknown {
    const entry = this.entryIn(record);
    return entry === undefined ? undefined : this.subField ? entry[this.subField] : entry.$value;
  }

  project(into: Data, from: Data): void {
    const entry = this.entryIn(from);
    if (!entry || this.property === undefined) return;
    const picked = this.subField ? { [this.keyAttribute]: entry[this.keyAttribute], [this.subField]: entry[this.subField] } : entry;
    if (this.subField && picked[this.subField] === undefined) return;
    into[this.property] = this.merged(into[this.property], picked);
  }

  write(into: Data, from: Data): string[] {
    const entry = this.property === undefined ? undefined : this.entryIn(from) ?? (from[this.property] as Data[] | undefined)?.[0];
    if (!entry || this.property === undefined) throw new ResponseError('ErrorIncorrectUpdatePropertyCount');
    const picked = this.subField ? { [this.keyAttribute]: this.index, [this.subField]: entry[this.subField] } : { ...entry, [this.keyAttribute]: this.index };
    into[this.property] = this.merged(into[this.property], picked);
    return [this.property];
  }

  remove(from: Data): string[] {
    if (this.property === undefined) return [];
    const entries = (from[this.property] as Data[] | undefined) ?? [];
    const kept = entries.flatMap((entry) => {
      if (!this.matches(entry)) return [entry];
      if (!this.subField) return [];
      const { [this.subField]: _removed, ...rest } = entry;
      return [rest];
    });
    if (kept.length > 0) from[this.property] = kept;
    else delete from[this.property];
    return [this.property];
  }

  private entryIn(record: Data): Data | undefined {
    return this.property === undefined ? undefined : (record[this.property] as Data[] | undefined)?.find((entry) => this.matches(entry));
  }

  private matches(entry: Data): boolean {
    return String(entry[this.keyAttribute]).toLowerCase() === this.index.toLowerCase();
  }

  /** The entries with `picked` merged into the entry of the same key (or added). */
  private merged(existing: unknown, picked: Data): Data[] {
    const entries = (existing as Data[] | undefined) ?? [];
    const at = entries.findIndex((entry) => this.matches(entry));
    if (at < 0) return [...entries, picked];
    return entries.map((entry, i) => (i === at ? { ...entry, ...picked } : entry));
  }
}

const EXTENDED_KIND: Readonly<Record<string, ValueKind>> = {
  Boolean: 'boolean', Short: 'number', Integer: 'number', Long: 'number', Float: 'number', Double: 'number',
  Currency: 'number', ApplicationTime: 'number', SystemTime: 'dateTime', String: 'string',
};

/** A MAPI property by tag, or a named property by property set and name or id. */
class ExtendedPath implements PropertyPath {
  readonly description: string;
  readonly kind: ValueKind;
  readonly messageXml;
  readonly property = 'ExtendedProperty';
  private readonly identity: string;

  constructor(uri: t.PathToExtendedFieldType) {
    this.identity = extendedIdentity(uri);
    this.description = `extended ${this.identity}`;
    this.kind = EXTENDED_KIND[uri.PropertyType] ?? 'string';
    const { $el: _el, ...attributes } = uri as t.PathToExtendedFieldType & { $el?: string };
    this.messageXml = echo({ $el: 'ExtendedFieldURI', ...attributes });
  }

  appliesTo(): boolean {
    return true;
  }

  read(record: Data): unknown {
    const property = this.entryIn(record);
    return property?.Value ?? property?.Values;
  }

  project(into: Data, from: Data): void {
    const property = this.entryIn(from);
    if (property) into.ExtendedProperty = [...((into.ExtendedProperty as t.ExtendedPropertyType[] | undefined) ?? []), property];
  }

  write(into: Data, from: Data): string[] {
    const property = this.entryIn(from) ?? (from.ExtendedProperty as t.ExtendedPropertyType[] | undefined)?.[0];
    if (!property) throw new ResponseError('ErrorIncorrectUpdatePropertyCount');
    const others = ((into.ExtendedProperty as t.ExtendedPropertyType[] | undefined) ?? []).filter((p) => extendedIdentity(p.ExtendedFieldURI) !== this.identity);
    into.ExtendedProperty = [...others, property];
    return ['ExtendedProperty'];
  }

  remove(from: Data): string[] {
    const kept = ((from.ExtendedProperty as t.ExtendedPropertyType[] | undefined) ?? []).filter((p) => extendedIdentity(p.ExtendedFieldURI) !== this.identity);
    if (kept.length > 0) from.ExtendedProperty = kept;
    else delete from.ExtendedProperty;
    return ['ExtendedProperty'];
  }

  private entryIn(record: Data): t.ExtendedPropertyType | undefined {
    return (record.ExtendedProperty as t.ExtendedPropertyType[] | undefined)?.find((p) => extendedIdentity(p.ExtendedFieldURI) === this.identity);
  }
}

/** Identity of an extended property: tag `0x1000` and `4096` are the same; names compare case-sensitively, as in MAPI. */
function extendedIdentity(uri: t.PathToExtendedFieldType): string {
  if (uri.PropertyTag !== undefined) return `tag:${Number(uri.PropertyTag)}`;
  const set = uri.DistinguishedPropertySetId ?? uri.PropertySetId?.toLowerCase() ?? '';
  return uri.PropertyName !== undefined ? `set:${set}:name:${uri.PropertyName}` : `set:${set}:id:${uri.PropertyId}`;
}

