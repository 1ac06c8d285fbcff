/**
 * The documents sent to the validation worker, as UTF-8 bytes in a SharedArrayBuffer.
 *
 * Why: posting a 141 KiB request as a string to the worker cost about 1.7 ms of structured cloning,
 * more than libxml2's validation of it; encoding it with `TextEncoder.encodeInto` into shared memory
 * costs about 0.1 ms and the worker reads the bytes in place (bench/RESULTS.md, "Where the time of one
 * validation goes"). The buffers are pooled: a buffer belongs to one request until its answer arrives.
 */

/** The documents of one request: document i is `bytes[ends[i - 1] ?? 0, ends[i])`. */
export interface SharedDocuments {
  readonly buffer: SharedArrayBuffer;
  readonly ends: readonly number[];
}

/** Buffers kept for reuse; a larger one than this is dropped after use. */
const POOLED_BUFFERS = 4;
const MAX_POOLED_BYTES = 16 * 2 ** 20;
const MIN_BYTES = 64 * 2 ** 10;

export class SharedDocumentPool {
  private readonly free: SharedArrayBuffer[] = [];
  private readonly encoder = new TextEncoder();

  /** Encodes the documents into a buffer of the pool, which is the caller's until `release`. */
  encode(docs: readonly string[]): SharedDocuments {
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8, so encodeInto always fits.
    const worstCase = docs.reduce((sum, doc) => sum + doc.length * 3, 0);
    const buffer = this.take(worstCase);
    const bytes = new Uint8Array(buffer);
    const ends: number[] = [];
    let offset = 0;
    for (const doc of docs) {
      offset += this.encoder.encodeInto(doc, bytes.subarray(offset)).written;
      ends.push(offset);
    }
    return { buffer, ends };
  }

  release(buffer: SharedArrayBuffer): void {
    if (this.free.length < POOLED_BUFFERS && buffer.byteLength <= MAX_POOLED_BYTES) this.free.push(buffer);
  }

  private take(bytes: number): SharedArrayBuffer {
    const fitting = this.free.findIndex((buffer) => buffer.byteLength >= bytes);
    if (fitting >= 0) return this.free.splice(fitting, 1)[0];
    // Powers of two, so that a pooled buffer fits the next request of about the same size.
    return new SharedArrayBuffer(2 ** Math.ceil(Math.log2(Math.max(bytes, MIN_BYTES))));
  }
}
