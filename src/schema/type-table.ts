/**
 * The type descriptors as the generator emits them: one line per type, `Name {JSON}`, parsed one type
 * at a time when first read. A call touches a few dozen of the 1,195 types; parsing all of them up
 * front (614 KB of JSON) was most of loading the descriptors, paid by the first call of every process.
 *
 * Each type is an enumerable property whose getter parses its line and replaces itself with the plain
 * value, so after the first read a lookup is an ordinary property access, and `Object.values` or
 * `JSON.stringify` still see every type (parsing them all).
 */
import type { TypeDesc } from './descriptors';

/** Between a type's name and its JSON on one line of the table. */
export const TYPE_TABLE_SEPARATOR = ' ';

export function typesFromTable(table: string): Readonly<Record<string, TypeDesc>> {
  const types: Record<string, TypeDesc> = {};
  for (let start = 0; start < table.length;) {
    let end = table.indexOf('\n', start);
    if (end < 0) end = table.length;
    const separator = table.indexOf(TYPE_TABLE_SEPARATOR, start);
    if (separator > start && separator < end) defineLazily(types, table.slice(start, separator), table, separator + 1, end);
    start = end + 1;
  }
  return types;
}

function defineLazily(types: Record<string, TypeDesc>, name: string, table: string, from: number, to: number): void {
  Object.defineProperty(types, name, {
    enumerable: true,
    configurable: true,
    get() {
      const desc = JSON.parse(table.slice(from, to)) as TypeDesc;
      Object.defineProperty(types, name, { value: desc, enumerable: true, configurable: false, writable: false });
      return desc;
    },
  });
}
