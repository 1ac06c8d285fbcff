/**
 * The type descriptors as the generator emits them: one line per type, `Name {JSON}`, parsed one type
 * at a time when first read. A call touches a few dozen of the 1,195 types; parsing all of them up
 * front (614 KB of JSON) was most of loading the descriptors, paid by the first call of every process.
 *
 * The record is a read-only Proxy over an index of the lines (name → where its JSON starts): lookups,
 * `in`, `Object.keys`, `Object.values` and `JSON.stringify` behave as on a plain record, parsing what
 * they read. Defining one lazy getter per type instead cost 6–8 ms of CPU per process (1,195
 * `defineProperty` calls with a closure each), more than the first call's own reading; the index is
 * one pass over the text (0.4 ms).
 */
import type { TypeDesc } from './descriptors';

/** Between a type's name and its JSON on one line of the table. */
export const TYPE_TABLE_SEPARATOR = ' ';

interface TableState {
  readonly table: string;
  /** Type name → offset of its JSON in `table` (the line runs to the next newline). */
  readonly starts: ReadonlyMap<string, number>;
  readonly parsed: Map<string, TypeDesc>;
}

/** The state behind each table record, for `parsedTypeNames`. */
const states = new WeakMap<object, TableState>();

export function typesFromTable(table: string): Readonly<Record<string, TypeDesc>> {
  const state: TableState = { table, starts: indexLines(table), parsed: new Map() };
  const record = new Proxy<Record<string, TypeDesc>>({}, {
    get: (target, key, receiver) => (typeof key === 'string' && state.starts.has(key) ? typeAt(state, key) : Reflect.get(target, key, receiver)),
    has: (target, key) => (typeof key === 'string' && state.starts.has(key)) || Reflect.has(target, key),
    ownKeys: () => [...state.starts.keys()],
    // A getter, so that `Object.keys` (which asks for every descriptor) parses nothing.
    getOwnPropertyDescriptor: (target, key) => (typeof key === 'string' && state.starts.has(key)
      ? { get: () => typeAt(state, key), enumerable: true, configurable: true }
      : Reflect.getOwnPropertyDescriptor(target, key)),
    // The descriptors are shared by every client of the process: read-only, as the type says.
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  states.set(record, state);
  return record;
}

/** The names of the types of a table record that have been parsed so far, in the order they were read. */
export function parsedTypeNames(types: Readonly<Record<string, TypeDesc>>): string[] {
  return [...(states.get(types)?.parsed.keys() ?? [])];
}

function indexLines(table: string): Map<string, number> {
  const starts = new Map<string, number>();
  for (let start = 0; start < table.length;) {
    let end = table.indexOf('\n', start);
    if (end < 0) end = table.length;
    const separator = table.indexOf(TYPE_TABLE_SEPARATOR, start);
    if (separator > start && separator < end) starts.set(table.slice(start, separator), separator + 1);
    start = end + 1;
  }
  return starts;
}

function typeAt(state: TableState, name: string): TypeDesc {
  let desc = state.parsed.get(name);
  if (desc === undefined) {
    const from = state.starts.get(name)!;
    const to = state.table.indexOf('\n', from);
    desc = JSON.parse(state.table.slice(from, to < 0 ? state.table.length : to)) as TypeDesc;
    state.parsed.set(name, desc);
  }
  return desc;
}
