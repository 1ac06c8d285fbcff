/**
 * Reach facts: per type, what a value of it may hold at most. The request check (src/versions/) skips
 * every part of a request whose type can hold nothing the client's release lacks; it used to find that
 * out by walking the type graph in each process, parsing the descriptor of every type reachable from
 * the request (111 of them for a CreateItem of calendar items, where writing it needs 31), on the
 * first call. The generator knows the whole graph, so it computes the answer once.
 *
 * A type's reach fact has the form of a version fact: the newest set any member reachable from it
 * starts in, and, when a reachable member was dropped, the earliest set after which one was. So a
 * release lacks something a value of the type may hold exactly when it "fails" that fact (newer than
 * its start, or after its end). Types from which nothing newer or dropped is reachable get no entry.
 */
import type { SchemaSet, TypeRef } from '../../src/schema/descriptors';
import { factSince, factUntil, type VersionFact } from '../../src/schema/version-facts';

/**
 * `members` are the member facts by type and member (`Element`, `@attribute`, `=value`). What counts as
 * reachable is what a request value can hold: attributes, text, the elements of each field (every
 * alternative of a choice), list items, and the content an extension inherits from its base.
 */
export function reachFacts(schema: SchemaSet, members: Readonly<Record<string, Readonly<Record<string, VersionFact>>>>): Map<string, VersionFact> {
  const reach = new Map<string, VersionFact>();
  for (const name of Object.keys(schema.types)) {
    let newest = 0;
    let droppedAfter = Infinity;
    for (const reached of reachableTypes(schema, name)) {
      for (const fact of Object.values(members[reached] ?? {})) {
        newest = Math.max(newest, factSince(fact));
        droppedAfter = Math.min(droppedAfter, factUntil(fact) ?? Infinity);
      }
    }
    if (newest > 0 || droppedAfter !== Infinity) reach.set(name, droppedAfter === Infinity ? newest : [newest, droppedAfter]);
  }
  return reach;
}

/** The type and every type a value of it may contain, itself included. */
function reachableTypes(schema: SchemaSet, from: TypeRef): Set<TypeRef> {
  const seen = new Set<TypeRef>();
  const pending = [from];
  const visit = (ref: TypeRef | undefined) => {
    if (ref !== undefined && !seen.has(ref) && schema.types[ref]) pending.push(ref);
  };
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const type = schema.types[ref];
    if (type.kind === 'simple') {
      visit(type.list);
      continue;
    }
    for (const attribute of type.attributes) visit(attribute.type);
    visit(type.text);
    for (const field of type.fields) {
      if (field.kind === 'element') visit(field.element.type);
      else if (field.kind === 'compound') for (const alternative of field.alternatives) visit(alternative.type);
    }
    if (type.derivation === 'extension') visit(type.base);
  }
  return seen;
}
