/** Pass: simple types → SimpleTypeDesc (built-in root, enumeration, list item, union members, facets). */
import type { BuiltinTypeName, SimpleTypeDesc } from '../../src/schema/descriptors';
import { QName, SchemaModel, SimpleTypeModel, XS_NS, qnameKey } from '../model';
import { SchemaError } from '../xsd/xml-tree';
import { TypeNames } from './type-names';

export const BUILTINS: ReadonlySet<string> = new Set<BuiltinTypeName>([
  'xs:string', 'xs:normalizedString', 'xs:token', 'xs:language', 'xs:anyURI', 'xs:QName', 'xs:NCName', 'xs:ID',
  'xs:boolean', 'xs:int', 'xs:short', 'xs:byte', 'xs:long', 'xs:integer', 'xs:nonNegativeInteger',
  'xs:positiveInteger', 'xs:unsignedInt', 'xs:unsignedShort', 'xs:unsignedByte', 'xs:unsignedLong', 'xs:decimal',
  'xs:double', 'xs:float', 'xs:dateTime', 'xs:date', 'xs:time', 'xs:duration', 'xs:base64Binary', 'xs:hexBinary',
  'xs:anyType', 'xs:anySimpleType',
]);

export function simpleTypeDescs(model: SchemaModel, names: TypeNames): SimpleTypeDesc[] {
  const out: SimpleTypeDesc[] = [];
  for (const type of model.types.values()) {
    if (type.kind !== 'simple') continue;
    const desc: SimpleTypeDesc = {
      kind: 'simple',
      name: names.ref(type.name),
      ns: names.prefix(type.name),
      builtin: builtinOf(model, type, names),
      ...(type.enumeration && { enum: type.enumeration }),
      ...(type.variety === 'list' && { list: names.ref(type.itemType!) }),
      ...(type.variety === 'union' && { union: type.memberTypes!.map((m) => names.ref(m)) }),
      ...(Object.keys(type.facets).length > 0 && { facets: type.facets }),
    };
    out.push(desc);
  }
  return out;
}

/** The built-in at the root of a simple type's derivation (for a list: of its item type). */
export function builtinOf(model: SchemaModel, type: SimpleTypeModel, names: TypeNames, seen = new Set<string>()): BuiltinTypeName {
  if (type.variety === 'union') return unionBuiltin(model, type, names, seen);
  const next: QName = type.variety === 'list' ? type.itemType! : type.base!;
  if (next.uri === XS_NS) return builtinName(next, type);
  const key = qnameKey(next);
  if (seen.has(key)) throw new SchemaError(`circular simple type derivation at ${next.local}`, type.location);
  seen.add(key);
  const base = model.types.get(key);
  if (!base || base.kind !== 'simple') throw new SchemaError(`simple type ${type.name.local} derives from unknown ${next.local}`, type.location);
  return builtinOf(model, base, names, seen);
}

export function builtinName(name: QName, at?: { location: SimpleTypeModel['location'] }): BuiltinTypeName {
  const ref = `xs:${name.local}`;
  if (!BUILTINS.has(ref)) throw new SchemaError(`unsupported built-in type ${ref}`, at?.location);
  return ref as BuiltinTypeName;
}

/**
 * A union whose members all restrict one built-in (ReminderMinutesBeforeStartType: two xs:int ranges) is
 * read and written as that built-in; any other union keeps the lexical string.
 */
function unionBuiltin(model: SchemaModel, type: SimpleTypeModel, names: TypeNames, seen: Set<string>): BuiltinTypeName {
  const builtins = new Set(type.memberTypes!.map((member) => {
    if (member.uri === XS_NS) return builtinName(member, type);
    const memberType = model.types.get(qnameKey(member));
    if (!memberType || memberType.kind !== 'simple') throw new SchemaError(`union ${type.name.local} has unknown member ${member.local}`, type.location);
    return builtinOf(model, memberType, names, new Set(seen));
  }));
  return builtins.size === 1 ? [...builtins][0] : 'xs:string';
}
