/**
 * Reading a stream of SOAP envelopes from one body: Exchange answers GetStreamingEvents by keeping the
 * HTTP response open and writing one complete envelope per notification batch (and per heartbeat).
 * The one streaming reader reads them all, as several roots of one document, and each envelope is
 * handed over as soon as its end tag is read; nothing is split as text.
 */
import type { XmlTag } from './xml-tag';
import type { SchemaSet } from '../schema/descriptors';
import { EnvelopeDocument, type SoapEnvelopeContent, type XmlChunk } from './envelope-reader';
import { StreamingReader, type DocumentHandler, type ReaderContext, type ReadOptions } from './reader';

export interface EnvelopeStreamOptions extends Omit<ReadOptions, 'severalRoots' | 'maxDocumentLength'> {
  /** Longest single envelope, in UTF-16 code units. Default 64 MiB; the stream as a whole is unbounded. */
  readonly maxEnvelopeLength?: number;
}

const DEFAULT_MAX_ENVELOPE = 64 * 1024 * 1024;
const XML_DECLARATION = /^\uFEFF?\s*<\?xml[^>]*\?>/;

/**
 * Feed chunks with `write()`; it returns the envelopes completed by that chunk, in order. `end()`
 * throws an `XmlReadError` when the stream stops inside an envelope.
 */
export class EnvelopeStreamReader {
  private readonly reader: StreamingReader<number>;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly ready: SoapEnvelopeContent[] = [];
  private readonly maxEnvelopeLength: number;
  private sinceLastEnvelope = 0;
  /** Text before the first element, held until it is known whether it starts with an XML declaration. */
  private prolog: string | undefined = '';
  private count = 0;

  constructor(schema: SchemaSet, options: EnvelopeStreamOptions = {}) {
    this.maxEnvelopeLength = options.maxEnvelopeLength ?? DEFAULT_MAX_ENVELOPE;
    const document = new EnvelopeSequence((content) => {
      this.count++;
      this.sinceLastEnvelope = 0;
      this.ready.push(content);
    });
    this.reader = new StreamingReader(schema, document, { ...options, severalRoots: true, maxDocumentLength: Number.POSITIVE_INFINITY });
  }

  /** Envelopes read so far. */
  get envelopes(): number {
    return this.count;
  }

  write(chunk: XmlChunk): SoapEnvelopeContent[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (this.prolog !== undefined) {
      text = this.afterDeclaration(text);
      if (text === '') return [];
    }
    this.sinceLastEnvelope += text.length;
    if (this.sinceLastEnvelope > this.maxEnvelopeLength) {
      this.reader.fail(`an envelope of the stream is longer than ${this.maxEnvelopeLength} characters`);
    }
    this.reader.write(text);
    return this.take();
  }

  /** Ends the stream; throws when it stopped inside an envelope. Returns envelopes not yet taken. */
  end(): SoapEnvelopeContent[] {
    const rest = this.decoder.decode() + (this.prolog ?? '');
    if (rest) this.reader.write(rest);
    this.reader.end();
    return this.take();
  }

  private take(): SoapEnvelopeContent[] {
    if (this.ready.length === 0) return NONE;
    const taken = this.ready.slice();
    this.ready.length = 0;
    return taken;
  }

  /**
   * An XML declaration is allowed only at the start of a document, and the envelopes are read as
   * roots of one fragment: one at the very start of the body is dropped (it says UTF-8, which the
   * body is anyway). Text is held until the first `<` shows whether one is there.
   */
  private afterDeclaration(text: string): string {
    const held = this.prolog + text;
    const start = held.search(/[^\s\uFEFF]/);
    if (start < 0 || (held.length - start < 5 && '<?xml'.startsWith(held.slice(start)))) {
      this.prolog = held;
      return '';
    }
    if (held.startsWith('<?xml', start)) {
      const declaration = XML_DECLARATION.exec(held);
      if (!declaration) {
        this.prolog = held; // the declaration continues in the next chunk
        return '';
      }
      this.prolog = undefined;
      return held.slice(declaration[0].length);
    }
    this.prolog = undefined;
    return held;
  }
}

const NONE: SoapEnvelopeContent[] = [];

/** The document of a stream: any number of soap:Envelope roots, each read by its own EnvelopeDocument. */
class EnvelopeSequence implements DocumentHandler<number> {
  private read = 0;

  constructor(private readonly onEnvelope: (content: SoapEnvelopeContent) => void) {}

  child(context: ReaderContext, tag: XmlTag): void {
    this.read++;
    new EnvelopeDocument(this.onEnvelope).child(context, tag);
  }

  result(): number {
    return this.read;
  }
}

/** Reads a whole stream (an async iterable of chunks, e.g. an HTTP response) and yields each envelope as it completes. */
export async function* readEnvelopeStream(
  schema: SchemaSet, source: AsyncIterable<XmlChunk>, options?: EnvelopeStreamOptions,
): AsyncGenerator<SoapEnvelopeContent, void, undefined> {
  const reader = new EnvelopeStreamReader(schema, options);
  for await (const chunk of source) yield* reader.write(chunk);
  yield* reader.end();
}
