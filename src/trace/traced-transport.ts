/**
 * Tracing at the transport seam: a decorator around any Transport (the default one or the caller's) that
 * reports each request's SOAP envelope and headers, the response's status, headers and first bytes, and
 * the timings, through hooks. Everything reported is redacted first (redact.ts), headers that carry
 * credentials are replaced whole, and the client's own secrets are scrubbed in every encoding. The
 * response body is not buffered: a pass-through stage copies its first bytes while the caller reads it,
 * so back-pressure and the memory of a large streamed answer stay as they were.
 */
import { Transform, type TransformCallback, pipeline } from 'node:stream';
import { redactHeaders, redactKnown, secretForms } from '../client/redact';
import type { Transport, TransportRequest, TransportResponse } from '../client/transport';
import { StreamedBody } from '../runtime/binary-source';

export interface TraceRequestEvent {
  /** Numbers the requests of one traced transport, so a response can be matched to its request. */
  readonly id: number;
  readonly url: string;
  readonly soapAction?: string;
  /** The request's own headers (the transport adds Content-Type, User-Agent and the credentials), redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The envelope, redacted, cut at `maxBodyBytes`; streamed attachment content is shown as its size. */
  readonly envelope: string;
  /** Bytes of the envelope when known (a streamed body of unknown size: undefined). */
  readonly envelopeBytes?: number;
}

export interface TraceResponseEvent {
  readonly id: number;
  readonly url: string;
  readonly status: number;
  /** Lower-cased names, redacted (Set-Cookie and the like replaced whole). */
  readonly headers: Readonly<Record<string, string>>;
  /** The first `maxBodyBytes` of the body as UTF-8, redacted. */
  readonly envelope: string;
  /** Bytes of body read; more than the envelope shows when `truncated`. */
  readonly bodyBytes: number;
  readonly truncated: boolean;
  /** From the start of the request to the response headers. */
  readonly timeToHeadersMs: number;
  /** From the start of the request to the end of the body (or to its failure or abandonment). */
  readonly timeToEndMs: number;
  /** Why the body did not end normally (a broken connection, the reader giving up), redacted. */
  readonly bodyError?: string;
}

export interface TraceErrorEvent {
  readonly id: number;
  readonly url: string;
  /** The error's name and message, redacted. */
  readonly error: string;
  readonly elapsedMs: number;
}

export interface TraceHooks {
  /** Before the request is handed to the transport. */
  readonly onRequest?: (event: TraceRequestEvent) => void;
  /** Once the response body ended (or failed): status, headers, the first bytes and both timings. */
  readonly onResponse?: (event: TraceResponseEvent) => void;
  /** The transport failed before any response (connection refused, timeout, proxy refusal…). */
  readonly onError?: (event: TraceErrorEvent) => void;
  /** How much of each envelope to show (64 KiB by default). */
  readonly maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * `transport` with every request reported to `hooks`. `secrets` names the credentials in use (the auth
 * strategy's), scrubbed from everything reported besides what redact.ts recognises by pattern.
 * A hook that throws does not fail the request: tracing must never change what it traces.
 */
export function tracedTransport(transport: Transport, hooks: TraceHooks, secrets: () => readonly string[] = () => []): Transport {
  let count = 0;
  const maxBytes = hooks.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const id = ++count;
      const forms = secretForms(secrets());
      const scrub = (text: string): string => redactKnown(text, forms);
      const url = scrub(request.url);
      const started = performance.now();
      safely(hooks.onRequest, () => ({
        id, url, headers: redactHeaders(request.headers, forms),
        ...(request.soapAction !== undefined && { soapAction: request.soapAction }),
        envelope: scrub(envelopeText(request.body, maxBytes)),
        ...envelopeSize(request.body),
      }));
      let response: TransportResponse;
      try {
        response = await transport.send(request);
      } catch (error) {
        safely(hooks.onError, () => ({ id, url, error: scrub(describe(error)), elapsedMs: performance.now() - started }));
        throw error;
      }
      const timeToHeadersMs = performance.now() - started;
      if (!hooks.onResponse) return response;
      const tap = new BodyTap(maxBytes);
      const report = (error?: Error | null): void => safely(hooks.onResponse, () => ({
        id, url, status: response.status, headers: redactHeaders(response.headers, forms),
        envelope: scrub(tap.preview()), bodyBytes: tap.bytes, truncated: tap.bytes > maxBytes,
        timeToHeadersMs, timeToEndMs: performance.now() - started,
        ...(error && { bodyError: scrub(describe(error)) }),
      }));
      // pipeline: an error of the source reaches the reader, and a reader that stops early frees the source.
      pipeline(response.body, tap, (error) => report(error));
      return { ...response, body: tap };
    },
  };
}

/** Passes every chunk on unchanged and keeps a copy of the first `limit` bytes. */
class BodyTap extends Transform {
  bytes = 0;
  readonly #kept: Buffer[] = [];
  #keptBytes = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.#keptBytes < this.limit) {
      const part = chunk.subarray(0, this.limit - this.#keptBytes);
      this.#kept.push(Buffer.from(part)); // a copy: the reader may reuse the chunk
      this.#keptBytes += part.length;
    }
    callback(null, chunk);
  }

  preview(): string {
    return Buffer.concat(this.#kept).toString('utf8');
  }
}

function envelopeText(body: TransportRequest['body'], maxBytes: number): string {
  if (body instanceof StreamedBody) {
    const text = body.parts.map((part) => (Buffer.isBuffer(part) ? part.toString('utf8') : `[base64 of a streamed source, ${part.size ?? 'unknown'} bytes]`)).join('');
    return text.slice(0, maxBytes);
  }
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return bytes.subarray(0, maxBytes).toString('utf8');
}

function envelopeSize(body: TransportRequest['body']): { envelopeBytes?: number } {
  const bytes = body instanceof StreamedBody ? body.length : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  return bytes === undefined ? {} : { envelopeBytes: bytes };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function safely<E>(hook: ((event: E) => void) | undefined, event: () => E): void {
  if (!hook) return;
  try {
    hook(event());
  } catch {
    // A failing hook must not fail, or change, the request it reports.
  }
}
