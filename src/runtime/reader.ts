/**
 * The one generic streaming reader: saxes events drive a stack of frames, each knowing its compiled
 * type and the object it fills. No DOM and no generic intermediate tree; values are placed into
 * their parents as soon as they are known, so document order is kept.
 *
 * What the document root is (a global element, a value of some type, a SOAP envelope) is decided by
 * a `DocumentHandler`; see documents.ts and envelope-reader.ts.
 */
import { SaxesParser } from 'saxes';
import type { XmlAttribute, XmlTag } from './xml-tag';
import {
  ANY_NS_PROP, ANY_XML_PROP, ELEMENT_TAG_PROP, UNKNOWN_ATTRIBUTES_PROP, UNKNOWN_PROP, VALUE_PROP, XSI_TYPE_PROP,
  type SchemaSet,
} from '../schema/descriptors';
import {
  childPosition, compileType, wildcardSlot, type ChildSlot, type CompiledSimple, type CompiledType, type CompiledWildcard,
} from './compile';
import type { ReadDiagnostic } from './diagnostics';
import { quoteForError, XmlReadError } from './errors';
import { XMLNS_NS, XSI_NS } from './namespaces';
import { NamespaceScope, type PlainAttribute } from './namespace-scope';
import { RawXmlWriter } from './raw-xml';
import { canonicalNamespace, findGlobalElementKey, isDerivedFrom, prefixKeyOf } from './schema-index';
import { ForgivingValues, type ReadLocation, type UnopenedChild } from './forgiving-values';
import { INVALID, parseBoolean } from './simple-values';
import { BinaryElements, type BinaryContentOptions } from './binary-content';

export interface ReadOptions {
  /** Longest single text node or other token, in UTF-16 code units. Default 256 MiB. */
  readonly maxTextLength?: number;
  /** Longest document, in UTF-16 code units after decoding. Default 256 MiB. */
  readonly maxDocumentLength?: number;
  /**
   * Hands over each entry of an array-wrapper type as soon as it is complete, instead of keeping it
   * in the result: `{ wrapperType: 'ArrayOfResponseMessagesType', take }` streams a batch's response
   * messages, so memory holds one at a time. Entries with an object value only. `owner` is the object
   * whose property holds the array (e.g. the t:GroupedItems an item belongs to, its GroupIndex read).
   */
  readonly streamEntries?: { readonly wrapperType: string; readonly take: (entry: unknown, owner: unknown) => void };
  /** Accept several root elements one after another (a GetStreamingEvents body: one envelope per batch). */
  readonly severalRoots?: boolean;
  /**
   * Fail at the first value that does not fit its schema type, as a validator would. By default such a
   * value is read forgivingly and reported in `diagnostics` (see diagnostics.ts).
   */
  readonly strictValues?: boolean;
  /** Deepest element nesting accepted (default 256; EWS needs fewer than 40). Checked as each tag opens. */
  readonly maxDepth?: number;
  /** Base64 elements whose bytes go to a sink as they are read, never held as one string (binary-content.ts). */
  readonly binaryContent?: BinaryContentOptions;
}

const DEFAULT_LIMIT = 256 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 256;

/** Receives the events of a subtree that is not read typed (unknown elements, skipped content, faults). */
export interface CaptureSink {
  open(tag: XmlTag): void;
  text(text: string): void;
  close(tag: XmlTag): void;
}

/** Decides what each child of an element outside the schema (document, envelope, header, body) is. */
export interface ContainerHandler {
  child(context: ReaderContext, tag: XmlTag): void;
  /** Runs after the element's end tag. */
  end?(): void;
}

export interface DocumentHandler<R> extends ContainerHandler {
  /** What was read, once the document has ended. */
  result(): R;
}

/** What a container handler can do with a child element. */
export interface ReaderContext {
  readonly schema: SchemaSet;
  /** Reads the element as declared by `slot.element` and places its value in `target`. */
  typed(tag: XmlTag, slot: ChildSlot, target: object): void;
  container(tag: XmlTag, handler: ContainerHandler): void;
  /** Ignores the element and everything in it. */
  skip(tag: XmlTag): void;
  /** Sends the element's events to `sink`; `done` runs after its end tag. */
  capture(tag: XmlTag, sink: CaptureSink, done: () => void): void;
  fail(reason: string): never;
}

type Target = Record<string, unknown>;

const COMPLEX = 0;
const SIMPLE = 1;
const CONTAINER = 2;

/** One open element. Frames are pooled per depth and reset on reuse. */
class Frame {
  kind = CONTAINER;
  /** Qualified name as in the document, for error paths. */
  name = '';
  type: CompiledType | undefined = undefined;
  /** Type of the text: a simple element's type, or a complex type's simple content. */
  textType: CompiledSimple | undefined = undefined;
  text = '';
  /** COMPLEX: the object (or wrapper array) being filled. SIMPLE: where its value goes. */
  target: Target | unknown[] | undefined = undefined;
  targetIsArray = false;
  /** SIMPLE: how its value is placed in `target`. */
  slot: ChildSlot | undefined = undefined;
  /** COMPLEX: position in `type.childOrder` of the last child read, -1 before the first. */
  position = -1;
  /** Index among the entries of the array wrapper that holds it; -1 when it is no array entry. */
  index = -1;
  /** COMPLEX wrapper: entries opened so far (counted, not taken from the array: streaming empties it). */
  entries = 0;
  handler: ContainerHandler | undefined = undefined;
}

const SKIP: CaptureSink = { open() {}, text() {}, close() {} };
const NOTHING = (): void => {};

export class StreamingReader<R> implements ReaderContext {
  /** Without saxes' namespace processing: NamespaceScope resolves prefixes, at a fraction of its cost. */
  private readonly parser: SaxesParser<{ fragment: boolean }>;
  private readonly names: NamespaceScope;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly frames: Frame[] = [new Frame()];
  private depth = 0;
  private readonly streamEntries: ReadOptions['streamEntries'];
  private sink: CaptureSink | undefined;
  private captureDone: () => void = NOTHING;
  private captureDepth = 0;
  /**
   * Attributes of the tag being opened, collected from saxes' `attribute` events: `tag.attributes` is
   * built with Object.create(null), which is slow to enumerate. Entries past `plainCount` are stale;
   * the array is reused, never truncated. `tagAttributes` are the same, resolved (see onOpenTag).
   */
  private readonly plainAttributes: PlainAttribute[] = [];
  private plainCount = 0;
  private tagAttributes: readonly XmlAttribute[] = [];
  private attributeCount = 0;
  private declaresNamespaces = false;
  private readonly maxTextLength: number;
  private readonly maxDocumentLength: number;
  private documentLength = 0;
  /** Characters fed since the last tag event: bounds what saxes buffers for a token it has not finished. */
  private sinceLastTag = 0;
  private failure: XmlReadError | undefined;
  private readonly maxDepth: number;
  private readonly values: ForgivingValues;
  private readonly binary: BinaryElements | undefined;

  constructor(readonly schema: SchemaSet, private readonly document: DocumentHandler<R>, options: ReadOptions = {}) {
    this.maxTextLength = options.maxTextLength ?? DEFAULT_LIMIT;
    this.maxDocumentLength = options.maxDocumentLength ?? DEFAULT_LIMIT;
    this.streamEntries = options.streamEntries;
    this.values = new ForgivingValues(options.strictValues ?? false, (attribute, child) => this.locate(attribute, child), (reason) => this.fail(reason));
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.binary = options.binaryContent && new BinaryElements(options.binaryContent);
    this.frames[0].handler = document;
    // Declared URIs become the schema's own string objects, and every element of their namespace resolves
    // to these very strings: comparing one with a descriptor's URI is an identity check instead of a
    // 57-character comparison (about a tenth of the reading time).
    this.names = new NamespaceScope((uri) => canonicalNamespace(schema, uri) ?? uri, (reason) => this.fail(reason));
    const parser = this.parser = new SaxesParser({ fragment: options.severalRoots === true });
    parser.on('attribute', (attribute) => {
      this.plainAttributes[this.plainCount++] = attribute;
      if (attribute.name.startsWith('xmlns') && (attribute.name.length === 5 || attribute.name.charCodeAt(5) === 58)) this.declaresNamespaces = true;
    });
    parser.on('opentag', (tag) => this.onOpenTag(tag.name, tag.isSelfClosing));
    parser.on('closetag', () => this.onCloseTag(this.names.close()));
    parser.on('text', (text) => this.onText(text));
    parser.on('cdata', (text) => this.onText(text));
    // saxes never expands external entities but does accept a DTD; refusing any DOCTYPE rules out
    // entity expansion attacks (billion laughs) and XXE altogether. EWS never sends one.
    parser.on('doctype', () => this.fail('a DOCTYPE is not allowed'));
    // No 'error' handler: saxes then throws, and write()/end() turn that into an XmlReadError. Each
    // handler is a property saxes adds to the parser; beyond six, V8 turns the parser into a slow
    // dictionary-mode object and parsing gets about three times slower.
  }

  /** Values read forgivingly, in document order. */
  get diagnostics(): readonly ReadDiagnostic[] {
    return this.values.diagnostics;
  }

  /** Feeds a chunk; UTF-8 characters may be split across Buffer chunks. Ignored after an error. */
  write(chunk: string | Uint8Array): void {
    if (this.failure) return;
    try {
      const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
      this.documentLength += text.length;
      if (this.documentLength > this.maxDocumentLength) this.fail(`document is longer than ${this.maxDocumentLength} characters`);
      this.sinceLastTag += text.length;
      if (this.binary === undefined) this.parser.write(text);
      else this.writeAroundBinary(text, this.binary);
      if (this.sinceLastTag > this.maxTextLength) this.fail(`a text node or token is longer than ${this.maxTextLength} characters`);
    } catch (error) {
      throw this.failWith(error);
    }
  }

  /** Text of a streamed base64 element goes to its sink past saxes (binary-content.ts); the rest to saxes. */
  private writeAroundBinary(text: string, binary: BinaryElements): void {
    const rest = binary.passThrough(this.parser, text);
    if (rest.length > 0) this.parser.write(rest);
    if (rest.length < text.length || binary.takePendingText(this.parser)) this.sinceLastTag = rest.length;
  }

  /** Ends the document and returns what was read; throws `XmlReadError` if it is incomplete or invalid. */
  end(): R {
    if (this.failure) throw this.failure;
    try {
      const rest = this.decoder.decode();
      if (rest) this.parser.write(rest);
      this.parser.close();
    } catch (error) {
      throw this.failWith(error);
    }
    return this.document.result();
  }

  typed(tag: XmlTag, slot: ChildSlot, target: object, targetIsArray = false): void {
    const index = targetIsArray ? this.frames[this.depth].entries++ : -1;
    let nil = false;
    let xsiType: string | undefined;
    let others = 0;
    for (let i = 0; i < this.attributeCount; i++) {
      const attribute = this.tagAttributes[i];
      if (attribute.uri === XSI_NS) {
        if (attribute.local === 'nil') nil = parseBoolean(attribute.value.trim()) === true;
        else if (attribute.local === 'type') xsiType = attribute.value;
      } else if (isSchemaAttribute(attribute)) {
        others++;
      }
    }
    if (nil) {
      // A nil where the schema allows none is an Exchange 15+ extra (t:Group, t:GroupedItems): ignored.
      if (slot.element.nillable) place(target, targetIsArray, slot, slot.entry ? entryOf(slot, null) : null);
      this.skip(tag);
      return;
    }
    if (this.binary !== undefined) {
      const sink = this.binary.open(slot.element.qname, target, this.outermostEntryIndex() ?? (index >= 0 ? index : undefined));
      if (sink !== undefined) return this.capture(tag, sink, NOTHING);
    }
    const frame = this.push(tag.name);
    frame.index = index;
    const declared = slot.element.type;
    if (declared.kind === 'simple') {
      // Its value is known at the end tag; the frame remembers where it goes. Attributes on it can
      // only be unknown ones, and a simple value has no place for them: they are dropped.
      frame.kind = SIMPLE;
      frame.textType = declared;
      frame.target = target as Target;
      frame.targetIsArray = targetIsArray;
      frame.slot = slot;
      return;
    }
    const xsiTyped = xsiType === undefined ? undefined : this.xsiTypeOf(declared, xsiType, true);
    const type = xsiTyped ?? declared;
    frame.kind = COMPLEX;
    frame.type = type;
    frame.textType = type.text;
    if (type.wrapper) {
      const array: unknown[] = [];
      frame.target = array;
      frame.targetIsArray = true;
      place(target, targetIsArray, slot, slot.entry ? entryOf(slot, array) : array);
      return;
    }
    // Placed now, before its children, so that document order is kept.
    const value: Target = slot.entry ? entryOf(slot, undefined) : {};
    // Kept whenever the XML carried xsi:type, even naming the declared type: re-writing loses nothing.
    if (xsiTyped) value[XSI_TYPE_PROP] = xsiTyped.name;
    else if (xsiType !== undefined) this.keepUnknownXsiType(declared, xsiType, value);
    if (others > 0) this.readAttributes(type, value);
    frame.target = value;
    place(target, targetIsArray, slot, value);
  }

  container(tag: XmlTag, handler: ContainerHandler): void {
    const frame = this.push(tag.name);
    frame.kind = CONTAINER;
    frame.handler = handler;
  }

  skip(tag: XmlTag): void {
    this.capture(tag, SKIP, NOTHING);
  }

  capture(tag: XmlTag, sink: CaptureSink, done: () => void): void {
    this.sink = sink;
    this.captureDone = done;
    this.captureDepth = 1;
    sink.open(tag);
  }

  fail(reason: string): never {
    throw this.error(reason);
  }

  private error(reason: string, cause?: unknown): XmlReadError {
    return new XmlReadError(reason, this.path(), this.parser.line, this.parser.column + 1, cause === undefined ? undefined : { cause });
  }

  /** Qualified names from the root to the open element; array entries carry their index. */
  private path(): string {
    let path = '';
    for (let depth = 1; depth <= this.depth; depth++) {
      const frame = this.frames[depth];
      path += frame.index < 0 ? `/${frame.name}` : `/${frame.name}[${frame.index}]`;
    }
    return path;
  }

  /** Where the reader is, for a diagnostic (see ForgivingValues). */
  private locate(attribute?: string, child?: UnopenedChild): ReadLocation {
    const entryIndex = this.outermostEntryIndex() ?? child?.index;
    const path = this.path();
    return {
      path: attribute !== undefined ? `${path}/@${attribute}` : child !== undefined ? `${path}/${child.name}[${child.index}]` : path,
      line: this.parser.line, column: this.parser.column + 1, ...(entryIndex !== undefined && { entryIndex }),
    };
  }

  /** Index of the outermost open array entry (a response message), if any. */
  private outermostEntryIndex(): number | undefined {
    for (let depth = 1; depth <= this.depth; depth++) if (this.frames[depth].index >= 0) return this.frames[depth].index;
    return undefined;
  }

  private onOpenTag(name: string, isSelfClosing: boolean): void {
    this.sinceLastTag = 0;
    // Before anything else: a deep document must not get far (each frame, scope and path grows with depth).
    if (this.depth + this.captureDepth >= this.maxDepth) this.fail(`elements are nested deeper than ${this.maxDepth} levels`);
    const tag = this.names.open(name, isSelfClosing, this.plainAttributes, this.plainCount, this.declaresNamespaces);
    this.tagAttributes = tag.attributeList;
    this.attributeCount = this.tagAttributes.length;
    if (this.captureDepth > 0) {
      this.captureDepth++;
      this.sink!.open(tag);
    } else {
      const frame = this.frames[this.depth];
      if (frame.kind === COMPLEX) this.openInComplex(frame, tag);
      else if (frame.kind === CONTAINER) frame.handler!.child(this, tag);
      else this.elementInSimpleValue(frame, tag);
    }
    this.plainCount = 0;
    this.attributeCount = 0;
    this.declaresNamespaces = false;
  }

  private openInComplex(frame: Frame, tag: XmlTag): void {
    const type = frame.type!;
    const position = childPosition(type, frame.position, tag.uri, tag.local);
    if (position >= 0) {
      frame.position = position;
      this.typed(tag, type.childOrder[position], frame.target!, frame.targetIsArray);
      return;
    }
    for (const wildcard of type.wildcards) {
      if (wildcard.accepts(tag.uri)) {
        this.wildcardEntry(tag, wildcard, frame);
        return;
      }
    }
    if (frame.targetIsArray && holdsObjects(type)) return this.unknownEntry(frame, tag);
    // Newer servers add elements: keep them, re-serialised, so nothing is lost and they can be written back.
    const raw = new RawXmlWriter();
    const owner = frame.target as Target;
    if (frame.targetIsArray) {
      this.values.report(type.name, tag.name, 'skipped', `unknown element ${tag.name} among the values of ${type.name}: kept in the array's ${UNKNOWN_PROP}`);
    }
    this.capture(tag, raw, () => ((owner[UNKNOWN_PROP] ??= []) as string[]).push(raw.toString()));
  }

  /**
   * An element the schema does not know where an entry of an array belongs (gromox answers GetEvents
   * with `m:x` in place of the response message): it keeps its place as a raw entry (`$el`, `$ns`,
   * `$xml`), so that entries still match inputs by position, and it is reported.
   */
  private unknownEntry(frame: Frame, tag: XmlTag): void {
    const index = frame.entries++;
    const entry: Target = { [ELEMENT_TAG_PROP]: tag.local, [ANY_NS_PROP]: prefixKeyOf(this.schema, tag.uri) ?? tag.uri };
    (frame.target as unknown[]).push(entry);
    const raw = new RawXmlWriter();
    this.capture(tag, raw, () => {
      entry[ANY_XML_PROP] = raw.toString();
      // A streamed array hands this entry over like any other, so entries still match inputs by position.
      if (this.streamEntries?.wrapperType === frame.type!.name) this.takeLast(frame, this.frames[this.depth - 1]?.target);
    });
    const typeName = frame.type!.name;
    this.values.report(`an entry of ${typeName}`, tag.name, 'raw', `${tag.name} is not an element ${typeName} may hold: entry ${index} kept as raw XML ($xml)`,
      undefined, { name: tag.name, index });
  }

  /** Child elements of a simple value have no place: reported, not read; the text around them still is. */
  private elementInSimpleValue(frame: Frame, tag: XmlTag): void {
    this.values.report(frame.textType!.name, `<${tag.name}>`, 'skipped', `element ${tag.name} inside ${frame.name}, which has a simple type, was skipped`);
    this.skip(tag);
  }

  /** Lax: a known global element is read typed; anything else, and everything under skip, stays raw. */
  private wildcardEntry(tag: XmlTag, wildcard: CompiledWildcard, frame: Frame): void {
    if (wildcard.processContents !== 'skip') {
      const key = findGlobalElementKey(this.schema, tag.uri, tag.local);
      if (key !== undefined) {
        this.typed(tag, wildcardSlot(this.schema, wildcard, key), frame.target!, frame.targetIsArray);
        return;
      }
    }
    const entry: Target = { [ELEMENT_TAG_PROP]: tag.local, [ANY_NS_PROP]: prefixKeyOf(this.schema, tag.uri) ?? tag.uri };
    const target = frame.target as Target;
    if (!wildcard.many) target[wildcard.prop] = entry;
    else ((frame.targetIsArray ? target : (target[wildcard.prop] ??= [])) as unknown[]).push(entry);
    const raw = new RawXmlWriter();
    this.capture(tag, raw, () => { entry[ANY_XML_PROP] = raw.toString(); });
  }

  private onText(text: string): void {
    if (this.captureDepth > 0) {
      this.sink!.text(text);
      return;
    }
    const frame = this.frames[this.depth];
    if (frame.textType === undefined) return; // whitespace between elements
    if (frame.text.length + text.length > this.maxTextLength) this.fail(`a text node is longer than ${this.maxTextLength} characters`);
    frame.text += text;
  }

  private onCloseTag(tag: XmlTag): void {
    this.sinceLastTag = 0;
    if (this.captureDepth > 0) {
      this.sink!.close(tag);
      if (--this.captureDepth === 0) {
        const done = this.captureDone;
        this.sink = undefined;
        this.captureDone = NOTHING;
        done();
      }
      return;
    }
    const frame = this.frames[this.depth];
    if (frame.kind === SIMPLE) {
      const slot = frame.slot!;
      const value = this.values.parse(frame.textType!, frame.text);
      if (value !== INVALID) place(frame.target!, frame.targetIsArray, slot, slot.entry ? entryOf(slot, value) : value);
      else this.keepInvalid(frame, slot);
    } else if (frame.kind === COMPLEX) {
      if (frame.textType !== undefined) {
        const value = this.values.parse(frame.textType, frame.text);
        if (value !== INVALID) (frame.target as Target)[VALUE_PROP] = value;
        else this.values.keepRaw(frame.textType, frame.text, frame.target as Target, VALUE_PROP);
      }
      if (this.streamEntries) this.handOver(frame);
    } else {
      frame.handler!.end?.();
    }
    // Drop references so that a pooled frame does not keep a large text or object alive.
    frame.text = '';
    frame.target = frame.slot = frame.type = frame.textType = frame.handler = undefined;
    this.depth--;
  }

  /** A complete entry of the streamed wrapper type leaves its array for the taker. */
  private handOver(frame: Frame): void {
    const parent = this.frames[this.depth - 1];
    if (parent.kind !== COMPLEX || !parent.targetIsArray || parent.type!.name !== this.streamEntries!.wrapperType) return;
    this.takeLast(parent, this.frames[this.depth - 2]?.target);
  }

  private takeLast(arrayFrame: Frame, owner: unknown): void {
    this.streamEntries!.take((arrayFrame.target as unknown[]).pop(), owner);
  }

  private push(name: string): Frame {
    const depth = ++this.depth;
    let frame = this.frames[depth];
    if (frame === undefined) this.frames[depth] = frame = new Frame();
    frame.name = name;
    frame.targetIsArray = false;
    frame.position = -1;
    frame.index = -1;
    frame.entries = 0;
    return frame;
  }

  /** The tag's attributes other than xsi:* and namespace declarations. */
  private readAttributes(type: CompiledType, value: Target): void {
    for (let i = 0; i < this.attributeCount; i++) {
      const attribute = this.tagAttributes[i];
      if (!isSchemaAttribute(attribute)) continue;
      const known = type.attributeIndex.get(attribute.uri)?.get(attribute.local);
      if (known === undefined) {
        ((value[UNKNOWN_ATTRIBUTES_PROP] ??= {}) as Target)[this.attributeKey(attribute)] = attribute.value;
        continue;
      }
      const parsed = this.values.parse(known.type, attribute.value, attribute.name);
      if (parsed !== INVALID) value[known.prop] = parsed;
      else this.values.keepRaw(known.type, attribute.value, value, known.prop, attribute.name);
    }
  }

  /** Unknown attributes are keyed by the schema's prefix (`t:Foo`), or `{uri}local` for other namespaces. */
  private attributeKey(attribute: XmlAttribute): string {
    if (attribute.uri === '') return attribute.local;
    const prefix = prefixKeyOf(this.schema, attribute.uri);
    return prefix === undefined ? `{${attribute.uri}}${attribute.local}` : `${prefix}:${attribute.local}`;
  }

  /** The type an xsi:type names (the declared one or a type derived from it), or undefined when the schema does not know it. */
  private xsiTypeOf(declared: CompiledType, qname: string, report = false): CompiledType | undefined {
    const { prefixKey, local } = this.schemaQName(qname);
    const desc = this.schema.types[local];
    if (desc?.kind !== 'complex' || desc.ns !== prefixKey) return undefined;
    if (local === declared.name) return declared;
    if (!isDerivedFrom(this.schema, local, declared.name)) {
      // Read as the declared type; the xsi:type is kept in $attributes (keepUnknownXsiType).
      if (report) this.values.report(declared.name, qname, 'kept', `xsi:type ${qname} is not derived from ${declared.name}: read as ${declared.name}`, 'xsi:type');
      return undefined;
    }
    return compileType(this.schema, local);
  }

  /** A type a newer server uses is read as the declared one; its xsi:type goes to `$attributes` so writing keeps it. */
  private keepUnknownXsiType(declared: CompiledType, qname: string, value: Target): void {
    const { prefixKey, local } = this.schemaQName(qname);
    if (prefixKey !== undefined && this.xsiTypeOf(declared, qname) === undefined) {
      ((value[UNKNOWN_ATTRIBUTES_PROP] ??= {}) as Target)['xsi:type'] = `${prefixKey}:${local}`;
    }
  }

  /** Splits a QName of the document and maps its prefix to the schema's prefix key for that namespace. */
  private schemaQName(qname: string): { prefixKey: string | undefined; local: string } {
    const colon = qname.indexOf(':');
    const uri = this.names.resolve(colon < 0 ? '' : qname.slice(0, colon)) ?? '';
    return { prefixKey: prefixKeyOf(this.schema, uri), local: qname.slice(colon + 1) };
  }

  /** A simple element's value that could not be read: kept raw where its owner can hold it. */
  private keepInvalid(frame: Frame, slot: ChildSlot): void {
    const type = frame.textType!;
    if (slot.entry) {
      const entry = entryOf(slot, undefined);
      this.values.keepRawEntryValue(type, frame.text, entry);
      place(frame.target!, frame.targetIsArray, slot, entry);
    } else if (frame.targetIsArray) {
      this.values.report(type.name, frame.text, 'skipped', `${quoteForError(frame.text)} is not a valid ${type.name}: left out of the array`);
    } else {
      this.values.keepRaw(type, frame.text, frame.target as Target, slot.prop, undefined, slot.many);
    }
  }

  /** Keeps the first error; saxes' own (well-formedness) errors get the path and position added. */
  private failWith(error: unknown): XmlReadError {
    this.failure = error instanceof XmlReadError ? error
      : this.error(error instanceof Error ? error.message.replace(/^\d+:\d+: /, '') : String(error), error);
    this.binary?.abandon(this.failure);
    return this.failure;
  }
}

/** Whether the entries of a wrapper are objects (so a raw entry can stand among them). */
function holdsObjects(wrapper: CompiledType): boolean {
  const field = wrapper.fields[0];
  return field !== undefined && (field.kind !== 'element' || field.element.type.kind === 'complex');
}

/** An attribute the element's type may declare: neither xsi:* nor a namespace declaration. */
function isSchemaAttribute(attribute: XmlAttribute): boolean {
  return attribute.uri !== XSI_NS && attribute.uri !== XMLNS_NS;
}

/** Puts a child's value (or entry) into its parent. */
function place(target: object, targetIsArray: boolean, slot: ChildSlot, value: unknown): void {
  if (targetIsArray) (target as unknown[]).push(value);
  else if (!slot.many) (target as Target)[slot.prop] = value;
  else (((target as Target)[slot.prop] ??= []) as unknown[]).push(value);
}

/** A `$el`-tagged entry; `value` (a simple value, a wrapper array, or nil) goes in `$value`. */
function entryOf(slot: ChildSlot, value: unknown): Target {
  const entry: Target = { [ELEMENT_TAG_PROP]: slot.element.name };
  if (slot.entryNs !== undefined) entry[ANY_NS_PROP] = slot.entryNs;
  if (value !== undefined) entry[VALUE_PROP] = value;
  return entry;
}
