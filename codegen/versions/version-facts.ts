/**
 * Computes the version facts of a schema: for every operation, type, element, attribute and
 * enumeration value, the first compared set whose schema has it and, when later releases dropped it,
 * the last one. Doubtful sets (codegen/versions/overlay.ts) inform but never decide: a fact may start
 * at a doubtful set only when every trusted set after it agrees, and an absence is only believed when
 * a trusted set shows it (so nothing is "removed" on the word of a doubtful set). Types a set's
 * uploader rewrote are no evidence in that set.
 */
import type { OperationDesc, SchemaSet } from '../../src/schema/descriptors';
import { encodeFacts, FACT_SEPARATOR, versionLookup, type VersionFact, type VersionFacts } from '../../src/schema/version-facts';
import { SchemaError } from '../xsd/xml-tree';
import { reachFacts } from './reach-facts';
import { ComparedSet, doubtOf, longestVersionList } from './schema-sets';

/** Key of an item: `o:Op`, `t:Type`, or `m:Type/Element`, `m:Type/@attr`, `m:Type/=value`. */
type ItemKey = string;

/** Every item of a schema, by key. */
export function schemaItems(schema: SchemaSet, inferFrom?: readonly OperationDesc[]): Set<ItemKey> {
  const items = new Set<ItemKey>();
  const operations = inferFrom
    ? inferFrom.filter((op) => schema.elements[op.request] && schema.elements[op.response])
    : Object.values(schema.operations);
  for (const op of operations) items.add(`o:${op.name}`);
  for (const type of Object.values(schema.types)) {
    items.add(`t:${type.name}`);
    if (type.kind === 'simple') {
      for (const value of type.enum ?? []) items.add(`m:${type.name}/=${value}`);
      continue;
    }
    for (const attr of type.attributes) items.add(`m:${type.name}/@${attr.name}`);
    for (const field of type.fields) {
      if (field.kind === 'element') items.add(`m:${type.name}/${field.element.name}`);
      else if (field.kind === 'compound') for (const alt of field.alternatives) items.add(`m:${type.name}/${alt.name}`);
    }
  }
  return items;
}

type Evidence = 'present' | 'absent' | 'unknown';

export function computeVersionFacts(target: SchemaSet, sets: readonly ComparedSet[]): VersionFacts {
  const allOperations = uniqueOperations(sets);
  const itemsOf = sets.map((s) => (s.schema === target ? schemaItems(target) : schemaItems(s.schema, s.inferredOperations ? allOperations : undefined)));
  const evidence = (setIndex: number, key: ItemKey): Evidence => {
    const set = sets[setIndex];
    const doubt = doubtOf(set);
    if (doubt?.editedTypes?.includes(typeOfKey(key))) return 'unknown';
    if (itemsOf[setIndex].has(key)) return 'present';
    return doubt ? 'unknown' : 'absent';
  };
  const facts = { operations: {} as Record<string, VersionFact>, types: {} as Record<string, VersionFact>, members: {} as Record<string, Record<string, VersionFact>> };
  for (const key of schemaItems(target)) {
    const fact = factOf(key, sets.length, evidence);
    if (fact === undefined) continue;
    const body = key.slice(2);
    if (body.includes(FACT_SEPARATOR)) throw new SchemaError(`${body} contains ${FACT_SEPARATOR}, the separator of encoded version facts`);
    if (key.startsWith('o:')) facts.operations[body] = fact;
    else if (key.startsWith('t:')) facts.types[body] = fact;
    else {
      const slash = body.indexOf('/');
      (facts.members[body.slice(0, slash)] ??= {})[body.slice(slash + 1)] = fact;
    }
  }
  return {
    order: longestVersionList(sets),
    sets: sets.map((s) => ({ name: s.name, version: s.version, ...(doubtOf(s) && { doubtful: doubtOf(s)!.reason }) })),
    operations: encodeFacts(Object.entries(facts.operations)),
    types: encodeFacts(Object.entries(facts.types)),
    members: Object.fromEntries(Object.entries(facts.members).map(([type, members]) => [type, encodeFacts(Object.entries(members))])),
    reach: encodeFacts(reachFacts(target, facts.members)),
  };
}

/** undefined: in the baseline (oldest) set and never dropped, so no fact is needed. */
function factOf(key: ItemKey, count: number, evidence: (set: number, key: ItemKey) => Evidence): VersionFact | undefined {
  const seen = Array.from({ length: count }, (_, i) => evidence(i, key));
  const last = seen.lastIndexOf('present');
  if (last < 0) return undefined; // only in the target, whose evidence is 'present': cannot happen
  // The earliest presence that no trusted absence follows (up to the last presence).
  let first = last;
  for (let i = last - 1; i >= 0; i--) {
    if (seen[i] === 'absent') break;
    if (seen[i] === 'present') first = i;
  }
  const dropped = seen.slice(last + 1).includes('absent');
  if (first === 0 && !dropped) return undefined;
  return dropped ? [first, last] : first;
}

function typeOfKey(key: ItemKey): string {
  if (key.startsWith('o:')) return '';
  const body = key.slice(2);
  const slash = body.indexOf('/');
  return slash < 0 ? body : body.slice(0, slash);
}

function uniqueOperations(sets: readonly ComparedSet[]): OperationDesc[] {
  const byName = new Map<string, OperationDesc>();
  for (const set of sets) if (!set.inferredOperations) for (const op of Object.values(set.schema.operations)) byName.set(op.name, op);
  return [...byName.values()];
}

/** Counts for the generator's report: facts by kind, and how many items later releases dropped. */
export function countFacts(facts: VersionFacts): { operations: number; types: number; elements: number; attributes: number; enumValues: number; dropped: number } {
  const counts = { operations: 0, types: 0, elements: 0, attributes: 0, enumValues: 0, dropped: 0 };
  for (const [kind, name, fact] of versionLookup(facts).all()) {
    if (typeof fact !== 'number') counts.dropped++;
    if (kind === 'operation') counts.operations++;
    else if (kind === 'type') counts.types++;
    else {
      const member = name.slice(name.indexOf('/') + 1);
      if (member.startsWith('@')) counts.attributes++;
      else if (member.startsWith('=')) counts.enumValues++;
      else counts.elements++;
    }
  }
  return counts;
}
