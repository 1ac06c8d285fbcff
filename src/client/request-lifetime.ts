/**
 * The deadline and the cancellation of one `Transport.send`: one timer and one AbortController span
 * every round trip (an NTLM handshake makes three) and the streaming of the response body, and every
 * low-level failure (a Node socket error, an AbortError) is turned into a typed error here.
 */
import { PassThrough, type Readable } from 'node:stream';
import { EwsAbortError, EwsConnectionError, EwsError, EwsTimeoutError, isTlsVerificationCode } from './errors';

export class RequestLifetime {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort = (): void => this.#stop('aborted');
  #stopReason: 'timeout' | 'aborted' | undefined;
  #ended = false;

  /** `host` names the server in connection messages (never the URL: it could carry user info). */
  constructor(
    private readonly host: string,
    readonly timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ) {
    this.#callerSignal = callerSignal;
    // unref: an idle timer alone must not keep the process alive; the pending socket does that.
    this.#timer = setTimeout(() => this.#stop('timeout'), timeoutMs).unref();
    callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  /** Aborts every round trip of this request, and the body, on timeout or on the caller's abort. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Called once the final body is done or the request failed: stops the timer. */
  end(): void {
    this.#ended = true;
    clearTimeout(this.#timer);
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }

  /** The typed error for a failed round trip or body. */
  failure(error: unknown, requestSent: boolean): EwsError {
    if (this.#stopReason === 'timeout') return new EwsTimeoutError(this.timeoutMs, requestSent);
    if (this.#stopReason === 'aborted') return new EwsAbortError(requestSent);
    if (error instanceof EwsError) return error;
    const code = errorCode(error);
    return new EwsConnectionError(code, requestSent, describeConnectionFailure(code, this.host), error);
  }

  /**
   * The body handed to callers: the bytes of `source`, but its errors (an AbortError, Node's
   * "aborted") arrive as typed errors, and destroying it releases the socket.
   */
  relay(source: Readable, requestSent: boolean): Readable {
    const body = new PassThrough();
    source.on('error', (error) => body.destroy(this.failure(error, requestSent)));
    body.once('close', () => {
      if (!source.readableEnded) source.destroy();
    });
    source.pipe(body);
    return body;
  }

  #stop(reason: 'timeout' | 'aborted'): void {
    if (this.#ended || this.#stopReason) return;
    this.#stopReason = reason;
    this.#controller.abort();
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : 'UNKNOWN';
}

function describeConnectionFailure(code: string, host: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `Connection to ${host} refused: nothing listens there (check the EWS URL and port)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name of ${host} could not be resolved`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The connection to ${host} was closed by the server or a proxy`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${host} could not be reached`;
    default:
      return isTlsVerificationCode(code)
        ? `The TLS certificate of ${host} could not be verified; pass the issuing CA as the transport's \`ca\` option`
        : `The connection to ${host} failed`;
  }
}
