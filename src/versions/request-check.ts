/**
 * Checks a request body against a RequestServerVersion with the version facts of the descriptors:
 * every operation, element, attribute, xsi:type and enumeration value the request uses must exist in
 * that release. Walks the value along the descriptors the way the writer does (same instance model),
 * without writing anything, and reports each offending item with its path.
 */
import {
  ELEMENT_TAG_PROP, VALUE_PROP, XSI_TYPE_PROP,
  type ComplexTypeDesc, type ElementDesc, type SchemaSet, type TypeRef,
} from '../schema/descriptors';
import { insertSorted, isPlainObject } from '../runtime/plain-objects';
import { factSince, factUntil, versionLookup, type VersionFact, type VersionFacts, type VersionLookup } from '../schema/version-facts';

export interface VersionIssue {
  /** Where in the request, as element names from the body element (`/m:FindItem/m:QueryString`). */
  readonly path: string;
  /** What is missing from the release: `operation FindPeople`, `element t:Foo of BarType`, `attribute X of T`, `value "V" of T`, `type T`. */
  readonly item: string;
  /** The first release that has it. */
  readonly since: string;
  /** The last release that has it, when later ones dropped it. */
  readonly until?: string;
  /** The schema set the fact comes from (`exchange2013-sp1`), and whether that set is doubtful. */
  readonly source: string;
  readonly doubtfulSource: boolean;
}

type Record_ = Readonly<Record<string, unknown>>;

/** A SOAP header of the request: its global element (`t:DateTimePrecision`) and value. */
export interface RequestHeader {
  readonly element: string;
  readonly value: unknown;
}

/**
 * Issues of one request (operation, body element value and SOAP headers) for `version`; empty when the
 * release has everything. A header is checked like the body: its element's type and what its value holds.
 */
export function findVersionIssues(
  schema: SchemaSet, operation: { readonly name: string; readonly request: string }, request: unknown, version: string,
  headers: readonly RequestHeader[] = [],
): VersionIssue[] {
  const facts = schema.versions;
  if (!facts) return [];
  const versionIndex = facts.order.indexOf(version);
  if (versionIndex < 0 || versionIndex >= newestSinceIndex(facts)) return [];
  return new RequestWalker(schema, facts, versionIndex).run(operation, request, headers);
}

/** The oldest release with everything the request uses (the baseline release when nothing is newer). */
export function oldestVersionFor(
  schema: SchemaSet, operation: { readonly name: string; readonly request: string }, request: unknown, headers: readonly RequestHeader[] = [],
): string | undefined {
  const facts = schema.versions;
  if (!facts) return undefined;
  const baseline = facts.sets[0].version;
  const issues = new RequestWalker(schema, facts, facts.order.indexOf(baseline)).run(operation, request, headers);
  return issues.reduce((newest, issue) => (facts.order.indexOf(issue.since) > facts.order.indexOf(newest) ? issue.since : newest), baseline);
}

const newestSince = new WeakMap<VersionFacts, number>();

/** Order index of the newest release any fact starts in: clients at or above it need no walk (a dropped item aside). */
function newestSinceIndex(facts: VersionFacts): number {
  let cached = newestSince.get(facts);
  if (cached === undefined) {
    // Per set rather than per fact: decoding every member table would cost what the lookup saves.
    const newest = Math.max(...facts.sets.map((s) => facts.order.indexOf(s.version)));
    const dropped = /\d-\d/.test(facts.operations) || /\d-\d/.test(facts.types) || Object.values(facts.members).some((m) => /\d-\d/.test(m));
    cached = dropped ? facts.order.length : newest;
    newestSince.set(facts, cached);
  }
  return cached;
}

class RequestWalker {
  /** Where the walk is: element declarations (named only when an issue is recorded) and attribute steps. */
  private readonly path: (ElementDesc | string)[] = [];
  private readonly issues: VersionIssue[] = [];
  private readonly lookup: VersionLookup;
  private readonly pruning: SubtreePruning;

  constructor(private readonly schema: SchemaSet, private readonly facts: VersionFacts, private readonly versionIndex: number) {
    this.lookup = versionLookup(facts);
    this.pruning = subtreePruning(facts, versionIndex, (fact) => this.fails(fact));
  }

  /** Whether the release lacks what the fact describes: newer than it, or dropped before it. */
  private fails(fact: VersionFact): boolean {
    const lastIndex = factUntil(fact);
    return this.facts.order.indexOf(this.facts.sets[factSince(fact)].version) > this.versionIndex
      || (lastIndex !== undefined && this.facts.order.indexOf(this.facts.sets[lastIndex].version) < this.versionIndex);
  }

  run(operation: { readonly name: string; readonly request: string }, request: unknown, headers: readonly RequestHeader[]): VersionIssue[] {
    this.check(this.lookup.operation(operation.name), `operation ${operation.name}`);
    for (const header of headers) {
      const element = this.schema.elements[header.element];
      if (!element || header.value === undefined || header.value === null) continue;
      this.path.push('soap:Header');
      // A header the release lacks is one issue; what its value holds is only looked into otherwise.
      if (!this.check(this.lookup.type(element.type), `header ${header.element} (${element.type})`, element)) this.element(element, header.value);
      this.path.pop();
    }
    const element = this.schema.elements[operation.request];
    if (element) this.element(element, request);
    return this.issues;
  }

  private element(element: ElementDesc, value: unknown): void {
    if (value === undefined || value === null) return;
    this.path.push(element);
    this.value(element.type, value);
    this.path.pop();
  }

  private value(typeRef: TypeRef, value: unknown): void {
    const type = this.schema.types[typeRef];
    if (!type) return;
    // Most of a request cannot hold anything newer than the client's release: skip what cannot (a value
    // naming its own xsi:type may be of a newer derived type, so it is always walked).
    if (!this.pruning.mayFail(typeRef) && (typeof value !== 'object' || value === null || (value as Record_)[XSI_TYPE_PROP] === undefined)) return;
    if (type.kind === 'simple') {
      this.simple(typeRef, value);
      return;
    }
    if (type.wrapper) {
      const field = type.fields[0];
      if (Array.isArray(value)) this.field(type, field, value);
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record_;
    const declared = record[XSI_TYPE_PROP];
    let actual: ComplexTypeDesc = type;
    if (typeof declared === 'string' && this.schema.types[declared]?.kind === 'complex') {
      actual = this.schema.types[declared] as ComplexTypeDesc;
      this.check(this.lookup.type(declared), `type ${declared}`);
    }
    for (let current: ComplexTypeDesc | undefined = actual; current; current = this.baseOf(current)) {
      const risky = this.pruning.risky(current);
      for (const attribute of risky.attributes) {
        const attributeValue = record[attribute.prop];
        if (attributeValue === undefined || attributeValue === null) continue;
        const fact = this.member(current.name, `@${attribute.name}`);
        if (fact !== undefined && this.fails(fact)) this.check(fact, `attribute ${attribute.name} of ${current.name}`);
        this.simple(attribute.type, attributeValue, `@${attribute.name}`);
      }
      if (current.text && record[VALUE_PROP] !== undefined) this.simple(current.text, record[VALUE_PROP]);
      if (risky.fields.length <= FEW_FIELDS || !isPlainObject(record)) {
        for (const field of risky.fields) if (record[field.prop] !== undefined) this.field(current, field, record[field.prop]);
      } else {
        for (const index of presentFields(risky, record)) this.field(current, risky.fields[index], record[risky.fields[index].prop]);
      }
      if (current.derivation !== 'extension') break;
    }
  }

  /** The base whose content an extension adds to. */
  private baseOf(type: ComplexTypeDesc): ComplexTypeDesc | undefined {
    const base = type.base ? this.schema.types[type.base] : undefined;
    return type.derivation === 'extension' && base?.kind === 'complex' ? base : undefined;
  }

  private field(owner: ComplexTypeDesc, field: ComplexTypeDesc['fields'][number], value: unknown): void {
    if (field.kind === 'any') return;
    const many = (field.kind === 'compound' || field.many) && Array.isArray(value);
    if (field.kind === 'element') {
      const fact = this.member(owner.name, field.element.name);
      if (fact !== undefined && this.fails(fact)) this.check(fact, `element ${field.element.ns}:${field.element.name} of ${owner.name}`, field.element);
      if (!many) this.element(field.element, value);
      else for (const item of value as unknown[]) this.element(field.element, item);
      return;
    }
    if (!many) this.entry(owner, field, value as Record_);
    else for (const entry of value as Record_[]) this.entry(owner, field, entry);
  }

  private entry(owner: ComplexTypeDesc, field: ComplexTypeDesc['fields'][number] & { kind: 'compound' }, entry: Record_): void {
    const alternative = entry && field.alternatives.find((alt) => alt.name === entry[ELEMENT_TAG_PROP]);
    if (!alternative) return;
    const fact = this.member(owner.name, alternative.name);
    if (fact !== undefined && this.fails(fact)) this.check(fact, `element ${alternative.ns}:${alternative.name} of ${owner.name}`, alternative);
    const target = this.schema.types[alternative.type];
    this.element(alternative, target?.kind === 'complex' && !target.wrapper ? entry : entry[VALUE_PROP]);
  }

  private simple(typeRef: TypeRef, value: unknown, attribute?: string): void {
    const type = this.schema.types[typeRef];
    if (type?.kind !== 'simple') return;
    if (type.list) {
      if (Array.isArray(value)) for (const item of value) this.simple(type.list, item, attribute);
      return;
    }
    if (!type.enum || typeof value !== 'string') return;
    const fact = this.member(type.name, `=${value}`);
    if (fact === undefined) return;
    if (attribute) this.path.push(attribute);
    this.check(fact, `value ${JSON.stringify(value)} of ${type.name}`);
    if (attribute) this.path.pop();
  }

  private member(type: string, member: string): VersionFact | undefined {
    return this.lookup.member(type, member);
  }

  /** Records an issue (and returns true) when the fact says the release lacks the item; `element` is pushed on the path for the message. */
  private check(fact: VersionFact | undefined, item: string, element?: ElementDesc): boolean {
    if (fact === undefined || !this.fails(fact)) return false;
    const first = this.facts.sets[factSince(fact)];
    const lastIndex = factUntil(fact);
    const last = lastIndex === undefined ? undefined : this.facts.sets[lastIndex];
    const where = element ? [...this.path, element] : this.path;
    this.issues.push({
      path: `/${where.map((step) => (typeof step === 'string' ? step : `${step.ns}:${step.name}`)).join('/')}`, item, since: first.version, ...(last && { until: last.version }),
      source: first.name, doubtfulSource: first.doubtful !== undefined,
    });
    return true;
  }
}

/** Per type, whether a value of it can hold anything a release lacks: computed once per schema and release. */
interface SubtreePruning {
  mayFail(typeRef: TypeRef): boolean;
  /** The attributes and fields of the type's own declaration that may hold something the release lacks. */
  risky(type: ComplexTypeDesc): RiskyMembers;
}

interface RiskyMembers {
  readonly attributes: ComplexTypeDesc['attributes'];
  readonly fields: ComplexTypeDesc['fields'];
  /** prop → index in `fields`. */
  readonly fieldIndex: ReadonlyMap<string, number>;
}

/** Up to this many risky fields, each is looked up; beyond, the object's own keys are (see presentFields). */
const FEW_FIELDS = 8;

/**
 * Indexes of the risky fields a plain object holds, in schema order, found from its keys: a CalendarItem
 * type has dozens of fields newer than a release but an object holds a handful, and a keyed read per
 * risky field was most of the check's time on a CreateItem of many items.
 */
function presentFields(risky: RiskyMembers, record: Record_): number[] {
  const present: number[] = [];
  for (const key in record) {
    const index = risky.fieldIndex.get(key);
    if (index === undefined || record[key] === undefined) continue;
    insertSorted(present, index);
  }
  return present;
}

const prunings = new WeakMap<VersionFacts, Map<number, SubtreePruning>>();

function subtreePruning(facts: VersionFacts, versionIndex: number, fails: (fact: VersionFact) => boolean): SubtreePruning {
  let byVersion = prunings.get(facts);
  if (!byVersion) prunings.set(facts, byVersion = new Map());
  let pruning = byVersion.get(versionIndex);
  if (!pruning) byVersion.set(versionIndex, pruning = new TypeReach(versionLookup(facts), fails));
  return pruning;
}

/**
 * Which types may hold something the release lacks, from the generator's reach facts (the type graph
 * walked once, in codegen/versions/reach-facts.ts): no descriptor is read to decide it.
 */
class TypeReach implements SubtreePruning {
  constructor(private readonly lookup: VersionLookup, private readonly fails: (fact: VersionFact) => boolean) {}

  mayFail(typeRef: TypeRef): boolean {
    const reach = this.lookup.reach(typeRef);
    return reach !== undefined && this.fails(reach);
  }

  private readonly riskyMembers = new Map<string, RiskyMembers>();

  risky(type: ComplexTypeDesc): RiskyMembers {
    let members = this.riskyMembers.get(type.name);
    if (!members) {
      const fields = type.fields.filter((field) => field.kind !== 'any'
        && (field.kind === 'element' ? [field.element] : field.alternatives).some((element) => this.factFails(type.name, element.name) || this.mayFail(element.type)));
      members = {
        attributes: type.attributes.filter((attribute) => this.factFails(type.name, `@${attribute.name}`) || this.mayFail(attribute.type)),
        fields,
        fieldIndex: new Map(fields.map((field, index) => [field.prop, index])),
      };
      this.riskyMembers.set(type.name, members);
    }
    return members;
  }

  private factFails(type: string, member: string): boolean {
    const fact = this.lookup.member(type, member);
    return fact !== undefined && this.fails(fact);
  }
}
