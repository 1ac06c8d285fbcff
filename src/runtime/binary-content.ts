/**
 * Streaming base64 elements out of a response: the text of a chosen element (ExportItems' m:Data,
 * GetItem's t:MimeContent, GetAttachment's t:Content) goes, decoded as it arrives, to a sink the caller
 * opens for it, and never becomes one string. The reader asks `BinaryElements` whether an element
 * streams (reader.ts, `typed`) and, after each chunk it feeds saxes, hands over the text saxes holds
 * for the element so far (`takePendingText`): saxes would otherwise gather a text node whole before
 * its 'text' event. Text that continues such an element at the start of a new chunk is taken before
 * saxes sees it (`passThrough`): scanning megabytes of base64 a character at a time was the client's
 * main cost. Line and column numbers of a later error then leave out the text so taken.
 */
import { isAscii } from 'node:buffer';
import type { CaptureSink } from './reader';
import { Base64StreamDecoder, InvalidBase64Error } from './base64-stream';
import type { XmlTag } from './xml-tag';

/** Receives one element's decoded bytes. */
export interface BinarySink {
  write(bytes: Buffer): void;
  /** All of the element was read and written. */
  end(): void;
  /** The content cannot be had: invalid base64 (InvalidBase64Error), or the response broke off. */
  fail(error: Error): void;
}

/** Where a streamed element stands in the response. */
export interface BinaryElementPlace {
  /** The element's key as in the schema descriptors: `m:Data`, `t:MimeContent`, `t:Content`. */
  readonly element: string;
  /**
   * The object the element belongs to, being filled: an ExportItems response message (its ItemId is read
   * before Data), an attachment (AttachmentId, Name read before Content), an item (MimeContent comes
   * first, so its ItemId is there only once the item has been read).
   */
  readonly owner: object;
  /** Position of the response message (or other outermost array entry) it is in. */
  readonly entryIndex?: number;
  /** The element's attributes by local name, e.g. `{ CharacterSet: 'UTF-8' }` on a t:MimeContent. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface BinaryContentOptions {
  /** Element keys to stream; any other base64 element is read as a string as usual. */
  readonly elements: readonly string[];
  /** A sink for this element's bytes; undefined reads it as a string after all. */
  open(place: BinaryElementPlace): BinarySink | undefined;
  /**
   * Asked after each piece of the response is read: a promise holds further reading until the sinks can
   * take more (a slow disk or consumer), so a large answer is never buffered whole in front of them.
   */
  readonly backPressure?: () => Promise<void> | undefined;
}

/**
 * The same options, noting whether a sink was opened: content handed to a sink cannot be taken back, so
 * a call whose sinks got some is not sent again (the sinks would get it twice).
 */
export function watchOpenedSinks(options: BinaryContentOptions): { readonly options: BinaryContentOptions; readonly opened: () => boolean } {
  let opened = false;
  return {
    options: { ...options, open: (place) => { const sink = options.open(place); if (sink !== undefined) opened = true; return sink; } },
    opened: () => opened,
  };
}

/** saxes' states (6.0.0) in which its pending `text` is character data of the open element. */
const SAXES_TEXT = 13;
const SAXES_ENTITY = 14;

interface SaxesInternals {
  state: number;
  text: string;
}

const LESS_THAN = 0x3c;
const AMPERSAND = 0x26;

/** The reader's side: which elements stream, and the one being streamed. */
export class BinaryElements {
  private readonly elements: ReadonlySet<string>;
  private active: Base64Capture | undefined;

  constructor(private readonly options: BinaryContentOptions) {
    this.elements = new Set(options.elements);
  }

  /** A capture sink for the element, or undefined when it is read as usual. */
  open(element: string, owner: object, entryIndex: number | undefined, attributes: Readonly<Record<string, string>>): CaptureSink | undefined {
    if (!this.elements.has(element)) return undefined;
    const sink = this.options.open({ element, owner, attributes, ...(entryIndex !== undefined && { entryIndex }) });
    if (sink === undefined) return undefined;
    this.active = new Base64Capture(sink, () => { this.active = undefined; });
    return this.active;
  }

  /**
   * While a streamed element's text is being read, takes the text at the start of `chunk` (up to the
   * next markup or entity) for its sink and returns the rest, for saxes; otherwise returns `chunk`.
   */
  passThrough(parser: unknown, chunk: string): string {
    const capture = this.active;
    if (capture === undefined || !capture.atTop || (parser as SaxesInternals).state !== SAXES_TEXT) return chunk;
    let end = chunk.indexOf('<');
    if (end < 0) end = chunk.length;
    const entity = chunk.indexOf('&');
    if (entity >= 0 && entity < end) end = entity;
    if (end === 0) return chunk;
    this.takePendingText(parser);
    capture.text(end === chunk.length ? chunk : chunk.slice(0, end));
    return end === chunk.length ? '' : chunk.slice(end);
  }

  /**
   * passThrough for bytes not yet decoded: hands the ASCII bytes at the start of `chunk` (up to the next
   * markup or entity) to the sink as text and returns how many it took; 0 when none can be taken so.
   */
  passThroughBytes(parser: unknown, chunk: Uint8Array): number {
    const capture = this.active;
    if (capture === undefined || !capture.atTop || (parser as SaxesInternals).state !== SAXES_TEXT) return 0;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let end = bytes.indexOf(LESS_THAN);
    if (end < 0) end = bytes.length;
    const entity = bytes.subarray(0, end).indexOf(AMPERSAND);
    if (entity >= 0) end = entity;
    // Anything but ASCII is not base64: left to the text path, whose error names the character. So is
    // the rest of a character the previous chunk began (a continuation byte is not ASCII either).
    if (end === 0 || !isAscii(bytes.subarray(0, end))) return 0;
    this.takePendingText(parser);
    capture.text(bytes.toString('latin1', 0, end));
    return end;
  }

  /** Hands the element's text saxes holds so far to its sink; true when some was taken. */
  takePendingText(parser: unknown): boolean {
    const capture = this.active;
    const saxes = parser as SaxesInternals;
    if (capture === undefined || !capture.atTop || (saxes.state !== SAXES_TEXT && saxes.state !== SAXES_ENTITY) || saxes.text.length === 0) return false;
    const text = saxes.text;
    saxes.text = '';
    capture.text(text);
    return true;
  }

  /** The response ended or failed inside a streamed element: its sink learns so. */
  abandon(error: Error): void {
    this.active?.abandon(error);
    this.active = undefined;
  }
}

class Base64Capture implements CaptureSink {
  private readonly decoder = new Base64StreamDecoder();
  private depth = 0;
  private failed = false;

  constructor(private readonly sink: BinarySink, private readonly finished: () => void) {}

  /** No child element is open: text is the element's own. */
  get atTop(): boolean {
    return this.depth === 1;
  }

  open(_tag: XmlTag): void {
    if (++this.depth > 1) this.fault(new InvalidBase64Error('an element inside base64 content', 0));
  }

  text(text: string): void {
    if (this.failed || this.depth !== 1) return;
    try {
      const bytes = this.decoder.push(text);
      if (bytes !== undefined && bytes.length > 0) this.sink.write(bytes);
    } catch (error) {
      this.fault(error as Error);
    }
  }

  close(_tag: XmlTag): void {
    if (--this.depth > 0) return;
    this.finished();
    if (this.failed) return;
    try {
      const rest = this.decoder.end();
      if (rest !== undefined) this.sink.write(rest);
    } catch (error) {
      this.fault(error as Error);
      return;
    }
    this.sink.end();
  }

  abandon(error: Error): void {
    this.fault(error);
  }

  private fault(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.sink.fail(error);
  }
}
