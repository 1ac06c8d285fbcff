/**
 * The one generic writer: walks a JS value along the compiled descriptors and emits XML.
 * Order always comes from the descriptors (flattened fields in schema order), never from object keys.
 */
import {
  ANY_NS_PROP, ANY_XML_PROP, ELEMENT_TAG_PROP, INVALID_PROP, UNKNOWN_ATTRIBUTES_PROP, UNKNOWN_PROP, VALUE_PROP, XSI_TYPE_PROP,
  type SchemaSet,
} from '../schema/descriptors';
import {
  compileElement, compileGlobalElement, compileType, type CompiledElement, type CompiledField, type CompiledSimple,
  type CompiledType,
} from './compile';
import { binarySourceOf, isStreamedBinary, type StreamedBody } from './binary-source';
import { quoteForError, XmlWriteError } from './errors';
import { SOAP_ENVELOPE_NS, XSI_NS } from './namespaces';
import { findGlobalElementKey, isDerivedFrom } from './schema-index';
import { formatSimple, INVALID, parseSimple } from './simple-values';
import { readDialect } from './value-dialects';
import type { WriteTrace } from './write-trace';
import { XmlEmitter } from './xml-emitter';
import { escapeAttribute, InvalidXmlCharacterError } from './xml-escape';
import { insertSorted, isPlainObject } from './plain-objects';

export interface WriteOptions {
  /** Start with `<?xml version="1.0" encoding="utf-8"?>`. Default: true. */
  readonly xmlDeclaration?: boolean;
  /** Told which object property produced each element (only when a request is validated). */
  readonly trace?: WriteTrace;
  /**
   * Write streamed base64 content (a Readable or BinarySource) as empty text instead of refusing it in a
   * text document: for checking a request's structure against the schema without reading its streams.
   */
  readonly streamedContentAsEmpty?: boolean;
}

/** One element of a SOAP header or body: a global element key (`t:RequestServerVersion`) and its value. */
export interface EnvelopePart {
  readonly element: string;
  readonly value: unknown;
}

export interface EnvelopeToWrite {
  readonly headers?: readonly EnvelopePart[];
  readonly body: EnvelopePart;
}

/** A standalone document whose root is the global element `elementKey` (`m:GetItem`). */
export function writeElement(schema: SchemaSet, elementKey: string, value: unknown, options?: WriteOptions): string {
  const writer = new InstanceWriter(schema, options);
  return writer.run(() => writer.root(writer.globalElement(elementKey), value, namespaceDeclarations(schema, false))).toString();
}

/** A value of type `typeName` under an arbitrary element name; `ns` is a prefix key of the schema. */
export function writeValueAs(
  schema: SchemaSet, name: { readonly name: string; readonly ns: string }, typeName: string, value: unknown, options?: WriteOptions,
): string {
  const writer = new InstanceWriter(schema, options);
  const element = compileElement(schema, { name: name.name, ns: name.ns, type: typeName, nillable: true });
  return writer.run(() => writer.root(element, value, namespaceDeclarations(schema, false))).toString();
}

/** A SOAP 1.1 envelope, the request the SOAP client sends; `soap:Header` is omitted when there are no headers. */
export function writeEnvelope(schema: SchemaSet, envelope: EnvelopeToWrite, options?: WriteOptions): string {
  return new InstanceWriter(schema, options).envelope(envelope).toString();
}

/** The envelope as UTF-8 bytes, encoded chunk by chunk as it is written: what a transport sends. */
export function writeEnvelopeUtf8(schema: SchemaSet, envelope: EnvelopeToWrite, options?: WriteOptions): Buffer {
  return new InstanceWriter(schema, options, true).envelope(envelope).toBuffer();
}

/**
 * As writeEnvelopeUtf8, where base64 values may also be streams or BinarySources (binary-source.ts):
 * a body holding one is a StreamedBody, its sources encoded while it is sent.
 */
export function writeEnvelopeBody(schema: SchemaSet, envelope: EnvelopeToWrite, options?: WriteOptions): Buffer | StreamedBody {
  return new InstanceWriter(schema, options, true).envelope(envelope).toBody();
}

type Entry = Readonly<Record<string, unknown>>;

class InstanceWriter {
  private readonly out: XmlEmitter;
  /** Qualified names of the open elements, for error messages. */
  private readonly path: string[] = [];
  private readonly trace: WriteTrace | undefined;

  private readonly streamedContentAsEmpty: boolean;

  constructor(private readonly schema: SchemaSet, options: WriteOptions | undefined, utf8 = false) {
    this.trace = options?.trace;
    this.streamedContentAsEmpty = options?.streamedContentAsEmpty === true;
    this.out = new XmlEmitter(options?.xmlDeclaration === false ? '' : '<?xml version="1.0" encoding="utf-8"?>', utf8);
  }

  /** Writes, and gives back the emitter to take the text (or bytes) from. */
  run(write: () => void): XmlEmitter {
    try {
      write();
    } catch (error) {
      // The escaper does not know where it is; the path is still on the stack.
      if (error instanceof InvalidXmlCharacterError) this.fail(error.message);
      throw error;
    }
    return this.out;
  }

  envelope(envelope: EnvelopeToWrite): XmlEmitter {
    return this.run(() => {
      this.container('soap:Envelope', namespaceDeclarations(this.schema, true), () => {
        const headers = envelope.headers ?? [];
        if (headers.length > 0) {
          this.container('soap:Header', '', () => {
            for (const header of headers) this.root(this.globalElement(header.element), header.value);
          });
        }
        this.container('soap:Body', '', () => this.root(this.globalElement(envelope.body.element), envelope.body.value));
      });
    });
  }

  globalElement(key: string): CompiledElement {
    const desc = this.schema.elements[key];
    if (!desc) this.fail(`${key} is not a global element of the schema`);
    if (desc.abstract) this.fail(`${key} is abstract; write a member of its substitution group instead`);
    return compileGlobalElement(this.schema, key);
  }

  /** An element that is not in the schema (the SOAP envelope parts). */
  container(qname: string, declarations: string, writeContent: () => void): void {
    this.path.push(qname);
    this.out.startElement(qname);
    this.out.rawAttributes(declarations);
    writeContent();
    this.out.endElement(qname);
    this.path.pop();
  }

  /** An element that must be written: a document root, a SOAP header or the body. */
  root(element: CompiledElement, value: unknown, declarations = ''): void {
    if (value === undefined || (value === null && !element.nillable)) this.fail(`no value for ${element.qname}`);
    this.element(element, value, declarations);
  }

  /** One element; `null` becomes xsi:nil when the declaration allows it and is omitted otherwise. */
  element(element: CompiledElement, value: unknown, declarations = '', step?: string): void {
    if (value === undefined || (value === null && !element.nillable)) return;
    // A cyclic object, or a restriction built thousands of levels deep, would otherwise end in a stack overflow.
    if (this.path.length >= MAX_DEPTH) this.fail(`the value is nested deeper than ${MAX_DEPTH} elements (a cyclic object?)`);
    this.path.push(element.qname);
    this.trace?.enter(element.qname, step, this.out.nextTagOffset);
    this.out.startElement(element.qname);
    this.out.rawAttributes(declarations);
    if (value === null) this.out.attribute('xsi:nil', 'true');
    else if (element.type.kind === 'simple') {
      if (element.type.valueKind === 'base64' && isStreamedBinary(value)) this.streamedBinary(value);
      else this.out.text(this.simple(element.type, value));
    }
    else this.complex(element.type, value);
    this.out.endElement(element.qname);
    this.trace?.exit();
    this.path.pop();
  }

  private complex(declared: CompiledType, value: unknown): void {
    if (declared.wrapper) {
      this.field(declared.fields[0], this.array(value, declared.name), true);
      this.unknownElements(value as object);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(`expected an object for ${declared.name}`);
    const record = value as Entry;
    const type = this.actualType(declared, record[XSI_TYPE_PROP]);
    if (record[INVALID_PROP] !== undefined) this.refuseInvalid(record);
    if (record[XSI_TYPE_PROP] !== undefined) this.out.attribute('xsi:type', type.qname);
    if (isPlainObject(record)) this.presentMembers(type, record);
    else this.everyMember(type, record);
    this.unknownElements(record);
  }

  /**
   * The members a plain object holds, found from its own keys and written in schema order: a
   * CalendarItem declares about 80 fields and attributes but holds a handful, and a keyed read per
   * declared member was most of the writer's time. A key the type does not declare is refused here.
   */
  private presentMembers(type: CompiledType, record: Entry): void {
    const members = memberIndexOf(type);
    let attributes: number[] | undefined;
    let fields: number[] | undefined;
    for (const key in record) {
      const value = record[key];
      if (value === undefined) continue;
      const member = members.get(key);
      if (member === undefined) {
        // `$`-properties are the instance model's own (a wildcard's `$any` is a member, found above).
        if (key.charCodeAt(0) === DOLLAR) continue;
        this.fail(`${type.name} has no property ${JSON.stringify(key)}`);
      }
      if (member.attribute >= 0 && value !== null) insertSorted((attributes ??= []), member.attribute);
      if (member.field >= 0) insertSorted((fields ??= []), member.field);
    }
    if (attributes !== undefined) {
      for (const index of attributes) {
        const attribute = type.attributes[index];
        this.out.attribute(attribute.qname, this.simple(attribute.type, record[attribute.prop]));
      }
    }
    this.unknownAttributes(record[UNKNOWN_ATTRIBUTES_PROP]);
    this.text(type, record);
    if (fields !== undefined) for (const index of fields) this.field(type.fields[index], record[type.fields[index].prop]);
  }

  /** Any other object (a class instance, whose getters its keys do not show): every declared member read. */
  private everyMember(type: CompiledType, record: Entry): void {
    for (const attribute of type.attributes) {
      const attributeValue = record[attribute.prop];
      if (attributeValue !== undefined && attributeValue !== null) {
        this.out.attribute(attribute.qname, this.simple(attribute.type, attributeValue));
      }
    }
    this.unknownAttributes(record[UNKNOWN_ATTRIBUTES_PROP]);
    this.text(type, record);
    for (const field of type.fields) this.field(field, record[field.prop]);
    this.refuseUndeclared(type, record);
  }

  private text(type: CompiledType, record: Entry): void {
    const text = record[VALUE_PROP];
    if (type.text && text !== undefined && text !== null) this.out.text(this.simple(type.text, text));
  }

  /**
   * A property the type does not declare would otherwise vanish without a trace (a misspelt
   * `Subjet`, a property of another item type): refuse it, naming it. `$`-properties are the
   * instance model's own.
   */
  private refuseUndeclared(type: CompiledType, record: Entry): void {
    for (const key in record) {
      if (key.charCodeAt(0) !== DOLLAR && !type.properties.has(key) && record[key] !== undefined) {
        this.fail(`${type.name} has no property ${JSON.stringify(key)}`);
      }
    }
  }

  /**
   * A value the reader kept raw (the server's text fit neither its type nor a known dialect) must not
   * go back as it came: that would be schema-invalid. It is refused, named, until the property is set.
   */
  private refuseInvalid(record: Entry): void {
    const invalid = record[INVALID_PROP] as Readonly<Record<string, unknown>>;
    for (const prop in invalid) {
      if (record[prop] !== undefined) continue; // the caller set a value of its own
      this.fail(`${prop} holds ${quoteForError(String(invalid[prop]))} as the server sent it, which is not a valid value; `
        + `set ${prop} (or delete ${INVALID_PROP}.${prop}) before sending this object`);
    }
  }

  /** `wrapped`: the field of an array wrapper, whose items are indexes of the wrapper's own property. */
  private field(field: CompiledField, value: unknown, wrapped = false): void {
    if (value === undefined) return;
    switch (field.kind) {
      case 'element':
        if (!field.many) {
          this.element(field.element, value, '', this.step(field.prop, wrapped));
          return;
        }
        for (let i = 0, items = this.array(value, field.prop); i < items.length; i++) {
          this.element(field.element, items[i], '', this.step(field.prop, wrapped, i));
        }
        return;
      case 'compound':
        for (let i = 0, entries = this.array(value, field.prop) as Entry[]; i < entries.length; i++) {
          const alternative = field.alternatives.get(entries[i][ELEMENT_TAG_PROP] as string);
          if (!alternative && this.rawEntry(entries[i])) continue;
          if (!alternative) this.fail(`${field.prop}: ${JSON.stringify(entries[i][ELEMENT_TAG_PROP])} is not one of its elements`);
          this.element(alternative, entryValue(alternative, entries[i]), '', this.step(field.prop, wrapped, i));
        }
        return;
      case 'any': {
        const entries = (field.many ? this.array(value, field.prop) : [value]) as Entry[];
        for (let i = 0; i < entries.length; i++) this.wildcardEntry(entries[i], this.step(field.prop, wrapped, field.many ? i : undefined));
        return;
      }
    }
  }

  /** The object step behind an element, worked out only when someone traces (`Prop`, `Prop[i]`, `[i]`). */
  private step(prop: string, wrapped: boolean, index?: number): string | undefined {
    if (!this.trace) return undefined;
    const name = wrapped ? '' : prop;
    if (index === undefined) return name === '' ? undefined : name;
    return `${name}[${index}]`;
  }

  /**
   * An entry the reader kept raw because the schema does not know its element (see the reader's
   * unknownEntry) goes back verbatim, in its place.
   */
  private rawEntry(entry: Entry): boolean {
    const xml = entry !== null && typeof entry === 'object' ? entry[ANY_XML_PROP] : undefined;
    if (typeof xml !== 'string') return false;
    this.out.raw(xml);
    return true;
  }

  /** Raw entries (`$xml`) verbatim; typed ones through the global element named by `$ns`/`$el`. */
  private wildcardEntry(entry: Entry, step: string | undefined): void {
    const xml = entry[ANY_XML_PROP];
    if (typeof xml === 'string') {
      this.out.raw(xml);
      return;
    }
    const ns = String(entry[ANY_NS_PROP]);
    const name = String(entry[ELEMENT_TAG_PROP]);
    const key = this.schema.elements[`${ns}:${name}`] ? `${ns}:${name}` : findGlobalElementKey(this.schema, ns, name);
    if (!key) this.fail(`wildcard entry ${ns}:${name} is not a global element and has no ${ANY_XML_PROP}`);
    const element = this.globalElement(key);
    this.element(element, entryValue(element, entry), '', step);
  }

  private actualType(declared: CompiledType, xsiType: unknown): CompiledType {
    if (xsiType === undefined || xsiType === declared.name) return declared;
    if (typeof xsiType !== 'string' || this.schema.types[xsiType]?.kind !== 'complex') {
      this.fail(`${XSI_TYPE_PROP} ${JSON.stringify(xsiType)} is not a complex type of the schema`);
    }
    if (!isDerivedFrom(this.schema, xsiType, declared.name)) this.fail(`${XSI_TYPE_PROP} ${xsiType} is not derived from ${declared.name}`);
    return compileType(this.schema, xsiType);
  }

  /** `{uri}local` keys (namespaces the schema has no prefix for) get a prefix declared on the element. */
  private unknownAttributes(attributes: unknown): void {
    if (attributes === undefined || attributes === null) return;
    let generated = 0;
    for (const [name, value] of Object.entries(attributes as Record<string, unknown>)) {
      if (!name.startsWith('{')) {
        this.out.attribute(name, String(value));
        continue;
      }
      const end = name.indexOf('}');
      const prefix = `ns${generated++}`;
      this.out.rawAttributes(` xmlns:${prefix}="${escapeAttribute(name.slice(1, end))}"`);
      this.out.attribute(`${prefix}:${name.slice(end + 1)}`, String(value));
    }
  }

  private unknownElements(owner: object): void {
    const unknown = (owner as Entry)[UNKNOWN_PROP];
    if (unknown === undefined) return;
    for (const xml of this.array(unknown, UNKNOWN_PROP)) this.out.raw(String(xml));
  }

  private streamedBinary(value: Parameters<typeof binarySourceOf>[0]): void {
    if (this.streamedContentAsEmpty) return;
    try {
      this.out.binary(binarySourceOf(value));
    } catch (error) {
      this.fail((error as Error).message);
    }
  }

  private simple(type: CompiledSimple, value: unknown): string {
    const text = formatSimple(type, value);
    if (text === undefined) this.fail(`cannot write ${describe(value)} as ${type.name}`);
    return typeof value === 'string' && LEXICALLY_CHECKED.has(type.valueKind) ? this.lexical(type, text) : text;
  }

  /**
   * Dates, times and durations given as strings are checked, since a wrong form would be sent as is:
   * a server dialect with one meaning (a midnight dateTime for a date) is written in the schema's form,
   * anything else refused.
   */
  private lexical(type: CompiledSimple, text: string): string {
    if (parseSimple(type, text) !== INVALID) return text;
    const meant = readDialect(type, text);
    if (meant === INVALID) this.fail(`${quoteForError(text)} is not a valid ${type.name}`);
    return meant as string;
  }

  private array(value: unknown, what: string): readonly unknown[] {
    if (!Array.isArray(value)) this.fail(`expected an array for ${what}, got ${describe(value)}`);
    return value;
  }

  private fail(reason: string): never {
    throw new XmlWriteError(reason, `/${this.path.join('/')}`);
  }
}

/** Where a property goes among a type's members: its index in `attributes` and in `fields`, -1 when none. */
interface MemberIndex {
  readonly attribute: number;
  readonly field: number;
}

const memberIndexes = new WeakMap<CompiledType, ReadonlyMap<string, MemberIndex>>();

function memberIndexOf(type: CompiledType): ReadonlyMap<string, MemberIndex> {
  let index = memberIndexes.get(type);
  if (index === undefined) {
    const built = new Map<string, { attribute: number; field: number }>();
    const slot = (prop: string) => built.get(prop) ?? built.set(prop, { attribute: -1, field: -1 }).get(prop)!;
    type.attributes.forEach((attribute, position) => { slot(attribute.prop).attribute = position; });
    type.fields.forEach((field, position) => { slot(field.prop).field = position; });
    memberIndexes.set(type, (index = built));
  }
  return index;
}

/** The value an entry stands for: complex entries carry their own properties, the others `$value`. */
function entryValue(element: CompiledElement, entry: Entry): unknown {
  return element.type.kind === 'complex' && !element.type.wrapper ? entry : entry[VALUE_PROP];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(String(value)).slice(0, 42)}`;
}

const declarationCache = new WeakMap<SchemaSet, { readonly document: string; readonly envelope: string }>();

/** `xmlns:` declarations for the root: every namespace of the schema plus xsi (and soap on an envelope). */
function namespaceDeclarations(schema: SchemaSet, envelope: boolean): string {
  let cached = declarationCache.get(schema);
  if (!cached) {
    const prefixes = new Map<string, string>([['xsi', XSI_NS]]);
    for (const [prefix, uri] of Object.entries(schema.namespaces)) if (prefix !== 'xml' && prefix !== '') prefixes.set(prefix, uri);
    const declare = (map: Map<string, string>): string =>
      [...map].map(([prefix, uri]) => ` xmlns:${prefix}="${escapeAttribute(uri)}"`).join('');
    cached = { document: declare(prefixes), envelope: declare(new Map([['soap', SOAP_ENVELOPE_NS], ...prefixes])) };
    declarationCache.set(schema, cached);
  }
  return envelope ? cached.envelope : cached.document;
}

const DOLLAR = 0x24;
/** Deepest element nesting written; EWS requests need fewer than 40 (the reader has the same limit). */
const MAX_DEPTH = 256;
const LEXICALLY_CHECKED: ReadonlySet<string> = new Set(['date', 'dateTime', 'time', 'duration']);
