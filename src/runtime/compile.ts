/**
 * Compiles descriptors into the shapes the reader and writer walk: extension chains flattened,
 * child elements indexed by namespace URI and local name, simple types resolved to their built-in.
 * Everything is built once per (schema, type), lazily, and cached in a WeakMap on the schema object.
 */
import type {
  AnyField, AttributeDesc, BuiltinTypeName, ComplexTypeDesc, ElementDesc, FieldDesc, SchemaSet, TypeDesc, TypeRef, ValueKind,
} from '../schema/descriptors';
import { globalElementDesc, namespaceUri } from './schema-index';
import { numberRuleOf, valueKindOf, type NumberRule } from './simple-values';

export interface CompiledSimple {
  readonly kind: 'simple';
  readonly name: string;
  readonly builtin: BuiltinTypeName;
  readonly valueKind: ValueKind;
  readonly numberRule?: NumberRule;
  /** Item type of an xs:list; the JS value is then an array. */
  readonly listItem?: CompiledSimple;
  /** xs:union: a number is also written (as its lexical form) where the union is read as a string. */
  readonly union: boolean;
  /** The enumeration values this schema knows; a newer server may send others (read as they are, with a diagnostic). */
  readonly enumValues?: ReadonlySet<string>;
}

/** An element declaration at one place in a content model (or a global element). */
export interface CompiledElement {
  readonly name: string;
  /** The name as written: the descriptor's prefix key and local name (`t:Subject`). */
  readonly qname: string;
  readonly uri: string;
  readonly nillable: boolean;
  /** Other names read as this element (server quirks). */
  readonly aliases: readonly string[];
  readonly type: CompiledType | CompiledSimple;
}

/**
 * How the reader places the value of a child element in its parent: `parent[prop] = value`, or
 * pushed on the array `parent[prop]` when `many`. Entries of compound fields and wildcards are
 * objects tagged with `$el` (and `$ns` for wildcards); a simple or wrapper value then sits in `$value`.
 */
export interface ChildSlot {
  readonly prop: string;
  readonly element: CompiledElement;
  readonly many: boolean;
  readonly entry: boolean;
  /** `$ns` of wildcard entries. */
  readonly entryNs?: string;
}

export interface CompiledAttribute {
  readonly prop: string;
  readonly qname: string;
  readonly uri: string;
  readonly local: string;
  readonly type: CompiledSimple;
}

export interface CompiledElementField {
  readonly kind: 'element';
  readonly prop: string;
  readonly many: boolean;
  readonly element: CompiledElement;
}

export interface CompiledCompoundField {
  readonly kind: 'compound';
  readonly prop: string;
  /** Alternatives by element name, the `$el` of an entry. */
  readonly alternatives: ReadonlyMap<string, CompiledElement>;
}

export interface CompiledWildcard {
  readonly kind: 'any';
  readonly prop: string;
  readonly many: boolean;
  readonly processContents: AnyField['processContents'];
  /** Whether an element of this namespace matches the wildcard's namespace constraint. */
  readonly accepts: (uri: string) => boolean;
}

export type CompiledField = CompiledElementField | CompiledCompoundField | CompiledWildcard;

export interface CompiledType {
  readonly kind: 'complex';
  readonly name: string;
  /** `t:CalendarItemType`, as written in xsi:type. */
  readonly qname: string;
  readonly abstract: boolean;
  /** The JS value is the array of the single field's entries. */
  readonly wrapper: boolean;
  /** Base attributes first, then the derived type's own (extension order). */
  readonly attributes: readonly CompiledAttribute[];
  /** Base fields first, then the derived type's own, in schema order. */
  readonly fields: readonly CompiledField[];
  /** Simple content type, held in `$value`. */
  readonly text?: CompiledSimple;
  /** Child slots by local name (aliases included); see `childSlot`. */
  readonly children: ReadonlyMap<string, ChildSlot>;
  /** Every child slot once, in schema order, and each one's position there; see `childPosition`. */
  readonly childOrder: readonly ChildSlot[];
  readonly childPositions: ReadonlyMap<ChildSlot, number>;
  /** namespace URI (`''` for unqualified) → local name → attribute. */
  readonly attributeIndex: ReadonlyMap<string, ReadonlyMap<string, CompiledAttribute>>;
  readonly wildcards: readonly CompiledWildcard[];
  /** Every `prop` of `attributes` and `fields`: the writer refuses any other non-`$` property. */
  readonly properties: ReadonlySet<string>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface CompileCache {
  readonly types: Map<string, CompiledType>;
  readonly simples: Map<string, CompiledSimple>;
  /** Shared by every type that inherits the field, so base fields are compiled once. */
  readonly fields: Map<FieldDesc, CompiledField>;
  readonly slots: Map<CompiledField, readonly ChildSlot[]>;
  readonly globals: Map<string, CompiledElement>;
  readonly wildcardSlots: Map<CompiledWildcard, Map<string, ChildSlot>>;
}

const caches = new WeakMap<SchemaSet, CompileCache>();

function cacheOf(schema: SchemaSet): CompileCache {
  let cache = caches.get(schema);
  if (!cache) {
    cache = { types: new Map(), simples: new Map(), fields: new Map(), slots: new Map(), globals: new Map(), wildcardSlots: new Map() };
    caches.set(schema, cache);
  }
  return cache;
}

export function compileTypeRef(schema: SchemaSet, ref: TypeRef): CompiledType | CompiledSimple {
  return schema.types[ref]?.kind === 'complex' ? compileType(schema, ref) : compileSimple(schema, ref);
}

export function compileType(schema: SchemaSet, typeName: string): CompiledType {
  const cache = cacheOf(schema);
  const cached = cache.types.get(typeName);
  if (cached) return cached;
  const desc = schema.types[typeName];
  if (desc?.kind !== 'complex') throw new Error(`${typeName} is not a complex type of this schema`);
  const compiled: Mutable<CompiledType> = {
    kind: 'complex', name: desc.name, qname: qualify(desc.ns, desc.name), abstract: desc.abstract ?? false,
    wrapper: desc.wrapper ?? false, attributes: [], fields: [], children: new Map(), childOrder: [], childPositions: new Map(),
    attributeIndex: new Map(), wildcards: [],
    properties: new Set(),
  };
  // Registered before recursing: recursive types (And → SearchExpression → And) find this entry.
  cache.types.set(typeName, compiled);
  try {
    const chain = extensionChain(schema, desc);
    compiled.attributes = chain.flatMap((type) => type.attributes.map((attribute) => compileAttribute(schema, attribute)));
    compiled.fields = chain.flatMap((type) => type.fields.map((field) => compileField(schema, field, type.ns)));
    const text = textOf(schema, desc);
    if (text) compiled.text = compileSimple(schema, text);
    compiled.children = indexChildren(schema, compiled.fields);
    compiled.childOrder = compiled.fields.flatMap((field) => slotsOf(schema, field));
    compiled.childPositions = new Map(compiled.childOrder.map((slot, position) => [slot, position]));
    compiled.attributeIndex = indexAttributes(compiled.attributes);
    compiled.wildcards = compiled.fields.filter((field): field is CompiledWildcard => field.kind === 'any');
    compiled.properties = new Set([...compiled.attributes, ...compiled.fields].map((member) => member.prop));
  } catch (error) {
    cache.types.delete(typeName); // a broken schema must not leave a half-compiled type behind
    throw error;
  }
  return compiled;
}

export function compileSimple(schema: SchemaSet, ref: TypeRef): CompiledSimple {
  const cache = cacheOf(schema);
  let compiled = cache.simples.get(ref);
  if (compiled) return compiled;
  const desc = schema.types[ref];
  if (desc?.kind === 'complex') throw new Error(`${ref} is a complex type where a simple type is required`);
  if (!desc && !ref.startsWith('xs:')) throw new Error(`unknown type ${ref}`);
  const builtin = desc ? desc.builtin : (ref as BuiltinTypeName);
  compiled = {
    kind: 'simple', name: ref, builtin, valueKind: valueKindOf(builtin), numberRule: numberRuleOf(builtin),
    listItem: desc?.list ? compileSimple(schema, desc.list) : undefined, union: desc?.union !== undefined,
    enumValues: desc?.enum ? new Set(desc.enum) : undefined,
  };
  cache.simples.set(ref, compiled);
  return compiled;
}

/** A global element (`m:GetItem`) compiled like any element declaration. */
export function compileGlobalElement(schema: SchemaSet, key: string): CompiledElement {
  const cache = cacheOf(schema);
  let compiled = cache.globals.get(key);
  if (!compiled) {
    compiled = compileElement(schema, globalElementDesc(schema, key));
    cache.globals.set(key, compiled);
  }
  return compiled;
}

export function compileElement(schema: SchemaSet, desc: ElementDesc): CompiledElement {
  return new LazyTypedElement(schema, desc);
}

/**
 * An element whose type is compiled when first asked for, not with its parent: compiling a type
 * eagerly compiled everything reachable from it, and from ResponseMessages that is nearly the whole
 * schema (every response message and item type), paid by the first call of every process whatever
 * it read. Now a call compiles the types its request and response actually hold.
 */
class LazyTypedElement implements CompiledElement {
  readonly name: string;
  readonly qname: string;
  readonly uri: string;
  readonly nillable: boolean;
  readonly aliases: readonly string[];
  #type: CompiledType | CompiledSimple | undefined;

  constructor(private readonly schema: SchemaSet, private readonly desc: ElementDesc) {
    this.name = desc.name;
    this.qname = qualify(desc.ns, desc.name);
    this.uri = namespaceUri(schema, desc.ns);
    this.nillable = desc.nillable ?? false;
    this.aliases = desc.aliases ?? [];
  }

  get type(): CompiledType | CompiledSimple {
    return (this.#type ??= compileTypeRef(this.schema, this.desc.type));
  }
}

/** A slot for an element outside any content model: a document root or a SOAP header. */
export function rootSlot(element: CompiledElement, prop: string): ChildSlot {
  return { prop, element, many: false, entry: false };
}

/** The slot of a known global element matched by a lax wildcard: read typed, as a `$el`/`$ns` entry. */
export function wildcardSlot(schema: SchemaSet, wildcard: CompiledWildcard, elementKey: string): ChildSlot {
  const cache = cacheOf(schema);
  let byKey = cache.wildcardSlots.get(wildcard);
  if (!byKey) cache.wildcardSlots.set(wildcard, (byKey = new Map()));
  let slot = byKey.get(elementKey);
  if (!slot) {
    const element = compileGlobalElement(schema, elementKey);
    slot = { prop: wildcard.prop, element, many: wildcard.many, entry: true, entryNs: globalElementDesc(schema, elementKey).ns };
    byKey.set(elementKey, slot);
  }
  return slot;
}

/** Base types first: an extension's own content follows its base's, as in XSD. */
function extensionChain(schema: SchemaSet, desc: ComplexTypeDesc): ComplexTypeDesc[] {
  const chain = [desc];
  for (let current = desc; current.derivation === 'extension' && current.base;) {
    const base = schema.types[current.base];
    if (base?.kind !== 'complex') break; // simpleContent extending a simple type
    chain.push(base);
    current = base;
  }
  return chain.reverse();
}

function textOf(schema: SchemaSet, desc: ComplexTypeDesc): TypeRef | undefined {
  for (let current: ComplexTypeDesc | undefined = desc; current;) {
    if (current.text) return current.text;
    const base: TypeDesc | undefined = current.base ? schema.types[current.base] : undefined;
    current = base?.kind === 'complex' ? base : undefined;
  }
  return undefined;
}

function compileAttribute(schema: SchemaSet, desc: AttributeDesc): CompiledAttribute {
  return {
    prop: desc.prop, qname: qualify(desc.ns ?? '', desc.name), uri: desc.ns ? namespaceUri(schema, desc.ns) : '',
    local: desc.name, type: compileSimple(schema, desc.type),
  };
}

/** `ownerNs`: the namespace of the type that declares the field, the target namespace of its wildcards. */
function compileField(schema: SchemaSet, desc: FieldDesc, ownerNs: string): CompiledField {
  const cache = cacheOf(schema);
  let compiled = cache.fields.get(desc);
  if (compiled) return compiled;
  switch (desc.kind) {
    case 'element':
      compiled = { kind: 'element', prop: desc.prop, many: desc.many, element: compileElement(schema, desc.element) };
      break;
    case 'compound':
      compiled = {
        kind: 'compound', prop: desc.prop,
        alternatives: new Map(desc.alternatives.map((alternative) => [alternative.name, compileElement(schema, alternative)])),
      };
      break;
    case 'any':
      compiled = {
        kind: 'any', prop: desc.prop, many: desc.many, processContents: desc.processContents,
        accepts: namespaceConstraint(desc.namespace, namespaceUri(schema, ownerNs)),
      };
      break;
  }
  cache.fields.set(desc, compiled);
  return compiled;
}

function namespaceConstraint(constraint: string, targetNamespace: string): (uri: string) => boolean {
  if (constraint === '##any' || constraint === '') return () => true;
  if (constraint === '##other') return (uri) => uri !== targetNamespace && uri !== '';
  const allowed = new Set(constraint.split(/\s+/).map((token) =>
    token === '##targetNamespace' ? targetNamespace : token === '##local' ? '' : token));
  return (uri) => allowed.has(uri);
}

/**
 * Keyed by local name alone, so the reader needs one Map lookup per element; the rare local name that
 * occurs in two namespaces of one type keeps its other slots under `{uri}local`.
 */
function indexChildren(schema: SchemaSet, fields: readonly CompiledField[]): Map<string, ChildSlot> {
  const children = new Map<string, ChildSlot>();
  for (const field of fields) {
    for (const slot of slotsOf(schema, field)) {
      for (const name of [slot.element.name, ...slot.element.aliases]) {
        const first = children.get(name);
        children.set(first === undefined || first.element.uri === slot.element.uri ? name : `{${slot.element.uri}}${name}`, slot);
      }
    }
  }
  return children;
}

/** The slot of a child element of `type`, if the type declares it. */
export function childSlot(type: CompiledType, uri: string, local: string): ChildSlot | undefined {
  const slot = type.children.get(local);
  return slot === undefined || slot.element.uri === uri ? slot : type.children.get(`{${uri}}${local}`);
}

/** Slots tried after the previous sibling's before falling back to the name index. */
const LOOKAHEAD = 8;

/**
 * Position in `type.childOrder` of the child element `uri`/`local`, or -1 when the type has none.
 * Children come in schema order, so the previous sibling's slot (`after`, -1 for the first child)
 * and the next few are compared first: a name comparison costs a fraction of hashing the fresh string
 * saxes gives for every tag (a Map lookup was 7% of reading a DeleteItem response).
 */
export function childPosition(type: CompiledType, after: number, uri: string, local: string): number {
  const order = type.childOrder;
  const start = after < 0 ? 0 : after;
  const end = Math.min(order.length, start + LOOKAHEAD);
  for (let position = start; position < end; position++) {
    const element = order[position].element;
    if (element.name === local && element.uri === uri) return position;
  }
  const slot = childSlot(type, uri, local);
  return slot === undefined ? -1 : type.childPositions.get(slot)!;
}

function slotsOf(schema: SchemaSet, field: CompiledField): readonly ChildSlot[] {
  const cache = cacheOf(schema);
  let slots = cache.slots.get(field);
  if (!slots) {
    slots = field.kind === 'element' ? [{ prop: field.prop, element: field.element, many: field.many, entry: false }]
      : field.kind === 'compound'
        ? [...field.alternatives.values()].map((element) => ({ prop: field.prop, element, many: true, entry: true }))
        : [];
    cache.slots.set(field, slots);
  }
  return slots;
}

function indexAttributes(attributes: readonly CompiledAttribute[]): Map<string, Map<string, CompiledAttribute>> {
  const index = new Map<string, Map<string, CompiledAttribute>>();
  for (const attribute of attributes) {
    let byLocal = index.get(attribute.uri);
    if (!byLocal) index.set(attribute.uri, (byLocal = new Map()));
    byLocal.set(attribute.local, attribute);
  }
  return index;
}

function qualify(prefixKey: string, name: string): string {
  return prefixKey ? `${prefixKey}:${name}` : name;
}
