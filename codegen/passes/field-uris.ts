/**
 * Pass: FieldURIs. Every value of t:UnindexedFieldURIType (`item:Subject`, `calendar:Start`) names an
 * element of an item or folder type; this resolves each to its owner type and property once, so the
 * runtime (UpdateItem changes, property sets, restrictions) never restates the mapping. Values that
 * name no element (search-only or computed properties, or prefixes without an item type) are listed
 * as such rather than guessed.
 */
import type { ComplexTypeDesc, SchemaSet } from '../../src/schema/descriptors';
import { overlay } from '../overlay';

export interface FieldUriTarget {
  /** The type that declares the element (ItemType for `item:Subject`, even when used on a CalendarItem). */
  readonly type: string;
  readonly prop: string;
}

export interface FieldUriMap {
  readonly resolved: Record<string, FieldUriTarget>;
  /** FieldURI → why it has no element. */
  readonly unresolved: Record<string, string>;
}

export function resolveFieldUris(schema: SchemaSet): FieldUriMap {
  const resolved: Record<string, FieldUriTarget> = {};
  const unresolved: Record<string, string> = {};
  const values = schema.types.UnindexedFieldURIType;
  if (!values || values.kind !== 'simple' || !values.enum) return { resolved, unresolved };
  for (const uri of values.enum) {
    const [prefix, name] = uri.split(':');
    const owner = overlay.fieldUriOwners[prefix];
    if (!owner) {
      unresolved[uri] = `no item or folder type for prefix '${prefix}'`;
      continue;
    }
    const target = declaringType(schema, owner, overlay.fieldUriElements[uri] ?? name);
    if (target) resolved[uri] = target;
    else unresolved[uri] = `${owner} and its bases have no element ${name}`;
  }
  return { resolved, unresolved };
}

/** The type declaring `prop`: the owner or one of its bases, else a type derived from the owner. */
function declaringType(schema: SchemaSet, owner: string, prop: string): FieldUriTarget | undefined {
  const declares = (type: ComplexTypeDesc) => type.fields.some((f) => f.prop === prop);
  for (const type of chain(schema, owner)) if (declares(type)) return { type: type.name, prop };
  for (const type of Object.values(schema.types)) {
    if (type.kind === 'complex' && declares(type) && chain(schema, type.name).some((t) => t.name === owner)) {
      return { type: type.name, prop };
    }
  }
  return undefined;
}

/** A type and its bases, nearest first. */
function chain(schema: SchemaSet, name: string): ComplexTypeDesc[] {
  const types: ComplexTypeDesc[] = [];
  for (let type = complex(schema, name); type; type = type.base ? complex(schema, type.base) : undefined) types.push(type);
  return types;
}

function complex(schema: SchemaSet, name: string): ComplexTypeDesc | undefined {
  const type = schema.types[name];
  return type?.kind === 'complex' ? type : undefined;
}
