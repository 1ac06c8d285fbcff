/**
 * Base64 content written from a source instead of a string: an xs:base64Binary value may be a Buffer
 * (encoded as it is written), a Readable, or a `BinarySource` (re-openable, e.g. a file, with its size
 * known). A document holding a stream is written as a `StreamedBody`: the XML around it as bytes, and
 * each source encoded to base64 a piece at a time while the body is sent, never as one string.
 */
import { Readable } from 'node:stream';

/** Bytes that can be read (again) when the body is sent; `size` lets the body carry a Content-Length. */
export interface BinarySource {
  readonly size?: number;
  open(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** A value the writer streams for an xs:base64Binary element. */
export function isStreamedBinary(value: unknown): value is Readable | BinarySource {
  return typeof value === 'object' && value !== null && (value instanceof Readable || typeof (value as BinarySource).open === 'function');
}

/** Readables already sent: sending one again would send what is left of it, silently short. */
const sentStreams = new WeakSet<Readable>();

/** A Readable as a source: it can be read once, so a body holding one cannot be sent twice. */
export function binarySourceOf(value: Readable | BinarySource): BinarySource {
  if (!(value instanceof Readable)) return value;
  refuseSent(value); // checked as the request is written, so that it fails before anything is sent
  return {
    open() {
      refuseSent(value);
      sentStreams.add(value);
      return value;
    },
  };
}

function refuseSent(value: Readable): void {
  if (sentStreams.has(value) || value.readableEnded || value.destroyed) {
    throw new Error('a Readable given as base64 content can be sent only once; give a BinarySource (e.g. fileSource) to allow resending');
  }
}

/** The body of a document that holds streamed base64 content. */
export class StreamedBody {
  constructor(readonly parts: readonly (Buffer | BinarySource)[]) {}

  /** Bytes on the wire, when every source knows its size; otherwise undefined (sent chunked). */
  get length(): number | undefined {
    let length = 0;
    for (const part of this.parts) {
      if (Buffer.isBuffer(part)) length += part.length;
      else if (part.size === undefined) return undefined;
      else length += 4 * Math.ceil(part.size / 3);
    }
    return length;
  }

  /** The body's bytes, each source opened and encoded as it is reached. */
  open(): Readable {
    return Readable.from(this.chunks(), { objectMode: false });
  }

  private async *chunks(): AsyncGenerator<Buffer, void, undefined> {
    for (const part of this.parts) {
      if (Buffer.isBuffer(part)) yield part;
      else yield* base64Of(part);
    }
  }
}

/** Base64 of a source in pieces; a source that yields other than its stated size fails the body. */
async function* base64Of(source: BinarySource): AsyncGenerator<Buffer, void, undefined> {
  let carry: Buffer | undefined;
  let read = 0;
  for await (const piece of source.open()) {
    const bytes = carry ? Buffer.concat([carry, piece]) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    read += piece.byteLength;
    const whole = bytes.length - (bytes.length % 3);
    carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : undefined;
    if (whole > 0) yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
  }
  if (source.size !== undefined && read !== source.size) throw new Error(`a base64 source gave ${read} bytes where it said ${source.size}`);
  if (carry) yield Buffer.from(carry.toString('base64'), 'latin1');
}
