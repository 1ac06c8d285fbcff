/**
 * The gate between a transport response and the SOAP reader: peek at the first bytes, classify, and
 * either hand over a body that still starts at byte 0 or throw the typed HTTP error.
 */
import { Readable } from 'node:stream';
import { classifyHttpResponse } from './http-classify';
import type { TransportResponse } from './transport';

/** Enough bytes to see past a BOM, whitespace and an XML declaration, and to fill an error's preview. */
const PEEK_BYTES = 1024;

/**
 * Resolves with the body to parse as SOAP (a 2xx or a 500 carrying XML), or rejects with the typed
 * error for anything else. A rejected body is drained in the background so its connection can be reused.
 */
export async function openSoapBody(response: TransportResponse): Promise<NodeJS.ReadableStream> {
  const peeked = await peek(response.body, PEEK_BYTES);
  // The first chunk may be 64 KiB: sniffing all of it was 3 % of reading a DeleteItem of 10,000 from memory.
  const verdict = classifyHttpResponse(response.status, response.headers, peeked.head.subarray(0, PEEK_BYTES));
  if (verdict.kind === 'error') {
    // Nobody reads this body any more: a late error (timeout while draining) must not go unhandled.
    peeked.body.on('error', () => undefined);
    peeked.body.resume();
    throw verdict.error;
  }
  return peeked.body;
}

interface Peeked {
  /** The first bytes (fewer than asked only when the body is shorter). */
  readonly head: Buffer;
  /** The whole body, from its first byte. */
  readonly body: NodeJS.ReadableStream;
}

/**
 * Reads up to `size` bytes without consuming them: they are pushed back with `unshift` while the
 * stream is still open. A body that ends first was read entirely and is replayed from memory, since
 * nothing can be pushed back once 'end' was emitted.
 */
function peek(body: NodeJS.ReadableStream, size: number): Promise<Peeked> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const settle = (outcome: () => void): void => {
      body.removeListener('readable', onReadable);
      body.removeListener('end', onEnd);
      body.removeListener('error', onError);
      outcome();
    };
    const onReadable = (): void => {
      let chunk: Buffer | null;
      while (length < size && (chunk = body.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length < size) return;
      const head = Buffer.concat(chunks);
      body.unshift(head);
      settle(() => resolve({ head, body }));
    };
    const onEnd = (): void => {
      const head = Buffer.concat(chunks);
      settle(() => resolve({ head, body: Readable.from([head], { objectMode: false }) }));
    };
    const onError = (error: Error): void => settle(() => reject(error));
    body.on('readable', onReadable);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}
