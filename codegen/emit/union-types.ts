/**
 * The TS type of an xs:union: the union of its members' TS types (an enumeration member by its name,
 * any other member by its built-in's TS type), each once. `ReminderMinutesBeforeStartType` (two int
 * ranges) is `number`; `PropertyTagType` (unsignedShort or a hex string) is `number | string`.
 */
import type { SchemaSet } from '../../src/schema/descriptors';
import { builtinTsType } from './ts-types';

export function unionTsType(schema: SchemaSet, members: readonly string[], named: (ref: string) => string): string {
  const parts = new Set<string>();
  const add = (ref: string): void => {
    const type = schema.types[ref];
    if (!type) parts.add(builtinTsType(ref));
    else if (type.kind !== 'simple') throw new Error(`union member ${ref} is not a simple type`);
    else if (type.union) type.union.forEach(add);
    else if (type.enum || type.list) parts.add(named(ref));
    else parts.add(builtinTsType(type.builtin));
  };
  members.forEach(add);
  // A member that only narrows `string` (an enumeration) adds nothing beside `string` itself.
  if (parts.has('string')) for (const part of [...parts]) if (part !== 'string' && isStringEnum(schema, part)) parts.delete(part);
  return [...parts].join(' | ');
}

function isStringEnum(schema: SchemaSet, name: string): boolean {
  const type = schema.types[name.replace(/^\w+\./, '')];
  return type?.kind === 'simple' && type.enum !== undefined;
}
